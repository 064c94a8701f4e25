// Hostile native memory images (DESIGN.md §6, issue 4 points 1 and 5): each
// checks the error code, the offset (in the image, of the pointer field that
// leads to the problem; 0 for the top-level value's own address) and the field
// path exactly, in strict and in lenient mode. The images are built here from
// the offsets of DESIGN.md §5, written out independently of the codec's
// layout table, and copied into exact-size heap buffers so ASan sees any
// over-read.
//
// Cases: the top-level value and every kind of pointee outside the image
// (below the base, past the end, straddling the end, addresses that wrap near
// 2^64 or 2^32); misaligned records, pointer tables and strings (strict error,
// lenient warning); strings without a NUL before the image ends and strings
// over max_string_units; many pointers to one large string or Data (bounded by
// max_decoded_bytes, and quickly); an array whose records overlap its pointer
// table; NULL pointers with non-zero sizes; each limit hit and just not hit;
// the framings the native layouts do not carry; and the encoder's refusals.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/json.hpp"
#include "support/expected_error.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

using ec = error_code;

constexpr std::uint64_t base0 = default_image_base;  // 0x10000

// DESIGN.md §5, spelled out for the tests.
struct shape {
  const char* name;
  layout wire;
  std::size_t ps;            // pointer size
  std::size_t record_size;   // sizeof(DHCPV4_FAILOVER_CLIENT_INFO)
  std::size_t record_align;  // and its alignment
  std::size_t array_size;    // sizeof(_ARRAY); its alignment is ps
  std::size_t clients;       // _ARRAY.Clients (NumElements is at 0)
  std::size_t data_length;
  std::size_t data;
  std::size_t client_name;
  std::size_t client_comment;
  std::size_t owner_ip;
  std::size_t net_bios_name;
  std::size_t host_name;
  std::size_t status;
  std::size_t policy_name;
  std::size_t flags;
};
// GoogleTest shows a parameter by its name rather than its 136 bytes.
void PrintTo(const shape& s, std::ostream* os) { *os << s.name; }

constexpr shape x64{"x64", layout::x64, 8, 136, 8, 16, 8, 8, 16, 24, 32, 48, 56, 64, 76, 120, 128};
constexpr shape x86{"x86", layout::x86, 4, 100, 4, 8, 4, 8, 12, 16, 20, 32, 36, 40, 48, 92, 96};

struct string_field {
  std::size_t shape::*offset;
  const char* path;
  utf16_string client_info::*member;  // OwnerHost's two are handled by owner_member
  utf16_string host_info::*owner_member;
};
// In the order of their pointees (and of their budget charges).
const std::array<string_field, 5> string_fields{{
    {&shape::client_name, "ClientName", &client_info::client_name, nullptr},
    {&shape::client_comment, "ClientComment", &client_info::client_comment, nullptr},
    {&shape::net_bios_name, "OwnerHost.NetBiosName", nullptr, &host_info::net_bios_name},
    {&shape::host_name, "OwnerHost.HostName", nullptr, &host_info::host_name},
    {&shape::policy_name, "PolicyName", &client_info::policy_name, nullptr},
}};
const utf16_string& string_of(const client_info& c, const string_field& f) {
  return f.member != nullptr ? c.*f.member : c.owner_host.*f.owner_member;
}

// A memory image under construction: bytes and the address of the first.
class image {
 public:
  explicit image(const shape& s, std::uint64_t base = base0) : s_(&s), base_(base) {}
  image(const shape& s, std::vector<std::uint8_t> bytes, std::uint64_t base = base0)
      : s_(&s), base_(base), bytes_(std::move(bytes)) {}

  // n zero bytes at the next address aligned to `align`; returns their offset.
  std::size_t append(std::size_t n, std::size_t align = 1) {
    while ((base_ + bytes_.size()) % align != 0) bytes_.push_back(0);
    const std::size_t at = bytes_.size();
    bytes_.resize(at + n, 0);
    return at;
  }
  std::size_t record() { return append(s_->record_size, s_->record_align); }
  std::size_t array() { return append(s_->array_size, s_->ps); }
  // The units and a NUL, aligned to `align`.
  std::size_t units(std::u16string_view u, std::size_t align = 2) {
    const std::size_t at = append(2 * (u.size() + 1), align);
    for (std::size_t i = 0; i < u.size(); ++i) put(at + 2 * i, 2, u[i]);
    return at;
  }

  void put(std::size_t at, std::size_t n, std::uint64_t v) {
    for (std::size_t i = 0; i < n; ++i) bytes_.at(at + i) = static_cast<std::uint8_t>(v >> (8 * i));
  }
  void u32(std::size_t at, std::uint32_t v) { put(at, 4, v); }
  void ptr(std::size_t at, std::uint64_t v) { put(at, s_->ps, v); }
  // Points the pointer at `at` to the offset `to` of this image.
  void link(std::size_t at, std::size_t to) { ptr(at, address(to)); }
  [[nodiscard]] std::uint64_t get(std::size_t at, std::size_t n) const {
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | bytes_.at(at + i);
    return v;
  }
  [[nodiscard]] std::uint64_t get_ptr(std::size_t at) const { return get(at, s_->ps); }
  [[nodiscard]] std::size_t offset_of(std::uint64_t address) const { return static_cast<std::size_t>(address - base_); }

  [[nodiscard]] std::uint64_t address(std::size_t at) const { return base_ + at; }
  [[nodiscard]] std::uint64_t base() const { return base_; }
  [[nodiscard]] std::uint64_t end() const { return base_ + bytes_.size(); }
  [[nodiscard]] std::size_t size() const { return bytes_.size(); }
  [[nodiscard]] const std::vector<std::uint8_t>& bytes() const { return bytes_; }
  void truncate(std::size_t n) { bytes_.resize(n); }

 private:
  const shape* s_;
  std::uint64_t base_;
  std::vector<std::uint8_t> bytes_;
};

// ---------------------------------------------------------------- checking outcomes

struct outcome {
  std::optional<any_value> value;
  error failure;
  std::vector<error> warnings;
};

template <class T>
outcome outcome_of(result<decoded<T>>&& r) {
  outcome out;
  if (!r) {
    out.failure = std::move(r).error_value();
    return out;
  }
  decoded<T> d = std::move(r).value();
  out.value.emplace(std::in_place_type<T>, std::move(d.value));
  out.warnings = std::move(d.warnings);
  return out;
}

// decode_native_* of an exact-size heap copy: one byte past the image is an ASan report.
outcome decode(value_kind type, const shape& s, byte_span bytes, std::uint64_t base, std::uint64_t at,
               const decode_options& options) {
  auto buffer = std::make_unique<std::uint8_t[]>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), buffer.get());
  const struct {
    byte_span bytes;
    std::uint64_t base;
  } img{byte_span(buffer.get(), bytes.size()), base};
  return type == value_kind::client ? outcome_of(decode<client_info>(img.bytes, wire_format{.wire = s.wire, .base = img.base, .at = at}, options))
                                    : outcome_of(decode<client_info_array>(img.bytes, wire_format{.wire = s.wire, .base = img.base, .at = at}, options));
}

