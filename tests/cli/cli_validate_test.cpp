// `dhcpm validate` through the real binary (docs/cli.md): silence and exit 0
// for every golden vector; for bad input exactly decode's error line and its
// exit code, and nothing on stdout; pickled input recognised without --layout.
#include <algorithm>
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

struct validate_file {
  std::string name;
  std::string type;
  std::string kind;

  [[nodiscard]] fs::path bin() const { return vector_dir / (name + "." + kind + ".bin"); }
  [[nodiscard]] std::vector<std::string> args(const std::string& command) const {
    std::string k = kind.starts_with("foreign.") ? kind.substr(8) : kind;
    std::string framing = "bare";
    if (k.starts_with("ptr.")) {
      framing = "ptr";
      k = k.substr(4);
    } else if (k.starts_with("response.")) {
      framing = "response";
      k = k.substr(9);
    } else if (k.starts_with("pickle.")) {
      k = "pickle-" + k.substr(7);  // pickle.ndr20 -> pickle-ndr20
    } else if (k.starts_with("pickle2.")) {
      k = "pickle2-" + k.substr(8);
    }
    return {command, "--layout", k, "--type", type, "--framing", framing};
  }
};

void PrintTo(const validate_file& f, std::ostream* os) { *os << f.name << "." << f.kind << ".bin"; }

std::vector<validate_file> all_files() {
  std::vector<validate_file> out;
  const json index = json::parse(read_file(vector_dir / "index.json"));
  for (const auto& [name, entry] : index.items()) {
    for (const auto& [kind, size] : entry["files"].items()) out.push_back({name, entry["type"], kind});
  }
  return out;
}

// The first file of each (type, kind): what the cut-file test runs on. Each
// run spawns the binary twice (slow under the sanitizers), and decode and
// validate agreeing on every cut of every file is the unit tests' (in
// process); here it is the error line and exit code of each layout and framing.
std::vector<validate_file> one_file_per_kind() {
  std::vector<validate_file> out;
  for (const validate_file& f : all_files()) {
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&](const validate_file& o) { return o.type == f.type && o.kind == f.kind; });
    if (!seen) out.push_back(f);
  }
  return out;
}

std::string test_name(const ::testing::TestParamInfo<validate_file>& info) {
  std::string name = info.param.name + "_" + info.param.kind;
  for (char& c : name) {
    if (c == '-' || c == '.') c = '_';
  }
  return name;
}

class cli_validate_vector : public ::testing::TestWithParam<validate_file> {};
class cli_validate_cut : public ::testing::TestWithParam<validate_file> {};

TEST_P(cli_validate_vector, valid_input_is_silent) {
  std::vector<std::string> args = GetParam().args("validate");
  args.push_back(GetParam().bin().string());
  const run_result r = run_cli(args);
  EXPECT_EQ(r.exit_code, exit_success) << shown(args) << "\n" << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST_P(cli_validate_cut, a_cut_file_fails_with_decodes_error_line) {
  const validate_file& f = GetParam();
  const std::string bytes = read_file(f.bin());
  const fs::path cut = scratch_file("cut.bin");
  write_file(cut, bytes.substr(0, bytes.size() - 1));
  std::vector<std::string> args = f.args("validate");
  std::vector<std::string> decode_args = f.args("decode");
  args.push_back(cut.string());
  decode_args.push_back(cut.string());
  const run_result r = run_cli(args);
  const run_result decoded = run_cli(decode_args);
  EXPECT_EQ(r.exit_code, exit_malformed_input) << shown(args);
  EXPECT_EQ(r.exit_code, decoded.exit_code);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, decoded.err);
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
}

INSTANTIATE_TEST_SUITE_P(vectors, cli_validate_vector, ::testing::ValuesIn(all_files()), test_name);
INSTANTIATE_TEST_SUITE_P(kinds, cli_validate_cut, ::testing::ValuesIn(one_file_per_kind()), test_name);

