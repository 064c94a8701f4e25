// Prints a C11 file that declares the records the way dhcpsapi.h does and
// static_asserts every offset and size of dhcpm's layout table for Windows
// x64 and x86. Compiled by a Windows-ABI compiler (mingw-w64), it proves that
// the one table the native walker and encoder use matches what a Windows
// process really holds.
#include <cstdio>
#include <string>

#include <tuple>
#include <utility>

#include "dhcpm/record_types.hpp"
#include "layout/record_layout.hpp"

namespace {

constexpr const char* declarations = R"(#include <stddef.h>
#include <wchar.h>
typedef unsigned long DWORD; /* 32 bits under LLP64 and ILP32 */
typedef unsigned char BYTE;
typedef unsigned short WORD;
typedef int BOOL;
typedef wchar_t *LPWSTR;
typedef struct _DHCP_BINARY_DATA { DWORD DataLength; BYTE *Data; } DHCP_BINARY_DATA, DHCP_CLIENT_UID;
typedef struct _DATE_TIME { DWORD dwLowDateTime; DWORD dwHighDateTime; } DATE_TIME;
typedef struct _DHCP_HOST_INFO { DWORD IpAddress; LPWSTR NetBiosName; LPWSTR HostName; } DHCP_HOST_INFO;
typedef enum _QuarantineStatus { NOQUARANTINE, RESTRICTEDACCESS, DROPPACKET, PROBATION, EXEMPT,
                                 DEFAULTQUARSETTING, NOQUARINFO } QuarantineStatus;
typedef struct _DHCPV4_FAILOVER_CLIENT_INFO {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost; BYTE bClientType;
  BYTE AddressState; QuarantineStatus Status; DATE_TIME ProbationEnds; BOOL QuarantineCapable;
  DWORD SentPotExpTime; DWORD AckPotExpTime; DWORD RecvPotExpTime; DWORD StartTime; DWORD CltLastTransTime;
  DWORD LastBndUpdTime; DWORD BndMsgStatus; LPWSTR PolicyName; BYTE Flags;
} DHCPV4_FAILOVER_CLIENT_INFO;
typedef struct _DHCPV4_FAILOVER_CLIENT_INFO_EX {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost; BYTE bClientType;
  BYTE AddressState; QuarantineStatus Status; DATE_TIME ProbationEnds; BOOL QuarantineCapable;
  DWORD SentPotExpTime; DWORD AckPotExpTime; DWORD RecvPotExpTime; DWORD StartTime; DWORD CltLastTransTime;
  DWORD LastBndUpdTime; DWORD BndMsgStatus; LPWSTR PolicyName; BYTE Flags; DWORD AddressStateEx;
} DHCPV4_FAILOVER_CLIENT_INFO_EX;
typedef struct _DHCPV4_FAILOVER_CLIENT_INFO_ARRAY {
  DWORD NumElements; DHCPV4_FAILOVER_CLIENT_INFO **Clients;
} DHCPV4_FAILOVER_CLIENT_INFO_ARRAY;
typedef struct _DHCP_CLIENT_INFO {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost;
} DHCP_CLIENT_INFO;
typedef struct _DHCP_CLIENT_INFO_V4 {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost; BYTE bClientType;
} DHCP_CLIENT_INFO_V4;
typedef struct _DHCP_CLIENT_INFO_V5 {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost; BYTE bClientType;
  BYTE AddressState;
} DHCP_CLIENT_INFO_V5;
typedef struct _DHCP_CLIENT_INFO_VQ {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost; BYTE bClientType;
  BYTE AddressState; QuarantineStatus Status; DATE_TIME ProbationEnds; BOOL QuarantineCapable;
} DHCP_CLIENT_INFO_VQ;
typedef struct _DHCP_CLIENT_FILTER_STATUS_INFO {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost; BYTE bClientType;
  BYTE AddressState; QuarantineStatus Status; DATE_TIME ProbationEnds; BOOL QuarantineCapable;
  DWORD FilterStatus;
} DHCP_CLIENT_FILTER_STATUS_INFO;
typedef struct _DHCP_CLIENT_INFO_PB {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost; BYTE bClientType;
  BYTE AddressState; QuarantineStatus Status; DATE_TIME ProbationEnds; BOOL QuarantineCapable;
  DWORD FilterStatus; LPWSTR PolicyName;
} DHCP_CLIENT_INFO_PB;
typedef struct _DHCP_CLIENT_INFO_ARRAY { DWORD NumElements; DHCP_CLIENT_INFO **Clients; } DHCP_CLIENT_INFO_ARRAY;
typedef struct _DHCP_CLIENT_INFO_ARRAY_V4 { DWORD NumElements; DHCP_CLIENT_INFO_V4 **Clients; } DHCP_CLIENT_INFO_ARRAY_V4;
typedef struct _DHCP_CLIENT_INFO_ARRAY_V5 { DWORD NumElements; DHCP_CLIENT_INFO_V5 **Clients; } DHCP_CLIENT_INFO_ARRAY_V5;
typedef struct _DHCP_CLIENT_INFO_ARRAY_VQ { DWORD NumElements; DHCP_CLIENT_INFO_VQ **Clients; } DHCP_CLIENT_INFO_ARRAY_VQ;
typedef struct _DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY {
  DWORD NumElements; DHCP_CLIENT_FILTER_STATUS_INFO **Clients;
} DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY;
typedef struct _DHCP_CLIENT_INFO_PB_ARRAY { DWORD NumElements; DHCP_CLIENT_INFO_PB **Clients; } DHCP_CLIENT_INFO_PB_ARRAY;
typedef enum _DHCP_SEARCH_INFO_TYPE { DhcpClientIpAddress, DhcpClientHardwareAddress, DhcpClientName } DHCP_SEARCH_INFO_TYPE;
typedef struct _DHCP_CLIENT_SEARCH_INFO {
  DHCP_SEARCH_INFO_TYPE SearchType;
  union _DHCP_CLIENT_SEARCH_UNION { DWORD ClientIpAddress; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName; } SearchInfo;
} DHCP_SEARCH_INFO;
typedef enum _DHCP_PROPERTY_TYPE {
  DhcpPropTypeByte, DhcpPropTypeWord, DhcpPropTypeDword, DhcpPropTypeString, DhcpPropTypeBinary
} DHCP_PROPERTY_TYPE;
typedef enum _DHCP_PROPERTY_ID { DhcpPropIdPolicyDnsSuffix, DhcpPropIdClientAddressStateEx } DHCP_PROPERTY_ID;
typedef struct _DHCP_PROPERTY {
  DHCP_PROPERTY_ID ID;
  DHCP_PROPERTY_TYPE Type;
  union _DHCP_PROPERTY_VALUE_UNION {
    BYTE ByteValue; WORD WordValue; DWORD DWordValue; LPWSTR StringValue; DHCP_BINARY_DATA BinaryValue;
  } Value;
} DHCP_PROPERTY;
typedef struct _DHCP_PROPERTY_ARRAY { DWORD NumElements; DHCP_PROPERTY *Elements; } DHCP_PROPERTY_ARRAY;
typedef struct _DHCP_CLIENT_INFO_EX {
  DWORD ClientIpAddress; DWORD SubnetMask; DHCP_CLIENT_UID ClientHardwareAddress; LPWSTR ClientName;
  LPWSTR ClientComment; DATE_TIME ClientLeaseExpires; DHCP_HOST_INFO OwnerHost; BYTE bClientType;
  BYTE AddressState; QuarantineStatus Status; DATE_TIME ProbationEnds; BOOL QuarantineCapable;
  DWORD FilterStatus; LPWSTR PolicyName; DHCP_PROPERTY_ARRAY *Properties;
} DHCP_CLIENT_INFO_EX;
typedef struct _DHCP_CLIENT_INFO_EX_ARRAY { DWORD NumElements; DHCP_CLIENT_INFO_EX **Clients; } DHCP_CLIENT_INFO_EX_ARRAY;
#define CHECK(expr) _Static_assert(expr, #expr)
)";