// What to decode: a client or an array at `at` (default: the image's base).
struct request {
  value_kind type = value_kind::client;
  std::optional<std::uint64_t> at;
};
constexpr request client_at_base{};
constexpr request array_at_base{value_kind::array, std::nullopt};

outcome run(const shape& s, const image& img, const request& r, const decode_options& options) {
  return decode(r.type, s, img.bytes(), img.base(), r.at.value_or(img.base()), options);
}

testing::AssertionResult fails_with(const outcome& o, const expected_error& e) {
  if (o.value) {
    return testing::AssertionFailure() << "decoded (expected " << show(e) << ") to " << describe(*o.value)
                                       << "\nwarnings: " << describe(o.warnings);
  }
  if (!matches(o.failure, e)) return testing::AssertionFailure() << "got " << describe(o.failure) << ", expected " << show(e);
  if (o.failure.message.empty()) return testing::AssertionFailure() << "the error has no message: " << describe(o.failure);
  return testing::AssertionSuccess();
}

testing::AssertionResult gives(const outcome& o, const any_value& expected,
                               const std::vector<expected_error>& warnings = {}) {
  if (!o.value) return testing::AssertionFailure() << "failed: " << describe(o.failure);
  if (!(*o.value == expected)) {
    return testing::AssertionFailure() << "decoded\n" << describe(*o.value) << "\nexpected\n" << describe(expected);
  }
  bool same = o.warnings.size() == warnings.size();
  for (std::size_t i = 0; same && i < warnings.size(); ++i) same = matches(o.warnings[i], warnings[i]);
  if (!same) {
    auto f = testing::AssertionFailure() << "warnings: " << describe(o.warnings) << "\nexpected:";
    for (const auto& w : warnings) f << "\n  " << show(w);
    if (warnings.empty()) f << " (none)";
    return f;
  }
  return testing::AssertionSuccess();
}

// The same error in strict and lenient mode (the hard checks).
testing::AssertionResult fails_in_both_modes(const shape& s, const image& img, const request& r,
                                             const expected_error& e, decode_options options = {}) {
  options.strict = true;
  auto strict = fails_with(run(s, img, r, options), e);
  if (!strict) return testing::AssertionFailure() << "strict: " << strict.message();
  options.strict = false;
  auto lenient = fails_with(run(s, img, r, options), e);
  if (!lenient) return testing::AssertionFailure() << "lenient: " << lenient.message();
  return testing::AssertionSuccess();
}

// Decodes to `expected` without warnings in both modes.
testing::AssertionResult decodes_in_both_modes(const shape& s, const image& img, const request& r,
                                               const any_value& expected, decode_options options = {}) {
  options.strict = true;
  auto strict = gives(run(s, img, r, options), expected);
  if (!strict) return testing::AssertionFailure() << "strict: " << strict.message();
  options.strict = false;
  auto lenient = gives(run(s, img, r, options), expected);
  if (!lenient) return testing::AssertionFailure() << "lenient: " << lenient.message();
  return testing::AssertionSuccess();
}

// A soft check: strict mode refuses with the first warning, lenient mode gives
// the value with these warnings.
testing::AssertionResult strict_fails_lenient_warns(const shape& s, const image& img, const request& r,
                                                    const any_value& lenient_value,
                                                    const std::vector<expected_error>& warnings) {
  auto strict = fails_with(run(s, img, r, decode_options{}), warnings.front());
  if (!strict) return testing::AssertionFailure() << "strict: " << strict.message();
  auto lenient = gives(run(s, img, r, decode_options{.strict = false}), lenient_value, warnings);
  if (!lenient) return testing::AssertionFailure() << "lenient: " << lenient.message();
  return testing::AssertionSuccess();
}

any_value value_of(client_info c) { return any_value(std::in_place_type<client_info>, std::move(c)); }
any_value value_of(client_info_array a) { return any_value(std::in_place_type<client_info_array>, std::move(a)); }

utf16_string str(std::u16string_view units) { return utf16_string::from_units(units); }

std::vector<std::uint8_t> encoded(const client_info& c, const shape& s, std::uint64_t base = base0) {
  result<bytes> r = encode(c, wire_format{.wire = s.wire, .base = base});
  if (!r) throw std::runtime_error("encode_native: " + format_error(r.error_value()));
  return std::move(r).value();
}
std::vector<std::uint8_t> encoded(const client_info_array& a, const shape& s, std::uint64_t base = base0) {
  result<bytes> r = encode(a, wire_format{.wire = s.wire, .base = base});
  if (!r) throw std::runtime_error("encode_native: " + format_error(r.error_value()));
  return std::move(r).value();
}

// What decoding the value charges against max_decoded_bytes: each record at
// sizeof(client_info), each element slot at 4 bytes (options.hpp: "each
// charged at its in-memory size"), each string's units with their NUL, each
// Data's bytes.
std::uint64_t record_charge(const client_info& c) {
  std::uint64_t total = sizeof(client_info);
  if (c.client_hardware_address.data) total += c.client_hardware_address.data->size();
  for (const string_field& f : string_fields) {
    const utf16_string& u = string_of(c, f);
    if (!u.is_null()) total += 2 * (u.size() + 1);
  }
  return total;
}

class NativeHostile : public testing::TestWithParam<shape> {
 protected:
  [[nodiscard]] const shape& s() const { return GetParam(); }
  [[nodiscard]] image typical() const { return image(s(), encoded(load_client("typical"), s())); }
  [[nodiscard]] image array3() const { return image(s(), encoded(load_array("array-3"), s())); }
};

// ---------------------------------------------------------------- the top-level value

TEST_P(NativeHostile, TopLevelValueOutsideTheImage) {
  const image full = typical();
  const std::uint64_t past = full.end();
  for (const std::uint64_t at : {std::uint64_t{0}, base0 - 1, base0 - s().record_size, past, past + 1,
                                 past - s().record_size + s().record_align,  // straddles the end
                                 past + 0x100000000u, ~std::uint64_t{0}, ~std::uint64_t{0} - 7}) {
    SCOPED_TRACE("client at " + std::to_string(at));
    EXPECT_TRUE(fails_in_both_modes(s(), full, {value_kind::client, at}, {ec::pointer_out_of_image, 0, ""}));
  }
  for (const std::uint64_t at : {std::uint64_t{0}, base0 - 1, base0 - s().array_size, past, past + 1,
                                 past - s().array_size + s().ps,  // straddles the end
                                 past + 0x100000000u, ~std::uint64_t{0}, ~std::uint64_t{0} - 7}) {
    SCOPED_TRACE("array at " + std::to_string(at));
    EXPECT_TRUE(fails_in_both_modes(s(), full, {value_kind::array, at}, {ec::pointer_out_of_image, 0, ""}));
  }
  // Just not hit: the last record-sized window of the image is inside it. Its
  // bytes are strings, read as a record whose pointers lead nowhere, so it
  // fails, but not on the record's own address.
  const outcome last = run(s(), full, {value_kind::client, past - s().record_size}, decode_options{.strict = false});
  if (!last.value) {
    EXPECT_FALSE(last.failure.code == ec::pointer_out_of_image && last.failure.path.empty())
        << "the last window was refused as if outside: " << describe(last.failure);
  }
}

