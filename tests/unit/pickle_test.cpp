// MS-RPCE type serialization (DESIGN.md §4, issue 3 point 2): every pickle
// vector in both directions, every header check with its exact code, offset
// and path, buffers holding several values, the --all semantics of
// decode<std::vector<T>> and encode of pickled buffers, and the decode budget shared by all
// the values of one buffer.
//
// Expected bytes are assembled here from DESIGN.md §4 (header bytes written
// out, bodies from the NDR encoder that the NDR vector tests pin down), not
// taken from the pickling code under test. Inputs are decoded from
// exact-size heap copies so ASan sees over-reads.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <span>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"
#include "support/expected_error.hpp"
#include "support/pickled.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

using ec = error_code;

constexpr decode_options strict_options{};
constexpr decode_options lenient_options{.strict = false};

// ---------------------------------------------------------------- the four kinds, from DESIGN.md §4

struct pickle_format {
  const char* file_kind;  // "pickle.ndr64"
  layout wire;            // its explicit layout
  pickle_kind kind;
  layout body;                 // the NDR layout of the bodies
  std::size_t common;          // common header bytes
  std::size_t priv;            // private header bytes
  std::size_t alignment;       // bodies are padded to this
  bool big;                    // ObjectBufferLength big-endian
};

const pickle_format formats[] = {
    {"pickle.ndr20", layout::pickle_ndr20, pickle_kind::v1_ndr20, layout::ndr20, 8, 8, 8, false},
    {"pickle.ndr20be", layout::pickle_ndr20be, pickle_kind::v1_ndr20be, layout::ndr20be, 8, 8, 8, true},
    {"pickle.ndr64", layout::pickle_ndr64, pickle_kind::v2_ndr64, layout::ndr64, 64, 16, 16, false},
    {"pickle2.ndr20", layout::pickle2_ndr20, pickle_kind::v2_ndr20, layout::ndr20, 64, 16, 16, false},
};

void PrintTo(const pickle_format& f, std::ostream* os) { *os << f.file_kind; }

const pickle_format& format_named(std::string_view file_kind) {
  if (file_kind.starts_with("foreign.")) file_kind.remove_prefix(8);
  for (const pickle_format& f : formats) {
    if (f.file_kind == file_kind) return f;
  }
  throw std::runtime_error("no pickle format " + std::string(file_kind));
}

using syntax_id = std::array<std::uint8_t, 20>;
// 8a885d04-1ceb-11c9-9fe8-08002b104860 v2.0
constexpr syntax_id ndr20_syntax{0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11, 0x9f, 0xe8,
                                 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60, 0x02, 0x00, 0x00, 0x00};
// 71710533-beba-4937-8319-b5dbef9ccc36 v1.0
constexpr syntax_id ndr64_syntax{0x33, 0x05, 0x71, 0x71, 0xba, 0xbe, 0x37, 0x49, 0x83, 0x19,
                                 0xb5, 0xdb, 0xef, 0x9c, 0xcc, 0x36, 0x01, 0x00, 0x00, 0x00};
// dhcpsrv2 5b821720-f63b-11d0-aad2-00c04fc324db v1.0
constexpr syntax_id dhcpsrv2_interface{0x20, 0x17, 0x82, 0x5b, 0x3b, 0xf6, 0xd0, 0x11, 0xaa, 0xd2,
                                       0x00, 0xc0, 0x4f, 0xc3, 0x24, 0xdb, 0x01, 0x00, 0x00, 0x00};

std::vector<std::uint8_t> common_header(const pickle_format& f) {
  if (f.common == 8) return {0x01, static_cast<std::uint8_t>(f.big ? 0x00 : 0x10), 0x08, 0x00, 0xCC, 0xCC, 0xCC, 0xCC};
  std::vector<std::uint8_t> h{0x02, 0x10, 0x40, 0x00};
  h.insert(h.end(), 20, 0xCC);
  const syntax_id& syntax = f.kind == pickle_kind::v2_ndr64 ? ndr64_syntax : ndr20_syntax;
  h.insert(h.end(), syntax.begin(), syntax.end());
  h.insert(h.end(), dhcpsrv2_interface.begin(), dhcpsrv2_interface.end());
  return h;
}

void put_length(std::vector<std::uint8_t>& out, std::size_t at, std::uint32_t length, bool big) {
  for (std::size_t i = 0; i < 4; ++i) out.at(at + i) = static_cast<std::uint8_t>(length >> (8 * (big ? 3 - i : i)));
}

std::size_t padded(std::size_t n, std::size_t alignment) { return (n + alignment - 1) / alignment * alignment; }

result<bytes> encode_body(const client_info& v, layout wire) { return encode<client_info>(v, wire); }
result<bytes> encode_body(const client_info_array& v, layout wire) { return encode<client_info_array>(v, wire); }

// Where each value sits in a pickled buffer.
struct value_place {
  std::size_t header;  // its private header
  std::size_t body;
  std::size_t size;    // of the NDR body, before padding
  std::size_t length;  // ObjectBufferLength: the padded size
};

// The pickled buffer of `values`, assembled by hand; `places` gets where each one went.
template <class T>
std::vector<std::uint8_t> assemble(const std::vector<T>& values, const pickle_format& f,
                                   std::vector<value_place>* places = nullptr) {
  std::vector<std::uint8_t> out = common_header(f);
  for (const T& v : values) {
    const result<bytes> body = encode_body(v, f.body);
    if (!body) throw std::runtime_error("assemble: " + format_error(body.error_value()));
    value_place p{out.size(), out.size() + f.priv, body->size(), padded(body->size(), f.alignment)};
    out.resize(p.body, 0);
    put_length(out, p.header, static_cast<std::uint32_t>(p.length), f.big);
    out.insert(out.end(), body->begin(), body->end());
    out.resize(p.body + p.length, 0);
    if (places != nullptr) places->push_back(p);
  }
  return out;
}

// ---------------------------------------------------------------- decoding and expectations

// An exact-size heap copy of the input: one byte past it is an ASan report.
class exact_copy {
 public:
  explicit exact_copy(byte_span input) : size_(input.size()), data_(std::make_unique<std::uint8_t[]>(input.size())) {
    std::copy(input.begin(), input.end(), data_.get());
  }
  [[nodiscard]] byte_span span() const { return {data_.get(), size_}; }

