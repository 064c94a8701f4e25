// The JSON form of tests/vectors/README.md: every vector file is reproduced
// byte for byte, the values read are the ones the README describes (so that
// a symmetric mistake, like a reversed IP on both sides, cannot pass), and
// strict reading refuses each kind of bad input with the right path.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dhcpm/json.hpp"
#include "json/json_detail.hpp"

namespace dhcpm {
namespace {

using nlohmann::ordered_json;

std::string read_vector_text(const std::string& file_name) {
  std::ifstream in(std::string(DHCPM_VECTOR_DIR) + "/" + file_name, std::ios::binary);
  EXPECT_TRUE(in.good()) << file_name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The vector's JSON without the file's final newline: what to_json returns.
std::string vector_json(const std::string& name) {
  std::string text = read_vector_text(name + ".json");
  EXPECT_FALSE(text.empty());
  if (!text.empty()) {
    EXPECT_EQ(text.back(), '\n') << name;
    text.pop_back();
  }
  return text;
}

client_info typical() {
  result<client_info> r = client_from_json(vector_json("typical"));
  EXPECT_TRUE(r.has_value());
  return r ? *r : client_info{};
}

// A typical record as a tree, to be edited by a test and read back.
ordered_json typical_tree() { return ordered_json::parse(vector_json("typical")); }

error text_error(const std::string& text) {
  result<client_info> r = client_from_json(text);
  EXPECT_FALSE(r.has_value()) << text;
  return r ? error{} : r.error_value();
}

error tree_error(const ordered_json& tree) { return text_error(tree.dump()); }

void expect_json_error(const error& e, const std::string& path) {
  EXPECT_EQ(e.code, error_code::invalid_json) << format_error(e);
  EXPECT_EQ(e.path, path) << format_error(e);
  EXPECT_EQ(e.offset, 0u) << format_error(e);
  EXPECT_FALSE(e.message.empty());
}

// --- golden vectors ---------------------------------------------------------

TEST(JsonVectors, EveryVectorIsReproducedExactly) {
  const ordered_json index = ordered_json::parse(read_vector_text("index.json"));
  ASSERT_GE(index.size(), 10u);
  std::size_t clients = 0;
  std::size_t arrays = 0;
  for (const auto& [name, entry] : index.items()) {
    SCOPED_TRACE(name);
    const std::string text = vector_json(name);
    const std::string type = entry.at("type").get<std::string>();
    if (type == "client") {
      ++clients;
      const result<client_info> value = client_from_json(text);
      ASSERT_TRUE(value.has_value()) << format_error(value.error_value());
      EXPECT_EQ(to_json(*value), text);
      const result<std::optional<client_info>> optional = optional_client_from_json(text);
      ASSERT_TRUE(optional.has_value());
      ASSERT_TRUE(optional->has_value());
      EXPECT_EQ(**optional, *value);
      EXPECT_EQ(to_json(*optional), text);
      // A bare record is also a response with ReturnValue 0.
      const result<get_client_info_response> response = response_from_json(text);
      ASSERT_TRUE(response.has_value());
      EXPECT_EQ(response->client, *value);
      EXPECT_EQ(response->return_value, 0u);
    } else {
      ASSERT_EQ(type, "array");
      ++arrays;
      const result<client_info_array> value = array_from_json(text);
      ASSERT_TRUE(value.has_value()) << format_error(value.error_value());
      EXPECT_EQ(to_json(*value), text);
      const result<std::optional<client_info_array>> optional = optional_array_from_json(text);
      ASSERT_TRUE(optional.has_value());
      ASSERT_TRUE(optional->has_value());
      EXPECT_EQ(**optional, *value);
      EXPECT_EQ(to_json(*optional), text);
    }
  }
  EXPECT_GE(clients, 5u);
  EXPECT_GE(arrays, 5u);
}

TEST(JsonVectors, TypicalHasTheDocumentedValues) {
  const client_info c = typical();
  EXPECT_EQ(c.client_ip_address, 0xC0A8010Au);  // "192.168.1.10": most significant byte first
  EXPECT_EQ(c.subnet_mask, 0xFFFFFF00u);
  EXPECT_EQ(c.client_hardware_address.data_length, 11u);
  EXPECT_EQ(c.client_hardware_address.data,
            (std::vector<std::uint8_t>{0x00, 0x01, 0xa8, 0xc0, 0x01, 0x00, 0x15, 0x5d, 0x0a, 0x0b, 0x0c}));
  EXPECT_EQ(c.client_name, utf16_string::from_units(u"laptop-42.corp.example.com"));
  EXPECT_EQ(c.client_comment, utf16_string::from_units(u"Finance floor 3"));
  EXPECT_EQ(c.client_lease_expires, 134410230000000000u);
  EXPECT_EQ(c.owner_host.ip_address, 0xC0A80102u);
  EXPECT_EQ(c.owner_host.net_bios_name, utf16_string::from_units(u"DHCP-A"));
  EXPECT_EQ(c.owner_host.host_name, utf16_string::from_units(u"dhcp-a.corp.example.com"));
  EXPECT_EQ(c.client_type, 1);
  EXPECT_EQ(c.address_state, 41);
  EXPECT_EQ(c.status, 6u);
  EXPECT_EQ(c.probation_ends, 0u);
  EXPECT_EQ(c.quarantine_capable, 0u);
  EXPECT_EQ(c.sent_pot_exp_time, 1764322200u);
  EXPECT_EQ(c.ack_pot_exp_time, 1764322200u);
  EXPECT_EQ(c.recv_pot_exp_time, 1764322260u);
  EXPECT_EQ(c.start_time, 1764318600u);
  EXPECT_EQ(c.clt_last_trans_time, 1764318600u);
  EXPECT_EQ(c.last_bnd_upd_time, 1764318605u);
  EXPECT_EQ(c.bnd_msg_status, 0u);
  EXPECT_EQ(c.policy_name, utf16_string::from_units(u"Laptops"));
  EXPECT_EQ(c.flags, 0);
}

TEST(JsonVectors, UnicodeExtremesMinimalAndEmpty) {
  const result<client_info> unicode = client_from_json(vector_json("unicode"));
  ASSERT_TRUE(unicode.has_value());
  EXPECT_EQ(unicode->client_name, utf16_string::from_units(u"Zoë-Müller-PC"));
  EXPECT_EQ(unicode->owner_host.host_name, utf16_string::from_units(u"сервер.пример"));
  EXPECT_EQ(unicode->policy_name.units(), (std::u16string{0xD83D, 0xDD12, u' ', u's', u'e', u'c', u'u', u'r', u'e'}));

  const result<client_info> extremes = client_from_json(vector_json("extremes"));
  ASSERT_TRUE(extremes.has_value());
  EXPECT_EQ(extremes->client_lease_expires, UINT64_MAX);
  EXPECT_EQ(extremes->probation_ends, std::uint64_t{1} << 63);
  EXPECT_EQ(extremes->client_ip_address, UINT32_MAX);
  EXPECT_EQ(extremes->bnd_msg_status, UINT32_MAX);
  EXPECT_EQ(extremes->client_type, 100);
  EXPECT_EQ(extremes->flags, 255);
  EXPECT_TRUE(extremes->client_name.is_null());

  const result<client_info> minimal = client_from_json(vector_json("minimal"));
  const result<client_info> empty = client_from_json(vector_json("empty-strings"));
  ASSERT_TRUE(minimal.has_value());
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(minimal->client_hardware_address.data, std::nullopt);
  EXPECT_EQ(empty->client_hardware_address.data, std::vector<std::uint8_t>{});
  for (const utf16_string* s : {&minimal->client_name, &minimal->client_comment, &minimal->owner_host.net_bios_name,
                                &minimal->owner_host.host_name, &minimal->policy_name}) {
    EXPECT_TRUE(s->is_null());
  }
  for (const utf16_string* s : {&empty->client_name, &empty->client_comment, &empty->owner_host.net_bios_name,
                                &empty->owner_host.host_name, &empty->policy_name}) {
    EXPECT_FALSE(s->is_null());
    EXPECT_EQ(s->size(), 0u);
  }
}

TEST(JsonVectors, ArraysKeepNullPointers) {
  const result<client_info_array> with_null = array_from_json(vector_json("array-with-null"));
  ASSERT_TRUE(with_null.has_value());
  ASSERT_TRUE(with_null->clients.has_value());
  EXPECT_EQ(with_null->num_elements, 3u);
  ASSERT_EQ(with_null->clients->size(), 3u);
  EXPECT_NE((*with_null->clients)[0], nullptr);
  EXPECT_EQ((*with_null->clients)[1], nullptr);
  EXPECT_NE((*with_null->clients)[2], nullptr);
  EXPECT_EQ(with_null->clients->record_count(), 2u);

  const result<client_info_array> null_clients = array_from_json(vector_json("array-null"));
  ASSERT_TRUE(null_clients.has_value());
  EXPECT_EQ(null_clients->clients, std::nullopt);

  const result<client_info_array> empty = array_from_json(vector_json("array-empty"));
  ASSERT_TRUE(empty.has_value());
  ASSERT_TRUE(empty->clients.has_value());
  EXPECT_TRUE(empty->clients->empty());
  EXPECT_NE(*null_clients, *empty);
}

// --- output format ------------------------------------------------------------

TEST(JsonWrite, NullValuesAndResponses) {
  EXPECT_EQ(to_json(std::optional<client_info>{}), "null");
  EXPECT_EQ(to_json(std::optional<client_info_array>{}), "null");
  EXPECT_EQ(to_json(get_client_info_response{std::nullopt, 0x57}),
            "{\n \"ClientInfo\": null,\n \"ReturnValue\": 87\n}");

  const get_client_info_response response{typical(), 5};
  const std::string text = to_json(response);
  EXPECT_EQ(text.rfind("{\n \"ClientInfo\": {\n  \"ClientIpAddress\": \"192.168.1.10\",\n", 0), 0u) << text;
  EXPECT_NE(text.find("\n },\n \"ReturnValue\": 5\n}"), std::string::npos) << text;
  const result<get_client_info_response> back = response_from_json(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, response);
}

TEST(JsonWrite, UnpairedSurrogateUsesTheUtf16FormAndRoundTrips) {
  client_info c = typical();
  c.client_name = utf16_string::from_units(std::u16string{0xD800, u'a'});
  c.owner_host.host_name = utf16_string::from_units(std::u16string{u'x', 0xDFFF});
  const std::string text = to_json(c);
  EXPECT_NE(text.find(" \"ClientName\": {\n  \"utf16\": [\n   55296,\n   97\n  ]\n },\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  \"HostName\": {\n   \"utf16\": [\n    120,\n    57343\n   ]\n  }\n"), std::string::npos)
      << text;
  const result<client_info> back = client_from_json(text);
  ASSERT_TRUE(back.has_value()) << format_error(back.error_value());
  EXPECT_EQ(*back, c);
  EXPECT_EQ(to_json(*back), text);
}

TEST(JsonRead, Utf16FormIsAcceptedForAnyString) {
  ordered_json tree = typical_tree();
  tree["PolicyName"] = {{"utf16", {76, 0xD83D, 0xDD12}}};  // valid: written back as a string
  tree["ClientComment"] = {{"utf16", ordered_json::array()}};
  const result<client_info> r = client_from_json(tree.dump());
  ASSERT_TRUE(r.has_value()) << format_error(r.error_value());
  EXPECT_EQ(r->policy_name, utf16_string::from_units(u"L\U0001F512"));
  EXPECT_EQ(r->client_comment, utf16_string::from_units(u""));
  EXPECT_NE(to_json(*r).find("\"PolicyName\": \"L🔒\""), std::string::npos);
}

TEST(JsonRead, Utf16FormErrors) {
  ordered_json tree = typical_tree();
  tree["ClientName"] = {{"utf16", {65, 65536}}};
  expect_json_error(tree_error(tree), "ClientName.utf16[1]");
  tree["ClientName"] = {{"utf16", {65, -1}}};
  expect_json_error(tree_error(tree), "ClientName.utf16[1]");
  tree["ClientName"] = {{"utf16", "AB"}};
  expect_json_error(tree_error(tree), "ClientName.utf16");
  tree["ClientName"] = {{"utf16", {65}}, {"extra", 1}};
  expect_json_error(tree_error(tree), "ClientName.extra");
  tree["ClientName"] = ordered_json::object();
  expect_json_error(tree_error(tree), "ClientName.utf16");
  tree["ClientName"] = 12;
  expect_json_error(tree_error(tree), "ClientName");
}

TEST(JsonRoundTrip, EmbeddedNulIsKept) {
  client_info c = typical();
  c.client_name = utf16_string::from_units(std::u16string(u"a\0b", 3));
  c.policy_name = utf16_string::from_units(std::u16string(1, u'\0'));
  const std::string text = to_json(c);
  EXPECT_NE(text.find("\"ClientName\": \"a\\u0000b\""), std::string::npos) << text;
  const result<client_info> back = client_from_json(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->client_name.size(), 3u);
  EXPECT_EQ(back->policy_name.size(), 1u);
  EXPECT_EQ(*back, c);
}

TEST(JsonRoundTrip, NullAndEmptyAreDistinct) {
  client_info with_null = typical();
  with_null.client_comment = utf16_string::null();
  with_null.client_hardware_address.data.reset();
  client_info with_empty = typical();
  with_empty.client_comment = utf16_string::from_units(u"");
  with_empty.client_hardware_address.data.emplace();
  ASSERT_NE(with_null, with_empty);
  const std::string null_text = to_json(with_null);
  const std::string empty_text = to_json(with_empty);
  EXPECT_NE(null_text.find("\"ClientComment\": null"), std::string::npos);
  EXPECT_NE(empty_text.find("\"ClientComment\": \"\""), std::string::npos);
  EXPECT_NE(null_text.find("\"Data\": null"), std::string::npos);
  EXPECT_NE(empty_text.find("\"Data\": \"\""), std::string::npos);
  EXPECT_EQ(client_from_json(null_text).value(), with_null);
  EXPECT_EQ(client_from_json(empty_text).value(), with_empty);
}

TEST(JsonRead, InconsistentLengthsAreKeptForTheEncoderToRefuse) {
  ordered_json tree = typical_tree();
  tree["ClientHardwareAddress"] = {{"DataLength", 5}, {"Data", "00"}};
  const result<client_info> c = client_from_json(tree.dump());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->client_hardware_address.data_length, 5u);
  EXPECT_EQ(c->client_hardware_address.data->size(), 1u);

  tree["ClientHardwareAddress"] = {{"DataLength", 7}, {"Data", nullptr}};
  ASSERT_TRUE(client_from_json(tree.dump()).has_value());

  const result<client_info_array> a = array_from_json(R"({"NumElements": 7, "Clients": [null]})");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->num_elements, 7u);
  EXPECT_EQ(a->clients->size(), 1u);
  const result<client_info_array> n = array_from_json(R"({"NumElements": 2, "Clients": null})");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->num_elements, 2u);
  EXPECT_EQ(n->clients, std::nullopt);
}

