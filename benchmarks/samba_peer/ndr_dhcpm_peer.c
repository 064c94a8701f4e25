/* NDR marshalling of DHCPV4_FAILOVER_CLIENT_INFO and its _ARRAY, of
 * DHCP_CLIENT_INFO_PB and its _ARRAY, and of the [out] stub data of
 * R_DhcpV4EnumSubnetClients (dhcpsrv2 opnum 115) with Samba's libndr, written
 * the way pidl (Samba 4.17) generates it from the IDL in DESIGN.md §1 and
 * [MS-DHCPM] (tests/vectors/family/README.md lists the members). It is the
 * peer the benchmarks compare against, so it must cost what Samba's generated
 * code costs — nothing here is hand-optimised:
 *
 *  - an LPWSTR is Samba's `[string,charset(UTF16)] uint16 *` (pidl has no
 *    wchar_t; this is how Samba's own IDL spells LPWSTR, e.g. srvsvc.idl): a
 *    unique pointer whose pull allocates a placeholder, reads max_count,
 *    offset and actual_count through the array size/length token lists,
 *    checks the terminator and converts UTF-16 to a talloc'd UTF-8 string
 *    (ndr_pull_charset); push measures the UTF-8 string with
 *    ndr_charset_length and converts it back (ndr_push_charset);
 *  - [size_is(DataLength)] BYTE *Data and [size_is(NumElements)] ... **Clients
 *    go through ndr_pull_array_size / ndr_get_array_size and are checked
 *    against their size_is field with ndr_check_steal_array_size after their
 *    buffers, as pidl does;
 *  - QuarantineStatus is a plain enum: ndr_{pull,push}_enum_uint1632 (16 bits
 *    in NDR 2.0, 32 in NDR64);
 *  - every struct is pulled NDR_SCALARS then NDR_BUFFERS, aligned with
 *    ndr_pull_align(ndr, 5) ("4 in NDR 2.0, 8 in NDR64") when it holds
 *    pointers, and ends with a trailer align (NDR64's trailing pad).
 *
 * The same functions serve NDR64 when the context has LIBNDR_FLAG_NDR64, as
 * they do inside Samba's DCE/RPC stack.
 */
#include <ndr.h>

#include "dhcpm_samba_peer.h"

/* ---- DATE_TIME ---------------------------------------------------------- */

static enum ndr_err_code ndr_push_DATE_TIME(struct ndr_push *ndr, int ndr_flags, const struct DATE_TIME *r)
{
	NDR_PUSH_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_push_align(ndr, 4));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->dwLowDateTime));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->dwHighDateTime));
		NDR_CHECK(ndr_push_trailer_align(ndr, 4));
	}
	if (ndr_flags & NDR_BUFFERS) {
	}
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_DATE_TIME(struct ndr_pull *ndr, int ndr_flags, struct DATE_TIME *r)
{
	NDR_PULL_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_pull_align(ndr, 4));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->dwLowDateTime));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->dwHighDateTime));
		NDR_CHECK(ndr_pull_trailer_align(ndr, 4));
	}
	if (ndr_flags & NDR_BUFFERS) {
	}
	return NDR_ERR_SUCCESS;
}

/* ---- QuarantineStatus --------------------------------------------------- */

static enum ndr_err_code ndr_push_QuarantineStatus(struct ndr_push *ndr, int ndr_flags, enum QuarantineStatus r)
{
	NDR_CHECK(ndr_push_enum_uint1632(ndr, NDR_SCALARS, r));
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_QuarantineStatus(struct ndr_pull *ndr, int ndr_flags, enum QuarantineStatus *r)
{
	uint16_t v;
	NDR_CHECK(ndr_pull_enum_uint1632(ndr, NDR_SCALARS, &v));
	*r = v;
	return NDR_ERR_SUCCESS;
}

/* ---- DHCP_BINARY_DATA --------------------------------------------------- */

static enum ndr_err_code ndr_push_DHCP_BINARY_DATA(struct ndr_push *ndr, int ndr_flags, const struct DHCP_BINARY_DATA *r)
{
	NDR_PUSH_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_push_align(ndr, 5));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->DataLength));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->Data));
		NDR_CHECK(ndr_push_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		if (r->Data) {
			NDR_CHECK(ndr_push_uint3264(ndr, NDR_SCALARS, r->DataLength));
			NDR_CHECK(ndr_push_array_uint8(ndr, NDR_SCALARS, r->Data, r->DataLength));
		}
	}
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_DHCP_BINARY_DATA(struct ndr_pull *ndr, int ndr_flags, struct DHCP_BINARY_DATA *r)
{
	uint32_t _ptr_Data;
	uint32_t size_Data_1 = 0;
	TALLOC_CTX *_mem_save_Data_0 = NULL;
	NDR_PULL_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_pull_align(ndr, 5));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->DataLength));
		NDR_CHECK(ndr_pull_generic_ptr(ndr, &_ptr_Data));
		if (_ptr_Data) {
			NDR_PULL_ALLOC(ndr, r->Data);
		} else {
			r->Data = NULL;
		}
		NDR_CHECK(ndr_pull_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		if (r->Data) {
			_mem_save_Data_0 = NDR_PULL_GET_MEM_CTX(ndr);
			NDR_PULL_SET_MEM_CTX(ndr, r->Data, 0);
			NDR_CHECK(ndr_pull_array_size(ndr, &r->Data));
			NDR_CHECK(ndr_get_array_size(ndr, (void*)&r->Data, &size_Data_1));
			NDR_PULL_ALLOC_N(ndr, r->Data, size_Data_1);
			NDR_CHECK(ndr_pull_array_uint8(ndr, NDR_SCALARS, r->Data, size_Data_1));
			NDR_PULL_SET_MEM_CTX(ndr, _mem_save_Data_0, 0);
		}
		if (r->Data) {
			NDR_CHECK(ndr_check_steal_array_size(ndr, (void*)&r->Data, r->DataLength));
		}
	}
	return NDR_ERR_SUCCESS;
}

