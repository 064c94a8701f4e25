// The CLI contract for NDR64 and type serialization, through the real
// `dhcpm` binary: every ndr64 and pickle golden vector both ways, `--all`
// (a JSON list of every value of a pickled buffer, and back), the usage
// errors of layouts that cannot carry a framing or several values, and the
// header errors and warnings of pickled input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace {

using namespace dhcpm_cli_test;
using json = nlohmann::json;

// --- the golden vectors -------------------------------------------------------

struct vector_file {
  std::string name;  // "typical"
  std::string type;  // "client" or "array"
  std::string kind;  // "pickle.ndr64", "ptr.ndr64", "foreign.pickle.ndr20be", ...

  [[nodiscard]] fs::path bin() const { return vector_dir / (name + "." + kind + ".bin"); }
  [[nodiscard]] fs::path json_file() const { return vector_dir / (name + ".json"); }
  [[nodiscard]] bool canonical() const { return !kind.starts_with("foreign."); }
  [[nodiscard]] std::string bare_kind() const { return canonical() ? kind : kind.substr(8); }
  [[nodiscard]] bool pickled() const { return bare_kind().starts_with("pickle"); }
  // The explicit --layout of the file.
  [[nodiscard]] std::string layout() const {
    const std::string k = bare_kind();
    if (k == "pickle.ndr20") return "pickle-ndr20";
    if (k == "pickle.ndr20be") return "pickle-ndr20be";
    if (k == "pickle.ndr64") return "pickle-ndr64";
    if (k == "pickle2.ndr20") return "pickle2-ndr20";
    return "ndr64";
  }
  [[nodiscard]] std::string framing() const {
    if (kind.starts_with("ptr.")) return "ptr";
    if (kind.starts_with("response.")) return "response";
    return "bare";
  }
  // What decode prints for this file.
  [[nodiscard]] json expected() const {
    json value = json::parse(read_file(json_file()));
    if (framing() == "response") return json{{"ClientInfo", value}, {"ReturnValue", 0}};
    return value;
  }
};

void PrintTo(const vector_file& f, std::ostream* os) { *os << f.name << "." << f.kind << ".bin"; }

std::vector<vector_file> vector_files(const std::vector<std::string>& kinds, bool canonical_only) {
  const json index = json::parse(read_file(vector_dir / "index.json"));
  std::vector<vector_file> files;
  for (const auto& [name, entry] : index.items()) {
    for (const std::string& kind : kinds) {
      if (!entry.at("files").contains(kind)) continue;
      vector_file f{name, entry.at("type").get<std::string>(), kind};
      if (canonical_only && !f.canonical()) continue;
      files.push_back(f);
    }
  }
  return files;
}

const std::vector<std::string> pickle_kinds{"pickle.ndr20", "pickle.ndr20be", "pickle.ndr64", "pickle2.ndr20",
                                            "foreign.pickle.ndr20be"};
const std::vector<std::string> ndr64_kinds{"ndr64", "ptr.ndr64", "response.ndr64", "foreign.ndr64"};

std::string test_name(const ::testing::TestParamInfo<vector_file>& info) {
  std::string name = info.param.name + "_" + info.param.kind;
  for (char& c : name) {
    if (c == '-' || c == '.') c = '_';
  }
  return name;
}

TEST(cli_pickle_vectors, index_lists_the_new_kinds) {
  // Guards the parameterised suites below against an empty or misread index.
  for (const auto& kinds : {pickle_kinds, ndr64_kinds}) {
    const std::vector<vector_file> files = vector_files(kinds, false);
    for (const std::string& kind : kinds) {
      EXPECT_TRUE(std::any_of(files.begin(), files.end(), [&](const vector_file& f) { return f.kind == kind; })) << kind;
    }
  }
}

// --- decoding and encoding each file ---------------------------------------------

class cli_pickle_decode_vector : public ::testing::TestWithParam<vector_file> {};

