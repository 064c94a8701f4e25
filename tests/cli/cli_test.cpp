// The CLI contract (docs/cli.md), tested through the real `dhcpm` binary:
// every NDR 2.0 golden vector in both directions, stdin and -o, the one-line
// error format and the exit codes of each kind of failure.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

using namespace dhcpm_cli_test;  // the binary runner, scratch files and diagnostic parsing

constexpr int exit_io = 3;  // docs/cli.md

// stderr holds exactly one newline-terminated line.
::testing::AssertionResult one_line(const std::string& err, std::string& line) {
  if (err.empty() || err.back() != '\n' || lines_of(err).size() != 1) {
    return ::testing::AssertionFailure() << "expected exactly one line on stderr, got: [" << err << "]";
  }
  line = err.substr(0, err.size() - 1);
  return ::testing::AssertionSuccess();
}

// stderr is exactly one `<severity>: <code> at offset 0x<hex>: <path>: <message>`
// line; `path` and `message`, when given, must match exactly, `path_suffix` at the end.
::testing::AssertionResult one_diagnostic(const std::string& err, const std::string& severity, const std::string& code,
                                          const std::string& path_suffix = {}, const std::string& message = {}) {
  std::string line;
  if (auto single = one_line(err, line); !single) return single;
  const std::optional<diagnostic> d = parse_diagnostic(line);
  if (!d) return ::testing::AssertionFailure() << "not a diagnostic line: [" << line << "]";
  if (d->severity != severity || d->code != code || !d->path.ends_with(path_suffix) ||
      (!message.empty() && d->message != message)) {
    return ::testing::AssertionFailure() << "unexpected line [" << line << "]: wanted " << severity << " " << code
                                         << (path_suffix.empty() ? "" : " path ..." + path_suffix)
                                         << (message.empty() ? "" : " message " + message);
  }
  return ::testing::AssertionSuccess();
}

// --- the golden vectors -------------------------------------------------------

struct vector_file {
  std::string name;   // "typical"
  std::string type;   // "client" or "array"
  std::string kind;   // "ndr20", "ndr20be", "ptr.ndr20", "response.ndr20", "foreign.ndr20"

  [[nodiscard]] fs::path bin() const { return vector_dir / (name + "." + kind + ".bin"); }
  [[nodiscard]] fs::path json_file() const { return vector_dir / (name + ".json"); }
  [[nodiscard]] std::string layout() const { return kind == "ndr20be" ? "ndr20be" : "ndr20"; }
  [[nodiscard]] std::string framing() const {
    if (kind.starts_with("ptr.")) return "ptr";
    if (kind.starts_with("response.")) return "response";
    return "bare";
  }
  [[nodiscard]] bool canonical() const { return !kind.starts_with("foreign."); }
  // What decode prints for this file.
  [[nodiscard]] json expected() const {
    json value = json::parse(read_file(json_file()));
    if (framing() == "response") return json{{"ClientInfo", value}, {"ReturnValue", 0}};
    return value;
  }
  [[nodiscard]] std::vector<std::string> selection() const {
    return {"--layout", layout(), "--type", type, "--framing", framing()};
  }
};

// How gtest shows a parameter (test listings, ctest names, failures).
void PrintTo(const vector_file& f, std::ostream* os) { *os << f.name << "." << f.kind << ".bin"; }

// Every NDR 2.0 file that index.json lists, in the order of `kinds`.
std::vector<vector_file> ndr20_vector_files(bool canonical_only) {
  static const std::vector<std::string> kinds{"ndr20", "ndr20be", "ptr.ndr20", "response.ndr20", "foreign.ndr20"};
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

std::string test_name(const ::testing::TestParamInfo<vector_file>& info) {
  std::string name = info.param.name + "_" + info.param.kind;
  for (char& c : name) {
    if (c == '-' || c == '.') c = '_';
  }
  return name;
}

class cli_decode_vector : public ::testing::TestWithParam<vector_file> {};
class cli_encode_vector : public ::testing::TestWithParam<vector_file> {};

TEST_P(cli_decode_vector, prints_the_value_of_its_json) {
  const vector_file& v = GetParam();
  std::vector<std::string> args{"decode"};
  for (auto& a : v.selection()) args.push_back(a);
  args.push_back(v.bin().string());

  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_EQ(r.err, "");
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.back(), '\n');
  EXPECT_EQ(json::parse(r.out), v.expected());
}

TEST_P(cli_encode_vector, reproduces_the_canonical_bytes) {
  const vector_file& v = GetParam();
  std::vector<std::string> args{"encode"};
  for (auto& a : v.selection()) args.push_back(a);
  args.push_back(v.json_file().string());  // for response: the bare record is accepted

  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(r.out == read_file(v.bin())) << "bytes differ from " << v.bin().filename();
}