TEST(JsonRead, HexIsEvenLengthAndCaseInsensitive) {
  ordered_json tree = typical_tree();
  tree["ClientHardwareAddress"]["Data"] = "ABcd09";
  const result<client_info> c = client_from_json(tree.dump());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->client_hardware_address.data, (std::vector<std::uint8_t>{0xAB, 0xCD, 0x09}));
  EXPECT_NE(to_json(*c).find("\"Data\": \"abcd09\""), std::string::npos);

  for (const char* bad : {"abc", "0", "zz", "0x12", "12 4", "g0"}) {
    tree["ClientHardwareAddress"]["Data"] = bad;
    expect_json_error(tree_error(tree), "ClientHardwareAddress.Data");
  }
  tree["ClientHardwareAddress"]["Data"] = ordered_json::array({1, 2});
  expect_json_error(tree_error(tree), "ClientHardwareAddress.Data");
}

// --- strict reading -------------------------------------------------------------

TEST(JsonRead, BadIpAddresses) {
  for (const char* bad : {"192.168.1", "192.168.1.10.5", "256.1.1.1", "1.2.3.-4", "01.2.3.4", "1.2.3.4 ", " 1.2.3.4",
                          "1..2.3", "", "a.b.c.d", "1.2.3.1000", "0x1.2.3.4", "1.2.3.4."}) {
    SCOPED_TRACE(bad);
    ordered_json tree = typical_tree();
    tree["ClientIpAddress"] = bad;
    expect_json_error(tree_error(tree), "ClientIpAddress");
  }
  ordered_json tree = typical_tree();
  tree["ClientIpAddress"] = "192.168.1";
  EXPECT_EQ(tree_error(tree).message, "expected a dotted-quad IPv4 address, got \"192.168.1\"");
  tree["ClientIpAddress"] = std::string(100, '1');
  EXPECT_EQ(tree_error(tree).message, "expected a dotted-quad IPv4 address, got a string of 100 bytes");
  tree["ClientIpAddress"] = "1\n2";  // escaped: an error message stays one line
  EXPECT_EQ(tree_error(tree).message, "expected a dotted-quad IPv4 address, got \"1\\n2\"");
  tree = typical_tree();
  tree["Flags"] = 256;
  EXPECT_EQ(tree_error(tree).message, "expected an integer in 0..255, got 256");
  tree = typical_tree();
  tree["SubnetMask"] = 4294967040;  // the DWORD as a number is not the JSON form
  expect_json_error(tree_error(tree), "SubnetMask");
  tree = typical_tree();
  tree["OwnerHost"]["IpAddress"] = "10.0.0";
  expect_json_error(tree_error(tree), "OwnerHost.IpAddress");
  tree["OwnerHost"]["IpAddress"] = "0.0.0.0";
  ASSERT_TRUE(client_from_json(tree.dump()).has_value());
}

