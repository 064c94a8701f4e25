/* Every file of tests/vectors/index.json through the C API: it decodes
 * strictly, without warnings, to the value of NAME.ndr20.bin, and encodes back
 * to its own bytes (a foreign file: to the canonical file's bytes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"
#include "capi_vector_index.h"

/* Encodes value as format says and compares with the bytes of a vector file. */
static void check_encodes_to(const dhcpm_value* value, const dhcpm_format* format, const char* name,
                             const char* suffix) {
  uint8_t* bytes = NULL;
  size_t size = 0;
  dhcpm_error error;
  struct buffer expected = read_vector(name, suffix);
  if (expected.data == NULL) return;
  if (CHECK_STATUS(dhcpm_encode(value, format, &bytes, &size, &error), DHCPM_OK)) {
    if (!CHECK_BYTES(bytes, size, expected.data, expected.size)) fprintf(stderr, "  as %s.%s\n", name, suffix);
  } else {
    fprintf(stderr, "  %s.%s: %s at %s\n", name, suffix, error.message, error.path);
  }
  dhcpm_free(bytes);
  free_buffer(&expected);
}

static void check_vector_file(const struct vector_file* file) {
  dhcpm_format format;
  dhcpm_format bare_ndr20;
  dhcpm_value* value;
  struct buffer input = read_vector(file->name, file->suffix);
  if (input.data == NULL) return;
  CHECK_U64(input.size, file->size);
  free_buffer(&input);

  value = decode_vector(file->name, file->suffix, file->type);
  if (value == NULL || !CHECK(format_of_suffix(file->suffix, file->type, &format))) {
    dhcpm_value_free(value);
    return;
  }
  CHECK(dhcpm_value_type(value) == file->type);
  CHECK_U64(dhcpm_value_warning_count(value), 0);
  CHECK_U64(dhcpm_value_return_value(value), 0);
  CHECK(!dhcpm_value_is_null(value));

  /* Canonical bytes back: the file itself, or the canonical file of a foreign one. */
  check_encodes_to(value, &format, file->name, canonical_suffix(file->suffix));
  /* The same value as every other layout: its bare NDR 2.0 bytes. */
  dhcpm_format_init(&bare_ndr20, DHCPM_LAYOUT_NDR20, file->type);
  check_encodes_to(value, &bare_ndr20, file->name, "ndr20");
  dhcpm_value_free(value);
}

/* An image decoded at another base, and a value read at an address that is
 * not the image's first byte. */
static void check_image_placement(void) {
  dhcpm_value* value = decode_vector("typical", "x64", DHCPM_TYPE_CLIENT);
  dhcpm_format format;
  dhcpm_value* moved = NULL;
  uint8_t* image = NULL;
  size_t size = 0;
  struct buffer padded;
  if (value == NULL) return;
  dhcpm_format_init(&format, DHCPM_LAYOUT_X64, DHCPM_TYPE_CLIENT);
  format.base = 0x7ff600000000u;
  if (CHECK_STATUS(dhcpm_encode(value, &format, &image, &size, NULL), DHCPM_OK)) {
    /* 16 bytes in front of the value: the image starts 16 bytes lower. */
    padded.size = size + 16;
    padded.data = (uint8_t*)calloc(1, padded.size);
    if (CHECK(padded.data != NULL)) {
      memcpy(padded.data + 16, image, size);
      format.base = 0x7ff600000000u - 16;
      format.at = 0x7ff600000000u;
      if (CHECK_STATUS(dhcpm_decode(padded.data, padded.size, &format, NULL, &moved, NULL), DHCPM_OK)) {
        dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT);
        check_encodes_to(moved, &format, "typical", "ndr20");
      }
      free_buffer(&padded);
    }
  }
  dhcpm_free(image);
  dhcpm_value_free(moved);
  dhcpm_value_free(value);
}

/* DHCPM_LAYOUT_AUTO finds type serialization by its header. */
static void check_auto_layout(void) {
  dhcpm_layout detected = DHCPM_LAYOUT_NDR20;
  dhcpm_format format;
  dhcpm_value* value = NULL;
  struct buffer pickled = read_vector("array-3", "pickle.ndr64");
  if (pickled.data == NULL) return;
  CHECK_STATUS(dhcpm_detect_layout(pickled.data, pickled.size, &detected), DHCPM_OK);
  CHECK(detected == DHCPM_LAYOUT_PICKLE);
  dhcpm_format_init(&format, DHCPM_LAYOUT_AUTO, DHCPM_TYPE_ARRAY);
  if (CHECK_STATUS(dhcpm_decode(pickled.data, pickled.size, &format, NULL, &value, NULL), DHCPM_OK)) {
    CHECK_U64(dhcpm_array_size(value), 3);
  }
  dhcpm_value_free(value);
  free_buffer(&pickled);
}

/* Several values in one pickled buffer: encoded together, decoded together,
 * each the value it was; one value alone is the golden pickled file. */
