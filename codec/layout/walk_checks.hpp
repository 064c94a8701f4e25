// What every walker (NDR or native image) does with a failed check and with
// the decode budget, kept in one place so the walkers cannot drift apart:
// a hard failure stops the walk; a soft one is an error when strict and a
// warning (up to max_warnings) when lenient; every allocation a sink will make
// is charged against max_decoded_bytes before the sink makes it.
#pragma once

#include <cstddef>
#include <cstdint>
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

  // The same for base.at(leaf), a path built only when the budget is exceeded.
  bool charge(std::uint64_t bytes, std::size_t at, const field_path& base, record_field leaf) {
    if (bytes > options_.max_decoded_bytes - decoded_bytes_) [[unlikely]] return over_budget(at, base.at(leaf));
    decoded_bytes_ += bytes;
    return true;
  }

  [[nodiscard]] error take_failure() { return std::move(failure_); }

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
  error failure_;
};

}  // namespace dhcpm::detail