INSTANTIATE_TEST_SUITE_P(ndr20, cli_decode_vector, ::testing::ValuesIn(ndr20_vector_files(false)), test_name);
INSTANTIATE_TEST_SUITE_P(ndr20, cli_encode_vector, ::testing::ValuesIn(ndr20_vector_files(true)), test_name);

TEST(cli_vectors, index_lists_every_ndr20_kind) {
  // Guards the parameterised suites above against an empty or misread index.
  const auto files = ndr20_vector_files(false);
  for (const std::string kind : {"ndr20", "ndr20be", "ptr.ndr20", "response.ndr20", "foreign.ndr20"}) {
    EXPECT_TRUE(std::any_of(files.begin(), files.end(), [&](const vector_file& f) { return f.kind == kind; }))
        << kind;
  }
  EXPECT_TRUE(std::any_of(files.begin(), files.end(), [](const vector_file& f) { return f.type == "array"; }));
}

// --- encoding: the response object, -o, round trips --------------------------

TEST(cli_encode, response_accepts_the_response_object) {
  const json response{{"ClientInfo", json::parse(read_file(vector_dir / "typical.json"))}, {"ReturnValue", 0}};
  const fs::path input = scratch_file("response.json");
  write_file(input, response.dump());

  const run_result r =
      run_cli({"encode", "--layout", "ndr20", "--type", "client", "--framing", "response", input.string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_TRUE(r.out == read_file(vector_dir / "typical.response.ndr20.bin"));
}

TEST(cli_encode, response_with_null_client_and_return_value) {
  const fs::path input = scratch_file("response.json");
  write_file(input, R"({"ClientInfo": null, "ReturnValue": 20013})");

  const run_result r =
      run_cli({"encode", "--layout", "ndr20", "--type", "client", "--framing", "response", input.string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  // A NULL referent id, then the DWORD 20013 (0x4E2D) little-endian.
  EXPECT_EQ(r.out, std::string("\0\0\0\0\x2d\x4e\0\0", 8));

  const fs::path bytes = scratch_file("response.bin");
  write_file(bytes, r.out);
  const run_result back = run_cli({"decode", "--layout", "ndr20", "--framing", "response", bytes.string()});
  ASSERT_EQ(back.exit_code, exit_success) << back.err;
  EXPECT_EQ(json::parse(back.out), json::parse(R"({"ClientInfo": null, "ReturnValue": 20013})"));
}

TEST(cli_encode, writes_to_the_output_file) {
  const fs::path out = scratch_file("out.bin");
  const run_result r = run_cli({"encode", "--layout", "ndr20be", "--type", "array",
                                (vector_dir / "array-3.json").string(), "-o", out.string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(read_file(out) == read_file(vector_dir / "array-3.ndr20be.bin"));
}

TEST(cli_encode, dash_output_is_stdout) {
  const run_result r =
      run_cli({"encode", "--layout", "ndr20", (vector_dir / "typical.json").string(), "-o", "-"});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_TRUE(r.out == read_file(vector_dir / "typical.ndr20.bin"));
}

TEST(cli_round_trip, foreign_bytes_come_back_canonical) {
  // decode(foreign) | encode == canonical: padding zeroed, referent ids renumbered.
  const run_result decoded =
      run_cli({"decode", "--layout", "ndr20", "--type", "array", (vector_dir / "array-3.foreign.ndr20.bin").string()});
  ASSERT_EQ(decoded.exit_code, exit_success) << decoded.err;
  const fs::path json_path = scratch_file("array.json");
  write_file(json_path, decoded.out);

  const run_result encoded = run_cli({"encode", "--layout", "ndr20", "--type", "array", "-"}, json_path);
  ASSERT_EQ(encoded.exit_code, exit_success) << encoded.err;
  EXPECT_TRUE(encoded.out == read_file(vector_dir / "array-3.ndr20.bin"));
}

// --- stdin ---------------------------------------------------------------------

TEST(cli_stdin, dash_and_default_read_stdin) {
  const fs::path bin = vector_dir / "typical.ndr20.bin";
  const json expected = json::parse(read_file(vector_dir / "typical.json"));
  for (const auto& args : {std::vector<std::string>{"decode", "--layout", "ndr20", "--type", "client", "-"},
                           std::vector<std::string>{"decode", "--layout", "ndr20"}}) {
    const run_result r = run_cli(args, bin);
    ASSERT_EQ(r.exit_code, exit_success) << r.err;
    EXPECT_EQ(json::parse(r.out), expected);
  }
}

TEST(cli_stdin, encode_reads_json_from_stdin) {
  const run_result r = run_cli({"encode", "--layout", "ndr20", "--framing", "ptr"}, vector_dir / "typical.json");
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_TRUE(r.out == read_file(vector_dir / "typical.ptr.ndr20.bin"));
}

// --- NULL pointers ---------------------------------------------------------------

TEST(cli_null_pointer, ptr_framing_decodes_null) {
  const fs::path null_ptr = scratch_file("null.bin");
  write_file(null_ptr, std::string(4, '\0'));
  for (const std::string type : {"client", "array"}) {
    for (const std::string layout : {"ndr20", "ndr20be"}) {
      const run_result r =
          run_cli({"decode", "--layout", layout, "--type", type, "--framing", "ptr", null_ptr.string()});
      ASSERT_EQ(r.exit_code, exit_success) << type << " " << layout << ": " << r.err;
      EXPECT_EQ(r.out, "null\n");
      EXPECT_EQ(r.err, "");
    }
  }
}

TEST(cli_null_pointer, ptr_framing_encodes_null) {
  const fs::path input = scratch_file("null.json");
  write_file(input, "null");
  for (const std::string type : {"client", "array"}) {
    const run_result r = run_cli({"encode", "--layout", "ndr20", "--type", type, "--framing", "ptr", input.string()});
    ASSERT_EQ(r.exit_code, exit_success) << type << ": " << r.err;
    EXPECT_EQ(r.out, std::string(4, '\0'));
  }
}

// --- malformed input: exit 1, one error line ------------------------------------

TEST(cli_errors, truncated_input) {
  const std::string whole = read_file(vector_dir / "typical.ndr20.bin");
  for (const std::size_t length : {std::size_t{0}, std::size_t{50}, std::size_t{92}}) {
    const fs::path cut = scratch_file("cut.bin");
    write_file(cut, whole.substr(0, length));
    const run_result r = run_cli({"decode", "--layout", "ndr20", "--type", "client", cut.string()});
    EXPECT_EQ(r.exit_code, exit_malformed_input) << "length " << length;
    EXPECT_EQ(r.out, "") << "length " << length;
    EXPECT_TRUE(one_diagnostic(r.err, "error", "truncated")) << "length " << length;
  }
}

TEST(cli_errors, trailing_bytes_strict_and_lenient) {
  const fs::path padded = scratch_file("trailing.bin");
  write_file(padded, read_file(vector_dir / "typical.ndr20.bin") + "\xde\xad\xbe\xef");

  const run_result strict = run_cli({"decode", "--layout", "ndr20", padded.string()});
  EXPECT_EQ(strict.exit_code, exit_malformed_input);
  EXPECT_EQ(strict.out, "");
  EXPECT_TRUE(one_diagnostic(strict.err, "error", "trailing_bytes"));

  const run_result lenient = run_cli({"decode", "--layout", "ndr20", "--lenient", padded.string()});
  ASSERT_EQ(lenient.exit_code, exit_success) << lenient.err;
  EXPECT_TRUE(one_diagnostic(lenient.err, "warning", "trailing_bytes"));
  EXPECT_EQ(json::parse(lenient.out), json::parse(read_file(vector_dir / "typical.json")));
}

TEST(cli_errors, invalid_json) {
  const fs::path input = scratch_file("bad.json");
  write_file(input, "{\"ClientIpAddress\": ");
  const run_result r = run_cli({"encode", "--layout", "ndr20", input.string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(one_diagnostic(r.err, "error", "invalid_json"));
}

TEST(cli_errors, null_is_not_a_bare_record) {
  const fs::path input = scratch_file("null.json");
  write_file(input, "null");
  const run_result r = run_cli({"encode", "--layout", "ndr20", "--framing", "bare", input.string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_TRUE(one_diagnostic(r.err, "error", "invalid_json"));
}

TEST(cli_errors, value_the_layout_cannot_hold) {
  json record = json::parse(read_file(vector_dir / "typical.json"));
  record["Status"] = 70000;  // QuarantineStatus is 16 bits in NDR 2.0
  const fs::path input = scratch_file("status.json");
  write_file(input, record.dump());
  const run_result r = run_cli({"encode", "--layout", "ndr20", input.string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(one_diagnostic(r.err, "error", "value_out_of_range", "Status"));
}

TEST(cli_errors, bad_input_leaves_the_output_file_alone) {
  const fs::path input = scratch_file("bad.json");
  write_file(input, "[");
  const fs::path out = scratch_file("out.bin");
  write_file(out, "keep");
  const run_result r = run_cli({"encode", "--layout", "ndr20", input.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_EQ(read_file(out), "keep");
}

TEST(cli_limits, element_limit) {
  const std::string bin = (vector_dir / "array-3.ndr20.bin").string();
  const run_result refused = run_cli({"decode", "--layout", "ndr20", "--type", "array", "--max-elements", "2", bin});
  EXPECT_EQ(refused.exit_code, exit_malformed_input);
  EXPECT_TRUE(one_diagnostic(refused.err, "error", "element_limit", "Clients"));

  const run_result accepted = run_cli({"decode", "--layout", "ndr20", "--type", "array", "--max-elements", "3", bin});
  EXPECT_EQ(accepted.exit_code, exit_success) << accepted.err;
}

TEST(cli_limits, string_limit) {
  const run_result r = run_cli({"decode", "--layout", "ndr20", "--max-string-units", "1",
                                (vector_dir / "typical.ndr20.bin").string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_TRUE(one_diagnostic(r.err, "error", "string_limit"));
}

TEST(cli_limits, decoded_size_limit) {
  const run_result r = run_cli({"decode", "--layout", "ndr20", "--type", "array", "--max-decoded-bytes", "64",
                                (vector_dir / "array-3.ndr20.bin").string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_TRUE(one_diagnostic(r.err, "error", "decoded_size_limit"));
}

// --- usage errors: exit 2 ----------------------------------------------------------

TEST(cli_usage, bad_command_lines) {
  const std::string bin = (vector_dir / "typical.ndr20.bin").string();
  const std::vector<std::vector<std::string>> cases{
      {},
      {"frobnicate"},
      {"decode", "--bogus", "--layout", "ndr20", bin},
      {"decode", bin},                                    // --layout is required
      {"decode", "--layout", "ndr99", bin},
      {"decode", "--layout", "ndr20", "--type", "record", bin},
      {"decode", "--layout", "ndr20", "--framing", "pickle", bin},
      {"decode", "--layout", "ndr20", "--type", "array", "--framing", "response", bin},
      {"encode", "--layout", "ndr20", "--type", "array", "--framing", "response", bin},
      {"decode", "--layout", "ndr20", "--max-elements", "-1", bin},
      {"decode", "--layout", "ndr20", "--max-elements", "4294967296", bin},
      {"decode", "--layout", "ndr20", "--max-string-units", "ten", bin},
      {"decode", "--layout", "ndr20", bin, bin},          // one input only
      {"encode", "--layout", "ndr20", "-o"},
  };
  for (const auto& args : cases) {
    std::string shown;
    for (const auto& a : args) shown += " " + a;
    const run_result r = run_cli(args);
    EXPECT_EQ(r.exit_code, exit_usage) << "dhcpm" << shown;
    EXPECT_EQ(r.out, "") << "dhcpm" << shown;
    EXPECT_TRUE(one_usage_error(r.err)) << "dhcpm" << shown;
  }
}

TEST(cli_usage, help_and_version_succeed) {
  for (const auto& args : {std::vector<std::string>{"--help"}, std::vector<std::string>{"decode", "--help"},
                           std::vector<std::string>{"encode", "--help"}, std::vector<std::string>{"--version"}}) {
    const run_result r = run_cli(args);
    EXPECT_EQ(r.exit_code, exit_success) << args.front();
    EXPECT_FALSE(r.out.empty()) << args.front();
    EXPECT_EQ(r.err, "") << args.front();
  }
  EXPECT_NE(run_cli({"decode", "--help"}).out.find("--max-decoded-bytes"), std::string::npos);
}

// --- I/O errors: exit 3 -------------------------------------------------------------

TEST(cli_io, missing_input_file) {
  const fs::path missing = scratch_file("does-not-exist.bin");
  const run_result r = run_cli({"decode", "--layout", "ndr20", missing.string()});
  EXPECT_EQ(r.exit_code, exit_io);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(one_diagnostic(r.err, "error", "io", "does-not-exist.bin", "No such file or directory"));
  const auto d = parse_diagnostic(lines_of(r.err).at(0));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->offset_hex, "0");
}

TEST(cli_io, unreadable_input_is_a_directory) {
  const run_result r = run_cli({"encode", "--layout", "ndr20", scratch_directory::path().string()});
  EXPECT_EQ(r.exit_code, exit_io);
  EXPECT_TRUE(one_diagnostic(r.err, "error", "io", scratch_directory::path().string(), "Is a directory"));
}

TEST(cli_io, unwritable_output) {
  const fs::path out = scratch_file("no-such-dir") / "out.bin";
  const run_result r =
      run_cli({"encode", "--layout", "ndr20", (vector_dir / "typical.json").string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, exit_io);
  EXPECT_TRUE(one_diagnostic(r.err, "error", "io", "out.bin", "No such file or directory"));
}

}  // namespace
