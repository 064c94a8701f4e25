// Hand-built hostile NDR 2.0 inputs (DESIGN.md §6, issue 2 point 5): each one
// checks the error code, the byte offset and the field path exactly, in strict
// mode and in lenient mode (where some checks become warnings and decoding
// goes on). Inputs are built with support/ndr_builder.hpp, whose reference
// encoding is checked against the golden vectors in ndr_vectors_test.cpp, and
// copied into exact-size heap buffers so ASan sees any over-read.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "support/ndr_builder.hpp"
#include "support/expected_error.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

using ec = error_code;
using namespace std::string_view_literals;

constexpr decode_options strict_options{};
constexpr decode_options lenient_options{.strict = false};

decode_outcome decode_exact(value_kind type, framing frame, layout wire, byte_span input, const decode_options& options) {
  // An exact-size heap copy: one byte past the input is an ASan report.
  auto buffer = std::make_unique<std::uint8_t[]>(input.size());
  std::copy(input.begin(), input.end(), buffer.get());
  return decode_as(type, frame, wire, byte_span(buffer.get(), input.size()), options);
}

// Shorthands: client/array, bare/ptr/response.
struct target {
  value_kind type = value_kind::client;
  framing frame = framing::bare;
  layout wire = layout::ndr20;
};
constexpr target client_le{value_kind::client, framing::bare, layout::ndr20};
constexpr target array_le{value_kind::array, framing::bare, layout::ndr20};
constexpr target array_be{value_kind::array, framing::bare, layout::ndr20be};
constexpr target client_ptr_le{value_kind::client, framing::ptr, layout::ndr20};
constexpr target array_ptr_le{value_kind::array, framing::ptr, layout::ndr20};
constexpr target response_le{value_kind::client, framing::response, layout::ndr20};

decode_outcome run(const target& t, byte_span input, const decode_options& options = strict_options) {
  return decode_exact(t.type, t.frame, t.wire, input, options);
}

testing::AssertionResult fails_with(const decode_outcome& o, const expected_error& e) {
  if (o.ok()) {
    return testing::AssertionFailure() << "decoded (expected " << show(e) << ") to " << describe(*o.value)
                                       << "\nwarnings: " << describe(o.warnings);
  }
  if (!matches(o.failure, e)) return testing::AssertionFailure() << "got " << describe(o.failure) << ", expected " << show(e);
  return testing::AssertionSuccess();
}

testing::AssertionResult gives(const decode_outcome& o, const any_value& expected,
                               const std::vector<expected_error>& warnings = {}) {
  if (!o.ok()) return testing::AssertionFailure() << "failed: " << describe(o.failure);
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

// The same error in strict and lenient mode (truncation, counts, limits).
testing::AssertionResult fails_in_both_modes(const target& t, byte_span input, const expected_error& e,
                                             decode_options options = {}) {
  options.strict = true;
  auto strict = fails_with(run(t, input, options), e);
  if (!strict) return testing::AssertionFailure() << "strict: " << strict.message();
  options.strict = false;
  auto lenient = fails_with(run(t, input, options), e);
  if (!lenient) return testing::AssertionFailure() << "lenient: " << lenient.message();
  return testing::AssertionSuccess();
}

// A check that strict mode refuses and lenient mode turns into warnings.
testing::AssertionResult strict_fails_lenient_warns(const target& t, byte_span input, const any_value& lenient_value,
                                                    const std::vector<expected_error>& warnings) {
  auto strict = fails_with(run(t, input, strict_options), warnings.front());
  if (!strict) return testing::AssertionFailure() << "strict: " << strict.message();
  auto lenient = gives(run(t, input, lenient_options), lenient_value, warnings);
  if (!lenient) return testing::AssertionFailure() << "lenient: " << lenient.message();
  return testing::AssertionSuccess();
}

any_value value_of(client_info c) { return any_value(std::in_place_type<client_info>, std::move(c)); }
any_value value_of(client_info_array a) { return any_value(std::in_place_type<client_info_array>, std::move(a)); }

byte_order order_of(layout wire) { return wire == layout::ndr20be ? byte_order::big : byte_order::little; }

utf16_string str(std::u16string_view units) { return utf16_string::from_units(units); }

client_info with_name(std::u16string_view name) {
  client_info c;
  c.client_name = str(name);
  return c;
}

// A client whose only pointer is ClientName, followed by a hand-made string
// pointee: max_count at 96, offset at 100, actual_count at 104, units at 108.
std::vector<std::uint8_t> name_pointee(layout wire, std::uint32_t max_count, std::uint32_t offset,
                                       std::uint32_t actual_count, std::u16string_view units) {
  ndr_builder b(order_of(wire));
  b.client_flat(with_name(u""));
  b.align(4).string_header(max_count, offset, actual_count).units(units);
  return b.take();
}

client_info_array null_elements(std::uint32_t n) {
  client_info_array a;
  a.num_elements = n;
  a.clients.emplace();
  a.clients->reserve(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) a.clients->push_back_null();
  return a;
}

// An array with NumElements / max_count as given and `ids` element pointers,
// each 0 (NULL), with no struct after them.
std::vector<std::uint8_t> array_of_null_ids(layout wire, std::uint32_t num_elements, std::uint32_t max_count,
                                            std::uint32_t ids) {
  ndr_builder b(order_of(wire));
  b.u32(num_elements).u32(0x00020000).u32(max_count);
  for (std::uint32_t i = 0; i < ids; ++i) b.u32(0);
  return b.take();
}

std::vector<std::uint8_t> prefix(const std::vector<std::uint8_t>& full, std::size_t n) {
  return {full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n)};
}

// ---------------------------------------------------------------- truncation

struct truncation_case {
  std::size_t length;
  error_code code;
  std::uint64_t offset;
  const char* path;
};