/* ---- LPWSTR: [unique,string,charset(UTF16)] uint16 * ----------------------
 * pidl writes these blocks inline for every such element; they are macros
 * here only so that the LPWSTR members read the same.
 *
 * Built with -DDHCPM_SAMBA_PEER_LPWSTR_AS_STRING, an LPWSTR is instead the
 * older Samba IDL spelling `[flag(STR_SIZE4|STR_LEN4)] string *`, which pidl
 * turns into ndr_pull_string / ndr_push_string under those flags: the same
 * bytes, the same UTF-16 <-> UTF-8 talloc conversion, without the separate
 * terminator check and the three ndr_charset_length calls of a push. */

/* The referent id, and a placeholder allocation as pidl makes for every unique pointer. */
#define PULL_LPWSTR_PTR(ndr, ptr, field) do { \
	NDR_CHECK(ndr_pull_generic_ptr(ndr, &(ptr))); \
	if ((ptr)) { \
		NDR_PULL_ALLOC(ndr, (field)); \
	} else { \
		(field) = NULL; \
	} \
} while (0)

#if defined(DHCPM_SAMBA_PEER_LPWSTR_AS_STRING)

#define PUSH_LPWSTR_BUFFER(ndr, field) do { \
	if ((field)) { \
		uint32_t _flags_save_string = ndr->flags; \
		ndr_set_flags(&ndr->flags, LIBNDR_FLAG_STR_SIZE4|LIBNDR_FLAG_STR_LEN4); \
		NDR_CHECK(ndr_push_string(ndr, NDR_SCALARS, (field))); \
		ndr->flags = _flags_save_string; \
	} \
} while (0)

#define PULL_LPWSTR_BUFFER(ndr, field) do { \
	if ((field)) { \
		TALLOC_CTX *_mem_save_0 = NDR_PULL_GET_MEM_CTX(ndr); \
		uint32_t _flags_save_string = ndr->flags; \
		NDR_PULL_SET_MEM_CTX(ndr, (field), 0); \
		ndr_set_flags(&ndr->flags, LIBNDR_FLAG_STR_SIZE4|LIBNDR_FLAG_STR_LEN4); \
		NDR_CHECK(ndr_pull_string(ndr, NDR_SCALARS, &(field))); \
		ndr->flags = _flags_save_string; \
		NDR_PULL_SET_MEM_CTX(ndr, _mem_save_0, 0); \
	} \
} while (0)

#else

#define PUSH_LPWSTR_BUFFER(ndr, field) do { \
	if ((field)) { \
		NDR_CHECK(ndr_push_uint3264(ndr, NDR_SCALARS, ndr_charset_length((field), CH_UTF16))); \
		NDR_CHECK(ndr_push_uint3264(ndr, NDR_SCALARS, 0)); \
		NDR_CHECK(ndr_push_uint3264(ndr, NDR_SCALARS, ndr_charset_length((field), CH_UTF16))); \
		NDR_CHECK(ndr_push_charset(ndr, NDR_SCALARS, (field), ndr_charset_length((field), CH_UTF16), sizeof(uint16_t), CH_UTF16)); \
	} \
} while (0)

#define PULL_LPWSTR_BUFFER(ndr, field) do { \
	if ((field)) { \
		TALLOC_CTX *_mem_save_0 = NDR_PULL_GET_MEM_CTX(ndr); \
		uint32_t _size_1 = 0; \
		uint32_t _length_1 = 0; \
		NDR_PULL_SET_MEM_CTX(ndr, (field), 0); \
		NDR_CHECK(ndr_pull_array_size(ndr, &(field))); \
		NDR_CHECK(ndr_pull_array_length(ndr, &(field))); \
		NDR_CHECK(ndr_steal_array_size(ndr, (void*)&(field), &_size_1)); \
		NDR_CHECK(ndr_steal_array_length(ndr, (void*)&(field), &_length_1)); \
		if (_length_1 > _size_1) { \
			return ndr_pull_error(ndr, NDR_ERR_ARRAY_SIZE, "Bad array size %u should exceed array length %u", _size_1, _length_1); \
		} \
		NDR_CHECK(ndr_check_string_terminator(ndr, _length_1, sizeof(uint16_t))); \
		NDR_CHECK(ndr_pull_charset(ndr, NDR_SCALARS, &(field), _length_1, sizeof(uint16_t), CH_UTF16)); \
		NDR_PULL_SET_MEM_CTX(ndr, _mem_save_0, 0); \
	} \
} while (0)

#endif

/* ---- DHCP_HOST_INFO ----------------------------------------------------- */

static enum ndr_err_code ndr_push_DHCP_HOST_INFO(struct ndr_push *ndr, int ndr_flags, const struct DHCP_HOST_INFO *r)
{
	NDR_PUSH_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_push_align(ndr, 5));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->IpAddress));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->NetBiosName));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->HostName));
		NDR_CHECK(ndr_push_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		PUSH_LPWSTR_BUFFER(ndr, r->NetBiosName);
		PUSH_LPWSTR_BUFFER(ndr, r->HostName);
	}
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_DHCP_HOST_INFO(struct ndr_pull *ndr, int ndr_flags, struct DHCP_HOST_INFO *r)
{
	uint32_t _ptr_NetBiosName;
	uint32_t _ptr_HostName;
	NDR_PULL_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_pull_align(ndr, 5));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->IpAddress));
		PULL_LPWSTR_PTR(ndr, _ptr_NetBiosName, r->NetBiosName);
		PULL_LPWSTR_PTR(ndr, _ptr_HostName, r->HostName);
		NDR_CHECK(ndr_pull_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		PULL_LPWSTR_BUFFER(ndr, r->NetBiosName);
		PULL_LPWSTR_BUFFER(ndr, r->HostName);
	}
	return NDR_ERR_SUCCESS;
}

