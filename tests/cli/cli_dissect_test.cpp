// `dhcpm dissect` through the real binary (docs/cli.md): the annotated hex
// dump and the JSON form of every golden vector, the regions' tiling and raw
// bytes, detection of pickled input, and broken input — the dump of what
// parsed on stdout, decode's own error line on stderr, exit 1.
#include <algorithm>
#include <cstdint>
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

// One golden vector file and the options that select it.
struct dissect_file {
  std::string name;  // "typical"
  std::string type;  // "client" or "array"
  std::string kind;  // "ptr.ndr20", "pickle.ndr64", "x86", ...

  [[nodiscard]] fs::path bin() const { return vector_dir / (name + "." + kind + ".bin"); }
  [[nodiscard]] std::string layout() const {
    std::string k = kind.starts_with("foreign.") ? kind.substr(8) : kind;
    if (k == "pickle.ndr20") return "pickle-ndr20";
    if (k == "pickle.ndr20be") return "pickle-ndr20be";
    if (k == "pickle.ndr64") return "pickle-ndr64";
    if (k == "pickle2.ndr20") return "pickle2-ndr20";
    if (k.starts_with("ptr.")) return k.substr(4);
    if (k.starts_with("response.")) return k.substr(9);
    return k;
  }
  [[nodiscard]] std::string framing() const {
    if (kind.starts_with("ptr.")) return "ptr";
    if (kind.starts_with("response.")) return "response";
    return "bare";
  }
  [[nodiscard]] std::vector<std::string> args(const std::string& command) const {
    return {command, "--layout", layout(), "--type", type, "--framing", framing()};
  }
};

void PrintTo(const dissect_file& f, std::ostream* os) { *os << f.name << "." << f.kind << ".bin"; }

std::vector<dissect_file> all_files() {
  std::vector<dissect_file> out;
  const json index = json::parse(read_file(vector_dir / "index.json"));
  for (const auto& [name, entry] : index.items()) {
    for (const auto& [kind, size] : entry["files"].items()) out.push_back({name, entry["type"], kind});
  }
  return out;
}

// One file of each type and kind (layout and framing): what the CLI adds to
// the library's dissection is its output, the same for every file of a kind.
// Every file's regions tiling it is the unit tests' DissectSweep (in process).
std::vector<dissect_file> one_file_per_kind() {
  std::vector<dissect_file> out;
  for (const dissect_file& f : all_files()) {
    const bool seen =
        std::any_of(out.begin(), out.end(), [&](const dissect_file& o) { return o.type == f.type && o.kind == f.kind; });
    if (!seen) out.push_back(f);
  }
  return out;
}

std::string test_name(const ::testing::TestParamInfo<dissect_file>& info) {
  std::string name = info.param.name + "_" + info.param.kind;
  for (char& c : name) {
    if (c == '-' || c == '.') c = '_';
  }
  return name;
}

std::string hex(const std::string& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  return out;
}

// The regions tile [0, consumed) and each one's raw hex is the file's bytes there.
::testing::AssertionResult regions_tile(const json& out, const std::string& bytes) {
  std::size_t end = 0;
  for (const json& r : out.at("regions")) {
    const std::size_t offset = r.at("offset");
    const std::size_t length = r.at("length");
    if (offset != end || length == 0) return ::testing::AssertionFailure() << "region " << r.dump() << " at " << end;
    if (r.at("raw") != hex(bytes.substr(offset, length))) return ::testing::AssertionFailure() << "raw of " << r.dump();
    end = offset + length;
  }
  if (end != out.at("consumed")) return ::testing::AssertionFailure() << "regions end at " << end;
  return ::testing::AssertionSuccess();
}

const json* region_at(const json& out, const std::string& path) {
  for (const json& r : out.at("regions")) {
    if (r.at("path") == path) return &r;
  }
  return nullptr;
}

// --- every vector -------------------------------------------------------------------

class cli_dissect_vector : public ::testing::TestWithParam<dissect_file> {};

TEST_P(cli_dissect_vector, json_regions_tile_the_file) {
  const dissect_file& f = GetParam();
  std::vector<std::string> args = f.args("dissect");
  args.push_back("--json");
  args.push_back(f.bin().string());
  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << shown(args) << "\n" << r.err;
  EXPECT_EQ(r.err, "");
  const json out = json::parse(r.out);
  const std::string bytes = read_file(f.bin());
  EXPECT_EQ(out.at("size"), bytes.size());
  EXPECT_EQ(out.at("consumed"), bytes.size());
  EXPECT_TRUE(out.at("stopped").is_null());
  EXPECT_TRUE(out.at("warnings").empty());
  EXPECT_EQ(out.at("type"), f.type);
  EXPECT_TRUE(regions_tile(out, bytes)) << shown(args);
}