// typical.ndr20 (340 bytes): flat part 0..93, Data max_count 96 and bytes
// 100..111, ClientName 112 (max) 116 (offset) 120 (actual) 124..178 (27 units),
// ClientComment 180..224, NetBiosName 224..250, HostName 252..312, PolicyName
// 312 (max) 316 (offset) 320 (actual) 324..340.
const truncation_case typical_truncations[] = {
    {0, ec::truncated, 0, "ClientIpAddress"},
    {3, ec::truncated, 0, "ClientIpAddress"},
    {4, ec::truncated, 4, "SubnetMask"},
    {10, ec::truncated, 8, "ClientHardwareAddress.DataLength"},
    {12, ec::truncated, 12, "ClientHardwareAddress.Data"},
    {19, ec::truncated, 16, "ClientName"},
    {23, ec::truncated, 20, "ClientComment"},
    // DATE_TIME is a struct of two DWORDs: each is a field of its own
    {24, ec::truncated, 24, "ClientLeaseExpires.dwLowDateTime"},
    {27, ec::truncated, 24, "ClientLeaseExpires.dwLowDateTime"},
    {30, ec::truncated, 28, "ClientLeaseExpires.dwHighDateTime"},
    {35, ec::truncated, 32, "OwnerHost.IpAddress"},
    {39, ec::truncated, 36, "OwnerHost.NetBiosName"},
    {43, ec::truncated, 40, "OwnerHost.HostName"},
    {44, ec::truncated, 44, "bClientType"},
    {45, ec::truncated, 45, "AddressState"},
    {47, ec::truncated, 46, "Status"},
    {50, ec::truncated, 48, "ProbationEnds.dwLowDateTime"},
    {55, ec::truncated, 52, "ProbationEnds.dwHighDateTime"},
    {59, ec::truncated, 56, "QuarantineCapable"},
    {63, ec::truncated, 60, "SentPotExpTime"},
    {67, ec::truncated, 64, "AckPotExpTime"},
    {71, ec::truncated, 68, "RecvPotExpTime"},
    {75, ec::truncated, 72, "StartTime"},
    {79, ec::truncated, 76, "CltLastTransTime"},
    {83, ec::truncated, 80, "LastBndUpdTime"},
    {87, ec::truncated, 84, "BndMsgStatus"},
    {91, ec::truncated, 88, "PolicyName"},
    {92, ec::truncated, 92, "Flags"},
    // Data's max_count: after alignment, clamped to the input size
    {93, ec::truncated, 93, "ClientHardwareAddress.Data"},
    {95, ec::truncated, 95, "ClientHardwareAddress.Data"},
    {99, ec::truncated, 96, "ClientHardwareAddress.Data"},
    // the 11 bytes of Data do not fit: the count is refused
    {100, ec::count_exceeds_input, 96, "ClientHardwareAddress.Data"},
    {110, ec::count_exceeds_input, 96, "ClientHardwareAddress.Data"},
    {111, ec::truncated, 111, "ClientName"},
    {112, ec::truncated, 112, "ClientName"},
    {115, ec::truncated, 112, "ClientName"},
    {116, ec::truncated, 116, "ClientName"},
    {119, ec::truncated, 116, "ClientName"},
    {120, ec::truncated, 120, "ClientName"},
    {123, ec::truncated, 120, "ClientName"},
    {124, ec::count_exceeds_input, 120, "ClientName"},
    {177, ec::count_exceeds_input, 120, "ClientName"},
    {178, ec::truncated, 178, "ClientComment"},
    {179, ec::truncated, 179, "ClientComment"},
    {223, ec::count_exceeds_input, 188, "ClientComment"},
    {224, ec::truncated, 224, "OwnerHost.NetBiosName"},
    {250, ec::truncated, 250, "OwnerHost.HostName"},
    {262, ec::truncated, 260, "OwnerHost.HostName"},
    {312, ec::truncated, 312, "PolicyName"},
    {339, ec::count_exceeds_input, 320, "PolicyName"},
};

class NdrTruncation : public testing::TestWithParam<layout> {};

TEST_P(NdrTruncation, TypicalClientAtEveryKindOfItem) {
  const layout wire = GetParam();
  const std::vector<std::uint8_t> full =
      read_vector_file(find_vector("typical"), wire == layout::ndr20be ? "ndr20be" : "ndr20");
  ASSERT_EQ(full.size(), 340u);
  const target t{value_kind::client, framing::bare, wire};
  for (const truncation_case& c : typical_truncations) {
    SCOPED_TRACE("length " + std::to_string(c.length));
    EXPECT_TRUE(fails_in_both_modes(t, prefix(full, c.length), {c.code, c.offset, c.path}));
  }
  EXPECT_TRUE(gives(run(t, full), value_of(load_client("typical"))));
}

TEST_P(NdrTruncation, ArrayAtEveryKindOfItem) {
  const layout wire = GetParam();
  const client_info_array value = load_array("array-3");
  ndr_builder b(order_of(wire));
  b.array(value);
  const std::vector<std::uint8_t> full = b.bytes();
  ASSERT_EQ(full, read_vector_file(find_vector("array-3"), wire == layout::ndr20be ? "ndr20be" : "ndr20"));
  const target t{value_kind::array, framing::bare, wire};

  const std::size_t s1 = b.mark("Clients[1]@flat");
  const std::size_t host2 = b.mark("Clients[2].OwnerHost.HostName@actual");
  const std::size_t data0 = b.mark("Clients[0].ClientHardwareAddress.Data@max");
  const truncation_case cases[] = {
      {0, ec::truncated, 0, "NumElements"},
      {5, ec::truncated, 4, "Clients"},
      {8, ec::truncated, 8, "Clients"},
      {11, ec::truncated, 8, "Clients"},
      {12, ec::count_exceeds_input, 8, "Clients"},  // three ids need 12 bytes
      {23, ec::count_exceeds_input, 8, "Clients"},
      {24, ec::truncated, 24, "Clients[0].ClientIpAddress"},
      {30, ec::truncated, 28, "Clients[0].SubnetMask"},
      {24 + 92, ec::truncated, 24 + 92, "Clients[0].Flags"},
      {data0 + 2, ec::truncated, data0, "Clients[0].ClientHardwareAddress.Data"},
      {data0 + 4, ec::count_exceeds_input, data0, "Clients[0].ClientHardwareAddress.Data"},
      {s1 + 6, ec::truncated, s1 + 4, "Clients[1].SubnetMask"},
      {s1 + 47, ec::truncated, s1 + 46, "Clients[1].Status"},
      {host2 + 3, ec::truncated, host2, "Clients[2].OwnerHost.HostName"},
      {host2 + 4, ec::count_exceeds_input, host2, "Clients[2].OwnerHost.HostName"},
      {full.size() - 1, ec::count_exceeds_input, b.mark("Clients[2].PolicyName@actual"), "Clients[2].PolicyName"},
  };
  for (const truncation_case& c : cases) {
    SCOPED_TRACE("length " + std::to_string(c.length));
    EXPECT_TRUE(fails_in_both_modes(t, prefix(full, c.length), {c.code, c.offset, c.path}));
  }
  EXPECT_TRUE(gives(run(t, full), value_of(value)));
}