TEST(JsonRead, IntegerRanges) {
  struct bound {
    const char* field;
    std::uint64_t max;
  };
  const bound bounds[] = {{"bClientType", 255},
                          {"AddressState", 255},
                          {"Flags", 255},
                          {"Status", UINT32_MAX},
                          {"QuarantineCapable", UINT32_MAX},
                          {"SentPotExpTime", UINT32_MAX},
                          {"BndMsgStatus", UINT32_MAX},
                          {"ClientLeaseExpires", UINT64_MAX},
                          {"ProbationEnds", UINT64_MAX}};
  for (const bound& b : bounds) {
    SCOPED_TRACE(b.field);
    ordered_json tree = typical_tree();
    tree[b.field] = b.max;
    const result<client_info> at_max = client_from_json(tree.dump());
    ASSERT_TRUE(at_max.has_value()) << format_error(at_max.error_value());
    EXPECT_EQ(to_json(*at_max), tree.dump(1));
    if (b.max < UINT64_MAX) {
      tree[b.field] = b.max + 1;
      expect_json_error(tree_error(tree), b.field);
    } else {
      // Beyond 2^64-1 nlohmann has only a double: refused, never rounded.
      std::string text = tree.dump();
      const std::string max_text = std::to_string(UINT64_MAX);
      text.replace(text.find(max_text), max_text.size(), "18446744073709551616");
      expect_json_error(text_error(text), b.field);
    }
    for (const ordered_json& bad : {ordered_json(-1), ordered_json(1.5), ordered_json(1.0), ordered_json(true),
                                    ordered_json("1"), ordered_json(nullptr), ordered_json::array({1})}) {
      tree[b.field] = bad;
      expect_json_error(tree_error(tree), b.field);
    }
  }
  ordered_json tree = typical_tree();
  std::string text = tree.dump();
  const std::string flags = "\"Flags\":0";
  ASSERT_NE(text.find(flags), std::string::npos);
  text.replace(text.find(flags), flags.size(), "\"Flags\":-0");  // a signed zero is still zero
  const result<client_info> negative_zero = client_from_json(text);
  ASSERT_TRUE(negative_zero.has_value());
  EXPECT_EQ(negative_zero->flags, 0);

  tree["ClientHardwareAddress"]["DataLength"] = std::uint64_t{1} << 32;
  expect_json_error(tree_error(tree), "ClientHardwareAddress.DataLength");
  expect_json_error(array_from_json(R"({"NumElements": -1, "Clients": []})").error_value(), "NumElements");
  expect_json_error(response_from_json(R"({"ClientInfo": null, "ReturnValue": 4294967296})").error_value(),
                    "ReturnValue");
}