TEST_P(NativeHostile, ImageShorterThanTheValue) {
  image minimal(s(), encoded(client_info{}, s()));
  ASSERT_EQ(minimal.size(), s().record_size);
  EXPECT_TRUE(decodes_in_both_modes(s(), minimal, client_at_base, value_of(client_info{})));
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, s().record_size - 1}) {
    image cut = minimal;
    cut.truncate(n);
    EXPECT_TRUE(fails_in_both_modes(s(), cut, client_at_base, {ec::pointer_out_of_image, 0, ""})) << n << " bytes";
  }
  image empty_array(s(), encoded(client_info_array{}, s()));
  ASSERT_EQ(empty_array.size(), s().array_size);
  EXPECT_TRUE(decodes_in_both_modes(s(), empty_array, array_at_base, value_of(client_info_array{})));
  empty_array.truncate(s().array_size - 1);
  EXPECT_TRUE(fails_in_both_modes(s(), empty_array, array_at_base, {ec::pointer_out_of_image, 0, ""}));
}

// With other bytes in front, offsets are still offsets in the image.
TEST_P(NativeHostile, OffsetsAreInTheImageNotFromTheValue) {
  image img(s(), std::vector<std::uint8_t>(64, 0xEE), base0 - 64);
  const std::vector<std::uint8_t> value = encoded(load_client("typical"), s());
  std::vector<std::uint8_t> bytes = img.bytes();
  bytes.insert(bytes.end(), value.begin(), value.end() - 1);  // PolicyName loses its NUL's last byte
  const image cut(s(), bytes, base0 - 64);
  EXPECT_TRUE(fails_in_both_modes(s(), cut, {value_kind::client, base0},
                                  {ec::missing_terminator, 64 + s().policy_name, "PolicyName"}));
}

// ---------------------------------------------------------------- pointers outside the image

TEST_P(NativeHostile, StringPointerOutsideTheImage) {
  const image full = typical();
  const std::uint64_t past = full.end();
  for (const std::uint64_t target : {std::uint64_t{2}, base0 - 2, base0 - 0x1000, past, past - 1 /* half a unit */,
                                     past + 2, past + 0x10000, std::uint64_t{0x80000000u}, std::uint64_t{0xFFFFFFFEu}}) {
    for (const string_field& f : string_fields) {
      SCOPED_TRACE(std::string(f.path) + " -> " + std::to_string(target));
      image img = full;
      img.ptr(s().*f.offset, target);
      EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::pointer_out_of_image, s().*f.offset, f.path}));
    }
  }
  // Just not hit: the image's last unit (PolicyName's NUL) is an empty string.
  image img = full;
  img.ptr(s().client_name, past - 2);
  client_info expected = load_client("typical");
  expected.client_name = str(u"");
  EXPECT_TRUE(decodes_in_both_modes(s(), img, client_at_base, value_of(expected)));
}

TEST_P(NativeHostile, DataOutsideOrStraddlingTheEnd) {
  const image full = typical();
  const std::uint64_t past = full.end();
  const std::size_t at = s().data;
  const char* path = "ClientHardwareAddress.Data";
  // DataLength is 11.
  for (const std::uint64_t target : {base0 - 11, base0 - 1, past - 10, past - 1, past, past + 1}) {
    SCOPED_TRACE("Data -> " + std::to_string(target));
    image img = full;
    img.ptr(at, target);
    EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::pointer_out_of_image, at, path}));
  }
  // Just not hit: the last 11 bytes of the image (the tail of "Laptops").
  {
    image img = full;
    img.ptr(at, past - 11);
    client_info expected = load_client("typical");
    expected.client_hardware_address.data = std::vector<std::uint8_t>(full.bytes().end() - 11, full.bytes().end());
    EXPECT_TRUE(decodes_in_both_modes(s(), img, client_at_base, value_of(expected)));
  }
  // DataLength far beyond the image, the pointer at the base.
  for (const std::uint32_t length : {static_cast<std::uint32_t>(full.size() + 1), 0x7FFFFFFFu, 0xFFFFFFFFu}) {
    image img = full;
    img.ptr(at, base0);
    img.u32(s().data_length, length);
    EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::pointer_out_of_image, at, path})) << length;
  }
  // An empty Data may point just past the end (no byte of it is outside) but not further.
  {
    image img = full;
    img.u32(s().data_length, 0);
    img.ptr(at, past);
    client_info expected = load_client("typical");
    expected.client_hardware_address = binary_data{0, std::vector<std::uint8_t>{}};
    EXPECT_TRUE(decodes_in_both_modes(s(), img, client_at_base, value_of(expected)));
    img.ptr(at, past + 1);
    EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::pointer_out_of_image, at, path}));
  }
}

// Range checks by subtraction: an address plus a length that wraps around the
// top of the address space never lands "inside" the image.
TEST_P(NativeHostile, AddressesThatWrap) {
  const std::uint64_t top = s().wire == layout::x64 ? ~std::uint64_t{0} : std::uint64_t{0xFFFFFFFFu};
  const char* data_path = "ClientHardwareAddress.Data";
  // An image at address 0 (legal for decoding): a Data of 11 bytes at top-3
  // ends, modulo 2^64 (x64) or 2^32 (x86), inside the image.
  {
    image img(s(), encoded(load_client("typical"), s(), 0), 0);
    ASSERT_TRUE(decodes_in_both_modes(s(), img, client_at_base, value_of(load_client("typical"))));
    for (const std::uint64_t target : {top - 3, top, top - 1}) {
      image bad = img;
      bad.ptr(s().data, target);
      EXPECT_TRUE(fails_in_both_modes(s(), bad, client_at_base, {ec::pointer_out_of_image, s().data, data_path}))
          << target;
      bad = img;
      bad.ptr(s().host_name, target);
      EXPECT_TRUE(fails_in_both_modes(s(), bad, client_at_base,
                                      {ec::pointer_out_of_image, s().host_name, "OwnerHost.HostName"}))
          << target;
    }
  }
  // An image right below the top of the address space: pointers past its end
  // wrap to small addresses, below its base.
  {
    const std::uint64_t base = (top - 0x200) & ~std::uint64_t{0xF};
    image img(s(), encoded(load_client("typical"), s(), base), base);
    ASSERT_TRUE(decodes_in_both_modes(s(), img, client_at_base, value_of(load_client("typical"))));
    for (const std::uint64_t target : {std::uint64_t{0x10}, top - 3, img.end() + 4}) {
      image bad = img;
      bad.ptr(s().data, target);
      EXPECT_TRUE(fails_in_both_modes(s(), bad, client_at_base, {ec::pointer_out_of_image, s().data, data_path}))
          << target;
    }
    // The top-level value near the top: `at` + the record size wraps.
    EXPECT_TRUE(fails_in_both_modes(s(), img, {value_kind::client, top - 7}, {ec::pointer_out_of_image, 0, ""}));
  }
}

