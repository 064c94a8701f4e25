/* The calls from C (dhcpm_call.h): the table, every golden stub decoded,
 * encoded back byte for byte and written as the CLI's JSON, parameters read,
 * stubs dissected, broken stubs, and generated stubs of every call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"
#include "dhcpm/dhcpm.h"

static const char* const layout_names[] = {"ndr20", "ndr20be", "ndr64"};
static const dhcpm_layout layouts[] = {DHCPM_LAYOUT_NDR20, DHCPM_LAYOUT_NDR20BE, DHCPM_LAYOUT_NDR64};

static size_t call_named(const char* method) {
  size_t call = 0;
  CHECK_STATUS(dhcpm_call_from_name(method, &call), DHCPM_OK);
  return call;
}

static void test_table(void) {
  size_t call;
  size_t found;
  size_t p;
  dhcpm_call_desc desc;
  dhcpm_param_desc param;
  CHECK_U64(dhcpm_call_count(), 22);
  for (call = 0; call < dhcpm_call_count(); ++call) {
    if (!CHECK_STATUS(dhcpm_call_info(call, &desc), DHCPM_OK)) continue;
    CHECK_STATUS(dhcpm_call_from_name(desc.method, &found), DHCPM_OK);
    CHECK_U64(found, call);
    CHECK_STATUS(dhcpm_call_find(desc.interface_id, desc.opnum, &found), DHCPM_OK);
    CHECK_U64(found, call);
    CHECK(desc.request_params >= 1 && desc.response_params >= 1);
    for (p = 0; p < desc.response_params; ++p) {
      if (!CHECK_STATUS(dhcpm_call_param_info(call, DHCPM_RESPONSE, p, &param), DHCPM_OK)) continue;
      CHECK((param.kind == DHCPM_PARAM_REF_RECORD || param.kind == DHCPM_PARAM_UNIQUE_RECORD) ==
            (param.type != DHCPM_TYPE_COUNT));
    }
    /* A response ends with the return value. */
    if (CHECK_STATUS(dhcpm_call_param_info(call, DHCPM_RESPONSE, desc.response_params - 1, &param), DHCPM_OK)) {
      CHECK_STRING(param.name, "ReturnValue");
      CHECK(param.kind == DHCPM_PARAM_RETURN_VALUE);
    }
    CHECK_STATUS(dhcpm_call_param_info(call, DHCPM_REQUEST, desc.request_params, &param), DHCPM_ERR_INVALID_ARGUMENT);
  }

  call = call_named("R_DhcpV4EnumSubnetClients");
  if (CHECK_STATUS(dhcpm_call_info(call, &desc), DHCPM_OK)) {
    CHECK(desc.interface_id == DHCPM_INTERFACE_DHCPSRV2);
    CHECK_STRING(desc.interface_name, "dhcpsrv2");
    CHECK_STRING(desc.interface_uuid, "5b821720-f63b-11d0-aad2-00c04fc324db");
    CHECK_U64(desc.opnum, 115);
    CHECK_U64(desc.request_params, 4);
    CHECK_U64(desc.response_params, 5);
  }
  if (CHECK_STATUS(dhcpm_call_param_info(call, DHCPM_REQUEST, 1, &param), DHCPM_OK)) {
    CHECK_STRING(param.name, "SubnetAddress");
    CHECK(param.kind == DHCPM_PARAM_DWORD && param.meaning == DHCPM_MEANING_IPV4);
  }
  if (CHECK_STATUS(dhcpm_call_param_info(call, DHCPM_RESPONSE, 1, &param), DHCPM_OK)) {
    CHECK_STRING(param.name, "ClientInfo");
    CHECK(param.kind == DHCPM_PARAM_UNIQUE_RECORD && param.type == DHCPM_TYPE_DHCP_CLIENT_INFO_PB_ARRAY);
  }
  /* Opnums repeat across the interfaces: 0 is R_DhcpEnumSubnetClientsV5 on dhcpsrv2 only. */
  CHECK_STATUS(dhcpm_call_find(DHCPM_INTERFACE_DHCPSRV2, 0, &found), DHCPM_OK);
  CHECK_U64(found, call_named("R_DhcpEnumSubnetClientsV5"));
  CHECK_STATUS(dhcpm_call_find(DHCPM_INTERFACE_DHCPSRV, 0, &found), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_call_find(DHCPM_INTERFACE_DHCPSRV, 98, &found), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_call_from_name("R_DhcpV4EnumSubnetClientsV9", &found), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(dhcpm_call_info(22, &desc), DHCPM_ERR_INVALID_ARGUMENT);

  CHECK_STRING(dhcpm_return_value_name(0), "ERROR_SUCCESS");
  CHECK_STRING(dhcpm_return_value_name(234), "ERROR_MORE_DATA");
  CHECK_STRING(dhcpm_return_value_name(259), "ERROR_NO_MORE_ITEMS");
  CHECK_STRING(dhcpm_return_value_name(20013), "ERROR_DHCP_JET_ERROR");
  CHECK(dhcpm_return_value_name(12345) == NULL);
}

