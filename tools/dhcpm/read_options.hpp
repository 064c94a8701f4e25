// What the commands that read bytes (decode, validate, dissect) share: the
// options that say how to read them — the value selection, --lenient, the
// image addresses, the limits and the input file — and decoding by them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "io.hpp"

namespace dhcpm::cli {

struct read_request {
  value_selection selection;
  bool lenient = false;
  bool all = false;  // every value of a pickled buffer, as a JSON list (decode only)
  std::string base;  // native images: virtual address of the first byte
  std::string at;    // native images: address of the value (default: the base)
  decode_options options;
  std::string input_path{standard_stream};

  // The options with strict set from --lenient.
  [[nodiscard]] decode_options effective_options() const {
    decode_options o = options;
    o.strict = !lenient;
    return o;
  }
  [[nodiscard]] std::uint64_t image_base() const;
  [[nodiscard]] std::uint64_t value_address() const;
  // Where the value is, for the library, once the layout is known.
  [[nodiscard]] wire_format format(layout wire) const {
    return wire_format{wire, selection.frame, image_base(), value_address(), all};
  }
};

// Which of the optional parts a command offers.
struct read_features {
  bool all_values = false;  // --all
};

// Adds the options to `command`; the returned function, called once parsing
// is complete, fills the selection and throws CLI::ValidationError for
// combinations that do not exist (--base on an NDR layout, --all without
// pickling).
[[nodiscard]] std::function<void()> add_read_options(CLI::App& command, read_request& request, read_features features);

// The value of the input as JSON text (a list with --all; "" unless
// `with_text`), and the lenient warnings; or the decoding error.
struct decoded_json {
  std::string text;
  std::vector<error> warnings;
};
[[nodiscard]] std::variant<decoded_json, error> decode_to_json(byte_span input, const read_request& request,
                                                               layout wire, bool with_text = true);

}  // namespace dhcpm::cli