TEST_P(NativeHostile, ArrayPointersOutsideTheImage) {
  const image full = array3();
  // The pointer table: below the base, past the end, straddling the end.
  for (const std::uint64_t target : {base0 - 8, full.end(), full.end() - s().ps, full.end() - 2 * s().ps}) {
    SCOPED_TRACE("Clients -> " + std::to_string(target));
    image img = full;
    img.ptr(s().clients, target);
    EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::pointer_out_of_image, s().clients, "Clients"}));
  }
  // An element record: past the end, straddling the end.
  const std::size_t table = full.offset_of(full.get_ptr(s().clients));
  for (const std::uint64_t target : {full.end(), full.end() - s().record_size + s().record_align, base0 - s().record_size}) {
    SCOPED_TRACE("Clients[1] -> " + std::to_string(target));
    image img = full;
    img.ptr(table + s().ps, target);
    EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::pointer_out_of_image, table + s().ps, "Clients[1]"}));
  }
  // A pointer inside an element: the offset is that record's field.
  const std::size_t record2 = full.offset_of(full.get_ptr(table + 2 * s().ps));
  image img = full;
  img.ptr(record2 + s().policy_name, full.end() + 2);
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base,
                                  {ec::pointer_out_of_image, record2 + s().policy_name, "Clients[2].PolicyName"}));
}

// ---------------------------------------------------------------- alignment (soft)

TEST_P(NativeHostile, MisalignedString) {
  image img(s());
  const std::size_t rec = img.record();
  img.append(1);                        // the string starts at an odd address
  const std::size_t text = img.units(u"AB", 1);
  ASSERT_EQ(img.address(text) % 2, 1u);
  img.link(rec + s().client_name, text);
  client_info expected;
  expected.client_name = str(u"AB");
  EXPECT_TRUE(strict_fails_lenient_warns(s(), img, client_at_base, value_of(expected),
                                         {{ec::misaligned_pointer, s().client_name, "ClientName"}}));
  // Just not hit: aligned to 2 is enough for a string (not to 4 or 8).
  image aligned(s());
  const std::size_t rec2 = aligned.record();
  aligned.append(2);
  const std::size_t text2 = aligned.units(u"AB", 2);
  ASSERT_EQ(aligned.address(text2) % 4, 2u);
  aligned.link(rec2 + s().policy_name, text2);
  client_info expected2;
  expected2.policy_name = str(u"AB");
  EXPECT_TRUE(decodes_in_both_modes(s(), aligned, client_at_base, value_of(expected2)));
}

TEST_P(NativeHostile, DataNeedsNoAlignment) {
  image img(s());
  const std::size_t rec = img.record();
  img.append(1);
  const std::size_t data = img.append(3);
  ASSERT_EQ(img.address(data) % 2, 1u);
  img.put(data, 3, 0x030201);
  img.u32(rec + s().data_length, 3);
  img.link(rec + s().data, data);
  client_info expected;
  expected.client_hardware_address = binary_data{3, std::vector<std::uint8_t>{1, 2, 3}};
  EXPECT_TRUE(decodes_in_both_modes(s(), img, client_at_base, value_of(expected)));
}

TEST_P(NativeHostile, MisalignedTopLevelValue) {
  const std::size_t skew = s().record_align / 2;  // 4 on x64, 2 on x86
  image img(s());
  img.append(s().record_size + 8);
  EXPECT_TRUE(strict_fails_lenient_warns(s(), img, {value_kind::client, base0 + skew}, value_of(client_info{}),
                                         {{ec::misaligned_pointer, 0, ""}}));
  EXPECT_TRUE(strict_fails_lenient_warns(s(), img, {value_kind::array, base0 + s().ps / 2},
                                         value_of(client_info_array{}), {{ec::misaligned_pointer, 0, ""}}));
  // x64 records need 8, x86 records only 4.
  const outcome at4 = run(s(), img, {value_kind::client, base0 + 4}, decode_options{});
  if (s().wire == layout::x86) {
    EXPECT_TRUE(gives(at4, value_of(client_info{})));
  } else {
    EXPECT_TRUE(fails_with(at4, {ec::misaligned_pointer, 0, ""}));
  }
}

TEST_P(NativeHostile, MisalignedElementRecord) {
  image img(s());
  const std::size_t header = img.array();
  const std::size_t table = img.append(s().ps, s().ps);
  img.append(s().record_align / 2);
  const std::size_t rec = img.append(s().record_size);
  ASSERT_NE(img.address(rec) % s().record_align, 0u);
  img.u32(header, 1);
  img.link(header + s().clients, table);
  img.link(table, rec);
  client_info_array expected;
  expected.num_elements = 1;
  expected.clients.emplace().push_back(client_info{});
  EXPECT_TRUE(strict_fails_lenient_warns(s(), img, array_at_base, value_of(expected),
                                         {{ec::misaligned_pointer, table, "Clients[0]"}}));
}

TEST_P(NativeHostile, MisalignedPointerTable) {
  image img(s());
  const std::size_t header = img.array();
  const std::size_t table = img.append(2 * s().ps + s().ps / 2) + s().ps / 2;  // a table of two, off by half a pointer
  ASSERT_NE(img.address(table) % s().ps, 0u);
  img.u32(header, 2);
  img.link(header + s().clients, table);  // both elements NULL
  client_info_array expected;
  expected.num_elements = 2;
  expected.clients.emplace().push_back_null();
  expected.clients->push_back_null();
  EXPECT_TRUE(strict_fails_lenient_warns(s(), img, array_at_base, value_of(expected),
                                         {{ec::misaligned_pointer, s().clients, "Clients"}}));
}

// ---------------------------------------------------------------- unterminated strings and the string limit

TEST_P(NativeHostile, UnterminatedStringAtTheImageEnd) {
  const image full = typical();
  // "Laptops" and its NUL end the image: cut one byte (half a NUL), the NUL,
  // or the NUL and a character.
  for (const std::size_t cut : {1u, 2u, 3u, 4u}) {
    image img = full;
    img.truncate(full.size() - cut);
    EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::missing_terminator, s().policy_name, "PolicyName"}))
        << "cut " << cut;
  }
  // A string that starts on the image's last whole unit, which is not NUL.
  image img = full;
  img.truncate(full.size() - 2);
  img.ptr(s().client_name, img.end() - 2);
  EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::missing_terminator, s().client_name, "ClientName"}));
  // ... and one unit with a dangling byte after it.
  image odd = full;
  odd.truncate(full.size() - 1);
  odd.ptr(s().client_name, odd.end() - 3);
  EXPECT_TRUE(fails_in_both_modes(s(), odd, client_at_base, {ec::missing_terminator, s().client_name, "ClientName"}));
}

TEST_P(NativeHostile, StringLimit) {
  // typical's longest string is ClientName: 26 units and the NUL.
  const image full = typical();
  const any_value expected = value_of(load_client("typical"));
  EXPECT_TRUE(decodes_in_both_modes(s(), full, client_at_base, expected, decode_options{.max_string_units = 27}));
  EXPECT_TRUE(fails_in_both_modes(s(), full, client_at_base, {ec::string_limit, s().client_name, "ClientName"},
                                  decode_options{.max_string_units = 26}));
  EXPECT_TRUE(fails_in_both_modes(s(), full, client_at_base, {ec::string_limit, s().client_name, "ClientName"},
                                  decode_options{.max_string_units = 1}));
  // Zero units: even the empty string (its NUL) is over the limit.
  EXPECT_TRUE(fails_in_both_modes(s(), full, client_at_base, {ec::string_limit, s().client_name, "ClientName"},
                                  decode_options{.max_string_units = 0}));
}

