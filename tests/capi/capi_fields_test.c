/* Every field of the golden vectors through the C API readers, against the
 * values of their .json files: integers, strings as UTF-8 and as UTF-16,
 * NULL against empty, Data bytes, array elements and NULL elements. */
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"

/* The integer fields of typical.json, in dhcpm_field order. */
static const uint64_t typical_integers[DHCPM_FIELD_COUNT] = {
    0xC0A8010Au,          /* ClientIpAddress 192.168.1.10 */
    0xFFFFFF00u,          /* SubnetMask 255.255.255.0 */
    11u,                  /* ClientHardwareAddress.DataLength */
    134410230000000000u,  /* ClientLeaseExpires */
    0xC0A80102u,          /* OwnerHost.IpAddress 192.168.1.2 */
    1u,                   /* bClientType */
    41u,                  /* AddressState */
    6u,                   /* Status */
    0u,                   /* ProbationEnds */
    0u,                   /* QuarantineCapable */
    1764322200u,          /* SentPotExpTime */
    1764322200u,          /* AckPotExpTime */
    1764322260u,          /* RecvPotExpTime */
    1764318600u,          /* StartTime */
    1764318600u,          /* CltLastTransTime */
    1764318605u,          /* LastBndUpdTime */
    0u,                   /* BndMsgStatus */
    0u,                   /* Flags */
};
static const uint8_t typical_data[] = {0x00, 0x01, 0xa8, 0xc0, 0x01, 0x00, 0x15, 0x5d, 0x0a, 0x0b, 0x0c};

static void check_typical_record(const dhcpm_client* c) {
  size_t size = 0;
  const uint8_t* data;
  int f;
  if (!CHECK(c != NULL)) return;
  for (f = 0; f < DHCPM_FIELD_COUNT; ++f) {
    if (!CHECK_U64(dhcpm_client_get(c, (dhcpm_field)f), typical_integers[f])) {
      CHECK_STRING(dhcpm_field_name((dhcpm_field)f), "(this field)");
    }
  }
  CHECK_STRING(utf8_of(c, DHCPM_STRING_CLIENT_NAME), "laptop-42.corp.example.com");
  CHECK_STRING(utf8_of(c, DHCPM_STRING_CLIENT_COMMENT), "Finance floor 3");
  CHECK_STRING(utf8_of(c, DHCPM_STRING_OWNER_NET_BIOS_NAME), "DHCP-A");
  CHECK_STRING(utf8_of(c, DHCPM_STRING_OWNER_HOST_NAME), "dhcp-a.corp.example.com");
  CHECK_STRING(utf8_of(c, DHCPM_STRING_POLICY_NAME), "Laptops");
  CHECK(!dhcpm_client_data_is_null(c));
  data = dhcpm_client_data(c, &size);
  CHECK_BYTES(data, size, typical_data, sizeof typical_data);
}

/* typical in every layout and framing that carries a client. */
static void check_typical(void) {
  static const char* const suffixes[] = {"ndr20",          "ndr20be",       "ndr64",        "ptr.ndr20",
                                         "ptr.ndr64",      "response.ndr20", "response.ndr64", "pickle.ndr20",
                                         "pickle.ndr20be", "pickle.ndr64",  "pickle2.ndr20", "x64",
                                         "x86",            "foreign.ndr64"};
  size_t i;
  for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; ++i) {
    dhcpm_value* value = decode_vector("typical", suffixes[i], DHCPM_TYPE_CLIENT);
    if (value == NULL) continue;
    CHECK(dhcpm_value_type(value) == DHCPM_TYPE_CLIENT);
    check_typical_record(dhcpm_value_client(value));
    /* A client value has no array side. */
    CHECK_U64(dhcpm_array_size(value), 0);
    CHECK(dhcpm_array_element(value, 0) == NULL);
    dhcpm_value_free(value);
  }
}

