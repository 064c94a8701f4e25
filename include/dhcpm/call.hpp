// The twenty-two dhcpsrv / dhcpsrv2 calls that carry the client records, as
// data: each call's parameters in IDL order, per direction, and what each one
// is on the wire. One table (call_table) drives decoding, encoding,
// validation, dissection, JSON and generation of a call's stub data, so a
// call is described once and no code names one.
//
// Stub data is what follows the PDU header: a request's [in] parameters, a
// response's [out] parameters and then the DWORD return value. MIDL and
// Samba marshal each parameter whole, pointees included, before the next
// ([MS-RPCE] 2.2.5.3.4.4 / C706 14.3.12.3): a top-level [ref] pointer puts
// only its pointee on the wire, a [unique] one a referent id and then (when
// not NULL) its pointee. Referent ids count on across the parameters.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "dhcpm/record_types.hpp"
#include "dhcpm/schema.hpp"
#include "dhcpm/utf16_string.hpp"
#include "dhcpm/view.hpp"

namespace dhcpm {

enum class direction : std::uint8_t { request, response };
[[nodiscard]] std::string_view to_string(direction d) noexcept;  // "request", "response"
[[nodiscard]] std::optional<direction> parse_direction(std::string_view name) noexcept;

enum class rpc_interface : std::uint8_t {
  dhcpsrv,   // 6BFFD098-A112-3610-9833-46C3F874532D v1.0
  dhcpsrv2,  // 5B821720-F63B-11D0-AAD2-00C04FC324DB v1.0
};
[[nodiscard]] std::string_view to_string(rpc_interface i) noexcept;  // "dhcpsrv", "dhcpsrv2"
[[nodiscard]] std::string_view uuid_of(rpc_interface i) noexcept;
[[nodiscard]] std::optional<rpc_interface> parse_interface(std::string_view name) noexcept;

// What one parameter is on the wire.
enum class param_kind : std::uint8_t {
  // A DWORD (or DHCP_IP_ADDRESS): an [in] value, or the pointee of an [in,out]
  // or [out] DWORD* (a top-level [ref] pointer: only its pointee is marshalled).
  dword,
  // [in, unique, string] WCHAR* (DHCP_SRV_HANDLE): a referent id, then
  // (when not NULL) the conformant varying string.
  unique_string,
  // [in, ref] T*: the record T itself, as a top-level struct.
  ref_record,
  // [out] T** (a [ref] pointer to a unique pointer): a referent id, then
  // (when not NULL) the record T.
  unique_record,
  // The call's DWORD result, after a response's [out] parameters.
  return_value,
};

struct param_info {
  std::string_view name;  // the IDL parameter name: the JSON key and the first part of a path
  param_kind kind;
  // ref_record / unique_record: the record type; otherwise unused.
  value_type type = value_type::client;
  // dword: how its number reads (ipv4 for DHCP_IP_ADDRESS).
  field_meaning meaning = field_meaning::number;
};

struct call_info {
  std::string_view method;  // "R_DhcpV4EnumSubnetClients"
  rpc_interface iface;
  std::uint16_t opnum;
  std::span<const param_info> request;   // [in] parameters
  std::span<const param_info> response;  // [out] parameters, then ReturnValue

