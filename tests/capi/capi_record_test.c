/* Any record of any type from C, by its schema (dhcpm_record.h): a generic
 * walk over dhcpm_field_info reads every field of every family vector,
 * elements, properties and union arms included; spot values against the
 * vectors' JSON; values to and from JSON (the CLI's text, byte for byte) and
 * from the generator. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"
#include "dhcpm/dhcpm.h"

/* What a generic walk met. */
struct walk_totals {
  size_t records;  /* non-NULL records visited, the top one included */
  size_t nulls;    /* NULL element pointers met */
  size_t numbers;  /* number fields read (DataLength included) */
  size_t strings;  /* strings read, NULL ones included */
};

/* Reads every field of the record through its schema, as a generic consumer
 * (an analyzer, another language's binding) does, and every record it leads to. */
static void walk(dhcpm_record record, struct walk_totals* totals) {
  const size_t count = dhcpm_field_count(record.type);
  size_t i;
  ++totals->records;
  for (i = 0; i < count; ++i) {
    dhcpm_field_desc desc;
    uint64_t number = 0;
    const uint16_t* units = NULL;
    const uint8_t* bytes = NULL;
    size_t size = 0;
    size_t elements = 0;
    size_t e;
    int is_null = 0;
    if (!CHECK_STATUS(dhcpm_field_info(record.type, i, &desc), DHCPM_OK)) return;
    switch (desc.kind) {
      case DHCPM_KIND_U8:
      case DHCPM_KIND_U16:
      case DHCPM_KIND_ENUM16:
      case DHCPM_KIND_U32:
      case DHCPM_KIND_IPV4:
      case DHCPM_KIND_FILETIME:
        if (CHECK_STATUS(dhcpm_record_number(record, i, &number), DHCPM_OK)) ++totals->numbers;
        CHECK_STATUS(dhcpm_record_string(record, i, &units, &size), DHCPM_ERR_INVALID_ARGUMENT);
        break;
      case DHCPM_KIND_BINARY_DATA:
        if (CHECK_STATUS(dhcpm_record_number(record, i, &number), DHCPM_OK)) ++totals->numbers;
        CHECK_STATUS(dhcpm_record_bytes(record, i, &bytes, &size), DHCPM_OK);
        if (bytes != NULL) CHECK_U64(size, number); /* strict decoding: DataLength bytes */
        break;
      case DHCPM_KIND_LPWSTR:
        if (CHECK_STATUS(dhcpm_record_string(record, i, &units, &size), DHCPM_OK)) ++totals->strings;
        CHECK(units != NULL || size == 0);
        CHECK_STATUS(dhcpm_record_number(record, i, &number), DHCPM_ERR_INVALID_ARGUMENT);
        break;
      case DHCPM_KIND_POINTER_ARRAY:
      case DHCPM_KIND_STRUCT_ARRAY:
      case DHCPM_KIND_STRUCT_POINTER:
        if (!CHECK_STATUS(dhcpm_record_element_count(record, i, &elements, &is_null), DHCPM_OK)) break;
        if (is_null) CHECK_U64(elements, 0);
        for (e = 0; e < elements; ++e) {
          dhcpm_record element;
          if (!CHECK_STATUS(dhcpm_record_element(record, i, e, &element), DHCPM_OK)) continue;
          CHECK((int)element.type == desc.element_type);
          if (element.at == NULL) {
            ++totals->nulls;
          } else {
            walk(element, totals);
          }
        }
        {
          dhcpm_record past;
          CHECK_STATUS(dhcpm_record_element(record, i, elements, &past), DHCPM_ERR_INVALID_ARGUMENT);
        }
        break;
      case DHCPM_KIND_STRUCTURE:
      case DHCPM_KIND_UNION:
        /* Their members are fields of their own. */
        CHECK_STATUS(dhcpm_record_number(record, i, &number), DHCPM_ERR_INVALID_ARGUMENT);
        CHECK_STATUS(dhcpm_record_element_count(record, i, &elements, NULL), DHCPM_ERR_INVALID_ARGUMENT);
        break;
      default:
        CHECK(!"a field kind this test does not know");
    }
  }
  {
    uint64_t number;
    CHECK_STATUS(dhcpm_record_number(record, count, &number), DHCPM_ERR_INVALID_ARGUMENT);
  }
}