INSTANTIATE_TEST_SUITE_P(ByteOrders, NdrTruncation, testing::Values(layout::ndr20, layout::ndr20be),
                         [](const testing::TestParamInfo<layout>& p) { return std::string(to_string(p.param)); });

TEST(NdrTruncationFraming, Response) {
  const std::vector<std::uint8_t> full = read_vector_file(find_vector("typical"), "response.ndr20");
  ASSERT_EQ(full.size(), 348u);
  const truncation_case cases[] = {
      {0, ec::truncated, 0, "ClientInfo"},
      {3, ec::truncated, 0, "ClientInfo"},
      {4, ec::truncated, 4, "ClientInfo.ClientIpAddress"},
      {48, ec::truncated, 48, "ClientInfo.bClientType"},
      {98, ec::truncated, 98, "ClientInfo.ClientHardwareAddress.Data"},
      {99, ec::truncated, 99, "ClientInfo.ClientHardwareAddress.Data"},
      {102, ec::truncated, 100, "ClientInfo.ClientHardwareAddress.Data"},
      {343, ec::count_exceeds_input, 324, "ClientInfo.PolicyName"},
      {344, ec::truncated, 344, "ReturnValue"},
      {347, ec::truncated, 344, "ReturnValue"},
  };
  for (const truncation_case& c : cases) {
    SCOPED_TRACE("length " + std::to_string(c.length));
    EXPECT_TRUE(fails_in_both_modes(response_le, prefix(full, c.length), {c.code, c.offset, c.path}));
  }
  // minimal: the struct ends at 97, the return value is aligned to 100
  const std::vector<std::uint8_t> minimal = read_vector_file(find_vector("minimal"), "response.ndr20");
  EXPECT_TRUE(fails_in_both_modes(response_le, prefix(minimal, 98), {ec::truncated, 98, "ReturnValue"}));
  EXPECT_TRUE(fails_in_both_modes(response_le, prefix(minimal, 100), {ec::truncated, 100, "ReturnValue"}));
}

TEST(NdrTruncationFraming, Pointer) {
  const std::vector<std::uint8_t> full = read_vector_file(find_vector("typical"), "ptr.ndr20");
  for (std::size_t n : {0u, 1u, 3u}) {
    const decode_outcome o = run(client_ptr_le, prefix(full, n));
    ASSERT_FALSE(o.ok());
    EXPECT_EQ(o.failure.code, ec::truncated);
    EXPECT_EQ(o.failure.offset, 0u);
  }
  // Inside the pointee the paths are those of the bare value.
  EXPECT_TRUE(fails_in_both_modes(client_ptr_le, prefix(full, 10), {ec::truncated, 8, "SubnetMask"}));
  EXPECT_TRUE(fails_in_both_modes(client_ptr_le, prefix(full, 343), {ec::count_exceeds_input, 324, "PolicyName"}));
  const std::vector<std::uint8_t> array = read_vector_file(find_vector("array-3"), "ptr.ndr20");
  EXPECT_TRUE(fails_in_both_modes(array_ptr_le, prefix(array, 6), {ec::truncated, 4, "NumElements"}));
  EXPECT_TRUE(fails_in_both_modes(array_ptr_le, prefix(array, 16), {ec::count_exceeds_input, 12, "Clients"}));
}

// ---------------------------------------------------------------- NULL framings and return values

TEST(NdrFraming, NullPointers) {
  const std::vector<std::uint8_t> null_ptr = {0, 0, 0, 0};
  EXPECT_TRUE(gives(run(client_ptr_le, null_ptr), any_value(std::in_place_type<std::optional<client_info>>)));
  EXPECT_TRUE(gives(run(array_ptr_le, null_ptr), any_value(std::in_place_type<std::optional<client_info_array>>)));
  const std::vector<std::uint8_t> response = {0, 0, 0, 0, 0x25, 0x4E, 0, 0};  // NULL, ERROR_DHCP_JET_ERROR-ish 20005
  EXPECT_TRUE(gives(run(response_le, response),
                    any_value(std::in_place_type<get_client_info_response>, get_client_info_response{std::nullopt, 20005})));
  auto encoded = encode<get_client_info_response>(get_client_info_response{std::nullopt, 20005}, layout::ndr20);
  ASSERT_TRUE(encoded) << describe(encoded.error_value());
  EXPECT_EQ(*encoded, response);
  const std::vector<std::uint8_t> response_be = {0, 0, 0, 0, 0, 0, 0x4E, 0x25};
  EXPECT_TRUE(gives(run({value_kind::client, framing::response, layout::ndr20be}, response_be),
                    any_value(std::in_place_type<get_client_info_response>, get_client_info_response{std::nullopt, 20005})));
  // A NULL pointer is followed by nothing.
  const std::vector<std::uint8_t> null_and_more = {0, 0, 0, 0, 0};
  EXPECT_TRUE(fails_with(run(client_ptr_le, null_and_more), {ec::trailing_bytes, 4, ""}));
}

TEST(NdrFraming, ResponseReportsTheReturnValue) {
  ndr_builder b;
  b.response(get_client_info_response{load_client("typical"), 0});
  b.patch_u32(b.mark("ReturnValue"), 0xC0000022u);
  const decode_outcome o = run(response_le, b.bytes());
  ASSERT_TRUE(o.ok()) << describe(o.failure);
  const auto& r = std::get<get_client_info_response>(*o.value);
  EXPECT_EQ(r.return_value, 0xC0000022u);
  EXPECT_EQ(r.client, load_client("typical"));
}

// ---------------------------------------------------------------- conformance

class NdrHostile : public testing::TestWithParam<layout> {
 protected:
  [[nodiscard]] layout wire() const { return GetParam(); }
  [[nodiscard]] target client() const { return {value_kind::client, framing::bare, GetParam()}; }
  [[nodiscard]] target array() const { return {value_kind::array, framing::bare, GetParam()}; }
  [[nodiscard]] ndr_builder builder() const { return ndr_builder(order_of(GetParam())); }
};

TEST_P(NdrHostile, DataMaxCountDiffersFromDataLength) {
  const client_info typical = load_client("typical");
  for (std::uint32_t max_count : {10u, 12u}) {
    SCOPED_TRACE("max_count " + std::to_string(max_count));
    ndr_builder b = builder();
    b.client(typical);
    ASSERT_EQ(b.mark("ClientHardwareAddress.Data@max"), 96u);
    b.patch_u32(96, max_count);
    // Lenient: Data takes max_count bytes (100..110 or 100..112: ClientName
    // still starts at 112), DataLength stays 11.
    client_info expected = typical;
    expected.client_hardware_address.data->resize(max_count, 0x00);
    EXPECT_TRUE(strict_fails_lenient_warns(client(), b.bytes(), value_of(expected),
                                           {{ec::conformance_mismatch, 96, "ClientHardwareAddress.Data"}}));
  }
}