TEST_P(cli_pickle_decode_vector, prints_the_value_of_its_json) {
  const vector_file& v = GetParam();
  // The header chooses (--layout pickle), or the layout names the kind.
  for (const std::string& layout : {std::string("pickle"), v.layout()}) {
    const std::vector<std::string> args{"decode", "--layout", layout, "--type", v.type, v.bin().string()};
    const run_result r = run_cli(args);
    ASSERT_EQ(r.exit_code, exit_success) << shown(args) << ": " << r.err;
    EXPECT_EQ(r.err, "") << shown(args);
    ASSERT_FALSE(r.out.empty());
    EXPECT_EQ(r.out.back(), '\n');
    EXPECT_EQ(json::parse(r.out), v.expected()) << shown(args);
  }
  // --all: a list of the one value.
  const std::vector<std::string> all{"decode", "--layout", "pickle", "--type", v.type, "--all", v.bin().string()};
  const run_result r = run_cli(all);
  ASSERT_EQ(r.exit_code, exit_success) << shown(all) << ": " << r.err;
  EXPECT_EQ(json::parse(r.out), json::array({v.expected()})) << shown(all);
}

class cli_pickle_encode_vector : public ::testing::TestWithParam<vector_file> {};

TEST_P(cli_pickle_encode_vector, reproduces_the_canonical_bytes) {
  const vector_file& v = GetParam();
  const std::vector<std::string> args{"encode", "--layout", v.layout(), "--type", v.type, v.json_file().string()};
  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << shown(args) << ": " << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(r.out == read_file(v.bin())) << "bytes differ from " << v.bin().filename();
  // --all with a list of the one value writes the same buffer.
  const fs::path list = scratch_file("list.json");
  write_file(list, json::array({json::parse(read_file(v.json_file()))}).dump());
  const std::vector<std::string> all{"encode", "--layout", v.layout(), "--type", v.type, "--all", list.string()};
  const run_result a = run_cli(all);
  ASSERT_EQ(a.exit_code, exit_success) << shown(all) << ": " << a.err;
  EXPECT_TRUE(a.out == read_file(v.bin())) << shown(all);
}

INSTANTIATE_TEST_SUITE_P(pickle, cli_pickle_decode_vector, ::testing::ValuesIn(vector_files(pickle_kinds, false)), test_name);
INSTANTIATE_TEST_SUITE_P(pickle, cli_pickle_encode_vector, ::testing::ValuesIn(vector_files(pickle_kinds, true)), test_name);

class cli_ndr64_decode_vector : public ::testing::TestWithParam<vector_file> {};

TEST_P(cli_ndr64_decode_vector, prints_the_value_of_its_json) {
  const vector_file& v = GetParam();
  const std::vector<std::string> args{"decode", "--layout", "ndr64", "--type", v.type, "--framing", v.framing(),
                                      v.bin().string()};
  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << shown(args) << ": " << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(json::parse(r.out), v.expected()) << shown(args);
}

class cli_ndr64_encode_vector : public ::testing::TestWithParam<vector_file> {};

TEST_P(cli_ndr64_encode_vector, reproduces_the_canonical_bytes) {
  const vector_file& v = GetParam();
  const std::vector<std::string> args{"encode", "--layout", "ndr64", "--type", v.type, "--framing", v.framing(),
                                      v.json_file().string()};  // for response: the bare record is accepted
  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << shown(args) << ": " << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(r.out == read_file(v.bin())) << "bytes differ from " << v.bin().filename();
}

INSTANTIATE_TEST_SUITE_P(ndr64, cli_ndr64_decode_vector, ::testing::ValuesIn(vector_files(ndr64_kinds, false)), test_name);
INSTANTIATE_TEST_SUITE_P(ndr64, cli_ndr64_encode_vector, ::testing::ValuesIn(vector_files(ndr64_kinds, true)), test_name);

// --- several values: --all both ways ----------------------------------------------

struct pickle_kind_case {
  std::string kind;    // file kind, "pickle.ndr64"
  std::string layout;  // "pickle-ndr64"
  std::size_t common;  // common header bytes
};

const pickle_kind_case pickle_cases[] = {{"pickle.ndr20", "pickle-ndr20", 8},
                                         {"pickle.ndr20be", "pickle-ndr20be", 8},
                                         {"pickle.ndr64", "pickle-ndr64", 64},
                                         {"pickle2.ndr20", "pickle2-ndr20", 64}};

