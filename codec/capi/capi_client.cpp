// One record's fields through the C API: integers by dhcpm_field, strings
// (UTF-16 as on the wire, or UTF-8) by dhcpm_string_field, and the Data bytes.
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

#include "capi/capi_detail.hpp"

namespace dhcpm::capi {
namespace {

// A non-NULL pointer for empty non-NULL strings and Data, so that a NULL
// pointer always means a NULL field.
constexpr std::uint16_t no_units[1] = {0};
constexpr std::uint8_t no_bytes[1] = {0};

// Calls use(member) with the integer member that field names; returns
// std::nullopt for a field outside the enumeration.
template <class Record, class Use>
auto with_field(Record& c, dhcpm_field field, Use&& use) -> std::optional<decltype(use(c.subnet_mask))> {
  switch (field) {
    case DHCPM_FIELD_CLIENT_IP_ADDRESS: return use(c.client_ip_address);
    case DHCPM_FIELD_SUBNET_MASK: return use(c.subnet_mask);
    case DHCPM_FIELD_DATA_LENGTH: return use(c.client_hardware_address.data_length);
    case DHCPM_FIELD_CLIENT_LEASE_EXPIRES: return use(c.client_lease_expires);
    case DHCPM_FIELD_OWNER_IP_ADDRESS: return use(c.owner_host.ip_address);
    case DHCPM_FIELD_CLIENT_TYPE: return use(c.client_type);
    case DHCPM_FIELD_ADDRESS_STATE: return use(c.address_state);
    case DHCPM_FIELD_STATUS: return use(c.status);
    case DHCPM_FIELD_PROBATION_ENDS: return use(c.probation_ends);
    case DHCPM_FIELD_QUARANTINE_CAPABLE: return use(c.quarantine_capable);
    case DHCPM_FIELD_SENT_POT_EXP_TIME: return use(c.sent_pot_exp_time);
    case DHCPM_FIELD_ACK_POT_EXP_TIME: return use(c.ack_pot_exp_time);
    case DHCPM_FIELD_RECV_POT_EXP_TIME: return use(c.recv_pot_exp_time);
    case DHCPM_FIELD_START_TIME: return use(c.start_time);
    case DHCPM_FIELD_CLT_LAST_TRANS_TIME: return use(c.clt_last_trans_time);
    case DHCPM_FIELD_LAST_BND_UPD_TIME: return use(c.last_bnd_upd_time);
    case DHCPM_FIELD_BND_MSG_STATUS: return use(c.bnd_msg_status);
    case DHCPM_FIELD_FLAGS: return use(c.flags);
    case DHCPM_FIELD_COUNT: break;
  }
  return std::nullopt;
}

template <class Record>
auto* string_member(Record& c, dhcpm_string_field field) noexcept {
  using string_ptr = decltype(&c.client_name);
  switch (field) {
    case DHCPM_STRING_CLIENT_NAME: return &c.client_name;
    case DHCPM_STRING_CLIENT_COMMENT: return &c.client_comment;
    case DHCPM_STRING_OWNER_NET_BIOS_NAME: return &c.owner_host.net_bios_name;
    case DHCPM_STRING_OWNER_HOST_NAME: return &c.owner_host.host_name;
    case DHCPM_STRING_POLICY_NAME: return &c.policy_name;
    case DHCPM_STRING_COUNT: break;
  }
  return string_ptr{nullptr};
}

// The string a (client, field) pair names, or nullptr when there is none.
const utf16_string* string_of(const dhcpm_client* client, dhcpm_string_field field) noexcept {
  return client != nullptr ? string_member(*unwrap(client), field) : nullptr;
}
utf16_string* string_of(dhcpm_client* client, dhcpm_string_field field) noexcept {
  return client != nullptr ? string_member(*unwrap(client), field) : nullptr;
}

}  // namespace
}  // namespace dhcpm::capi

using dhcpm::capi::guarded;
using dhcpm::capi::string_of;
using dhcpm::capi::unwrap;

