// The twenty-two calls of call_table: the table itself, the round trip of
// generated stub data of every call and direction through the three NDR
// layouts and JSON, and hostile stubs (the stub's own bytes: the DWORDs and
// the ServerIpAddress string; a record parameter's checks are the record's,
// tested with the types). The golden stubs are call_vectors_test.cpp's.
//
// DHCPM_PROPERTY_SEED=<number> runs the property with that seed instead.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dhcpm/call.hpp"
#include "dhcpm/generate.hpp"
#include "support/vectors.hpp"
#include "support/property_seed.hpp"

namespace dhcpm::test {
namespace {

// 10,000 stubs per call: 5,000 requests and 5,000 responses.
constexpr std::size_t stubs_per_direction = 5'000;

std::uint64_t property_seed() { return test::seed_from_environment().value_or(0xCA11ED5EEDull); }

std::vector<call_stub_type> every_stub_type() {
  std::vector<call_stub_type> out;
  for (std::size_t i = 0; i < call_table.size(); ++i) {
    out.push_back({i, direction::request});
    out.push_back({i, direction::response});
  }
  return out;
}

std::string stub_name(const call_stub_type& t) {
  return std::string(t.info().method) + "_" + std::string(to_string(t.dir));
}

TEST(CallTable, NamesEachCallOnceAndFindsItByNameAndOpnum) {
  std::set<std::string_view> methods;
  std::set<std::pair<rpc_interface, std::uint16_t>> opnums;
  for (std::size_t i = 0; i < call_table.size(); ++i) {
    const call_info& c = call_table[i];
    EXPECT_TRUE(methods.insert(c.method).second) << c.method;
    EXPECT_TRUE(opnums.insert({c.iface, c.opnum}).second) << c.method;
    EXPECT_EQ(find_call(c.method), i);
    EXPECT_EQ(find_call(c.iface, c.opnum), i);
  }
  EXPECT_EQ(call_table.size(), 22u);
  EXPECT_FALSE(find_call("R_DhcpNoSuchCall"));
  EXPECT_FALSE(find_call(rpc_interface::dhcpsrv, 0));  // opnum 0 is dhcpsrv2's here
  EXPECT_EQ(call_table[*find_call(rpc_interface::dhcpsrv2, 0)].method, "R_DhcpEnumSubnetClientsV5");
}

TEST(CallTable, EveryRequestStartsWithTheServerAndEveryResponseEndsWithTheReturnValue) {
  for (const call_info& c : call_table) {
    ASSERT_FALSE(c.request.empty());
    EXPECT_EQ(c.request.front().name, "ServerIpAddress") << c.method;
    EXPECT_EQ(c.request.front().kind, param_kind::unique_string) << c.method;
    ASSERT_FALSE(c.response.empty());
    EXPECT_EQ(c.response.back().kind, param_kind::return_value) << c.method;
    for (const param_info& p : c.request) EXPECT_NE(p.kind, param_kind::return_value) << c.method;
    for (const param_info& p : c.response) EXPECT_NE(p.kind, param_kind::unique_string) << c.method;
  }
}

TEST(CallTable, NamesTheReturnValuesAnalyzersLookFor) {
  EXPECT_EQ(return_value_name(0xEA), "ERROR_MORE_DATA");
  EXPECT_EQ(return_value_name(0x103), "ERROR_NO_MORE_ITEMS");
  EXPECT_EQ(return_value_name(0x4E2D), "ERROR_DHCP_JET_ERROR");
  EXPECT_EQ(return_value_name(0), "ERROR_SUCCESS");
  EXPECT_EQ(return_value_name(0x12345678), "");
}

class CallStub : public ::testing::TestWithParam<call_stub_type> {};

// Generated stubs come back unchanged from every NDR layout and from JSON,
// and the chain NDR 2.0 -> NDR 2.0 BE -> NDR64 -> NDR 2.0 ends in the bytes
// it started with.
TEST_P(CallStub, GeneratedStubsRoundTripThroughEveryLayoutAndJson) {
  const call_stub_type type = GetParam();
  generate_options options;
  options.max_elements = 2;
  realistic_generator g(property_seed() + type.call * 2 + static_cast<std::size_t>(type.dir), options);
  for (std::size_t n = 0; n < stubs_per_direction; ++n) {
    const call_stub stub = generate_call(type, g);
    const std::string what = stub_name(type) + " #" + std::to_string(n);
    bytes first;
    bytes previous;
    for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64, layout::ndr20}) {
      const result<bytes> encoded = encode_call(stub, wire);
      ASSERT_TRUE(encoded) << what << " " << to_string(wire) << ": " << describe(encoded.error_value());
      const result<decoded<call_stub>> back = decode_call(*encoded, type, wire);
      ASSERT_TRUE(back) << what << " " << to_string(wire) << ": " << describe(back.error_value());
      ASSERT_TRUE(back->warnings.empty()) << what << ": " << describe(back->warnings);
      ASSERT_TRUE(back->value == stub) << what << " " << to_string(wire);
      if (first.empty()) {
        first = *encoded;
      } else if (wire == layout::ndr20) {
        ASSERT_EQ(byte_diff(first, *encoded), "") << what;
      }
    }
    const result<std::string> text = call_to_json(stub);
    ASSERT_TRUE(text) << what << ": " << describe(text.error_value());
    const result<call_stub> parsed = call_from_json(type, *text);
    ASSERT_TRUE(parsed) << what << ": " << describe(parsed.error_value());
    ASSERT_TRUE(*parsed == stub) << what;
  }
}