TEST(JsonRead, MissingMembers) {
  for (const char* field : {"ClientIpAddress", "ClientHardwareAddress", "ClientName", "OwnerHost", "Status", "Flags"}) {
    ordered_json tree = typical_tree();
    tree.erase(field);
    expect_json_error(tree_error(tree), field);
  }
  ordered_json tree = typical_tree();
  tree["OwnerHost"].erase("HostName");
  expect_json_error(tree_error(tree), "OwnerHost.HostName");
  tree = typical_tree();
  tree["ClientHardwareAddress"].erase("Data");
  expect_json_error(tree_error(tree), "ClientHardwareAddress.Data");
  expect_json_error(array_from_json(R"({"NumElements": 0})").error_value(), "Clients");
  expect_json_error(array_from_json(R"({"Clients": []})").error_value(), "NumElements");
  expect_json_error(response_from_json(R"({"ClientInfo": null})").error_value(), "ReturnValue");
  expect_json_error(response_from_json(R"({"ReturnValue": 0})").error_value(), "ClientInfo");
}

TEST(JsonRead, UnknownMembers) {
  ordered_json tree = typical_tree();
  tree["Extra"] = 1;
  expect_json_error(tree_error(tree), "Extra");
  tree = typical_tree();
  tree["OwnerHost"]["Port"] = 67;
  expect_json_error(tree_error(tree), "OwnerHost.Port");
  tree = typical_tree();
  tree["ClientHardwareAddress"]["Type"] = 1;
  expect_json_error(tree_error(tree), "ClientHardwareAddress.Type");
  tree = typical_tree();
  tree["clientipaddress"] = tree["ClientIpAddress"];  // names are case-sensitive
  tree.erase("ClientIpAddress");
  expect_json_error(tree_error(tree), "clientipaddress");
  expect_json_error(array_from_json(R"({"NumElements": 0, "Clients": [], "Count": 0})").error_value(), "Count");
  expect_json_error(response_from_json(R"({"ClientInfo": null, "ReturnValue": 0, "Extra": 0})").error_value(), "Extra");
}