/* ---- DHCPV4_FAILOVER_CLIENT_INFO ---------------------------------------- */

static enum ndr_err_code ndr_push_DHCPV4_FAILOVER_CLIENT_INFO(struct ndr_push *ndr, int ndr_flags,
							      const struct DHCPV4_FAILOVER_CLIENT_INFO *r)
{
	NDR_PUSH_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_push_align(ndr, 5));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->ClientIpAddress));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->SubnetMask));
		NDR_CHECK(ndr_push_DHCP_BINARY_DATA(ndr, NDR_SCALARS, &r->ClientHardwareAddress));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->ClientName));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->ClientComment));
		NDR_CHECK(ndr_push_DATE_TIME(ndr, NDR_SCALARS, &r->ClientLeaseExpires));
		NDR_CHECK(ndr_push_DHCP_HOST_INFO(ndr, NDR_SCALARS, &r->OwnerHost));
		NDR_CHECK(ndr_push_uint8(ndr, NDR_SCALARS, r->bClientType));
		NDR_CHECK(ndr_push_uint8(ndr, NDR_SCALARS, r->AddressState));
		NDR_CHECK(ndr_push_QuarantineStatus(ndr, NDR_SCALARS, r->Status));
		NDR_CHECK(ndr_push_DATE_TIME(ndr, NDR_SCALARS, &r->ProbationEnds));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->QuarantineCapable));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->SentPotExpTime));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->AckPotExpTime));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->RecvPotExpTime));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->StartTime));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->CltLastTransTime));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->LastBndUpdTime));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->BndMsgStatus));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->PolicyName));
		NDR_CHECK(ndr_push_uint8(ndr, NDR_SCALARS, r->Flags));
		NDR_CHECK(ndr_push_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		NDR_CHECK(ndr_push_DHCP_BINARY_DATA(ndr, NDR_BUFFERS, &r->ClientHardwareAddress));
		PUSH_LPWSTR_BUFFER(ndr, r->ClientName);
		PUSH_LPWSTR_BUFFER(ndr, r->ClientComment);
		NDR_CHECK(ndr_push_DHCP_HOST_INFO(ndr, NDR_BUFFERS, &r->OwnerHost));
		PUSH_LPWSTR_BUFFER(ndr, r->PolicyName);
	}
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_DHCPV4_FAILOVER_CLIENT_INFO(struct ndr_pull *ndr, int ndr_flags,
							      struct DHCPV4_FAILOVER_CLIENT_INFO *r)
{
	uint32_t _ptr_ClientName;
	uint32_t _ptr_ClientComment;
	uint32_t _ptr_PolicyName;
	NDR_PULL_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_pull_align(ndr, 5));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->ClientIpAddress));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->SubnetMask));
		NDR_CHECK(ndr_pull_DHCP_BINARY_DATA(ndr, NDR_SCALARS, &r->ClientHardwareAddress));
		PULL_LPWSTR_PTR(ndr, _ptr_ClientName, r->ClientName);
		PULL_LPWSTR_PTR(ndr, _ptr_ClientComment, r->ClientComment);
		NDR_CHECK(ndr_pull_DATE_TIME(ndr, NDR_SCALARS, &r->ClientLeaseExpires));
		NDR_CHECK(ndr_pull_DHCP_HOST_INFO(ndr, NDR_SCALARS, &r->OwnerHost));
		NDR_CHECK(ndr_pull_uint8(ndr, NDR_SCALARS, &r->bClientType));
		NDR_CHECK(ndr_pull_uint8(ndr, NDR_SCALARS, &r->AddressState));
		NDR_CHECK(ndr_pull_QuarantineStatus(ndr, NDR_SCALARS, &r->Status));
		NDR_CHECK(ndr_pull_DATE_TIME(ndr, NDR_SCALARS, &r->ProbationEnds));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->QuarantineCapable));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->SentPotExpTime));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->AckPotExpTime));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->RecvPotExpTime));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->StartTime));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->CltLastTransTime));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->LastBndUpdTime));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->BndMsgStatus));
		PULL_LPWSTR_PTR(ndr, _ptr_PolicyName, r->PolicyName);
		NDR_CHECK(ndr_pull_uint8(ndr, NDR_SCALARS, &r->Flags));
		NDR_CHECK(ndr_pull_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		NDR_CHECK(ndr_pull_DHCP_BINARY_DATA(ndr, NDR_BUFFERS, &r->ClientHardwareAddress));
		PULL_LPWSTR_BUFFER(ndr, r->ClientName);
		PULL_LPWSTR_BUFFER(ndr, r->ClientComment);
		NDR_CHECK(ndr_pull_DHCP_HOST_INFO(ndr, NDR_BUFFERS, &r->OwnerHost));
		PULL_LPWSTR_BUFFER(ndr, r->PolicyName);
	}
	return NDR_ERR_SUCCESS;
}

/* ---- DHCPV4_FAILOVER_CLIENT_INFO_ARRAY ---------------------------------- */