 private:
  std::size_t size_;
  std::unique_ptr<std::uint8_t[]> data_;
};

// The single-value decode<Record> with a pickle layout.
decode_outcome run_one(value_kind type, layout wire, byte_span input, const decode_options& options = strict_options) {
  const exact_copy copy(input);
  return decode_as(type, framing::bare, wire, copy.span(), options);
}

// decode_pickled_clients / decode_pickled_arrays.
struct all_outcome {
  std::optional<std::vector<any_value>> values;
  pickle_kind kind{};
  error failure;
  std::vector<error> warnings;
};

template <class T>
all_outcome outcome_of(result<decoded_values<T>>&& r) {
  all_outcome out;
  if (!r) {
    out.failure = std::move(r).error_value();
    return out;
  }
  out.values.emplace();
  for (T& v : r->values) out.values->emplace_back(std::in_place_type<T>, std::move(v));
  out.kind = r->kind;
  out.warnings = std::move(r->warnings);
  return out;
}

all_outcome run_all(value_kind type, byte_span input, std::optional<pickle_kind> expect,
                    const decode_options& options = strict_options) {
  const exact_copy copy(input);
  return type == value_kind::client ? outcome_of(decode_pickled_clients(copy.span(), expect, options))
                                    : outcome_of(decode_pickled_arrays(copy.span(), expect, options));
}

testing::AssertionResult warnings_are(const std::vector<error>& actual, const std::vector<expected_error>& wanted) {
  bool same = actual.size() == wanted.size();
  for (std::size_t i = 0; same && i < wanted.size(); ++i) same = matches(actual[i], wanted[i]);
  if (same) return testing::AssertionSuccess();
  auto f = testing::AssertionFailure() << "warnings: " << describe(actual) << "\nexpected:";
  for (const auto& w : wanted) f << "\n  " << show(w);
  if (wanted.empty()) f << " (none)";
  return f;
}

testing::AssertionResult fails_with(const decode_outcome& o, const expected_error& e) {
  if (o.ok()) return testing::AssertionFailure() << "decoded (expected " << show(e) << ") to " << describe(*o.value);
  if (!matches(o.failure, e)) return testing::AssertionFailure() << "got " << describe(o.failure) << ", expected " << show(e);
  return testing::AssertionSuccess();
}

testing::AssertionResult fails_with(const all_outcome& o, const expected_error& e) {
  if (o.values) return testing::AssertionFailure() << "decoded " << o.values->size() << " values (expected " << show(e) << ")";
  if (!matches(o.failure, e)) return testing::AssertionFailure() << "got " << describe(o.failure) << ", expected " << show(e);
  return testing::AssertionSuccess();
}

testing::AssertionResult gives(const decode_outcome& o, const any_value& expected,
                               const std::vector<expected_error>& warnings = {}) {
  if (!o.ok()) return testing::AssertionFailure() << "failed: " << describe(o.failure);
  if (!(*o.value == expected)) {
    return testing::AssertionFailure() << "decoded\n" << describe(*o.value) << "\nexpected\n" << describe(expected);
  }
  return warnings_are(o.warnings, warnings);
}

testing::AssertionResult gives(const all_outcome& o, const std::vector<any_value>& expected, pickle_kind kind,
                               const std::vector<expected_error>& warnings = {}) {
  if (!o.values) return testing::AssertionFailure() << "failed: " << describe(o.failure);
  if (o.values->size() != expected.size()) {
    return testing::AssertionFailure() << o.values->size() << " values, expected " << expected.size();
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (!((*o.values)[i] == expected[i])) {
      return testing::AssertionFailure() << "value " << i << " decoded\n"
                                         << describe((*o.values)[i]) << "\nexpected\n" << describe(expected[i]);
    }
  }
  if (o.kind != kind) return testing::AssertionFailure() << "kind " << to_string(o.kind) << ", expected " << to_string(kind);
  return warnings_are(o.warnings, warnings);
}

// Every decode entry point that reads `f`'s kind, strict and lenient, fails with `e`:
// decode<client_info> with layout::pickle and with f.wire, decode_pickled_clients
// with and without the expected kind. (For header and length checks, which
// lenient mode does not forgive.)
testing::AssertionResult every_entry_fails(value_kind type, const pickle_format& f, byte_span input,
                                           const expected_error& e) {
  for (const decode_options& options : {strict_options, lenient_options}) {
    const char* mode = options.strict ? "strict " : "lenient ";
    for (layout wire : {layout::pickle, f.wire}) {
      if (auto r = fails_with(run_one(type, wire, input, options), e); !r) {
        return testing::AssertionFailure() << mode << to_string(wire) << ": " << r.message();
      }
    }
    for (std::optional<pickle_kind> expect : {std::optional<pickle_kind>{}, std::optional<pickle_kind>{f.kind}}) {
      if (auto r = fails_with(run_all(type, input, expect, options), e); !r) {
        return testing::AssertionFailure() << mode << "decode_pickled" << (expect ? " (expecting the kind)" : "") << ": "
                                           << r.message();
      }
    }
  }
  return testing::AssertionSuccess();
}

// Every entry point decodes `input` to `expected`, strict and lenient, without warnings.
testing::AssertionResult every_entry_gives(value_kind type, const pickle_format& f, byte_span input,
                                           const any_value& expected) {
  for (const decode_options& options : {strict_options, lenient_options}) {
    const char* mode = options.strict ? "strict " : "lenient ";
    for (layout wire : {layout::pickle, f.wire}) {
      if (auto r = gives(run_one(type, wire, input, options), expected); !r) {
        return testing::AssertionFailure() << mode << to_string(wire) << ": " << r.message();
      }
    }
    for (std::optional<pickle_kind> expect : {std::optional<pickle_kind>{}, std::optional<pickle_kind>{f.kind}}) {
      if (auto r = gives(run_all(type, input, expect, options), {expected}, f.kind); !r) {
        return testing::AssertionFailure() << mode << "decode_pickled" << (expect ? " (expecting the kind)" : "") << ": "
                                           << r.message();
      }
    }
  }
  return testing::AssertionSuccess();
}

any_value value_of(client_info c) { return any_value(std::in_place_type<client_info>, std::move(c)); }
any_value value_of(client_info_array a) { return any_value(std::in_place_type<client_info_array>, std::move(a)); }

