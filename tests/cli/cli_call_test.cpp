// `--call METHOD --direction request|response` through the real binary
// (docs/cli.md): a golden stub decodes to its JSON, encodes back byte for
// byte, validates, dissects with the call in the heading and each region's
// parameter, converts between NDR layouts; `gen --call` makes stubs the
// other commands read; and the combinations that do not exist are usage errors.
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

const fs::path family = vector_dir / "family";
const std::string more_data = "R_DhcpV4EnumSubnetClients.response.more-data";
const std::vector<std::string> enum_response{"--call", "R_DhcpV4EnumSubnetClients", "--direction", "response"};

std::vector<std::string> args(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

TEST(cli_call, decode_encode_and_validate_a_golden_stub) {
  const fs::path ndr64 = family / (more_data + ".ndr64.bin");
  const run_result decoded = run_cli(args({"decode", "--layout", "ndr64"}, args(enum_response, {ndr64.string()})));
  ASSERT_EQ(decoded.exit_code, exit_success) << decoded.err;
  EXPECT_EQ(json::parse(decoded.out), json::parse(read_file(family / (more_data + ".json"))));

  const fs::path out = scratch_file("stub.bin");
  const run_result encoded = run_cli(args({"encode", "--layout", "ndr64"},
                                          args(enum_response, {(family / (more_data + ".json")).string(), "-o",
                                                               out.string()})));
  ASSERT_EQ(encoded.exit_code, exit_success) << encoded.err;
  EXPECT_EQ(read_file(out), read_file(ndr64));

  const run_result valid = run_cli(args({"validate", "--layout", "ndr64"}, args(enum_response, {ndr64.string()})));
  EXPECT_EQ(valid.exit_code, exit_success) << valid.err;
  EXPECT_EQ(valid.out + valid.err, "");
}

TEST(cli_call, convert_between_ndr_layouts) {
  const fs::path out = scratch_file("converted.bin");
  const run_result r = run_cli(args({"convert", "--from", "ndr20", "--to", "ndr20be"},
                                    args(enum_response, {(family / (more_data + ".ndr20.bin")).string(), "-o",
                                                         out.string()})));
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_EQ(read_file(out), read_file(family / (more_data + ".ndr20be.bin")));
}

TEST(cli_call, dissect_names_the_call_each_parameter_and_the_return_value) {
  const run_result r = run_cli(
      args({"dissect", "--json", "--layout", "ndr20"}, args(enum_response, {(family / (more_data + ".ndr20.bin")).string()})));
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  const json d = json::parse(r.out);
  EXPECT_EQ(d["call"], "R_DhcpV4EnumSubnetClients");
  EXPECT_EQ(d["direction"], "response");
  const json& last = d["regions"].back();
  EXPECT_EQ(last["kind"], "return-value");
  EXPECT_EQ(last["value"], "234 (ERROR_MORE_DATA)");
}

TEST(cli_call, generated_stubs_encode_and_decode) {
  const std::vector<std::string> request{"--call", "R_DhcpGetClientInfoVQ", "--direction", "request"};
  const run_result made = run_cli(args({"gen", "--seed", "9"}, request));
  ASSERT_EQ(made.exit_code, exit_success) << made.err;
  const fs::path text = scratch_file("stub.json");
  write_file(text, made.out);
  const fs::path bin = scratch_file("stub.bin");
  ASSERT_EQ(run_cli(args({"encode", "--layout", "ndr20"}, args(request, {text.string(), "-o", bin.string()}))).exit_code,
            exit_success);
  const run_result back = run_cli(args({"decode", "--layout", "ndr20"}, args(request, {bin.string()})));
  ASSERT_EQ(back.exit_code, exit_success) << back.err;
  EXPECT_EQ(json::parse(back.out), json::parse(made.out));
  const run_result list = run_cli(args({"gen", "--count", "3"}, request));
  ASSERT_EQ(list.exit_code, exit_success) << list.err;
  EXPECT_EQ(json::parse(list.out).size(), 3u);
}

TEST(cli_call, a_bad_stub_is_decodes_error_line) {
  const fs::path cut = scratch_file("cut.bin");
  const std::string bytes = read_file(family / (more_data + ".ndr20.bin"));
  write_file(cut, bytes.substr(0, bytes.size() - 2));
  const run_result r = run_cli(args({"decode", "--layout", "ndr20"}, args(enum_response, {cut.string()})));
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_NE(r.err.find("error: truncated"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ReturnValue"), std::string::npos) << r.err;
}

TEST(cli_call, combinations_that_do_not_exist_are_usage_errors) {
  const std::string file = (family / (more_data + ".ndr20.bin")).string();
  for (const std::vector<std::string>& bad : {
           args({"decode", "--layout", "ndr20", "--type", "client"}, args(enum_response, {file})),
           args({"decode", "--layout", "pickle-ndr20"}, args(enum_response, {file})),
           args({"decode"}, args(enum_response, {file})),
           std::vector<std::string>{"decode", "--layout", "ndr20", "--call", "R_DhcpV4EnumSubnetClients", file},
           std::vector<std::string>{"decode", "--layout", "ndr20", "--call", "R_NoSuchCall", "--direction", "request", file},
       }) {
    const run_result r = run_cli(bad);
    EXPECT_EQ(r.exit_code, exit_usage) << shown(bad) << "\n" << r.err;
  }
}

}  // namespace