static enum ndr_err_code ndr_push_DHCPV4_FAILOVER_CLIENT_INFO_ARRAY(struct ndr_push *ndr, int ndr_flags,
								    const struct DHCPV4_FAILOVER_CLIENT_INFO_ARRAY *r)
{
	uint32_t cntr_Clients_1;
	NDR_PUSH_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_push_align(ndr, 5));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->NumElements));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->Clients));
		NDR_CHECK(ndr_push_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		if (r->Clients) {
			NDR_CHECK(ndr_push_uint3264(ndr, NDR_SCALARS, r->NumElements));
			for (cntr_Clients_1 = 0; cntr_Clients_1 < (r->NumElements); cntr_Clients_1++) {
				NDR_CHECK(ndr_push_unique_ptr(ndr, r->Clients[cntr_Clients_1]));
			}
			for (cntr_Clients_1 = 0; cntr_Clients_1 < (r->NumElements); cntr_Clients_1++) {
				if (r->Clients[cntr_Clients_1]) {
					NDR_CHECK(ndr_push_DHCPV4_FAILOVER_CLIENT_INFO(ndr, NDR_SCALARS|NDR_BUFFERS, r->Clients[cntr_Clients_1]));
				}
			}
		}
	}
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_DHCPV4_FAILOVER_CLIENT_INFO_ARRAY(struct ndr_pull *ndr, int ndr_flags,
								    struct DHCPV4_FAILOVER_CLIENT_INFO_ARRAY *r)
{
	uint32_t _ptr_Clients;
	uint32_t size_Clients_1 = 0;
	uint32_t cntr_Clients_1;
	TALLOC_CTX *_mem_save_Clients_0 = NULL;
	TALLOC_CTX *_mem_save_Clients_1 = NULL;
	TALLOC_CTX *_mem_save_Clients_2 = NULL;
	NDR_PULL_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_pull_align(ndr, 5));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->NumElements));
		NDR_CHECK(ndr_pull_generic_ptr(ndr, &_ptr_Clients));
		if (_ptr_Clients) {
			NDR_PULL_ALLOC(ndr, r->Clients);
		} else {
			r->Clients = NULL;
		}
		NDR_CHECK(ndr_pull_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		if (r->Clients) {
			_mem_save_Clients_0 = NDR_PULL_GET_MEM_CTX(ndr);
			NDR_PULL_SET_MEM_CTX(ndr, r->Clients, 0);
			NDR_CHECK(ndr_pull_array_size(ndr, &r->Clients));
			NDR_CHECK(ndr_get_array_size(ndr, (void*)&r->Clients, &size_Clients_1));
			NDR_PULL_ALLOC_N(ndr, r->Clients, size_Clients_1);
			_mem_save_Clients_1 = NDR_PULL_GET_MEM_CTX(ndr);
			NDR_PULL_SET_MEM_CTX(ndr, r->Clients, 0);
			for (cntr_Clients_1 = 0; cntr_Clients_1 < (size_Clients_1); cntr_Clients_1++) {
				NDR_CHECK(ndr_pull_generic_ptr(ndr, &_ptr_Clients));
				if (_ptr_Clients) {
					NDR_PULL_ALLOC(ndr, r->Clients[cntr_Clients_1]);
				} else {
					r->Clients[cntr_Clients_1] = NULL;
				}
			}
			for (cntr_Clients_1 = 0; cntr_Clients_1 < (size_Clients_1); cntr_Clients_1++) {
				if (r->Clients[cntr_Clients_1]) {
					_mem_save_Clients_2 = NDR_PULL_GET_MEM_CTX(ndr);
					NDR_PULL_SET_MEM_CTX(ndr, r->Clients[cntr_Clients_1], 0);
					NDR_CHECK(ndr_pull_DHCPV4_FAILOVER_CLIENT_INFO(ndr, NDR_SCALARS|NDR_BUFFERS, r->Clients[cntr_Clients_1]));
					NDR_PULL_SET_MEM_CTX(ndr, _mem_save_Clients_2, 0);
				}
			}
			NDR_PULL_SET_MEM_CTX(ndr, _mem_save_Clients_1, 0);
			NDR_PULL_SET_MEM_CTX(ndr, _mem_save_Clients_0, 0);
		}
		if (r->Clients) {
			NDR_CHECK(ndr_check_steal_array_size(ndr, (void*)&r->Clients, r->NumElements));
		}
	}
	return NDR_ERR_SUCCESS;
}

/* ---- DHCP_CLIENT_INFO_PB ------------------------------------------------ */

static enum ndr_err_code ndr_push_DHCP_CLIENT_INFO_PB(struct ndr_push *ndr, int ndr_flags,
						      const struct DHCP_CLIENT_INFO_PB *r)
{
	NDR_PUSH_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_push_align(ndr, 5));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->ClientIpAddress));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->SubnetMask));
		NDR_CHECK(ndr_push_DHCP_BINARY_DATA(ndr, NDR_SCALARS, &r->ClientHardwareAddress));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->ClientName));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->ClientComment));
		NDR_CHECK(ndr_push_DATE_TIME(ndr, NDR_SCALARS, &r->ClientLeaseExpires));
		NDR_CHECK(ndr_push_DHCP_HOST_INFO(ndr, NDR_SCALARS, &r->OwnerHost));
		NDR_CHECK(ndr_push_uint8(ndr, NDR_SCALARS, r->bClientType));
		NDR_CHECK(ndr_push_uint8(ndr, NDR_SCALARS, r->AddressState));
		NDR_CHECK(ndr_push_QuarantineStatus(ndr, NDR_SCALARS, r->Status));
		NDR_CHECK(ndr_push_DATE_TIME(ndr, NDR_SCALARS, &r->ProbationEnds));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->QuarantineCapable));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->FilterStatus));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->PolicyName));
		NDR_CHECK(ndr_push_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		NDR_CHECK(ndr_push_DHCP_BINARY_DATA(ndr, NDR_BUFFERS, &r->ClientHardwareAddress));
		PUSH_LPWSTR_BUFFER(ndr, r->ClientName);
		PUSH_LPWSTR_BUFFER(ndr, r->ClientComment);
		NDR_CHECK(ndr_push_DHCP_HOST_INFO(ndr, NDR_BUFFERS, &r->OwnerHost));
		PUSH_LPWSTR_BUFFER(ndr, r->PolicyName);
	}
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_DHCP_CLIENT_INFO_PB(struct ndr_pull *ndr, int ndr_flags,
						      struct DHCP_CLIENT_INFO_PB *r)
{
	uint32_t _ptr_ClientName;
	uint32_t _ptr_ClientComment;
	uint32_t _ptr_PolicyName;
	NDR_PULL_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_pull_align(ndr, 5));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->ClientIpAddress));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->SubnetMask));
		NDR_CHECK(ndr_pull_DHCP_BINARY_DATA(ndr, NDR_SCALARS, &r->ClientHardwareAddress));
		PULL_LPWSTR_PTR(ndr, _ptr_ClientName, r->ClientName);
		PULL_LPWSTR_PTR(ndr, _ptr_ClientComment, r->ClientComment);
		NDR_CHECK(ndr_pull_DATE_TIME(ndr, NDR_SCALARS, &r->ClientLeaseExpires));
		NDR_CHECK(ndr_pull_DHCP_HOST_INFO(ndr, NDR_SCALARS, &r->OwnerHost));
		NDR_CHECK(ndr_pull_uint8(ndr, NDR_SCALARS, &r->bClientType));
		NDR_CHECK(ndr_pull_uint8(ndr, NDR_SCALARS, &r->AddressState));
		NDR_CHECK(ndr_pull_QuarantineStatus(ndr, NDR_SCALARS, &r->Status));
		NDR_CHECK(ndr_pull_DATE_TIME(ndr, NDR_SCALARS, &r->ProbationEnds));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->QuarantineCapable));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->FilterStatus));
		PULL_LPWSTR_PTR(ndr, _ptr_PolicyName, r->PolicyName);
		NDR_CHECK(ndr_pull_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		NDR_CHECK(ndr_pull_DHCP_BINARY_DATA(ndr, NDR_BUFFERS, &r->ClientHardwareAddress));
		PULL_LPWSTR_BUFFER(ndr, r->ClientName);
		PULL_LPWSTR_BUFFER(ndr, r->ClientComment);
		NDR_CHECK(ndr_pull_DHCP_HOST_INFO(ndr, NDR_BUFFERS, &r->OwnerHost));
		PULL_LPWSTR_BUFFER(ndr, r->PolicyName);
	}
	return NDR_ERR_SUCCESS;
}

