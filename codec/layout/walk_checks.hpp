// What every walker (NDR or native image) does with a failed check and with
// the decode budget, kept in one place so the walkers cannot drift apart:
// a hard failure stops the walk; a soft one is an error when strict and a
// warning (up to max_warnings) when lenient; every allocation a sink will make
// is charged against max_decoded_bytes before the sink makes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "layout/field_path.hpp"

namespace dhcpm::detail {

// What each record of type Record and each element slot is charged against
// max_decoded_bytes: their size in memory.
template <class Record>
inline constexpr std::uint64_t record_charge_of = sizeof(Record);
inline constexpr std::uint64_t slot_charge = sizeof(std::uint32_t);

class walk_checks {
 public:
  walk_checks(const decode_options& options, std::vector<error>& warnings) noexcept
      : options_(options), warnings_(warnings) {}

  [[nodiscard]] const decode_options& options() const noexcept { return options_; }

  bool fail(error_code code, std::size_t at, const field_path& path, std::string message) {
    failure_ = error{code, at, path.str(), std::move(message)};
    return false;
  }

  // A failure found by another walk (a call's record parameter), made this one's.
  bool fail_with(error e) {
    failure_ = std::move(e);
    return false;
  }

  // A check that lenient decoding survives.
  bool soft(error_code code, std::size_t at, const field_path& path, std::string message) {
    if (options_.strict) return fail(code, at, path, std::move(message));
    if (warnings_.size() < options_.max_warnings) warnings_.push_back(error{code, at, path.str(), std::move(message)});
    return true;
  }

  bool charge(std::uint64_t bytes, std::size_t at, const field_path& path) {
    if (bytes > options_.max_decoded_bytes - decoded_bytes_) [[unlikely]] {  // decoded_bytes_ <= max always
      return over_budget(at, path);
    }
    decoded_bytes_ += bytes;
    return true;
  }

  // Charges `bytes` if they fit in what is left; false (nothing charged, no
  // failure recorded) if they do not: the caller then charges item by item
  // to find the one that does not fit.
  [[nodiscard]] bool try_charge(std::uint64_t bytes) noexcept {
    if (bytes > options_.max_decoded_bytes - decoded_bytes_) return false;
    decoded_bytes_ += bytes;
    return true;
  }

  // The same for base.at(leaf), a path built only when the budget is exceeded.
  bool charge(std::uint64_t bytes, std::size_t at, const field_path& base, record_field leaf) {
    if (bytes > options_.max_decoded_bytes - decoded_bytes_) [[unlikely]] return over_budget(at, base.at(leaf));
    decoded_bytes_ += bytes;
    return true;
  }

  // An NDR64 referent id with a non-zero upper half (ndr64_format): refused
  // when strict; lenient decoding warns and goes on with its low half.
  [[gnu::cold, gnu::noinline]] bool wide_referent(std::uint64_t raw, std::size_t at, const field_path& path) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex = "0x";
    for (int shift = 60; shift >= 0; shift -= 4) hex += digits[(raw >> shift) & 0xF];
    return soft(error_code::invalid_referent_id, at, path, "referent id " + hex + " has a non-zero upper half");
  }

  // The checks of a conformant varying string's counts (NDR strings; a
  // call's ServerIpAddress), kept out of the walkers' hot paths.
  // A non-zero offset or actual_count > max_count: soft checks, in wire order
  // (max_count at max_at, each count `count_size` bytes).
  [[gnu::cold, gnu::noinline]] bool string_variance(const field_path& path, std::uint64_t max, std::uint64_t offset,
                                                    std::uint64_t actual, std::size_t max_at, std::size_t count_size) {
    if (offset != 0 && !soft(error_code::nonzero_string_offset, max_at + count_size, path,
                             "offset is " + std::to_string(offset) + ", not 0")) {
      return false;
    }
    return actual <= max || soft(error_code::actual_count_exceeds_max, max_at + 2 * count_size, path,
                                 "actual_count " + std::to_string(actual) + " exceeds max_count " + std::to_string(max));
  }
  // actual_count needs more than the `remaining` bytes, or exceeds max_string_units.
  [[gnu::cold, gnu::noinline]] bool string_too_long(const field_path& path, std::uint64_t actual, std::size_t actual_at,
                                                    std::size_t remaining) {
    if (actual > remaining / 2) {
      return fail(error_code::count_exceeds_input, actual_at, path,
                  "actual_count " + std::to_string(actual) + " needs more bytes than remain");
    }
    return fail(error_code::string_limit, actual_at, path,
                std::to_string(actual) + " units exceed the limit of " + std::to_string(options_.max_string_units));
  }
  // The last of `actual` units (at `units_at`) is not NUL, or there are none.
  [[gnu::cold, gnu::noinline]] bool unterminated_string(const field_path& path, std::uint64_t actual,
                                                        std::size_t actual_at, std::size_t units_at) {
    return soft(error_code::missing_terminator, actual == 0 ? actual_at : units_at + 2 * (actual - 1), path,
                "the string does not end in a NUL unit");
  }

  // The failure, once a check has failed (before that, an internal_error).
  [[nodiscard]] error take_failure() { return failure_ ? std::move(*failure_) : error{}; }

  // Type serialization decodes several values under one budget: each walk
  // starts where the previous one stopped.
  [[nodiscard]] std::uint64_t decoded_bytes() const noexcept { return decoded_bytes_; }
  void start_budget_at(std::uint64_t already_charged) noexcept { decoded_bytes_ = already_charged; }

 private:
  // Kept out of line so that charge() stays small enough to inline into the walkers' loops.
  [[gnu::cold, gnu::noinline]] bool over_budget(std::size_t at, const field_path& path) {
    return fail(error_code::decoded_size_limit, at, path,
                "the decoded value would exceed " + std::to_string(options_.max_decoded_bytes) + " bytes");
  }

  const decode_options& options_;
  std::vector<error>& warnings_;
  std::uint64_t decoded_bytes_ = 0;
  // Optional: a walk that passes (nearly every walk) neither builds nor destroys an error.
  std::optional<error> failure_;
};

}  // namespace dhcpm::detail
