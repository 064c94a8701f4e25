/*
 * dhcpm.h — the C API of dhcpm: decode, read, build, encode and dissect the
 * MS-DHCPM client records — DHCPV4_FAILOVER_CLIENT_INFO and its _ARRAY, the
 * client-record family (DHCP_CLIENT_INFO ... _EX and their arrays) — in every
 * layout (NDR 2.0 LE/BE, NDR64, MS-RPCE type serialization, Windows x64/x86
 * memory images), and the stub data of the calls that carry them, for C
 * programs such as protocol analyzers. C99; no C++ types. Any record is read
 * through its schema with dhcpm_record.h, the calls with dhcpm_call.h; this
 * header includes both.
 *
 * Conventions (they hold for every function below unless its comment says
 * otherwise):
 *
 * - Errors are values. A function that can fail returns a dhcpm_status
 *   (DHCPM_OK is 0). Functions that read bytes or encode values also fill a
 *   caller-provided dhcpm_error with the code, the byte offset and the field
 *   path (`Clients[3].OwnerHost.HostName`); that pointer may be NULL. On
 *   success the dhcpm_error is set to DHCPM_OK with an empty path and message.
 *   Bad input never aborts, never reads outside the buffer given, and never
 *   makes dhcpm allocate more than the decode limits allow.
 * - No exception and no C++ type crosses this interface. A failure that is not
 *   bad input (a bug) is DHCPM_ERR_INTERNAL; memory exhaustion is
 *   DHCPM_ERR_OUT_OF_MEMORY.
 * - Ownership: a dhcpm_value is owned by the caller and released with
 *   dhcpm_value_free(); a byte buffer from an encode function is owned by the
 *   caller and released with dhcpm_free(). Decoding copies what it needs: the
 *   input buffer may be freed as soon as the decode function returns.
 * - Borrowed pointers point into a dhcpm_value (or dhcpm_value_list) and stay
 *   valid until it is freed, and also: a dhcpm_client* of an array element
 *   until elements are added or dropped (dhcpm_array_append*,
 *   dhcpm_array_set_clients_null); string units and Data bytes until that
 *   field is set again. Strings that dhcpm returns about itself (names,
 *   dhcpm_version) are static.
 * - Thread safety: dhcpm has no global state. Different values may be used
 *   from different threads at the same time. One value may be read (through
 *   the functions that take a const pointer) from several threads at once;
 *   changing it needs exclusive access.
 * - Passing NULL where a value or client is required is not undefined: the
 *   function returns DHCPM_ERR_INVALID_ARGUMENT, or 0 / NULL for readers.
 */
#ifndef DHCPM_DHCPM_H
#define DHCPM_DHCPM_H

#include <stddef.h>
#include <stdint.h>

/* The C++ compiler sees the same declarations as noexcept: an exception can
 * never leave a function of this API. */
