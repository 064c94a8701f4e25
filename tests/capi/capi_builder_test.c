/* Values built from C: the builder makes the golden vectors' values, which
 * encode to the golden bytes; NULL pointers, responses, edits of decoded
 * values, and the values a layout refuses. */
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"

static void check_encoding(const dhcpm_value* value, dhcpm_layout layout, dhcpm_framing framing, const char* name,
                           const char* suffix) {
  dhcpm_format format;
  uint8_t* bytes = NULL;
  size_t size = 0;
  dhcpm_error error;
  struct buffer expected = read_vector(name, suffix);
  if (expected.data == NULL) return;
  dhcpm_format_init(&format, layout, dhcpm_value_type(value));
  format.framing = framing;
  if (CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, &error), DHCPM_OK)) {
    CHECK_BYTES(bytes, size, expected.data, expected.size);
  }
  dhcpm_free(bytes);
  free_buffer(&expected);
}

static void set_text(dhcpm_client* c, dhcpm_string_field field, const char* utf8) {
  CHECK_STATUS(dhcpm_client_set_string_utf8(c, field, utf8, strlen(utf8)), DHCPM_OK);
}

/* The record of typical.json. */
static void fill_typical(dhcpm_client* c) {
  static const uint8_t mac[] = {0x00, 0x01, 0xa8, 0xc0, 0x01, 0x00, 0x15, 0x5d, 0x0a, 0x0b, 0x0c};
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_CLIENT_IP_ADDRESS, 0xC0A8010Au), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_SUBNET_MASK, 0xFFFFFF00u), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set_data(c, mac, sizeof mac), DHCPM_OK);
  set_text(c, DHCPM_STRING_CLIENT_NAME, "laptop-42.corp.example.com");
  set_text(c, DHCPM_STRING_CLIENT_COMMENT, "Finance floor 3");
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_CLIENT_LEASE_EXPIRES, 134410230000000000u), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_OWNER_IP_ADDRESS, 0xC0A80102u), DHCPM_OK);
  set_text(c, DHCPM_STRING_OWNER_NET_BIOS_NAME, "DHCP-A");
  set_text(c, DHCPM_STRING_OWNER_HOST_NAME, "dhcp-a.corp.example.com");
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_CLIENT_TYPE, 1), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_ADDRESS_STATE, 41), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_STATUS, 6), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_SENT_POT_EXP_TIME, 1764322200u), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_ACK_POT_EXP_TIME, 1764322200u), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_RECV_POT_EXP_TIME, 1764322260u), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_START_TIME, 1764318600u), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_CLT_LAST_TRANS_TIME, 1764318600u), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_LAST_BND_UPD_TIME, 1764318605u), DHCPM_OK);
  set_text(c, DHCPM_STRING_POLICY_NAME, "Laptops");
}

/* The third element of array-with-null.json: every string "", Data empty. */
static void fill_empty_strings(dhcpm_client* c) {
  int s;
  for (s = 0; s < DHCPM_STRING_COUNT; ++s) {
    CHECK_STATUS(dhcpm_client_set_string_utf8(c, (dhcpm_string_field)s, NULL, 0), DHCPM_OK);
  }
  CHECK_STATUS(dhcpm_client_set_data(c, NULL, 0), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_OWNER_IP_ADDRESS, 0x0A000001u), DHCPM_OK);
}

