// encode_call: a stub's parameters in IDL order, each aligned and written
// whole before the next, canonical as the record encoders are (zero
// padding, referent ids 0x00020000 + 4k counting on across the parameters).
// A record parameter is the record encoder's own work.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "call/stub_walk.hpp"
#include "dhcpm/call.hpp"
#include "ndr/ndr_codec.hpp"
#include "ndr/ndr_format.hpp"
#include "wire/byte_writer.hpp"

namespace dhcpm {
namespace detail {
namespace {

error inconsistent(const param_info& p, std::size_t at, const char* expected) {
  return error{error_code::inconsistent_value, at, std::string(p.name), std::string("expected ") + expected};
}

template <class F>
class stub_encoder {
 public:
  explicit stub_encoder(bytes& out) : out_(out) {}

  std::optional<error> param(const param_info& p, const param_value& value) {
    if (const char* expected = param_mismatch(p, value)) return inconsistent(p, out_.position(), expected);
    switch (p.kind) {
      case param_kind::dword:
      case param_kind::return_value:
        out_.align(4);
        out_.put<std::uint32_t, 4, F::byte_order>(std::get<std::uint32_t>(value));
        return std::nullopt;
      case param_kind::unique_string: return string(p, std::get<utf16_string>(value));
      case param_kind::ref_record: return record(p, std::get<any_record>(value));
      case param_kind::unique_record: {
        const auto& pointee = std::get<std::optional<any_record>>(value);
        pointer(pointee.has_value());
        return pointee ? record(p, *pointee) : std::nullopt;
      }
    }
    return std::nullopt;
  }

 private:
  static constexpr std::size_t ps = F::pointer_size;
  static constexpr std::size_t cs = F::count_size;

  void pointer(bool present) {
    out_.align(ps);
    out_.put<std::uint64_t, ps, F::byte_order>(present ? 0x00020000u + 4 * referents_++ : 0);
  }

  // [unique, string]: the referent id, then max_count = actual_count = the
  // units with their terminator, offset 0, and the units.
  std::optional<error> string(const param_info& p, const utf16_string& s) {
    pointer(!s.is_null());
    if (s.is_null()) return std::nullopt;
    const std::uint64_t count = std::uint64_t{s.size()} + 1;
    if (count > (std::uint64_t{1} << (8 * cs - 1))) {
      return error{error_code::value_out_of_range, out_.position(), std::string(p.name), "the string is too long for its counts"};
    }
    out_.align(cs);
    out_.put<std::uint64_t, cs, F::byte_order>(count);
    out_.put<std::uint64_t, cs, F::byte_order>(0);
    out_.put<std::uint64_t, cs, F::byte_order>(count);
    for (const char16_t unit : s.units()) out_.put<std::uint16_t, 2, F::byte_order>(unit);
    out_.put<std::uint16_t, 2, F::byte_order>(0);
    return std::nullopt;
  }

  // Every record a call carries starts at the pointer alignment (stub_walk.hpp).
  std::optional<error> record(const param_info& p, const any_record& value) {
    out_.align(ps);
    const std::size_t base = out_.position();
    result<bytes> written = std::visit(
        [&](const auto& record) { return ndr_encode_bare(record, F::wire, referents_); }, value);
    if (!written) return in_stub(std::move(written).error_value(), p, base);
    out_.put_bytes(written->data(), written->size());
    return std::nullopt;
  }

  byte_writer out_;
  std::uint64_t referents_ = 0;
};

}  // namespace
}  // namespace detail

result<bytes> encode_call(const call_stub& stub, layout wire) {
  if (std::optional<error> refused = detail::check_stub_layout(wire)) return std::move(*refused);
  const auto params = stub.type.params();
  if (stub.params.size() != params.size()) {
    return error{error_code::inconsistent_value, 0, "",
                 std::string(stub.type.info().method) + " " + std::string(to_string(stub.type.dir)) + " has " +
                     std::to_string(params.size()) + " parameters, the stub holds " +
                     std::to_string(stub.params.size())};
  }
  return detail::with_ndr_format(wire, [&](auto format) -> result<bytes> {
    bytes out;
    {
      detail::stub_encoder<decltype(format)> encoder(out);  // sizes `out` when it goes out of scope
      for (std::size_t i = 0; i < params.size(); ++i) {
        if (std::optional<error> failed = encoder.param(params[i], stub.params[i])) return std::move(*failed);
      }
    }
    return out;
  });
}

}  // namespace dhcpm