TEST_P(NdrHostile, DataMaxCountBeyondInput) {
  // DataLength 11 but max_count 0xFFFFFFFF: whichever check comes first in
  // strict mode, it is at the max_count; in lenient mode the mismatch is only a
  // warning and the count is then refused.
  ndr_builder b = builder();
  b.client(load_client("typical"));
  b.patch_u32(96, 0xFFFFFFFFu);
  const decode_outcome strict = run(client(), b.bytes());
  ASSERT_FALSE(strict.ok());
  EXPECT_TRUE(strict.failure.code == ec::conformance_mismatch || strict.failure.code == ec::count_exceeds_input)
      << describe(strict.failure);
  EXPECT_EQ(strict.failure.offset, 96u);
  EXPECT_EQ(strict.failure.path, "ClientHardwareAddress.Data");
  EXPECT_TRUE(fails_with(run(client(), b.bytes(), lenient_options),
                         {ec::count_exceeds_input, 96, "ClientHardwareAddress.Data"}));
  // Consistent but huge: no allocation, just a refusal.
  client_info huge;
  huge.client_hardware_address.data_length = 0xFFFFFFFFu;
  huge.client_hardware_address.data.emplace();
  ndr_builder h = builder();
  h.client_flat(huge).align(4).u32(0xFFFFFFFFu).zeros(64);
  EXPECT_TRUE(fails_in_both_modes(client(), h.bytes(), {ec::count_exceeds_input, 96, "ClientHardwareAddress.Data"}));
}

TEST_P(NdrHostile, ClientsMaxCountDiffersFromNumElements) {
  // NumElements 2, max_count 1, one NULL id: lenient keeps one element.
  EXPECT_TRUE(strict_fails_lenient_warns(array(), array_of_null_ids(wire(), 2, 1, 1),
                                         value_of(client_info_array{2, null_elements(1).clients}),
                                         {{ec::conformance_mismatch, 8, "Clients"}}));
  // NumElements 2, max_count 3, three NULL ids: lenient keeps three.
  EXPECT_TRUE(strict_fails_lenient_warns(array(), array_of_null_ids(wire(), 2, 3, 3),
                                         value_of(client_info_array{2, null_elements(3).clients}),
                                         {{ec::conformance_mismatch, 8, "Clients"}}));
  // NumElements 5, max_count 1 and a real record behind the one id.
  client_info_array one;
  one.num_elements = 1;
  one.clients.emplace();
  one.clients->push_back(load_client("typical"));
  ndr_builder b = builder();
  b.array(one);
  b.patch_u32(b.mark("NumElements"), 5);
  one.num_elements = 5;
  EXPECT_TRUE(strict_fails_lenient_warns(array(), b.bytes(), value_of(one), {{ec::conformance_mismatch, 8, "Clients"}}));
}

// ---------------------------------------------------------------- strings

TEST_P(NdrHostile, NonzeroStringOffset) {
  for (std::uint32_t offset : {1u, 0x80000000u, 0xFFFFFFFFu}) {
    SCOPED_TRACE("offset " + std::to_string(offset));
    EXPECT_TRUE(strict_fails_lenient_warns(client(), name_pointee(wire(), 3, offset, 3, u"ab\0"sv),
                                           value_of(with_name(u"ab")),
                                           {{ec::nonzero_string_offset, 100, "ClientName"}}));
  }
}

TEST_P(NdrHostile, ActualCountExceedsMax) {
  for (std::uint32_t max_count : {0u, 2u}) {
    SCOPED_TRACE("max_count " + std::to_string(max_count));
    EXPECT_TRUE(strict_fails_lenient_warns(client(), name_pointee(wire(), max_count, 0, 3, u"ab\0"sv),
                                           value_of(with_name(u"ab")),
                                           {{ec::actual_count_exceeds_max, 104, "ClientName"}}));
  }
  // max_count larger than actual_count is fine, even 0xFFFFFFFF: it is just a number.
  EXPECT_TRUE(gives(run(client(), name_pointee(wire(), 0xFFFFFFFFu, 0, 3, u"ab\0"sv)), value_of(with_name(u"ab"))));
  EXPECT_TRUE(gives(run(client(), name_pointee(wire(), 100, 0, 1, u"\0"sv)), value_of(with_name(u""))));
}

TEST_P(NdrHostile, MissingTerminator) {
  // The last unit is checked: at 108 + 2 for two units.
  EXPECT_TRUE(strict_fails_lenient_warns(client(), name_pointee(wire(), 2, 0, 2, u"ab"), value_of(with_name(u"ab")),
                                         {{ec::missing_terminator, 110, "ClientName"}}));
  // No units at all: at actual_count; lenient gives a non-NULL empty string.
  EXPECT_TRUE(strict_fails_lenient_warns(client(), name_pointee(wire(), 0, 0, 0, u""), value_of(with_name(u"")),
                                         {{ec::missing_terminator, 104, "ClientName"}}));
  // Embedded NULs are data; only the last unit is the terminator.
  EXPECT_TRUE(strict_fails_lenient_warns(client(), name_pointee(wire(), 3, 0, 3, std::u16string_view(u"a\0b", 3)),
                                         value_of(with_name(std::u16string_view(u"a\0b", 3))),
                                         {{ec::missing_terminator, 112, "ClientName"}}));
  EXPECT_TRUE(gives(run(client(), name_pointee(wire(), 4, 0, 4, std::u16string_view(u"a\0b\0", 4))),
                    value_of(with_name(std::u16string_view(u"a\0b", 3)))));
  EXPECT_TRUE(gives(run(client(), name_pointee(wire(), 4, 0, 4, std::u16string_view(u"ab\0\0", 4))),
                    value_of(with_name(u"ab\0"sv))));
  EXPECT_TRUE(gives(run(client(), name_pointee(wire(), 1, 0, 1, u"\0"sv)), value_of(with_name(u""))));

  // Lenient decoding goes on after the string: ClientName "abc" (three units,
  // 108..114), then ClientComment "x" aligned to 116.
  client_info two;
  two.client_name = str(u"");
  two.client_comment = str(u"x");
  ndr_builder b = builder();
  b.client_flat(two).align(4).string_header(3, 0, 3).units(u"abc");
  b.string(u"x");
  ASSERT_EQ(b.size(), 116u + 12u + 4u);
  two.client_name = str(u"abc");
  EXPECT_TRUE(strict_fails_lenient_warns(client(), b.bytes(), value_of(two), {{ec::missing_terminator, 112, "ClientName"}}));
}