TEST(JsonRead, PathsInsideArrays) {
  ordered_json array = ordered_json::parse(vector_json("array-3"));
  array["Clients"][2]["OwnerHost"]["IpAddress"] = "1.2.3";
  const result<client_info_array> r = array_from_json(array.dump());
  ASSERT_FALSE(r.has_value());
  expect_json_error(r.error_value(), "Clients[2].OwnerHost.IpAddress");
  EXPECT_EQ(format_error(r.error_value()).rfind("invalid_json at offset 0x0: Clients[2].OwnerHost.IpAddress: ", 0), 0u);

  array = ordered_json::parse(vector_json("array-3"));
  array["Clients"][1] = 5;
  expect_json_error(array_from_json(array.dump()).error_value(), "Clients[1]");
  array["Clients"] = "none";
  expect_json_error(array_from_json(array.dump()).error_value(), "Clients");
}

TEST(JsonRead, DuplicateMembersAreRefused) {
  std::string text = vector_json("typical");
  text.insert(text.rfind('}'), ", \"Flags\": 1");
  expect_json_error(text_error(text), "Flags");

  std::string array_text = vector_json("array-3");
  const std::string host = "\"HostName\": \"dhcp-a.corp.example.com\"";
  const std::size_t second_record = array_text.find("\"ClientIpAddress\"", array_text.find("null,"));
  array_text.insert(array_text.find("\"HostName\"", second_record), host + ", ");
  const result<client_info_array> r = array_from_json(array_text);
  ASSERT_FALSE(r.has_value());
  expect_json_error(r.error_value(), "Clients[2].OwnerHost.HostName");
}

