/* Checks, vector files and formats for the C API test (capi_test_support.h). */
#include "capi_test_support.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static const char* vector_dir = ".";

int failure_count(void) { return failures; }

static int fail(const char* file, int line) {
  ++failures;
  fprintf(stderr, "%s:%d: check failed: ", file, line);
  return 0;
}

int check_true(int ok, const char* what, const char* file, int line) {
  if (ok) return 1;
  fail(file, line);
  fprintf(stderr, "%s\n", what);
  return 0;
}

int check_status(dhcpm_status actual, dhcpm_status expected, const char* what, const char* file, int line) {
  if (actual == expected) return 1;
  fail(file, line);
  fprintf(stderr, "%s is %s, expected %s\n", what, dhcpm_status_name(actual), dhcpm_status_name(expected));
  return 0;
}

int check_u64(uint64_t actual, uint64_t expected, const char* what, const char* file, int line) {
  if (actual == expected) return 1;
  fail(file, line);
  fprintf(stderr, "%s is %" PRIu64 " (0x%" PRIx64 "), expected %" PRIu64 " (0x%" PRIx64 ")\n", what, actual, actual,
          expected, expected);
  return 0;
}

int check_string(const char* actual, const char* expected, const char* what, const char* file, int line) {
  if (actual != NULL && expected != NULL && strcmp(actual, expected) == 0) return 1;
  fail(file, line);
  fprintf(stderr, "%s is \"%s\", expected \"%s\"\n", what, actual ? actual : "(null)", expected ? expected : "(null)");
  return 0;
}

int check_bytes(const uint8_t* actual, size_t actual_size, const uint8_t* expected, size_t expected_size,
                const char* what, const char* file, int line) {
  size_t i;
  if (actual_size == expected_size && (actual_size == 0 || memcmp(actual, expected, actual_size) == 0)) return 1;
  fail(file, line);
  for (i = 0; i < actual_size && i < expected_size && actual[i] == expected[i]; ++i) {
  }
  fprintf(stderr, "%s: %lu bytes, expected %lu; first difference at offset %lu\n", what, (unsigned long)actual_size,
          (unsigned long)expected_size, (unsigned long)i);
  return 0;
}

void set_vector_dir(const char* dir) { vector_dir = dir; }

struct buffer copy_buffer(const uint8_t* data, size_t size) {
  struct buffer b;
  b.size = size;
  b.data = (uint8_t*)malloc(size > 0 ? size : 1);
  if (b.data != NULL && size > 0) memcpy(b.data, data, size);
  return b;
}

void free_buffer(struct buffer* b) {
  free(b->data);
  b->data = NULL;
  b->size = 0;
}

struct buffer read_vector(const char* name, const char* suffix) {
  struct buffer b = {NULL, 0};
  char path[1024];
  FILE* f;
  long length;
  snprintf(path, sizeof path, "%s/%s.%s.bin", vector_dir, name, suffix);
  f = fopen(path, "rb");
  if (!check_true(f != NULL, path, __FILE__, __LINE__)) return b;
  if (fseek(f, 0, SEEK_END) == 0 && (length = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    b.size = (size_t)length;
    b.data = (uint8_t*)malloc(b.size > 0 ? b.size : 1);
    if (b.data != NULL && fread(b.data, 1, b.size, f) != b.size) free_buffer(&b);
  }
  fclose(f);
  check_true(b.data != NULL, path, __FILE__, __LINE__);
  return b;
}

struct buffer read_json(const char* name) {
  struct buffer b = {NULL, 0};
  char path[1024];
  FILE* f;
  long length;
  snprintf(path, sizeof path, "%s/%s.json", vector_dir, name);
  f = fopen(path, "rb");
  if (!check_true(f != NULL, path, __FILE__, __LINE__)) return b;
  if (fseek(f, 0, SEEK_END) == 0 && (length = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    b.size = (size_t)length;
    b.data = (uint8_t*)malloc(b.size + 1);
    if (b.data != NULL && fread(b.data, 1, b.size, f) != b.size) free_buffer(&b);
    if (b.data != NULL) b.data[b.size] = 0;
  }
  fclose(f);
  check_true(b.data != NULL, path, __FILE__, __LINE__);
  return b;
}

int same_json(const char* text, size_t length, const struct buffer* file) {
  return text != NULL && file->data != NULL && file->size == length + 1 && memcmp(file->data, text, length) == 0 &&
         file->data[length] == '\n';
}

const char* canonical_suffix(const char* suffix) {
  static const char foreign[] = "foreign.";
  return strncmp(suffix, foreign, sizeof foreign - 1) == 0 ? suffix + sizeof foreign - 1 : suffix;
}

int format_of_suffix(const char* suffix, dhcpm_type type, dhcpm_format* format) {
  char name[64];
  dhcpm_framing framing = DHCPM_FRAMING_BARE;
  dhcpm_layout layout;
  const char* dot;
  suffix = canonical_suffix(suffix);
  if (strncmp(suffix, "ptr.", 4) == 0) {
    framing = DHCPM_FRAMING_PTR;
    suffix += 4;
  } else if (strncmp(suffix, "response.", 9) == 0) {
    framing = DHCPM_FRAMING_RESPONSE;
    suffix += 9;
  }
  /* "pickle.ndr20" and "pickle2.ndr20" are the layouts "pickle-ndr20" and
   * "pickle2-ndr20". */
  if (strlen(suffix) >= sizeof name) return 0;
  strcpy(name, suffix);
  dot = strchr(name, '.');
  if (dot != NULL) name[dot - name] = '-';
  if (dhcpm_layout_from_name(name, &layout) != DHCPM_OK) return 0;
  dhcpm_format_init(format, layout, type);
  format->framing = framing;
  return 1;
}

dhcpm_value* decode_vector(const char* name, const char* suffix, dhcpm_type type) {
  dhcpm_format format;
  dhcpm_value* value = NULL;
  dhcpm_error error;
  struct buffer input = read_vector(name, suffix);
  if (input.data == NULL) return NULL;
  if (CHECK(format_of_suffix(suffix, type, &format))) {
    if (!CHECK_STATUS(dhcpm_decode(input.data, input.size, &format, NULL, &value, &error), DHCPM_OK)) {
      fprintf(stderr, "  %s.%s: %s: %s\n", name, suffix, error.path, error.message);
    }
  }
  free_buffer(&input);
  return value;
}

const char* utf8_of(const dhcpm_client* client, dhcpm_string_field field) {
  static char text[4096];
  size_t length = 0;
  if (dhcpm_client_string_is_null(client, field)) return "<NULL>";
  if (dhcpm_client_string_utf8(client, field, text, sizeof text, &length) != DHCPM_OK) return "<not UTF-8>";
  return text;
}
