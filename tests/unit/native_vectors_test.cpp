// Native memory images against the golden vectors (issue 4 point 5): every
// x64 and x86 vector file decodes to NAME.json (strict, lenient, through the
// generic entry points and through decode_native_*), and encoding NAME.json
// reproduces the file byte for byte. Then the same value elsewhere in the
// address space: encoded at another base, the image differs from the vector
// only in its pointers, each moved by exactly the change of base; and with
// other bytes in front of it, the value is found through `at`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/json.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

constexpr std::uint64_t vector_base = 0x10000;  // where every x64/x86 vector is based (tests/vectors/README.md)

layout layout_of(const vector_file& f) { return f.kind == "x64" ? layout::x64 : layout::x86; }
std::size_t pointer_size(layout wire) { return wire == layout::x64 ? 8 : 4; }

// Another plausible base for each layout: an x64 executable's usual image
// base, an x86 executable's.
std::uint64_t other_base(layout wire) { return wire == layout::x64 ? 0x7ff600000000u : 0x400000u; }

// Either value, decoded or encoded through the entry point of its type.
struct native_value {
  std::optional<client_info> client;
  std::optional<client_info_array> array;

  friend bool operator==(const native_value&, const native_value&) = default;
};

native_value expected_of(const vector_file& f) {
  native_value v;
  if (f.type == value_kind::client) {
    v.client = load_client(f.vector);
  } else {
    v.array = load_array(f.vector);
  }
  return v;
}

std::string show(const native_value& v) { return v.client ? to_json(*v.client) : to_json(*v.array); }

struct native_outcome {
  std::optional<native_value> value;
  error failure;
  std::vector<error> warnings;
};

template <class T>
native_outcome outcome_of(const result<decoded<T>>& r) {
  native_outcome out;
  if (!r) {
    out.failure = r.error_value();
    return out;
  }
  native_value v;
  if constexpr (std::is_same_v<T, client_info>) {
    v.client = r->value;
  } else {
    v.array = r->value;
  }
  out.value = std::move(v);
  out.warnings = r->warnings;
  return out;
}

// decode_native_* on an exact-size heap copy of `bytes` (ASan sees an over-read).
native_outcome decode_image(value_kind type, byte_span bytes, std::uint64_t base, std::uint64_t at, layout wire,
                            const decode_options& options = {}) {
  auto buffer = std::make_unique<std::uint8_t[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), buffer.get());
  const struct {
    byte_span bytes;
    std::uint64_t base;
  } image{byte_span(buffer.get(), bytes.size()), base};
  return type == value_kind::client ? outcome_of(decode<client_info>(image.bytes, wire_format{.wire = wire, .base = image.base, .at = at}, options))
                                    : outcome_of(decode<client_info_array>(image.bytes, wire_format{.wire = wire, .base = image.base, .at = at}, options));
}

result<bytes> encode_at(const native_value& v, layout wire, std::uint64_t base) {
  return v.client ? encode(*v.client, wire_format{.wire = wire, .base = base}) : encode(*v.array, wire_format{.wire = wire, .base = base});
}

testing::AssertionResult decodes_to(const native_outcome& o, const native_value& expected) {
  if (!o.value) return testing::AssertionFailure() << "decode failed: " << describe(o.failure);
  if (!(*o.value == expected)) {
    return testing::AssertionFailure() << "decoded\n" << show(*o.value) << "\nexpected\n" << show(expected);
  }
  if (!o.warnings.empty()) return testing::AssertionFailure() << "warnings:" << describe(o.warnings);
  return testing::AssertionSuccess();
}

std::uint64_t load_le(const std::uint8_t* p, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = n; i-- > 0;) v = (v << 8) | p[i];
  return v;
}

std::string param_name(const testing::TestParamInfo<vector_file>& info) {
  return test_name(info.param.vector + "_" + info.param.kind);
}

const std::vector<vector_file>& native_files() {
  static const std::vector<vector_file> files = vector_files({"x64", "x86"});
  return files;
}

