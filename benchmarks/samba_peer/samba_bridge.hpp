// dhcpm values <-> the Samba peer's C structs, and the check that the peer
// and dhcpm agree byte for byte and value for value. Conversions run outside
// the timed loops: a Samba program holds its values as these structs already.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "dhcpm/call.hpp"
#include "dhcpm/client_family.hpp"
#include "dhcpm/client_info.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm_samba_peer.h"

namespace dhcpm::bench::samba {

// A talloc context; everything a pull returns hangs off it.
class context {
 public:
  context() : ctx_(samba_peer_new_context()) {}
  ~context() { samba_peer_free(ctx_); }
  context(const context&) = delete;
  context& operator=(const context&) = delete;
  [[nodiscard]] void* get() const noexcept { return ctx_; }

 private:
  void* ctx_;
};

// Builds the push inputs below (samba_bridge.cpp).
struct push_input_builder;

// A dhcpm _ARRAY in Samba's shape (UTF-8 strings), ready for push: CArray is
// DHCPV4_FAILOVER_CLIENT_INFO_ARRAY or DHCP_CLIENT_INFO_PB_ARRAY. Byte arrays
// point into the dhcpm value, which must outlive this.
template <class CArray>
class basic_push_input {
 public:
  using c_record = std::remove_pointer_t<std::remove_pointer_t<decltype(CArray::Clients)>>;

  basic_push_input() = default;
  basic_push_input(const basic_push_input&) = delete;
  basic_push_input& operator=(const basic_push_input&) = delete;
  // A move keeps every pointer valid: they point into the vectors' and the
  // deque's storage, which moves with them.
  basic_push_input(basic_push_input&&) = default;
  basic_push_input& operator=(basic_push_input&&) = default;

  [[nodiscard]] const CArray* get() const noexcept { return &array_; }

 private:
  friend struct push_input_builder;
  CArray array_{};
  std::vector<c_record> records_;
  std::vector<c_record*> pointers_;
  std::deque<std::string> strings_;  // a deque: c_str() pointers stay valid as it grows
};

using push_input = basic_push_input<DHCPV4_FAILOVER_CLIENT_INFO_ARRAY>;
using pb_push_input = basic_push_input<DHCP_CLIENT_INFO_PB_ARRAY>;

// The stub data of an R_DhcpV4EnumSubnetClients response in Samba's shape,
// ready for samba_peer_push_enum_subnet_clients_response. As push_input, it
// points into the call_stub it was made from.
class enum_response_push_input {
 public:
  [[nodiscard]] const R_DhcpV4EnumSubnetClients_out* get() const noexcept { return &out_; }

 private:
  friend struct push_input_builder;
  R_DhcpV4EnumSubnetClients_out out_{};
  std::unique_ptr<pb_push_input> client_info_;  // out_.ClientInfo points into it (when not NULL)
};

// std::nullopt (and *why) when Samba's representation cannot hold the value:
// a string that is not valid UTF-16 or holds a NUL unit, NumElements that
// differs from the number of Clients.
[[nodiscard]] std::optional<push_input> to_samba(const client_info_array& value, std::string* why);
[[nodiscard]] std::optional<pb_push_input> to_samba(const dhcp_client_info_pb_array& value, std::string* why);
[[nodiscard]] std::optional<client_info_array> from_samba(const DHCPV4_FAILOVER_CLIENT_INFO_ARRAY& array,
                                                          std::string* why);
[[nodiscard]] std::optional<dhcp_client_info_pb_array> from_samba(const DHCP_CLIENT_INFO_PB_ARRAY& array,
                                                                  std::string* why);

// The call_stub_type of an R_DhcpV4EnumSubnetClients response.
[[nodiscard]] call_stub_type enum_response_type();
// `stub` must be of enum_response_type(), its parameters the table's
// alternatives (std::uint32_t, std::optional<any_record> holding a
// dhcp_client_info_pb_array); else std::nullopt and *why.
[[nodiscard]] std::optional<enum_response_push_input> to_samba_enum_response(const call_stub& stub, std::string* why);
// A call_stub of enum_response_type(), its parameters in table order.
[[nodiscard]] std::optional<call_stub> from_samba(const R_DhcpV4EnumSubnetClients_out& out, std::string* why);

// Samba's pull of `input` (NDR 2.0, or NDR64 when ndr64), as a dhcpm value.
[[nodiscard]] std::optional<client_info_array> pull(byte_span input, bool ndr64, std::string* why);
[[nodiscard]] std::optional<dhcp_client_info_pb_array> pull_pb(byte_span input, bool ndr64, std::string* why);
// The stub data of an R_DhcpV4EnumSubnetClients response; equal (==) to
// decode_call(input, enum_response_type(), layout)'s value when they agree.
[[nodiscard]] std::optional<call_stub> pull_enum_response(byte_span input, bool ndr64, std::string* why);
// Samba's push of `value`.
[[nodiscard]] std::optional<bytes> push(const client_info_array& value, bool ndr64, std::string* why);
[[nodiscard]] std::optional<bytes> push_pb(const dhcp_client_info_pb_array& value, bool ndr64, std::string* why);
[[nodiscard]] std::optional<bytes> push_enum_response(const call_stub& stub, bool ndr64, std::string* why);

// For every canonical array vector NAME.ndr20.bin (and NAME.ndr64.bin) in
// vector_dir: Samba's pull gives dhcpm's decoded value, and Samba's push of
// that value gives the file's bytes. Returns the number of files checked;
// *failure describes the first mismatch (and the return value is then 0).
[[nodiscard]] std::size_t check_vectors(const std::string& vector_dir, bool ndr64, std::string* failure);

// The same for the family vectors (tests/vectors/family) the peer covers:
// DHCP_CLIENT_INFO_PB_ARRAY.VARIANT.ndr20.bin against decode<dhcp_client_info_pb_array>,
// and R_DhcpV4EnumSubnetClients.response.VARIANT.ndr20.bin against decode_call
// (.ndr64.bin when ndr64).
[[nodiscard]] std::size_t check_family_vectors(const std::string& family_dir, bool ndr64, std::string* failure);

}  // namespace dhcpm::bench::samba