extern "C" {

const char* dhcpm_field_name(dhcpm_field field) noexcept {
  switch (field) {
    case DHCPM_FIELD_CLIENT_IP_ADDRESS: return "ClientIpAddress";
    case DHCPM_FIELD_SUBNET_MASK: return "SubnetMask";
    case DHCPM_FIELD_DATA_LENGTH: return "ClientHardwareAddress.DataLength";
    case DHCPM_FIELD_CLIENT_LEASE_EXPIRES: return "ClientLeaseExpires";
    case DHCPM_FIELD_OWNER_IP_ADDRESS: return "OwnerHost.IpAddress";
    case DHCPM_FIELD_CLIENT_TYPE: return "bClientType";
    case DHCPM_FIELD_ADDRESS_STATE: return "AddressState";
    case DHCPM_FIELD_STATUS: return "Status";
    case DHCPM_FIELD_PROBATION_ENDS: return "ProbationEnds";
    case DHCPM_FIELD_QUARANTINE_CAPABLE: return "QuarantineCapable";
    case DHCPM_FIELD_SENT_POT_EXP_TIME: return "SentPotExpTime";
    case DHCPM_FIELD_ACK_POT_EXP_TIME: return "AckPotExpTime";
    case DHCPM_FIELD_RECV_POT_EXP_TIME: return "RecvPotExpTime";
    case DHCPM_FIELD_START_TIME: return "StartTime";
    case DHCPM_FIELD_CLT_LAST_TRANS_TIME: return "CltLastTransTime";
    case DHCPM_FIELD_LAST_BND_UPD_TIME: return "LastBndUpdTime";
    case DHCPM_FIELD_BND_MSG_STATUS: return "BndMsgStatus";
    case DHCPM_FIELD_FLAGS: return "Flags";
    case DHCPM_FIELD_COUNT: break;
  }
  return "unknown";
}

const char* dhcpm_string_field_name(dhcpm_string_field field) noexcept {
  switch (field) {
    case DHCPM_STRING_CLIENT_NAME: return "ClientName";
    case DHCPM_STRING_CLIENT_COMMENT: return "ClientComment";
    case DHCPM_STRING_OWNER_NET_BIOS_NAME: return "OwnerHost.NetBiosName";
    case DHCPM_STRING_OWNER_HOST_NAME: return "OwnerHost.HostName";
    case DHCPM_STRING_POLICY_NAME: return "PolicyName";
    case DHCPM_STRING_COUNT: break;
  }
  return "unknown";
}

uint64_t dhcpm_client_get(const dhcpm_client* client, dhcpm_field field) noexcept {
  if (client == nullptr) return 0;
  const auto read = [](const auto& member) { return static_cast<std::uint64_t>(member); };
  return dhcpm::capi::with_field(*unwrap(client), field, read).value_or(0);
}

dhcpm_status dhcpm_client_set(dhcpm_client* client, dhcpm_field field, uint64_t value) noexcept {
  if (client == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  const auto write = [value](auto& member) {
    using member_type = std::remove_reference_t<decltype(member)>;
    if (value > std::numeric_limits<member_type>::max()) return DHCPM_ERR_VALUE_OUT_OF_RANGE;
    member = static_cast<member_type>(value);
    return DHCPM_OK;
  };
  return dhcpm::capi::with_field(*unwrap(client), field, write).value_or(DHCPM_ERR_INVALID_ARGUMENT);
}

int dhcpm_client_string_is_null(const dhcpm_client* client, dhcpm_string_field field) noexcept {
  const dhcpm::utf16_string* s = string_of(client, field);
  return s == nullptr || s->is_null() ? 1 : 0;
}

const uint16_t* dhcpm_client_string_utf16(const dhcpm_client* client, dhcpm_string_field field,
                                          size_t* units) noexcept {
  if (units != nullptr) *units = 0;
  const dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr || s->is_null()) return nullptr;
  if (s->size() == 0) return dhcpm::capi::no_units;
  if (units != nullptr) *units = s->size();
  // char16_t and uint16_t have one size and representation; C sees uint16_t.
  return reinterpret_cast<const uint16_t*>(s->units().data());
}

dhcpm_status dhcpm_client_string_utf8(const dhcpm_client* client, dhcpm_string_field field, char* buffer,
                                      size_t capacity, size_t* length) noexcept {
  if (length == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *length = 0;
  const dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr || (buffer == nullptr && capacity != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&]() -> dhcpm_status {
    std::string utf8;
    if (!s->is_null()) {
      std::optional<std::string> converted = s->to_utf8();
      if (!converted) return DHCPM_ERR_INVALID_UTF16;
      utf8 = std::move(*converted);
    }
    *length = utf8.size();
    if (capacity <= utf8.size()) return DHCPM_ERR_BUFFER_TOO_SMALL;
    std::memcpy(buffer, utf8.data(), utf8.size());
    buffer[utf8.size()] = '\0';
    return DHCPM_OK;
  });
}

int dhcpm_client_data_is_null(const dhcpm_client* client) noexcept {
  return client == nullptr || !unwrap(client)->client_hardware_address.data ? 1 : 0;
}

const uint8_t* dhcpm_client_data(const dhcpm_client* client, size_t* size) noexcept {
  if (size != nullptr) *size = 0;
  if (client == nullptr) return nullptr;
  const auto& data = unwrap(client)->client_hardware_address.data;
  if (!data) return nullptr;
  if (data->empty()) return dhcpm::capi::no_bytes;
  if (size != nullptr) *size = data->size();
  return data->data();
}

dhcpm_status dhcpm_client_set_string_utf8(dhcpm_client* client, dhcpm_string_field field, const char* utf8,
                                          size_t length) noexcept {
  dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr || (utf8 == nullptr && length != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&]() -> dhcpm_status {
    std::optional<dhcpm::utf16_string> converted =
        dhcpm::utf16_string::from_utf8(length == 0 ? std::string_view{} : std::string_view{utf8, length});
    if (!converted) return DHCPM_ERR_INVALID_UTF8;
    *s = std::move(*converted);
    return DHCPM_OK;
  });
}