// At the end of the image: the limit is hit only when the image goes on past it.
TEST_P(NativeHostile, StringLimitOrMissingTerminatorAtTheEnd) {
  client_info value;
  value.policy_name = str(u"Laptops");  // 8 units with the NUL, the last bytes of the image
  const image full(s(), encoded(value, s()));
  EXPECT_TRUE(decodes_in_both_modes(s(), full, client_at_base, value_of(value), decode_options{.max_string_units = 8}));
  EXPECT_TRUE(fails_in_both_modes(s(), full, client_at_base, {ec::string_limit, s().policy_name, "PolicyName"},
                                  decode_options{.max_string_units = 7}));
  image cut = full;
  cut.truncate(full.size() - 2);  // 7 units, no NUL
  for (const std::uint32_t limit : {8u, 7u, 65536u}) {
    EXPECT_TRUE(fails_in_both_modes(s(), cut, client_at_base, {ec::missing_terminator, s().policy_name, "PolicyName"},
                                    decode_options{.max_string_units = limit}))
        << limit;
  }
  EXPECT_TRUE(fails_in_both_modes(s(), cut, client_at_base, {ec::string_limit, s().policy_name, "PolicyName"},
                                  decode_options{.max_string_units = 6}));
}

// ---------------------------------------------------------------- many pointers to one large pointee

// An array of `elements` pointers to one record whose five string pointers all
// lead to one string of `units` units: a small image that decodes to a huge value.
struct shared_pointee_image {
  image img;
  std::size_t table = 0;
  std::size_t record = 0;
};

shared_pointee_image many_pointers_to_one_string(const shape& s, std::uint32_t elements, std::size_t units) {
  shared_pointee_image out{image(s), 0, 0};
  image& img = out.img;
  const std::size_t header = img.array();
  out.table = img.append(std::size_t{elements} * s.ps, s.ps);
  out.record = img.record();
  const std::size_t text = img.units(std::u16string(units, u'x'));
  img.u32(header, elements);
  img.link(header + s.clients, out.table);
  for (std::uint32_t i = 0; i < elements; ++i) img.link(out.table + std::size_t{i} * s.ps, out.record);
  for (const string_field& f : string_fields) img.link(out.record + s.*f.offset, text);
  return out;
}

// Where the budget runs out: the element slots and every record are charged
// before the records are read, then each record's strings in field order.
expected_error where_the_budget_runs_out(const shape& s, const shared_pointee_image& p, std::uint32_t elements,
                                         std::uint64_t string_charge, std::uint64_t budget) {
  const std::uint64_t up_front = std::uint64_t{elements} * (4 + sizeof(client_info));
  EXPECT_LT(up_front, budget);
  const std::uint64_t strings_that_fit = (budget - up_front) / string_charge;
  const std::uint64_t element = strings_that_fit / string_fields.size();
  const string_field& f = string_fields[strings_that_fit % string_fields.size()];
  return {ec::decoded_size_limit, p.record + s.*f.offset, "Clients[" + std::to_string(element) + "]." + f.path};
}

TEST_P(NativeHostile, ManyPointersToOneLargeString) {
  constexpr std::uint32_t elements = 10'000;
  constexpr std::size_t units = 60'000;
  constexpr std::uint64_t budget = std::uint64_t{64} << 20;
  const shared_pointee_image p = many_pointers_to_one_string(s(), elements, units);
  // A few hundred KB of image ...
  EXPECT_LT(p.img.size(), 256u * 1024u);
  // ... that would decode to 6 GB: the budget stops it early, and quickly.
  const expected_error e = where_the_budget_runs_out(s(), p, elements, 2 * (units + 1), budget);
  ASSERT_LT(e.path.size(), 60u);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(fails_in_both_modes(s(), p.img, array_at_base, e, decode_options{.max_decoded_bytes = budget}));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  // A walk that read every string would take minutes; the refusal reads
  // about 530 of the 50,000 strings. Generous for a loaded machine under ASan.
  EXPECT_LT(ms.count(), 5000) << "two refusals took " << ms.count() << " ms";
  RecordProperty("milliseconds", static_cast<int>(ms.count()));
}

// The same shape with fewer pointers succeeds under a budget large enough for
// the whole value, and fails with one byte less, at the very last string.
// (With 10,000 pointers the whole value would be 6 GB.)
TEST_P(NativeHostile, ManyPointersToOneStringWithinTheBudget) {
  constexpr std::uint32_t elements = 20;
  constexpr std::size_t units = 60'000;
  const shared_pointee_image p = many_pointers_to_one_string(s(), elements, units);
  client_info record;
  for (const string_field& f : string_fields) {
    (f.member != nullptr ? record.*f.member : record.owner_host.*f.owner_member) = str(std::u16string(units, u'x'));
  }
  client_info_array expected;
  expected.num_elements = elements;
  expected.clients.emplace();
  for (std::uint32_t i = 0; i < elements; ++i) expected.clients->push_back(record);
  const std::uint64_t total = std::uint64_t{elements} * (4 + record_charge(record));
  ASSERT_EQ(total, elements * (4 + sizeof(client_info) + 5 * 2 * (units + 1)));
  EXPECT_TRUE(decodes_in_both_modes(s(), p.img, array_at_base, value_of(expected), decode_options{.max_decoded_bytes = total}));
  EXPECT_TRUE(fails_in_both_modes(s(), p.img, array_at_base,
                                  {ec::decoded_size_limit, p.record + s().policy_name, "Clients[19].PolicyName"},
                                  decode_options{.max_decoded_bytes = total - 1}));
  EXPECT_TRUE(decodes_in_both_modes(s(), p.img, array_at_base, value_of(expected)));  // 1 GiB by default
}

TEST_P(NativeHostile, ManyPointersToOneLargeData) {
  constexpr std::uint32_t elements = 2'000;
  constexpr std::uint32_t data_length = 100'000;
  constexpr std::uint64_t budget = std::uint64_t{64} << 20;
  image img(s());
  const std::size_t header = img.array();
  const std::size_t table = img.append(std::size_t{elements} * s().ps, s().ps);
  const std::size_t rec = img.record();
  const std::size_t data = img.append(data_length);
  img.u32(header, elements);
  img.link(header + s().clients, table);
  for (std::uint32_t i = 0; i < elements; ++i) img.link(table + std::size_t{i} * s().ps, rec);
  img.u32(rec + s().data_length, data_length);
  img.link(rec + s().data, data);
  const std::uint64_t up_front = std::uint64_t{elements} * (4 + sizeof(client_info));
  const std::uint64_t fit = (budget - up_front) / data_length;
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base,
                                  {ec::decoded_size_limit, rec + s().data,
                                   "Clients[" + std::to_string(fit) + "].ClientHardwareAddress.Data"},
                                  decode_options{.max_decoded_bytes = budget}));
}

