/* Broken input and misuse through the C API: each failure is a status plus a
 * dhcpm_error with the code, the byte offset and the field path (the same as
 * the CLI's error line), never a crash. Limits and lenient warnings too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"

/* Decodes the first `keep` bytes of a vector file (in an exact-size buffer)
 * and checks the error. */
static void check_decode_error(const char* name, const char* suffix, dhcpm_type type, size_t keep,
                               const dhcpm_decode_options* options, dhcpm_status code, uint64_t offset,
                               const char* path) {
  struct buffer whole = read_vector(name, suffix);
  struct buffer cut;
  dhcpm_format format;
  dhcpm_value* value = (dhcpm_value*)&whole; /* any non-NULL: decode must reset it */
  dhcpm_error error;
  if (whole.data == NULL) return;
  cut = copy_buffer(whole.data, keep < whole.size ? keep : whole.size);
  if (CHECK(format_of_suffix(suffix, type, &format))) {
    CHECK_STATUS(dhcpm_decode(cut.data, cut.size, &format, options, &value, &error), code);
    CHECK(value == NULL);
    CHECK_STATUS(error.code, code);
    CHECK_U64(error.offset, offset);
    CHECK_STRING(error.path, path);
    CHECK(error.message[0] != '\0');
  }
  free_buffer(&cut);
  free_buffer(&whole);
}

static void check_broken_input(void) {
  dhcpm_decode_options options;
  /* The same errors as docs/cli.md shows for these inputs. */
  check_decode_error("typical", "ndr20", DHCPM_TYPE_CLIENT, 60, NULL, DHCPM_ERR_TRUNCATED, 0x3c, "SentPotExpTime");
  check_decode_error("typical", "ndr20", DHCPM_TYPE_CLIENT, 200, NULL, DHCPM_ERR_COUNT_EXCEEDS_INPUT, 0xbc,
                     "ClientComment");
  check_decode_error("typical", "ndr20", DHCPM_TYPE_CLIENT, 0, NULL, DHCPM_ERR_TRUNCATED, 0, "ClientIpAddress");
  dhcpm_decode_options_init(&options);
  options.max_elements = 2;
  check_decode_error("array-3", "ndr20", DHCPM_TYPE_ARRAY, SIZE_MAX, &options, DHCPM_ERR_ELEMENT_LIMIT, 0x8,
                     "Clients");
  dhcpm_decode_options_init(&options);
  options.max_string_units = 10;
  check_decode_error("typical", "ndr20", DHCPM_TYPE_CLIENT, SIZE_MAX, &options, DHCPM_ERR_STRING_LIMIT, 0x78,
                     "ClientName");
  dhcpm_decode_options_init(&options);
  options.max_decoded_bytes = 64;
  check_decode_error("array-3", "ndr64", DHCPM_TYPE_ARRAY, SIZE_MAX, &options, DHCPM_ERR_DECODED_SIZE_LIMIT, 0x18,
                     "Clients[0]");
}

/* Two bytes after the value: an error in strict mode, a warning in lenient. */
static void check_trailing_bytes(void) {
  struct buffer whole = read_vector("typical", "ndr20");
  struct buffer longer;
  dhcpm_format format;
  dhcpm_decode_options options;
  dhcpm_value* value = NULL;
  dhcpm_error error;
  dhcpm_error warning;
  char line[256];
  if (whole.data == NULL) return;
  longer.size = whole.size + 2;
  longer.data = (uint8_t*)calloc(1, longer.size);
  if (!CHECK(longer.data != NULL)) return;
  memcpy(longer.data, whole.data, whole.size);
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT);

  CHECK_STATUS(dhcpm_decode(longer.data, longer.size, &format, NULL, &value, &error), DHCPM_ERR_TRAILING_BYTES);
  CHECK_U64(error.offset, 0x154);
  CHECK_STRING(error.path, "");
  CHECK_U64(dhcpm_error_format(&error, line, sizeof line), strlen("trailing_bytes at offset 0x154: (value): ") +
                                                                strlen(error.message));
  CHECK_STRING(line, "trailing_bytes at offset 0x154: (value): 2 bytes after the value");
  /* Cut to fit, and the length of the whole line all the same. */
  CHECK_U64(dhcpm_error_format(&error, line, 9), strlen("trailing_bytes at offset 0x154: (value): ") +
                                                     strlen(error.message));
  CHECK_STRING(line, "trailing");

  dhcpm_decode_options_init(&options);
  options.strict = 0;
  if (CHECK_STATUS(dhcpm_decode(longer.data, longer.size, &format, &options, &value, &error), DHCPM_OK)) {
    CHECK_STATUS(error.code, DHCPM_OK);
    CHECK_U64(dhcpm_value_warning_count(value), 1);
    CHECK_STATUS(dhcpm_value_warning(value, 0, &warning), DHCPM_OK);
    CHECK_STATUS(warning.code, DHCPM_ERR_TRAILING_BYTES);
    CHECK_U64(warning.offset, 0x154);
    CHECK_STATUS(dhcpm_value_warning(value, 1, &warning), DHCPM_ERR_INVALID_ARGUMENT);
    CHECK_STRING(utf8_of(dhcpm_value_client(value), DHCPM_STRING_POLICY_NAME), "Laptops");
    dhcpm_value_free(value);
    value = NULL;
  }
  /* max_warnings: the value all the same, the warning dropped. */
  options.max_warnings = 0;
  if (CHECK_STATUS(dhcpm_decode(longer.data, longer.size, &format, &options, &value, &error), DHCPM_OK)) {
    CHECK_U64(dhcpm_value_warning_count(value), 0);
  }
  dhcpm_value_free(value);
  free_buffer(&longer);
  free_buffer(&whole);
}