dhcpm_status dhcpm_client_set_string_utf16(dhcpm_client* client, dhcpm_string_field field, const uint16_t* units,
                                           size_t count) noexcept {
  dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr || (units == nullptr && count != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&]() -> dhcpm_status {
    std::u16string copy(count, u'\0');
    for (std::size_t i = 0; i < count; ++i) copy[i] = static_cast<char16_t>(units[i]);
    *s = dhcpm::utf16_string::from_units(copy);
    return DHCPM_OK;
  });
}

dhcpm_status dhcpm_client_set_string_null(dhcpm_client* client, dhcpm_string_field field) noexcept {
  dhcpm::utf16_string* s = string_of(client, field);
  if (s == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *s = dhcpm::utf16_string::null();
  return DHCPM_OK;
}

dhcpm_status dhcpm_client_set_data(dhcpm_client* client, const uint8_t* bytes, size_t size) noexcept {
  if (client == nullptr || (bytes == nullptr && size != 0)) return DHCPM_ERR_INVALID_ARGUMENT;
  if (size > UINT32_MAX) return DHCPM_ERR_VALUE_OUT_OF_RANGE;
  return guarded(nullptr, [&]() -> dhcpm_status {
    auto& hardware = unwrap(client)->client_hardware_address;
    hardware.data.emplace(bytes, bytes + size);
    hardware.data_length = static_cast<std::uint32_t>(size);
    return DHCPM_OK;
  });
}

dhcpm_status dhcpm_client_set_data_null(dhcpm_client* client) noexcept {
  if (client == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  auto& hardware = unwrap(client)->client_hardware_address;
  hardware.data.reset();
  hardware.data_length = 0;
  return DHCPM_OK;
}

}  // extern "C"