std::vector<std::uint8_t> prefix(const std::vector<std::uint8_t>& full, std::size_t n) {
  return {full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n)};
}

std::vector<std::uint8_t> minimal_file(const pickle_format& f) { return read_vector_file(find_vector("minimal"), f.file_kind); }

std::string file_param_name(const testing::TestParamInfo<vector_file>& info) {
  return test_name(info.param.vector + "_" + info.param.kind);
}

std::string format_param_name(const testing::TestParamInfo<pickle_format>& info) {
  return test_name(info.param.file_kind);
}

// ---------------------------------------------------------------- names and routing

TEST(PickleNames, KindsAndLayouts) {
  EXPECT_EQ(pickle_kind_of(layout::pickle_ndr20), pickle_kind::v1_ndr20);
  EXPECT_EQ(pickle_kind_of(layout::pickle_ndr20be), pickle_kind::v1_ndr20be);
  EXPECT_EQ(pickle_kind_of(layout::pickle_ndr64), pickle_kind::v2_ndr64);
  EXPECT_EQ(pickle_kind_of(layout::pickle2_ndr20), pickle_kind::v2_ndr20);
  for (layout l : {layout::pickle, layout::ndr20, layout::ndr20be, layout::ndr64, layout::x64, layout::x86}) {
    EXPECT_FALSE(pickle_kind_of(l).has_value()) << to_string(l);
  }
  const struct {
    layout l;
    const char* name;
  } names[] = {{layout::pickle, "pickle"},
               {layout::pickle_ndr20, "pickle-ndr20"},
               {layout::pickle_ndr20be, "pickle-ndr20be"},
               {layout::pickle_ndr64, "pickle-ndr64"},
               {layout::pickle2_ndr20, "pickle2-ndr20"}};
  for (const auto& [l, name] : names) {
    EXPECT_EQ(to_string(l), name);
    EXPECT_EQ(parse_layout(name), l) << name;
    EXPECT_TRUE(is_pickle(l));
    EXPECT_FALSE(is_ndr(l));
    if (const std::optional<pickle_kind> k = pickle_kind_of(l)) {
      EXPECT_EQ(to_string(*k), name);
    }
  }
}

TEST(PickleRouting, PickledValuesAreBareOnly) {
  const client_info c = load_client("typical");
  const client_info_array a = load_array("array-3");
  const std::vector<std::uint8_t> input = read_vector_file(find_vector("typical"), "pickle.ndr20");
  for (layout wire : {layout::pickle, layout::pickle_ndr20, layout::pickle_ndr20be, layout::pickle_ndr64,
                      layout::pickle2_ndr20}) {
    SCOPED_TRACE(std::string(to_string(wire)));
    for (const decode_outcome& o :
         {decode_as(value_kind::client, framing::ptr, wire, input), decode_as(value_kind::array, framing::ptr, wire, input),
          decode_as(value_kind::client, framing::response, wire, input)}) {
      ASSERT_FALSE(o.ok());
      EXPECT_EQ(o.failure.code, ec::unsupported) << describe(o.failure);
    }
    for (const result<bytes>& r : {encode<std::optional<client_info>>(c, wire), encode<std::optional<client_info_array>>(a, wire),
                                   encode<std::optional<client_info>>(std::nullopt, wire),
                                   encode<get_client_info_response>(get_client_info_response{c, 0}, wire)}) {
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error_value().code, ec::unsupported) << describe(r.error_value());
    }
  }
  // layout::pickle decodes any kind but cannot say which one to write.
  for (const result<bytes>& r : {encode<client_info>(c, layout::pickle), encode<client_info_array>(a, layout::pickle)}) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error_value().code, ec::unsupported) << describe(r.error_value());
  }
}

// ---------------------------------------------------------------- the golden vectors

const std::vector<std::string> decodable_kinds = {"pickle.ndr20", "pickle.ndr20be", "pickle.ndr64", "pickle2.ndr20",
                                                  "foreign.pickle.ndr20be"};
const std::vector<std::string> canonical_kinds = {"pickle.ndr20", "pickle.ndr20be", "pickle.ndr64", "pickle2.ndr20"};

TEST(PickleVectorIndex, ListsEveryPickleFile) {
  for (const std::string& kind : canonical_kinds) {
    EXPECT_GE(vector_files({kind}).size(), 9u) << kind;
  }
  const std::vector<vector_file> foreign = vector_files({"foreign.pickle.ndr20be"});
  EXPECT_GE(foreign.size(), 4u);
  for (const vector_file& f : foreign) EXPECT_EQ(f.type, value_kind::array) << f.file_name();
  for (const std::string& kind : decodable_kinds) {
    const file_format format = format_of(kind);
    EXPECT_EQ(format.wire, format_named(kind).wire) << kind;
    EXPECT_EQ(format.frame, framing::bare) << kind;
    EXPECT_EQ(format.canonical, !kind.starts_with("foreign.")) << kind;
  }
}

class PickleVectorDecode : public testing::TestWithParam<vector_file> {};

TEST_P(PickleVectorDecode, GivesTheJsonValue) {
  const vector_file& f = GetParam();
  const pickle_format& p = format_named(f.kind);
  EXPECT_TRUE(every_entry_gives(f.type, p, read_vector_file(f), expected_value(f))) << f.file_name();
}

// The strict layouts refuse the other kinds, at the version byte.
TEST_P(PickleVectorDecode, OtherExplicitKindsRefuseIt) {
  const vector_file& f = GetParam();
  const pickle_format& p = format_named(f.kind);
  const std::vector<std::uint8_t> input = read_vector_file(f);
  for (const pickle_format& other : formats) {
    if (other.kind == p.kind) continue;
    SCOPED_TRACE(other.file_kind);
    const expected_error e{ec::invalid_header, 0, "CommonHeader.Version"};
    EXPECT_TRUE(fails_with(run_one(f.type, other.wire, input), e));
    EXPECT_TRUE(fails_with(run_one(f.type, other.wire, input, lenient_options), e));
    EXPECT_TRUE(fails_with(run_all(f.type, input, other.kind), e));
  }
}

INSTANTIATE_TEST_SUITE_P(Files, PickleVectorDecode, testing::ValuesIn(vector_files(decodable_kinds)), file_param_name);