TEST_P(NdrHostile, StringCountBeyondInput) {
  // Plainly too large: 5 units announced, 2 present.
  EXPECT_TRUE(fails_in_both_modes(client(), name_pointee(wire(), 5, 0, 5, u"a\0"sv), {ec::count_exceeds_input, 104, "ClientName"}));
  // 0x80000001 * 2 wraps to 2 in 32 bits: exactly the one unit that is there.
  EXPECT_TRUE(fails_in_both_modes(client(), name_pointee(wire(), 0x80000001u, 0, 0x80000001u, u"\0"sv),
                                  {ec::count_exceeds_input, 104, "ClientName"}));
  // 0x80000000 * 2 wraps to 0.
  EXPECT_TRUE(fails_in_both_modes(client(), name_pointee(wire(), 0x80000000u, 0, 0x80000000u, u""),
                                  {ec::count_exceeds_input, 104, "ClientName"}));
  EXPECT_TRUE(fails_in_both_modes(client(), name_pointee(wire(), 0xFFFFFFFFu, 0, 0xFFFFFFFFu, u"ab\0"sv),
                                  {ec::count_exceeds_input, 104, "ClientName"}));
  // The count is refused before the string limit is looked at.
  EXPECT_TRUE(fails_in_both_modes(client(), name_pointee(wire(), 0x10000000u, 0, 0x10000000u, u"ab\0"sv),
                                  {ec::count_exceeds_input, 104, "ClientName"}, decode_options{.max_string_units = 2}));
  // ... and before the decoded-size budget.
  EXPECT_TRUE(fails_in_both_modes(client(), name_pointee(wire(), 0x10000000u, 0, 0x10000000u, u"ab\0"sv),
                                  {ec::count_exceeds_input, 104, "ClientName"},
                                  decode_options{.max_decoded_bytes = sizeof(client_info) + 16}));
}

TEST_P(NdrHostile, StringCheckOrder) {
  // offset != 0, actual > max and actual beyond the input: the offset first.
  const auto all_three = name_pointee(wire(), 1, 7, 9, u"a\0"sv);
  EXPECT_TRUE(fails_with(run(client(), all_three), {ec::nonzero_string_offset, 100, "ClientName"}));
  {
    const decode_outcome lenient = run(client(), all_three, lenient_options);
    EXPECT_TRUE(fails_with(lenient, {ec::count_exceeds_input, 104, "ClientName"}));
  }
  // actual > max and beyond the input: actual > max first.
  EXPECT_TRUE(fails_with(run(client(), name_pointee(wire(), 1, 0, 9, u"a\0"sv)),
                         {ec::actual_count_exceeds_max, 104, "ClientName"}));
  // Over the string limit and missing its terminator: the limit first.
  EXPECT_TRUE(fails_in_both_modes(client(), name_pointee(wire(), 4, 0, 4, u"abcd"), {ec::string_limit, 104, "ClientName"},
                                  decode_options{.max_string_units = 3}));
  // Over the budget and missing its terminator: the budget first.
  const std::u16string long_units(1000, u'x');
  const decode_outcome budget =
      run(client(), name_pointee(wire(), 1000, 0, 1000, long_units),
          decode_options{.max_decoded_bytes = sizeof(client_info) + 100});
  ASSERT_FALSE(budget.ok());
  EXPECT_EQ(budget.failure.code, ec::decoded_size_limit) << describe(budget.failure);
  // Every lenient warning of one string, in check order, then the value.
  const auto warn_all = name_pointee(wire(), 1, 5, 2, u"ab");
  EXPECT_TRUE(gives(run(client(), warn_all, lenient_options), value_of(with_name(u"ab")),
                    {{ec::nonzero_string_offset, 100, "ClientName"},
                     {ec::actual_count_exceeds_max, 104, "ClientName"},
                     {ec::missing_terminator, 110, "ClientName"}}));
  EXPECT_TRUE(fails_with(run(client(), warn_all), {ec::nonzero_string_offset, 100, "ClientName"}));
}

TEST_P(NdrHostile, StringPathsOfEveryString) {
  // A missing terminator in each string of an array element names it.
  client_info c = load_client("typical");
  client_info_array a;
  a.num_elements = 4;
  a.clients.emplace();
  a.clients->push_back_null();
  a.clients->push_back(c);
  a.clients->push_back_null();
  a.clients->push_back(c);
  for (const char* field : {"ClientName", "ClientComment", "OwnerHost.NetBiosName", "OwnerHost.HostName", "PolicyName"}) {
    const std::string path = std::string("Clients[3].") + field;
    SCOPED_TRACE(path);
    ndr_builder b = builder();
    b.array(a);
    const std::size_t actual = b.mark(path + "@actual");
    const std::size_t max = b.mark(path + "@max");
    // The terminator becomes 'Z'.
    const std::size_t last_unit = actual + 4 + 2 * (b.read_u32(actual) - 1);
    std::vector<std::uint8_t> input = b.bytes();
    input[last_unit] = 'Z';
    input[last_unit + 1] = 'Z';
    EXPECT_TRUE(fails_with(run(array(), input), {ec::missing_terminator, last_unit, path}));
    b.patch_u32(max + 4, 1);
    EXPECT_TRUE(fails_with(run(array(), b.bytes()), {ec::nonzero_string_offset, max + 4, path}));
  }
}

// ---------------------------------------------------------------- NULL with a size

TEST_P(NdrHostile, NullDataWithNonzeroLength) {
  client_info c;
  c.client_hardware_address.data_length = 5;
  ndr_builder b = builder();
  b.client(c);
  ASSERT_EQ(b.size(), 93u);
  EXPECT_TRUE(strict_fails_lenient_warns(client(), b.bytes(), value_of(c),
                                         {{ec::null_with_nonzero_size, 12, "ClientHardwareAddress.Data"}}));
  // Inside an array element and inside a response.
  client_info_array a;
  a.num_elements = 2;
  a.clients.emplace();
  a.clients->push_back(load_client("minimal"));
  a.clients->push_back(c);
  ndr_builder ab = builder();
  ab.array(a);
  EXPECT_TRUE(strict_fails_lenient_warns(
      array(), ab.bytes(), value_of(a),
      {{ec::null_with_nonzero_size, ab.mark("Clients[1]@flat") + 12, "Clients[1].ClientHardwareAddress.Data"}}));
  if (wire() == layout::ndr20) {
    ndr_builder rb;
    rb.response(get_client_info_response{c, 0});
    EXPECT_TRUE(strict_fails_lenient_warns(response_le, rb.bytes(),
                                           any_value(std::in_place_type<get_client_info_response>,
                                                     get_client_info_response{c, 0}),
                                           {{ec::null_with_nonzero_size, 16, "ClientInfo.ClientHardwareAddress.Data"}}));
  }
}