TEST(JsonRead, SyntaxErrorsGiveTheByteOffset) {
  struct syntax_case {
    std::string text;
    std::uint64_t offset;
  };
  const syntax_case cases[] = {
      {R"({"a" 1})", 5},             // the '1' where ':' belongs
      {"{\n \"a\": }", 8},           // the '}' where a value belongs
      {"", 0},                       // end of input at once
      {"{} x", 3},                   // trailing garbage
      {"{\"a\": \"\xC3\x28\"}", 8},  // ill-formed UTF-8 inside a string
  };
  for (const syntax_case& c : cases) {
    SCOPED_TRACE(c.text);
    const result<client_info> r = client_from_json(c.text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error_value().code, error_code::invalid_json);
    EXPECT_EQ(r.error_value().offset, c.offset) << r.error_value().message;
    EXPECT_EQ(r.error_value().path, "");
    EXPECT_EQ(r.error_value().message.find("[json.exception"), std::string::npos) << r.error_value().message;
  }
  const error e = text_error(R"({"a" 1})");
  EXPECT_EQ(format_error(e).rfind("invalid_json at offset 0x5: (value): ", 0), 0u) << format_error(e);
}

TEST(JsonRead, EscapedSurrogatesFollowJsonRules) {
  ordered_json tree = typical_tree();
  std::string text = tree.dump();
  const std::string laptops = "\"Laptops\"";
  text.replace(text.find(laptops), laptops.size(), R"("\ud83d\udd12")");
  const result<client_info> pair = client_from_json(text);
  ASSERT_TRUE(pair.has_value());
  EXPECT_EQ(pair->policy_name, utf16_string::from_units(u"\U0001F512"));

  // A lone surrogate cannot be a JSON string; {"utf16": [...]} is the way.
  text = tree.dump();
  text.replace(text.find(laptops), laptops.size(), R"("\ud83d")");
  EXPECT_EQ(text_error(text).code, error_code::invalid_json);
}