/* Whether units are the ASCII text. */
static int units_are(const uint16_t* units, size_t count, const char* ascii) {
  size_t i;
  if (units == NULL || count != strlen(ascii)) return 0;
  for (i = 0; i < count; ++i) {
    if (units[i] != (uint16_t)(unsigned char)ascii[i]) return 0;
  }
  return 1;
}

/* The index of the type's field at this path, or the field count. */
static size_t field_index(dhcpm_type type, const char* path) {
  const size_t count = dhcpm_field_count(type);
  size_t i;
  for (i = 0; i < count; ++i) {
    dhcpm_field_desc desc;
    if (dhcpm_field_info(type, i, &desc) == DHCPM_OK && strcmp(desc.path, path) == 0) return i;
  }
  CHECK(!"a field path of the schema");
  return count;
}

/* Every family vector of the type and variant, in the three NDR layouts, walked. */
static struct walk_totals walk_vector(const char* type_name, const char* variant) {
  static const char* const layouts[] = {"ndr20", "ndr20be", "ndr64"};
  struct walk_totals first = {0, 0, 0, 0};
  char name[128];
  dhcpm_type type;
  size_t l;
  snprintf(name, sizeof name, "family/%s.%s", type_name, variant);
  if (!CHECK_STATUS(dhcpm_type_from_name(type_name, &type), DHCPM_OK)) return first;
  for (l = 0; l < 3; ++l) {
    struct walk_totals totals = {0, 0, 0, 0};
    dhcpm_value* value = decode_vector(name, layouts[l], type);
    if (value == NULL) continue;
    walk(dhcpm_value_record(value), &totals);
    if (l == 0) {
      first = totals;
    } else {
      /* The same value in every layout. */
      CHECK_U64(totals.records, first.records);
      CHECK_U64(totals.numbers, first.numbers);
    }
    dhcpm_value_free(value);
  }
  return first;
}

static void test_generic_walk(void) {
  static const char* const records[] = {"DHCP_CLIENT_INFO",    "DHCP_CLIENT_INFO_V4", "DHCP_CLIENT_INFO_V5",
                                        "DHCP_CLIENT_INFO_VQ", "DHCP_CLIENT_FILTER_STATUS_INFO",
                                        "DHCP_CLIENT_INFO_PB", "DHCP_CLIENT_INFO_EX"};
  static const char* const record_variants[] = {"minimal", "typical", "unicode", "extremes"};
  static const char* const arrays[] = {"DHCP_CLIENT_INFO_ARRAY",    "DHCP_CLIENT_INFO_ARRAY_V4",
                                       "DHCP_CLIENT_INFO_ARRAY_V5", "DHCP_CLIENT_INFO_ARRAY_VQ",
                                       "DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY", "DHCP_CLIENT_INFO_PB_ARRAY",
                                       "DHCP_CLIENT_INFO_EX_ARRAY"};
  size_t t;
  size_t v;
  struct walk_totals totals;
  for (t = 0; t < sizeof records / sizeof records[0]; ++t) {
    for (v = 0; v < sizeof record_variants / sizeof record_variants[0]; ++v) walk_vector(records[t], record_variants[v]);
  }
  for (t = 0; t < sizeof arrays / sizeof arrays[0]; ++t) {
    /* "3": three records; "with-null": a NULL element among them; "null": Clients NULL. */
    totals = walk_vector(arrays[t], "3");
    if (strcmp(arrays[t], "DHCP_CLIENT_INFO_EX_ARRAY") == 0) {
      CHECK(totals.records > 4); /* and each client's properties */
    } else {
      CHECK_U64(totals.records, 4);
    }
    CHECK_U64(totals.nulls, 0);
    totals = walk_vector(arrays[t], "with-null");
    CHECK(totals.nulls >= 1);
    totals = walk_vector(arrays[t], "null");
    CHECK_U64(totals.records, 1);
    walk_vector(arrays[t], "random-50");
  }
}