TEST_P(CallStub, TheEmptyStubRoundTripsAndDissectsWhole) {
  const call_stub_type type = GetParam();
  const call_stub stub = empty_stub(type);
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64}) {
    const result<bytes> encoded = encode_call(stub, wire);
    ASSERT_TRUE(encoded) << describe(encoded.error_value());
    const result<decoded<call_stub>> back = decode_call(*encoded, type, wire);
    ASSERT_TRUE(back) << describe(back.error_value());
    EXPECT_TRUE(back->value == stub);
    const dissection d = dissect_call(*encoded, type, wire);
    EXPECT_FALSE(d.stopped);
    EXPECT_EQ(d.consumed, encoded->size());
  }
}

INSTANTIATE_TEST_SUITE_P(Every, CallStub, ::testing::ValuesIn(every_stub_type()),
                         [](const ::testing::TestParamInfo<call_stub_type>& p) { return stub_name(p.param); });

const call_stub_type enum_request{*find_call("R_DhcpV4EnumSubnetClients"), direction::request};
const call_stub_type enum_response{*find_call("R_DhcpV4EnumSubnetClients"), direction::response};
const call_stub_type get_request{*find_call("R_DhcpV4GetClientInfo"), direction::request};

// R_DhcpV4EnumSubnetClients' request with ServerIpAddress "ab".
bytes enum_request_bytes(layout wire) {
  call_stub stub = empty_stub(enum_request);
  *stub.find("ServerIpAddress") = *utf16_string::from_utf8("ab");
  *stub.find("PreferredMaximum") = std::uint32_t{65536};
  return *encode_call(stub, wire);
}

decode_options lenient() {
  decode_options o;
  o.strict = false;
  return o;
}

TEST(CallHostile, BytesAfterTheLastParameterAreRefusedWhenStrictAndAWarningWhenLenient) {
  bytes input = enum_request_bytes(layout::ndr20);
  input.push_back(0);
  const result<decoded<call_stub>> strict = decode_call(input, enum_request, layout::ndr20);
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error_value().code, error_code::trailing_bytes);
  EXPECT_EQ(strict.error_value().offset, input.size() - 1);
  const result<decoded<call_stub>> loose = decode_call(input, enum_request, layout::ndr20, lenient());
  ASSERT_TRUE(loose);
  ASSERT_EQ(loose->warnings.size(), 1u);
  const dissection d = dissect_call(input, enum_request, layout::ndr20, lenient());
  ASSERT_FALSE(d.regions.empty());
  EXPECT_EQ(d.regions.back().kind, region_kind::trailing);
  EXPECT_EQ(d.consumed, input.size());
}

TEST(CallHostile, TheServerStringsCountsAreCheckedAsARecordsStringsAre) {
  // ndr20: referent id (0), max_count (4), offset (8), actual_count (12), units (16).
  bytes input = enum_request_bytes(layout::ndr20);
  bytes offset = input;
  offset[8] = 1;
  const result<decoded<call_stub>> a = decode_call(offset, enum_request, layout::ndr20);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error_value().code, error_code::nonzero_string_offset);
  EXPECT_EQ(a.error_value().path, "ServerIpAddress");
  EXPECT_EQ(a.error_value().offset, 8u);

  bytes huge = input;
  huge[12] = 0xFF;
  huge[13] = 0xFF;
  const result<decoded<call_stub>> b = decode_call(huge, enum_request, layout::ndr20, lenient());
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error_value().code, error_code::count_exceeds_input);
  EXPECT_EQ(b.error_value().offset, 12u);

  decode_options small;
  small.max_string_units = 2;  // "ab" and its terminator are 3
  const result<decoded<call_stub>> c = decode_call(input, enum_request, layout::ndr20, small);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error_value().code, error_code::string_limit);

  bytes unterminated = input;
  unterminated[20] = 'x';  // the NUL unit after "ab"
  const result<decoded<call_stub>> d = decode_call(unterminated, enum_request, layout::ndr20);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error_value().code, error_code::missing_terminator);
  const result<decoded<call_stub>> e = decode_call(unterminated, enum_request, layout::ndr20, lenient());
  ASSERT_TRUE(e);
  EXPECT_EQ(std::get<utf16_string>(*e->value.find("ServerIpAddress")).to_utf8(), "abx");
}