static void check_unicode(void) {
  static const uint8_t data[] = {0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa};
  dhcpm_value* value = decode_vector("unicode", "ndr20be", DHCPM_TYPE_CLIENT);
  const dhcpm_client* c = dhcpm_value_client(value);
  const uint16_t* units;
  size_t count = 0;
  size_t size = 0;
  char small[4];
  size_t length = 0;
  if (!CHECK(c != NULL)) return;
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_CLIENT_IP_ADDRESS), 0x0A010203u);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_SUBNET_MASK), 0xFFFF0000u);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_OWNER_IP_ADDRESS), 0x0A010001u);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_CLIENT_TYPE), 3);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_STATUS), 3);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_PROBATION_ENDS), 134432352000000000u);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_QUARANTINE_CAPABLE), 1);
  CHECK_STRING(utf8_of(c, DHCPM_STRING_CLIENT_NAME), "Zo\xc3\xab-M\xc3\xbcller-PC");
  CHECK_STRING(utf8_of(c, DHCPM_STRING_CLIENT_COMMENT),
               "B\xc3\xbcro \xe2\x80\x93 \xe4\xbc\x9a\xe8\xae\xae\xe5\xae\xa4 \xf0\x9f\x96\xa8 printer");
  CHECK_STRING(utf8_of(c, DHCPM_STRING_OWNER_NET_BIOS_NAME), "\xce\x94HCP");
  CHECK_STRING(utf8_of(c, DHCPM_STRING_OWNER_HOST_NAME),
               "\xd1\x81\xd0\xb5\xd1\x80\xd0\xb2\xd0\xb5\xd1\x80.\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80");
  CHECK_STRING(utf8_of(c, DHCPM_STRING_POLICY_NAME), "\xf0\x9f\x94\x92 secure");
  /* The raw units: U+1F512 is the surrogate pair D83D DD12. */
  units = dhcpm_client_string_utf16(c, DHCPM_STRING_POLICY_NAME, &count);
  if (CHECK(units != NULL) && CHECK_U64(count, 9)) {
    CHECK_U64(units[0], 0xD83D);
    CHECK_U64(units[1], 0xDD12);
    CHECK_U64(units[2], ' ');
    CHECK_U64(units[8], 'e');
  }
  /* UTF-8 into a buffer too small: the length, and nothing written. */
  small[0] = 'x';
  CHECK_STATUS(dhcpm_client_string_utf8(c, DHCPM_STRING_POLICY_NAME, small, sizeof small, &length),
               DHCPM_ERR_BUFFER_TOO_SMALL);
  CHECK_U64(length, 11);
  CHECK(small[0] == 'x');
  CHECK_STATUS(dhcpm_client_string_utf8(c, DHCPM_STRING_POLICY_NAME, NULL, 0, &length), DHCPM_ERR_BUFFER_TOO_SMALL);
  CHECK_U64(length, 11);
  {
    const uint8_t* bytes = dhcpm_client_data(c, &size);
    CHECK_BYTES(bytes, size, data, sizeof data);
  }
  dhcpm_value_free(value);
}

/* minimal: NULL everywhere; empty-strings: non-NULL and empty everywhere. */
static void check_null_and_empty(void) {
  dhcpm_value* minimal = decode_vector("minimal", "ndr64", DHCPM_TYPE_CLIENT);
  dhcpm_value* empty = decode_vector("empty-strings", "x86", DHCPM_TYPE_CLIENT);
  const dhcpm_client* m = dhcpm_value_client(minimal);
  const dhcpm_client* e = dhcpm_value_client(empty);
  size_t count = 99;
  char text[8];
  size_t length = 99;
  int s;
  int f;
  if (CHECK(m != NULL)) {
    for (f = 0; f < DHCPM_FIELD_COUNT; ++f) CHECK_U64(dhcpm_client_get(m, (dhcpm_field)f), 0);
    for (s = 0; s < DHCPM_STRING_COUNT; ++s) {
      CHECK(dhcpm_client_string_is_null(m, (dhcpm_string_field)s));
      CHECK(dhcpm_client_string_utf16(m, (dhcpm_string_field)s, &count) == NULL);
      CHECK_U64(count, 0);
      CHECK_STATUS(dhcpm_client_string_utf8(m, (dhcpm_string_field)s, text, sizeof text, &length), DHCPM_OK);
      CHECK_U64(length, 0);
    }
    CHECK(dhcpm_client_data_is_null(m));
    CHECK(dhcpm_client_data(m, &count) == NULL);
  }
  if (CHECK(e != NULL)) {
    CHECK_U64(dhcpm_client_get(e, DHCPM_FIELD_OWNER_IP_ADDRESS), 0x0A000001u);
    for (s = 0; s < DHCPM_STRING_COUNT; ++s) {
      count = 99;
      CHECK(!dhcpm_client_string_is_null(e, (dhcpm_string_field)s));
      CHECK(dhcpm_client_string_utf16(e, (dhcpm_string_field)s, &count) != NULL);
      CHECK_U64(count, 0);
      CHECK_STRING(utf8_of(e, (dhcpm_string_field)s), "");
    }
    CHECK(!dhcpm_client_data_is_null(e));
    CHECK(dhcpm_client_data(e, &count) != NULL);
    CHECK_U64(count, 0);
  }
  dhcpm_value_free(minimal);
  dhcpm_value_free(empty);
}