TEST(cli_validate, pickled_input_needs_no_layout) {
  for (const std::string kind : {"pickle.ndr20", "pickle.ndr20be", "pickle.ndr64", "pickle2.ndr20"}) {
    const run_result r = run_cli({"validate", "--type", "array", (vector_dir / ("array-3." + kind + ".bin")).string()});
    EXPECT_EQ(r.exit_code, exit_success) << kind << ": " << r.err;
    EXPECT_EQ(r.out + r.err, "");
  }
  // Samba's big-endian common header is recognised as well.
  const run_result samba =
      run_cli({"validate", "--type", "array", (vector_dir / "array-3.foreign.pickle.ndr20be.bin").string()});
  EXPECT_EQ(samba.exit_code, exit_success) << samba.err;
}

TEST(cli_validate, detection_applies_to_decode_too) {
  const run_result automatic = run_cli({"decode", (vector_dir / "typical.pickle.ndr64.bin").string()});
  const run_result named =
      run_cli({"decode", "--layout", "pickle-ndr64", (vector_dir / "typical.pickle.ndr64.bin").string()});
  ASSERT_EQ(automatic.exit_code, exit_success) << automatic.err;
  EXPECT_EQ(automatic.out, named.out);
  const run_result all =
      run_cli({"decode", "--all", "--layout", "auto", (vector_dir / "typical.pickle.ndr20.bin").string()});
  ASSERT_EQ(all.exit_code, exit_success) << all.err;
  EXPECT_TRUE(json::parse(all.out).is_array());
}

TEST(cli_validate, unrecognised_input_without_layout_is_a_usage_error) {
  for (const std::string command : {"validate", "decode"}) {
    const run_result r = run_cli({command, (vector_dir / "typical.ndr20.bin").string()});
    EXPECT_EQ(r.exit_code, exit_usage) << command;
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(one_usage_error(r.err)) << r.err;
    EXPECT_NE(r.err.find("--layout"), std::string::npos) << r.err;
  }
}

TEST(cli_validate, wrong_type_is_malformed_input) {
  const run_result r =
      run_cli({"validate", "--layout", "ndr20", "--type", "array", (vector_dir / "typical.ndr20.bin").string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(lines_of(r.err).size(), 1u);
}

TEST(cli_validate, lenient_prints_warnings_and_succeeds) {
  const fs::path longer = scratch_file("longer.bin");
  write_file(longer, read_file(vector_dir / "typical.ndr20.bin") + std::string(4, '\0'));
  const run_result strict = run_cli({"validate", "--layout", "ndr20", longer.string()});
  EXPECT_EQ(strict.exit_code, exit_malformed_input);
  EXPECT_TRUE(diagnostics_are(strict.err, {{"error", "trailing_bytes", "154", "(value)"}}));
  const run_result lenient = run_cli({"validate", "--lenient", "--layout", "ndr20", longer.string()});
  EXPECT_EQ(lenient.exit_code, exit_success);
  EXPECT_EQ(lenient.out, "");
  EXPECT_TRUE(diagnostics_are(lenient.err, {{"warning", "trailing_bytes", "154", "(value)"}}));
}

TEST(cli_validate, limits_apply) {
  const run_result r = run_cli({"validate", "--layout", "ndr20", "--type", "array", "--max-elements", "2",
                                (vector_dir / "array-3.ndr20.bin").string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_TRUE(diagnostics_are(r.err, {{"error", "element_limit", "8", "Clients"}}));
}

TEST(cli_validate, stdin_and_io_errors) {
  const run_result piped = run_cli({"validate", "--layout", "ndr20", "-"}, vector_dir / "typical.ndr20.bin");
  EXPECT_EQ(piped.exit_code, exit_success) << piped.err;
  const run_result missing = run_cli({"validate", "--layout", "ndr20", scratch_file("absent.bin").string()});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_EQ(lines_of(missing.err).size(), 1u);
}

}  // namespace