/* ---- DHCP_CLIENT_INFO_PB_ARRAY ------------------------------------------ */

static enum ndr_err_code ndr_push_DHCP_CLIENT_INFO_PB_ARRAY(struct ndr_push *ndr, int ndr_flags,
							    const struct DHCP_CLIENT_INFO_PB_ARRAY *r)
{
	uint32_t cntr_Clients_1;
	NDR_PUSH_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_push_align(ndr, 5));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->NumElements));
		NDR_CHECK(ndr_push_unique_ptr(ndr, r->Clients));
		NDR_CHECK(ndr_push_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		if (r->Clients) {
			NDR_CHECK(ndr_push_uint3264(ndr, NDR_SCALARS, r->NumElements));
			for (cntr_Clients_1 = 0; cntr_Clients_1 < (r->NumElements); cntr_Clients_1++) {
				NDR_CHECK(ndr_push_unique_ptr(ndr, r->Clients[cntr_Clients_1]));
			}
			for (cntr_Clients_1 = 0; cntr_Clients_1 < (r->NumElements); cntr_Clients_1++) {
				if (r->Clients[cntr_Clients_1]) {
					NDR_CHECK(ndr_push_DHCP_CLIENT_INFO_PB(ndr, NDR_SCALARS|NDR_BUFFERS, r->Clients[cntr_Clients_1]));
				}
			}
		}
	}
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_DHCP_CLIENT_INFO_PB_ARRAY(struct ndr_pull *ndr, int ndr_flags,
							    struct DHCP_CLIENT_INFO_PB_ARRAY *r)
{
	uint32_t _ptr_Clients;
	uint32_t size_Clients_1 = 0;
	uint32_t cntr_Clients_1;
	TALLOC_CTX *_mem_save_Clients_0 = NULL;
	TALLOC_CTX *_mem_save_Clients_1 = NULL;
	TALLOC_CTX *_mem_save_Clients_2 = NULL;
	NDR_PULL_CHECK_FLAGS(ndr, ndr_flags);
	if (ndr_flags & NDR_SCALARS) {
		NDR_CHECK(ndr_pull_align(ndr, 5));
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->NumElements));
		NDR_CHECK(ndr_pull_generic_ptr(ndr, &_ptr_Clients));
		if (_ptr_Clients) {
			NDR_PULL_ALLOC(ndr, r->Clients);
		} else {
			r->Clients = NULL;
		}
		NDR_CHECK(ndr_pull_trailer_align(ndr, 5));
	}
	if (ndr_flags & NDR_BUFFERS) {
		if (r->Clients) {
			_mem_save_Clients_0 = NDR_PULL_GET_MEM_CTX(ndr);
			NDR_PULL_SET_MEM_CTX(ndr, r->Clients, 0);
			NDR_CHECK(ndr_pull_array_size(ndr, &r->Clients));
			NDR_CHECK(ndr_get_array_size(ndr, (void*)&r->Clients, &size_Clients_1));
			NDR_PULL_ALLOC_N(ndr, r->Clients, size_Clients_1);
			_mem_save_Clients_1 = NDR_PULL_GET_MEM_CTX(ndr);
			NDR_PULL_SET_MEM_CTX(ndr, r->Clients, 0);
			for (cntr_Clients_1 = 0; cntr_Clients_1 < (size_Clients_1); cntr_Clients_1++) {
				NDR_CHECK(ndr_pull_generic_ptr(ndr, &_ptr_Clients));
				if (_ptr_Clients) {
					NDR_PULL_ALLOC(ndr, r->Clients[cntr_Clients_1]);
				} else {
					r->Clients[cntr_Clients_1] = NULL;
				}
			}
			for (cntr_Clients_1 = 0; cntr_Clients_1 < (size_Clients_1); cntr_Clients_1++) {
				if (r->Clients[cntr_Clients_1]) {
					_mem_save_Clients_2 = NDR_PULL_GET_MEM_CTX(ndr);
					NDR_PULL_SET_MEM_CTX(ndr, r->Clients[cntr_Clients_1], 0);
					NDR_CHECK(ndr_pull_DHCP_CLIENT_INFO_PB(ndr, NDR_SCALARS|NDR_BUFFERS, r->Clients[cntr_Clients_1]));
					NDR_PULL_SET_MEM_CTX(ndr, _mem_save_Clients_2, 0);
				}
			}
			NDR_PULL_SET_MEM_CTX(ndr, _mem_save_Clients_1, 0);
			NDR_PULL_SET_MEM_CTX(ndr, _mem_save_Clients_0, 0);
		}
		if (r->Clients) {
			NDR_CHECK(ndr_check_steal_array_size(ndr, (void*)&r->Clients, r->NumElements));
		}
	}
	return NDR_ERR_SUCCESS;
}

