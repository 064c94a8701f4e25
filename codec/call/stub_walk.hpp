// The one walk over a call's stub data (call.hpp): each parameter in IDL
// order, each aligned and read whole before the next. The DWORDs and the
// ServerIpAddress string are read here; a record parameter is handed to the
// consumer, which reads it with the record walks that stop at the record's
// last byte (drive/prefix.hpp) — decoding, validation and dissection of a
// record are the library's own, so a call cannot disagree with its types.
//
//   struct consumer {
//     // The stub's own bytes (not a record's), for dissection.
//     void region(dhcpm::region_kind kind, const param_info& p, std::size_t at, std::size_t length, std::uint64_t number);
//     void dword(std::size_t index, std::uint32_t value);
//     // A string's units in the layout's byte order, terminator excluded; or NULL.
//     void string(std::size_t index, const std::uint8_t* units, std::size_t count, order o);
//     void null_string(std::size_t index);
//     // The record of parameter `index` at the start of `rest` (input offset
//     // `base`): reads it as `format` says, puts its warnings (shifted: see
//     // below) into `warnings`, and on success sets `end` (relative to rest);
//     // on failure returns the error, shifted.
//     std::optional<error> record(std::size_t index, const param_info& p, byte_span rest, std::size_t base,
//                                 const wire_format& format, const decode_options& options,
//                                 std::vector<error>& warnings, std::size_t& end);
//     void trailing(std::size_t at, std::size_t length);  // lenient: bytes after the last parameter
//   };
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dhcpm/call.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/record_types.hpp"
#include "layout/field_path.hpp"
#include "layout/walk_checks.hpp"
#include "ndr/ndr_format.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

// std::nullopt for the layouts stub data lives in (the NDR ones), or the
// unsupported error every call entry point gives for another.
[[nodiscard]] std::optional<error> check_stub_layout(layout wire);

// nullptr when `value` is what parameter `p` holds (call_stub's promise);
// otherwise what it should be ("a DWORD").
[[nodiscard]] const char* param_mismatch(const param_info& p, const param_value& value);

// The path of a parameter's own bytes: its name.
[[nodiscard]] constexpr field_path param_path(const param_info& p) noexcept {
  return field_path{p.name, -1, {}, value_type::client};
}

// An error or warning of a record parameter read on its own, made the
// stub's: its offset counted from the stub's start, its path from the
// parameter ("Clients[3]" becomes "ClientInfo.Clients[3]").
[[nodiscard]] inline error in_stub(error e, const param_info& p, std::size_t base) {
  e.offset += base;
  e.path = e.path.empty() ? std::string(p.name) : std::string(p.name) + "." + e.path;
  return e;
}

// Moves a record parameter's warnings into the stub's, shifted, up to `limit`.
inline void take_warnings(std::vector<error>&& from, const param_info& p, std::size_t base, std::vector<error>& to,
                          std::size_t limit) {
  for (error& e : from) {
    if (to.size() < limit) to.push_back(in_stub(std::move(e), p, base));
  }
}

// The same for a region of a record parameter's dissection.
inline void in_stub(region& r, const param_info& p, std::size_t base) {
  r.offset += base;
  r.path = r.path.empty() ? std::string(p.name) : std::string(p.name) + "." + r.path;
  r.parameter = p.name;
}

// The stub's options for a record parameter: what the parameters before it
// were charged is no longer in the budget.
[[nodiscard]] inline decode_options record_options(const decode_options& options, const walk_checks& checks) {
  decode_options out = options;
  out.max_decoded_bytes -= checks.decoded_bytes();
  return out;
}

// The index of the Array parameter of `type`, when the rest are DWORDs: the
// stubs a cursor or a view reads (open_cursor, view_call).
template <class Array>
std::optional<std::size_t> array_param(call_stub_type type) {
  std::optional<std::size_t> found;
  const auto params = type.params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    const param_info& p = params[i];
    switch (p.kind) {
      case param_kind::dword:
      case param_kind::return_value: break;
      case param_kind::unique_string: return std::nullopt;
      case param_kind::ref_record:
      case param_kind::unique_record:
        if (found || p.type != value_type_of<Array>) return std::nullopt;
        found = i;
        break;
    }
  }
  return found;
}

template <class F, class Consumer>
class stub_walk {
 public:
  stub_walk(byte_span input, const decode_options& options, std::vector<error>& warnings, Consumer& consumer)
      : input_(input), in_(input), checks_(options, warnings), warnings_(warnings), consumer_(consumer) {}

  // Every parameter of `type`, then the end-of-input check.
  [[nodiscard]] bool walk(call_stub_type type) { return params(type, 0, type.params().size()) && end(); }

  // Parameters [first, last) of `type`, from where the walk is.
  [[nodiscard]] bool params(call_stub_type type, std::size_t first, std::size_t last) {
    const auto params = type.params();
    for (std::size_t i = first; i < last; ++i) {
      const param_info& p = params[i];
      bool ok = false;
      switch (p.kind) {
        case param_kind::dword:
        case param_kind::return_value: ok = dword(i, p); break;
        case param_kind::unique_string: ok = unique_string(i, p); break;
        case param_kind::ref_record: ok = record(i, p, framing::bare); break;
        case param_kind::unique_record: ok = record(i, p, framing::ptr); break;
      }
      if (!ok) return false;
    }
    return true;
  }

  // Where record parameter `p` starts (its padding passed): every record a
  // call carries starts at the layout's pointer alignment (it holds a
  // pointer, or is one). std::nullopt: it does not fit (failure set).
  [[nodiscard]] std::optional<std::size_t> record_start(const param_info& p) {
    const std::size_t at = in_.aligned(ps);
    if (at > input_.size()) {
      checks_.fail(error_code::truncated, input_.size(), param_path(p), "the parameter does not fit");
      return std::nullopt;
    }
    pad(p, at);
    return at;
  }