static void check_pickled_lists(void) {
  const dhcpm_value* values[2];
  dhcpm_value* typical = decode_vector("typical", "pickle.ndr20be", DHCPM_TYPE_CLIENT);
  dhcpm_value* minimal = decode_vector("minimal", "x86", DHCPM_TYPE_CLIENT);
  dhcpm_value_list* list = NULL;
  dhcpm_value* single = NULL;
  dhcpm_format format;
  dhcpm_error error;
  uint8_t* bytes = NULL;
  size_t size = 0;
  struct buffer expected;
  if (typical == NULL || minimal == NULL) return;
  values[0] = typical;
  values[1] = minimal;
  dhcpm_format_init(&format, DHCPM_LAYOUT_PICKLE_NDR64, DHCPM_TYPE_CLIENT);

  expected = read_vector("typical", "pickle.ndr64");
  if (CHECK_STATUS(dhcpm_encode_all(values, 1, &format, &bytes, &size, &error), DHCPM_OK)) {
    CHECK_BYTES(bytes, size, expected.data, expected.size);
  }
  dhcpm_free(bytes);
  free_buffer(&expected);

  if (CHECK_STATUS(dhcpm_encode_all(values, 2, &format, &bytes, &size, &error), DHCPM_OK)) {
    /* dhcpm_decode wants exactly one value... */
    CHECK_STATUS(dhcpm_decode(bytes, size, &format, NULL, &single, &error), DHCPM_ERR_TRAILING_BYTES);
    /* ...dhcpm_decode_all takes them all, the kind read from the header. */
    dhcpm_format_init(&format, DHCPM_LAYOUT_AUTO, DHCPM_TYPE_CLIENT);
    if (CHECK_STATUS(dhcpm_decode_all(bytes, size, &format, NULL, &list, &error), DHCPM_OK)) {
      CHECK_U64(dhcpm_value_list_size(list), 2);
      CHECK(dhcpm_value_list_layout(list) == DHCPM_LAYOUT_PICKLE_NDR64);
      CHECK_U64(dhcpm_value_list_warning_count(list), 0);
      CHECK(dhcpm_value_list_get(list, 2) == NULL);
      dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT);
      check_encodes_to(dhcpm_value_list_get(list, 0), &format, "typical", "ndr20");
      check_encodes_to(dhcpm_value_list_get(list, 1), &format, "minimal", "ndr20");
    }
  }
  dhcpm_free(bytes);
  dhcpm_value_list_free(list);

  /* Lenient: a non-zero padding byte after the first body is a warning of
   * the list. Version 1 has 8-byte common and private headers, and typical's
   * 340-byte NDR 2.0 body is padded to 344. */
  dhcpm_format_init(&format, DHCPM_LAYOUT_PICKLE_NDR20BE, DHCPM_TYPE_CLIENT);
  if (CHECK_STATUS(dhcpm_encode_all(values, 2, &format, &bytes, &size, &error), DHCPM_OK) &&
      CHECK(size > 8 + 8 + 344) && CHECK_U64(bytes[8 + 8 + 340], 0)) {
    dhcpm_decode_options options;
    dhcpm_error warning;
    dhcpm_decode_options_init(&options);
    options.strict = 0;
    bytes[8 + 8 + 340] = 0x5a;
    CHECK_STATUS(dhcpm_decode_all(bytes, size, &format, NULL, &list, &error), DHCPM_ERR_NONZERO_PADDING);
    CHECK_U64(error.offset, 8 + 8 + 340);
    if (CHECK_STATUS(dhcpm_decode_all(bytes, size, &format, &options, &list, &error), DHCPM_OK)) {
      CHECK_U64(dhcpm_value_list_size(list), 2);
      CHECK_U64(dhcpm_value_list_warning_count(list), 1);
      CHECK_STATUS(dhcpm_value_list_warning(list, 0, &warning), DHCPM_OK);
      CHECK_STATUS(warning.code, DHCPM_ERR_NONZERO_PADDING);
      CHECK_STATUS(dhcpm_value_list_warning(list, 1, &warning), DHCPM_ERR_INVALID_ARGUMENT);
    }
    dhcpm_value_list_free(list);
    list = NULL;
  }
  dhcpm_free(bytes);
  bytes = NULL;

  /* Not a pickle layout; a type that is not the values'. */
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT);
  CHECK_STATUS(dhcpm_encode_all(values, 2, &format, &bytes, &size, &error), DHCPM_ERR_UNSUPPORTED);
  CHECK_STATUS(dhcpm_decode_all(NULL, 0, &format, NULL, &list, &error), DHCPM_ERR_UNSUPPORTED);
  CHECK(list == NULL);
  dhcpm_format_init(&format, DHCPM_LAYOUT_PICKLE_NDR20, DHCPM_TYPE_ARRAY);
  CHECK_STATUS(dhcpm_encode_all(values, 2, &format, &bytes, &size, &error), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK(bytes == NULL);
  dhcpm_value_free(typical);
  dhcpm_value_free(minimal);
}

void test_vectors(void) {
  size_t i;
  CHECK(VECTOR_FILE_COUNT > 100);
  for (i = 0; i < VECTOR_FILE_COUNT; ++i) check_vector_file(&vector_files[i]);
  check_image_placement();
  check_auto_layout();
  check_pickled_lists();
}