/* ---- R_DhcpV4EnumSubnetClients (dhcpsrv2 opnum 115) ----------------------
 * The function as pidl declares it, with only its [out] half: the [in]
 * parameters (ServerIpAddress, SubnetAddress, ResumeHandle, PreferredMaximum)
 * are not marshalled here. Each [out] parameter is pushed or pulled whole,
 * pointees included, before the next, and the DWORD result comes last:
 *
 *   [in,out,ref] DHCP_RESUME_HANDLE *ResumeHandle    its DWORD pointee only
 *   [out,ref] LPDHCP_CLIENT_INFO_PB_ARRAY *ClientInfo a referent id, then the
 *                                                     array and its buffers
 *   [out,ref] DWORD *ClientsRead, *ClientsTotal       their pointees only
 */
struct R_DhcpV4EnumSubnetClients {
	struct {
		uint32_t *ResumeHandle; /* [ref] */
		struct DHCP_CLIENT_INFO_PB_ARRAY **ClientInfo; /* [ref] */
		uint32_t *ClientsRead; /* [ref] */
		uint32_t *ClientsTotal; /* [ref] */
		uint32_t result;
	} out;
};

static enum ndr_err_code ndr_push_R_DhcpV4EnumSubnetClients(struct ndr_push *ndr, int flags,
							    const struct R_DhcpV4EnumSubnetClients *r)
{
	NDR_PUSH_CHECK_FN_FLAGS(ndr, flags);
	if (flags & NDR_OUT) {
		if (r->out.ResumeHandle == NULL) {
			return ndr_push_error(ndr, NDR_ERR_INVALID_POINTER, "NULL [ref] pointer");
		}
		if (r->out.ClientInfo == NULL) {
			return ndr_push_error(ndr, NDR_ERR_INVALID_POINTER, "NULL [ref] pointer");
		}
		if (r->out.ClientsRead == NULL) {
			return ndr_push_error(ndr, NDR_ERR_INVALID_POINTER, "NULL [ref] pointer");
		}
		if (r->out.ClientsTotal == NULL) {
			return ndr_push_error(ndr, NDR_ERR_INVALID_POINTER, "NULL [ref] pointer");
		}
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, *r->out.ResumeHandle));
		NDR_CHECK(ndr_push_unique_ptr(ndr, *r->out.ClientInfo));
		if (*r->out.ClientInfo) {
			NDR_CHECK(ndr_push_DHCP_CLIENT_INFO_PB_ARRAY(ndr, NDR_SCALARS|NDR_BUFFERS, *r->out.ClientInfo));
		}
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, *r->out.ClientsRead));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, *r->out.ClientsTotal));
		NDR_CHECK(ndr_push_uint32(ndr, NDR_SCALARS, r->out.result));
	}
	return NDR_ERR_SUCCESS;
}

static enum ndr_err_code ndr_pull_R_DhcpV4EnumSubnetClients(struct ndr_pull *ndr, int flags,
							    struct R_DhcpV4EnumSubnetClients *r)
{
	uint32_t _ptr_ClientInfo;
	TALLOC_CTX *_mem_save_ResumeHandle_0 = NULL;
	TALLOC_CTX *_mem_save_ClientInfo_0 = NULL;
	TALLOC_CTX *_mem_save_ClientInfo_1 = NULL;
	TALLOC_CTX *_mem_save_ClientsRead_0 = NULL;
	TALLOC_CTX *_mem_save_ClientsTotal_0 = NULL;
	NDR_PULL_CHECK_FN_FLAGS(ndr, flags);
	if (flags & NDR_OUT) {
		if (ndr->flags & LIBNDR_FLAG_REF_ALLOC) {
			NDR_PULL_ALLOC(ndr, r->out.ResumeHandle);
		}
		_mem_save_ResumeHandle_0 = NDR_PULL_GET_MEM_CTX(ndr);
		NDR_PULL_SET_MEM_CTX(ndr, r->out.ResumeHandle, LIBNDR_FLAG_REF_ALLOC);
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, r->out.ResumeHandle));
		NDR_PULL_SET_MEM_CTX(ndr, _mem_save_ResumeHandle_0, LIBNDR_FLAG_REF_ALLOC);
		if (ndr->flags & LIBNDR_FLAG_REF_ALLOC) {
			NDR_PULL_ALLOC(ndr, r->out.ClientInfo);
		}
		_mem_save_ClientInfo_0 = NDR_PULL_GET_MEM_CTX(ndr);
		NDR_PULL_SET_MEM_CTX(ndr, r->out.ClientInfo, LIBNDR_FLAG_REF_ALLOC);
		NDR_CHECK(ndr_pull_generic_ptr(ndr, &_ptr_ClientInfo));
		if (_ptr_ClientInfo) {
			NDR_PULL_ALLOC(ndr, *r->out.ClientInfo);
		} else {
			*r->out.ClientInfo = NULL;
		}
		if (*r->out.ClientInfo) {
			_mem_save_ClientInfo_1 = NDR_PULL_GET_MEM_CTX(ndr);
			NDR_PULL_SET_MEM_CTX(ndr, *r->out.ClientInfo, 0);
			NDR_CHECK(ndr_pull_DHCP_CLIENT_INFO_PB_ARRAY(ndr, NDR_SCALARS|NDR_BUFFERS, *r->out.ClientInfo));
			NDR_PULL_SET_MEM_CTX(ndr, _mem_save_ClientInfo_1, 0);
		}
		NDR_PULL_SET_MEM_CTX(ndr, _mem_save_ClientInfo_0, LIBNDR_FLAG_REF_ALLOC);
		if (ndr->flags & LIBNDR_FLAG_REF_ALLOC) {
			NDR_PULL_ALLOC(ndr, r->out.ClientsRead);
		}
		_mem_save_ClientsRead_0 = NDR_PULL_GET_MEM_CTX(ndr);
		NDR_PULL_SET_MEM_CTX(ndr, r->out.ClientsRead, LIBNDR_FLAG_REF_ALLOC);
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, r->out.ClientsRead));
		NDR_PULL_SET_MEM_CTX(ndr, _mem_save_ClientsRead_0, LIBNDR_FLAG_REF_ALLOC);
		if (ndr->flags & LIBNDR_FLAG_REF_ALLOC) {
			NDR_PULL_ALLOC(ndr, r->out.ClientsTotal);
		}
		_mem_save_ClientsTotal_0 = NDR_PULL_GET_MEM_CTX(ndr);
		NDR_PULL_SET_MEM_CTX(ndr, r->out.ClientsTotal, LIBNDR_FLAG_REF_ALLOC);
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, r->out.ClientsTotal));
		NDR_PULL_SET_MEM_CTX(ndr, _mem_save_ClientsTotal_0, LIBNDR_FLAG_REF_ALLOC);
		NDR_CHECK(ndr_pull_uint32(ndr, NDR_SCALARS, &r->out.result));
	}
	return NDR_ERR_SUCCESS;
}