/* family/METHOD.DIRECTION.NAME in every layout: decoded, encoded back, its
 * JSON the CLI's, and that JSON read back to the same bytes. */
static void golden_stub(const char* method, dhcpm_direction direction, const char* name) {
  char vector[160];
  size_t l;
  const size_t call = call_named(method);
  struct buffer json_file;
  snprintf(vector, sizeof vector, "family/%s.%s.%s", method, direction == DHCPM_REQUEST ? "request" : "response",
           name);
  json_file = read_json(vector);
  for (l = 0; l < 3; ++l) {
    struct buffer input = read_vector(vector, layout_names[l]);
    dhcpm_stub* stub = NULL;
    dhcpm_stub* back = NULL;
    dhcpm_error error;
    uint8_t* bytes = NULL;
    size_t size = 0;
    char* json = NULL;
    size_t length = 0;
    if (input.data == NULL) continue;
    if (CHECK_STATUS(dhcpm_decode_call(input.data, input.size, call, direction, layouts[l], NULL, &stub, &error),
                     DHCPM_OK)) {
      CHECK_U64(dhcpm_stub_call(stub), call);
      CHECK(dhcpm_stub_direction(stub) == direction);
      CHECK_U64(dhcpm_stub_warning_count(stub), 0);
      if (CHECK_STATUS(dhcpm_encode_call(stub, layouts[l], &bytes, &size, &error), DHCPM_OK)) {
        CHECK_BYTES(bytes, size, input.data, input.size);
        dhcpm_free(bytes);
      }
      if (CHECK_STATUS(dhcpm_stub_to_json(stub, &json, &length, &error), DHCPM_OK)) {
        CHECK(same_json(json, length, &json_file));
        if (CHECK_STATUS(dhcpm_stub_from_json(json, length, call, direction, &back, &error), DHCPM_OK)) {
          if (CHECK_STATUS(dhcpm_encode_call(back, layouts[l], &bytes, &size, &error), DHCPM_OK)) {
            CHECK_BYTES(bytes, size, input.data, input.size);
            dhcpm_free(bytes);
          }
          dhcpm_stub_free(back);
        }
        dhcpm_free(json);
      }
      dhcpm_stub_free(stub);
    } else {
      fprintf(stderr, "  %s.%s: %s: %s\n", vector, layout_names[l], error.path, error.message);
    }
    free_buffer(&input);
  }
  free_buffer(&json_file);
}

static void test_golden(void) {
  golden_stub("R_DhcpV4EnumSubnetClients", DHCPM_REQUEST, "first");
  golden_stub("R_DhcpV4EnumSubnetClients", DHCPM_REQUEST, "resume");
  golden_stub("R_DhcpV4EnumSubnetClients", DHCPM_RESPONSE, "last");
  golden_stub("R_DhcpV4EnumSubnetClients", DHCPM_RESPONSE, "more-data");
  golden_stub("R_DhcpV4EnumSubnetClients", DHCPM_RESPONSE, "no-more-items");
  golden_stub("R_DhcpV4FailoverGetClientInfo", DHCPM_REQUEST, "by-hw");
  golden_stub("R_DhcpV4FailoverGetClientInfo", DHCPM_REQUEST, "by-ip");
  golden_stub("R_DhcpV4FailoverGetClientInfo", DHCPM_REQUEST, "by-name");
  golden_stub("R_DhcpV4FailoverGetClientInfo", DHCPM_RESPONSE, "extremes");
  golden_stub("R_DhcpV4FailoverGetClientInfo", DHCPM_RESPONSE, "found");
  golden_stub("R_DhcpV4FailoverGetClientInfo", DHCPM_RESPONSE, "not-found");
}