// A million NULL element pointers cost no pointee but their slots are charged.
TEST_P(NativeHostile, NullElementsAreCharged) {
  constexpr std::uint32_t elements = 1000;
  image img(s());
  const std::size_t header = img.array();
  const std::size_t table = img.append(std::size_t{elements} * s().ps, s().ps);
  img.u32(header, elements);
  img.link(header + s().clients, table);
  client_info_array expected;
  expected.num_elements = elements;
  expected.clients.emplace();
  for (std::uint32_t i = 0; i < elements; ++i) expected.clients->push_back_null();
  EXPECT_TRUE(decodes_in_both_modes(s(), img, array_at_base, value_of(expected),
                                    decode_options{.max_decoded_bytes = 4 * elements}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::decoded_size_limit, s().clients, "Clients"},
                                  decode_options{.max_decoded_bytes = 4 * elements - 1}));
}

// ---------------------------------------------------------------- a pointer table overlapping its records

TEST_P(NativeHostile, RecordOverlappingThePointerTable) {
  // The one element pointer points at the table itself: the record's first
  // bytes are the pointer (ClientIpAddress = its low 32 bits), the rest zeros.
  image img(s());
  const std::size_t header = img.array();
  const std::size_t table = img.append(s().ps, s().ps);
  img.append(s().record_size - s().ps);
  img.u32(header, 1);
  img.link(header + s().clients, table);
  img.link(table, table);
  client_info inside;
  inside.client_ip_address = static_cast<std::uint32_t>(img.address(table));
  client_info_array expected;
  expected.num_elements = 1;
  expected.clients.emplace().push_back(inside);
  EXPECT_TRUE(strict_fails_lenient_warns(s(), img, array_at_base, value_of(expected),
                                         {{ec::overlapping_pointee, table, "Clients[0]"}}));
}

TEST_P(NativeHostile, RecordOverlappingTheTableFromBelow) {
  // Header, a record, then the table. Right after the record: fine. Over the
  // record's last pointer-sized bytes: the table slot is the record's tail
  // (Flags is its lowest byte).
  for (const bool overlap : {false, true}) {
    SCOPED_TRACE(overlap ? "overlapping" : "adjacent");
    image img(s());
    const std::size_t header = img.array();
    const std::size_t rec = img.record();
    const std::size_t table = overlap ? rec + s().record_size - s().ps : img.append(s().ps, s().ps);
    ASSERT_EQ(img.address(table) % s().ps, 0u);
    img.u32(header, 1);
    img.link(header + s().clients, table);
    img.link(table, rec);
    client_info inside;
    if (overlap) inside.flags = static_cast<std::uint8_t>(img.address(rec));
    client_info_array expected;
    expected.num_elements = 1;
    expected.clients.emplace().push_back(inside);
    if (overlap) {
      EXPECT_TRUE(strict_fails_lenient_warns(s(), img, array_at_base, value_of(expected),
                                             {{ec::overlapping_pointee, table, "Clients[0]"}}));
    } else {
      EXPECT_TRUE(decodes_in_both_modes(s(), img, array_at_base, value_of(expected)));
    }
  }
}

TEST_P(NativeHostile, OnlyTheOverlappingElementIsReported) {
  // Three slots: 0 and 1 lead to a proper record after the table, 2 into the
  // table (its record starts at slot 2; the rest of it is zeros).
  image img(s());
  const std::size_t header = img.array();
  const std::size_t table = img.append(3 * s().ps, s().ps);
  img.append(s().record_size);  // room for the record at slot 2
  const std::size_t rec = img.record();
  img.u32(header, 3);
  img.link(header + s().clients, table);
  img.link(table, rec);
  img.link(table + s().ps, rec);
  img.link(table + 2 * s().ps, table + 2 * s().ps);
  client_info inside;
  inside.client_ip_address = static_cast<std::uint32_t>(img.address(table + 2 * s().ps));
  client_info_array expected;
  expected.num_elements = 3;
  expected.clients.emplace();
  expected.clients->push_back(client_info{});
  expected.clients->push_back(client_info{});
  expected.clients->push_back(inside);
  EXPECT_TRUE(strict_fails_lenient_warns(s(), img, array_at_base, value_of(expected),
                                         {{ec::overlapping_pointee, table + 2 * s().ps, "Clients[2]"}}));
}

// ---------------------------------------------------------------- NULL pointers

TEST_P(NativeHostile, NullDataWithNonzeroLength) {
  client_info value = load_client("typical");
  value.client_hardware_address = binary_data{5, std::nullopt};
  const image img(s(), encoded(value, s()));
  ASSERT_EQ(img.get_ptr(s().data), 0u);
  ASSERT_EQ(img.get(s().data_length, 4), 5u);
  EXPECT_TRUE(strict_fails_lenient_warns(s(), img, client_at_base, value_of(value),
                                         {{ec::null_with_nonzero_size, s().data, "ClientHardwareAddress.Data"}}));
  // Just not hit: NULL with DataLength 0.
  value.client_hardware_address = binary_data{0, std::nullopt};
  EXPECT_TRUE(decodes_in_both_modes(s(), image(s(), encoded(value, s())), client_at_base, value_of(value)));
}

TEST_P(NativeHostile, NullDataWithNonzeroLengthInAnElement) {
  client_info_array value = load_array("array-3");
  (*value.clients)[1]->client_hardware_address = binary_data{0xFFFFFFFFu, std::nullopt};
  const image img(s(), encoded(value, s()));
  const std::size_t table = img.offset_of(img.get_ptr(s().clients));
  const std::size_t rec1 = img.offset_of(img.get_ptr(table + s().ps));
  EXPECT_TRUE(strict_fails_lenient_warns(
      s(), img, array_at_base, value_of(value),
      {{ec::null_with_nonzero_size, rec1 + s().data, "Clients[1].ClientHardwareAddress.Data"}}));
}

TEST_P(NativeHostile, NullClientsWithNonzeroCount) {
  for (const std::uint32_t n : {1u, 3u, 0xFFFFFFFFu}) {
    const client_info_array value{n, std::nullopt};
    const image img(s(), encoded(value, s()));
    EXPECT_EQ(img.size(), s().array_size);
    EXPECT_TRUE(strict_fails_lenient_warns(s(), img, array_at_base, value_of(value),
                                           {{ec::null_with_nonzero_size, s().clients, "Clients"}}))
        << n;
  }
  const client_info_array none{0, std::nullopt};
  EXPECT_TRUE(decodes_in_both_modes(s(), image(s(), encoded(none, s())), array_at_base, value_of(none)));
}

TEST_P(NativeHostile, LenientWarningsStopAtMaxWarnings) {
  client_info_array value = load_array("array-3");
  for (std::size_t i = 0; i < 3; ++i) (*value.clients)[i]->client_hardware_address = binary_data{7, std::nullopt};
  const image img(s(), encoded(value, s()));
  for (const std::uint32_t max : {0u, 2u, 3u, 10u}) {
    const outcome o = run(s(), img, array_at_base, decode_options{.strict = false, .max_warnings = max});
    ASSERT_TRUE(o.value.has_value()) << describe(o.failure);
    EXPECT_EQ(*o.value, value_of(value));
    EXPECT_EQ(o.warnings.size(), std::min<std::size_t>(max, 3)) << describe(o.warnings);
    for (std::size_t k = 0; k < o.warnings.size(); ++k) {
      EXPECT_EQ(o.warnings[k].path, "Clients[" + std::to_string(k) + "].ClientHardwareAddress.Data");
    }
  }
}

// ---------------------------------------------------------------- counts and limits