/* Values the vectors' JSON gives, read by path. */
static void test_spot_values(void) {
  dhcpm_value* value;
  dhcpm_record array;
  dhcpm_record client;
  dhcpm_record properties;
  dhcpm_record property;
  const uint16_t* units;
  const uint8_t* bytes;
  size_t count;
  uint64_t number;
  int is_null;
  const dhcpm_type pb = DHCPM_TYPE_DHCP_CLIENT_INFO_PB;
  const dhcpm_type prop = DHCPM_TYPE_DHCP_PROPERTY;

  value = decode_vector("family/DHCP_CLIENT_INFO_PB_ARRAY.3", "ndr64", DHCPM_TYPE_DHCP_CLIENT_INFO_PB_ARRAY);
  if (value != NULL) {
    array = dhcpm_value_record(value);
    CHECK(array.type == DHCPM_TYPE_DHCP_CLIENT_INFO_PB_ARRAY && array.at != NULL);
    CHECK_STATUS(dhcpm_record_number(array, 0, &number), DHCPM_OK); /* NumElements */
    CHECK_U64(number, 3);
    CHECK_STATUS(dhcpm_record_element_count(array, 1, &count, &is_null), DHCPM_OK);
    CHECK_U64(count, 3);
    CHECK(!is_null);
    if (CHECK_STATUS(dhcpm_record_element(array, 1, 0, &client), DHCPM_OK)) {
      CHECK(client.type == pb);
      CHECK_STATUS(dhcpm_record_string(client, field_index(pb, "ClientName"), &units, &count), DHCPM_OK);
      CHECK(units_are(units, count, "laptop-42.corp.example.com"));
      {
        char name[64];
        size_t length = 0;
        CHECK_STATUS(dhcpm_record_string_utf8(client, field_index(pb, "ClientName"), name, sizeof name, &length),
                     DHCPM_OK);
        CHECK_STRING(name, "laptop-42.corp.example.com");
        CHECK_STATUS(dhcpm_record_string_utf8(client, field_index(pb, "ClientName"), name, 26, &length),
                     DHCPM_ERR_BUFFER_TOO_SMALL);
        CHECK_U64(length, 26);
        CHECK_STATUS(dhcpm_record_string_utf8(client, field_index(pb, "FilterStatus"), name, sizeof name, &length),
                     DHCPM_ERR_INVALID_ARGUMENT);
      }
      CHECK_STATUS(dhcpm_record_string(client, field_index(pb, "OwnerHost.HostName"), &units, &count), DHCPM_OK);
      CHECK(units_are(units, count, "dhcp-a.corp.example.com"));
      CHECK_STATUS(dhcpm_record_number(client, field_index(pb, "FilterStatus"), &number), DHCPM_OK);
      CHECK_U64(number, 1);
      CHECK_STATUS(dhcpm_record_number(client, field_index(pb, "ClientLeaseExpires"), &number), DHCPM_OK);
      CHECK_U64(number, 134410230000000000u);
      CHECK_STATUS(dhcpm_record_bytes(client, field_index(pb, "ClientHardwareAddress"), &bytes, &count), DHCPM_OK);
      CHECK_BYTES(bytes, count, (const uint8_t*)"\x00\x15\x5d\x0a\x0b\x2a", 6);
    }
    if (CHECK_STATUS(dhcpm_record_element(array, 1, 1, &client), DHCPM_OK)) {
      /* "ClientComment": null */
      units = (const uint16_t*)1;
      CHECK_STATUS(dhcpm_record_string(client, field_index(pb, "ClientComment"), &units, &count), DHCPM_OK);
      CHECK(units == NULL && count == 0);
    }
    dhcpm_value_free(value);
  }

  /* A DHCP_CLIENT_INFO_EX: Properties points to a DHCP_PROPERTY_ARRAY of five, one per arm. */
  value = decode_vector("family/DHCP_CLIENT_INFO_EX.typical", "ndr20be", DHCPM_TYPE_DHCP_CLIENT_INFO_EX);
  if (value != NULL) {
    client = dhcpm_value_record(value);
    CHECK_STATUS(dhcpm_record_element_count(client, field_index(DHCPM_TYPE_DHCP_CLIENT_INFO_EX, "Properties"), &count,
                                            &is_null),
                 DHCPM_OK);
    CHECK_U64(count, 1);
    if (CHECK_STATUS(dhcpm_record_element(client, field_index(DHCPM_TYPE_DHCP_CLIENT_INFO_EX, "Properties"), 0,
                                          &properties),
                     DHCPM_OK)) {
      CHECK(properties.type == DHCPM_TYPE_DHCP_PROPERTY_ARRAY);
      CHECK_STATUS(dhcpm_record_element_count(properties, 1, &count, NULL), DHCPM_OK);
      CHECK_U64(count, 5);
      if (CHECK_STATUS(dhcpm_record_element(properties, 1, 0, &property), DHCPM_OK)) {
        CHECK(property.type == prop);
        CHECK_STATUS(dhcpm_record_number(property, field_index(prop, "Type"), &number), DHCPM_OK);
        CHECK_U64(number, 3);
        CHECK_STATUS(dhcpm_record_string(property, field_index(prop, "Value.StringValue"), &units, &count), DHCPM_OK);
        CHECK(units_are(units, count, "corp.example.com"));
      }
      if (CHECK_STATUS(dhcpm_record_element(properties, 1, 3, &property), DHCPM_OK)) {
        CHECK_STATUS(dhcpm_record_number(property, field_index(prop, "Value.WordValue"), &number), DHCPM_OK);
        CHECK_U64(number, 4660);
      }
      if (CHECK_STATUS(dhcpm_record_element(properties, 1, 4, &property), DHCPM_OK)) {
        CHECK_STATUS(dhcpm_record_bytes(property, field_index(prop, "Value.BinaryValue"), &bytes, &count), DHCPM_OK);
        CHECK_BYTES(bytes, count, (const uint8_t*)"\x0a\x0b\x0c", 3);
      }
      CHECK_STATUS(dhcpm_record_element(properties, 1, 5, &property), DHCPM_ERR_INVALID_ARGUMENT);
    }
    dhcpm_value_free(value);
  }

  /* Handles that lead nowhere. */
  {
    dhcpm_record nothing = {DHCPM_TYPE_DHCP_CLIENT_INFO, NULL};
    dhcpm_record bad_type = {DHCPM_TYPE_COUNT, &nothing};
    CHECK_STATUS(dhcpm_record_number(nothing, 0, &number), DHCPM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(dhcpm_record_number(bad_type, 0, &number), DHCPM_ERR_INVALID_ARGUMENT);
    CHECK(dhcpm_value_record(NULL).at == NULL);
  }
}

/* The value's JSON is the CLI's text, and the text gives the value (and so the bytes) back. */
static void json_round_trip(const char* type_name, const char* variant, const char* layout_name) {
  char name[128];
  dhcpm_type type;
  dhcpm_layout layout;
  dhcpm_format format;
  dhcpm_value* value;
  dhcpm_value* back = NULL;
  dhcpm_error error;
  char* json = NULL;
  size_t length = 0;
  uint8_t* bytes = NULL;
  size_t size = 0;
  struct buffer file;
  struct buffer input;
  snprintf(name, sizeof name, "family/%s.%s", type_name, variant);
  if (!CHECK_STATUS(dhcpm_type_from_name(type_name, &type), DHCPM_OK) ||
      !CHECK_STATUS(dhcpm_layout_from_name(layout_name, &layout), DHCPM_OK)) {
    return;
  }
  value = decode_vector(name, layout_name, type);
  if (value == NULL) return;
  file = read_json(name);
  if (CHECK_STATUS(dhcpm_value_to_json(value, &json, &length, &error), DHCPM_OK)) {
    CHECK(same_json(json, length, &file));
    CHECK_U64(strlen(json), length);
    if (CHECK_STATUS(dhcpm_value_from_json(json, length, type, &back, &error), DHCPM_OK)) {
      dhcpm_format_init(&format, layout, type);
      input = read_vector(name, layout_name);
      if (CHECK_STATUS(dhcpm_encode(back, &format, &bytes, &size, &error), DHCPM_OK)) {
        CHECK_BYTES(bytes, size, input.data, input.size);
        dhcpm_free(bytes);
      }
      free_buffer(&input);
      dhcpm_value_free(back);
    }
    dhcpm_free(json);
  }
  free_buffer(&file);
  dhcpm_value_free(value);
}

static void test_value_json(void) {
  dhcpm_value* value = NULL;
  dhcpm_error error;
  dhcpm_format format;
  uint8_t* bytes = NULL;
  size_t size = 0;
  char* json = NULL;
  size_t length = 0;
  static const char bad_address[] = "{\"SearchType\": 0, \"SearchInfo\": {\"SearchType\": 0, \"ClientIpAddress\": \"10.1\"}}";

  json_round_trip("DHCP_CLIENT_INFO_EX", "unicode", "ndr64");
  json_round_trip("DHCP_CLIENT_INFO_EX", "extremes", "ndr20");
  json_round_trip("DHCP_CLIENT_INFO_PB_ARRAY", "with-null", "ndr20be");
  json_round_trip("DHCP_CLIENT_INFO_ARRAY_VQ", "random-50", "ndr64");
  json_round_trip("DHCP_CLIENT_FILTER_STATUS_INFO", "typical", "ndr20");

  /* null: a NULL value, which ptr framing encodes as a NULL referent id. */
  if (CHECK_STATUS(dhcpm_value_from_json("null", 4, DHCPM_TYPE_DHCP_CLIENT_INFO_V4, &value, &error), DHCPM_OK)) {
    CHECK(dhcpm_value_is_null(value));
    CHECK(dhcpm_value_record(value).at == NULL);
    dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_DHCP_CLIENT_INFO_V4);
    format.framing = DHCPM_FRAMING_PTR;
    if (CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, &error), DHCPM_OK)) {
      CHECK_BYTES(bytes, size, (const uint8_t*)"\0\0\0\0", 4);
      dhcpm_free(bytes);
    }
    if (CHECK_STATUS(dhcpm_value_to_json(value, &json, &length, NULL), DHCPM_OK)) {
      CHECK_STRING(json, "null");
      dhcpm_free(json);
    }
    dhcpm_value_free(value);
  }

  /* Any UTF-16, an unpaired surrogate included: kept, and refused only as UTF-8. */
  {
    struct buffer file = read_json("family/DHCP_CLIENT_INFO.typical");
    static const char name[] = "\"laptop-42.corp.example.com\"";
    static const char lone[] = "{\"utf16\": [55296, 65]}";
    const char* at = file.data != NULL ? strstr((const char*)file.data, name) : NULL;
    if (CHECK(at != NULL)) {
      char text[4096];
      const size_t before = (size_t)(at - (const char*)file.data);
      const uint16_t* units = NULL;
      size_t count = 0;
      char utf8[16];
      size_t utf8_length = 0;
      const size_t name_field = field_index(DHCPM_TYPE_DHCP_CLIENT_INFO, "ClientName");
      snprintf(text, sizeof text, "%.*s%s%s", (int)before, (const char*)file.data, lone, at + strlen(name));
      if (CHECK_STATUS(dhcpm_value_from_json(text, strlen(text), DHCPM_TYPE_DHCP_CLIENT_INFO, &value, &error),
                       DHCPM_OK)) {
        CHECK_STATUS(dhcpm_record_string(dhcpm_value_record(value), name_field, &units, &count), DHCPM_OK);
        CHECK(count == 2 && units[0] == 0xD800 && units[1] == 'A');
        CHECK_STATUS(dhcpm_record_string_utf8(dhcpm_value_record(value), name_field, utf8, sizeof utf8, &utf8_length),
                     DHCPM_ERR_INVALID_UTF16);
        dhcpm_value_free(value);
      }
    }
    free_buffer(&file);
  }

  /* Bad JSON: the code and the member's path. */
  CHECK_STATUS(dhcpm_value_from_json(bad_address, sizeof bad_address - 1, DHCPM_TYPE_DHCP_SEARCH_INFO, &value, &error),
               DHCPM_ERR_INVALID_JSON);
  CHECK(value == NULL);
  CHECK_STRING(error.path, "SearchInfo.ClientIpAddress");
  CHECK_STATUS(dhcpm_value_from_json("{", 1, DHCPM_TYPE_DHCP_CLIENT_INFO, &value, &error), DHCPM_ERR_INVALID_JSON);
  CHECK_STATUS(dhcpm_value_from_json("{}", 2, DHCPM_TYPE_COUNT, &value, &error), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_value_to_json(NULL, &json, &length, &error), DHCPM_ERR_INVALID_ARGUMENT);
}

