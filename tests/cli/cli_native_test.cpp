// The CLI for native memory images and `dhcpm convert` (issue 4 points 1, 2
// and 4), through the real `dhcpm` binary: decode and encode of every x64/x86
// vector, --base and --at, the error and warning lines of images; convert
// between every pair of layouts for a few vectors, each output byte-identical
// to the canonical vector file of the target layout; the usage errors (exit 2)
// and a value the target cannot hold (exit 1).
//
// The process helpers are copied from cli_test.cpp (whose copies are in its
// anonymous namespace), so that this file depends on nothing but the binary.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace {

using namespace dhcpm_cli_test;  // running the binary, scratch files, diagnostics
using json = nlohmann::json;

// stderr is exactly one diagnostic line with this severity, code, offset
// (hex, without 0x) and path.
::testing::AssertionResult one_diagnostic(const std::string& err, const std::string& severity, const std::string& code,
                                          const std::string& offset_hex, const std::string& path) {
  if (err.empty() || err.back() != '\n' || lines_of(err).size() != 1) {
    return ::testing::AssertionFailure() << "expected exactly one line on stderr, got: [" << err << "]";
  }
  const std::string line = err.substr(0, err.size() - 1);
  const std::optional<diagnostic> d = parse_diagnostic(line);
  if (!d) return ::testing::AssertionFailure() << "not a diagnostic line: [" << line << "]";
  if (d->severity != severity || d->code != code || d->offset_hex != offset_hex || d->path != path) {
    return ::testing::AssertionFailure() << "unexpected line [" << line << "]: wanted " << severity << ": " << code
                                         << " at offset 0x" << offset_hex << ": " << path << ": ...";
  }
  return ::testing::AssertionSuccess();
}

// stderr is exactly one `error: usage: <message>` line.
::testing::AssertionResult one_usage_error(const std::string& err) {
  const std::string prefix = "error: usage: ";
  if (err.empty() || err.back() != '\n' || lines_of(err).size() != 1 || !err.starts_with(prefix) ||
      err.size() == prefix.size() + 1) {
    return ::testing::AssertionFailure() << "not one usage error line: [" << err << "]";
  }
  return ::testing::AssertionSuccess();
}

// ---------------------------------------------------------------- the vectors

const json& index_json() {
  static const json index = json::parse(read_file(vector_dir / "index.json"));
  return index;
}

std::string type_of(const std::string& vector) { return index_json().at(vector).at("type").get<std::string>(); }

fs::path vector_file(const std::string& vector, const std::string& kind) {
  return vector_dir / (vector + "." + kind + ".bin");
}
json vector_json(const std::string& vector) { return json::parse(read_file(vector_dir / (vector + ".json"))); }

struct image_file {
  std::string vector;  // "typical"
  std::string layout;  // "x64" or "x86"
};
void PrintTo(const image_file& f, std::ostream* os) { *os << f.vector << "." << f.layout << ".bin"; }

std::vector<image_file> image_files() {
  std::vector<image_file> files;
  for (const auto& [name, entry] : index_json().items()) {
    for (const std::string layout : {"x64", "x86"}) {
      if (entry.at("files").contains(layout)) files.push_back({name, layout});
    }
  }
  return files;
}

std::string safe_name(std::string name) {
  for (char& c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) c = '_';
  }
  return name;
}

class native_cli_vector : public ::testing::TestWithParam<image_file> {};

TEST_P(native_cli_vector, decode_prints_its_json) {
  const image_file& f = GetParam();
  const std::vector<std::string> args{"decode", "--layout", f.layout, "--type", type_of(f.vector),
                                      vector_file(f.vector, f.layout).string()};
  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << shown(args) << "\n" << r.err;
  EXPECT_EQ(r.err, "");
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.back(), '\n');
  EXPECT_EQ(json::parse(r.out), vector_json(f.vector));
}