TEST(JsonRead, TopLevelShapes) {
  expect_json_error(text_error("null"), "");
  expect_json_error(text_error("[]"), "");
  expect_json_error(text_error("42"), "");
  const result<std::optional<client_info>> null_client = optional_client_from_json("null");
  ASSERT_TRUE(null_client.has_value());
  EXPECT_EQ(*null_client, std::nullopt);
  const result<std::optional<client_info_array>> null_array = optional_array_from_json(" null ");
  ASSERT_TRUE(null_array.has_value());
  EXPECT_EQ(*null_array, std::nullopt);
  expect_json_error(array_from_json("null").error_value(), "");
  expect_json_error(optional_array_from_json("[]").error_value(), "");
  expect_json_error(response_from_json("null").error_value(), "");
}

TEST(JsonRead, ResponseForms) {
  const result<get_client_info_response> null_info =
      response_from_json(R"({"ClientInfo": null, "ReturnValue": 20013})");
  ASSERT_TRUE(null_info.has_value());
  EXPECT_EQ(null_info->client, std::nullopt);
  EXPECT_EQ(null_info->return_value, 20013u);

  ordered_json wrapped = {{"ClientInfo", typical_tree()}, {"ReturnValue", 0}};
  wrapped["ClientInfo"]["Status"] = "six";
  expect_json_error(response_from_json(wrapped.dump()).error_value(), "ClientInfo.Status");

  ordered_json bare = typical_tree();
  bare["Status"] = "six";
  expect_json_error(response_from_json(bare.dump()).error_value(), "Status");
}

// Nesting far deeper than any value: an error, not a stack overflow.
TEST(JsonRead, DeepNestingIsAnErrorNotACrash) {
  const std::size_t depth = 100000;
  const std::string text = std::string(depth, '[') + std::string(depth, ']');
  expect_json_error(text_error(text), "");
  const std::string objects = [&] {
    std::string s;
    for (std::size_t i = 0; i < depth; ++i) s += "{\"a\":";
    s += "0";
    s += std::string(depth, '}');
    return s;
  }();
  expect_json_error(text_error(objects), "a");
}

// --- internals ------------------------------------------------------------------

TEST(JsonScalars, Ipv4) {
  EXPECT_EQ(detail::format_ipv4(0xC0A8010A), "192.168.1.10");
  EXPECT_EQ(detail::format_ipv4(0), "0.0.0.0");
  EXPECT_EQ(detail::format_ipv4(0x01020304), "1.2.3.4");
  EXPECT_EQ(detail::parse_ipv4("1.2.3.4"), 0x01020304u);
  EXPECT_EQ(detail::parse_ipv4("255.255.255.255"), UINT32_MAX);
  EXPECT_EQ(detail::parse_ipv4("0.0.0.0"), 0u);
  EXPECT_EQ(detail::parse_ipv4("10.0.0.1"), 0x0A000001u);
  EXPECT_EQ(detail::parse_ipv4("1.2.3.04"), std::nullopt);
  EXPECT_EQ(detail::parse_ipv4("1.2.3.0004"), std::nullopt);
  EXPECT_EQ(detail::parse_ipv4("+1.2.3.4"), std::nullopt);
  for (std::uint32_t v : {0u, 1u, 0x7F000001u, 0xDEADBEEFu, UINT32_MAX}) {
    EXPECT_EQ(detail::parse_ipv4(detail::format_ipv4(v)), v);
  }
}

TEST(JsonScalars, Hex) {
  const std::vector<std::uint8_t> data{0x00, 0x0f, 0xf0, 0xff, 0x5d};
  EXPECT_EQ(detail::format_hex(data), "000ff0ff5d");
  EXPECT_EQ(detail::parse_hex("000FF0ff5d"), data);
  EXPECT_EQ(detail::parse_hex(""), std::vector<std::uint8_t>{});
  EXPECT_EQ(detail::parse_hex("0"), std::nullopt);
  EXPECT_EQ(detail::parse_hex("0g"), std::nullopt);
  EXPECT_EQ(detail::parse_hex("g0"), std::nullopt);
}

}  // namespace
}  // namespace dhcpm