  [[nodiscard]] constexpr std::span<const param_info> params(direction d) const noexcept {
    return d == direction::request ? request : response;
  }
};

namespace call_params {
using k = param_kind;
using t = value_type;
inline constexpr param_info server{"ServerIpAddress", k::unique_string};
inline constexpr param_info returned{"ReturnValue", k::return_value};

// R_DhcpCreateClientInfo*, R_DhcpSetClientInfo*: the record to store.
template <value_type T>
inline constexpr std::array<param_info, 2> store_request{server, {"ClientInfo", k::ref_record, T}};
// R_DhcpGet*ClientInfo*: which client.
inline constexpr std::array<param_info, 2> search_request{server, {"SearchInfo", k::ref_record, t::DHCP_SEARCH_INFO}};
// R_DhcpDeleteClientInfo names its DHCP_SEARCH_INFO ClientInfo.
inline constexpr std::array<param_info, 2> delete_request{server, {"ClientInfo", k::ref_record, t::DHCP_SEARCH_INFO}};
// R_DhcpEnumSubnetClients*: a subnet and where to resume.
inline constexpr std::array<param_info, 4> enum_request{
    server,
    {"SubnetAddress", k::dword, t::client, field_meaning::ipv4},
    {"ResumeHandle", k::dword},
    {"PreferredMaximum", k::dword},
};
inline constexpr std::array<param_info, 1> status_response{returned};
template <value_type T>
inline constexpr std::array<param_info, 2> record_response{param_info{"ClientInfo", k::unique_record, T}, returned};
template <value_type A>
inline constexpr std::array<param_info, 5> enum_response{
    param_info{"ResumeHandle", k::dword},
    {"ClientInfo", k::unique_record, A},
    {"ClientsRead", k::dword},
    {"ClientsTotal", k::dword},
    returned,
};
}  // namespace call_params

// Every call dhcpm knows: [MS-DHCPM] 3.1.4 (dhcpsrv) and 3.2.4 (dhcpsrv2).
inline constexpr std::array call_table = [] {
  using namespace call_params;
  using i = rpc_interface;
  return std::array<call_info, 22>{{
      {"R_DhcpCreateClientInfo", i::dhcpsrv, 16, store_request<t::DHCP_CLIENT_INFO>, status_response},
      {"R_DhcpSetClientInfo", i::dhcpsrv, 17, store_request<t::DHCP_CLIENT_INFO>, status_response},
      {"R_DhcpGetClientInfo", i::dhcpsrv, 18, search_request, record_response<t::DHCP_CLIENT_INFO>},
      {"R_DhcpDeleteClientInfo", i::dhcpsrv, 19, delete_request, status_response},
      {"R_DhcpEnumSubnetClients", i::dhcpsrv, 20, enum_request, enum_response<t::DHCP_CLIENT_INFO_ARRAY>},
      {"R_DhcpCreateClientInfoV4", i::dhcpsrv, 32, store_request<t::DHCP_CLIENT_INFO_V4>, status_response},
      {"R_DhcpSetClientInfoV4", i::dhcpsrv, 33, store_request<t::DHCP_CLIENT_INFO_V4>, status_response},
      {"R_DhcpGetClientInfoV4", i::dhcpsrv, 34, search_request, record_response<t::DHCP_CLIENT_INFO_V4>},
      {"R_DhcpEnumSubnetClientsV4", i::dhcpsrv, 35, enum_request, enum_response<t::DHCP_CLIENT_INFO_ARRAY_V4>},
      {"R_DhcpCreateClientInfoVQ", i::dhcpsrv, 44, store_request<t::DHCP_CLIENT_INFO_VQ>, status_response},
      {"R_DhcpSetClientInfoVQ", i::dhcpsrv, 45, store_request<t::DHCP_CLIENT_INFO_VQ>, status_response},
      {"R_DhcpGetClientInfoVQ", i::dhcpsrv, 46, search_request, record_response<t::DHCP_CLIENT_INFO_VQ>},
      {"R_DhcpEnumSubnetClientsVQ", i::dhcpsrv, 47, enum_request, enum_response<t::DHCP_CLIENT_INFO_ARRAY_VQ>},
      {"R_DhcpEnumSubnetClientsV5", i::dhcpsrv2, 0, enum_request, enum_response<t::DHCP_CLIENT_INFO_ARRAY_V5>},
      {"R_DhcpEnumSubnetClientsFilterStatusInfo", i::dhcpsrv2, 88, enum_request,
       enum_response<t::DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY>},
      {"R_DhcpV4FailoverGetClientInfo", i::dhcpsrv2, 98, search_request, record_response<t::client>},
      {"R_DhcpV4EnumSubnetClients", i::dhcpsrv2, 115, enum_request, enum_response<t::DHCP_CLIENT_INFO_PB_ARRAY>},
      {"R_DhcpV4CreateClientInfo", i::dhcpsrv2, 122, store_request<t::DHCP_CLIENT_INFO_PB>, status_response},
      {"R_DhcpV4GetClientInfo", i::dhcpsrv2, 123, search_request, record_response<t::DHCP_CLIENT_INFO_PB>},
      {"R_DhcpV4EnumSubnetClientsEx", i::dhcpsrv2, 130, enum_request, enum_response<t::DHCP_CLIENT_INFO_EX_ARRAY>},
      {"R_DhcpV4CreateClientInfoEx", i::dhcpsrv2, 131, store_request<t::DHCP_CLIENT_INFO_EX>, status_response},
      {"R_DhcpV4GetClientInfoEx", i::dhcpsrv2, 132, search_request, record_response<t::DHCP_CLIENT_INFO_EX>},
  }};
}();

// One direction of one call: an index into call_table and the direction.
struct call_stub_type {
  std::size_t call = 0;
  direction dir = direction::request;

  [[nodiscard]] const call_info& info() const noexcept { return call_table[call]; }
  [[nodiscard]] std::span<const param_info> params() const noexcept { return info().params(dir); }
  friend bool operator==(const call_stub_type&, const call_stub_type&) = default;
};

// The call a method name names, or the one at an interface's opnum (opnums
// repeat across the two interfaces).
[[nodiscard]] std::optional<std::size_t> find_call(std::string_view method) noexcept;
[[nodiscard]] std::optional<std::size_t> find_call(rpc_interface iface, std::uint16_t opnum) noexcept;

// The name of a return value analyzers look for ("ERROR_MORE_DATA" for
// 0xEA), or "" for one dhcpm has no name for.
[[nodiscard]] std::string_view return_value_name(std::uint32_t value) noexcept;

// One parameter's value: a DWORD (dword, return_value), a string (NULL or
// not), a record ([ref]: always there), or an optional record ([unique]).
using param_value = std::variant<std::uint32_t, utf16_string, any_record, std::optional<any_record>>;

// The stub data of one direction of a call: a value per parameter, in the
// order of type.params(). A value whose alternatives disagree with the
// table (a string where a DWORD goes, a record of another type) is refused
// by encode_call and call_to_json with error_code::inconsistent_value.
struct call_stub {
  call_stub_type type;
  std::vector<param_value> params;