/* Generated values: the same for a seed, and through every NDR layout unchanged. */
static void test_generate(void) {
  static const dhcpm_layout layouts[] = {DHCPM_LAYOUT_NDR20, DHCPM_LAYOUT_NDR20BE, DHCPM_LAYOUT_NDR64};
  int t;
  size_t l;
  for (t = DHCPM_TYPE_DHCP_CLIENT_INFO; t < DHCPM_TYPE_COUNT; ++t) {
    dhcpm_value* value = NULL;
    dhcpm_value* again = NULL;
    char* json = NULL;
    char* json_again = NULL;
    size_t length = 0;
    size_t length_again = 0;
    if (!CHECK_STATUS(dhcpm_value_generate((dhcpm_type)t, 7, &value), DHCPM_OK)) continue;
    CHECK(dhcpm_value_type(value) == (dhcpm_type)t);
    CHECK_STATUS(dhcpm_value_generate((dhcpm_type)t, 7, &again), DHCPM_OK);
    CHECK_STATUS(dhcpm_value_to_json(value, &json, &length, NULL), DHCPM_OK);
    CHECK_STATUS(dhcpm_value_to_json(again, &json_again, &length_again, NULL), DHCPM_OK);
    CHECK(json != NULL && json_again != NULL && strcmp(json, json_again) == 0);
    for (l = 0; l < 3; ++l) {
      dhcpm_format format;
      dhcpm_error error;
      uint8_t* bytes = NULL;
      size_t size = 0;
      dhcpm_value* decoded = NULL;
      char* json_decoded = NULL;
      size_t length_decoded = 0;
      dhcpm_format_init(&format, layouts[l], (dhcpm_type)t);
      if (!CHECK_STATUS(dhcpm_encode(value, &format, &bytes, &size, &error), DHCPM_OK)) continue;
      if (CHECK_STATUS(dhcpm_decode(bytes, size, &format, NULL, &decoded, &error), DHCPM_OK)) {
        CHECK_STATUS(dhcpm_value_to_json(decoded, &json_decoded, &length_decoded, NULL), DHCPM_OK);
        CHECK(json_decoded != NULL && json != NULL && strcmp(json, json_decoded) == 0);
        dhcpm_free(json_decoded);
        dhcpm_value_free(decoded);
      }
      dhcpm_free(bytes);
    }
    dhcpm_free(json);
    dhcpm_free(json_again);
    dhcpm_value_free(value);
    dhcpm_value_free(again);
  }
  CHECK_STATUS(dhcpm_value_generate(DHCPM_TYPE_COUNT, 7, NULL), DHCPM_ERR_INVALID_ARGUMENT);
}

void test_records(void) {
  test_generic_walk();
  test_spot_values();
  test_value_json();
  test_generate();
}