/* ---- entry points for the benchmark ------------------------------------- */

void *samba_peer_new_context(void)
{
	return talloc_new(NULL);
}

void samba_peer_free(void *talloc_ptr)
{
	talloc_free(talloc_ptr);
}

int samba_peer_pull_array(void *mem_ctx, const uint8_t *data, size_t length, int ndr64,
			  struct DHCPV4_FAILOVER_CLIENT_INFO_ARRAY *out, const char **error)
{
	DATA_BLOB blob = data_blob_const(data, length);
	struct ndr_pull *ndr;
	enum ndr_err_code err;

	if (length > UINT32_MAX) {
		if (error) *error = "input larger than libndr's 32-bit offsets";
		return NDR_ERR_BUFSIZE;
	}
	if (!ndr64) {
		/* What a Samba program calls: ndr_pull_struct_blob_all. */
		err = ndr_pull_struct_blob_all(&blob, mem_ctx, out,
					       (ndr_pull_flags_fn_t)ndr_pull_DHCPV4_FAILOVER_CLIENT_INFO_ARRAY);
	} else {
		/* The same with the NDR64 flag that the DCE/RPC layer sets after
		 * negotiating the NDR64 transfer syntax. */
		ndr = ndr_pull_init_blob(&blob, mem_ctx);
		if (ndr == NULL) {
			err = NDR_ERR_ALLOC;
		} else {
			ndr->flags |= LIBNDR_FLAG_NDR64;
			err = ndr_pull_DHCPV4_FAILOVER_CLIENT_INFO_ARRAY(ndr, NDR_SCALARS|NDR_BUFFERS, out);
			if (err == NDR_ERR_SUCCESS && ndr->offset < ndr->data_size) {
				err = NDR_ERR_UNREAD_BYTES;
			}
			talloc_free(ndr);
		}
	}
	if (error) *error = err == NDR_ERR_SUCCESS ? NULL : ndr_map_error2string(err);
	return (int)err;
}

int samba_peer_push_array(void *mem_ctx, const struct DHCPV4_FAILOVER_CLIENT_INFO_ARRAY *in, int ndr64,
			  uint8_t **data, size_t *length, const char **error)
{
	DATA_BLOB blob = data_blob_null;
	struct ndr_push *ndr;
	enum ndr_err_code err;

	if (!ndr64) {
		err = ndr_push_struct_blob(&blob, mem_ctx, in,
					   (ndr_push_flags_fn_t)ndr_push_DHCPV4_FAILOVER_CLIENT_INFO_ARRAY);
	} else {
		ndr = ndr_push_init_ctx(mem_ctx);
		if (ndr == NULL) {
			err = NDR_ERR_ALLOC;
		} else {
			ndr->flags |= LIBNDR_FLAG_NDR64;
			err = ndr_push_DHCPV4_FAILOVER_CLIENT_INFO_ARRAY(ndr, NDR_SCALARS|NDR_BUFFERS, in);
			if (err == NDR_ERR_SUCCESS) {
				blob = ndr_push_blob(ndr);
				talloc_steal(mem_ctx, blob.data);
			}
			talloc_free(ndr);
		}
	}
	if (err == NDR_ERR_SUCCESS) {
		*data = blob.data;
		*length = blob.length;
	}
	if (error) *error = err == NDR_ERR_SUCCESS ? NULL : ndr_map_error2string(err);
	return (int)err;
}

int samba_peer_pull_pb_array(void *mem_ctx, const uint8_t *data, size_t length, int ndr64,
			     struct DHCP_CLIENT_INFO_PB_ARRAY *out, const char **error)
{
	DATA_BLOB blob = data_blob_const(data, length);
	struct ndr_pull *ndr;
	enum ndr_err_code err;

