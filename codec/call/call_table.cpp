// Names and lookups over call_table (call.hpp), and the stub value's helpers.
#include <array>
#include <utility>

#include "call/stub_walk.hpp"
#include "dhcpm/call.hpp"

namespace dhcpm {

std::string_view to_string(direction d) noexcept { return d == direction::request ? "request" : "response"; }

std::optional<direction> parse_direction(std::string_view name) noexcept {
  if (name == "request") return direction::request;
  if (name == "response") return direction::response;
  return std::nullopt;
}

std::string_view to_string(rpc_interface i) noexcept { return i == rpc_interface::dhcpsrv ? "dhcpsrv" : "dhcpsrv2"; }

std::string_view uuid_of(rpc_interface i) noexcept {
  return i == rpc_interface::dhcpsrv ? "6bffd098-a112-3610-9833-46c3f874532d" : "5b821720-f63b-11d0-aad2-00c04fc324db";
}

std::optional<rpc_interface> parse_interface(std::string_view name) noexcept {
  if (name == "dhcpsrv") return rpc_interface::dhcpsrv;
  if (name == "dhcpsrv2") return rpc_interface::dhcpsrv2;
  return std::nullopt;
}

std::optional<std::size_t> find_call(std::string_view method) noexcept {
  for (std::size_t i = 0; i < call_table.size(); ++i) {
    if (call_table[i].method == method) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> find_call(rpc_interface iface, std::uint16_t opnum) noexcept {
  for (std::size_t i = 0; i < call_table.size(); ++i) {
    if (call_table[i].iface == iface && call_table[i].opnum == opnum) return i;
  }
  return std::nullopt;
}

std::string_view return_value_name(std::uint32_t value) noexcept {
  // The Win32 errors these calls return ([MS-ERREF] 2.2) and the DHCP
  // server's own ([MS-DHCPM] 2.2.1.1.13).
  static constexpr std::array<std::pair<std::uint32_t, std::string_view>, 11> names{{
      {0, "ERROR_SUCCESS"},
      {5, "ERROR_ACCESS_DENIED"},
      {87, "ERROR_INVALID_PARAMETER"},
      {234, "ERROR_MORE_DATA"},           // 0xEA: call again with the returned ResumeHandle
      {259, "ERROR_NO_MORE_ITEMS"},       // 0x103: the enumeration is over
      {1745, "RPC_S_PROCNUM_OUT_OF_RANGE"},
      {20005, "ERROR_DHCP_SUBNET_NOT_PRESENT"},
      {20013, "ERROR_DHCP_JET_ERROR"},    // 0x4E2D: the server's database failed (or no such client)
      {20014, "ERROR_DHCP_CLIENT_EXISTS"},
      {20016, "ERROR_DHCP_INVALID_DHCP_CLIENT"},
      {20019, "ERROR_DHCP_RESERVED_CLIENT"},
  }};
  for (const auto& [number, name] : names) {
    if (number == value) return name;
  }
  return {};
}

const param_value* call_stub::find(std::string_view name) const noexcept {
  const auto params_of = type.params();
  for (std::size_t i = 0; i < params_of.size() && i < params.size(); ++i) {
    if (params_of[i].name == name) return &params[i];
  }
  return nullptr;
}

param_value* call_stub::find(std::string_view name) noexcept {
  return const_cast<param_value*>(std::as_const(*this).find(name));
}

call_stub empty_stub(call_stub_type type) {
  call_stub stub{type, {}};
  stub.params.reserve(type.params().size());  // one allocation: a parameter holds any record
  for (const param_info& p : type.params()) {
    switch (p.kind) {
      case param_kind::dword:
      case param_kind::return_value: stub.params.emplace_back(std::uint32_t{0}); break;
      case param_kind::unique_string: stub.params.emplace_back(utf16_string::null()); break;
      case param_kind::ref_record:
        stub.params.emplace_back(with_record_type(p.type, [](auto t) { return any_record(typename decltype(t)::type{}); }));
        break;
      case param_kind::unique_record: stub.params.emplace_back(std::optional<any_record>{}); break;
    }
  }
  return stub;
}

namespace detail {

// Whether `value` is what parameter `p` holds (call_stub's promise).
const char* param_mismatch(const param_info& p, const param_value& value) {
  switch (p.kind) {
    case param_kind::dword:
    case param_kind::return_value: return std::holds_alternative<std::uint32_t>(value) ? nullptr : "a DWORD";
    case param_kind::unique_string: return std::holds_alternative<utf16_string>(value) ? nullptr : "a string";
    case param_kind::ref_record: {
      const auto* record = std::get_if<any_record>(&value);
      return record != nullptr && record->index() == static_cast<std::size_t>(p.type) ? nullptr
                                                                                       : "a record of the parameter's type";
    }
    case param_kind::unique_record: {
      const auto* record = std::get_if<std::optional<any_record>>(&value);
      return record != nullptr && (!*record || (*record)->index() == static_cast<std::size_t>(p.type))
                 ? nullptr
                 : "a record of the parameter's type, or NULL";
    }
  }
  return "a known parameter kind";
}

}  // namespace detail
}  // namespace dhcpm