#ifdef __cplusplus
#define DHCPM_NOEXCEPT noexcept
extern "C" {
#else
#define DHCPM_NOEXCEPT
#endif

/* ------------------------------------------------------------------------ */
/* Version                                                                   */
/* ------------------------------------------------------------------------ */

/* The version of this header (the build checks it against the project's). */
#define DHCPM_VERSION_MAJOR 0
#define DHCPM_VERSION_MINOR 1
#define DHCPM_VERSION_PATCH 0
#define DHCPM_VERSION_STRING "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, for #if comparisons. */
#define DHCPM_VERSION_NUMBER (DHCPM_VERSION_MAJOR * 10000 + DHCPM_VERSION_MINOR * 100 + DHCPM_VERSION_PATCH)

/* The version of the library linked at run time ("0.1.0"): a static string.
 * Comparing it with DHCPM_VERSION_STRING detects a header/library mismatch. */
const char* dhcpm_version(void) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Status codes and errors                                                   */
/* ------------------------------------------------------------------------ */

/* The codes 1..99 and 255 are the library's error codes (error.hpp), with
 * the same numbers and names; 200..254 belong to the C API. */
typedef enum dhcpm_status {
  DHCPM_OK = 0,
  /* Bad input: the bytes are wrong. */
  DHCPM_ERR_TRUNCATED = 1,                /* the value needs more bytes than there are */
  DHCPM_ERR_CONFORMANCE_MISMATCH = 2,     /* max_count differs from its size_is field */
  DHCPM_ERR_NONZERO_STRING_OFFSET = 3,    /* a conformant-varying string with offset != 0 */
  DHCPM_ERR_ACTUAL_COUNT_EXCEEDS_MAX = 4, /* a string's actual_count > max_count */
  DHCPM_ERR_MISSING_TERMINATOR = 5,       /* a string whose last unit is not NUL */
  DHCPM_ERR_COUNT_EXCEEDS_INPUT = 6,      /* a count that cannot fit in the bytes left */
  DHCPM_ERR_TRAILING_BYTES = 7,           /* bytes left over after the value */
  DHCPM_ERR_NULL_WITH_NONZERO_SIZE = 8,   /* DataLength/NumElements != 0 with a NULL pointer */
  DHCPM_ERR_INVALID_HEADER = 9,           /* a bad type serialization header */
  DHCPM_ERR_LENGTH_MISMATCH = 10,         /* ObjectBufferLength disagrees with the bytes */
  DHCPM_ERR_NONZERO_PADDING = 11,         /* a pickled body's padding is not zero */
  DHCPM_ERR_MISSING_TRAILING_PAD = 12,    /* an NDR64 struct without its trailing pad */
  DHCPM_ERR_POINTER_OUT_OF_IMAGE = 13,    /* a native pointee not wholly inside the image */
  DHCPM_ERR_MISALIGNED_POINTER = 14,      /* a native pointer not aligned for its pointee */
  DHCPM_ERR_OVERLAPPING_POINTEE = 15,     /* a native record overlapping the pointer table */
  /* Limits from dhcpm_decode_options. */
  DHCPM_ERR_ELEMENT_LIMIT = 16,
  DHCPM_ERR_STRING_LIMIT = 17,
  DHCPM_ERR_DECODED_SIZE_LIMIT = 18,
  /* Values that a layout cannot hold, or that contradict themselves. */
  DHCPM_ERR_VALUE_OUT_OF_RANGE = 19, /* e.g. a Status above 65535 in NDR 2.0 */
  DHCPM_ERR_INCONSISTENT_VALUE = 20, /* e.g. Data holding fewer bytes than DataLength */
  DHCPM_ERR_INVALID_JSON = 21,       /* JSON text that is not a value of the type (dhcpm_value_from_json) */
  DHCPM_ERR_UNSUPPORTED = 22,        /* a layout that cannot carry the framing asked for */
  DHCPM_ERR_INVALID_REFERENT_ID = 23, /* an NDR64 referent id above 0xFFFFFFFF (strict only) */
  DHCPM_ERR_INVALID_UNION_TAG = 24,   /* a union discriminant selecting no arm, or a tag differing from it */
  /* The C API's own codes. */
  DHCPM_ERR_INVALID_ARGUMENT = 200, /* a NULL pointer, an index out of range, a wrong type */
  DHCPM_ERR_OUT_OF_MEMORY = 201,
  DHCPM_ERR_BUFFER_TOO_SMALL = 202, /* the caller's buffer cannot hold the result */
  DHCPM_ERR_INVALID_UTF16 = 203,    /* a string with unpaired surrogates asked for as UTF-8 */
  DHCPM_ERR_INVALID_UTF8 = 204,     /* text given as UTF-8 that is not well formed */
  /* A bug in dhcpm, never bad input: please report it with the input. */
  DHCPM_ERR_INTERNAL = 255
} dhcpm_status;

/* A stable lower-case identifier: "ok", "truncated", "invalid_argument",
 * "internal_error"... (the CLI's names). A static string; never NULL. */
const char* dhcpm_status_name(dhcpm_status status) DHCPM_NOEXCEPT;

#define DHCPM_ERROR_PATH_CAPACITY 128
#define DHCPM_ERROR_MESSAGE_CAPACITY 256

/* An error (or a lenient-mode warning). The caller owns it, usually on the
 * stack; it holds no pointers, so it needs no clean-up and can be copied. */
typedef struct dhcpm_error {
  dhcpm_status code;
  /* Byte offset in the input (decode) or in the output (encode). */
  uint64_t offset;
  /* The field being read or written, like "Clients[3].OwnerHost.HostName";
   * "" for the value as a whole. NUL-terminated; cut to fit if longer. */
  char path[DHCPM_ERROR_PATH_CAPACITY];
  /* One human sentence, without the path or offset. NUL-terminated; cut to
   * fit if longer. */
  char message[DHCPM_ERROR_MESSAGE_CAPACITY];
} dhcpm_error;

/* Writes "<code> at offset 0x<hex>: <path or (value)>: <message>" (the CLI's
 * error line without "error: ") into buffer, NUL-terminated and cut to fit
 * when capacity is too small (buffer may be NULL when capacity is 0).
 * Returns the length of the whole line, like snprintf. */
size_t dhcpm_error_format(const dhcpm_error* error, char* buffer, size_t capacity) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* What the bytes are: layout, type, framing                                 */
/* ------------------------------------------------------------------------ */

typedef enum dhcpm_layout {
  DHCPM_LAYOUT_NDR20 = 0,          /* NDR 2.0, little-endian */
  DHCPM_LAYOUT_NDR20BE = 1,        /* NDR 2.0, big-endian */
  DHCPM_LAYOUT_NDR64 = 2,          /* NDR64 */
  DHCPM_LAYOUT_PICKLE = 3,         /* type serialization, version from the header (decode only) */
  DHCPM_LAYOUT_PICKLE_NDR20 = 4,   /* type serialization v1, NDR 2.0 little-endian */
  DHCPM_LAYOUT_PICKLE_NDR20BE = 5, /* type serialization v1, NDR 2.0 big-endian */
  DHCPM_LAYOUT_PICKLE_NDR64 = 6,   /* type serialization v2, NDR64 */
  DHCPM_LAYOUT_PICKLE2_NDR20 = 7,  /* type serialization v2, NDR 2.0 */
  DHCPM_LAYOUT_X64 = 8,            /* Windows x64 memory image */
  DHCPM_LAYOUT_X86 = 9,            /* Windows x86 memory image */
  /* Reading only (decode, decode_all, dissect): the layout that
   * dhcpm_detect_layout finds. */
  DHCPM_LAYOUT_AUTO = 100
} dhcpm_layout;

/* "ndr20", "pickle-ndr64", ... (the CLI's --layout names), "auto" for
 * DHCPM_LAYOUT_AUTO; "unknown" for a value outside the enumeration. A static
 * string. */
const char* dhcpm_layout_name(dhcpm_layout layout) DHCPM_NOEXCEPT;
/* The layout a CLI name stands for. DHCPM_ERR_INVALID_ARGUMENT (and *layout
 * unchanged) when name is NULL or not a layout name. */
dhcpm_status dhcpm_layout_from_name(const char* name, dhcpm_layout* layout) DHCPM_NOEXCEPT;

/* Sets *layout to DHCPM_LAYOUT_PICKLE when the input starts with a valid type
 * serialization common header. Bare NDR and memory images carry no signature
 * to recognise them by: for them (and anything else) the result is
 * DHCPM_ERR_UNSUPPORTED and *layout is unchanged. */
dhcpm_status dhcpm_detect_layout(const uint8_t* data, size_t size, dhcpm_layout* layout) DHCPM_NOEXCEPT;

typedef enum dhcpm_type {
  DHCPM_TYPE_CLIENT = 0,    /* one DHCPV4_FAILOVER_CLIENT_INFO */
  DHCPM_TYPE_ARRAY = 1,     /* a DHCPV4_FAILOVER_CLIENT_INFO_ARRAY */
  DHCPM_TYPE_CLIENT_EX = 2, /* one DHCPV4_FAILOVER_CLIENT_INFO_EX: x64/x86 images only, bare */
  /* The MS-DHCPM client-record family ([MS-DHCPM] 2.2.1.2) and its arrays;
   * dhcpm_type_name gives each its IDL name. */
  DHCPM_TYPE_DHCP_CLIENT_INFO = 3,
  DHCPM_TYPE_DHCP_CLIENT_INFO_V4 = 4,
  DHCPM_TYPE_DHCP_CLIENT_INFO_V5 = 5,
  DHCPM_TYPE_DHCP_CLIENT_INFO_VQ = 6,
  DHCPM_TYPE_DHCP_CLIENT_FILTER_STATUS_INFO = 7,
  DHCPM_TYPE_DHCP_CLIENT_INFO_PB = 8,
  DHCPM_TYPE_DHCP_CLIENT_INFO_ARRAY = 9,
  DHCPM_TYPE_DHCP_CLIENT_INFO_ARRAY_V4 = 10,
  DHCPM_TYPE_DHCP_CLIENT_INFO_ARRAY_V5 = 11,
  DHCPM_TYPE_DHCP_CLIENT_INFO_ARRAY_VQ = 12,
  DHCPM_TYPE_DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY = 13,
  DHCPM_TYPE_DHCP_CLIENT_INFO_PB_ARRAY = 14,
  DHCPM_TYPE_DHCP_SEARCH_INFO = 15, /* how the Get/Delete calls name a client: a union on SearchType */
  DHCPM_TYPE_DHCP_PROPERTY = 16,    /* one property of a DHCP_CLIENT_INFO_EX: a union on Type */
  DHCPM_TYPE_DHCP_PROPERTY_ARRAY = 17, /* NumElements DHCP_PROPERTY structs, held inline */
  DHCPM_TYPE_DHCP_CLIENT_INFO_EX = 18, /* a DHCP_CLIENT_INFO_PB with a DHCP_PROPERTY_ARRAY */
  DHCPM_TYPE_DHCP_CLIENT_INFO_EX_ARRAY = 19,
  DHCPM_TYPE_COUNT = 20 /* the number of types */
} dhcpm_type;

/* The type's name on dhcpm's command line: "client", "array", "client-ex",
 * then the IDL names ("DHCP_CLIENT_INFO_PB_ARRAY"); "unknown" outside the
 * enumeration. A static string. */
const char* dhcpm_type_name(dhcpm_type type) DHCPM_NOEXCEPT;
/* The type a name gives (as dhcpm_type_name writes it), or
 * DHCPM_ERR_INVALID_ARGUMENT with *type unchanged. */
dhcpm_status dhcpm_type_from_name(const char* name, dhcpm_type* type) DHCPM_NOEXCEPT;

/* How the value sits in the bytes. Only the NDR layouts (ndr20, ndr20be,
 * ndr64) carry ptr and response; the others are DHCPM_ERR_UNSUPPORTED. */
typedef enum dhcpm_framing {
  DHCPM_FRAMING_BARE = 0,    /* the value itself, a top-level parameter */
  DHCPM_FRAMING_PTR = 1,     /* a unique pointer (referent id, 0 = NULL), then the value */
  DHCPM_FRAMING_RESPONSE = 2 /* opnum 98 response: [out] pointer, record, DWORD return value (clients only) */
} dhcpm_framing;

/* The virtual address of an x64/x86 image's first byte unless told otherwise. */
#define DHCPM_DEFAULT_IMAGE_BASE 0x10000u
/* dhcpm_format.at meaning "the value is at the image's base". */
#define DHCPM_AT_BASE UINT64_MAX

/* Everything that says what a buffer holds. Fill it with dhcpm_format_init()
 * and change the members that differ. Caller-owned; plain data. */
typedef struct dhcpm_format {
  dhcpm_layout layout;
  dhcpm_type type;
  dhcpm_framing framing;
  /* x64/x86 only: the virtual address of the buffer's first byte (decode), or
   * the base the image is written for, a multiple of 16 (encode). */
  uint64_t base;
  /* x64/x86 decode only: the virtual address of the value; DHCPM_AT_BASE for
   * the base. */
  uint64_t at;
} dhcpm_format;

/* layout and type as given, framing bare, base DHCPM_DEFAULT_IMAGE_BASE, at
 * DHCPM_AT_BASE. Does nothing when format is NULL. */
void dhcpm_format_init(dhcpm_format* format, dhcpm_layout layout, dhcpm_type type) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Decode options                                                            */
/* ------------------------------------------------------------------------ */

/* How strictly to decode and how much a hostile input may cost. Always fill
 * it with dhcpm_decode_options_init() first, so that a program recompiled
 * against a later version gets safe defaults for members added since.
 * Caller-owned; plain data. */
typedef struct dhcpm_decode_options {
  /* Non-zero (default): every check is an error. Zero (lenient, for
   * analyzers): checks that the bytes can survive become warnings
   * (dhcpm_value_warning) and decoding goes on; truncation, counts beyond the
   * input and the limits below still stop it. */
  int strict;
  /* Array elements (NumElements) accepted. Default 4,194,304. */
  uint32_t max_elements;
  /* UTF-16 units in one string, terminator included. Default 65,536. */
  uint32_t max_string_units;
  /* Memory the decoded value may take (records, element slots, string units,
   * Data bytes). Default 1 GiB. */
  uint64_t max_decoded_bytes;
  /* Lenient mode keeps the first max_warnings warnings. Default 1000. */
  uint32_t max_warnings;
} dhcpm_decode_options;

/* The safe defaults listed above. Does nothing when options is NULL. */
void dhcpm_decode_options_init(dhcpm_decode_options* options) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Values                                                                    */
/* ------------------------------------------------------------------------ */

/* A decoded or built value: one client or one array, which with ptr or
 * response framing may be NULL, plus the response's return value and the
 * warnings of a lenient decode. Opaque; owned by the caller. */
typedef struct dhcpm_value dhcpm_value;
/* One DHCPV4_FAILOVER_CLIENT_INFO inside a dhcpm_value. Opaque; never owned
 * by the caller: it is borrowed from its value (see Conventions). */
typedef struct dhcpm_client dhcpm_client;

/* Decodes size bytes at data (data may be NULL when size is 0) as described
 * by format, under options (NULL: the defaults), into a new value stored in
 * *value. On failure *value is set to NULL and error describes the failure.
 * Every byte must belong to the value (else DHCPM_ERR_TRAILING_BYTES, a
 * warning in lenient mode). The input is not kept: free it when you like.
 * x64/x86: the image is data with its first byte at format->base, and the
 * value is read at format->at. DHCPM_LAYOUT_AUTO decodes what
 * dhcpm_detect_layout recognises (type serialization) and is
 * DHCPM_ERR_UNSUPPORTED for anything else. */
dhcpm_status dhcpm_decode(const uint8_t* data, size_t size, const dhcpm_format* format,
                          const dhcpm_decode_options* options, dhcpm_value** value,
                          dhcpm_error* error) DHCPM_NOEXCEPT;

/* Releases a value and everything borrowed from it. NULL is allowed. */
void dhcpm_value_free(dhcpm_value* value) DHCPM_NOEXCEPT;

/* The value's type (DHCPM_TYPE_CLIENT for NULL). */
dhcpm_type dhcpm_value_type(const dhcpm_value* value) DHCPM_NOEXCEPT;
/* Non-zero when the value is a NULL pointer: ptr framing with referent id 0,
 * or a response whose [out] ClientInfo is NULL. Zero for bare values. */
int dhcpm_value_is_null(const dhcpm_value* value) DHCPM_NOEXCEPT;
/* The DWORD ReturnValue of a response (0 for other framings). */
uint32_t dhcpm_value_return_value(const dhcpm_value* value) DHCPM_NOEXCEPT;

/* Lenient-mode warnings, in input order (none in strict mode). */
size_t dhcpm_value_warning_count(const dhcpm_value* value) DHCPM_NOEXCEPT;
/* Copies warning number index (< dhcpm_value_warning_count) into *warning.
 * DHCPM_ERR_INVALID_ARGUMENT when index is out of range. */
dhcpm_status dhcpm_value_warning(const dhcpm_value* value, size_t index, dhcpm_error* warning) DHCPM_NOEXCEPT;

/* The record of a client value (for a DHCPM_TYPE_CLIENT_EX value, its
 * failover members: read AddressStateEx with dhcpm_value_get); NULL when the
 * value is an array or NULL. */
const dhcpm_client* dhcpm_value_client(const dhcpm_value* value) DHCPM_NOEXCEPT;
/* The same record, to change it. */
dhcpm_client* dhcpm_value_client_mut(dhcpm_value* value) DHCPM_NOEXCEPT;

/* --- arrays (these return 0 / NULL for a value that is not an array) ----- */

/* NumElements as on the wire (it may disagree with the slots in lenient mode,
 * or when set by dhcpm_array_set_num_elements). */
uint32_t dhcpm_array_num_elements(const dhcpm_value* array) DHCPM_NOEXCEPT;
/* Non-zero when the Clients pointer is NULL. */
int dhcpm_array_clients_is_null(const dhcpm_value* array) DHCPM_NOEXCEPT;
/* The number of element slots (NULL elements included). */
size_t dhcpm_array_size(const dhcpm_value* array) DHCPM_NOEXCEPT;
/* Non-zero when element index (< dhcpm_array_size) is a NULL pointer. */
int dhcpm_array_element_is_null(const dhcpm_value* array, size_t index) DHCPM_NOEXCEPT;
/* Element index; NULL for a NULL element or an index out of range. */
const dhcpm_client* dhcpm_array_element(const dhcpm_value* array, size_t index) DHCPM_NOEXCEPT;
/* The same element, to change it. */
dhcpm_client* dhcpm_array_element_mut(dhcpm_value* array, size_t index) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Reading a client's fields                                                 */
/* ------------------------------------------------------------------------ */

/* The integer fields, in the order of dhcpsapi.h. Addresses are the DWORD
 * (192.168.1.10 is 0xC0A8010A); FILETIMEs are dwHighDateTime << 32 |
 * dwLowDateTime. */
typedef enum dhcpm_field {
  DHCPM_FIELD_CLIENT_IP_ADDRESS = 0,  /* ClientIpAddress, 32 bits */
  DHCPM_FIELD_SUBNET_MASK,            /* SubnetMask, 32 bits */
  DHCPM_FIELD_DATA_LENGTH,            /* ClientHardwareAddress.DataLength, 32 bits */
  DHCPM_FIELD_CLIENT_LEASE_EXPIRES,   /* ClientLeaseExpires, FILETIME, 64 bits */
  DHCPM_FIELD_OWNER_IP_ADDRESS,       /* OwnerHost.IpAddress, 32 bits */
  DHCPM_FIELD_CLIENT_TYPE,            /* bClientType, 8 bits */
  DHCPM_FIELD_ADDRESS_STATE,          /* AddressState, 8 bits */
  DHCPM_FIELD_STATUS,                 /* Status (QuarantineStatus), 32 bits; 16 on NDR 2.0 wires */
  DHCPM_FIELD_PROBATION_ENDS,         /* ProbationEnds, FILETIME, 64 bits */
  DHCPM_FIELD_QUARANTINE_CAPABLE,     /* QuarantineCapable, 32 bits */
  DHCPM_FIELD_SENT_POT_EXP_TIME,      /* SentPotExpTime, 32 bits */
  DHCPM_FIELD_ACK_POT_EXP_TIME,       /* AckPotExpTime, 32 bits */
  DHCPM_FIELD_RECV_POT_EXP_TIME,      /* RecvPotExpTime, 32 bits */
  DHCPM_FIELD_START_TIME,             /* StartTime, 32 bits */
  DHCPM_FIELD_CLT_LAST_TRANS_TIME,    /* CltLastTransTime, 32 bits */
  DHCPM_FIELD_LAST_BND_UPD_TIME,      /* LastBndUpdTime, 32 bits */
  DHCPM_FIELD_BND_MSG_STATUS,         /* BndMsgStatus, 32 bits */
  DHCPM_FIELD_FLAGS,                  /* Flags, 8 bits */
  DHCPM_FIELD_COUNT,                  /* the number of integer fields of DHCPV4_FAILOVER_CLIENT_INFO */
  /* DHCPV4_FAILOVER_CLIENT_INFO_EX has the fields above and this one: */
  DHCPM_FIELD_ADDRESS_STATE_EX = DHCPM_FIELD_COUNT, /* AddressStateEx, 32 bits */
  DHCPM_FIELD_EX_COUNT,               /* the number of integer fields of the _EX */
  /* FilterStatus (DHCP_CLIENT_FILTER_STATUS_INFO and DHCP_CLIENT_INFO_PB), 32 bits */
  DHCPM_FIELD_FILTER_STATUS = DHCPM_FIELD_EX_COUNT,
  /* SearchType (DHCP_SEARCH_INFO), 32 bits; 16 on NDR 2.0 wires. Its arms are
   * read with DHCPM_FIELD_CLIENT_IP_ADDRESS, DHCPM_FIELD_DATA_LENGTH and
   * DHCPM_STRING_CLIENT_NAME. */
  DHCPM_FIELD_SEARCH_TYPE,
  /* DHCP_PROPERTY: ID and Type (enums: 32 bits; 16 on NDR 2.0 wires), then
   * the arms of Value that hold a number (BinaryValue's length is
   * DHCPM_FIELD_DATA_LENGTH, StringValue DHCPM_STRING_STRING_VALUE). */
  DHCPM_FIELD_PROPERTY_ID,
  DHCPM_FIELD_PROPERTY_TYPE,
  DHCPM_FIELD_BYTE_VALUE,  /* Value.ByteValue, 8 bits */
  DHCPM_FIELD_WORD_VALUE,  /* Value.WordValue, 16 bits */
  DHCPM_FIELD_DWORD_VALUE  /* Value.DWordValue, 32 bits */
} dhcpm_field;

/* The field's path as in error paths and the JSON form: "ClientIpAddress",
 * "ClientHardwareAddress.DataLength", "OwnerHost.IpAddress", "bClientType"...
 * "unknown" for a value outside the enumeration. A static string. */
const char* dhcpm_field_name(dhcpm_field field) DHCPM_NOEXCEPT;

/* The field's value (0 for a NULL client or an unknown field). */
uint64_t dhcpm_client_get(const dhcpm_client* client, dhcpm_field field) DHCPM_NOEXCEPT;

/* An integer field of a record value, by its type's schema: every
 * dhcpm_field of a DHCPM_TYPE_CLIENT_EX value, all but
 * DHCPM_FIELD_ADDRESS_STATE_EX of a DHCPM_TYPE_CLIENT value, and the fields
 * each family record has (a DHCPM_TYPE_DHCP_CLIENT_INFO_PB value: the shared
 * ones and DHCPM_FIELD_FILTER_STATUS; dhcpm_field_info lists them).
 * DHCPM_ERR_INVALID_ARGUMENT for a field the record does not have (or an
 * array value); set gives DHCPM_ERR_VALUE_OUT_OF_RANGE as dhcpm_client_set. */
dhcpm_status dhcpm_value_get(const dhcpm_value* value, dhcpm_field field, uint64_t* number) DHCPM_NOEXCEPT;
dhcpm_status dhcpm_value_set(dhcpm_value* value, dhcpm_field field, uint64_t number) DHCPM_NOEXCEPT;

/* The string fields (LPWSTR): NULL, empty and any UTF-16 units are different
 * values, all kept exactly as on the wire. */
typedef enum dhcpm_string_field {
  DHCPM_STRING_CLIENT_NAME = 0,     /* ClientName */
  DHCPM_STRING_CLIENT_COMMENT,      /* ClientComment */
  DHCPM_STRING_OWNER_NET_BIOS_NAME, /* OwnerHost.NetBiosName */
  DHCPM_STRING_OWNER_HOST_NAME,     /* OwnerHost.HostName */
  DHCPM_STRING_POLICY_NAME,         /* PolicyName */
  DHCPM_STRING_COUNT,               /* the number of string fields of DHCPV4_FAILOVER_CLIENT_INFO */
  /* a DHCP_PROPERTY's Value.StringValue */
  DHCPM_STRING_STRING_VALUE = DHCPM_STRING_COUNT
} dhcpm_string_field;

/* "ClientName", "OwnerHost.NetBiosName"...; "unknown" outside the
 * enumeration. A static string. */
const char* dhcpm_string_field_name(dhcpm_string_field field) DHCPM_NOEXCEPT;

/* Non-zero when the string is a NULL pointer (also for a NULL client or an
 * unknown field). */
int dhcpm_client_string_is_null(const dhcpm_client* client, dhcpm_string_field field) DHCPM_NOEXCEPT;

/* The string's UTF-16 code units, terminator excluded, in host byte order;
 * *units (may be NULL) receives their number. NULL (and 0 units) for a NULL
 * string; an empty non-NULL string gives a non-NULL pointer and 0 units.
 * Borrowed from the value. Units may include unpaired surrogates and NULs. */
const uint16_t* dhcpm_client_string_utf16(const dhcpm_client* client, dhcpm_string_field field,
                                          size_t* units) DHCPM_NOEXCEPT;

/* The string as UTF-8. *length (required) receives the byte length without
 * the terminator. When capacity > *length, the bytes and a NUL are written to
 * buffer and DHCPM_OK is returned; otherwise nothing is written and the result
 * is DHCPM_ERR_BUFFER_TOO_SMALL (call with NULL, 0 to learn the length). The
 * UTF-8 may contain NUL bytes when the units do; trust *length, not strlen.
 * A NULL string is DHCPM_OK with length 0 (tell it from "" with
 * dhcpm_client_string_is_null). Units that are not valid UTF-16 give
 * DHCPM_ERR_INVALID_UTF16 and length 0: read them with
 * dhcpm_client_string_utf16. */
dhcpm_status dhcpm_client_string_utf8(const dhcpm_client* client, dhcpm_string_field field, char* buffer,
                                      size_t capacity, size_t* length) DHCPM_NOEXCEPT;

/* Non-zero when ClientHardwareAddress.Data is a NULL pointer. */
int dhcpm_client_data_is_null(const dhcpm_client* client) DHCPM_NOEXCEPT;
/* The bytes of ClientHardwareAddress.Data; *size (may be NULL) receives their
 * number, which equals DataLength in strict mode. NULL (and 0) for a NULL
 * Data; empty non-NULL Data gives a non-NULL pointer and 0. Borrowed. */
const uint8_t* dhcpm_client_data(const dhcpm_client* client, size_t* size) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* The schema: every field of a record type, as data                        */
/* ------------------------------------------------------------------------ */

/* What a field is on the wire. */
typedef enum dhcpm_field_kind {
  DHCPM_KIND_U8 = 0,      /* BYTE */
  DHCPM_KIND_ENUM16,      /* an IDL enum: 16 bits in NDR 2.0, 32 in NDR64 and in memory */
  DHCPM_KIND_U32,         /* DWORD, BOOL */
  DHCPM_KIND_IPV4,        /* a DWORD IPv4 address */
  DHCPM_KIND_FILETIME,    /* DATE_TIME: two DWORDs, one 64-bit FILETIME */
  DHCPM_KIND_BINARY_DATA, /* DHCP_BINARY_DATA: DataLength and a pointer to the bytes */
  DHCPM_KIND_LPWSTR,      /* a unique pointer to a UTF-16 string */
  DHCPM_KIND_STRUCTURE,   /* a nested struct: its members follow, with parent set to it */
  DHCPM_KIND_POINTER_ARRAY, /* a unique pointer to NumElements unique pointers to records (an array's Clients) */
  DHCPM_KIND_UNION,         /* a union: its arms follow, with parent set to it and arm to the value selecting each */
  DHCPM_KIND_U16,           /* WORD */
  DHCPM_KIND_STRUCT_ARRAY,  /* a unique pointer to NumElements structs held inline (a DHCP_PROPERTY_ARRAY's Elements) */
  DHCPM_KIND_STRUCT_POINTER /* a unique pointer to one struct (a DHCP_CLIENT_INFO_EX's Properties) */
} dhcpm_field_kind;

/* How a field's number reads for a person. */
typedef enum dhcpm_field_meaning {
  DHCPM_MEANING_NUMBER = 0,        /* decimal (counts, times in seconds) */
  DHCPM_MEANING_IPV4,              /* a dotted quad */
  DHCPM_MEANING_FILETIME,          /* UTC */
  DHCPM_MEANING_CLIENT_TYPE,       /* bClientType names */
  DHCPM_MEANING_ADDRESS_STATE,     /* AddressState parts */
  DHCPM_MEANING_QUARANTINE_STATUS, /* QuarantineStatus names */
  DHCPM_MEANING_BOOLEAN,           /* TRUE / FALSE */
  DHCPM_MEANING_RESERVED,          /* kept raw: hexadecimal */
  DHCPM_MEANING_NONE,              /* not a number: strings, Data, structures */
  DHCPM_MEANING_SEARCH_TYPE,       /* DHCP_SEARCH_INFO_TYPE names */
  DHCPM_MEANING_PROPERTY_ID,       /* DHCP_PROPERTY_ID names */
  DHCPM_MEANING_PROPERTY_TYPE,     /* DHCP_PROPERTY_TYPE names */
  DHCPM_MEANING_FILTER_STATUS      /* FILTER_STATUS_* flags */
} dhcpm_field_meaning;

typedef struct dhcpm_field_desc {
  const char* path;            /* "OwnerHost.HostName", as in error paths and dissect regions */
  const char* name;            /* "HostName": the IDL member name and the JSON key */
  dhcpm_field_kind kind;
  dhcpm_field_meaning meaning;
  int parent;                  /* the index of the enclosing structure field, or -1 */
  int c_field;                 /* the dhcpm_field (numbers; a DHCP_BINARY_DATA's DataLength) or
                                  dhcpm_string_field (strings) that reads it, or -1 */
  unsigned x64_offset;         /* where it starts in the native x64 struct */
  unsigned x86_offset;         /* ... and in the native x86 struct */
  int element_type;            /* DHCPM_KIND_POINTER_ARRAY, _STRUCT_ARRAY, _STRUCT_POINTER: the dhcpm_type
                                  of the elements or the pointee; else -1 */
  int arm;                     /* an arm of a union: the discriminant value that selects it; else -1 */
  int selector;                /* DHCPM_KIND_UNION: the index of the field that switches it; else -1 */
} dhcpm_field_desc;

/* The number of fields of the type's description: a record's members for
 * DHCPM_TYPE_CLIENT and DHCPM_TYPE_CLIENT_EX (the same, then AddressStateEx);
 * NumElements and Clients for DHCPM_TYPE_ARRAY (Clients names
 * DHCPM_TYPE_CLIENT as its element_type). */
size_t dhcpm_field_count(dhcpm_type type) DHCPM_NOEXCEPT;
/* Field `index` (< dhcpm_field_count) in member order, a structure before
 * its members. The strings are static. DHCPM_ERR_INVALID_ARGUMENT for an index
 * out of range or a NULL desc. */
dhcpm_status dhcpm_field_info(dhcpm_type type, size_t index, dhcpm_field_desc* desc) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Building and changing values                                              */
/* ------------------------------------------------------------------------ */

/* A new client value whose record has every integer 0 and every string and
 * Data NULL (the "minimal" golden vector). Free it with dhcpm_value_free. */
dhcpm_status dhcpm_client_new(dhcpm_value** value) DHCPM_NOEXCEPT;
/* A new DHCPM_TYPE_CLIENT_EX value like dhcpm_client_new's, AddressStateEx 0. */
dhcpm_status dhcpm_client_ex_new(dhcpm_value** value) DHCPM_NOEXCEPT;
/* A new value of type `to` holding `value`'s record (framing state, return
 * value and warnings copied): DHCPM_TYPE_CLIENT becomes DHCPM_TYPE_CLIENT_EX
 * with AddressStateEx 0, and an _EX becomes DHCPM_TYPE_CLIENT only when its
 * AddressStateEx is 0 (else DHCPM_ERR_VALUE_OUT_OF_RANGE, path
 * "AddressStateEx"); a type converts to itself. Other pairs are
 * DHCPM_ERR_UNSUPPORTED. Free the new value with dhcpm_value_free. */
dhcpm_status dhcpm_convert(const dhcpm_value* value, dhcpm_type to, dhcpm_value** converted,
                           dhcpm_error* error) DHCPM_NOEXCEPT;
/* A new array value: NumElements 0 and a non-NULL, empty Clients. */
dhcpm_status dhcpm_array_new(dhcpm_value** value) DHCPM_NOEXCEPT;

/* Sets an integer field. DHCPM_ERR_VALUE_OUT_OF_RANGE (field unchanged) when
 * the value is wider than the field (see dhcpm_field). A Status above 65535
 * is accepted here and refused when encoding NDR 2.0. */
dhcpm_status dhcpm_client_set(dhcpm_client* client, dhcpm_field field, uint64_t value) DHCPM_NOEXCEPT;

/* Sets a string from length bytes of UTF-8 at utf8 (not NUL-terminated; may
 * be NULL when length is 0, giving ""). DHCPM_ERR_INVALID_UTF8 (string
 * unchanged) when the bytes are not well-formed UTF-8. */
dhcpm_status dhcpm_client_set_string_utf8(dhcpm_client* client, dhcpm_string_field field, const char* utf8,
                                          size_t length) DHCPM_NOEXCEPT;
/* Sets a string to count UTF-16 units (any units: unpaired surrogates and NULs
 * are kept, though x64/x86 cannot encode an embedded NUL). */
dhcpm_status dhcpm_client_set_string_utf16(dhcpm_client* client, dhcpm_string_field field,
                                           const uint16_t* units, size_t count) DHCPM_NOEXCEPT;
/* Sets a string to a NULL pointer. */
dhcpm_status dhcpm_client_set_string_null(dhcpm_client* client, dhcpm_string_field field) DHCPM_NOEXCEPT;

/* Sets Data to a copy of size bytes (bytes may be NULL when size is 0) and
 * DataLength to size. */
dhcpm_status dhcpm_client_set_data(dhcpm_client* client, const uint8_t* bytes, size_t size) DHCPM_NOEXCEPT;
/* Sets Data to a NULL pointer and DataLength to 0. (DHCPM_FIELD_DATA_LENGTH
 * can then make a non-zero DataLength with NULL Data, which strict decoding
 * refuses.) */
dhcpm_status dhcpm_client_set_data_null(dhcpm_client* client) DHCPM_NOEXCEPT;

/* Appends an element with a record like dhcpm_client_new's and stores it in
 * *element (may be NULL). A NULL Clients becomes non-NULL. NumElements becomes
 * the new number of slots. Earlier element pointers of this array become
 * invalid. */
dhcpm_status dhcpm_array_append(dhcpm_value* array, dhcpm_client** element) DHCPM_NOEXCEPT;
/* Appends a NULL element pointer; NumElements as for dhcpm_array_append. */
dhcpm_status dhcpm_array_append_null(dhcpm_value* array) DHCPM_NOEXCEPT;
/* Makes Clients a NULL pointer (dropping every element) and NumElements 0. */
dhcpm_status dhcpm_array_set_clients_null(dhcpm_value* array) DHCPM_NOEXCEPT;
/* Sets NumElements without changing the elements (encoding refuses a value
 * that disagrees with its slots: DHCPM_ERR_INCONSISTENT_VALUE). */
dhcpm_status dhcpm_array_set_num_elements(dhcpm_value* array, uint32_t num_elements) DHCPM_NOEXCEPT;

/* Makes the value a NULL pointer (is_null non-zero; only ptr and response
 * framing can encode it) or a present one again (its record or array as it
 * was). */
dhcpm_status dhcpm_value_set_null(dhcpm_value* value, int is_null) DHCPM_NOEXCEPT;
/* Sets the ReturnValue written with response framing. */
dhcpm_status dhcpm_value_set_return_value(dhcpm_value* value, uint32_t return_value) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Encoding                                                                  */
/* ------------------------------------------------------------------------ */

/* Encodes value as described by format (layout, framing and, for x64/x86,
 * base; format->at is ignored) into canonical bytes: zero padding and
 * referent ids 0x00020000 + 4k. format->type must be the value's type. On
 * success *bytes receives a buffer of *size bytes that the caller releases
 * with dhcpm_free (non-NULL even when empty); on failure *bytes is NULL,
 * *size 0, and error says which field could not be written and at which
 * output offset. Encoding a decoded value in its own layout gives the input's
 * bytes back when they were canonical. */
dhcpm_status dhcpm_encode(const dhcpm_value* value, const dhcpm_format* format, uint8_t** bytes, size_t* size,
                          dhcpm_error* error) DHCPM_NOEXCEPT;

/* Releases a buffer returned by dhcpm_encode or dhcpm_encode_all. NULL is
 * allowed. */
void dhcpm_free(void* bytes) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Several values in one pickled buffer                                     */
/* ------------------------------------------------------------------------ */

/* Type serialization can put several values after one common header
 * (dhcpm_decode insists on exactly one). A list holds every value of such a
 * buffer. Opaque; owned by the caller. */
typedef struct dhcpm_value_list dhcpm_value_list;

/* Decodes every value of a pickled buffer: format->layout is a pickle layout
 * (DHCPM_LAYOUT_PICKLE: any kind) or DHCPM_LAYOUT_AUTO, framing bare; every
 * value is of format->type. The values share one decode budget (options, NULL
 * for the defaults). On failure *list is NULL and error says where. */
dhcpm_status dhcpm_decode_all(const uint8_t* data, size_t size, const dhcpm_format* format,
                              const dhcpm_decode_options* options, dhcpm_value_list** list,
                              dhcpm_error* error) DHCPM_NOEXCEPT;
/* Releases a list and its values. NULL is allowed. */
void dhcpm_value_list_free(dhcpm_value_list* list) DHCPM_NOEXCEPT;
/* The number of values (0 for NULL). */
size_t dhcpm_value_list_size(const dhcpm_value_list* list) DHCPM_NOEXCEPT;
/* Value number index (< dhcpm_value_list_size), borrowed from the list (free
 * the list, not the value); NULL when out of range. */
const dhcpm_value* dhcpm_value_list_get(const dhcpm_value_list* list, size_t index) DHCPM_NOEXCEPT;
/* The kind the common header named: DHCPM_LAYOUT_PICKLE_NDR20, ... */
dhcpm_layout dhcpm_value_list_layout(const dhcpm_value_list* list) DHCPM_NOEXCEPT;
/* Lenient-mode warnings of the whole buffer, as for dhcpm_value_warning. */
size_t dhcpm_value_list_warning_count(const dhcpm_value_list* list) DHCPM_NOEXCEPT;
dhcpm_status dhcpm_value_list_warning(const dhcpm_value_list* list, size_t index,
                                      dhcpm_error* warning) DHCPM_NOEXCEPT;

/* Encodes count values (all of format->type, none NULL) into one pickled
 * buffer of an explicit pickle layout, as dhcpm_encode does for one. (From a
 * `dhcpm_value* v[]`, C needs a cast: (const dhcpm_value* const*)v.) */
dhcpm_status dhcpm_encode_all(const dhcpm_value* const* values, size_t count, const dhcpm_format* format,
                              uint8_t** bytes, size_t* size, dhcpm_error* error) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Dissection                                                                */
/* ------------------------------------------------------------------------ */

/* What a byte region is (the CLI's dissect kinds). */
typedef enum dhcpm_region_kind {
  DHCPM_REGION_HEADER = 0,         /* a field of a type serialization common or private header */
  DHCPM_REGION_FIELD = 1,          /* a scalar field of a record or array (a FILETIME is one field) */
  DHCPM_REGION_PADDING = 2,        /* alignment, a struct's trailing pad, a pickled body's padding */
  DHCPM_REGION_REFERENT_ID = 3,    /* an NDR unique pointer (0 = NULL) */
  DHCPM_REGION_POINTER = 4,        /* a native image pointer: an absolute address (0 = NULL) */
  DHCPM_REGION_MAX_COUNT = 5,      /* conformance of a string, of Data or of Clients */
  DHCPM_REGION_STRING_OFFSET = 6,  /* variance: a string's offset */
  DHCPM_REGION_ACTUAL_COUNT = 7,   /* variance: a string's actual_count */
  DHCPM_REGION_STRING_UNITS = 8,   /* the UTF-16 units of a string, terminator included */
  DHCPM_REGION_DATA_BYTES = 9,     /* the bytes of ClientHardwareAddress.Data */
  DHCPM_REGION_RETURN_VALUE = 10,  /* the DWORD at the end of an opnum 98 response */
  DHCPM_REGION_UNREFERENCED = 11,  /* native image bytes that no pointer of the value reaches */
  DHCPM_REGION_TRAILING = 12,      /* bytes after the value (lenient mode only) */
  DHCPM_REGION_OTHER = 99          /* a kind this version of the C API does not name */
} dhcpm_region_kind;

/* "header", "field", "padding", "referent-id", "pointer", "max-count",
 * "string-offset", "actual-count", "string-units", "data-bytes",
 * "return-value", "unreferenced", "trailing" (the CLI's names); "other"
 * outside the enumeration. A static string. */
const char* dhcpm_region_kind_name(dhcpm_region_kind kind) DHCPM_NOEXCEPT;

/* One byte region, as the callback sees it. The strings are NUL-terminated
 * and valid only during the callback: copy what you keep. */
typedef struct dhcpm_region {
  uint64_t offset; /* in the input (an image: from its first byte) */
  uint64_t length; /* in bytes; never 0 */
  dhcpm_region_kind kind;
  /* The field the bytes belong to: "Clients[3].OwnerHost.HostName",
   * "ClientInfo.ClientLeaseExpires", "CommonHeader.Version". */
  const char* path;
  /* The decoded meaning as text: addresses dotted, bClientType, AddressState
   * and Status by name, FILETIMEs as UTC, strings JSON-quoted UTF-8, counts in
   * decimal, pointers and referent ids in hex ("NULL" for 0), Data in hex.
   * "" for padding, unreferenced and trailing bytes. */
  const char* value;
  /* What the bytes are, as data (path and value are text rendered from it):
   * the field, an index for dhcpm_field_info(table, field) — table is
   * DHCPM_TYPE_CLIENT (a record's members) or DHCPM_TYPE_ARRAY (NumElements,
   * Clients) — or -1 for bytes that are no field's (headers, the value's own
   * pointers and padding, an element's referent id, the return value). A
   * DHCP_BINARY_DATA's DataLength, Data pointer and bytes are its one field,
   * told apart by kind; a DATE_TIME is its one field. */
  dhcpm_type table;
  int field;
  int64_t element;       /* the element of Clients the bytes lie in, or -1 */
  uint32_t value_index;  /* which of several pickled values (0: the first or only one) */
  /* The stub parameter in response framing ("ClientInfo", "ReturnValue"), else "". Static. */
  const char* parameter;
  /* The number the bytes hold in the layout's byte order (fields, a whole
   * DATE_TIME as one FILETIME, counts, ids, pointers, the return value);
   * 0 for string units, Data bytes and padding. */
  uint64_t number;
} dhcpm_region;

/* Called once per region, in offset order. Return 0 to go on; non-zero asks
 * for no more regions (dhcpm_dissect still returns what the walk found). */
typedef int (*dhcpm_region_callback)(const dhcpm_region* region, void* user_data);

/* What a dissection found besides its regions. Caller-owned; plain data. */
typedef struct dhcpm_dissect_summary {
  /* The layout dissected: the detected one for DHCPM_LAYOUT_AUTO; for the
   * pickle layouts, the kind the header names. */
  dhcpm_layout layout;
  /* The regions tile [0, consumed) exactly once. */
  uint64_t consumed;
  /* Lenient mode: the number of checks the bytes survived (dhcpm_decode with
   * the same options returns the warnings themselves). */
  size_t warning_count;
} dhcpm_dissect_summary;

/* Names every byte the value consumes as a region (fields, padding, counts,
 * referent ids, pointers, headers, string units, Data bytes), calling
 * callback(region, user_data) for each in offset order; the regions tile
 * [0, consumed) exactly once. format->layout may be DHCPM_LAYOUT_AUTO.
 * dhcpm_dissect is for looking at broken input: when the walk stops at a
 * problem (in strict mode too), the regions up to it have been reported, the
 * problem is returned (status and error, as dhcpm_decode would report it) and
 * summary->consumed says where it stopped. summary and options may be NULL;
 * callback may be NULL (then only the summary and status are computed). */
dhcpm_status dhcpm_dissect(const uint8_t* data, size_t size, const dhcpm_format* format,
                           const dhcpm_decode_options* options, dhcpm_region_callback callback, void* user_data,
                           dhcpm_dissect_summary* summary, dhcpm_error* error) DHCPM_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

/* Any record of any type by its schema, values as JSON (dhcpm_record.h), and
 * the calls' stub data (dhcpm_call.h). */
#include "dhcpm/dhcpm_record.h" /* first: dhcpm_call.h uses dhcpm_record */
#include "dhcpm/dhcpm_call.h"

#endif /* DHCPM_DHCPM_H */