// Every slot's offset and size, the struct's size and alignment, for a record type.
template <class Record>
void print_record_checks(const char* c_name, const dhcpm::detail::record_layout_of<Record>& record) {
  for (std::size_t i = 0; i < dhcpm::detail::slot_count<Record>; ++i) {
    if (record.fields[i].size == 0) continue;  // a union's tag: NDR has it, memory does not
    const std::string member(dhcpm::detail::slot_path<Record>(i));
    std::printf("CHECK(offsetof(%s, %s) == %u);\n", c_name, member.c_str(), static_cast<unsigned>(record.fields[i].offset));
    std::printf("CHECK(sizeof(((%s *)0)->%s) == %u);\n", c_name, member.c_str(), static_cast<unsigned>(record.fields[i].size));
  }
  std::printf("CHECK(sizeof(%s) == %u);\n", c_name, static_cast<unsigned>(record.size));
  std::printf("CHECK(_Alignof(%s) == %u);\n", c_name, static_cast<unsigned>(record.alignment));
}

// The checks of every record type of the list, under its IDL name, from the
// placed layouts the walkers and encoders read.
template <dhcpm::detail::layout_rules Rules>
void print_all_types() {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (print_record_checks<std::tuple_element_t<I, dhcpm::record_type_list>>(
         std::string(dhcpm::record_schema<std::tuple_element_t<I, dhcpm::record_type_list>>::idl_name).c_str(),
         dhcpm::detail::placed_layout<std::tuple_element_t<I, dhcpm::record_type_list>, Rules>),
     ...);
  }(std::make_index_sequence<dhcpm::record_type_count>{});
}

}  // namespace

int main() {
  std::fputs(declarations, stdout);
  std::puts("#if defined(_WIN64)");
  print_all_types<dhcpm::detail::x64_rules>();
  std::puts("#elif defined(_WIN32)");
  print_all_types<dhcpm::detail::x86_rules>();
  std::puts("#else\n#error \"compile this with a Windows-ABI compiler\"\n#endif");
  return 0;
}