TEST_P(native_cli_vector, encode_reproduces_the_file) {
  const image_file& f = GetParam();
  const std::vector<std::string> args{"encode", "--layout", f.layout, "--type", type_of(f.vector),
                                      (vector_dir / (f.vector + ".json")).string()};
  const run_result r = run_cli(args);
  ASSERT_EQ(r.exit_code, exit_success) << shown(args) << "\n" << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(r.out == read_file(vector_file(f.vector, f.layout))) << "bytes differ: " << shown(args);
}

INSTANTIATE_TEST_SUITE_P(images, native_cli_vector, ::testing::ValuesIn(image_files()),
                         [](const ::testing::TestParamInfo<image_file>& p) {
                           return safe_name(p.param.vector + "_" + p.param.layout);
                         });

TEST(native_cli_vectors, index_lists_both_images) {
  const auto files = image_files();
  EXPECT_GE(files.size(), 18u);
  EXPECT_TRUE(std::any_of(files.begin(), files.end(), [](const image_file& f) { return f.layout == "x86"; }));
  EXPECT_TRUE(std::any_of(files.begin(), files.end(), [](const image_file& f) { return type_of(f.vector) == "array"; }));
}

// ---------------------------------------------------------------- --base and --at

TEST(native_cli_address, encode_and_decode_at_another_base) {
  const std::string typical_json = (vector_dir / "typical.json").string();
  for (const auto& [layout, base] : {std::pair<std::string, std::string>{"x64", "0x7ff600000000"},
                                     std::pair<std::string, std::string>{"x86", "0x400000"}}) {
    SCOPED_TRACE(layout);
    const fs::path image = scratch_file(layout + ".bin");
    const run_result encoded = run_cli({"encode", "--layout", layout, "--base", base, typical_json, "-o", image.string()});
    ASSERT_EQ(encoded.exit_code, exit_success) << encoded.err;
    const std::string bytes = read_file(image);
    EXPECT_EQ(bytes.size(), read_file(vector_file("typical", layout)).size());
    EXPECT_NE(bytes, read_file(vector_file("typical", layout)));  // the pointers moved

    const run_result decoded = run_cli({"decode", "--layout", layout, "--base", base, image.string()});
    ASSERT_EQ(decoded.exit_code, exit_success) << decoded.err;
    EXPECT_EQ(json::parse(decoded.out), vector_json("typical"));
    // The same base in decimal.
    const std::string decimal = std::to_string(std::stoull(base, nullptr, 16));
    const run_result in_decimal = run_cli({"decode", "--layout", layout, "--base", decimal, image.string()});
    ASSERT_EQ(in_decimal.exit_code, exit_success) << in_decimal.err;
    EXPECT_EQ(json::parse(in_decimal.out), vector_json("typical"));
    // At the default base its pointers are outside the image.
    const run_result misread = run_cli({"decode", "--layout", layout, image.string()});
    EXPECT_EQ(misread.exit_code, exit_malformed_input);
    EXPECT_EQ(misread.out, "");
    EXPECT_TRUE(one_diagnostic(misread.err, "error", "pointer_out_of_image", layout == "x64" ? "10" : "c",
                               "ClientHardwareAddress.Data"));
  }
}

TEST(native_cli_address, value_not_at_the_base) {
  // 48 bytes of other memory in front of the array-3 image: the file starts
  // at 0x10000 - 48, the value is at 0x10000.
  for (const std::string layout : {"x64", "x86"}) {
    SCOPED_TRACE(layout);
    const fs::path image = scratch_file(layout + ".bin");
    write_file(image, std::string(48, '\xCC') + read_file(vector_file("array-3", layout)) + std::string(8, '\xCC'));
    for (const auto& [base, at] : {std::pair<std::string, std::string>{"0xffd0", "0x10000"},
                                   std::pair<std::string, std::string>{"65488", "65536"},
                                   std::pair<std::string, std::string>{"0xFFD0", "0X10000"}}) {
      const run_result r = run_cli({"decode", "--layout", layout, "--type", "array", "--base", base, "--at", at, image.string()});
      ASSERT_EQ(r.exit_code, exit_success) << base << " " << at << ": " << r.err;
      EXPECT_EQ(json::parse(r.out), vector_json("array-3"));
    }
    // Without --at the value is taken at the base: 0xCC bytes, a count far
    // beyond the image.
    const run_result at_base = run_cli({"decode", "--layout", layout, "--type", "array", "--base", "0xffd0", image.string()});
    EXPECT_EQ(at_base.exit_code, exit_malformed_input);
    EXPECT_TRUE(one_diagnostic(at_base.err, "error", "count_exceeds_input", "0", "NumElements"));
    // --at alone: the base is 0x10000, the value 48 bytes further.
    const fs::path shifted = scratch_file(layout + "-shifted.bin");
    const run_result encoded =
        run_cli({"encode", "--layout", layout, "--type", "array", "--base", "0x10030",
                 (vector_dir / "array-3.json").string(), "-o", shifted.string()});
    ASSERT_EQ(encoded.exit_code, exit_success) << encoded.err;
    write_file(shifted, std::string(48, '\0') + read_file(shifted));
    const run_result at_only = run_cli({"decode", "--layout", layout, "--type", "array", "--at", "0x10030", shifted.string()});
    ASSERT_EQ(at_only.exit_code, exit_success) << at_only.err;
    EXPECT_EQ(json::parse(at_only.out), vector_json("array-3"));
  }
}