TEST(CallHostile, AnNdr64ServerReferentWithAnUpperHalfIsRefusedWhenStrict) {
  bytes input = enum_request_bytes(layout::ndr64);
  input[4] = 1;  // the upper half of the 8-byte referent id
  const result<decoded<call_stub>> strict = decode_call(input, enum_request, layout::ndr64);
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error_value().code, error_code::invalid_referent_id);
  EXPECT_EQ(strict.error_value().path, "ServerIpAddress");
  EXPECT_TRUE(decode_call(input, enum_request, layout::ndr64, lenient()));
}

TEST(CallHostile, ARecordParametersErrorsNameTheParameterAndCountFromTheStubsStart) {
  call_stub stub = empty_stub(enum_response);
  dhcp_client_info_pb_array clients;
  clients.num_elements = 1;
  record_list<dhcp_client_info_pb> list;
  list.push_back(dhcp_client_info_pb{});
  clients.clients = std::move(list);
  *stub.find("ClientInfo") = std::optional<any_record>(any_record(std::move(clients)));
  bytes input = *encode_call(stub, layout::ndr20);
  // ResumeHandle (0), ClientInfo's referent (4), NumElements (8), Clients (12), max_count (16).
  input[16] = 2;
  const result<decoded<call_stub>> got = decode_call(input, enum_response, layout::ndr20);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error_value().code, error_code::conformance_mismatch);
  EXPECT_EQ(got.error_value().path, "ClientInfo.Clients");
  EXPECT_EQ(got.error_value().offset, 16u);
  const result<std::vector<error>> valid = validate_call(input, enum_response, layout::ndr20);
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error_value(), got.error_value());
}

TEST(CallHostile, TheTwoDiscriminantsOfASearchMustAgree) {
  call_stub stub = empty_stub(get_request);
  bytes input = *encode_call(stub, layout::ndr20);  // NULL server (0), SearchType (4), the union's tag (6)
  input[6] = 1;
  const result<decoded<call_stub>> got = decode_call(input, get_request, layout::ndr20);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error_value().code, error_code::invalid_union_tag);
  EXPECT_EQ(got.error_value().offset, 6u);
  EXPECT_EQ(got.error_value().path.rfind("SearchInfo.", 0), 0u) << got.error_value().path;
}

TEST(CallJson, RefParametersCannotBeNull) {
  const result<call_stub> search = call_from_json(get_request, R"({"ServerIpAddress": null, "SearchInfo": null})");
  ASSERT_FALSE(search);
  EXPECT_EQ(search.error_value().code, error_code::invalid_json);
  EXPECT_EQ(search.error_value().path, "SearchInfo");
  const result<call_stub> handle = call_from_json(
      enum_request,
      R"({"ServerIpAddress": null, "SubnetAddress": "10.0.0.0", "ResumeHandle": null, "PreferredMaximum": 1024})");
  ASSERT_FALSE(handle);
  EXPECT_EQ(handle.error_value().path, "ResumeHandle");
}

TEST(CallJson, MissingAndUnknownParametersAreRefusedByName) {
  const result<call_stub> missing = call_from_json(get_request, R"({"ServerIpAddress": null})");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error_value().path, "SearchInfo");
  const result<call_stub> unknown = call_from_json(
      get_request, R"({"ServerIpAddress": null, "SearchInfo": {"SearchType": 0, "SearchInfo": {"SearchType": 0,
      "ClientIpAddress": "10.0.0.1"}}, "ReturnValue": 0})");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error_value().code, error_code::invalid_json);
}

TEST(CallEncode, AStubThatDisagreesWithTheTableIsRefused) {
  call_stub stub = empty_stub(enum_request);
  *stub.find("SubnetAddress") = utf16_string::null();
  const result<bytes> encoded = encode_call(stub, layout::ndr20);
  ASSERT_FALSE(encoded);
  EXPECT_EQ(encoded.error_value().code, error_code::inconsistent_value);
  EXPECT_EQ(encoded.error_value().path, "SubnetAddress");
  EXPECT_FALSE(encode_call(empty_stub(enum_request), layout::x64));
}

}  // namespace
}  // namespace dhcpm::test
