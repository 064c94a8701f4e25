/* NDR marshalling of DHCPV4_FAILOVER_CLIENT_INFO and its _ARRAY with Samba's
 * libndr, written the way pidl (Samba 4.17) generates it from the IDL in
 * DESIGN.md §1. It is the peer the benchmarks compare against, so it must cost
 * what Samba's generated code costs — nothing here is hand-optimised:
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
 * here only so that the five LPWSTR members read the same.
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