// The buffer of several values: one common header, then each file's private
// header and body, as the single-value files hold them.
std::string several(const pickle_kind_case& c, const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    const std::string file = read_file(vector_dir / (name + "." + c.kind + ".bin"));
    out += out.empty() ? file : file.substr(c.common);
  }
  return out;
}

json list_of(const std::vector<std::string>& names) {
  json list = json::array();
  for (const std::string& name : names) list.push_back(json::parse(read_file(vector_dir / (name + ".json"))));
  return list;
}

TEST(cli_pickle_all, encode_and_decode_several_values) {
  const struct {
    std::string type;
    std::vector<std::string> names;
  } lists[] = {{"client", {"minimal", "typical", "empty-strings", "unicode", "minimal"}},
               {"array", {"array-empty", "array-3", "array-with-null"}}};
  for (const pickle_kind_case& c : pickle_cases) {
    for (const auto& [type, names] : lists) {
      SCOPED_TRACE(c.layout + " " + type);
      const json list = list_of(names);
      const std::string expected = several(c, names);
      const fs::path list_path = scratch_file("list.json");
      write_file(list_path, list.dump());

      const std::vector<std::string> encode{"encode", "--layout", c.layout, "--type", type, "--all", list_path.string()};
      const run_result e = run_cli(encode);
      ASSERT_EQ(e.exit_code, exit_success) << shown(encode) << ": " << e.err;
      EXPECT_EQ(e.err, "");
      EXPECT_TRUE(e.out == expected) << shown(encode) << ": not the concatenation of the single-value files";

      const fs::path buffer = scratch_file("several.bin");
      write_file(buffer, expected);
      for (const std::string& layout : {std::string("pickle"), c.layout}) {
        const std::vector<std::string> decode{"decode", "--layout", layout, "--type", type, "--all", buffer.string()};
        const run_result d = run_cli(decode);
        ASSERT_EQ(d.exit_code, exit_success) << shown(decode) << ": " << d.err;
        EXPECT_EQ(d.err, "");
        EXPECT_EQ(json::parse(d.out), list) << shown(decode);
      }
      // From stdin too.
      const run_result in = run_cli({"decode", "--layout", "pickle", "--type", type, "--all", "-"}, buffer);
      ASSERT_EQ(in.exit_code, exit_success) << in.err;
      EXPECT_EQ(json::parse(in.out), list);

      // Without --all, the second value is trailing bytes: an error, or with
      // --lenient a warning and the first value.
      const std::size_t second = read_file(vector_dir / (names[0] + "." + c.kind + ".bin")).size();
      const std::vector<std::string> one{"decode", "--layout", "pickle", "--type", type, buffer.string()};
      const run_result strict = run_cli(one);
      EXPECT_EQ(strict.exit_code, exit_malformed_input) << shown(one);
      EXPECT_EQ(strict.out, "");
      EXPECT_TRUE(diagnostics_are(strict.err, {{"error", "trailing_bytes", hex(second), "(value)"}}));
      std::vector<std::string> lenient_args = one;
      lenient_args.insert(lenient_args.begin() + 1, "--lenient");
      const run_result lenient = run_cli(lenient_args);
      ASSERT_EQ(lenient.exit_code, exit_success) << lenient.err;
      EXPECT_TRUE(diagnostics_are(lenient.err, {{"warning", "trailing_bytes", hex(second), "(value)"}}));
      EXPECT_EQ(json::parse(lenient.out), list.at(0));
    }
  }
}

