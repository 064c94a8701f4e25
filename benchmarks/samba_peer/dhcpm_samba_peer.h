/* The Samba libndr peer of the dhcpm benchmarks: DHCPV4_FAILOVER_CLIENT_INFO,
 * DHCP_CLIENT_INFO_PB and their _ARRAYs in the C shape pidl gives them, the
 * [out] parameters of R_DhcpV4EnumSubnetClients, and pull/push entry points
 * that wrap the pidl-style ndr_pull_* / ndr_push_* functions of
 * ndr_dhcpm_peer.c.
 *
 * This header does not include Samba's headers, so C++ code (the benchmark)
 * can build and read these structs without talloc or ndr.h: the talloc
 * context is opaque here. Strings are UTF-8 (`const char *`), as pidl's
 * [string,charset(UTF16)] uint16 * elements are in Samba; NULL is a NULL
 * pointer.
 */
#ifndef DHCPM_SAMBA_PEER_H
#define DHCPM_SAMBA_PEER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* DESIGN.md §1, as pidl's Samba4 header generator would declare it. */
struct DHCP_BINARY_DATA {
	uint32_t DataLength;
	uint8_t *Data; /* [unique,size_is(DataLength)] */
};

struct DATE_TIME {
	uint32_t dwLowDateTime;
	uint32_t dwHighDateTime;
};

struct DHCP_HOST_INFO {
	uint32_t IpAddress;
	const char *NetBiosName; /* [unique,string,charset(UTF16)] */
	const char *HostName;    /* [unique,string,charset(UTF16)] */
};

/* A plain IDL enum: 16 bits in NDR 2.0, 32 bits in NDR64 (ndr_*_enum_uint1632).
 * Unknown values are kept: the member is an int-sized enum. */
enum QuarantineStatus {
	NOQUARANTINE = 0,
	RESTRICTEDACCESS = 1,
	DROPPACKET = 2,
	PROBATION = 3,
	EXEMPT = 4,
	DEFAULTQUARSETTING = 5,
	NOQUARINFO = 6
};

struct DHCPV4_FAILOVER_CLIENT_INFO {
	uint32_t ClientIpAddress;
	uint32_t SubnetMask;
	struct DHCP_BINARY_DATA ClientHardwareAddress;
	const char *ClientName;    /* [unique,string,charset(UTF16)] */
	const char *ClientComment; /* [unique,string,charset(UTF16)] */
	struct DATE_TIME ClientLeaseExpires;
	struct DHCP_HOST_INFO OwnerHost;
	uint8_t bClientType;
	uint8_t AddressState;
	enum QuarantineStatus Status;
	struct DATE_TIME ProbationEnds;
	uint32_t QuarantineCapable;
	uint32_t SentPotExpTime;
	uint32_t AckPotExpTime;
	uint32_t RecvPotExpTime;
	uint32_t StartTime;
	uint32_t CltLastTransTime;
	uint32_t LastBndUpdTime;
	uint32_t BndMsgStatus;
	const char *PolicyName; /* [unique,string,charset(UTF16)] */
	uint8_t Flags;
};

struct DHCPV4_FAILOVER_CLIENT_INFO_ARRAY {
	uint32_t NumElements;
	struct DHCPV4_FAILOVER_CLIENT_INFO **Clients; /* [unique,size_is(NumElements)], elements [unique] */
};

/* DHCP_CLIENT_INFO_PB: DHCP_CLIENT_INFO_VQ's members, then FilterStatus and
 * PolicyName. */
struct DHCP_CLIENT_INFO_PB {
	uint32_t ClientIpAddress;
	uint32_t SubnetMask;
	struct DHCP_BINARY_DATA ClientHardwareAddress;
	const char *ClientName;    /* [unique,string,charset(UTF16)] */
	const char *ClientComment; /* [unique,string,charset(UTF16)] */
	struct DATE_TIME ClientLeaseExpires;
	struct DHCP_HOST_INFO OwnerHost;
	uint8_t bClientType;
	uint8_t AddressState;
	enum QuarantineStatus Status;
	struct DATE_TIME ProbationEnds;
	uint32_t QuarantineCapable;
	uint32_t FilterStatus;
	const char *PolicyName; /* [unique,string,charset(UTF16)] */
};

struct DHCP_CLIENT_INFO_PB_ARRAY {
	uint32_t NumElements;
	struct DHCP_CLIENT_INFO_PB **Clients; /* [unique,size_is(NumElements)], elements [unique] */
};

/* The [out] parameters and the result of R_DhcpV4EnumSubnetClients (dhcpsrv2
 * opnum 115), by value: pidl's r->out holds pointers to these ([ref]
 * ResumeHandle, ClientsRead, ClientsTotal; [ref] to the [unique] ClientInfo). */
struct R_DhcpV4EnumSubnetClients_out {
	uint32_t ResumeHandle;
	struct DHCP_CLIENT_INFO_PB_ARRAY *ClientInfo; /* NULL: a NULL pointer on the wire */
	uint32_t ClientsRead;
	uint32_t ClientsTotal;
	uint32_t result; /* the DWORD return value */
};

/* A talloc context (opaque here); everything a pull returns hangs off it. */
void *samba_peer_new_context(void);
void samba_peer_free(void *talloc_ptr);

/* ndr_pull_struct_blob_all of the _ARRAY (NDR 2.0 little-endian, or NDR64 when
 * ndr64 != 0) into *out, allocated under mem_ctx. Returns 0 on success, else
 * the ndr_err_code; *error (if not NULL) then points at a static description. */
int samba_peer_pull_array(void *mem_ctx, const uint8_t *data, size_t length, int ndr64,
                          struct DHCPV4_FAILOVER_CLIENT_INFO_ARRAY *out, const char **error);

/* ndr_push_struct_blob of the _ARRAY. On success *data (a talloc child of
 * mem_ctx: free it with samba_peer_free) and *length hold the bytes. */
int samba_peer_push_array(void *mem_ctx, const struct DHCPV4_FAILOVER_CLIENT_INFO_ARRAY *in, int ndr64,
                          uint8_t **data, size_t *length, const char **error);

/* The same two for DHCP_CLIENT_INFO_PB_ARRAY. */
int samba_peer_pull_pb_array(void *mem_ctx, const uint8_t *data, size_t length, int ndr64,
                             struct DHCP_CLIENT_INFO_PB_ARRAY *out, const char **error);
int samba_peer_push_pb_array(void *mem_ctx, const struct DHCP_CLIENT_INFO_PB_ARRAY *in, int ndr64,
                             uint8_t **data, size_t *length, const char **error);

/* The stub data of an R_DhcpV4EnumSubnetClients response: ndr_pull_ of the
 * function with NDR_OUT over all of data (left-over bytes are
 * NDR_ERR_UNREAD_BYTES) into *out, the ClientInfo array allocated under
 * mem_ctx; and ndr_push_ of it with NDR_OUT (referent ids count on across the
 * parameters). Return values and *error as above. */
int samba_peer_pull_enum_subnet_clients_response(void *mem_ctx, const uint8_t *data, size_t length, int ndr64,
                                                 struct R_DhcpV4EnumSubnetClients_out *out, const char **error);
int samba_peer_push_enum_subnet_clients_response(void *mem_ctx, const struct R_DhcpV4EnumSubnetClients_out *in,
                                                 int ndr64, uint8_t **data, size_t *length, const char **error);

#ifdef __cplusplus
}
#endif

#endif /* DHCPM_SAMBA_PEER_H */
