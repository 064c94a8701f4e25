// decode_call and validate_call: the stub walk (stub_walk.hpp) with a
// consumer that builds the stub's values, and with one that builds nothing.
// A record parameter is the record decoder's (or validator's) own work.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "call/stub_walk.hpp"
#include "dhcpm/call.hpp"
#include "drive/prefix.hpp"

namespace dhcpm {
namespace detail {

// The layouts stub data lives in.
std::optional<error> check_stub_layout(layout wire) {
  if (is_ndr(wire)) return std::nullopt;
  return error{error_code::unsupported, 0, "",
               "a call's stub data is NDR (ndr20, ndr20be, ndr64), not " + std::string(to_string(wire))};
}

namespace {

class stub_building {
 public:
  explicit stub_building(call_stub& stub) noexcept : stub_(stub) {}

  void region(dhcpm::region_kind, const param_info&, std::size_t, std::size_t, std::uint64_t) noexcept {}
  void dword(std::size_t index, std::uint32_t value) { stub_.params[index] = value; }
  void string(std::size_t index, const std::uint8_t* units, std::size_t count, order o) {
    std::u16string text(count, u'\0');
    for (std::size_t i = 0; i < count; ++i) text[i] = static_cast<char16_t>(load_uint(o, units + 2 * i));
    stub_.params[index] = utf16_string::from_units(text);
  }
  void null_string(std::size_t index) { stub_.params[index] = utf16_string::null(); }
  void trailing(std::size_t, std::size_t) noexcept {}

  std::optional<error> record(std::size_t index, const param_info& p, byte_span rest, std::size_t base,
                              const wire_format& format, const decode_options& options, std::vector<error>& warnings,
                              std::size_t& end) {
    return with_record_type(p.type, [&]<class Record>(std::type_identity<Record>) -> std::optional<error> {
      if (format.frame == framing::bare) {
        result<decoded<Record>> got = decode_prefix<Record>(rest, format, options, end);
        if (!got) return in_stub(std::move(got).error_value(), p, base);
        take_warnings(std::move(got->warnings), p, base, warnings, options.max_warnings);
        stub_.params[index] = any_record(std::move(got->value));
      } else {
        result<decoded<std::optional<Record>>> got = decode_prefix<std::optional<Record>>(rest, format, options, end);
        if (!got) return in_stub(std::move(got).error_value(), p, base);
        take_warnings(std::move(got->warnings), p, base, warnings, options.max_warnings);
        std::optional<any_record> value;
        if (got->value) value.emplace(std::move(*got->value));
        stub_.params[index] = std::move(value);
      }
      return std::nullopt;
    });
  }

 private:
  static std::uint16_t load_uint(order o, const std::uint8_t* p) noexcept {
    return o == order::big ? load<std::uint16_t, 2, order::big>(p) : load<std::uint16_t, 2, order::little>(p);
  }
  call_stub& stub_;
};

struct stub_validation {
  void region(dhcpm::region_kind, const param_info&, std::size_t, std::size_t, std::uint64_t) noexcept {}
  void dword(std::size_t, std::uint32_t) noexcept {}
  void string(std::size_t, const std::uint8_t*, std::size_t, order) noexcept {}
  void null_string(std::size_t) noexcept {}
  void trailing(std::size_t, std::size_t) noexcept {}

  std::optional<error> record(std::size_t, const param_info& p, byte_span rest, std::size_t base,
                              const wire_format& format, const decode_options& options, std::vector<error>& warnings,
                              std::size_t& end) {
    result<std::vector<error>> got = validate_prefix(rest, p.type, format, options, end);
    if (!got) return in_stub(std::move(got).error_value(), p, base);
    take_warnings(std::move(*got), p, base, warnings, options.max_warnings);
    return std::nullopt;
  }
};

}  // namespace
}  // namespace detail

result<decoded<call_stub>> decode_call(byte_span input, call_stub_type type, layout wire,
                                       const decode_options& options) {
  if (std::optional<error> refused = detail::check_stub_layout(wire)) return std::move(*refused);
  decoded<call_stub> out;
  out.value = empty_stub(type);
  out.wire = wire;
  detail::stub_building consumer(out.value);
  error failure;
  if (!detail::walk_call_stub(input, type, wire, options, out.warnings, failure, consumer)) return failure;
  return out;
}

result<std::vector<error>> validate_call(byte_span input, call_stub_type type, layout wire,
                                         const decode_options& options) {
  if (std::optional<error> refused = detail::check_stub_layout(wire)) return std::move(*refused);
  std::vector<error> warnings;
  detail::stub_validation consumer;
  error failure;
  if (!detail::walk_call_stub(input, type, wire, options, warnings, failure, consumer)) return failure;
  return warnings;
}

}  // namespace dhcpm