static void check_built_client(void) {
  dhcpm_value* value = NULL;
  dhcpm_value* minimal = NULL;
  if (!CHECK_STATUS(dhcpm_client_new(&minimal), DHCPM_OK)) return;
  check_encoding(minimal, DHCPM_LAYOUT_NDR20, DHCPM_FRAMING_BARE, "minimal", "ndr20");
  dhcpm_value_free(minimal);

  if (!CHECK_STATUS(dhcpm_client_new(&value), DHCPM_OK)) return;
  fill_typical(dhcpm_value_client_mut(value));
  check_encoding(value, DHCPM_LAYOUT_NDR20, DHCPM_FRAMING_BARE, "typical", "ndr20");
  check_encoding(value, DHCPM_LAYOUT_NDR20BE, DHCPM_FRAMING_BARE, "typical", "ndr20be");
  check_encoding(value, DHCPM_LAYOUT_NDR64, DHCPM_FRAMING_PTR, "typical", "ptr.ndr64");
  check_encoding(value, DHCPM_LAYOUT_NDR20, DHCPM_FRAMING_RESPONSE, "typical", "response.ndr20");
  check_encoding(value, DHCPM_LAYOUT_PICKLE_NDR64, DHCPM_FRAMING_BARE, "typical", "pickle.ndr64");
  check_encoding(value, DHCPM_LAYOUT_X86, DHCPM_FRAMING_BARE, "typical", "x86");
  dhcpm_value_free(value);
}

static void check_built_arrays(void) {
  dhcpm_value* array = NULL;
  dhcpm_client* element = NULL;
  if (!CHECK_STATUS(dhcpm_array_new(&array), DHCPM_OK)) return;
  check_encoding(array, DHCPM_LAYOUT_NDR20, DHCPM_FRAMING_BARE, "array-empty", "ndr20");

  CHECK_STATUS(dhcpm_array_append(array, &element), DHCPM_OK);
  fill_typical(element);
  CHECK_STATUS(dhcpm_array_append_null(array), DHCPM_OK);
  CHECK_STATUS(dhcpm_array_append(array, &element), DHCPM_OK);
  fill_empty_strings(element);
  CHECK_U64(dhcpm_array_num_elements(array), 3);
  CHECK_U64(dhcpm_array_size(array), 3);
  check_encoding(array, DHCPM_LAYOUT_NDR20, DHCPM_FRAMING_BARE, "array-with-null", "ndr20");
  check_encoding(array, DHCPM_LAYOUT_NDR64, DHCPM_FRAMING_BARE, "array-with-null", "ndr64");
  check_encoding(array, DHCPM_LAYOUT_PICKLE_NDR20BE, DHCPM_FRAMING_BARE, "array-with-null", "pickle.ndr20be");
  check_encoding(array, DHCPM_LAYOUT_X64, DHCPM_FRAMING_BARE, "array-with-null", "x64");

  CHECK_STATUS(dhcpm_array_set_clients_null(array), DHCPM_OK);
  CHECK(dhcpm_array_clients_is_null(array));
  check_encoding(array, DHCPM_LAYOUT_NDR20, DHCPM_FRAMING_BARE, "array-null", "ndr20");
  /* NumElements with a NULL Clients is written as it is (lenient decoding
   * keeps such values), but one that disagrees with the elements is refused. */
  CHECK_STATUS(dhcpm_array_set_num_elements(array, 2), DHCPM_OK);
  CHECK_U64(dhcpm_array_num_elements(array), 2);
  CHECK_STATUS(dhcpm_array_append_null(array), DHCPM_OK);
  CHECK_STATUS(dhcpm_array_set_num_elements(array, 2), DHCPM_OK);
  {
    dhcpm_format format;
    dhcpm_error error;
    uint8_t* bytes = NULL;
    size_t size = 0;
    dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_ARRAY);
    CHECK_STATUS(dhcpm_encode(array, &format, &bytes, &size, &error), DHCPM_ERR_INCONSISTENT_VALUE);
    CHECK_STRING(error.path, "Clients");
    CHECK(bytes == NULL);
  }
  dhcpm_value_free(array);
}