TEST_P(NativeHostile, ElementLimit) {
  const image img = array3();
  const any_value expected = value_of(load_array("array-3"));
  EXPECT_TRUE(decodes_in_both_modes(s(), img, array_at_base, expected, decode_options{.max_elements = 3}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::element_limit, 0, "NumElements"},
                                  decode_options{.max_elements = 2}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::element_limit, 0, "NumElements"},
                                  decode_options{.max_elements = 0}));
}

TEST_P(NativeHostile, CountBeyondTheImage) {
  const image full = array3();
  const std::uint32_t fits = static_cast<std::uint32_t>(full.size() / s().ps);
  for (const std::uint32_t n : {fits + 1, fits + 1000, 0x20000000u, 0xFFFFFFFFu}) {
    image img = full;
    img.u32(0, n);
    EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::count_exceeds_input, 0, "NumElements"})) << n;
  }
  // As many pointers as the whole image could hold: the count passes, but the
  // table (which starts after the header) then runs past the end.
  image img = full;
  img.u32(0, fits);
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::pointer_out_of_image, s().clients, "Clients"}));
  // The table straddling the end with the right count.
  img = full;
  img.ptr(s().clients, full.end() - 2 * s().ps);
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::pointer_out_of_image, s().clients, "Clients"}));
}

TEST_P(NativeHostile, DecodedSizeLimitOfAClient) {
  const image img = typical();
  const client_info value = load_client("typical");
  const std::uint64_t total = record_charge(value);
  ASSERT_EQ(total, sizeof(client_info) + 11 + 2 * (27 + 16 + 7 + 24 + 8));
  EXPECT_TRUE(decodes_in_both_modes(s(), img, client_at_base, value_of(value), decode_options{.max_decoded_bytes = total}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::decoded_size_limit, s().policy_name, "PolicyName"},
                                  decode_options{.max_decoded_bytes = total - 1}));
  // Each charge in turn: the record, Data, the strings.
  EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::decoded_size_limit, 0, ""},
                                  decode_options{.max_decoded_bytes = sizeof(client_info) - 1}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::decoded_size_limit, 0, ""},
                                  decode_options{.max_decoded_bytes = 0}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base,
                                  {ec::decoded_size_limit, s().data, "ClientHardwareAddress.Data"},
                                  decode_options{.max_decoded_bytes = sizeof(client_info) + 10}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::decoded_size_limit, s().client_name, "ClientName"},
                                  decode_options{.max_decoded_bytes = sizeof(client_info) + 11 + 53}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, client_at_base, {ec::decoded_size_limit, s().client_comment, "ClientComment"},
                                  decode_options{.max_decoded_bytes = sizeof(client_info) + 11 + 54}));
}

TEST_P(NativeHostile, DecodedSizeLimitOfAnArray) {
  const image img = array3();
  const client_info_array value = load_array("array-3");
  std::uint64_t total = 3 * 4;
  for (std::size_t k = 0; k < 3; ++k) total += record_charge(*(*value.clients)[k]);
  EXPECT_TRUE(decodes_in_both_modes(s(), img, array_at_base, value_of(value), decode_options{.max_decoded_bytes = total}));
  // One byte less: the last charge, the last string of the last element.
  const client_info& last = *(*value.clients)[2];
  const string_field* last_string = nullptr;
  for (const string_field& f : string_fields) {
    if (!string_of(last, f).is_null()) last_string = &f;
  }
  ASSERT_NE(last_string, nullptr);
  const std::size_t table = img.offset_of(img.get_ptr(s().clients));
  const std::size_t rec2 = img.offset_of(img.get_ptr(table + 2 * s().ps));
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base,
                                  {ec::decoded_size_limit, rec2 + s().*last_string->offset,
                                   std::string("Clients[2].") + last_string->path},
                                  decode_options{.max_decoded_bytes = total - 1}));
  // The slots, then the records, are charged before any record is read.
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::decoded_size_limit, s().clients, "Clients"},
                                  decode_options{.max_decoded_bytes = 11}));
  EXPECT_TRUE(fails_in_both_modes(s(), img, array_at_base, {ec::decoded_size_limit, table + 2 * s().ps, "Clients[2]"},
                                  decode_options{.max_decoded_bytes = 12 + 3 * sizeof(client_info) - 1}));
}

// Any 32-bit Status is data in the native layouts.
TEST_P(NativeHostile, AnyStatusIsData) {
  for (const std::uint32_t status : {7u, 0xFFFFu, 0x10000u, 70000u, 0xFFFFFFFFu}) {
    client_info value = load_client("typical");
    value.status = status;
    const image img(s(), encoded(value, s()));
    EXPECT_EQ(img.get(s().status, 4), status);
    EXPECT_TRUE(decodes_in_both_modes(s(), img, client_at_base, value_of(value))) << status;
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, NativeHostile, testing::Values(x64, x86),
                         [](const testing::TestParamInfo<shape>& p) { return std::string(p.param.name); });

// ---------------------------------------------------------------- framings and entry points

TEST(NativeEntryPoints, OnlyBareValues) {
  const client_info c = load_client("typical");
  const client_info_array a = load_array("array-3");
  for (const layout wire : {layout::x64, layout::x86}) {
    SCOPED_TRACE(std::string(to_string(wire)));
    const std::vector<std::uint8_t> image_bytes = encoded(c, wire == layout::x64 ? x64 : x86);
    const auto unsupported = [](const error& e) { return e.code == ec::unsupported; };
    const auto cp = decode<std::optional<client_info>>(image_bytes, wire);
    ASSERT_FALSE(cp);
    EXPECT_TRUE(unsupported(cp.error_value())) << describe(cp.error_value());
    const auto ap = decode<std::optional<client_info_array>>(image_bytes, wire);
    ASSERT_FALSE(ap);
    EXPECT_TRUE(unsupported(ap.error_value())) << describe(ap.error_value());
    const auto r = decode<get_client_info_response>(image_bytes, wire);
    ASSERT_FALSE(r);
    EXPECT_TRUE(unsupported(r.error_value())) << describe(r.error_value());
    const auto ecp = encode<std::optional<client_info>>(c, wire);
    ASSERT_FALSE(ecp);
    EXPECT_TRUE(unsupported(ecp.error_value())) << describe(ecp.error_value());
    const auto eap = encode<std::optional<client_info_array>>(a, wire);
    ASSERT_FALSE(eap);
    EXPECT_TRUE(unsupported(eap.error_value())) << describe(eap.error_value());
    const auto er = encode<get_client_info_response>(get_client_info_response{c, 0}, wire);
    ASSERT_FALSE(er);
    EXPECT_TRUE(unsupported(er.error_value())) << describe(er.error_value());
  }
}

// ---------------------------------------------------------------- the encoder's refusals

TEST(NativeEncoder, BaseMustBeAMultipleOf16) {
  const client_info c = load_client("typical");
  for (const layout wire : {layout::x64, layout::x86}) {
    for (const std::uint64_t base : {std::uint64_t{1}, std::uint64_t{8}, std::uint64_t{0x10008}, std::uint64_t{0x400004}}) {
      const auto r = encode(c, wire_format{.wire = wire, .base = base});
      ASSERT_FALSE(r) << to_string(wire) << " at " << base;
      EXPECT_EQ(r.error_value().code, ec::value_out_of_range);
      EXPECT_EQ(r.error_value().offset, 0u);
      EXPECT_EQ(r.error_value().path, "");
      const auto ra = encode(load_array("array-3"), wire_format{.wire = wire, .base = base});
      ASSERT_FALSE(ra);
      EXPECT_EQ(ra.error_value().code, ec::value_out_of_range);
    }
    for (const std::uint64_t base : {std::uint64_t{0}, std::uint64_t{16}, std::uint64_t{0x10010}}) {
      const auto r = encode(c, wire_format{.wire = wire, .base = base});
      ASSERT_TRUE(r) << describe(r.error_value());
      const auto back = decode<client_info>(*r, wire_format{.wire = wire, .base = base, .at = base});
      ASSERT_TRUE(back) << describe(back.error_value());
      EXPECT_EQ(back->value, c);
    }
  }
}

TEST(NativeEncoder, DataSizeDisagreesWithDataLength) {
  for (const shape& s : {x64, x86}) {
    SCOPED_TRACE(s.name);
    client_info c = load_client("typical");
    c.client_hardware_address.data_length = 10;  // Data holds 11
    const auto r = encode(c, wire_format{.wire = s.wire});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error_value().code, ec::inconsistent_value);
    EXPECT_EQ(r.error_value().offset, s.data);
    EXPECT_EQ(r.error_value().path, "ClientHardwareAddress.Data");

    // In an element: the offset is that field of the element's record in the output.
    client_info_array a = load_array("array-3");
    const image good(s, encoded(a, s));
    const std::size_t table = good.offset_of(good.get_ptr(s.clients));
    const std::size_t rec2 = good.offset_of(good.get_ptr(table + 2 * s.ps));
    ASSERT_TRUE((*a.clients)[2]->client_hardware_address.data.has_value());  // 6 bytes
    (*a.clients)[2]->client_hardware_address.data_length += 1;
    const auto ra = encode(a, wire_format{.wire = s.wire});
    ASSERT_FALSE(ra);
    EXPECT_EQ(ra.error_value().code, ec::inconsistent_value);
    EXPECT_EQ(ra.error_value().offset, rec2 + s.data);
    EXPECT_EQ(ra.error_value().path, "Clients[2].ClientHardwareAddress.Data");
  }
}