TEST_P(cli_dissect_vector, text_dump_shows_every_byte) {
  const dissect_file& f = GetParam();
  std::vector<std::string> args = f.args("dissect");
  args.push_back(f.bin().string());
  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << shown(args) << "\n" << r.err;
  EXPECT_EQ(r.err, "");
  const std::vector<std::string> lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_TRUE(lines.front().starts_with("# dhcpm dissect: " + f.layout() + ", " + f.type + ", " + f.framing()));
  const std::string bytes = read_file(f.bin());
  EXPECT_EQ(lines.back(), "# " + f.layout() + ": " + std::to_string(bytes.size()) + " of " +
                              std::to_string(bytes.size()) + " bytes dissected");
  // The hex columns of the byte lines, read back, are the file.
  std::string dumped;
  for (const std::string& line : lines) {
    if (line.starts_with("#")) continue;
    for (std::size_t at = 10; at + 1 < line.size() && at < 10 + 47; at += 3) {
      if (line[at] == ' ') break;
      dumped += static_cast<char>(std::stoi(line.substr(at, 2), nullptr, 16));
    }
  }
  EXPECT_EQ(hex(dumped), hex(bytes));
}

INSTANTIATE_TEST_SUITE_P(kinds, cli_dissect_vector, ::testing::ValuesIn(one_file_per_kind()), test_name);

// --- what the lines say -------------------------------------------------------------