/* A NULL pointer and a response: built, encoded, decoded back. */
static void check_null_and_response(void) {
  dhcpm_value* value = NULL;
  dhcpm_value* back = NULL;
  dhcpm_format format;
  uint8_t* bytes = NULL;
  size_t size = 0;
  size_t i;
  if (!CHECK_STATUS(dhcpm_client_new(&value), DHCPM_OK)) return;
  CHECK_STATUS(dhcpm_value_set_null(value, 1), DHCPM_OK);
  CHECK(dhcpm_value_client(value) == NULL);
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR64, DHCPM_TYPE_CLIENT);
  CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, NULL), DHCPM_ERR_INVALID_ARGUMENT); /* bare NULL */
  format.framing = DHCPM_FRAMING_PTR;
  if (CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, NULL), DHCPM_OK) && CHECK_U64(size, 8)) {
    for (i = 0; i < size; ++i) CHECK_U64(bytes[i], 0);
  }
  dhcpm_free(bytes);

  /* ERROR_INVALID_PARAMETER with no ClientInfo. */
  CHECK_STATUS(dhcpm_value_set_return_value(value, 87), DHCPM_OK);
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT);
  format.framing = DHCPM_FRAMING_RESPONSE;
  if (CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, NULL), DHCPM_OK)) {
    if (CHECK_STATUS(dhcpm_decode(bytes, size, &format, NULL, &back, NULL), DHCPM_OK)) {
      CHECK(dhcpm_value_is_null(back));
      CHECK_U64(dhcpm_value_return_value(back), 87);
    }
  }
  dhcpm_free(bytes);
  dhcpm_value_free(back);
  /* Present again: the record is back. */
  CHECK_STATUS(dhcpm_value_set_null(value, 0), DHCPM_OK);
  CHECK(dhcpm_value_client(value) != NULL);
  dhcpm_value_free(value);
}

/* A decoded value changed and encoded in another layout. */
static void check_edit_decoded(void) {
  dhcpm_value* value = decode_vector("array-3", "ndr20", DHCPM_TYPE_ARRAY);
  dhcpm_value* back = NULL;
  dhcpm_format format;
  uint8_t* bytes = NULL;
  size_t size = 0;
  dhcpm_client* second = dhcpm_array_element_mut(value, 1);
  if (!CHECK(second != NULL)) {
    dhcpm_value_free(value);
    return;
  }
  set_text(second, DHCPM_STRING_CLIENT_NAME, "renamed");
  CHECK_STATUS(dhcpm_client_set(second, DHCPM_FIELD_STATUS, 70000), DHCPM_OK);
  /* Status above 65535: NDR 2.0 refuses it, naming the field... */
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_ARRAY);
  {
    dhcpm_error error;
    CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, &error), DHCPM_ERR_VALUE_OUT_OF_RANGE);
    CHECK_STRING(error.path, "Clients[1].Status");
  }
  /* ...NDR64 holds it. */
  format.layout = DHCPM_LAYOUT_NDR64;
  if (CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, NULL), DHCPM_OK) &&
      CHECK_STATUS(dhcpm_decode(bytes, size, &format, NULL, &back, NULL), DHCPM_OK)) {
    CHECK_STRING(utf8_of(dhcpm_array_element(back, 1), DHCPM_STRING_CLIENT_NAME), "renamed");
    CHECK_U64(dhcpm_client_get(dhcpm_array_element(back, 1), DHCPM_FIELD_STATUS), 70000);
    CHECK_STRING(utf8_of(dhcpm_array_element(back, 2), DHCPM_STRING_CLIENT_NAME), "Zo\xc3\xab-M\xc3\xbcller-PC");
  }
  dhcpm_free(bytes);
  dhcpm_value_free(back);
  dhcpm_value_free(value);
}