static void check_extremes(void) {
  dhcpm_value* value = decode_vector("extremes", "pickle.ndr64", DHCPM_TYPE_CLIENT);
  const dhcpm_client* c = dhcpm_value_client(value);
  size_t count = 0;
  const uint16_t* units;
  if (!CHECK(c != NULL)) return;
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_CLIENT_IP_ADDRESS), 0xFFFFFFFFu);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_DATA_LENGTH), 20);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_CLIENT_LEASE_EXPIRES), UINT64_MAX);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_CLIENT_TYPE), 100);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_ADDRESS_STATE), 255);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_PROBATION_ENDS), 9223372036854775808u);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_BND_MSG_STATUS), 4294967295u);
  CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_FLAGS), 255);
  CHECK(dhcpm_client_string_is_null(c, DHCPM_STRING_CLIENT_NAME));
  CHECK_STRING(utf8_of(c, DHCPM_STRING_OWNER_NET_BIOS_NAME), "NNNNNNNNNNNNNNN");
  units = dhcpm_client_string_utf16(c, DHCPM_STRING_OWNER_HOST_NAME, &count);
  CHECK_U64(count, 255);
  if (CHECK(units != NULL)) CHECK_U64(units[254], 'h');
  dhcpm_client_string_utf16(c, DHCPM_STRING_POLICY_NAME, &count);
  CHECK_U64(count, 1000);
  dhcpm_value_free(value);
}

static void check_arrays(void) {
  dhcpm_value* with_null = decode_vector("array-with-null", "ptr.ndr64", DHCPM_TYPE_ARRAY);
  dhcpm_value* null_clients = decode_vector("array-null", "ndr20be", DHCPM_TYPE_ARRAY);
  dhcpm_value* empty = decode_vector("array-empty", "x64", DHCPM_TYPE_ARRAY);
  dhcpm_value* random50 = decode_vector("array-random-50", "pickle2.ndr20", DHCPM_TYPE_ARRAY);
  const dhcpm_client* c;
  if (CHECK(with_null != NULL)) {
    CHECK(dhcpm_value_type(with_null) == DHCPM_TYPE_ARRAY);
    CHECK(dhcpm_value_client(with_null) == NULL);
    CHECK_U64(dhcpm_array_num_elements(with_null), 3);
    CHECK_U64(dhcpm_array_size(with_null), 3);
    CHECK(!dhcpm_array_clients_is_null(with_null));
    CHECK(!dhcpm_array_element_is_null(with_null, 0));
    CHECK(dhcpm_array_element_is_null(with_null, 1));
    CHECK(!dhcpm_array_element_is_null(with_null, 2));
    CHECK(!dhcpm_array_element_is_null(with_null, 3)); /* out of range is not a NULL element */
    check_typical_record(dhcpm_array_element(with_null, 0));
    CHECK(dhcpm_array_element(with_null, 1) == NULL);
    c = dhcpm_array_element(with_null, 2);
    if (CHECK(c != NULL)) {
      CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_OWNER_IP_ADDRESS), 0x0A000001u);
      CHECK_STRING(utf8_of(c, DHCPM_STRING_POLICY_NAME), "");
    }
    CHECK(dhcpm_array_element(with_null, 3) == NULL);
  }
  if (CHECK(null_clients != NULL)) {
    CHECK(dhcpm_array_clients_is_null(null_clients));
    CHECK_U64(dhcpm_array_size(null_clients), 0);
    CHECK_U64(dhcpm_array_num_elements(null_clients), 0);
  }
  if (CHECK(empty != NULL)) {
    CHECK(!dhcpm_array_clients_is_null(empty));
    CHECK_U64(dhcpm_array_size(empty), 0);
  }
  if (CHECK(random50 != NULL)) {
    CHECK_U64(dhcpm_array_size(random50), 50);
    c = dhcpm_array_element(random50, 49);
    if (CHECK(c != NULL)) {
      CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_CLIENT_IP_ADDRESS), 0xBFDB3A3Eu); /* 191.219.58.62 */
      CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_CLIENT_LEASE_EXPIRES), 13257212998307871077u);
      CHECK_U64(dhcpm_client_get(c, DHCPM_FIELD_FLAGS), 37);
      CHECK_STRING(utf8_of(c, DHCPM_STRING_CLIENT_NAME), "Rj LlFC.PbSm3C");
      CHECK(dhcpm_client_string_is_null(c, DHCPM_STRING_CLIENT_COMMENT));
      CHECK_STRING(utf8_of(c, DHCPM_STRING_OWNER_NET_BIOS_NAME), "zu\xe4\xb8\xad" "6W");
    }
  }
  dhcpm_value_free(with_null);
  dhcpm_value_free(null_clients);
  dhcpm_value_free(empty);
  dhcpm_value_free(random50);
}