TEST_P(NdrHostile, NullClientsWithNonzeroCount) {
  ndr_builder b = builder();
  b.u32(3).u32(0);
  EXPECT_TRUE(strict_fails_lenient_warns(array(), b.bytes(), value_of(client_info_array{3, std::nullopt}),
                                         {{ec::null_with_nonzero_size, 4, "Clients"}}));
}

// ---------------------------------------------------------------- trailing bytes

TEST_P(NdrHostile, TrailingBytes) {
  const std::string suffix = wire() == layout::ndr20be ? "ndr20be" : "ndr20";
  for (std::size_t extra : {1u, 3u, 4u}) {
    SCOPED_TRACE("extra " + std::to_string(extra));
    std::vector<std::uint8_t> c = read_vector_file(find_vector("minimal"), suffix);
    c.resize(c.size() + extra, 0);
    EXPECT_TRUE(strict_fails_lenient_warns(client(), c, value_of(load_client("minimal")),
                                           {{ec::trailing_bytes, 93, ""}}));
    std::vector<std::uint8_t> a = read_vector_file(find_vector("array-empty"), suffix);
    a.resize(a.size() + extra, 0xEE);
    EXPECT_TRUE(strict_fails_lenient_warns(array(), a, value_of(load_array("array-empty")), {{ec::trailing_bytes, 12, ""}}));
  }
  if (wire() == layout::ndr20) {
    std::vector<std::uint8_t> r = read_vector_file(find_vector("minimal"), "response.ndr20");
    r.push_back(0);
    EXPECT_TRUE(strict_fails_lenient_warns(response_le, r,
                                           any_value(std::in_place_type<get_client_info_response>,
                                                     get_client_info_response{load_client("minimal"), 0}),
                                           {{ec::trailing_bytes, 104, ""}}));
    std::vector<std::uint8_t> p = read_vector_file(find_vector("typical"), "ptr.ndr20");
    p.push_back(0);
    EXPECT_TRUE(strict_fails_lenient_warns(client_ptr_le, p,
                                           any_value(std::in_place_type<std::optional<client_info>>, load_client("typical")),
                                           {{ec::trailing_bytes, 344, ""}}));
  }
}

// ---------------------------------------------------------------- limits

TEST_P(NdrHostile, ElementLimit) {
  const auto five = array_of_null_ids(wire(), 5, 5, 5);
  EXPECT_TRUE(fails_in_both_modes(array(), five, {ec::element_limit, 8, "Clients"}, decode_options{.max_elements = 4}));
  EXPECT_TRUE(gives(run(array(), five, decode_options{.max_elements = 5}), value_of(null_elements(5))));
  // Zero elements allowed: an empty array still decodes.
  EXPECT_TRUE(gives(run(array(), array_of_null_ids(wire(), 0, 0, 0), decode_options{.max_elements = 0}),
                    value_of(null_elements(0))));
}

TEST_P(NdrHostile, StringLimit) {
  const std::u16string ten(10, u'q');
  ndr_builder b = builder();
  b.client(with_name(ten));  // actual_count 11 at 104
  EXPECT_TRUE(fails_in_both_modes(client(), b.bytes(), {ec::string_limit, 104, "ClientName"},
                                  decode_options{.max_string_units = 10}));
  EXPECT_TRUE(gives(run(client(), b.bytes(), decode_options{.max_string_units = 11}), value_of(with_name(ten))));
  // In an array element, on the last string.
  client_info_array a = load_array("array-3");
  ndr_builder ab = builder();
  ab.array(a);
  // array-3's longest string is 27 units with its terminator (laptop-42.corp.example.com).
  EXPECT_TRUE(gives(run(array(), ab.bytes(), decode_options{.max_string_units = 27}), value_of(a)));
  const decode_outcome o = run(array(), ab.bytes(), decode_options{.max_string_units = 26});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.failure.code, ec::string_limit);
  EXPECT_EQ(o.failure.path, "Clients[0].ClientName");
  EXPECT_EQ(o.failure.offset, ab.mark("Clients[0].ClientName@actual"));
}

TEST_P(NdrHostile, DecodedSizeLimit) {
  const client_info typical = load_client("typical");
  ndr_builder b = builder();
  b.client(typical);
  EXPECT_TRUE(gives(run(client(), b.bytes()), value_of(typical)));
  for (std::uint64_t budget : {0u, 16u, 64u}) {
    const decode_outcome o = run(client(), b.bytes(), decode_options{.max_decoded_bytes = budget});
    ASSERT_FALSE(o.ok()) << budget;
    EXPECT_EQ(o.failure.code, ec::decoded_size_limit) << describe(o.failure);
    const decode_outcome l = run(client(), b.bytes(), decode_options{.strict = false, .max_decoded_bytes = budget});
    ASSERT_FALSE(l.ok()) << budget;
    EXPECT_EQ(l.failure.code, ec::decoded_size_limit) << describe(l.failure);
  }
  // The smallest budget that passes is the charge of the value: 77 units
  // (82 with terminators) at 2 bytes, 11 data bytes, perhaps one record.
  std::uint64_t lo = 0;
  std::uint64_t hi = std::uint64_t{1} << 20;
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (run(client(), b.bytes(), decode_options{.max_decoded_bytes = mid}).ok()) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  const std::uint64_t threshold = lo;
  EXPECT_GE(threshold, 77u * 2u + 11u);
  EXPECT_LE(threshold, sizeof(client_info) + 82u * 2u + 11u);
  EXPECT_TRUE(gives(run(client(), b.bytes(), decode_options{.max_decoded_bytes = threshold}), value_of(typical)));
  const decode_outcome under = run(client(), b.bytes(), decode_options{.max_decoded_bytes = threshold - 1});
  ASSERT_FALSE(under.ok());
  EXPECT_EQ(under.failure.code, ec::decoded_size_limit) << describe(under.failure);
}

// ---------------------------------------------------------------- peers' ids and padding