TEST(native_cli_errors, unterminated_string_at_the_image_end) {
  for (const auto& [layout, policy_name] : {std::pair<std::string, std::string>{"x64", "78"},
                                            std::pair<std::string, std::string>{"x86", "5c"}}) {
    const std::string whole = read_file(vector_file("typical", layout));
    const fs::path cut = scratch_file(layout + ".bin");
    write_file(cut, whole.substr(0, whole.size() - 1));
    for (const bool lenient : {false, true}) {
      std::vector<std::string> args{"decode", "--layout", layout, cut.string()};
      if (lenient) args.push_back("--lenient");
      const run_result r = run_cli(args);
      EXPECT_EQ(r.exit_code, exit_malformed_input) << shown(args);
      EXPECT_EQ(r.out, "");
      EXPECT_TRUE(one_diagnostic(r.err, "error", "missing_terminator", policy_name, "PolicyName")) << shown(args);
    }
  }
}

TEST(native_cli_errors, misaligned_value_is_a_warning_when_lenient) {
  // minimal (all pointers NULL) 4 bytes into the image: misaligned for x64.
  const fs::path image = scratch_file("x64.bin");
  write_file(image, std::string(4, '\0') + read_file(vector_file("minimal", "x64")));
  const run_result strict = run_cli({"decode", "--layout", "x64", "--at", "0x10004", image.string()});
  EXPECT_EQ(strict.exit_code, exit_malformed_input);
  EXPECT_EQ(strict.out, "");
  EXPECT_TRUE(one_diagnostic(strict.err, "error", "misaligned_pointer", "0", "(value)"));
  const run_result lenient = run_cli({"decode", "--layout", "x64", "--at", "0x10004", "--lenient", image.string()});
  ASSERT_EQ(lenient.exit_code, exit_success) << lenient.err;
  EXPECT_TRUE(one_diagnostic(lenient.err, "warning", "misaligned_pointer", "0", "(value)"));
  EXPECT_EQ(json::parse(lenient.out), vector_json("minimal"));
  // x86 records need only 4.
  const run_result x86 = run_cli({"decode", "--layout", "x86", "--at", "0x10004", image.string()});
  EXPECT_EQ(x86.exit_code, exit_success) << x86.err;
}

TEST(native_cli_errors, limits_apply_to_images) {
  const std::string array3 = vector_file("array-3", "x64").string();
  const run_result refused = run_cli({"decode", "--layout", "x64", "--type", "array", "--max-elements", "2", array3});
  EXPECT_EQ(refused.exit_code, exit_malformed_input);
  EXPECT_TRUE(one_diagnostic(refused.err, "error", "element_limit", "0", "NumElements"));
  const run_result accepted = run_cli({"decode", "--layout", "x64", "--type", "array", "--max-elements", "3", array3});
  EXPECT_EQ(accepted.exit_code, exit_success) << accepted.err;
  const run_result budget = run_cli({"decode", "--layout", "x64", "--type", "array", "--max-decoded-bytes", "11", array3});
  EXPECT_EQ(budget.exit_code, exit_malformed_input);
  EXPECT_TRUE(one_diagnostic(budget.err, "error", "decoded_size_limit", "8", "Clients"));
}