	if (length > UINT32_MAX) {
		if (error) *error = "input larger than libndr's 32-bit offsets";
		return NDR_ERR_BUFSIZE;
	}
	if (!ndr64) {
		err = ndr_pull_struct_blob_all(&blob, mem_ctx, out,
					       (ndr_pull_flags_fn_t)ndr_pull_DHCP_CLIENT_INFO_PB_ARRAY);
	} else {
		ndr = ndr_pull_init_blob(&blob, mem_ctx);
		if (ndr == NULL) {
			err = NDR_ERR_ALLOC;
		} else {
			ndr->flags |= LIBNDR_FLAG_NDR64;
			err = ndr_pull_DHCP_CLIENT_INFO_PB_ARRAY(ndr, NDR_SCALARS|NDR_BUFFERS, out);
			if (err == NDR_ERR_SUCCESS && ndr->offset < ndr->data_size) {
				err = NDR_ERR_UNREAD_BYTES;
			}
			talloc_free(ndr);
		}
	}
	if (error) *error = err == NDR_ERR_SUCCESS ? NULL : ndr_map_error2string(err);
	return (int)err;
}

int samba_peer_push_pb_array(void *mem_ctx, const struct DHCP_CLIENT_INFO_PB_ARRAY *in, int ndr64,
			     uint8_t **data, size_t *length, const char **error)
{
	DATA_BLOB blob = data_blob_null;
	struct ndr_push *ndr;
	enum ndr_err_code err;

	if (!ndr64) {
		err = ndr_push_struct_blob(&blob, mem_ctx, in,
					   (ndr_push_flags_fn_t)ndr_push_DHCP_CLIENT_INFO_PB_ARRAY);
	} else {
		ndr = ndr_push_init_ctx(mem_ctx);
		if (ndr == NULL) {
			err = NDR_ERR_ALLOC;
		} else {
			ndr->flags |= LIBNDR_FLAG_NDR64;
			err = ndr_push_DHCP_CLIENT_INFO_PB_ARRAY(ndr, NDR_SCALARS|NDR_BUFFERS, in);
			if (err == NDR_ERR_SUCCESS) {
				blob = ndr_push_blob(ndr);
				talloc_steal(mem_ctx, blob.data);
			}
			talloc_free(ndr);
		}
	}
	if (err == NDR_ERR_SUCCESS) {
		*data = blob.data;
		*length = blob.length;
	}
	if (error) *error = err == NDR_ERR_SUCCESS ? NULL : ndr_map_error2string(err);
	return (int)err;
}

/* A response's stub data is not a struct: as Samba's DCE/RPC client does, the
 * call's pull function runs with NDR_OUT over the whole stub (NDR64 when that
 * transfer syntax was negotiated), and bytes left over are an error. The
 * [ref] out pointers point at *out's members, as a caller's r->out pointers
 * do, so the context has no LIBNDR_FLAG_REF_ALLOC and only the ClientInfo
 * array (and what hangs off it) is allocated, under mem_ctx. */
int samba_peer_pull_enum_subnet_clients_response(void *mem_ctx, const uint8_t *data, size_t length, int ndr64,
						 struct R_DhcpV4EnumSubnetClients_out *out, const char **error)
{
	DATA_BLOB blob = data_blob_const(data, length);
	struct R_DhcpV4EnumSubnetClients r;
	struct ndr_pull *ndr;
	enum ndr_err_code err;

	if (length > UINT32_MAX) {
		if (error) *error = "input larger than libndr's 32-bit offsets";
		return NDR_ERR_BUFSIZE;
	}
	r.out.ResumeHandle = &out->ResumeHandle;
	r.out.ClientInfo = &out->ClientInfo;
	r.out.ClientsRead = &out->ClientsRead;
	r.out.ClientsTotal = &out->ClientsTotal;
	r.out.result = 0;
	ndr = ndr_pull_init_blob(&blob, mem_ctx);
	if (ndr == NULL) {
		err = NDR_ERR_ALLOC;
	} else {
		if (ndr64) {
			ndr->flags |= LIBNDR_FLAG_NDR64;
		}
		err = ndr_pull_R_DhcpV4EnumSubnetClients(ndr, NDR_OUT, &r);
		if (err == NDR_ERR_SUCCESS && ndr->offset < ndr->data_size) {
			err = NDR_ERR_UNREAD_BYTES;
		}
		talloc_free(ndr);
	}
	out->result = r.out.result;
	if (error) *error = err == NDR_ERR_SUCCESS ? NULL : ndr_map_error2string(err);
	return (int)err;
}

int samba_peer_push_enum_subnet_clients_response(void *mem_ctx, const struct R_DhcpV4EnumSubnetClients_out *in,
						 int ndr64, uint8_t **data, size_t *length, const char **error)
{
	DATA_BLOB blob = data_blob_null;
	struct R_DhcpV4EnumSubnetClients r;
	struct ndr_push *ndr;
	enum ndr_err_code err;

	/* push only reads through these */
	r.out.ResumeHandle = discard_const_p(uint32_t, &in->ResumeHandle);
	r.out.ClientInfo = discard_const_p(struct DHCP_CLIENT_INFO_PB_ARRAY *, &in->ClientInfo);
	r.out.ClientsRead = discard_const_p(uint32_t, &in->ClientsRead);
	r.out.ClientsTotal = discard_const_p(uint32_t, &in->ClientsTotal);
	r.out.result = in->result;
	ndr = ndr_push_init_ctx(mem_ctx);
	if (ndr == NULL) {
		err = NDR_ERR_ALLOC;
	} else {
		if (ndr64) {
			ndr->flags |= LIBNDR_FLAG_NDR64;
		}
		err = ndr_push_R_DhcpV4EnumSubnetClients(ndr, NDR_OUT, &r);
		if (err == NDR_ERR_SUCCESS) {
			blob = ndr_push_blob(ndr);
			talloc_steal(mem_ctx, blob.data);
		}
		talloc_free(ndr);
	}
	if (err == NDR_ERR_SUCCESS) {
		*data = blob.data;
		*length = blob.length;
	}
	if (error) *error = err == NDR_ERR_SUCCESS ? NULL : ndr_map_error2string(err);
	return (int)err;
}