/* Requests that are wrong whatever the bytes. */
static void check_bad_requests(void) {
  struct buffer input = read_vector("typical", "x64");
  dhcpm_format format;
  dhcpm_value* value = NULL;
  dhcpm_error error;
  uint8_t* bytes = NULL;
  size_t size = 0;
  if (input.data == NULL) return;
  dhcpm_format_init(&format, DHCPM_LAYOUT_X64, DHCPM_TYPE_CLIENT);
  CHECK_STATUS(dhcpm_decode(input.data, input.size, NULL, NULL, &value, &error), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_decode(input.data, input.size, &format, NULL, NULL, &error), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_decode(NULL, 4, &format, NULL, &value, &error), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK(value == NULL);
  /* Memory images and pickles carry bare values only. */
  format.framing = DHCPM_FRAMING_PTR;
  CHECK_STATUS(dhcpm_decode(input.data, input.size, &format, NULL, &value, &error), DHCPM_ERR_UNSUPPORTED);
  CHECK_STATUS(error.code, DHCPM_ERR_UNSUPPORTED);
  /* An array in a response. */
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_ARRAY);
  format.framing = DHCPM_FRAMING_RESPONSE;
  CHECK_STATUS(dhcpm_decode(input.data, input.size, &format, NULL, &value, &error), DHCPM_ERR_UNSUPPORTED);
  /* Bare NDR has no signature to detect. */
  dhcpm_format_init(&format, DHCPM_LAYOUT_AUTO, DHCPM_TYPE_CLIENT);
  CHECK_STATUS(dhcpm_decode(input.data, input.size, &format, NULL, &value, &error), DHCPM_ERR_UNSUPPORTED);
  /* A value that is not a dhcpm_layout. */
  format.layout = (dhcpm_layout)42;
  CHECK_STATUS(dhcpm_decode(input.data, input.size, &format, NULL, &value, &error), DHCPM_ERR_INVALID_ARGUMENT);
  /* The x64 image decoded at a wrong address. */
  dhcpm_format_init(&format, DHCPM_LAYOUT_X64, DHCPM_TYPE_CLIENT);
  format.at = DHCPM_DEFAULT_IMAGE_BASE + input.size;
  CHECK(dhcpm_decode(input.data, input.size, &format, NULL, &value, &error) != DHCPM_OK);
  CHECK(value == NULL);

  /* Encoding: NULL arguments, a type mismatch, no explicit pickle kind. */
  CHECK_STATUS(dhcpm_encode(NULL, &format, &bytes, &size, &error), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK(bytes == NULL);
  dhcpm_format_init(&format, DHCPM_LAYOUT_X64, DHCPM_TYPE_CLIENT);
  if (CHECK_STATUS(dhcpm_decode(input.data, input.size, &format, NULL, &value, &error), DHCPM_OK)) {
    format.type = DHCPM_TYPE_ARRAY;
    CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, &error), DHCPM_ERR_INVALID_ARGUMENT);
    dhcpm_format_init(&format, DHCPM_LAYOUT_PICKLE, DHCPM_TYPE_CLIENT);
    CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, &error), DHCPM_ERR_UNSUPPORTED);
    CHECK(bytes == NULL);
    CHECK_U64(size, 0);
    dhcpm_format_init(&format, DHCPM_LAYOUT_AUTO, DHCPM_TYPE_CLIENT);
    CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, &error), DHCPM_ERR_INVALID_ARGUMENT);
  }
  dhcpm_value_free(value);
  free_buffer(&input);

  /* Readers given NULL answer without crashing. */
  CHECK(dhcpm_value_client(NULL) == NULL);
  CHECK_U64(dhcpm_client_get(NULL, DHCPM_FIELD_FLAGS), 0);
  CHECK(dhcpm_client_string_is_null(NULL, DHCPM_STRING_CLIENT_NAME));
  CHECK_U64(dhcpm_array_size(NULL), 0);
  CHECK_U64(dhcpm_value_warning_count(NULL), 0);
  dhcpm_value_free(NULL);
  dhcpm_free(NULL);
}

/* Every prefix of a vector gives a value or an error: never a crash, never an
 * error without a code. (The library's own sweep covers bit flips.) */
static void check_every_truncation(void) {
  static const char* const suffixes[] = {"ndr20", "ndr64", "pickle.ndr20be", "x86", "response.ndr64"};
  size_t s;
  size_t keep;
  for (s = 0; s < sizeof suffixes / sizeof suffixes[0]; ++s) {
    struct buffer whole = read_vector("typical", suffixes[s]);
    dhcpm_format format;
    if (whole.data == NULL || !CHECK(format_of_suffix(suffixes[s], DHCPM_TYPE_CLIENT, &format))) continue;
    for (keep = 0; keep < whole.size; ++keep) {
      struct buffer cut = copy_buffer(whole.data, keep);
      dhcpm_value* value = NULL;
      dhcpm_error error;
      const dhcpm_status status = dhcpm_decode(cut.data, cut.size, &format, NULL, &value, &error);
      if (!CHECK(status != DHCPM_OK && status != DHCPM_ERR_INTERNAL && error.code == status)) {
        fprintf(stderr, "  typical.%s cut to %lu bytes: %s\n", suffixes[s], (unsigned long)keep,
                dhcpm_status_name(status));
      }
      CHECK(error.offset <= keep);
      dhcpm_value_free(value);
      free_buffer(&cut);
    }
    free_buffer(&whole);
  }
}

void test_errors(void) {
  check_broken_input();
  check_trailing_bytes();
  check_bad_requests();
  check_every_truncation();
}