class NativeVector : public testing::TestWithParam<vector_file> {};

TEST_P(NativeVector, DecodesToItsJson) {
  const vector_file& f = GetParam();
  const layout wire = layout_of(f);
  const std::vector<std::uint8_t> image = read_vector_file(f);
  const native_value expected = expected_of(f);

  // The generic entry points: the image is based at 0x10000, the value at its base.
  const decode_outcome generic = decode_as(f.type, framing::bare, wire, image, decode_options{});
  ASSERT_TRUE(generic.ok()) << describe(generic.failure);
  EXPECT_TRUE(generic.warnings.empty()) << describe(generic.warnings);
  const native_value generic_value = f.type == value_kind::client
                                         ? native_value{std::get<client_info>(*generic.value), std::nullopt}
                                         : native_value{std::nullopt, std::get<client_info_array>(*generic.value)};
  EXPECT_EQ(generic_value, expected) << show(generic_value);

  // The native entry points, strict and lenient, from an exact-size buffer.
  EXPECT_TRUE(decodes_to(decode_image(f.type, image, vector_base, vector_base, wire), expected));
  EXPECT_TRUE(decodes_to(decode_image(f.type, image, vector_base, vector_base, wire, decode_options{.strict = false}),
                         expected));
}

TEST_P(NativeVector, EncodeReproducesTheFile) {
  const vector_file& f = GetParam();
  const layout wire = layout_of(f);
  const std::vector<std::uint8_t> image = read_vector_file(f);
  const native_value value = expected_of(f);

  const result<bytes> generic = value.client ? encode<client_info>(*value.client, wire) : encode<client_info_array>(*value.array, wire);
  ASSERT_TRUE(generic) << describe(generic.error_value());
  EXPECT_EQ(byte_diff(image, *generic), "") << f.file_name();

  const result<bytes> native = encode_at(value, wire, vector_base);
  ASSERT_TRUE(native) << describe(native.error_value());
  EXPECT_EQ(byte_diff(image, *native), "") << f.file_name();

  // encode_native's default base is the vectors' base.
  const result<bytes> defaulted =
      value.client ? encode(*value.client, wire_format{.wire = wire}) : encode(*value.array, wire_format{.wire = wire});
  ASSERT_TRUE(defaulted) << describe(defaulted.error_value());
  EXPECT_EQ(byte_diff(image, *defaulted), "") << f.file_name();
}

// At another base, the image has the same size and differs from the vector
// only in pointer-sized, pointer-aligned slots that hold a non-NULL pointer of
// the vector, moved by exactly (new base - 0x10000): pointers are absolute
// addresses, everything else is position-independent. It decodes, with that
// base, to the same value.
TEST_P(NativeVector, AnotherBaseMovesOnlyThePointers) {
  const vector_file& f = GetParam();
  const layout wire = layout_of(f);
  const std::size_t ps = pointer_size(wire);
  const std::vector<std::uint8_t> image = read_vector_file(f);
  const native_value value = expected_of(f);
  const std::uint64_t base = other_base(wire);

  const result<bytes> moved = encode_at(value, wire, base);
  ASSERT_TRUE(moved) << describe(moved.error_value());
  ASSERT_EQ(moved->size(), image.size());
  std::size_t pointers = 0;
  for (std::size_t at = 0; at < image.size(); at += ps) {
    const std::size_t n = std::min(ps, image.size() - at);
    if (std::memcmp(image.data() + at, moved->data() + at, n) == 0) continue;
    ASSERT_EQ(n, ps) << "the last, partial slot at " << at << " differs";
    const std::uint64_t was = load_le(image.data() + at, ps);
    const std::uint64_t now = load_le(moved->data() + at, ps);
    ASSERT_NE(was, 0u) << "slot " << at;
    EXPECT_EQ(now, was - vector_base + base) << "slot " << at << " held 0x" << std::hex << was;
    ++pointers;
  }
  // Every vector but the NULL-only ones has pointers to move.
  if (f.vector != "minimal") {
    EXPECT_GT(pointers, 0u);
  }

  EXPECT_TRUE(decodes_to(decode_image(f.type, *moved, base, base, wire), value));
  EXPECT_TRUE(decodes_to(decode_image(f.type, *moved, base, base, wire, decode_options{.strict = false}), value));

  // The moved image, read as if it were at 0x10000, has its pointers outside
  // itself (a vector without pointers reads the same anywhere).
  const native_outcome misread = decode_image(f.type, *moved, vector_base, vector_base, wire);
  if (pointers > 0) {
    ASSERT_FALSE(misread.value.has_value()) << show(*misread.value);
    EXPECT_EQ(misread.failure.code, error_code::pointer_out_of_image) << describe(misread.failure);
  } else {
    EXPECT_TRUE(decodes_to(misread, value));
  }
}