TEST(native_cli_errors, encode_base_must_be_a_multiple_of_16) {
  const run_result r = run_cli({"encode", "--layout", "x64", "--base", "0x10008", (vector_dir / "typical.json").string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(one_diagnostic(r.err, "error", "value_out_of_range", "0", "(value)"));
}

TEST(native_cli_errors, x86_image_past_four_gib) {
  for (const std::string base : {"0xfffffff0", "0x100000000", "0x7ff600000000"}) {
    const run_result r = run_cli({"encode", "--layout", "x86", "--base", base, (vector_dir / "typical.json").string()});
    EXPECT_EQ(r.exit_code, exit_malformed_input) << "--base " << base << " wrote " << r.out.size() << " bytes";
    EXPECT_TRUE(r.out.empty()) << "--base " << base << ": " << r.out.size() << " bytes on stdout";
    if (r.exit_code == exit_malformed_input) {
      const std::optional<diagnostic> d = parse_diagnostic(lines_of(r.err).at(0));
      ASSERT_TRUE(d.has_value()) << r.err;
      EXPECT_EQ(d->code, "value_out_of_range") << r.err;
    }
  }
}

// ---------------------------------------------------------------- convert between every pair

// The layouts by their CLI name, the vector file kind that holds a value in
// each (for `pickle`, the reader that detects the kind, a version 1 NDR 2.0
// file), and whether it is a convert target.
struct layout_spec {
  const char* name;
  const char* kind;
  bool target;
};
const layout_spec layouts[] = {
    {"ndr20", "ndr20", true},
    {"ndr20be", "ndr20be", true},
    {"ndr64", "ndr64", true},
    {"pickle", "pickle.ndr20", false},
    {"pickle-ndr20", "pickle.ndr20", true},
    {"pickle-ndr20be", "pickle.ndr20be", true},
    {"pickle-ndr64", "pickle.ndr64", true},
    {"pickle2-ndr20", "pickle2.ndr20", true},
    {"x64", "x64", true},
    {"x86", "x86", true},
};

struct convert_source {
  std::string vector;
  const layout_spec* from;
};
void PrintTo(const convert_source& s, std::ostream* os) { *os << s.vector << " from " << s.from->name; }

// A client and an array (with a NULL element) from every layout to every
// layout; three more vectors from two layouts. Every value through every
// layout is the unit tests' cross-layout property (in process); here it is
// the command's reading and writing of each layout.
std::vector<convert_source> convert_sources() {
  std::vector<convert_source> out;
  for (const std::string vector : {"typical", "array-with-null"}) {
    for (const layout_spec& from : layouts) out.push_back({vector, &from});
  }
  for (const std::string vector : {"array-3", "unicode", "extremes"}) {
    for (const layout_spec& from : layouts) {
      if (from.name == std::string_view("ndr20be") || from.name == std::string_view("x86")) out.push_back({vector, &from});
    }
  }
  return out;
}

class convert_cli : public ::testing::TestWithParam<convert_source> {};

TEST_P(convert_cli, to_every_layout_gives_the_canonical_file) {
  const convert_source& s = GetParam();
  const fs::path in = vector_file(s.vector, s.from->kind);
  const std::string type = type_of(s.vector);
  std::size_t targets = 0;
  for (const layout_spec& to : layouts) {
    if (!to.target) continue;
    ++targets;
    const fs::path out = scratch_file(std::string(to.name) + ".bin");
    const std::vector<std::string> args{"convert", "--from", s.from->name, "--to", to.name, "--type", type,
                                        in.string(), "-o", out.string()};
    const run_result r = run_cli(args);
    ASSERT_EQ(r.exit_code, exit_success) << shown(args) << "\n" << r.err;
    EXPECT_EQ(r.out, "") << shown(args);
    EXPECT_EQ(r.err, "") << shown(args);
    EXPECT_TRUE(read_file(out) == read_file(vector_file(s.vector, to.kind)))
        << shown(args) << ": differs from " << vector_file(s.vector, to.kind).filename();
  }
  EXPECT_EQ(targets, 9u);
}

INSTANTIATE_TEST_SUITE_P(vectors, convert_cli, ::testing::ValuesIn(convert_sources()),
                         [](const ::testing::TestParamInfo<convert_source>& p) {
                           return safe_name(p.param.vector + "_from_" + p.param.from->name);
                         });

TEST(convert_cli_io, pickle_detects_every_kind) {
  for (const std::string kind : {"pickle.ndr20", "pickle.ndr20be", "pickle.ndr64", "pickle2.ndr20"}) {
    const run_result r = run_cli({"convert", "--from", "pickle", "--to", "x86", "--type", "array",
                                  vector_file("array-with-null", kind).string()});
    ASSERT_EQ(r.exit_code, exit_success) << kind << ": " << r.err;
    EXPECT_TRUE(r.out == read_file(vector_file("array-with-null", "x86"))) << kind;
  }
}

TEST(convert_cli_io, stdin_and_stdout_by_default) {
  const run_result r = run_cli({"convert", "--from", "x86", "--to", "ndr64"}, vector_file("typical", "x86"));
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_TRUE(r.out == read_file(vector_file("typical", "ndr64")));
  const run_result dashes = run_cli({"convert", "--from", "ndr64", "--to", "x64", "-", "-o", "-"},
                                    vector_file("typical", "ndr64"));
  ASSERT_EQ(dashes.exit_code, exit_success) << dashes.err;
  EXPECT_TRUE(dashes.out == read_file(vector_file("typical", "x64")));
}

TEST(convert_cli_io, foreign_bytes_come_out_canonical) {
  const run_result r = run_cli({"convert", "--from", "ndr64", "--to", "x64", "--type", "array",
                                vector_file("array-3", "foreign.ndr64").string()});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  EXPECT_TRUE(r.out == read_file(vector_file("array-3", "x64")));
}

TEST(convert_cli_address, base_at_and_out_base) {
  // From an x86 image 48 bytes into a file based at 0x10000 - 48 ...
  const fs::path image = scratch_file("x86.bin");
  write_file(image, std::string(48, '\0') + read_file(vector_file("unicode", "x86")));
  const run_result to_ndr = run_cli({"convert", "--from", "x86", "--to", "ndr20", "--base", "0xffd0", "--at", "0x10000",
                                     image.string()});
  ASSERT_EQ(to_ndr.exit_code, exit_success) << to_ndr.err;
  EXPECT_TRUE(to_ndr.out == read_file(vector_file("unicode", "ndr20")));
  // ... to an x64 image at another base: what `encode --base` writes.
  const run_result to_x64 = run_cli({"convert", "--from", "x86", "--to", "x64", "--base", "0xffd0", "--at", "0x10000",
                                     "--out-base", "0x7ff600000000", image.string()});
  ASSERT_EQ(to_x64.exit_code, exit_success) << to_x64.err;
  const run_result encoded = run_cli({"encode", "--layout", "x64", "--base", "0x7ff600000000",
                                      (vector_dir / "unicode.json").string()});
  ASSERT_EQ(encoded.exit_code, exit_success) << encoded.err;
  EXPECT_TRUE(to_x64.out == encoded.out);
  EXPECT_NE(to_x64.out, read_file(vector_file("unicode", "x64")));
  // And back, from that base to the default one.
  const fs::path moved = scratch_file("moved.bin");
  write_file(moved, to_x64.out);
  const run_result back = run_cli({"convert", "--from", "x64", "--to", "x86", "--base", "0x7ff600000000", moved.string()});
  ASSERT_EQ(back.exit_code, exit_success) << back.err;
  EXPECT_TRUE(back.out == read_file(vector_file("unicode", "x86")));
}

TEST(convert_cli_errors, bad_input_is_exit_1) {
  const std::string whole = read_file(vector_file("typical", "x64"));
  const fs::path cut = scratch_file("cut.bin");
  write_file(cut, whole.substr(0, 100));  // shorter than the record
  const fs::path out = scratch_file("out.bin");
  const run_result r = run_cli({"convert", "--from", "x64", "--to", "ndr20", cut.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, exit_malformed_input);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(one_diagnostic(r.err, "error", "pointer_out_of_image", "0", "(value)"));
  EXPECT_FALSE(fs::exists(out));
}

// Status 70000 fits the 32-bit layouts (x64, x86, NDR64) but not NDR 2.0's 16-bit enum.
TEST(convert_cli_errors, value_the_target_cannot_hold) {
  json record = vector_json("typical");
  record["Status"] = 70000;
  const fs::path value = scratch_file("status.json");
  write_file(value, record.dump());
  const fs::path image = scratch_file("status.x64.bin");
  const run_result encoded = run_cli({"encode", "--layout", "x64", value.string(), "-o", image.string()});
  ASSERT_EQ(encoded.exit_code, exit_success) << encoded.err;

  for (const std::string to : {"ndr20", "ndr20be", "pickle-ndr20", "pickle-ndr20be", "pickle2-ndr20"}) {
    SCOPED_TRACE(to);
    const fs::path out = scratch_file(to + ".bin");
    const run_result r = run_cli({"convert", "--from", "x64", "--to", to, image.string(), "-o", out.string()});
    EXPECT_EQ(r.exit_code, exit_malformed_input);
    EXPECT_EQ(r.out, "");
    ASSERT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_TRUE(r.err.starts_with("error: value_out_of_range ")) << r.err;
    const std::optional<diagnostic> d = parse_diagnostic(lines_of(r.err)[0]);
    ASSERT_TRUE(d.has_value()) << r.err;
    EXPECT_TRUE(d->path == "Status") << r.err;
    EXPECT_FALSE(fs::exists(out)) << "an output file was written";
  }
  for (const std::string to : {"ndr64", "pickle-ndr64", "x86", "x64"}) {
    SCOPED_TRACE(to);
    const fs::path out = scratch_file(to + ".bin");
    const run_result r = run_cli({"convert", "--from", "x64", "--to", to, image.string(), "-o", out.string()});
    ASSERT_EQ(r.exit_code, exit_success) << r.err;
    const run_result decoded = run_cli({"decode", "--layout", to, out.string()});
    ASSERT_EQ(decoded.exit_code, exit_success) << decoded.err;
    EXPECT_EQ(json::parse(decoded.out), record);
  }
}

// ---------------------------------------------------------------- usage errors: exit 2

TEST(native_cli_usage, bad_command_lines) {
  const std::string x64 = vector_file("typical", "x64").string();
  const std::string ndr = vector_file("typical", "ndr20").string();
  const std::string value = (vector_dir / "typical.json").string();
  const fs::path out = scratch_file("out.bin");
  const std::vector<std::vector<std::string>> cases = {
      // addresses belong to images only
      {"decode", "--layout", "ndr20", "--base", "0x10000", ndr},
      {"decode", "--layout", "ndr64", "--at", "0x10000", ndr},
      {"decode", "--layout", "pickle-ndr20", "--base", "0x10000", ndr},
      {"encode", "--layout", "ndr64", "--base", "0x10000", value},
      {"convert", "--from", "ndr20", "--to", "x64", "--base", "0x10000", ndr, "-o", out.string()},
      {"convert", "--from", "ndr20", "--to", "x64", "--at", "0x10000", ndr, "-o", out.string()},
      {"convert", "--from", "x64", "--to", "ndr20", "--out-base", "0x10000", x64, "-o", out.string()},
      // addresses that are not addresses
      {"decode", "--layout", "x64", "--base", "zz", x64},
      {"decode", "--layout", "x64", "--base", "-1", x64},
      {"decode", "--layout", "x64", "--base", "0x", x64},
      {"decode", "--layout", "x64", "--at", "0x1g", x64},
      {"decode", "--layout", "x64", "--base", "18446744073709551616", x64},  // 2^64
      {"decode", "--layout", "x64", "--base", "0x10000000000000000", x64},
      {"encode", "--layout", "x86", "--base", "ten", value},
      {"convert", "--from", "x64", "--to", "ndr20", "--at", "", x64, "-o", out.string()},
      {"convert", "--from", "ndr20", "--to", "x64", "--out-base", "0xq", ndr, "-o", out.string()},
      // images carry bare values only
      {"decode", "--layout", "x64", "--framing", "ptr", x64},
      {"decode", "--layout", "x86", "--framing", "response", x64},
      {"encode", "--layout", "x64", "--framing", "ptr", value},
      // convert: the pickle reader is not a writer; layouts and types must exist
      {"convert", "--from", "ndr20", "--to", "pickle", ndr, "-o", out.string()},
      {"convert", "--from", "ndr99", "--to", "ndr20", ndr, "-o", out.string()},
      {"convert", "--from", "ndr20", "--to", "x128", ndr, "-o", out.string()},
      {"convert", "--to", "ndr20", ndr, "-o", out.string()},
      {"convert", "--from", "ndr20", ndr, "-o", out.string()},
      {"convert", "--from", "ndr20", "--to", "x64", "--type", "record", ndr, "-o", out.string()},
      {"convert", "--from", "ndr20", "--to", "x64", "--framing", "ptr", ndr, "-o", out.string()},
      {"convert", "--from", "ndr20", "--to", "x64", ndr, ndr, "-o", out.string()},
  };
  for (const auto& args : cases) {
    const run_result r = run_cli(args);
    EXPECT_EQ(r.exit_code, exit_usage) << shown(args) << "\n" << r.err;
    EXPECT_EQ(r.out, "") << shown(args);
    EXPECT_TRUE(one_usage_error(r.err)) << shown(args);
    EXPECT_FALSE(fs::exists(out)) << shown(args) << " wrote its output";
  }
}

TEST(native_cli_usage, convert_help) {
  const run_result r = run_cli({"convert", "--help"});
  ASSERT_EQ(r.exit_code, exit_success) << r.err;
  for (const std::string option : {"--from", "--to", "--type", "--base", "--at", "--out-base", "-o"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

// DHCPV4_FAILOVER_CLIENT_INFO_EX through the CLI: the plain x64 vector
// becomes an _EX (AddressStateEx 0) and back, byte for byte; its JSON ends in
// AddressStateEx; NDR is a usage error; an AddressStateEx the plain record
// cannot hold is refused with its path.
TEST(CliClientEx, ConvertsToAndFromThePlainRecord) {
  const fs::path ex = scratch_file("typical.ex.x86.bin");
  const fs::path plain = scratch_file("typical.x64.bin");
  run_result r = run_cli({"convert", "--type", "client", "--to-type", "client-ex", "--from", "x64", "--to", "x86",
                          (vector_dir / "typical.x64.bin").string(), "-o", ex.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(ex).size(), read_file(vector_dir / "typical.x86.bin").size() + 4);  // the struct's 4 more bytes
  r = run_cli({"decode", "--type", "client-ex", "--layout", "x86", ex.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json expected = vector_json("typical");
  expected["AddressStateEx"] = 0;
  EXPECT_EQ(json::parse(r.out), expected);
  EXPECT_NE(r.out.rfind("\"AddressStateEx\": 0\n}"), std::string::npos) << r.out;  // the last member
  r = run_cli({"convert", "--type", "client-ex", "--to-type", "client", "--from", "x86", "--to", "x64", ex.string(),
               "-o", plain.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(read_file(plain) == read_file(vector_dir / "typical.x64.bin"));

  r = run_cli({"decode", "--type", "client-ex", "--layout", "ndr20", ex.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(one_usage_error(r.err));

  expected["AddressStateEx"] = 5;
  const fs::path text = scratch_file("ex.json");
  write_file(text, expected.dump());
  r = run_cli({"encode", "--type", "client-ex", "--layout", "x64", text.string(), "-o", ex.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_cli({"convert", "--type", "client-ex", "--to-type", "client", "--from", "x64", "--to", "ndr20", ex.string(),
               "-o", plain.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(one_diagnostic(r.err, "error", "value_out_of_range", "0", "AddressStateEx"));
}

}  // namespace
