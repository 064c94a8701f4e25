/* What the sections of the C API test share: checks that count failures and
 * go on, reading golden vectors into exact-size heap buffers (so ASan sees any
 * over-read), and the dhcpm_format a vector file's suffix stands for. */
#ifndef CAPI_TEST_SUPPORT_H
#define CAPI_TEST_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "dhcpm/dhcpm.h"

/* Each check prints what failed (with file and line) and counts it. */
int check_true(int ok, const char* what, const char* file, int line);
int check_status(dhcpm_status actual, dhcpm_status expected, const char* what, const char* file, int line);
int check_u64(uint64_t actual, uint64_t expected, const char* what, const char* file, int line);
int check_string(const char* actual, const char* expected, const char* what, const char* file, int line);
int check_bytes(const uint8_t* actual, size_t actual_size, const uint8_t* expected, size_t expected_size,
                const char* what, const char* file, int line);

#define CHECK(cond) check_true((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_STATUS(expr, expected) check_status((expr), (expected), #expr, __FILE__, __LINE__)
#define CHECK_U64(actual, expected) check_u64((actual), (expected), #actual, __FILE__, __LINE__)
#define CHECK_STRING(actual, expected) check_string((actual), (expected), #actual, __FILE__, __LINE__)
#define CHECK_BYTES(actual, actual_size, expected, expected_size) \
  check_bytes((actual), (actual_size), (expected), (expected_size), #actual, __FILE__, __LINE__)

/* The number of failed checks so far. */
int failure_count(void);

/* A buffer from the heap, exactly size bytes (data NULL when missing). */
struct buffer {
  uint8_t* data;
  size_t size;
};
void set_vector_dir(const char* dir);
/* <vector dir>/<name>.<suffix>.bin, or a buffer with data NULL (and a failed
 * check) when it cannot be read. Free with free_buffer. */
struct buffer read_vector(const char* name, const char* suffix);
/* A copy of size bytes in an exact-size heap buffer. */
/* DIR/NAME.json as a NUL-terminated buffer (size excludes the NUL). */
struct buffer read_json(const char* name);
/* Whether the JSON text (as dhcpm gives it) plus a newline is the file's. */
int same_json(const char* text, size_t length, const struct buffer* file);
struct buffer copy_buffer(const uint8_t* data, size_t size);
void free_buffer(struct buffer* b);

/* The format of a vector file: "ndr20" (bare), "ptr.ndr64" (unique pointer),
 * "response.ndr20", "pickle.ndr20be" (type serialization v1), "pickle2.ndr20",
 * "x64"...; "foreign." in front changes nothing. Non-zero on success. */
int format_of_suffix(const char* suffix, dhcpm_type type, dhcpm_format* format);
/* The suffix without "foreign." in front. */
const char* canonical_suffix(const char* suffix);

/* Decodes <name>.<suffix>.bin strictly; NULL (and a failed check) on error. */
dhcpm_value* decode_vector(const char* name, const char* suffix, dhcpm_type type);
/* The UTF-8 of a string field in a static buffer ("<NULL>" for NULL). */
const char* utf8_of(const dhcpm_client* client, dhcpm_string_field field);

#endif