// The value in the middle of a larger image: 48 bytes in front (a multiple of
// 16, so alignment is kept) and 40 behind, both filled with 0xCC. The image's
// base is 48 bytes below the value, found through `at`; bytes after the value
// are other memory, not trailing garbage.
TEST_P(NativeVector, ValueInsideALargerImage) {
  const vector_file& f = GetParam();
  const layout wire = layout_of(f);
  const native_value value = expected_of(f);
  for (const std::uint64_t value_address : {vector_base, other_base(wire)}) {
    SCOPED_TRACE("value at address " + std::to_string(value_address));
    const result<bytes> encoded = encode_at(value, wire, value_address);
    ASSERT_TRUE(encoded) << describe(encoded.error_value());
    constexpr std::size_t before = 48;
    constexpr std::size_t after = 40;
    std::vector<std::uint8_t> image(before, 0xCC);
    image.insert(image.end(), encoded->begin(), encoded->end());
    image.insert(image.end(), after, 0xCC);
    const std::uint64_t base = value_address - before;

    EXPECT_TRUE(decodes_to(decode_image(f.type, image, base, value_address, wire), value));
    EXPECT_TRUE(decodes_to(decode_image(f.type, image, base, value_address, wire, decode_options{.strict = false}),
                           value));
    // Without `at`, the base holds 0xCC bytes: no value of this image.
    const native_outcome at_base = decode_image(f.type, image, base, base, wire);
    EXPECT_FALSE(at_base.value.has_value());
  }
}

INSTANTIATE_TEST_SUITE_P(Files, NativeVector, testing::ValuesIn(native_files()), param_name);

// Guards the parameterised suite against an empty or misread index: every
// vector but array-null (a NULL Clients with NumElements 0, which has only NDR
// files) has both images.
TEST(NativeVectorIndex, EveryVectorHasBothImages) {
  std::size_t x64 = 0;
  std::size_t x86 = 0;
  for (const vector_file& f : native_files()) (f.kind == "x64" ? x64 : x86) += 1;
  EXPECT_GE(x64, 9u);
  EXPECT_EQ(x64, x86);
  for (const vector_info& v : all_vectors()) {
    if (v.name == "array-null") continue;
    EXPECT_TRUE(v.has("x64")) << v.name;
    EXPECT_TRUE(v.has("x86")) << v.name;
  }
}

// array-null has no image file, but the value has an image: NumElements 0 and
// a NULL Clients, nothing after the header.
TEST(NativeVectorIndex, ArrayNullHasAnImageToo) {
  const client_info_array value = load_array("array-null");
  for (const layout wire : {layout::x64, layout::x86}) {
    SCOPED_TRACE(std::string(to_string(wire)));
    const result<bytes> encoded = encode<client_info_array>(value, wire);
    ASSERT_TRUE(encoded) << describe(encoded.error_value());
    EXPECT_EQ(*encoded, std::vector<std::uint8_t>(wire == layout::x64 ? 16 : 8, 0));
    const auto decoded = decode<client_info_array>(*encoded, wire);
    ASSERT_TRUE(decoded) << describe(decoded.error_value());
    EXPECT_EQ(decoded->value, value);
  }
}

}  // namespace
}  // namespace dhcpm::test
