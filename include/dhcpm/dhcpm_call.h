/*
 * dhcpm_call.h — part of dhcpm's C API (include dhcpm/dhcpm.h, which
 * includes this): the stub data of the twenty-two dhcpsrv and dhcpsrv2 calls
 * that carry client records, as a table and as values.
 *
 * A call is a number below dhcpm_call_count(), an index of the library's call
 * table; find it by method name ("R_DhcpV4EnumSubnetClients") or by interface
 * and opnum (opnums repeat across the two interfaces). Each direction
 * (request: the [in] parameters; response: the [out] ones, then ReturnValue)
 * has its parameters in IDL order. A stub is one direction's values: DWORDs,
 * the ServerIpAddress string, and records read with dhcpm_record_* (see
 * dhcpm_record.h). The conventions of dhcpm.h hold; a dhcpm_stub is owned by
 * the caller and released with dhcpm_stub_free.
 */
/* Outside the guard: dhcpm.h declares everything first, this file included,
 * whichever header a program includes first. */
#include "dhcpm/dhcpm.h"

#ifndef DHCPM_DHCPM_CALL_H
#define DHCPM_DHCPM_CALL_H
#ifdef __cplusplus
extern "C" {
#endif

typedef enum dhcpm_direction {
  DHCPM_REQUEST = 0, /* the [in] parameters */
  DHCPM_RESPONSE = 1 /* the [out] parameters and ReturnValue */
} dhcpm_direction;

typedef enum dhcpm_interface {
  DHCPM_INTERFACE_DHCPSRV = 0, /* 6BFFD098-A112-3610-9833-46C3F874532D v1.0 */
  DHCPM_INTERFACE_DHCPSRV2 = 1 /* 5B821720-F63B-11D0-AAD2-00C04FC324DB v1.0 */
} dhcpm_interface;

/* How a parameter is marshalled at the top level of the stub. */
typedef enum dhcpm_param_kind {
  DHCPM_PARAM_DWORD = 0,          /* a DWORD, or the pointee of a [ref] DWORD* */
  DHCPM_PARAM_UNIQUE_STRING = 1,  /* [unique, string] LPWSTR ServerIpAddress */
  DHCPM_PARAM_REF_RECORD = 2,     /* [in, ref] T*: never NULL */
  DHCPM_PARAM_UNIQUE_RECORD = 3,  /* [out] T**: a unique pointer, may be NULL */
  DHCPM_PARAM_RETURN_VALUE = 4    /* the DWORD the method returns */
} dhcpm_param_kind;

typedef struct dhcpm_call_desc {
  const char* method;          /* "R_DhcpV4EnumSubnetClients" */
  dhcpm_interface interface_id;
  const char* interface_name;  /* "dhcpsrv", "dhcpsrv2" */
  const char* interface_uuid;  /* "5b821720-f63b-11d0-aad2-00c04fc324db" (lower case) */
  uint16_t opnum;
  size_t request_params;       /* the number of parameters of each direction */
  size_t response_params;
} dhcpm_call_desc;

typedef struct dhcpm_param_desc {
  const char* name;            /* the IDL parameter name: the JSON key, the first part of error paths */
  dhcpm_param_kind kind;
  dhcpm_type type;             /* the record type of a _RECORD parameter; DHCPM_TYPE_COUNT otherwise */
  dhcpm_field_meaning meaning; /* how a DWORD reads (SubnetAddress: DHCPM_MEANING_IPV4) */
} dhcpm_param_desc;

/* The number of calls (22). */
size_t dhcpm_call_count(void) DHCPM_NOEXCEPT;
/* Call `call` (< dhcpm_call_count). Static strings. DHCPM_ERR_INVALID_ARGUMENT
 * for a call out of range or a NULL desc. */
dhcpm_status dhcpm_call_info(size_t call, dhcpm_call_desc* desc) DHCPM_NOEXCEPT;
/* Parameter `index` of a direction of a call, in IDL order. */
dhcpm_status dhcpm_call_param_info(size_t call, dhcpm_direction direction, size_t index,
                                   dhcpm_param_desc* desc) DHCPM_NOEXCEPT;
/* The call a method name names, or one of an interface's opnums.
 * DHCPM_ERR_INVALID_ARGUMENT (and *call unchanged) when there is none. */
dhcpm_status dhcpm_call_from_name(const char* method, size_t* call) DHCPM_NOEXCEPT;
dhcpm_status dhcpm_call_find(dhcpm_interface interface_id, uint16_t opnum, size_t* call) DHCPM_NOEXCEPT;
/* The name of a return value that analyzers look for: "ERROR_SUCCESS",
 * "ERROR_MORE_DATA", "ERROR_NO_MORE_ITEMS", "ERROR_DHCP_JET_ERROR", ...; NULL
 * for a code dhcpm does not name. A static string. */
const char* dhcpm_return_value_name(uint32_t value) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Stubs                                                                     */
/* ------------------------------------------------------------------------ */

/* One direction of one call: a value per parameter, and the warnings of a
 * lenient decode. Opaque; owned by the caller. */
typedef struct dhcpm_stub dhcpm_stub;

/* Decodes a stub: the NDR bytes of one direction of a call (the request or
 * response PDU's stub data) in an NDR layout (ndr20, ndr20be, ndr64; others
 * are DHCPM_ERR_UNSUPPORTED), every byte belonging to it. Errors as for
 * dhcpm_decode, their path starting with the parameter
 * ("ClientInfo.Clients[3].ClientName"). On failure *stub is NULL. */
dhcpm_status dhcpm_decode_call(const uint8_t* data, size_t size, size_t call, dhcpm_direction direction,
                               dhcpm_layout layout, const dhcpm_decode_options* options, dhcpm_stub** stub,
                               dhcpm_error* error) DHCPM_NOEXCEPT;
/* Encodes a stub in an NDR layout, canonically (referent ids counting on
 * across parameters); the bytes as for dhcpm_encode. */
dhcpm_status dhcpm_encode_call(const dhcpm_stub* stub, dhcpm_layout layout, uint8_t** bytes, size_t* size,
                               dhcpm_error* error) DHCPM_NOEXCEPT;
/* Dissects a stub as dhcpm_dissect does a value: every region's `parameter`
 * names the parameter its bytes belong to, the ReturnValue included. */
dhcpm_status dhcpm_dissect_call(const uint8_t* data, size_t size, size_t call, dhcpm_direction direction,
                                dhcpm_layout layout, const dhcpm_decode_options* options,
                                dhcpm_region_callback callback, void* user_data, dhcpm_dissect_summary* summary,
                                dhcpm_error* error) DHCPM_NOEXCEPT;

/* A new stub with every DWORD 0, a NULL ServerIpAddress, each [ref] record
 * empty and each [unique] one NULL. */
dhcpm_status dhcpm_stub_new(size_t call, dhcpm_direction direction, dhcpm_stub** stub) DHCPM_NOEXCEPT;
/* Releases a stub. NULL is allowed. */
void dhcpm_stub_free(dhcpm_stub* stub) DHCPM_NOEXCEPT;

/* Which call and direction the stub is (0 and DHCPM_REQUEST for NULL). */
size_t dhcpm_stub_call(const dhcpm_stub* stub) DHCPM_NOEXCEPT;
dhcpm_direction dhcpm_stub_direction(const dhcpm_stub* stub) DHCPM_NOEXCEPT;
/* Lenient-mode warnings, as for dhcpm_value_warning. */
size_t dhcpm_stub_warning_count(const dhcpm_stub* stub) DHCPM_NOEXCEPT;
dhcpm_status dhcpm_stub_warning(const dhcpm_stub* stub, size_t index, dhcpm_error* warning) DHCPM_NOEXCEPT;

/* Parameter `param` (an index of dhcpm_call_param_info) of kind DWORD or
 * RETURN_VALUE. DHCPM_ERR_INVALID_ARGUMENT for another kind or an index out
 * of range. */
dhcpm_status dhcpm_stub_dword(const dhcpm_stub* stub, size_t param, uint32_t* value) DHCPM_NOEXCEPT;
dhcpm_status dhcpm_stub_set_dword(dhcpm_stub* stub, size_t param, uint32_t value) DHCPM_NOEXCEPT;
/* The UNIQUE_STRING parameter's units, as dhcpm_record_string. */
dhcpm_status dhcpm_stub_string(const dhcpm_stub* stub, size_t param, const uint16_t** units,
                               size_t* count) DHCPM_NOEXCEPT;
/* A _RECORD parameter: its type and, for a NULL [unique] one, `at` NULL.
 * Borrowed from the stub. */
dhcpm_status dhcpm_stub_record(const dhcpm_stub* stub, size_t param, dhcpm_record* record) DHCPM_NOEXCEPT;

/* The stub in the JSON form of the dhcpm command line (`dhcpm decode --call`):
 * an object keyed by parameter name. Released with dhcpm_free. */
dhcpm_status dhcpm_stub_to_json(const dhcpm_stub* stub, char** json, size_t* length,
                                dhcpm_error* error) DHCPM_NOEXCEPT;
/* A new stub of a call's direction from that JSON form (every parameter of
 * the direction present; a [ref] record cannot be null). */
dhcpm_status dhcpm_stub_from_json(const char* json, size_t length, size_t call, dhcpm_direction direction,
                                  dhcpm_stub** stub, dhcpm_error* error) DHCPM_NOEXCEPT;
/* A new stub from the realistic generator (what `dhcpm gen --call` writes). */
dhcpm_status dhcpm_stub_generate(size_t call, dhcpm_direction direction, uint64_t seed,
                                 dhcpm_stub** stub) DHCPM_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DHCPM_DHCPM_CALL_H */