/* Names of fields, strings, layouts and statuses, and the version. */
static void check_names(void) {
  dhcpm_layout layout = DHCPM_LAYOUT_NDR20;
  int f;
  int g;
  for (f = 0; f < DHCPM_FIELD_COUNT; ++f) {
    CHECK(strcmp(dhcpm_field_name((dhcpm_field)f), "unknown") != 0);
    for (g = 0; g < f; ++g) CHECK(strcmp(dhcpm_field_name((dhcpm_field)f), dhcpm_field_name((dhcpm_field)g)) != 0);
  }
  CHECK_STRING(dhcpm_field_name(DHCPM_FIELD_DATA_LENGTH), "ClientHardwareAddress.DataLength");
  /* DHCPM_FIELD_COUNT numbers the plain record's fields; the _EX adds one after them. */
  CHECK_STRING(dhcpm_field_name(DHCPM_FIELD_ADDRESS_STATE_EX), "AddressStateEx");
  /* The family's own fields follow: each named as in the first type that has it. */
  CHECK_STRING(dhcpm_field_name(DHCPM_FIELD_FILTER_STATUS), "FilterStatus");
  CHECK_STRING(dhcpm_field_name(DHCPM_FIELD_SEARCH_TYPE), "SearchType");
  CHECK_STRING(dhcpm_field_name(DHCPM_FIELD_PROPERTY_ID), "ID");
  CHECK_STRING(dhcpm_field_name(DHCPM_FIELD_PROPERTY_TYPE), "Type");
  CHECK_STRING(dhcpm_field_name(DHCPM_FIELD_WORD_VALUE), "Value.WordValue");
  CHECK_STRING(dhcpm_field_name((dhcpm_field)(DHCPM_FIELD_DWORD_VALUE + 1)), "unknown");
  CHECK_STRING(dhcpm_string_field_name(DHCPM_STRING_STRING_VALUE), "Value.StringValue");
  CHECK_STRING(dhcpm_string_field_name((dhcpm_string_field)(DHCPM_STRING_STRING_VALUE + 1)), "unknown");
  CHECK_STRING(dhcpm_field_name((dhcpm_field)-1), "unknown");
  CHECK_STRING(dhcpm_string_field_name(DHCPM_STRING_OWNER_HOST_NAME), "OwnerHost.HostName");
  CHECK_STRING(dhcpm_layout_name(DHCPM_LAYOUT_PICKLE2_NDR20), "pickle2-ndr20");
  CHECK_STRING(dhcpm_layout_name(DHCPM_LAYOUT_AUTO), "auto");
  CHECK_STATUS(dhcpm_layout_from_name("pickle-ndr64", &layout), DHCPM_OK);
  CHECK(layout == DHCPM_LAYOUT_PICKLE_NDR64);
  CHECK_STATUS(dhcpm_layout_from_name("ndr99", &layout), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK(layout == DHCPM_LAYOUT_PICKLE_NDR64);
  CHECK_STRING(dhcpm_status_name(DHCPM_ERR_TRUNCATED), "truncated");
  CHECK_STRING(dhcpm_status_name(DHCPM_ERR_OVERLAPPING_POINTEE), "overlapping_pointee");
  CHECK_STRING(dhcpm_status_name(DHCPM_ERR_INVALID_UTF8), "invalid_utf8");
  CHECK_STRING(dhcpm_status_name(DHCPM_ERR_INVALID_REFERENT_ID), "invalid_referent_id");
  CHECK_STRING(dhcpm_status_name(DHCPM_ERR_INTERNAL), "internal_error");
  CHECK_STRING(dhcpm_status_name(DHCPM_OK), "ok");
  CHECK_STRING(dhcpm_version(), DHCPM_VERSION_STRING);
  CHECK(DHCPM_VERSION_NUMBER == DHCPM_VERSION_MAJOR * 10000 + DHCPM_VERSION_MINOR * 100 + DHCPM_VERSION_PATCH);
}

/* The exported schema: every field of the record in member order, the names
 * the readers use, the C constants, parents and native offsets (DESIGN.md §5). */
static void check_schema(void) {
  static const struct {
    const char* path;
    dhcpm_field_kind kind;
    int parent;
    int c_field;
    unsigned x64;
    unsigned x86;
  } expected[] = {
      {"ClientIpAddress", DHCPM_KIND_IPV4, -1, DHCPM_FIELD_CLIENT_IP_ADDRESS, 0, 0},
      {"SubnetMask", DHCPM_KIND_IPV4, -1, DHCPM_FIELD_SUBNET_MASK, 4, 4},
      {"ClientHardwareAddress", DHCPM_KIND_BINARY_DATA, -1, DHCPM_FIELD_DATA_LENGTH, 8, 8},
      {"ClientName", DHCPM_KIND_LPWSTR, -1, DHCPM_STRING_CLIENT_NAME, 24, 16},
      {"ClientComment", DHCPM_KIND_LPWSTR, -1, DHCPM_STRING_CLIENT_COMMENT, 32, 20},
      {"ClientLeaseExpires", DHCPM_KIND_FILETIME, -1, DHCPM_FIELD_CLIENT_LEASE_EXPIRES, 40, 24},
      {"OwnerHost", DHCPM_KIND_STRUCTURE, -1, -1, 48, 32},
      {"OwnerHost.IpAddress", DHCPM_KIND_IPV4, 6, DHCPM_FIELD_OWNER_IP_ADDRESS, 48, 32},
      {"OwnerHost.NetBiosName", DHCPM_KIND_LPWSTR, 6, DHCPM_STRING_OWNER_NET_BIOS_NAME, 56, 36},
      {"OwnerHost.HostName", DHCPM_KIND_LPWSTR, 6, DHCPM_STRING_OWNER_HOST_NAME, 64, 40},
      {"bClientType", DHCPM_KIND_U8, -1, DHCPM_FIELD_CLIENT_TYPE, 72, 44},
      {"AddressState", DHCPM_KIND_U8, -1, DHCPM_FIELD_ADDRESS_STATE, 73, 45},
      {"Status", DHCPM_KIND_ENUM16, -1, DHCPM_FIELD_STATUS, 76, 48},
      {"ProbationEnds", DHCPM_KIND_FILETIME, -1, DHCPM_FIELD_PROBATION_ENDS, 80, 52},
      {"QuarantineCapable", DHCPM_KIND_U32, -1, DHCPM_FIELD_QUARANTINE_CAPABLE, 88, 60},
      {"SentPotExpTime", DHCPM_KIND_U32, -1, DHCPM_FIELD_SENT_POT_EXP_TIME, 92, 64},
      {"AckPotExpTime", DHCPM_KIND_U32, -1, DHCPM_FIELD_ACK_POT_EXP_TIME, 96, 68},
      {"RecvPotExpTime", DHCPM_KIND_U32, -1, DHCPM_FIELD_RECV_POT_EXP_TIME, 100, 72},
      {"StartTime", DHCPM_KIND_U32, -1, DHCPM_FIELD_START_TIME, 104, 76},
      {"CltLastTransTime", DHCPM_KIND_U32, -1, DHCPM_FIELD_CLT_LAST_TRANS_TIME, 108, 80},
      {"LastBndUpdTime", DHCPM_KIND_U32, -1, DHCPM_FIELD_LAST_BND_UPD_TIME, 112, 84},
      {"BndMsgStatus", DHCPM_KIND_U32, -1, DHCPM_FIELD_BND_MSG_STATUS, 116, 88},
      {"PolicyName", DHCPM_KIND_LPWSTR, -1, DHCPM_STRING_POLICY_NAME, 120, 92},
      {"Flags", DHCPM_KIND_U8, -1, DHCPM_FIELD_FLAGS, 128, 96},
  };
  const size_t n = sizeof expected / sizeof expected[0];
  dhcpm_field_desc d;
  size_t i;
  CHECK(dhcpm_field_count(DHCPM_TYPE_CLIENT) == n);
  for (i = 0; i < n; ++i) {
    if (!CHECK_STATUS(dhcpm_field_info(DHCPM_TYPE_CLIENT, i, &d), DHCPM_OK)) continue;
    CHECK_STRING(d.path, expected[i].path);
    CHECK(strcmp(d.path + strlen(d.path) - strlen(d.name), d.name) == 0 && strchr(d.name, '.') == NULL);
    CHECK(d.kind == expected[i].kind);
    CHECK(d.parent == expected[i].parent);
    CHECK(d.c_field == expected[i].c_field);
    CHECK(d.x64_offset == expected[i].x64 && d.x86_offset == expected[i].x86);
    if (d.kind == DHCPM_KIND_LPWSTR) CHECK_STRING(dhcpm_string_field_name((dhcpm_string_field)d.c_field), d.path);
    if (d.kind == DHCPM_KIND_U32 || d.kind == DHCPM_KIND_FILETIME) {
      CHECK_STRING(dhcpm_field_name((dhcpm_field)d.c_field), d.path);
    }
  }
  CHECK(dhcpm_field_info(DHCPM_TYPE_CLIENT, 6, &d) == DHCPM_OK && strcmp(d.name, "OwnerHost") == 0);
  CHECK(dhcpm_field_info(DHCPM_TYPE_CLIENT, 9, &d) == DHCPM_OK && strcmp(d.name, "HostName") == 0);
  CHECK(d.meaning == DHCPM_MEANING_NONE);
  CHECK(dhcpm_field_info(DHCPM_TYPE_CLIENT, 12, &d) == DHCPM_OK && d.meaning == DHCPM_MEANING_QUARANTINE_STATUS);
  CHECK_STATUS(dhcpm_field_info(DHCPM_TYPE_CLIENT, n, &d), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_field_info(DHCPM_TYPE_CLIENT, 0, NULL), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK(dhcpm_field_count(DHCPM_TYPE_COUNT) == 0);
  CHECK(dhcpm_field_count((dhcpm_type)-1) == 0);
  CHECK(dhcpm_field_info(DHCPM_TYPE_CLIENT, 2, &d) == DHCPM_OK && d.element_type == -1);

  /* The _ARRAY's own description: its count, then the pointer to its records. */
  CHECK(dhcpm_field_count(DHCPM_TYPE_ARRAY) == 2);
  if (CHECK_STATUS(dhcpm_field_info(DHCPM_TYPE_ARRAY, 0, &d), DHCPM_OK)) {
    CHECK_STRING(d.path, "NumElements");
    CHECK(d.kind == DHCPM_KIND_U32 && d.x64_offset == 0 && d.x86_offset == 0 && d.element_type == -1);
  }
  if (CHECK_STATUS(dhcpm_field_info(DHCPM_TYPE_ARRAY, 1, &d), DHCPM_OK)) {
    CHECK_STRING(d.path, "Clients");
    CHECK(d.kind == DHCPM_KIND_POINTER_ARRAY && d.element_type == DHCPM_TYPE_CLIENT);
    CHECK(d.x64_offset == 8 && d.x86_offset == 4 && d.parent == -1 && d.c_field == -1);
  }
  CHECK_STATUS(dhcpm_field_info(DHCPM_TYPE_ARRAY, 2, &d), DHCPM_ERR_INVALID_ARGUMENT);
}

void test_fields(void) {
  check_schema();
  check_typical();
  check_unicode();
  check_null_and_empty();
  check_extremes();
  check_arrays();
  check_names();
}