  // Goes on at `at` (after a record read elsewhere).
  void seek(std::size_t at) noexcept { in_.seek(at); }

  // The check of the end of the stub: nothing after its last parameter.
  [[nodiscard]] bool end() {
    if (in_.remaining() == 0) return true;
    if (!checks_.soft(error_code::trailing_bytes, in_.position(), field_path{},
                      std::to_string(in_.remaining()) + " bytes after the stub's last parameter")) {
      return false;
    }
    consumer_.trailing(in_.position(), in_.remaining());
    return true;
  }

  [[nodiscard]] error take_failure() { return checks_.take_failure(); }
  [[nodiscard]] const walk_checks& checks() const noexcept { return checks_; }
  [[nodiscard]] std::size_t position() const noexcept { return in_.position(); }

 private:
  static constexpr std::size_t ps = F::pointer_size;
  static constexpr std::size_t cs = F::count_size;

  // Alignment padding up to `to` (the bytes need not be zero: NDR readers skip them).
  void pad(const param_info& p, std::size_t to) {
    if (to > in_.position() && to <= input_.size()) {
      consumer_.region(dhcpm::region_kind::padding, p, in_.position(), to - in_.position(), 0);
    }
  }

  // A 4-byte or count-sized number at the aligned position; false when cut off.
  bool number(const param_info& p, std::size_t size, dhcpm::region_kind kind, std::uint64_t& value, const char* what) {
    const std::size_t at = in_.aligned(size);
    if (!in_.fits_at(at, size)) {
      return checks_.fail(error_code::truncated, at < input_.size() ? at : input_.size(), param_path(p),
                          std::string(what) + " does not fit");
    }
    pad(p, at);
    value = load_uint<F::byte_order>(input_.data() + at, size);
    consumer_.region(kind, p, at, size, value);
    in_.seek(at + size);
    return true;
  }

  bool dword(std::size_t index, const param_info& p) {
    std::uint64_t value = 0;
    const bool result = p.kind == param_kind::return_value;
    if (!number(p, 4, result ? dhcpm::region_kind::return_value : dhcpm::region_kind::field, value,
                result ? "the return value" : "the parameter")) {
      return false;
    }
    consumer_.dword(index, static_cast<std::uint32_t>(value));
    return true;
  }

  // A referent id, then (not NULL) max_count, offset, actual_count and the units.
  bool unique_string(std::size_t index, const param_info& p) {
    const field_path path = param_path(p);
    std::uint64_t raw = 0;
    if (!number(p, ps, dhcpm::region_kind::referent_id, raw, "the pointer")) return false;
    if (raw >> 32 != 0 && !checks_.wide_referent(raw, in_.position() - ps, path)) return false;
    if ((raw & F::referent_mask) == 0) {
      consumer_.null_string(index);
      return true;
    }
    std::uint64_t max = 0;
    std::uint64_t offset = 0;
    std::uint64_t actual = 0;
    if (!number(p, cs, dhcpm::region_kind::max_count, max, "max_count") ||
        !number(p, cs, dhcpm::region_kind::string_offset, offset, "the offset") ||
        !number(p, cs, dhcpm::region_kind::actual_count, actual, "actual_count")) {
      return false;
    }
    const std::size_t actual_at = in_.position() - cs;
    if ((offset != 0 || actual > max) && !checks_.string_variance(path, max, offset, actual, actual_at - 2 * cs, cs)) {
      return false;
    }
    if (actual > in_.remaining() / 2 || actual > checks_.options().max_string_units) {
      return checks_.string_too_long(path, actual, actual_at, in_.remaining());
    }
    if (!checks_.charge(actual * 2, actual_at, path)) return false;
    const std::size_t at = in_.position();
    const std::uint8_t* units = input_.data() + at;
    const bool terminated = actual != 0 && load<std::uint16_t, 2, F::byte_order>(units + 2 * (actual - 1)) == 0;
    if (!terminated && !checks_.unterminated_string(path, actual, actual_at, at)) return false;
    if (actual != 0) consumer_.region(dhcpm::region_kind::string_units, p, at, 2 * actual, 0);
    consumer_.string(index, units, terminated ? actual - 1 : actual, F::byte_order);
    in_.skip(2 * actual);
    return true;
  }

  // A record, as a top-level struct (bare) or behind a unique pointer (ptr).
  bool record(std::size_t index, const param_info& p, framing frame) {
    const std::optional<std::size_t> start = record_start(p);
    if (!start) return false;
    const std::size_t at = *start;
    const wire_format format{.wire = F::wire, .frame = frame};
    std::size_t end = 0;
    std::optional<error> failed = consumer_.record(index, p, input_.subspan(at), at, format,
                                                   record_options(checks_.options(), checks_), warnings_, end);
    if (failed) return checks_.fail_with(std::move(*failed));
    in_.seek(at + end);
    return true;
  }

  byte_span input_;
  byte_reader in_;
  walk_checks checks_;
  std::vector<error>& warnings_;
  Consumer& consumer_;
};

// Walks `input` as the stub of `type` in `wire` (an NDR layout): true, or
// false with `failure` set.
template <class Consumer>
[[nodiscard]] bool walk_call_stub(byte_span input, call_stub_type type, layout wire, const decode_options& options,
                                  std::vector<error>& warnings, error& failure, Consumer& consumer) {
  return with_ndr_format(wire, [&](auto format) {
    stub_walk<decltype(format), Consumer> walk(input, options, warnings, consumer);
    if (walk.walk(type)) return true;
    failure = walk.take_failure();
    return false;
  });
}

}  // namespace dhcpm::detail