class PickleVectorEncode : public testing::TestWithParam<vector_file> {};

TEST_P(PickleVectorEncode, ReproducesTheFile) {
  const vector_file& f = GetParam();
  const pickle_format& p = format_named(f.kind);
  const std::vector<std::uint8_t> expected = read_vector_file(f);
  const result<bytes> one = encode_any(expected_value(f), p.wire);
  ASSERT_TRUE(one) << describe(one.error_value());
  EXPECT_EQ(byte_diff(expected, *one), "") << "encode_" << (f.type == value_kind::client ? "client" : "array");
  const result<bytes> all = f.type == value_kind::client
                                ? encode_pickled(std::span<const client_info>(std::vector{load_client(f.vector)}), p.kind)
                                : encode_pickled(std::span<const client_info_array>(std::vector{load_array(f.vector)}), p.kind);
  ASSERT_TRUE(all) << describe(all.error_value());
  EXPECT_EQ(byte_diff(expected, *all), "") << "encode_pickled";
}

// The file is what DESIGN.md §4 says: header bytes, the ObjectBufferLength of
// the padded body, the NDR body of the value, zero padding.
TEST_P(PickleVectorEncode, IsTheDocumentedFraming) {
  const vector_file& f = GetParam();
  const pickle_format& p = format_named(f.kind);
  const std::vector<std::uint8_t> file = read_vector_file(f);
  std::vector<std::uint8_t> expected;
  if (f.type == value_kind::client) {
    expected = assemble(std::vector{load_client(f.vector)}, p);
  } else {
    expected = assemble(std::vector{load_array(f.vector)}, p);
  }
  EXPECT_EQ(byte_diff(expected, file), "") << f.file_name();
}

INSTANTIATE_TEST_SUITE_P(Files, PickleVectorEncode, testing::ValuesIn(vector_files(canonical_kinds)), file_param_name);

class PickleForeignVector : public testing::TestWithParam<vector_file> {};

// Samba writes the big-endian common header in the stream's byte order
// (header length 00 08); decoding accepts it and encoding writes ours.
TEST_P(PickleForeignVector, SambaBigEndianHeader) {
  const vector_file& f = GetParam();
  const std::vector<std::uint8_t> foreign = read_vector_file(f);
  const std::vector<std::uint8_t> canonical = read_vector_file(find_vector(f.vector), "pickle.ndr20be");
  ASSERT_GE(foreign.size(), 8u);
  EXPECT_EQ(foreign[2], 0x00);
  EXPECT_EQ(foreign[3], 0x08);
  EXPECT_NE(foreign, canonical);
  const decode_outcome o = run_one(f.type, layout::pickle, foreign);
  ASSERT_TRUE(o.ok()) << describe(o.failure);
  const result<bytes> again = encode_any(*o.value, layout::pickle_ndr20be);
  ASSERT_TRUE(again);
  EXPECT_EQ(byte_diff(canonical, *again), "");
}

INSTANTIATE_TEST_SUITE_P(Files, PickleForeignVector, testing::ValuesIn(vector_files({"foreign.pickle.ndr20be"})),
                         file_param_name);

// ---------------------------------------------------------------- the common header

class PickleHeader : public testing::TestWithParam<pickle_format> {
 protected:
  [[nodiscard]] const pickle_format& format() const { return GetParam(); }
  [[nodiscard]] bool v1() const { return GetParam().common == 8; }
  [[nodiscard]] testing::AssertionResult fails(byte_span input, const expected_error& e) const {
    return every_entry_fails(value_kind::client, format(), input, e);
  }
  [[nodiscard]] testing::AssertionResult decodes(byte_span input) const {
    return every_entry_gives(value_kind::client, format(), input, value_of(load_client("minimal")));
  }
};

TEST_P(PickleHeader, CutOffCommonHeader) {
  const std::vector<std::uint8_t> full = minimal_file(format());
  for (std::size_t n = 0; n < 4; ++n) {
    SCOPED_TRACE("length " + std::to_string(n));
    EXPECT_TRUE(fails(prefix(full, n), {ec::truncated, 0, "CommonHeader.Version"}));
  }
  for (std::size_t n = 4; n < format().common; ++n) {
    SCOPED_TRACE("length " + std::to_string(n));
    if (v1()) {
      // Bytes 4..7 are the filler: it is missing from byte 4 on.
      EXPECT_TRUE(fails(prefix(full, n), {ec::truncated, 4, "CommonHeader.Filler"}));
    } else if (n < 44) {
      // The transfer syntax at 24..44 is what version 2 needs from the rest;
      // before it, the offset is clamped to the input.
      EXPECT_TRUE(fails(prefix(full, n), {ec::truncated, std::min<std::size_t>(n, 24), "CommonHeader.TransferSyntax"}));
    } else {
      // Only the interface id (44..64) is cut off: a truncation inside the
      // common header (which field it names is not pinned here).
      const decode_outcome o = run_one(value_kind::client, layout::pickle, prefix(full, n));
      ASSERT_FALSE(o.ok());
      EXPECT_EQ(o.failure.code, ec::truncated);
      EXPECT_LE(o.failure.offset, n);
      EXPECT_TRUE(o.failure.path.starts_with("CommonHeader.")) << o.failure.path;
    }
  }
}

TEST_P(PickleHeader, Version) {
  for (const std::uint8_t version : std::vector<std::uint8_t>{0x00, 0x03, 0x11, 0x81, 0xFF}) {
    SCOPED_TRACE("version " + std::to_string(version));
    std::vector<std::uint8_t> input = minimal_file(format());
    input[0] = version;
    EXPECT_TRUE(fails(input, {ec::invalid_header, 0, "CommonHeader.Version"}));
  }
  // The other version number: the rest of the header does not fit it.
  std::vector<std::uint8_t> input = minimal_file(format());
  input[0] = v1() ? 0x02 : 0x01;
  if (format().big) {
    EXPECT_TRUE(fails(input, {ec::invalid_header, 1, "CommonHeader.Endianness"}));  // version 2 is little-endian
  } else {
    EXPECT_TRUE(fails(input, {ec::invalid_header, 2, "CommonHeader.CommonHeaderLength"}));  // 8 is not 64, 64 not 8
  }
}