TEST_P(NdrHostile, ForeignReferentIdsAndPadding) {
  const client_info typical = load_client("typical");
  const char* const pointers[] = {"ClientHardwareAddress.Data@ptr", "ClientName@ptr", "ClientComment@ptr",
                                  "OwnerHost.NetBiosName@ptr", "OwnerHost.HostName@ptr", "PolicyName@ptr"};
  for (std::uint32_t id : {1u, 0x00020000u, 0x0000FFFFu, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu}) {
    SCOPED_TRACE("id " + std::to_string(id));
    ndr_builder b = builder();
    b.client(typical);
    for (const char* p : pointers) b.patch_u32(b.mark(p), id);  // repeated ids too
    EXPECT_TRUE(gives(run(client(), b.bytes()), value_of(typical)));
  }
  // Impacket-style padding, and all-ones padding.
  for (std::uint8_t fill : {std::uint8_t{0xAA}, std::uint8_t{0xFF}}) {
    ndr_builder b = builder();
    b.pad_fill(fill).client(typical);
    ASSERT_EQ(b.size(), 340u);
    ASSERT_EQ(b.bytes()[93], fill);
    EXPECT_TRUE(gives(run(client(), b.bytes()), value_of(typical)));
    EXPECT_TRUE(gives(run(client(), b.bytes(), lenient_options), value_of(typical)));
  }
  // Arrays: Samba-style and random ids, in the array and in the elements.
  const client_info_array a = load_array("array-with-null");
  ndr_builder ab = builder();
  ab.pad_fill(0xCE).array(a);
  ab.patch_u32(ab.mark("Clients@ptr"), 0xDEADBEEFu);
  for (std::size_t i = 0; i < a.clients->size(); ++i) {
    if ((*a.clients)[i] != nullptr) ab.patch_u32(ab.mark(ndr_builder::element_path("", i) + "@ptr"), 0x00020000u | 4u);
  }
  ab.patch_u32(ab.mark("Clients[0].ClientName@ptr"), 0xFFFFFFFFu);
  EXPECT_TRUE(gives(run(array(), ab.bytes()), value_of(a)));
}

INSTANTIATE_TEST_SUITE_P(ByteOrders, NdrHostile, testing::Values(layout::ndr20, layout::ndr20be),
                         [](const testing::TestParamInfo<layout>& p) { return std::string(to_string(p.param)); });

// ---------------------------------------------------------------- a million NULL element pointers

TEST(NdrHostileArray, MillionNullElementPointers) {
  constexpr std::uint32_t n = 1'000'000;
  const std::vector<std::uint8_t> input = array_of_null_ids(layout::ndr20, n, n, n);
  ASSERT_EQ(input.size(), 12u + 4u * n);
  const auto start = std::chrono::steady_clock::now();
  const decode_outcome o = run(array_le, input);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(o.ok()) << describe(o.failure);
  EXPECT_TRUE(o.warnings.empty());
  const auto& a = std::get<client_info_array>(*o.value);
  EXPECT_EQ(a.num_elements, n);
  ASSERT_TRUE(a.clients.has_value());
  EXPECT_EQ(a.clients->size(), n);
  EXPECT_EQ(a.clients->record_count(), 0u);
  EXPECT_EQ((*a.clients)[0], nullptr);
  EXPECT_EQ((*a.clients)[n - 1], nullptr);
  // Generous for a sanitizer build on a shared machine; a per-element record
  // allocation or a quadratic step would blow it.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 10'000);
  // The canonical encoding of that value is the input again.
  const result<bytes> again = encode<client_info_array>(a, layout::ndr20);
  ASSERT_TRUE(again) << describe(again.error_value());
  EXPECT_TRUE(*again == input);
  // The elements are charged: four bytes a slot do not fit in 3,999,999.
  const decode_outcome budget = run(array_le, input, decode_options{.max_decoded_bytes = 4u * n - 1u});
  ASSERT_FALSE(budget.ok());
  EXPECT_EQ(budget.failure.code, ec::decoded_size_limit) << describe(budget.failure);
  EXPECT_TRUE(run(array_le, input, decode_options{.max_decoded_bytes = 4u * n + 4096u}).ok());
  // And the element limit applies to them.
  EXPECT_TRUE(fails_with(run(array_le, input, decode_options{.max_elements = n - 1}), {ec::element_limit, 8, "Clients"}));
}

TEST(NdrHostileArray, DefaultLimits) {
  const decode_options defaults;
  // max_string_units 65,536 (terminator included).
  ndr_builder at_limit;
  at_limit.client(with_name(std::u16string(defaults.max_string_units - 1, u'x')));
  EXPECT_TRUE(run(client_le, at_limit.bytes()).ok());
  ndr_builder over;
  over.client(with_name(std::u16string(defaults.max_string_units, u'x')));
  EXPECT_TRUE(fails_in_both_modes(client_le, over.bytes(), {ec::string_limit, 104, "ClientName"}));
  // max_elements 4,194,304: one more, with all its ids present, is refused.
  const std::uint32_t n = defaults.max_elements + 1;
  EXPECT_TRUE(fails_in_both_modes(array_le, array_of_null_ids(layout::ndr20, n, n, n), {ec::element_limit, 8, "Clients"}));
}

TEST(NdrHostileArray, ClientsCountWrap) {
  // 0x40000000 * 4 wraps to 0 in 32 bits; 0x40000001 * 4 to 4, and 4 bytes
  // follow. Both are refused as counts before the element limit is looked at.
  for (layout wire : {layout::ndr20, layout::ndr20be}) {
    const target t{value_kind::array, framing::bare, wire};
    EXPECT_TRUE(fails_in_both_modes(t, array_of_null_ids(wire, 0x40000000u, 0x40000000u, 0),
                                    {ec::count_exceeds_input, 8, "Clients"}));
    EXPECT_TRUE(fails_in_both_modes(t, array_of_null_ids(wire, 0x40000001u, 0x40000001u, 1),
                                    {ec::count_exceeds_input, 8, "Clients"}));
    EXPECT_TRUE(fails_in_both_modes(t, array_of_null_ids(wire, 0xFFFFFFFFu, 0xFFFFFFFFu, 3),
                                    {ec::count_exceeds_input, 8, "Clients"}, decode_options{.max_elements = 1}));
    // A max_count that disagrees with NumElements: lenient mode forgives the
    // disagreement, then refuses the count (or, when it fits, the limit that
    // applies to max_count).
    EXPECT_TRUE(fails_with(run(t, array_of_null_ids(wire, 1, 0xFFFFFFFFu, 1), lenient_options),
                           {ec::count_exceeds_input, 8, "Clients"}));
    EXPECT_TRUE(fails_with(run(t, array_of_null_ids(wire, 2, 5, 5), decode_options{.max_elements = 4}),
                           {ec::conformance_mismatch, 8, "Clients"}));
    EXPECT_TRUE(fails_with(run(t, array_of_null_ids(wire, 2, 5, 5), decode_options{.strict = false, .max_elements = 4}),
                           {ec::element_limit, 8, "Clients"}));
  }
}