  // The value of the parameter named `name`, or nullptr.
  [[nodiscard]] const param_value* find(std::string_view name) const noexcept;
  [[nodiscard]] param_value* find(std::string_view name) noexcept;

  friend bool operator==(const call_stub&, const call_stub&) = default;
};

// The stub of `type` with every parameter at its empty value: DWORDs 0,
// strings NULL, [ref] records default-constructed, [unique] records NULL.
[[nodiscard]] call_stub empty_stub(call_stub_type type);

// Realistic stub data of `type` (generate.hpp's generator draws it): a
// server address or name, a client's subnet, a resume handle, a buffer size,
// realistic records, and the outcomes an analyzer meets (ERROR_MORE_DATA
// with a resume handle, ERROR_NO_MORE_ITEMS, ERROR_DHCP_JET_ERROR with no
// record). The same generator state gives the same stub everywhere.
class realistic_generator;
[[nodiscard]] call_stub generate_call(call_stub_type type, realistic_generator& g);

// Stub data in an NDR layout (ndr20, ndr20be, ndr64; other layouts are
// refused with error_code::unsupported). Errors and warnings name the
// parameter first: `ClientInfo.Clients[3].OwnerHost.HostName`.
[[nodiscard]] result<decoded<call_stub>> decode_call(byte_span input, call_stub_type type, layout wire,
                                                     const decode_options& options = {});
[[nodiscard]] result<bytes> encode_call(const call_stub& stub, layout wire);
[[nodiscard]] result<std::vector<error>> validate_call(byte_span input, call_stub_type type, layout wire,
                                                       const decode_options& options = {});
// Regions as dissect() gives them, each with `parameter` set; a record's
// regions keep their record's `table` and `field`.
[[nodiscard]] dissect_summary dissect_call(byte_span input, call_stub_type type, layout wire,
                                           const decode_options& options, const region_callback& on_region);
[[nodiscard]] dissection dissect_call(byte_span input, call_stub_type type, layout wire,
                                      const decode_options& options = {});

// A one-pass cursor (cursor.hpp) over the _ARRAY that stub data of `type`
// carries (the response of an enumeration: its ClientInfo), for analyzers
// that read responses by the thousand. The parameters before the array are
// read when the cursor opens, the array's elements one next() at a time, and
// the parameters after it — then the end of the stub — when the iteration
// ends; cursor.dword(name) gives each DWORD once read. Errors and warnings
// are decode_call's (`ClientInfo.Clients[3]...`, offsets in the stub).
// Refused with error_code::unsupported: a type whose record parameter is not
// an Array, or that has a string or another record parameter.
template <class Array>
[[nodiscard]] result<array_cursor<Array>> open_cursor(byte_span input DHCPM_LIFETIMEBOUND, call_stub_type type,
                                                      layout wire, const decode_options& options = {});
template <class Array>
result<array_cursor<Array>> open_cursor(std::vector<std::uint8_t>&& input, call_stub_type type, layout wire,
                                        const decode_options& options = {}) = delete;

// A view (view.hpp) of the _ARRAY that stub data of `type` carries, and the
// stub's DWORD parameters: the stub is validated whole, as decode_call
// validates it, before anything is handed out. Errors and `warnings` are
// decode_call's; the array view's own warnings() are empty. Refused with
// error_code::unsupported as open_cursor over a stub refuses.
template <class Array>
struct call_view {
  call_stub stub;  // every parameter; the array's is left NULL (read it through `array`)
  std::optional<basic_array_view<Array>> array;  // std::nullopt: its pointer is NULL
  std::vector<error> warnings;
};
template <class Array>
[[nodiscard]] result<call_view<Array>> view_call(byte_span input DHCPM_LIFETIMEBOUND, call_stub_type type,
                                                 layout wire, const decode_options& options = {});
template <class Array>
result<call_view<Array>> view_call(std::vector<std::uint8_t>&& input, call_stub_type type, layout wire,
                                   const decode_options& options = {}) = delete;

// JSON: an object keyed by the parameter names in IDL order (ReturnValue
// last); DWORDs as integers (a DHCP_IP_ADDRESS as a dotted quad), strings
// and records as everywhere else, null for a NULL [unique] pointer.
[[nodiscard]] result<std::string> call_to_json(const call_stub& stub);
[[nodiscard]] result<call_stub> call_from_json(call_stub_type type, std::string_view text);

}  // namespace dhcpm