TEST_P(PickleHeader, DataRepresentation) {
  const std::vector<std::uint8_t> valid = v1() ? std::vector<std::uint8_t>{0x10, 0x00} : std::vector<std::uint8_t>{0x10};
  for (int drep = 0; drep < 256; ++drep) {
    if (std::find(valid.begin(), valid.end(), drep) != valid.end()) continue;
    std::vector<std::uint8_t> input = minimal_file(format());
    input[1] = static_cast<std::uint8_t>(drep);
    EXPECT_TRUE(fails(input, {ec::invalid_header, 1, "CommonHeader.Endianness"})) << "DREP " << drep;
  }
}

TEST_P(PickleHeader, HeaderLength) {
  std::vector<std::array<std::uint8_t, 2>> wrong;
  if (v1()) {
    wrong = {{0x07, 0x00}, {0x09, 0x00}, {0x08, 0x01}, {0x10, 0x00}, {0x00, 0x00}, {0x40, 0x00}, {0x08, 0x08}};
    // 00 08 is 8 only when read big-endian: Samba's form of a big-endian header.
    if (!format().big) wrong.push_back({0x00, 0x08});
  } else {
    wrong = {{0x3F, 0x00}, {0x41, 0x00}, {0x00, 0x40}, {0x08, 0x00}, {0x40, 0x01}, {0x00, 0x00}};
  }
  for (const auto& [lo, hi] : wrong) {
    SCOPED_TRACE("length bytes " + std::to_string(lo) + " " + std::to_string(hi));
    std::vector<std::uint8_t> input = minimal_file(format());
    input[2] = lo;
    input[3] = hi;
    EXPECT_TRUE(fails(input, {ec::invalid_header, 2, "CommonHeader.CommonHeaderLength"}));
  }
  if (format().big) {
    std::vector<std::uint8_t> samba = minimal_file(format());
    samba[2] = 0x00;
    samba[3] = 0x08;
    EXPECT_TRUE(decodes(samba));
  }
}

TEST_P(PickleHeader, TransferSyntax) {
  if (v1()) GTEST_SKIP() << "version 1 names no transfer syntax";
  // Any byte of the 20 (GUID, major, minor) changed: neither NDR 2.0 nor NDR64.
  for (std::size_t i = 24; i < 44; ++i) {
    for (std::uint8_t flip : {std::uint8_t{0x01}, std::uint8_t{0x80}}) {
      std::vector<std::uint8_t> input = minimal_file(format());
      input[i] ^= flip;
      EXPECT_TRUE(fails(input, {ec::invalid_header, 24, "CommonHeader.TransferSyntax"})) << "byte " << i;
    }
  }
  // The other syntax is a header of the other version 2 kind.
  std::vector<std::uint8_t> swapped = minimal_file(format());
  const syntax_id& other = format().kind == pickle_kind::v2_ndr64 ? ndr20_syntax : ndr64_syntax;
  std::copy(other.begin(), other.end(), swapped.begin() + 24);
  const expected_error wrong_kind{ec::invalid_header, 0, "CommonHeader.Version"};
  EXPECT_TRUE(fails_with(run_one(value_kind::client, format().wire, swapped), wrong_kind));
  EXPECT_TRUE(fails_with(run_all(value_kind::client, swapped, format().kind), wrong_kind));
  const all_outcome any = run_all(value_kind::client, swapped, std::nullopt);
  if (!any.values) {
    EXPECT_NE(any.failure.code, ec::invalid_header) << "the header is valid: " << describe(any.failure);
  } else {
    EXPECT_NE(any.kind, format().kind);
  }
}

TEST_P(PickleHeader, FillerIsIgnored) {
  const std::vector<std::uint8_t> base = minimal_file(format());
  // Common header filler: v1 bytes 4..7; v2 endianInfo and reserved 4..24 and
  // the interface id 44..64. Private header filler: after the 4-byte length.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  if (v1()) {
    ranges = {{4, 8}, {12, 16}};
  } else {
    ranges = {{4, 24}, {44, 64}, {68, 80}};
  }
  for (std::uint8_t fill : {std::uint8_t{0x00}, std::uint8_t{0xFF}, std::uint8_t{0x5A}}) {
    std::vector<std::uint8_t> input = base;
    for (const auto& [from, to] : ranges) std::fill(input.begin() + static_cast<std::ptrdiff_t>(from),
                                                    input.begin() + static_cast<std::ptrdiff_t>(to), fill);
    EXPECT_TRUE(decodes(input)) << "fill " << static_cast<int>(fill);
  }
}

// ---------------------------------------------------------------- the private header and the body

TEST_P(PickleHeader, NoPrivateHeader) {
  const std::vector<std::uint8_t> full = minimal_file(format());
  const std::size_t at = format().common;
  for (std::size_t n = at; n < at + format().priv; ++n) {
    SCOPED_TRACE("length " + std::to_string(n));
    EXPECT_TRUE(fails(prefix(full, n), {ec::truncated, at, "PrivateHeader.ObjectBufferLength"}));
  }
}

TEST_P(PickleHeader, ObjectBufferLengthNotAMultiple) {
  const pickle_format& f = format();
  const std::size_t at = f.common;
  // minimal: a 93-byte NDR 2.0 body padded to 96, or 136 bytes of NDR64 padded to 144.
  std::vector<std::uint32_t> lengths = {1, 4, 93, 95, 97, 100};
  if (f.alignment == 16) lengths.insert(lengths.end(), {8, 136, 152, 0xFFFFFFF8u});
  for (std::uint32_t length : lengths) {
    if (length % f.alignment == 0) continue;
    SCOPED_TRACE("ObjectBufferLength " + std::to_string(length));
    std::vector<std::uint8_t> input = minimal_file(f);
    put_length(input, at, length, f.big);
    EXPECT_TRUE(fails(input, {ec::length_mismatch, at, "PrivateHeader.ObjectBufferLength"}));
  }
}

