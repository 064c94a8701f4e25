/*
 * dhcpm_record.h — part of dhcpm's C API (include dhcpm/dhcpm.h, which
 * includes this): any record of any type read through its schema, and values
 * as the JSON form of the dhcpm command line.
 *
 * The dhcpm_client functions of dhcpm.h read the failover record by constant.
 * A generic consumer — an analyzer showing every record of a capture, a
 * binding to another language — instead walks a type's fields with
 * dhcpm_field_count / dhcpm_field_info and reads field number `field` of a
 * record with the functions below, for every type: the client-record family,
 * its arrays' elements, a DHCP_CLIENT_INFO_EX's properties, a call's record
 * parameters (dhcpm_call.h). The conventions of dhcpm.h hold.
 */
/* Outside the guard: dhcpm.h declares everything first, this file included,
 * whichever header a program includes first. */
#include "dhcpm/dhcpm.h"

#ifndef DHCPM_DHCPM_RECORD_H
#define DHCPM_DHCPM_RECORD_H

#ifdef __cplusplus
extern "C" {
#endif

/* A borrowed, read-only handle to one record inside a value (or a call
 * stub): its type and where it is. `at` is NULL for a NULL pointer (an
 * element whose pointer is NULL, a NULL value). Plain data, copied freely;
 * valid as long as the pointers it was read from (see Conventions). */
typedef struct dhcpm_record {
  dhcpm_type type;
  const void* at; /* opaque: pass the handle to the functions below */
} dhcpm_record;

/* The record of a value, of any type (an array is a record too: NumElements
 * and Clients). `at` is NULL when the value is NULL (dhcpm_value_is_null) or
 * when value is NULL. */
dhcpm_record dhcpm_value_record(const dhcpm_value* value) DHCPM_NOEXCEPT;

/* The number a field holds: field is an index of dhcpm_field_info(record.type)
 * whose kind is DHCPM_KIND_U8, _U16, _ENUM16, _U32, _IPV4 or _FILETIME (the
 * 64-bit FILETIME), or _BINARY_DATA (its DataLength). Arms of a union are
 * read whatever the discriminant selects: only the selected arm was on the
 * wire, the others read 0 / NULL after decoding. DHCPM_ERR_INVALID_ARGUMENT
 * for a NULL record, an index out of range or a field of another kind. */
dhcpm_status dhcpm_record_number(dhcpm_record record, size_t field, uint64_t* number) DHCPM_NOEXCEPT;

/* A DHCPM_KIND_LPWSTR field: *units receives its UTF-16 code units
 * (terminator excluded, host byte order; unpaired surrogates and NULs kept),
 * *count their number. A NULL string gives NULL and 0; an empty one a
 * non-NULL pointer and 0. Borrowed. Status as dhcpm_record_number. */
dhcpm_status dhcpm_record_string(dhcpm_record record, size_t field, const uint16_t** units,
                                 size_t* count) DHCPM_NOEXCEPT;

/* The same string as UTF-8, as dhcpm_client_string_utf8 gives it: *length
 * receives the byte length (terminator excluded); when capacity > *length
 * the bytes and a NUL are written to buffer, else DHCPM_ERR_BUFFER_TOO_SMALL.
 * A NULL string is DHCPM_OK with length 0; units that are not valid UTF-16
 * give DHCPM_ERR_INVALID_UTF16. */
dhcpm_status dhcpm_record_string_utf8(dhcpm_record record, size_t field, char* buffer, size_t capacity,
                                      size_t* length) DHCPM_NOEXCEPT;

/* A DHCPM_KIND_BINARY_DATA field's Data: *bytes and *size as for
 * dhcpm_client_data (NULL and 0 for a NULL Data; DataLength is
 * dhcpm_record_number of the same field). Status as dhcpm_record_number. */
dhcpm_status dhcpm_record_bytes(dhcpm_record record, size_t field, const uint8_t** bytes,
                                size_t* size) DHCPM_NOEXCEPT;

/* The records a pointer field leads to: for DHCPM_KIND_POINTER_ARRAY (an
 * array's Clients) and DHCPM_KIND_STRUCT_ARRAY (a DHCP_PROPERTY_ARRAY's
 * Elements), the number of element slots, NULL elements included; for
 * DHCPM_KIND_STRUCT_POINTER (a DHCP_CLIENT_INFO_EX's Properties), 1. *count
 * is 0 and *is_null (may be NULL) non-zero when the pointer itself is NULL.
 * NumElements, as on the wire, is a number field of its own. */
dhcpm_status dhcpm_record_element_count(dhcpm_record record, size_t field, size_t* count,
                                        int* is_null) DHCPM_NOEXCEPT;

/* Element `index` (< dhcpm_record_element_count) of such a field, of the
 * type dhcpm_field_info names as the field's element_type; its `at` is NULL
 * for a NULL element pointer. DHCPM_ERR_INVALID_ARGUMENT for an index out of
 * range. */
dhcpm_status dhcpm_record_element(dhcpm_record record, size_t field, size_t index,
                                  dhcpm_record* element) DHCPM_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Values as JSON                                                            */
/* ------------------------------------------------------------------------ */

/* The value in the JSON form of `dhcpm decode` (the same text, byte for
 * byte; `null` for a NULL value). *json receives a NUL-terminated UTF-8
 * buffer of *length bytes (terminator excluded; length may be NULL), owned by
 * the caller: release it with dhcpm_free. */
dhcpm_status dhcpm_value_to_json(const dhcpm_value* value, char** json, size_t* length,
                                 dhcpm_error* error) DHCPM_NOEXCEPT;

/* A new value of `type` from its JSON form (`null`: a NULL value, for ptr
 * framing). Strings are UTF-8, or {"utf16": [units]} for any UTF-16; the
 * error's path names the member that could not be read
 * (DHCPM_ERR_INVALID_JSON). Free the value with dhcpm_value_free. */
dhcpm_status dhcpm_value_from_json(const char* json, size_t length, dhcpm_type type, dhcpm_value** value,
                                   dhcpm_error* error) DHCPM_NOEXCEPT;

/* A new value of `type` from dhcpm's realistic generator (what `dhcpm gen`
 * writes), the same for the same seed. For fuzzing pipelines and test
 * harnesses that need plausible records. */
dhcpm_status dhcpm_value_generate(dhcpm_type type, uint64_t seed, dhcpm_value** value) DHCPM_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DHCPM_DHCPM_RECORD_H */
