// Dissection as a consumer of the walk driver (drive/walk_driver.hpp): each
// walk gets a region_sink for its walker format, a pickled body is framed by
// its private header and padding regions, and when the walk is over a native
// image's regions (which arrive in pointer order) are tiled, and bare NDR's
// trailing bytes (lenient mode) become a region. The driver does the rest, as
// for decoding, so dissect walks exactly what decode walks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "dissect/region_output.hpp"
#include "dissect/region_sink.hpp"
#include "pickle/pickle_header.hpp"

namespace dhcpm::detail {

class dissecting {
 public:
  // `stream`: the common header of a pickled input (its regions already out), or nullptr.
  dissecting(std::span<const std::uint8_t> input, region_stream& out, const pickle_stream* stream) noexcept
      : input_(input), out_(out), stream_(stream) {}

  template <class F>
  region_sink& sink(F /*format*/) {
    finish_sink();
    native_ = is_native(F::wire);
    if constexpr (is_native(F::wire)) {
      sink_.emplace(input_, region_format{F::byte_order, UINT64_MAX, true}, collected_);
    } else {
      sink_.emplace(input_, region_format{F::byte_order, F::referent_mask, false}, out_);
    }
    return *sink_;
  }

  void value_begin(std::size_t index, std::size_t at, std::size_t /*bytes*/);
  void pointer(bool /*present*/) noexcept {}
  void value_end(std::size_t end, std::size_t limit);

  // The value may be followed by other bytes (detail::dissect_prefix): they
  // are no trailing region of its.
  void stop_at_value_end() noexcept { prefix_ = true; }

  // After the walk (`walked`: it succeeded): the regions still held back.
  void finish(bool walked);

  // A walker reported a region outside the input (a bug).
  [[nodiscard]] bool out_of_bounds() const noexcept { return out_of_bounds_; }

 private:
  void finish_sink();

  std::span<const std::uint8_t> input_;
  region_stream& out_;
  const pickle_stream* stream_;
  std::optional<region_sink> sink_;
  region_collector collected_;  // a native image's regions, tiled at the end
  bool native_ = false;
  bool out_of_bounds_ = false;
  bool prefix_ = false;
  std::uint32_t value_index_ = 0;
  std::size_t end_ = 0;  // where the last value ended
};

}  // namespace dhcpm::detail