TEST(NativeEncoder, ClientsSizeDisagreesWithNumElements) {
  for (const shape& s : {x64, x86}) {
    for (const std::uint32_t n : {2u, 4u, 0u}) {
      client_info_array a = load_array("array-3");
      a.num_elements = n;
      const auto r = encode(a, wire_format{.wire = s.wire});
      ASSERT_FALSE(r) << s.name << " " << n;
      EXPECT_EQ(r.error_value().code, ec::inconsistent_value);
      EXPECT_EQ(r.error_value().offset, s.clients);
      EXPECT_EQ(r.error_value().path, "Clients");
    }
  }
}

// An x86 image must lie below 4 GiB: its pointers are 32 bits.
TEST(NativeEncoder, X86ImagePastFourGiB) {
  const client_info c = load_client("typical");
  const std::size_t size = encoded(c, x86).size();  // 276
  for (const std::uint64_t base : {std::uint64_t{0xFFFFFFF0u}, (std::uint64_t{1} << 32) - 256,
                                   std::uint64_t{1} << 32, (std::uint64_t{1} << 32) + 0x10000, std::uint64_t{0x7ff600000000u}}) {
    SCOPED_TRACE("base " + std::to_string(base));
    const auto r = encode(c, wire_format{.wire = layout::x86, .base = base});
    ASSERT_FALSE(r) << "encoded an x86 image at " << base << "; its first pointer is 0x" << std::hex
                    << image(x86, *r, base).get_ptr(x86.data);
    EXPECT_EQ(r.error_value().code, ec::value_out_of_range);
    EXPECT_EQ(r.error_value().path, "");
  }
  // Just below the top: fine.
  const std::uint64_t base = ((std::uint64_t{1} << 32) - size - 16) & ~std::uint64_t{0xF};
  const auto r = encode(c, wire_format{.wire = layout::x86, .base = base});
  ASSERT_TRUE(r) << describe(r.error_value());
  const auto back = decode<client_info>(*r, wire_format{.wire = layout::x86, .base = base, .at = base});
  ASSERT_TRUE(back) << describe(back.error_value());
  EXPECT_EQ(back->value, c);
  // x64 has room at those addresses.
  const auto wide = encode(c, wire_format{.wire = layout::x64, .base = std::uint64_t{1} << 32});
  ASSERT_TRUE(wide) << describe(wide.error_value());
}

// An image whose last byte is the last byte of the address space holds only
// representable addresses (nothing points one past the end); one byte more
// does not fit.
TEST(NativeEncoder, ImageMayEndAtTheTopOfTheAddressSpace) {
  client_info c;
  c.client_name = str(u"abcde");  // x86: 100 + 12 = 112 bytes
  ASSERT_EQ(encoded(c, x86).size(), 112u);
  const auto at_top = encode(c, wire_format{.wire = layout::x86, .base = (std::uint64_t{1} << 32) - 112});
  EXPECT_TRUE(at_top) << "an x86 image occupying [2^32 - 112, 2^32) was refused: " << describe(at_top.error_value());
  const auto over = encode(c, wire_format{.wire = layout::x86, .base = (std::uint64_t{1} << 32) - 96});
  EXPECT_FALSE(over);
  client_info d;
  d.client_name = str(u"abc");  // x64: 136 + 8 = 144 bytes
  ASSERT_EQ(encoded(d, x64).size(), 144u);
  const auto top64 = encode(d, wire_format{.wire = layout::x64, .base = std::uint64_t{0} - 144});
  EXPECT_TRUE(top64) << "an x64 image occupying [2^64 - 144, 2^64) was refused: " << describe(top64.error_value());
  const auto over64 = encode(d, wire_format{.wire = layout::x64, .base = std::uint64_t{0} - 128});
  ASSERT_FALSE(over64);
  EXPECT_EQ(over64.error_value().code, ec::value_out_of_range);
}

// A native string ends at its first NUL: a value with an embedded NUL cannot
// be held, and must be refused rather than silently cut (issue 4 point 4:
// "with a clear error where it cannot").
TEST(NativeEncoder, EmbeddedNulIsRefusedNotCut) {
  for (const shape& s : {x64, x86}) {
    SCOPED_TRACE(s.name);
    client_info c = load_client("typical");
    c.owner_host.host_name = str(std::u16string_view(u"dhcp\0a", 6));
    const auto r = encode(c, wire_format{.wire = s.wire});
    if (r) {
      const auto back = decode<client_info>(*r, wire_format{.wire = s.wire, .base = base0, .at = base0});
      ADD_FAILURE() << "encoded a HostName with an embedded NUL; it decodes as "
                    << (back ? to_json(back->value) : describe(back.error_value()));
      continue;
    }
    EXPECT_EQ(r.error_value().code, ec::value_out_of_range) << describe(r.error_value());
    EXPECT_EQ(r.error_value().path, "OwnerHost.HostName");
  }
}

}  // namespace
}  // namespace dhcpm::test