TEST_P(PickleHeader, ObjectBufferLengthBeyondTheInput) {
  const pickle_format& f = format();
  const std::size_t at = f.common;
  const std::vector<std::uint8_t> base = minimal_file(f);
  const std::uint32_t present = static_cast<std::uint32_t>(base.size() - at - f.priv);
  for (std::uint32_t length : {present + static_cast<std::uint32_t>(f.alignment), present + 1024u,
                               static_cast<std::uint32_t>(0x100000000u - f.alignment)}) {
    SCOPED_TRACE("ObjectBufferLength " + std::to_string(length));
    std::vector<std::uint8_t> input = base;
    put_length(input, at, length, f.big);
    EXPECT_TRUE(fails(input, {ec::length_mismatch, at, "PrivateHeader.ObjectBufferLength"}));
  }
  // The body cut off, its length intact.
  EXPECT_TRUE(fails(prefix(base, base.size() - 1), {ec::length_mismatch, at, "PrivateHeader.ObjectBufferLength"}));
  EXPECT_TRUE(fails(prefix(base, at + f.priv), {ec::length_mismatch, at, "PrivateHeader.ObjectBufferLength"}));
}

TEST_P(PickleHeader, ObjectBufferLengthBeyondTheValue) {
  // A whole alignment unit (or more) of the body left over: the length
  // disagrees with the value.
  const pickle_format& f = format();
  const std::size_t at = f.common;
  for (std::size_t extra : {f.alignment, 4 * f.alignment}) {
    SCOPED_TRACE("extra " + std::to_string(extra));
    std::vector<std::uint8_t> input = minimal_file(f);
    const std::size_t length = input.size() - at - f.priv + extra;
    input.resize(input.size() + extra, 0);
    put_length(input, at, static_cast<std::uint32_t>(length), f.big);
    EXPECT_TRUE(fails(input, {ec::length_mismatch, at, "PrivateHeader.ObjectBufferLength"}));
  }
}

TEST_P(PickleHeader, ObjectBufferLengthShorterThanTheValue) {
  // The value runs over its ObjectBufferLength: the body ends there, and the
  // error is inside it, at an offset in the whole buffer.
  const pickle_format& f = format();
  const std::size_t body = f.common + f.priv;
  std::vector<std::uint8_t> input = minimal_file(f);
  expected_error e{ec::truncated, 0, ""};
  std::uint32_t length = 0;
  if (f.body == layout::ndr64) {
    length = 128;  // the 136-byte struct without Flags and its pad
    e = {ec::truncated, body + 128, "Flags"};
  } else if (f.alignment == 8) {
    length = 88;  // PolicyName's id is at 88..92
    e = {ec::truncated, body + 88, "PolicyName"};
  } else {
    length = 80;  // LastBndUpdTime is at 80..84
    e = {ec::truncated, body + 80, "LastBndUpdTime"};
  }
  put_length(input, f.common, length, f.big);
  EXPECT_TRUE(fails(input, e));
  // typical: PolicyName's units do not fit.
  std::vector<value_place> places;
  const std::vector<std::uint8_t> typical = assemble(std::vector{load_client("typical")}, f, &places);
  ASSERT_EQ(typical, read_vector_file(find_vector("typical"), f.file_kind));
  std::vector<std::uint8_t> cut = typical;
  put_length(cut, f.common, static_cast<std::uint32_t>(places[0].length - f.alignment), f.big);
  const decode_outcome o = run_one(value_kind::client, layout::pickle, cut);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.failure.code, ec::count_exceeds_input) << describe(o.failure);
  EXPECT_EQ(o.failure.path, "PolicyName");
  EXPECT_GT(o.failure.offset, body);
  EXPECT_LT(o.failure.offset, places[0].body + places[0].length - f.alignment);
}

TEST_P(PickleHeader, NonzeroBodyPadding) {
  const pickle_format& f = format();
  const std::vector<std::uint8_t> base = minimal_file(f);
  const std::size_t body = f.common + f.priv;
  const std::size_t value_end = body + (f.body == layout::ndr64 ? 136 : 93);
  ASSERT_LT(value_end, base.size());
  const client_info minimal = load_client("minimal");
  for (std::size_t at = value_end; at < base.size(); ++at) {
    SCOPED_TRACE("padding byte " + std::to_string(at));
    std::vector<std::uint8_t> input = base;
    input[at] = 0x01;
    input.back() |= 0x80;  // the first non-zero byte is the one reported
    const expected_error e{ec::nonzero_padding, at, ""};
    for (layout wire : {layout::pickle, f.wire}) {
      EXPECT_TRUE(fails_with(run_one(value_kind::client, wire, input), e));
      EXPECT_TRUE(gives(run_one(value_kind::client, wire, input, lenient_options), value_of(minimal), {e}));
    }
    EXPECT_TRUE(fails_with(run_all(value_kind::client, input, std::nullopt), e));
    EXPECT_TRUE(gives(run_all(value_kind::client, input, std::nullopt, lenient_options), {value_of(minimal)}, f.kind, {e}));
  }
}

TEST_P(PickleHeader, NdrPaddingInsideTheBodyIsNotChecked) {
  // Alignment padding of the NDR body is not body padding: any content.
  const pickle_format& f = format();
  const std::size_t body = f.common + f.priv;
  std::vector<std::uint8_t> input = read_vector_file(find_vector("typical"), f.file_kind);
  if (f.body == layout::ndr64) {
    input.at(body + 12) = 0xAB;   // before Data's referent id
    input.at(body + 130) = 0xAB;  // the struct's trailing pad
  } else {
    input.at(body + 93) = 0xAB;   // before Data's max_count
    input.at(body + 111) = 0xAB;  // after Data's 11 bytes
  }
  EXPECT_TRUE(every_entry_gives(value_kind::client, f, input, value_of(load_client("typical"))));
}

INSTANTIATE_TEST_SUITE_P(Kinds, PickleHeader, testing::ValuesIn(formats), format_param_name);

TEST(PickleHeaderBigEndian, SambaAndSpecHeadersBothDecode) {
  // The same value with the spec's header (08 00) and Samba's (00 08).
  const pickle_format& f = format_named("pickle.ndr20be");
  for (const char* name : {"array-3", "array-empty"}) {
    SCOPED_TRACE(name);
    std::vector<std::uint8_t> spec = read_vector_file(find_vector(name), "pickle.ndr20be");
    std::vector<std::uint8_t> samba = read_vector_file(find_vector(name), "foreign.pickle.ndr20be");
    EXPECT_TRUE(every_entry_gives(value_kind::array, f, spec, value_of(load_array(name))));
    EXPECT_TRUE(every_entry_gives(value_kind::array, f, samba, value_of(load_array(name))));
    // A little-endian stream with Samba's bytes is not 8 long.
    samba[1] = 0x10;
    EXPECT_TRUE(every_entry_fails(value_kind::array, format_named("pickle.ndr20"), samba,
                                  {ec::invalid_header, 2, "CommonHeader.CommonHeaderLength"}));
  }
}