static dhcpm_stub* decode_stub(const char* vector, const char* method, dhcpm_direction direction, size_t layout) {
  struct buffer input = read_vector(vector, layout_names[layout]);
  dhcpm_stub* stub = NULL;
  dhcpm_error error;
  if (input.data != NULL) {
    CHECK_STATUS(dhcpm_decode_call(input.data, input.size, call_named(method), direction, layouts[layout], NULL,
                                   &stub, &error),
                 DHCPM_OK);
  }
  free_buffer(&input);
  return stub;
}

/* The parameters of a stub, read as an analyzer reads them. */
static void test_parameters(void) {
  dhcpm_stub* stub;
  dhcpm_record record;
  dhcpm_record client;
  uint32_t dword = 0;
  uint64_t number = 0;
  const uint16_t* units = NULL;
  size_t count = 0;

  /* An enumeration response with more to come: ResumeHandle, ClientInfo, ClientsRead, ClientsTotal, ReturnValue. */
  stub = decode_stub("family/R_DhcpV4EnumSubnetClients.response.more-data", "R_DhcpV4EnumSubnetClients",
                     DHCPM_RESPONSE, 2);
  if (stub != NULL) {
    CHECK_STATUS(dhcpm_stub_dword(stub, 0, &dword), DHCPM_OK);
    CHECK_U64(dword, 3);
    CHECK_STATUS(dhcpm_stub_dword(stub, 2, &dword), DHCPM_OK);
    CHECK_U64(dword, 3);
    CHECK_STATUS(dhcpm_stub_dword(stub, 3, &dword), DHCPM_OK);
    CHECK_U64(dword, 10);
    CHECK_STATUS(dhcpm_stub_dword(stub, 4, &dword), DHCPM_OK);
    CHECK_STRING(dhcpm_return_value_name(dword), "ERROR_MORE_DATA");
    if (CHECK_STATUS(dhcpm_stub_record(stub, 1, &record), DHCPM_OK)) {
      CHECK(record.type == DHCPM_TYPE_DHCP_CLIENT_INFO_PB_ARRAY && record.at != NULL);
      CHECK_STATUS(dhcpm_record_element_count(record, 1, &count, NULL), DHCPM_OK);
      CHECK_U64(count, 3);
      if (CHECK_STATUS(dhcpm_record_element(record, 1, 0, &client), DHCPM_OK)) {
        CHECK_STATUS(dhcpm_record_number(client, 0, &number), DHCPM_OK); /* ClientIpAddress */
        CHECK_U64(number, 0xC0A8012Au);
      }
    }
    /* Kinds that are not the parameter's. */
    CHECK_STATUS(dhcpm_stub_dword(stub, 1, &dword), DHCPM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(dhcpm_stub_record(stub, 0, &record), DHCPM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(dhcpm_stub_string(stub, 0, &units, &count), DHCPM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(dhcpm_stub_dword(stub, 5, &dword), DHCPM_ERR_INVALID_ARGUMENT);
    dhcpm_stub_free(stub);
  }

  /* A request naming the client: ServerIpAddress, then the [ref] DHCP_SEARCH_INFO. */
  stub = decode_stub("family/R_DhcpV4FailoverGetClientInfo.request.by-ip", "R_DhcpV4FailoverGetClientInfo",
                     DHCPM_REQUEST, 1);
  if (stub != NULL) {
    CHECK_STATUS(dhcpm_stub_string(stub, 0, &units, &count), DHCPM_OK);
    CHECK(units != NULL && count > 0);
    if (CHECK_STATUS(dhcpm_stub_record(stub, 1, &record), DHCPM_OK)) {
      CHECK(record.type == DHCPM_TYPE_DHCP_SEARCH_INFO && record.at != NULL);
      CHECK_STATUS(dhcpm_record_number(record, 0, &number), DHCPM_OK); /* SearchType */
      CHECK_U64(number, 0);
    }
    dhcpm_stub_free(stub);
  }

  /* Not found: a NULL ClientInfo and ERROR_DHCP_JET_ERROR. */
  stub = decode_stub("family/R_DhcpV4FailoverGetClientInfo.response.not-found", "R_DhcpV4FailoverGetClientInfo",
                     DHCPM_RESPONSE, 0);
  if (stub != NULL) {
    if (CHECK_STATUS(dhcpm_stub_record(stub, 0, &record), DHCPM_OK)) {
      CHECK(record.type == DHCPM_TYPE_CLIENT && record.at == NULL);
    }
    CHECK_STATUS(dhcpm_stub_dword(stub, 1, &dword), DHCPM_OK);
    CHECK_U64(dword, 20013);
    dhcpm_stub_free(stub);
  }

  /* Built from C: an empty request, its DWORDs set, encoded and read back. */
  if (CHECK_STATUS(dhcpm_stub_new(call_named("R_DhcpV4EnumSubnetClients"), DHCPM_REQUEST, &stub), DHCPM_OK)) {
    uint8_t* bytes = NULL;
    size_t size = 0;
    dhcpm_error error;
    dhcpm_stub* back = NULL;
    CHECK_STATUS(dhcpm_stub_string(stub, 0, &units, &count), DHCPM_OK);
    CHECK(units == NULL && count == 0); /* a NULL ServerIpAddress */
    CHECK_STATUS(dhcpm_stub_set_dword(stub, 1, 0xC0A80100u), DHCPM_OK);
    CHECK_STATUS(dhcpm_stub_set_dword(stub, 3, 65536), DHCPM_OK);
    CHECK_STATUS(dhcpm_stub_set_dword(stub, 0, 1), DHCPM_ERR_INVALID_ARGUMENT);
    if (CHECK_STATUS(dhcpm_encode_call(stub, DHCPM_LAYOUT_NDR64, &bytes, &size, &error), DHCPM_OK)) {
      if (CHECK_STATUS(dhcpm_decode_call(bytes, size, dhcpm_stub_call(stub), DHCPM_REQUEST, DHCPM_LAYOUT_NDR64, NULL,
                                         &back, &error),
                       DHCPM_OK)) {
        CHECK_STATUS(dhcpm_stub_dword(back, 1, &dword), DHCPM_OK);
        CHECK_U64(dword, 0xC0A80100u);
        CHECK_STATUS(dhcpm_stub_dword(back, 3, &dword), DHCPM_OK);
        CHECK_U64(dword, 65536);
        dhcpm_stub_free(back);
      }
      dhcpm_free(bytes);
    }
    CHECK_STATUS(dhcpm_encode_call(stub, DHCPM_LAYOUT_X64, &bytes, &size, &error), DHCPM_ERR_UNSUPPORTED);
    dhcpm_stub_free(stub);
  }
}

struct tiling {
  uint64_t next;
  int gaps;
  int return_values;
  int parameters_named;
};

static int on_region(const dhcpm_region* region, void* user_data) {
  struct tiling* t = (struct tiling*)user_data;
  if (region->offset != t->next) ++t->gaps;
  t->next = region->offset + region->length;
  if (region->kind == DHCPM_REGION_RETURN_VALUE && strcmp(region->parameter, "ReturnValue") == 0) ++t->return_values;
  if (region->parameter[0] != '\0') ++t->parameters_named;
  return 0;
}

/* Every golden stub's regions tile it; the response's last region is its return value. */
static void test_call_dissect(void) {
  size_t l;
  for (l = 0; l < 3; ++l) {
    struct buffer input = read_vector("family/R_DhcpV4EnumSubnetClients.response.last", layout_names[l]);
    struct tiling t = {0, 0, 0, 0};
    dhcpm_dissect_summary summary;
    dhcpm_error error;
    if (input.data == NULL) continue;
    CHECK_STATUS(dhcpm_dissect_call(input.data, input.size, call_named("R_DhcpV4EnumSubnetClients"), DHCPM_RESPONSE,
                                    layouts[l], NULL, on_region, &t, &summary, &error),
                 DHCPM_OK);
    CHECK_U64(summary.consumed, input.size);
    CHECK_U64(t.next, input.size);
    CHECK(t.gaps == 0);
    CHECK(t.return_values == 1);
    CHECK(t.parameters_named > 0);
    free_buffer(&input);
  }
}

/* Broken stubs: errors with the parameter in their path. */
static void test_call_errors(void) {
  struct buffer input = read_vector("family/R_DhcpV4EnumSubnetClients.response.more-data", "ndr20");
  const size_t call = call_named("R_DhcpV4EnumSubnetClients");
  dhcpm_stub* stub = NULL;
  dhcpm_error error;
  static const char ref_null[] = "{\"ServerIpAddress\": null, \"SearchInfo\": null}";
  if (input.data != NULL) {
    CHECK_STATUS(dhcpm_decode_call(input.data, input.size - 1, call, DHCPM_RESPONSE, DHCPM_LAYOUT_NDR20, NULL, &stub,
                                   &error),
                 DHCPM_ERR_TRUNCATED);
    CHECK(stub == NULL);
    CHECK_STRING(error.path, "ReturnValue");
    CHECK_STATUS(dhcpm_decode_call(input.data, input.size, call, DHCPM_RESPONSE, DHCPM_LAYOUT_X86, NULL, &stub, &error),
                 DHCPM_ERR_UNSUPPORTED);
    CHECK_STATUS(dhcpm_decode_call(input.data, input.size, 22, DHCPM_RESPONSE, DHCPM_LAYOUT_NDR20, NULL, &stub, &error),
                 DHCPM_ERR_INVALID_ARGUMENT);
    /* Cut inside the array (the strings' counts then exceed what is left):
     * the path names the parameter and the element. */
    CHECK_STATUS(dhcpm_decode_call(input.data, 200, call, DHCPM_RESPONSE, DHCPM_LAYOUT_NDR20, NULL, &stub, &error),
                 DHCPM_ERR_COUNT_EXCEEDS_INPUT);
    CHECK(strncmp(error.path, "ClientInfo.Clients[", 19) == 0);
    free_buffer(&input);
  }
  /* A [ref] parameter cannot be NULL. */
  CHECK_STATUS(dhcpm_stub_from_json(ref_null, sizeof ref_null - 1, call_named("R_DhcpV4FailoverGetClientInfo"),
                                    DHCPM_REQUEST, &stub, &error),
               DHCPM_ERR_INVALID_JSON);
  CHECK_STRING(error.path, "SearchInfo");
  CHECK_STATUS(dhcpm_stub_new(0, (dhcpm_direction)2, &stub), DHCPM_ERR_INVALID_ARGUMENT);
  CHECK_U64(dhcpm_stub_warning_count(NULL), 0);
  dhcpm_stub_free(NULL);
}

/* A generated stub of every call and direction survives every layout. */
static void test_generated(void) {
  size_t call;
  int d;
  size_t l;
  for (call = 0; call < dhcpm_call_count(); ++call) {
    for (d = 0; d < 2; ++d) {
      dhcpm_stub* stub = NULL;
      char* json = NULL;
      size_t length = 0;
      if (!CHECK_STATUS(dhcpm_stub_generate(call, (dhcpm_direction)d, 11, &stub), DHCPM_OK)) continue;
      CHECK_STATUS(dhcpm_stub_to_json(stub, &json, &length, NULL), DHCPM_OK);
      for (l = 0; l < 3; ++l) {
        uint8_t* bytes = NULL;
        size_t size = 0;
        dhcpm_error error;
        dhcpm_stub* back = NULL;
        char* json_back = NULL;
        size_t length_back = 0;
        if (!CHECK_STATUS(dhcpm_encode_call(stub, layouts[l], &bytes, &size, &error), DHCPM_OK)) continue;
        if (CHECK_STATUS(dhcpm_decode_call(bytes, size, call, (dhcpm_direction)d, layouts[l], NULL, &back, &error),
                         DHCPM_OK)) {
          CHECK_STATUS(dhcpm_stub_to_json(back, &json_back, &length_back, NULL), DHCPM_OK);
          CHECK(json != NULL && json_back != NULL && strcmp(json, json_back) == 0);
          dhcpm_free(json_back);
          dhcpm_stub_free(back);
        }
        dhcpm_free(bytes);
      }
      dhcpm_free(json);
      dhcpm_stub_free(stub);
    }
  }
}

void test_calls(void) {
  test_table();
  test_golden();
  test_parameters();
  test_call_dissect();
  test_call_errors();
  test_generated();
}
