// The two forms of `dhcpm dissect` output: an annotated hex dump like an
// analyzer's byte pane, and JSON. Both are fed region by region, in offset
// order, as the walk produces them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "dhcpm/call.hpp"
#include "dhcpm/dissect.hpp"
#include "stdout_writer.hpp"

// The input given to make_*_printer outlives the printer: regions index into it.

namespace dhcpm::cli {

// What the output's heading says.
struct dissect_heading {
  std::string layout_name;  // as requested ("pickle" when detected); finish() names the exact one
  value_type type = value_type::client;
  framing frame = framing::bare;
  std::size_t size = 0;  // bytes of input
  std::optional<call_stub_type> call;  // a call's stub data instead of a record (type and frame unused)
};

class dissect_printer {
 public:
  virtual ~dissect_printer() = default;
  virtual void region(const region& r) = 0;
  // After the last region: where the walk ended and why.
  virtual void finish(const dissect_summary& summary) = 0;
};

[[nodiscard]] std::unique_ptr<dissect_printer> make_text_printer(std::span<const std::uint8_t> input,
                                                                 const dissect_heading& heading, stdout_writer& out);
[[nodiscard]] std::unique_ptr<dissect_printer> make_json_printer(std::span<const std::uint8_t> input,
                                                                 const dissect_heading& heading, stdout_writer& out);

}  // namespace dhcpm::cli