TEST(NdrHostileArray, NullElementWithRecordsAround) {
  // Ids: 0xFFFFFFFF, 0, 0xFFFFFFFF (repeated, foreign) — two records follow.
  client_info_array a;
  a.num_elements = 3;
  a.clients.emplace();
  a.clients->push_back(load_client("minimal"));
  a.clients->push_back_null();
  a.clients->push_back(load_client("typical"));
  ndr_builder b;
  b.array(a);
  b.patch_u32(b.mark("Clients[0]@ptr"), 0xFFFFFFFFu).patch_u32(b.mark("Clients[2]@ptr"), 0xFFFFFFFFu);
  const decode_outcome o = run(array_le, b.bytes());
  EXPECT_TRUE(gives(o, value_of(a)));
  if (o.ok()) {
    EXPECT_EQ(std::get<client_info_array>(*o.value).clients->record_count(), 2u);
  }
}

// ---------------------------------------------------------------- encoder errors

TEST(NdrEncodeErrors, StatusAbove16Bits) {
  client_info c = load_client("typical");
  c.status = 70000;
  for (layout wire : {layout::ndr20, layout::ndr20be}) {
    const result<bytes> r = encode<client_info>(c, wire);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error_value().code, ec::value_out_of_range);
    EXPECT_EQ(r.error_value().path, "Status");
    EXPECT_EQ(r.error_value().offset, 46u);  // where Status goes in the output
  }
  client_info_array a;
  a.num_elements = 2;
  a.clients.emplace();
  a.clients->push_back(load_client("minimal"));
  a.clients->push_back(c);
  const result<bytes> ar = encode<client_info_array>(a, layout::ndr20);
  ASSERT_FALSE(ar);
  EXPECT_EQ(ar.error_value().code, ec::value_out_of_range);
  EXPECT_EQ(ar.error_value().path, "Clients[1].Status");
  const result<bytes> rr = encode<get_client_info_response>(get_client_info_response{c, 0}, layout::ndr20);
  ASSERT_FALSE(rr);
  EXPECT_EQ(rr.error_value().code, ec::value_out_of_range);
  EXPECT_EQ(rr.error_value().path, "ClientInfo.Status");
  // The largest 16-bit Status is fine.
  c.status = 0xFFFF;
  const result<bytes> ok = encode<client_info>(c, layout::ndr20);
  ASSERT_TRUE(ok) << describe(ok.error_value());
  ndr_builder b;
  b.client(c);
  EXPECT_EQ(byte_diff(b.bytes(), *ok), "");
}

TEST(NdrEncodeErrors, DataLengthDiffersFromData) {
  client_info c = load_client("typical");
  c.client_hardware_address.data_length = 12;  // 11 bytes of Data
  const result<bytes> r = encode<client_info>(c, layout::ndr20);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error_value().code, ec::inconsistent_value);
  EXPECT_TRUE(r.error_value().path.starts_with("ClientHardwareAddress")) << r.error_value().path;
  c.client_hardware_address.data_length = 0;
  EXPECT_FALSE(encode<client_info>(c, layout::ndr20be));
}

TEST(NdrEncodeErrors, NumElementsDiffersFromClients) {
  client_info_array a = load_array("array-3");
  a.num_elements = 2;
  const result<bytes> r = encode<client_info_array>(a, layout::ndr20);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error_value().code, ec::inconsistent_value);
  EXPECT_TRUE(r.error_value().path == "NumElements" || r.error_value().path == "Clients") << r.error_value().path;
  a.num_elements = 4;
  EXPECT_FALSE(encode<std::optional<client_info_array>>(a, layout::ndr20be));
}

TEST(NdrEncode, NullDataWithLengthIsWritten) {
  client_info c = load_client("typical");
  c.client_hardware_address.data.reset();
  c.client_hardware_address.data_length = 11;
  const result<bytes> r = encode<client_info>(c, layout::ndr20);
  ASSERT_TRUE(r) << describe(r.error_value());
  ndr_builder b;
  b.client(c);
  EXPECT_EQ(byte_diff(b.bytes(), *r), "");
  EXPECT_EQ(b.read_u32(8), 11u);
  EXPECT_EQ(b.read_u32(12), 0u);
  EXPECT_EQ(b.read_u32(16), 0x00020000u);  // ClientName takes the first id
  // Only lenient decoding gives it back.
  EXPECT_TRUE(strict_fails_lenient_warns(client_le, *r, value_of(c),
                                         {{ec::null_with_nonzero_size, 12, "ClientHardwareAddress.Data"}}));
}

TEST(NdrEncode, NullClientsWithCountIsWritten) {
  const client_info_array a{7, std::nullopt};
  const result<bytes> r = encode<client_info_array>(a, layout::ndr20be);
  ASSERT_TRUE(r) << describe(r.error_value());
  EXPECT_EQ(*r, (std::vector<std::uint8_t>{0, 0, 0, 7, 0, 0, 0, 0}));
  EXPECT_TRUE(strict_fails_lenient_warns(array_be, *r, value_of(a), {{ec::null_with_nonzero_size, 4, "Clients"}}));
}

TEST(NdrEncode, ReferentIdsAreCanonicalAndNonzero) {
  // Many pointers: every id is 0x00020000 + 4k in order of appearance.
  client_info_array a;
  a.clients.emplace();
  for (int i = 0; i < 300; ++i) {
    if (i % 7 == 3) {
      a.clients->push_back_null();
    } else {
      client_info c = load_client("typical");
      c.client_ip_address = static_cast<std::uint32_t>(i);
      a.clients->push_back(c);
    }
  }
  a.num_elements = static_cast<std::uint32_t>(a.clients->size());
  for (layout wire : {layout::ndr20, layout::ndr20be}) {
    const result<bytes> r = encode<client_info_array>(a, wire);
    ASSERT_TRUE(r) << describe(r.error_value());
    ndr_builder b(order_of(wire));
    b.array(a);
    EXPECT_EQ(byte_diff(b.bytes(), *r), "");
    EXPECT_TRUE(gives(run({value_kind::array, framing::bare, wire}, *r), value_of(a)));
  }
}

}  // namespace
}  // namespace dhcpm::test