/* What setters refuse, and strings that are not Unicode text. */
static void check_setter_limits(void) {
  static const uint16_t unpaired[] = {'a', 0xD800, 'b'};
  static const uint16_t with_nul[] = {'a', 0, 'b'};
  dhcpm_value* value = NULL;
  dhcpm_value* back = NULL;
  dhcpm_client* c;
  dhcpm_format format;
  uint8_t* bytes = NULL;
  size_t size = 0;
  size_t length = 0;
  size_t count = 0;
  const uint16_t* units;
  char text[16];
  if (!CHECK_STATUS(dhcpm_client_new(&value), DHCPM_OK)) return;
  c = dhcpm_value_client_mut(value);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_CLIENT_TYPE, 256), DHCPM_ERR_VALUE_OUT_OF_RANGE);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_CLIENT_TYPE), 0);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_STATUS, 0x100000000u), DHCPM_ERR_VALUE_OUT_OF_RANGE);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_PROBATION_ENDS, UINT64_MAX), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_COUNT, 1), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_client_set(NULL, DHCPM_FIELD_FLAGS, 1), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_client_set_string_utf8(c, DHCPM_STRING_CLIENT_NAME, "\xff", 1), DHCPM_ERR_INVALID_UTF8);
  CHECK(dhcpm_client_string_is_null(c, DHCPM_STRING_CLIENT_NAME));

  /* An unpaired surrogate is kept: no UTF-8, the same units after a round trip. */
  CHECK_STATUS(dhcpm_client_set_string_utf16(c, DHCPM_STRING_CLIENT_NAME, unpaired, 3), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_string_utf8(c, DHCPM_STRING_CLIENT_NAME, text, sizeof text, &length),
               DHCPM_ERR_INVALID_UTF16);
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20BE, DHCPM_TYPE_CLIENT);
  if (CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, NULL), DHCPM_OK) &&
      CHECK_STATUS(dhcpm_decode(bytes, size, &format, NULL, &back, NULL), DHCPM_OK)) {
    units = dhcpm_client_string_utf16(dhcpm_value_client(back), DHCPM_STRING_CLIENT_NAME, &count);
    CHECK_BYTES((const uint8_t*)units, count * 2, (const uint8_t*)unpaired, sizeof unpaired);
    CHECK_U64(dhcpm_client_get(dhcpm_value_client(back), DHCPM_FIELD_PROBATION_ENDS), UINT64_MAX);
  }
  dhcpm_free(bytes);
  dhcpm_value_free(back);

  /* An embedded NUL: NDR carries it, a memory image cannot. */
  CHECK_STATUS(dhcpm_client_set_string_utf16(c, DHCPM_STRING_CLIENT_NAME, with_nul, 3), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_string_utf8(c, DHCPM_STRING_CLIENT_NAME, text, sizeof text, &length), DHCPM_OK);
  CHECK_U64(length, 3);
  CHECK_BYTES((const uint8_t*)text, length + 1, (const uint8_t*)"a\0b", 4);
  dhcpm_format_init(&format, DHCPM_LAYOUT_X64, DHCPM_TYPE_CLIENT);
  CHECK(dhcpm_encode(value, &format, &bytes, &size, NULL) != DHCPM_OK);
  CHECK(bytes == NULL);

  /* Data with fewer bytes than DataLength is refused when encoding. */
  CHECK_STATUS(dhcpm_client_set_data(c, (const uint8_t*)"abc", 3), DHCPM_OK);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_DATA_LENGTH), 3);
  CHECK_STATUS(dhcpm_client_set(c, DHCPM_FIELD_DATA_LENGTH, 5), DHCPM_OK);
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT);
  CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, NULL), DHCPM_ERR_INCONSISTENT_VALUE);
  CHECK_STATUS(dhcpm_client_set_data_null(c), DHCPM_OK);
  CHECK_STATUS(dhcpm_client_set_string_null(c, DHCPM_STRING_CLIENT_NAME), DHCPM_OK);
  CHECK(dhcpm_client_string_is_null(c, DHCPM_STRING_CLIENT_NAME));
  CHECK_STATUS(dhcpm_client_set_string_null(c, DHCPM_STRING_COUNT), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK(dhcpm_client_data_is_null(c));
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_DATA_LENGTH), 0);

  /* Array operations on a client value are refused. */
  CHECK_STATUS(dhcpm_array_append_null(value), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_array_set_clients_null(value), DHCPM_ERR_INVALID_ARGUMENT);
  dhcpm_value_free(value);
}

/* A DHCPV4_FAILOVER_CLIENT_INFO_EX from C: the failover members through its
 * client handle, AddressStateEx through dhcpm_value_get/set; an x64 image
 * that decodes back; conversion to and from the plain record; no NDR. */