TEST(cli_pickle_all, errors_in_a_list) {
  const json typical = json::parse(read_file(vector_dir / "typical.json"));
  const fs::path input = scratch_file("list.json");
  // Not a list.
  write_file(input, typical.dump());
  const run_result object = run_cli({"encode", "--layout", "pickle-ndr20", "--all", input.string()});
  EXPECT_EQ(object.exit_code, exit_malformed_input);
  EXPECT_EQ(object.out, "");
  EXPECT_TRUE(diagnostics_are(object.err, {{"error", "invalid_json", "", ""}}));
  // A bad element names its index.
  json bad = json::array({typical, typical});
  bad[1]["Flags"] = 256;
  write_file(input, bad.dump());
  const run_result element = run_cli({"encode", "--layout", "pickle-ndr64", "--all", input.string()});
  EXPECT_EQ(element.exit_code, exit_malformed_input);
  ASSERT_TRUE(diagnostics_are(element.err, {{"error", "invalid_json", "", ""}}));
  EXPECT_TRUE(parse_diagnostic(lines_of(element.err).at(0))->path.starts_with("[1]")) << element.err;
  // An empty list: a buffer with no value in it would not decode, so none is written.
  write_file(input, "[]");
  const run_result none = run_cli({"encode", "--layout", "pickle-ndr20", "--all", input.string()});
  EXPECT_EQ(none.exit_code, exit_malformed_input);
  EXPECT_EQ(none.out, "");
  EXPECT_TRUE(diagnostics_are(none.err, {{"error", "unsupported", "0", "(value)"}}));
  // A Status that only NDR64 holds.
  json wide = json::array({typical, typical});
  wide[1]["Status"] = 70000;
  write_file(input, wide.dump());
  for (const std::string layout : {"pickle-ndr20", "pickle-ndr20be", "pickle2-ndr20"}) {
    const run_result r = run_cli({"encode", "--layout", layout, "--all", input.string()});
    EXPECT_EQ(r.exit_code, exit_malformed_input) << layout;
    EXPECT_EQ(r.out, "") << layout;
    EXPECT_TRUE(diagnostics_are(r.err, {{"error", "value_out_of_range", "", ""}})) << layout;
  }
  const fs::path out = scratch_file("wide.bin");
  const run_result ok = run_cli({"encode", "--layout", "pickle-ndr64", "--all", input.string(), "-o", out.string()});
  ASSERT_EQ(ok.exit_code, exit_success) << ok.err;
  const run_result back = run_cli({"decode", "--layout", "pickle", "--all", out.string()});
  ASSERT_EQ(back.exit_code, exit_success) << back.err;
  EXPECT_EQ(json::parse(back.out), wide);
}

// --- header errors and warnings ------------------------------------------------------

TEST(cli_pickle_errors, not_a_pickled_buffer_or_the_wrong_kind) {
  const std::vector<std::vector<std::string>> cases{
      {"decode", "--layout", "pickle", (vector_dir / "typical.ndr20.bin").string()},
      {"decode", "--layout", "pickle", "--all", (vector_dir / "typical.ndr64.bin").string()},
      {"decode", "--layout", "pickle-ndr64", (vector_dir / "typical.pickle.ndr20.bin").string()},
      {"decode", "--layout", "pickle-ndr20", (vector_dir / "typical.pickle2.ndr20.bin").string()},
      {"decode", "--layout", "pickle2-ndr20", "--all", (vector_dir / "typical.pickle.ndr64.bin").string()},
      {"decode", "--layout", "pickle-ndr20be", "--lenient", (vector_dir / "typical.pickle.ndr20.bin").string()},
  };
  for (const auto& args : cases) {
    const run_result r = run_cli(args);
    EXPECT_EQ(r.exit_code, exit_malformed_input) << shown(args);
    EXPECT_EQ(r.out, "") << shown(args);
    EXPECT_TRUE(diagnostics_are(r.err, {{"error", "invalid_header", "0", "CommonHeader.Version"}})) << shown(args);
  }
}

TEST(cli_pickle_errors, object_buffer_length) {
  // minimal.pickle.ndr20: ObjectBufferLength 96 at offset 8.
  std::string bytes = read_file(vector_dir / "minimal.pickle.ndr20.bin");
  bytes[8] = 95;
  const fs::path input = scratch_file("length.bin");
  write_file(input, bytes);
  for (const std::string mode : {"--lenient", "--max-elements=10"}) {
    const run_result r = run_cli({"decode", "--layout", "pickle", mode, input.string()});
    EXPECT_EQ(r.exit_code, exit_malformed_input);
    EXPECT_TRUE(diagnostics_are(r.err, {{"error", "length_mismatch", "8", "PrivateHeader.ObjectBufferLength"}})) << mode;
  }
}

