// `dhcpm gen` through the real binary (docs/cli.md): one JSON value without
// --count, a list with it; the same seed gives the same bytes; what it prints
// encodes in every layout and decodes back; --layout writes the encoded bytes
// directly; and the usage errors.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace dhcpm_cli_test;

run_result run_ok(const std::vector<std::string>& args) {
  run_result r = run_cli(args);
  EXPECT_EQ(r.exit_code, exit_success) << shown(args) << "\n" << r.err;
  EXPECT_EQ(r.err, "") << shown(args);
  return r;
}

TEST(cli_gen, one_value_without_count_a_list_with_it) {
  EXPECT_TRUE(json::parse(run_ok({"gen"}).out).is_object());
  EXPECT_TRUE(json::parse(run_ok({"gen", "--type", "array"}).out).is_object());
  const json one = json::parse(run_ok({"gen", "--count", "1"}).out);
  ASSERT_TRUE(one.is_array());
  EXPECT_EQ(one.size(), 1u);
  const json five = json::parse(run_ok({"gen", "--count", "5", "--seed", "3"}).out);
  ASSERT_EQ(five.size(), 5u);
  EXPECT_EQ(five[0], json::parse(run_ok({"gen", "--seed", "3"}).out)) << "the list starts with the single value";
}

TEST(cli_gen, the_same_seed_gives_the_same_output) {
  const std::string a = run_ok({"gen", "--count", "20", "--seed", "12345"}).out;
  EXPECT_EQ(a, run_ok({"gen", "--count", "20", "--seed", "12345"}).out);
  EXPECT_NE(a, run_ok({"gen", "--count", "20", "--seed", "12346"}).out);
  // Pinned (the same values as tests/unit/generate_test.cpp): every platform.
  const json pinned = json::parse(run_ok({"gen", "--seed", "1"}).out);
  EXPECT_EQ(pinned.at("ClientIpAddress"), "192.168.78.53");
  EXPECT_EQ(pinned.at("ClientName"), "sales-pos-41.corp.contoso.com");
}

TEST(cli_gen, arrays_with_a_fixed_number_of_elements) {
  const json a = json::parse(run_ok({"gen", "--type", "array", "--elements", "7", "--seed", "2"}).out);
  EXPECT_EQ(a.at("NumElements"), 7);
  EXPECT_EQ(a.at("Clients").size(), 7u);
}

TEST(cli_gen, output_encodes_and_decodes_back_in_every_layout) {
  for (const std::string type : {"client", "array"}) {
    const fs::path value = scratch_file(type + ".json");
    write_file(value, run_ok({"gen", "--type", type, "--seed", "77"}).out);
    for (const std::string layout : {"ndr20", "ndr20be", "ndr64", "pickle-ndr20", "pickle-ndr20be", "pickle-ndr64",
                                     "pickle2-ndr20", "x64", "x86"}) {
      const fs::path bin = scratch_file(type + "." + layout + ".bin");
      run_ok({"encode", "--layout", layout, "--type", type, value.string(), "-o", bin.string()});
      const run_result decoded = run_ok({"decode", "--layout", layout, "--type", type, bin.string()});
      EXPECT_EQ(json::parse(decoded.out), json::parse(read_file(value))) << type << " " << layout;
      // gen --layout writes the same bytes directly.
      const fs::path direct = scratch_file(type + "." + layout + ".direct.bin");
      run_ok({"gen", "--type", type, "--seed", "77", "--layout", layout, "-o", direct.string()});
      EXPECT_EQ(read_file(direct), read_file(bin)) << type << " " << layout;
      run_ok({"validate", "--layout", layout, "--type", type, direct.string()});
    }
  }
}

TEST(cli_gen, a_list_encodes_as_one_pickled_buffer) {
  const std::string list = run_ok({"gen", "--count", "4", "--seed", "9"}).out;
  const fs::path bin = scratch_file("list.bin");
  run_ok({"gen", "--count", "4", "--seed", "9", "--layout", "pickle-ndr64", "-o", bin.string()});
  const run_result decoded = run_ok({"decode", "--all", bin.string()});  // detected
  EXPECT_EQ(json::parse(decoded.out), json::parse(list));
}

TEST(cli_gen, count_one_in_a_layout_is_one_value) {
  // One value is one: --count 1 with a non-pickled layout writes the value
  // itself, the same bytes as without --count; with a pickle-* layout it is
  // a buffer of one value, as a list of one is.
  for (const std::string type : {"client", "array"}) {
    for (const std::string layout : {"ndr20", "ndr64", "x86"}) {
      const fs::path counted = scratch_file(type + "." + layout + ".count1.bin");
      const fs::path plain = scratch_file(type + "." + layout + ".plain.bin");
      run_ok({"gen", "--type", type, "--count", "1", "--seed", "5", "--layout", layout, "-o", counted.string()});
      run_ok({"gen", "--type", type, "--seed", "5", "--layout", layout, "-o", plain.string()});
      EXPECT_EQ(read_file(counted), read_file(plain)) << type << " " << layout;
    }
    const fs::path pickled = scratch_file(type + ".count1.pickle.bin");
    run_ok({"gen", "--type", type, "--count", "1", "--seed", "5", "--layout", "pickle-ndr20", "-o", pickled.string()});
    const json list = json::parse(run_ok({"decode", "--all", "--type", type, pickled.string()}).out);
    EXPECT_EQ(list, json::parse(run_ok({"gen", "--type", type, "--count", "1", "--seed", "5"}).out)) << type;
  }
}