static void check_client_ex(void) {
  dhcpm_value* ex = NULL;
  dhcpm_value* back = NULL;
  dhcpm_value* plain = NULL;
  dhcpm_format format;
  dhcpm_error error;
  uint8_t* bytes = NULL;
  size_t size = 0;
  uint64_t number = 0;
  if (!CHECK_STATUS(dhcpm_client_ex_new(&ex), DHCPM_OK)) return;
  CHECK_U64(dhcpm_value_type(ex), DHCPM_TYPE_CLIENT_EX);
  fill_typical(dhcpm_value_client_mut(ex));
  CHECK_STATUS(dhcpm_value_set(ex, DHCPM_FIELD_ADDRESS_STATE_EX, 0xA1B2C3D4u), DHCPM_OK);
  CHECK_STATUS(dhcpm_value_set(ex, DHCPM_FIELD_ADDRESS_STATE_EX, 0x100000000u), DHCPM_ERR_VALUE_OUT_OF_RANGE);
  CHECK_STATUS(dhcpm_value_get(ex, DHCPM_FIELD_FLAGS, &number), DHCPM_OK);
  CHECK_U64(dhcpm_field_count(DHCPM_TYPE_CLIENT_EX), dhcpm_field_count(DHCPM_TYPE_CLIENT) + 1);

  dhcpm_format_init(&format, DHCPM_LAYOUT_X64, DHCPM_TYPE_CLIENT_EX);
  if (CHECK_STATUS(dhcpm_encode(ex, &format, &bytes, &size, &error), DHCPM_OK)) {
    CHECK_U64(bytes[132], 0xD4); /* AddressStateEx at x64 offset 132, little-endian */
    if (CHECK_STATUS(dhcpm_decode(bytes, size, &format, NULL, &back, &error), DHCPM_OK)) {
      CHECK_STATUS(dhcpm_value_get(back, DHCPM_FIELD_ADDRESS_STATE_EX, &number), DHCPM_OK);
      CHECK_U64(number, 0xA1B2C3D4u);
      CHECK_U64(dhcpm_client_get(dhcpm_value_client(back), DHCPM_FIELD_CLIENT_TYPE), 1);
    }
  }
  dhcpm_free(bytes);
  bytes = NULL;
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT_EX);
  CHECK_STATUS(dhcpm_encode(ex, &format, &bytes, &size, &error), DHCPM_ERR_UNSUPPORTED);

  /* AddressStateEx 0xA1B2C3D4 has no place in the plain record; 0 converts. */
  CHECK_STATUS(dhcpm_convert(ex, DHCPM_TYPE_CLIENT, &plain, &error), DHCPM_ERR_VALUE_OUT_OF_RANGE);
  CHECK_STRING(error.path, "AddressStateEx");
  CHECK_STATUS(dhcpm_value_set(ex, DHCPM_FIELD_ADDRESS_STATE_EX, 0), DHCPM_OK);
  if (CHECK_STATUS(dhcpm_convert(ex, DHCPM_TYPE_CLIENT, &plain, &error), DHCPM_OK)) {
    CHECK_U64(dhcpm_value_type(plain), DHCPM_TYPE_CLIENT);
    CHECK_STATUS(dhcpm_value_get(plain, DHCPM_FIELD_ADDRESS_STATE_EX, &number), DHCPM_ERR_INVALID_ARGUMENT);
    check_encoding(plain, DHCPM_LAYOUT_X64, DHCPM_FRAMING_BARE, "typical", "x64");
  }
  dhcpm_value_free(back);
  back = NULL;
  CHECK_STATUS(dhcpm_convert(ex, DHCPM_TYPE_ARRAY, &back, &error), DHCPM_ERR_UNSUPPORTED);
  CHECK(back == NULL);
  dhcpm_value_free(plain);
  dhcpm_value_free(ex);
}

void test_builder(void) {
  check_client_ex();
  check_built_client();
  check_built_arrays();
  check_null_and_response();
  check_edit_decoded();
  check_setter_limits();
}