TEST(PickleHeaderOther, NotTypeSerialization) {
  // NDR bytes are not a pickled buffer: typical starts with 0a (ClientIpAddress).
  const std::vector<std::uint8_t> ndr = read_vector_file(find_vector("typical"), "ndr20");
  EXPECT_TRUE(fails_with(run_one(value_kind::client, layout::pickle, ndr), {ec::invalid_header, 0, "CommonHeader.Version"}));
  EXPECT_TRUE(fails_with(run_all(value_kind::client, ndr, std::nullopt), {ec::invalid_header, 0, "CommonHeader.Version"}));
}

// ---------------------------------------------------------------- several values in a row

std::vector<client_info> client_list() {
  return {load_client("minimal"), load_client("typical"), load_client("empty-strings"), load_client("unicode"),
          load_client("extremes"), load_client("minimal")};
}
std::vector<client_info_array> array_list() {
  return {load_array("array-null"), load_array("array-empty"), load_array("array-with-null"), load_array("array-3"),
          load_array("array-empty")};
}

template <class T>
std::vector<any_value> values_of(const std::vector<T>& values) {
  std::vector<any_value> out;
  for (const T& v : values) out.emplace_back(std::in_place_type<T>, v);
  return out;
}

class PickleSeveralValues : public testing::TestWithParam<pickle_format> {
 protected:
  template <class T>
  void check_all(value_kind type, const std::vector<T>& values) {
    const pickle_format& f = GetParam();
    std::vector<value_place> places;
    const std::vector<std::uint8_t> expected = assemble(values, f, &places);
    const result<bytes> encoded = encode_pickled(std::span<const T>(values), f.kind);
    ASSERT_TRUE(encoded) << describe(encoded.error_value());
    ASSERT_EQ(byte_diff(expected, *encoded), "");
    const std::vector<any_value> wanted = values_of(values);

    // decode_pickled_*: every value, with or without the expected kind, in both modes.
    EXPECT_TRUE(gives(run_all(type, *encoded, std::nullopt), wanted, f.kind));
    EXPECT_TRUE(gives(run_all(type, *encoded, f.kind), wanted, f.kind));
    EXPECT_TRUE(gives(run_all(type, *encoded, std::nullopt, lenient_options), wanted, f.kind));
    for (const pickle_format& other : formats) {
      if (other.kind != f.kind) {
        EXPECT_TRUE(fails_with(run_all(type, *encoded, other.kind), {ec::invalid_header, 0, "CommonHeader.Version"}));
      }
    }

    // The single-value entry points: the second private header is trailing bytes.
    const expected_error trailing{ec::trailing_bytes, places[1].header, ""};
    for (layout wire : {layout::pickle, f.wire}) {
      SCOPED_TRACE(std::string(to_string(wire)));
      EXPECT_TRUE(fails_with(run_one(type, wire, *encoded), trailing));
      EXPECT_TRUE(gives(run_one(type, wire, *encoded, lenient_options), wanted[0], {trailing}));
    }

    // Cut inside a later private header, or inside a later body.
    const value_place& last = places.back();
    EXPECT_TRUE(fails_with(run_all(type, prefix(*encoded, last.header + 3), std::nullopt),
                           {ec::truncated, last.header, "PrivateHeader.ObjectBufferLength"}));
    EXPECT_TRUE(fails_with(run_all(type, prefix(*encoded, last.body + 1), std::nullopt),
                           {ec::length_mismatch, last.header, "PrivateHeader.ObjectBufferLength"}));
    // Bytes after the last value that are not a whole private header.
    std::vector<std::uint8_t> extra = *encoded;
    extra.insert(extra.end(), {0, 0, 0});
    EXPECT_TRUE(fails_with(run_all(type, extra, std::nullopt),
                           {ec::truncated, encoded->size(), "PrivateHeader.ObjectBufferLength"}));

    // A bad length in the middle is reported at its own private header.
    const value_place& second = places[1];
    std::vector<std::uint8_t> odd = *encoded;
    put_length(odd, second.header, static_cast<std::uint32_t>(second.length + 1), f.big);
    EXPECT_TRUE(fails_with(run_all(type, odd, std::nullopt),
                           {ec::length_mismatch, second.header, "PrivateHeader.ObjectBufferLength"}));
    EXPECT_TRUE(fails_with(run_all(type, odd, std::nullopt, lenient_options),
                           {ec::length_mismatch, second.header, "PrivateHeader.ObjectBufferLength"}));

    // Non-zero body padding in several values: strict stops at the first,
    // lenient warns about each one, at its offset in the whole buffer.
    std::vector<std::uint8_t> dirty = *encoded;
    std::vector<expected_error> warnings;
    for (const value_place& p : places) {
      if (p.length == p.size) continue;  // no padding in this one
      dirty[p.body + p.length - 1] = 0xCC;
      warnings.push_back({ec::nonzero_padding, p.body + p.length - 1, ""});
    }
    ASSERT_GE(warnings.size(), 2u) << "the test needs two values with padding";
    EXPECT_TRUE(fails_with(run_all(type, dirty, std::nullopt), warnings.front()));
    EXPECT_TRUE(gives(run_all(type, dirty, std::nullopt, lenient_options), wanted, f.kind, warnings));
    // max_warnings counts across values.
    decode_options one_warning = lenient_options;
    one_warning.max_warnings = 1;
    EXPECT_TRUE(gives(run_all(type, dirty, std::nullopt, one_warning), wanted, f.kind, {warnings.front()}));
  }
};

TEST_P(PickleSeveralValues, Clients) { check_all(value_kind::client, client_list()); }
TEST_P(PickleSeveralValues, Arrays) { check_all(value_kind::array, array_list()); }

