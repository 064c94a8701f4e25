/* The client-record family from C: a type by its name, every family vector
 * of the six records and six arrays decoded and encoded back byte for byte in
 * each NDR layout, the fields a family record has read through its schema,
 * and the field table's element type of each array. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"
#include "dhcpm/dhcpm.h"

static const char* const family_types[] = {
    "DHCP_CLIENT_INFO",       "DHCP_CLIENT_INFO_V4",       "DHCP_CLIENT_INFO_V5",
    "DHCP_CLIENT_INFO_VQ",    "DHCP_CLIENT_FILTER_STATUS_INFO", "DHCP_CLIENT_INFO_PB",
    "DHCP_CLIENT_INFO_ARRAY", "DHCP_CLIENT_INFO_ARRAY_V4", "DHCP_CLIENT_INFO_ARRAY_V5",
    "DHCP_CLIENT_INFO_ARRAY_VQ", "DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY", "DHCP_CLIENT_INFO_PB_ARRAY",
};
static const char* const record_variants[] = {"minimal", "typical", "unicode", "extremes"};
static const char* const array_variants[] = {"empty", "null", "3", "with-null", "random-50"};
static const char* const layouts[] = {"ndr20", "ndr20be", "ndr64"};

/* family/TYPE.VARIANT.LAYOUT.bin decodes as `type` and encodes back to its bytes. */
static void round_trip(const char* type_name, dhcpm_type type, const char* variant, const char* layout_name) {
  char name[128];
  struct buffer input;
  dhcpm_format format;
  dhcpm_layout layout;
  dhcpm_value* value = NULL;
  dhcpm_error error;
  uint8_t* bytes = NULL;
  size_t size = 0;
  strcpy(name, "family/");
  strcat(name, type_name);
  strcat(name, ".");
  strcat(name, variant);
  input = read_vector(name, layout_name);
  if (input.data == NULL) return;
  if (CHECK_STATUS(dhcpm_layout_from_name(layout_name, &layout), DHCPM_OK)) {
    dhcpm_format_init(&format, layout, type);
    if (CHECK_STATUS(dhcpm_decode(input.data, input.size, &format, NULL, &value, &error), DHCPM_OK)) {
      CHECK(dhcpm_value_type(value) == type);
      if (CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, &error), DHCPM_OK)) {
        CHECK_BYTES(bytes, size, input.data, input.size);
        dhcpm_free(bytes);
      }
      dhcpm_value_free(value);
    } else {
      fprintf(stderr, "  %s.%s: %s: %s\n", name, layout_name, error.path, error.message);
    }
  }
  free_buffer(&input);
}

void test_family(void) {
  size_t t;
  size_t v;
  size_t l;
  dhcpm_type type;
  dhcpm_field_desc desc;
  dhcpm_value* value;
  uint64_t number = 0;

  for (t = 0; t < sizeof family_types / sizeof family_types[0]; ++t) {
    const int is_array = strstr(family_types[t], "_ARRAY") != NULL;
    if (!CHECK_STATUS(dhcpm_type_from_name(family_types[t], &type), DHCPM_OK)) continue;
    CHECK_STRING(dhcpm_type_name(type), family_types[t]);
    CHECK(type == (dhcpm_type)(DHCPM_TYPE_DHCP_CLIENT_INFO + (int)t));
    if (is_array) {
      for (v = 0; v < sizeof array_variants / sizeof array_variants[0]; ++v) {
        for (l = 0; l < sizeof layouts / sizeof layouts[0]; ++l) round_trip(family_types[t], type, array_variants[v], layouts[l]);
      }
      /* The array's Clients points to records of the matching record type. */
      CHECK(dhcpm_field_count(type) == 2);
      if (CHECK_STATUS(dhcpm_field_info(type, 1, &desc), DHCPM_OK)) {
        CHECK(desc.element_type == (int)type - 6);
        CHECK_STRING(desc.name, "Clients");
      }
    } else {
      for (v = 0; v < sizeof record_variants / sizeof record_variants[0]; ++v) {
        for (l = 0; l < sizeof layouts / sizeof layouts[0]; ++l) round_trip(family_types[t], type, record_variants[v], layouts[l]);
      }
    }
  }
  CHECK_STRING(dhcpm_type_name(DHCPM_TYPE_CLIENT), "client");
  CHECK_STRING(dhcpm_type_name(DHCPM_TYPE_COUNT), "unknown");
  CHECK_STATUS(dhcpm_type_from_name("DHCP_CLIENT_INFO_V6", &type), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_type_from_name(NULL, &type), DHCPM_ERR_INVALID_ARGUMENT);

  /* The fields of a DHCP_CLIENT_INFO_PB by its schema: the shared ones and FilterStatus. */
  CHECK(dhcpm_field_count(DHCPM_TYPE_DHCP_CLIENT_INFO_PB) == 17);
  if (CHECK_STATUS(dhcpm_field_info(DHCPM_TYPE_DHCP_CLIENT_INFO_PB, 15, &desc), DHCPM_OK)) {
    CHECK_STRING(desc.name, "FilterStatus");
    CHECK(desc.c_field == DHCPM_FIELD_FILTER_STATUS);
    CHECK_U64(desc.x64_offset, 92);
    CHECK_U64(desc.x86_offset, 64);
  }
  value = decode_vector("family/DHCP_CLIENT_INFO_PB.typical", "ndr64", DHCPM_TYPE_DHCP_CLIENT_INFO_PB);
  if (value != NULL) {
    CHECK_STATUS(dhcpm_value_get(value, DHCPM_FIELD_FILTER_STATUS, &number), DHCPM_OK);
    CHECK_U64(number, 1);
    CHECK_STATUS(dhcpm_value_get(value, DHCPM_FIELD_CLIENT_IP_ADDRESS, &number), DHCPM_OK);
    CHECK_U64(number, 0xC0A8012Au); /* 192.168.1.42 */
    /* A member the record does not have. */
    CHECK_STATUS(dhcpm_value_get(value, DHCPM_FIELD_SENT_POT_EXP_TIME, &number), DHCPM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(dhcpm_value_set(value, DHCPM_FIELD_FILTER_STATUS, 8), DHCPM_OK);
    CHECK_STATUS(dhcpm_value_get(value, DHCPM_FIELD_FILTER_STATUS, &number), DHCPM_OK);
    CHECK_U64(number, 8);
    dhcpm_value_free(value);
  }
}