TEST(cli_gen, framings_and_image_bases) {
  const fs::path ptr = scratch_file("ptr.bin");
  run_ok({"gen", "--seed", "4", "--layout", "ndr64", "--framing", "ptr", "-o", ptr.string()});
  run_ok({"validate", "--layout", "ndr64", "--framing", "ptr", ptr.string()});
  const fs::path response = scratch_file("response.bin");
  run_ok({"gen", "--seed", "4", "--layout", "ndr20", "--framing", "response", "-o", response.string()});
  const json r = json::parse(run_ok({"decode", "--layout", "ndr20", "--framing", "response", response.string()}).out);
  EXPECT_EQ(r.at("ReturnValue"), 0);
  const fs::path image = scratch_file("image.bin");
  run_ok({"gen", "--seed", "4", "--layout", "x86", "--base", "0x400000", "-o", image.string()});
  run_ok({"validate", "--layout", "x86", "--base", "0x400000", image.string()});
}

// The family's records are the failover record's realistic members under
// the same names, FilterStatus drawn from the filter states; every type
// encodes in every layout and decodes back.
TEST(cli_gen, family_records_share_the_failover_records_members) {
  const json failover = json::parse(run_ok({"gen", "--seed", "21"}).out);
  // ordered_json keeps the members in the order the output has them (schema order).
  const nlohmann::ordered_json pb =
      nlohmann::ordered_json::parse(run_ok({"gen", "--type", "DHCP_CLIENT_INFO_PB", "--seed", "21"}).out);
  std::vector<std::string> keys;
  for (const auto& [key, value] : pb.items()) {
    keys.push_back(key);
    if (key != "FilterStatus") EXPECT_EQ(json::parse(value.dump()), failover.at(key)) << key;
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"ClientIpAddress", "SubnetMask", "ClientHardwareAddress", "ClientName",
                                            "ClientComment", "ClientLeaseExpires", "OwnerHost", "bClientType",
                                            "AddressState", "Status", "ProbationEnds", "QuarantineCapable",
                                            "FilterStatus", "PolicyName"}));
  const unsigned filter = pb.at("FilterStatus").get<unsigned>();
  EXPECT_TRUE(filter == 1 || filter == 2 || filter == 8) << filter;

  for (const std::string type : {"DHCP_CLIENT_INFO", "DHCP_CLIENT_INFO_V5", "DHCP_CLIENT_INFO_ARRAY_VQ",
                                 "DHCP_CLIENT_INFO_PB_ARRAY", "client-ex"}) {
    const fs::path value = scratch_file(type + ".json");
    write_file(value, run_ok({"gen", "--type", type, "--seed", "8"}).out);
    const bool image_only = type == "client-ex";
    for (const std::string layout : {"ndr20", "ndr20be", "ndr64", "pickle-ndr64", "x64", "x86"}) {
      if (image_only && layout.rfind("x", 0) != 0) continue;
      const fs::path bin = scratch_file(type + "." + layout + ".bin");
      run_ok({"gen", "--type", type, "--seed", "8", "--layout", layout, "-o", bin.string()});
      EXPECT_EQ(json::parse(run_ok({"decode", "--layout", layout, "--type", type, bin.string()}).out),
                json::parse(read_file(value)))
          << type << " " << layout;
    }
  }
  const fs::path list = scratch_file("pb-list.bin");
  run_ok({"gen", "--type", "DHCP_CLIENT_INFO_PB_ARRAY", "--count", "3", "--elements", "4", "--seed", "2", "--layout",
          "pickle-ndr20be", "-o", list.string()});
  const json arrays = json::parse(run_ok({"decode", "--all", "--type", "DHCP_CLIENT_INFO_PB_ARRAY", list.string()}).out);
  ASSERT_EQ(arrays.size(), 3u);
  EXPECT_EQ(arrays[2].at("NumElements"), 4);
}

TEST(cli_gen, usage_errors) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"gen", "--count", "0"},
           {"gen", "--count", "-1"},
           {"gen", "--count", "ten"},
           {"gen", "--seed", "x"},
           {"gen", "--type", "record"},
           {"gen", "--elements", "3"},                             // clients have no elements
           {"gen", "--count", "100001"},
           {"gen", "--type", "array", "--count", "1000", "--elements", "1001"},  // over a million records
           {"gen", "--count", "2", "--layout", "ndr20"},           // several values need one pickled buffer
           {"gen", "--layout", "pickle"},                          // name the kind to encode
           {"gen", "--framing", "ptr"},                            // only with --layout
           {"gen", "--layout", "x64", "--framing", "ptr"},
           {"gen", "--type", "array", "--layout", "ndr20", "--framing", "response"},
           {"gen", "--layout", "ndr20", "--base", "0x1000"},
           {"gen", "--type", "DHCP_CLIENT_INFO_V4", "--layout", "ndr20", "--framing", "response"},
           {"gen", "--type", "DHCP_CLIENT_INFO_PB", "--elements", "2"},  // a record has no elements
           {"gen", "--type", "client-ex", "--layout", "ndr64"},          // the _EX lives in memory images only
       }) {
    const run_result r = run_cli(args);
    EXPECT_EQ(r.exit_code, exit_usage) << shown(args);
    EXPECT_EQ(r.out, "") << shown(args);
    EXPECT_TRUE(one_usage_error(r.err)) << shown(args);
  }
}

}  // namespace