TEST(cli_dissect, text_lines_name_offset_kind_path_and_value) {
  const run_result r = run_cli({"dissect", "--layout", "ndr20", (vector_dir / "typical.ndr20.bin").string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  const std::vector<std::string> lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[2],
            "00000000  0a 01 a8 c0                                      field         ClientIpAddress = 192.168.1.10");
  const auto has = [&lines](const std::string& text) {
    for (const std::string& line : lines) {
      if (line.find(text) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("field         ClientLeaseExpires = 2026-12-06T09:30:00Z"));
  EXPECT_TRUE(has("field         bClientType = 1 (dhcp)"));
  EXPECT_TRUE(has("string-units  ClientName = \"laptop-42.corp.example.com\""));
  EXPECT_TRUE(has("padding       ClientName"));
}

TEST(cli_dissect, json_values_and_kinds) {
  const run_result r =
      run_cli({"dissect", "--json", "--layout", "ndr20", "--type", "array",
               (vector_dir / "array-with-null.ndr20.bin").string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  const json out = json::parse(r.out);
  EXPECT_EQ(out.at("layout"), "ndr20");
  ASSERT_NE(region_at(out, "NumElements"), nullptr);
  EXPECT_EQ(region_at(out, "NumElements")->at("value"), "3");
  ASSERT_NE(region_at(out, "Clients[1]"), nullptr);
  EXPECT_EQ(region_at(out, "Clients[1]")->at("kind"), "referent-id");
  EXPECT_EQ(region_at(out, "Clients[1]")->at("value"), "NULL");
}

TEST(cli_dissect, pickled_input_is_detected_without_layout) {
  for (const std::string kind : {"pickle.ndr20", "pickle.ndr20be", "pickle.ndr64", "pickle2.ndr20"}) {
    const fs::path file = vector_dir / ("typical." + kind + ".bin");
    const run_result r = run_cli({"dissect", "--json", file.string()});
    ASSERT_EQ(r.exit_code, exit_success) << kind << ": " << r.err;
    const json out = json::parse(r.out);
    const std::string expected = dissect_file{"typical", "client", kind}.layout();
    EXPECT_EQ(out.at("layout"), expected);
    EXPECT_EQ(region_at(out, "CommonHeader.Version")->at("kind"), "header");
    EXPECT_TRUE(regions_tile(out, read_file(file)));
    const run_result same = run_cli({"dissect", "--json", "--layout", "auto", file.string()});
    EXPECT_EQ(same.out, r.out);
  }
}

// --- broken input ----------------------------------------------------------------------

TEST(cli_dissect, truncated_input_dumps_what_parsed_and_prints_decodes_error) {
  const std::string whole = read_file(vector_dir / "typical.ndr20.bin");
  const fs::path cut = scratch_file("cut.bin");
  write_file(cut, whole.substr(0, 62));  // inside the flat part: SentPotExpTime is cut off
  for (const bool lenient : {false, true}) {
    std::vector<std::string> args{"dissect", "--json", "--layout", "ndr20", cut.string()};
    std::vector<std::string> decode_args{"decode", "--layout", "ndr20", cut.string()};
    if (lenient) {
      args.push_back("--lenient");
      decode_args.push_back("--lenient");
    }
    const run_result r = run_cli(args);
    EXPECT_EQ(r.exit_code, exit_malformed_input) << shown(args);
    const run_result decoded = run_cli(decode_args);
    EXPECT_EQ(r.err, decoded.err) << "the same error line as decode";
    EXPECT_TRUE(diagnostics_are(r.err, {{"error", "truncated", "3c", "SentPotExpTime"}}));
    const json out = json::parse(r.out);
    EXPECT_EQ(out.at("stopped").at("code"), "truncated");
    EXPECT_EQ(out.at("stopped").at("path"), "SentPotExpTime");
    EXPECT_EQ(out.at("consumed"), 60u) << "the fields before the cut are shown";
    EXPECT_EQ(region_at(out, "ClientLeaseExpires")->at("value"), "2026-12-06T09:30:00Z");
    EXPECT_TRUE(regions_tile(out, read_file(cut)));
  }
  const run_result text = run_cli({"dissect", "--layout", "ndr20", cut.string()});
  EXPECT_EQ(text.exit_code, exit_malformed_input);
  const std::vector<std::string> lines = lines_of(text.out);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_TRUE(lines.back().starts_with("# stopped: truncated at offset 0x")) << lines.back();
  bool not_parsed = false;
  for (const std::string& line : lines) not_parsed = not_parsed || line.find("(not parsed)") != std::string::npos;
  EXPECT_TRUE(not_parsed) << "the bytes after the stop are shown too";
}

TEST(cli_dissect, lenient_trailing_bytes_are_a_region_and_a_warning) {
  const fs::path longer = scratch_file("longer.bin");
  write_file(longer, read_file(vector_dir / "typical.ndr20.bin") + std::string("\x01\x02\x03", 3));
  const run_result r = run_cli({"dissect", "--json", "--lenient", "--layout", "ndr20", longer.string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_TRUE(diagnostics_are(r.err, {{"warning", "trailing_bytes", "", "(value)"}}));
  const json out = json::parse(r.out);
  EXPECT_EQ(out.at("regions").back().at("kind"), "trailing");
  EXPECT_EQ(out.at("regions").back().at("raw"), "010203");
  EXPECT_EQ(out.at("warnings").size(), 1u);
  EXPECT_TRUE(out.at("stopped").is_null());

  const run_result strict = run_cli({"dissect", "--json", "--layout", "ndr20", longer.string()});
  EXPECT_EQ(strict.exit_code, exit_malformed_input);
  EXPECT_TRUE(diagnostics_are(strict.err, {{"error", "trailing_bytes", "", ""}}));
}

TEST(cli_dissect, images_at_another_address) {
  const fs::path image = vector_dir / "typical.x64.bin";
  const run_result r =
      run_cli({"dissect", "--json", "--layout", "x64", "--base", "0x10000", "--at", "0x10000", image.string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_EQ(region_at(json::parse(r.out), "ClientName")->at("kind"), "pointer");
  const run_result wrong = run_cli({"dissect", "--layout", "x64", "--base", "0x20000", image.string()});
  EXPECT_EQ(wrong.exit_code, exit_malformed_input);
  EXPECT_TRUE(diagnostics_are(wrong.err, {{"error", "pointer_out_of_image", "", "ClientHardwareAddress.Data"}}));
}

// --- usage ---------------------------------------------------------------------------------

TEST(cli_dissect, usage_errors) {
  const std::string bin = (vector_dir / "typical.ndr20.bin").string();
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"dissect", bin},                                   // bare NDR has no signature: --layout needed
           {"dissect", "--layout", "auto", bin},
           {"dissect", "--all", "--layout", "pickle", bin},   // dissect shows every value anyway
           {"dissect", "--layout", "x64", "--framing", "ptr", bin},
           {"dissect", "--framing", "ptr", bin},             // auto detects pickles only: bare
           {"dissect", "--layout", "ndr20", "--base", "0x1000", bin},
           {"dissect", "--layout", "ndr99", bin},
       }) {
    const run_result r = run_cli(args);
    EXPECT_EQ(r.exit_code, exit_usage) << shown(args);
    EXPECT_EQ(r.out, "") << shown(args);
    EXPECT_TRUE(one_usage_error(r.err)) << shown(args);
  }
  const run_result help = run_cli({"dissect", "--help"});
  EXPECT_EQ(help.exit_code, exit_success);
  EXPECT_NE(help.out.find("--json"), std::string::npos);
}

TEST(cli_dissect, missing_file_is_an_io_error) {
  const run_result r = run_cli({"dissect", "--layout", "ndr20", (scratch_file("absent.bin")).string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(diagnostics_are(r.err, {{"error", "io", "0", ""}}));
}

}  // namespace