TEST(cli_pickle_errors, nonzero_body_padding) {
  // minimal.pickle.ndr20: the 93-byte body at 16 is padded to 112.
  std::string bytes = read_file(vector_dir / "minimal.pickle.ndr20.bin");
  bytes[110] = 1;
  const fs::path input = scratch_file("padding.bin");
  write_file(input, bytes);
  const run_result strict = run_cli({"decode", "--layout", "pickle-ndr20", input.string()});
  EXPECT_EQ(strict.exit_code, exit_malformed_input);
  EXPECT_EQ(strict.out, "");
  EXPECT_TRUE(diagnostics_are(strict.err, {{"error", "nonzero_padding", "6e", "(value)"}}));
  const run_result lenient = run_cli({"decode", "--layout", "pickle", "--lenient", "--all", input.string()});
  ASSERT_EQ(lenient.exit_code, exit_success) << lenient.err;
  EXPECT_TRUE(diagnostics_are(lenient.err, {{"warning", "nonzero_padding", "6e", "(value)"}}));
  EXPECT_EQ(json::parse(lenient.out), json::array({json::parse(read_file(vector_dir / "minimal.json"))}));
}

// --- usage errors: exit 2 --------------------------------------------------------------

TEST(cli_pickle_usage, layouts_that_cannot_do_it) {
  const std::string bin = (vector_dir / "typical.pickle.ndr20.bin").string();
  const std::string json_file = (vector_dir / "typical.json").string();
  const std::vector<std::vector<std::string>> cases{
      // --all needs a pickled layout.
      {"decode", "--layout", "ndr20", "--all", bin},
      {"decode", "--layout", "ndr64", "--all", bin},
      {"decode", "--layout", "ndr20be", "--type", "array", "--all", bin},
      {"encode", "--layout", "ndr20", "--all", json_file},
      {"encode", "--layout", "ndr64", "--all", json_file},
      // A pickled value is bare: no pointer, no response.
      {"decode", "--layout", "pickle", "--framing", "ptr", bin},
      {"decode", "--layout", "pickle-ndr20", "--framing", "ptr", bin},
      {"decode", "--layout", "pickle-ndr64", "--framing", "response", bin},
      {"decode", "--layout", "pickle2-ndr20", "--type", "array", "--framing", "ptr", bin},
      {"decode", "--layout", "pickle-ndr20be", "--all", "--framing", "ptr", bin},
      {"encode", "--layout", "pickle-ndr20", "--framing", "ptr", json_file},
      {"encode", "--layout", "pickle-ndr64", "--framing", "response", json_file},
      {"encode", "--layout", "pickle2-ndr20", "--all", "--framing", "ptr", json_file},
      // layout::pickle reads any kind but cannot say which to write.
      {"encode", "--layout", "pickle", json_file},
      {"encode", "--layout", "pickle", "--all", json_file},
      {"encode", "--layout", "pickle", "--type", "array", json_file},
      // Names that do not exist.
      {"decode", "--layout", "pickle2", bin},
      {"decode", "--layout", "pickle-ndr64be", bin},
      {"decode", "--layout", "pickle2-ndr64", bin},
  };
  for (const auto& args : cases) {
    const run_result r = run_cli(args);
    EXPECT_EQ(r.exit_code, exit_usage) << shown(args) << "\nstderr: " << r.err;
    EXPECT_EQ(r.out, "") << shown(args);
    EXPECT_TRUE(one_usage_error(r.err)) << shown(args);
  }
}

// --- ndr64 framings ------------------------------------------------------------------