TEST_P(PickleSeveralValues, OneValueIsOneValue) {
  const pickle_format& f = GetParam();
  const std::vector<client_info> one{load_client("typical")};
  const result<bytes> encoded = encode_pickled(std::span<const client_info>(one), f.kind);
  ASSERT_TRUE(encoded);
  EXPECT_TRUE(gives(run_all(value_kind::client, *encoded, std::nullopt), values_of(one), f.kind));
}

TEST_P(PickleSeveralValues, NoValues) {
  // The common header alone holds no value to decode, so encoding nothing is
  // refused rather than written as a buffer that decoding would refuse.
  const pickle_format& f = GetParam();
  const result<bytes> clients = encode_pickled(std::span<const client_info>(), f.kind);
  ASSERT_FALSE(clients);
  EXPECT_EQ(clients.error_value().code, ec::unsupported);
  const result<bytes> arrays = encode_pickled(std::span<const client_info_array>(), f.kind);
  ASSERT_FALSE(arrays);
  EXPECT_EQ(arrays.error_value().code, ec::unsupported);
  EXPECT_TRUE(fails_with(run_all(value_kind::client, common_header(f), std::nullopt),
                         {ec::truncated, f.common, "PrivateHeader.ObjectBufferLength"}));
}

TEST_P(PickleSeveralValues, EncodeErrorsStopTheBuffer) {
  // A value the kind cannot hold, in the middle of the list: nothing is written.
  const pickle_format& f = GetParam();
  std::vector<client_info> values = client_list();
  values[2].status = 70000;
  const result<bytes> encoded = encode_pickled(std::span<const client_info>(values), f.kind);
  if (f.body == layout::ndr64) {
    ASSERT_TRUE(encoded) << describe(encoded.error_value());
    EXPECT_TRUE(gives(run_all(value_kind::client, *encoded, std::nullopt), values_of(values), f.kind));
  } else {
    ASSERT_FALSE(encoded);
    EXPECT_EQ(encoded.error_value().code, ec::value_out_of_range);
    std::vector<value_place> places;
    (void)assemble(std::vector<client_info>(values.begin(), values.begin() + 2), f, &places);
    // Status of the third value, in the output.
    EXPECT_EQ(encoded.error_value().offset, places.back().body + places.back().length + f.priv + 46);
  }
  // Two values with NumElements that disagree with Clients.
  std::vector<client_info_array> arrays = array_list();
  arrays[3].num_elements = 7;
  const result<bytes> bad = encode_pickled(std::span<const client_info_array>(arrays), f.kind);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error_value().code, ec::inconsistent_value);
}

INSTANTIATE_TEST_SUITE_P(Kinds, PickleSeveralValues, testing::ValuesIn(formats), format_param_name);

// ---------------------------------------------------------------- the shared budget

class PickleBudget : public testing::TestWithParam<pickle_format> {};

// The smallest max_decoded_bytes with which `input` decodes.
std::uint64_t threshold(value_kind type, byte_span input) {
  std::uint64_t lo = 0;
  std::uint64_t hi = std::uint64_t{1} << 24;
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (run_all(type, input, std::nullopt, decode_options{.max_decoded_bytes = mid}).values) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

template <class T>
void check_budget(value_kind type, const T& value, const pickle_format& f) {
  std::vector<value_place> places;
  const std::vector<std::uint8_t> one = assemble(std::vector<T>{value}, f);
  const std::vector<std::uint8_t> two = assemble(std::vector<T>{value, value}, f, &places);
  const std::uint64_t single = threshold(type, one);
  ASSERT_GT(single, 0u);
  ASSERT_LT(single, std::uint64_t{1} << 24);
  // One value alone fits in `single`; the single-value entry point agrees.
  EXPECT_TRUE(run_all(type, one, std::nullopt, decode_options{.max_decoded_bytes = single}).values);
  EXPECT_TRUE(run_one(type, f.wire, one, decode_options{.max_decoded_bytes = single}).ok());
  const decode_outcome under = run_one(type, f.wire, one, decode_options{.max_decoded_bytes = single - 1});
  ASSERT_FALSE(under.ok());
  EXPECT_EQ(under.failure.code, ec::decoded_size_limit);
  // Two values: each one fits, the sum does not. The failure is in the second.
  for (std::uint64_t budget : {single, 2 * single - 1}) {
    SCOPED_TRACE("budget " + std::to_string(budget));
    for (const decode_options& mode : {strict_options, lenient_options}) {
      decode_options options = mode;
      options.max_decoded_bytes = budget;
      const all_outcome o = run_all(type, two, std::nullopt, options);
      ASSERT_FALSE(o.values) << "decoded with a budget for one and a half values";
      EXPECT_EQ(o.failure.code, ec::decoded_size_limit) << describe(o.failure);
      EXPECT_GE(o.failure.offset, places[1].body) << describe(o.failure);
    }
  }
  EXPECT_TRUE(run_all(type, two, std::nullopt, decode_options{.max_decoded_bytes = 2 * single}).values);
}

TEST_P(PickleBudget, SharedAcrossTheValuesOfABuffer) {
  check_budget(value_kind::client, load_client("typical"), GetParam());
  check_budget(value_kind::array, load_array("array-3"), GetParam());
}

INSTANTIATE_TEST_SUITE_P(Kinds, PickleBudget, testing::ValuesIn(formats), format_param_name);

// The other limits apply inside bodies as they do in bare NDR, with offsets
// in the whole buffer.
TEST(PickleLimits, InsideTheBody) {
  for (const pickle_format& f : formats) {
    SCOPED_TRACE(f.file_kind);
    const std::vector<std::uint8_t> input = read_vector_file(find_vector("array-3"), f.file_kind);
    const std::size_t body = f.common + f.priv;
    const std::size_t clients_max = body + (f.body == layout::ndr64 ? 16 : 8);
    const all_outcome o = run_all(value_kind::array, input, std::nullopt, decode_options{.max_elements = 2});
    EXPECT_TRUE(fails_with(o, {ec::element_limit, clients_max, "Clients"}));
    const decode_outcome s =
        run_one(value_kind::array, layout::pickle, input, decode_options{.max_string_units = 26});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.failure.code, ec::string_limit);
    EXPECT_EQ(s.failure.path, "Clients[0].ClientName");
    EXPECT_GT(s.failure.offset, body);
  }
}

}  // namespace
}  // namespace dhcpm::test