TEST(cli_ndr64, null_pointers_both_ways) {
  const fs::path null_ptr = scratch_file("null.bin");
  write_file(null_ptr, std::string(8, '\0'));
  const fs::path null_json = scratch_file("null.json");
  write_file(null_json, "null");
  for (const std::string type : {"client", "array"}) {
    const run_result d = run_cli({"decode", "--layout", "ndr64", "--type", type, "--framing", "ptr", null_ptr.string()});
    ASSERT_EQ(d.exit_code, exit_success) << type << ": " << d.err;
    EXPECT_EQ(d.out, "null\n");
    const run_result e = run_cli({"encode", "--layout", "ndr64", "--type", type, "--framing", "ptr", null_json.string()});
    ASSERT_EQ(e.exit_code, exit_success) << type << ": " << e.err;
    EXPECT_EQ(e.out, std::string(8, '\0'));
  }
  // Impacket's NULL: the low half is zero, the high half filler. An id above
  // 0xFFFFFFFF is refused when strict; lenient reads it as NULL, with a warning.
  write_file(null_ptr, std::string(4, '\0') + std::string(4, '\xaa'));
  const run_result strict = run_cli({"decode", "--layout", "ndr64", "--framing", "ptr", null_ptr.string()});
  EXPECT_EQ(strict.exit_code, exit_malformed_input) << strict.err;
  EXPECT_EQ(strict.out, "");
  EXPECT_TRUE(diagnostics_are(strict.err, {{"error", "invalid_referent_id", "0", "(value)"}})) << strict.err;
  const run_result filler =
      run_cli({"decode", "--layout", "ndr64", "--framing", "ptr", "--lenient", null_ptr.string()});
  ASSERT_EQ(filler.exit_code, exit_success) << filler.err;
  EXPECT_EQ(filler.out, "null\n");
  EXPECT_TRUE(diagnostics_are(filler.err, {{"warning", "invalid_referent_id", "0", "(value)"}})) << filler.err;
}

TEST(cli_ndr64, response_with_null_client_and_return_value) {
  const fs::path input = scratch_file("response.json");
  write_file(input, R"({"ClientInfo": null, "ReturnValue": 20013})");
  const run_result r = run_cli({"encode", "--layout", "ndr64", "--framing", "response", input.string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  // An 8-byte NULL referent id, then the DWORD 20013 (0x4E2D).
  EXPECT_EQ(r.out, std::string("\0\0\0\0\0\0\0\0\x2d\x4e\0\0", 12));
  const fs::path bytes = scratch_file("response.bin");
  write_file(bytes, r.out);
  const run_result back = run_cli({"decode", "--layout", "ndr64", "--framing", "response", bytes.string()});
  ASSERT_EQ(back.exit_code, exit_success) << back.err;
  EXPECT_EQ(json::parse(back.out), json::parse(R"({"ClientInfo": null, "ReturnValue": 20013})"));
}

TEST(cli_ndr64, wide_status_and_missing_trailing_pad) {
  json record = json::parse(read_file(vector_dir / "minimal.json"));
  record["Status"] = 70000;
  const fs::path input = scratch_file("status.json");
  write_file(input, record.dump());
  const fs::path out = scratch_file("status.bin");
  const run_result e = run_cli({"encode", "--layout", "ndr64", input.string(), "-o", out.string()});
  ASSERT_EQ(e.exit_code, exit_success) << e.err;
  const run_result d = run_cli({"decode", "--layout", "ndr64", out.string()});
  ASSERT_EQ(d.exit_code, exit_success) << d.err;
  EXPECT_EQ(json::parse(d.out), record);
  const run_result narrow = run_cli({"encode", "--layout", "ndr20", input.string()});
  EXPECT_EQ(narrow.exit_code, exit_malformed_input);
  EXPECT_TRUE(diagnostics_are(narrow.err, {{"error", "value_out_of_range", "2e", "Status"}}));

  // Without the last 7 bytes (the struct's trailing pad), as Impacket writes it.
  const fs::path cut = scratch_file("cut.bin");
  write_file(cut, read_file(vector_dir / "minimal.ndr64.bin").substr(0, 129));
  const run_result strict = run_cli({"decode", "--layout", "ndr64", cut.string()});
  EXPECT_EQ(strict.exit_code, exit_malformed_input);
  EXPECT_TRUE(diagnostics_are(strict.err, {{"error", "missing_trailing_pad", "81", "(value)"}}));
  const run_result lenient = run_cli({"decode", "--layout", "ndr64", "--lenient", cut.string()});
  ASSERT_EQ(lenient.exit_code, exit_success) << lenient.err;
  EXPECT_TRUE(diagnostics_are(lenient.err, {{"warning", "missing_trailing_pad", "81", "(value)"}}));
  EXPECT_EQ(json::parse(lenient.out), json::parse(read_file(vector_dir / "minimal.json")));
}

}  // namespace
