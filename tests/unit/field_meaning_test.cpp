// Field meanings (AddressState parts, names, FILETIME <-> UTC), plus the
// small name tables of error.hpp and options.hpp that the CLI prints.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>

#include "dhcpm/error.hpp"
#include "dhcpm/field_meaning.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm {
namespace {

using namespace std::chrono_literals;

TEST(AddressState, SplitAndJoinRoundTripEveryByte) {
  for (unsigned raw = 0; raw < 256; ++raw) {
    const address_state_parts parts = split_address_state(static_cast<std::uint8_t>(raw));
    EXPECT_EQ(join_address_state(parts), raw);
    EXPECT_EQ(static_cast<unsigned>(parts.state), raw & 3u);
    EXPECT_EQ(static_cast<unsigned>(parts.dhcid), (raw >> 2) & 3u);
    EXPECT_EQ(parts.dns_flags, raw >> 4);
  }
}

TEST(AddressState, TypicalVectorValue) {
  // typical.json has AddressState 41 = 0b0010'10'01.
  const address_state_parts parts = split_address_state(41);
  EXPECT_EQ(parts.state, address_state::active);
  EXPECT_EQ(parts.dhcid, dhcid_mode::with_client_id);
  EXPECT_EQ(parts.dns_flags, dns_flags::both_records);
  EXPECT_EQ(address_state_name(parts.state), "active");
  EXPECT_EQ(dhcid_mode_name(parts.dhcid), "with-client-id");
  EXPECT_EQ(dns_flags_names(parts.dns_flags), "both-records");
}

TEST(AddressState, Names) {
  EXPECT_EQ(address_state_name(address_state::offered), "offered");
  EXPECT_EQ(address_state_name(address_state::active), "active");
  EXPECT_EQ(address_state_name(address_state::declined), "declined");
  EXPECT_EQ(address_state_name(address_state::doom), "doom");
  EXPECT_EQ(dhcid_mode_name(dhcid_mode::none), "none");
  EXPECT_EQ(dhcid_mode_name(dhcid_mode::without_client_id), "without-client-id");
  EXPECT_EQ(dhcid_mode_name(dhcid_mode::with_client_id), "with-client-id");
  EXPECT_EQ(dhcid_mode_name(dhcid_mode::with_duid), "with-duid");
}

TEST(AddressState, DnsFlagNames) {
  EXPECT_EQ(dns_flags_names(0), "none");
  EXPECT_EQ(dns_flags_names(dns_flags::cleanup), "cleanup");
  EXPECT_EQ(dns_flags_names(dns_flags::cleanup | dns_flags::both_records), "cleanup|both-records");
  EXPECT_EQ(dns_flags_names(dns_flags::unregistered | dns_flags::deleted), "unregistered|deleted");
  EXPECT_EQ(dns_flags_names(0xF), "cleanup|both-records|unregistered|deleted");
  // More than the field's 4 bits: shown, not dropped.
  EXPECT_EQ(dns_flags_names(0x31), "cleanup|unknown(0x30)");
}

TEST(ClientType, Names) {
  EXPECT_EQ(client_type_name(0x00), "unspecified");
  EXPECT_EQ(client_type_name(0x01), "dhcp");
  EXPECT_EQ(client_type_name(0x02), "bootp");
  EXPECT_EQ(client_type_name(0x03), "dhcp+bootp");
  EXPECT_EQ(client_type_name(0x05), "dhcp|reservation");
  EXPECT_EQ(client_type_name(0x06), "bootp|reservation");
  EXPECT_EQ(client_type_name(0x07), "dhcp+bootp|reservation");
  EXPECT_EQ(client_type_name(0x64), "none");
  EXPECT_EQ(client_type_name(0x33), "unknown(0x33)");
  EXPECT_EQ(client_type_name(0x04), "unknown(0x04)");  // the flag without a type
  EXPECT_EQ(client_type_name(0x08), "unknown(0x08)");
  EXPECT_EQ(client_type_name(0x09), "unknown(0x09)");
  EXPECT_EQ(client_type_name(0xFF), "unknown(0xff)");
  EXPECT_EQ(client_type_name(0x65), "unknown(0x65)");
}

TEST(QuarantineStatus, Names) {
  EXPECT_EQ(quarantine_status_name(0), "NOQUARANTINE");
  EXPECT_EQ(quarantine_status_name(1), "RESTRICTEDACCESS");
  EXPECT_EQ(quarantine_status_name(2), "DROPPACKET");
  EXPECT_EQ(quarantine_status_name(3), "PROBATION");
  EXPECT_EQ(quarantine_status_name(4), "EXEMPT");
  EXPECT_EQ(quarantine_status_name(5), "DEFAULTQUARSETTING");
  EXPECT_EQ(quarantine_status_name(6), "NOQUARINFO");
  EXPECT_EQ(quarantine_status_name(static_cast<std::uint32_t>(quarantine_status::no_quar_info)), "NOQUARINFO");
  EXPECT_EQ(quarantine_status_name(7), std::nullopt);
  EXPECT_EQ(quarantine_status_name(9), std::nullopt);
  EXPECT_EQ(quarantine_status_name(UINT32_MAX), std::nullopt);
}

constexpr std::uint64_t unix_epoch_filetime = 116'444'736'000'000'000;
constexpr std::uint64_t max_filetime_with_time = static_cast<std::uint64_t>(INT64_MAX);

TEST(Filetime, ToUtcAgreesWithChrono) {
  using std::chrono::sys_days;
  using std::chrono::year;
  EXPECT_EQ(filetime_to_utc(unix_epoch_filetime), utc_time{});
  EXPECT_EQ(filetime_to_utc(0), utc_time{sys_days{year{1601} / 1 / 1}});
  // typical.json's ClientLeaseExpires.
  EXPECT_EQ(filetime_to_utc(134410230000000000), utc_time{sys_days{year{2026} / 12 / 6} + 9h + 30min});
  EXPECT_EQ(filetime_to_utc(unix_epoch_filetime + 1), utc_time{filetime_duration{1}});
  EXPECT_TRUE(filetime_to_utc(max_filetime_with_time).has_value());
  EXPECT_EQ(filetime_to_utc(max_filetime_with_time + 1), std::nullopt);
  EXPECT_EQ(filetime_to_utc(UINT64_MAX), std::nullopt);
}

TEST(Filetime, FromUtcRoundTripsAndRefusesBefore1601) {
  for (std::uint64_t ft : {std::uint64_t{0}, std::uint64_t{1}, unix_epoch_filetime - 1, unix_epoch_filetime,
                           std::uint64_t{134410230000000000}, max_filetime_with_time}) {
    const std::optional<utc_time> t = filetime_to_utc(ft);
    ASSERT_TRUE(t.has_value()) << ft;
    EXPECT_EQ(utc_to_filetime(*t), ft);
  }
  const utc_time first = *filetime_to_utc(0);
  EXPECT_EQ(utc_to_filetime(first - filetime_duration{1}), std::nullopt);
  EXPECT_EQ(utc_to_filetime(utc_time{filetime_duration{std::numeric_limits<std::int64_t>::min()}}), std::nullopt);
  // The latest utc_time is beyond 2^63 ticks since 1601: a u64 FILETIME still holds it.
  const utc_time last{filetime_duration{std::numeric_limits<std::int64_t>::max()}};
  EXPECT_EQ(utc_to_filetime(last), static_cast<std::uint64_t>(INT64_MAX) + unix_epoch_filetime);
}

TEST(Filetime, Format) {
  EXPECT_EQ(format_filetime(0), "never");
  EXPECT_EQ(format_filetime(134410230000000000), "2026-12-06T09:30:00Z");
  EXPECT_EQ(format_filetime(134432352000000000), "2027-01-01T00:00:00Z");  // unicode.json ProbationEnds
  EXPECT_EQ(format_filetime(134410230000000001), "2026-12-06T09:30:00.0000001Z");
  EXPECT_EQ(format_filetime(134410230000012345), "2026-12-06T09:30:00.0012345Z");
  EXPECT_EQ(format_filetime(1), "1601-01-01T00:00:00.0000001Z");
  EXPECT_EQ(format_filetime(unix_epoch_filetime), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_filetime(unix_epoch_filetime - 1), "1969-12-31T23:59:59.9999999Z");
  // 2000-02-29 (a leap day in a century year): 946684800 s after 1970, +59 days.
  EXPECT_EQ(format_filetime(unix_epoch_filetime + (946684800ull + 59ull * 86400) * 10'000'000), "2000-02-29T00:00:00Z");
  EXPECT_EQ(format_filetime(max_filetime_with_time), "30828-09-14T02:48:05.4775807Z");
  EXPECT_EQ(format_filetime(max_filetime_with_time + 1), "0x8000000000000000 (out of range)");
  EXPECT_EQ(format_filetime(UINT64_MAX), "0xffffffffffffffff (out of range)");
}

TEST(ErrorCode, StableNames) {
  EXPECT_EQ(to_string(error_code::truncated), "truncated");
  EXPECT_EQ(to_string(error_code::conformance_mismatch), "conformance_mismatch");
  EXPECT_EQ(to_string(error_code::nonzero_string_offset), "nonzero_string_offset");
  EXPECT_EQ(to_string(error_code::actual_count_exceeds_max), "actual_count_exceeds_max");
  EXPECT_EQ(to_string(error_code::missing_terminator), "missing_terminator");
  EXPECT_EQ(to_string(error_code::count_exceeds_input), "count_exceeds_input");
  EXPECT_EQ(to_string(error_code::trailing_bytes), "trailing_bytes");
  EXPECT_EQ(to_string(error_code::null_with_nonzero_size), "null_with_nonzero_size");
  EXPECT_EQ(to_string(error_code::element_limit), "element_limit");
  EXPECT_EQ(to_string(error_code::string_limit), "string_limit");
  EXPECT_EQ(to_string(error_code::decoded_size_limit), "decoded_size_limit");
  EXPECT_EQ(to_string(error_code::value_out_of_range), "value_out_of_range");
  EXPECT_EQ(to_string(error_code::inconsistent_value), "inconsistent_value");
  EXPECT_EQ(to_string(error_code::invalid_json), "invalid_json");
  EXPECT_EQ(to_string(error_code::internal_error), "internal_error");
  EXPECT_EQ(to_string(static_cast<error_code>(0)), "unknown");
  EXPECT_EQ(to_string(static_cast<error_code>(99)), "unknown");
}

TEST(ErrorCode, FormatError) {
  EXPECT_EQ(format_error({error_code::truncated, 0x5d, "Clients[3].OwnerHost.HostName", "needs 4 more bytes"}),
            "truncated at offset 0x5d: Clients[3].OwnerHost.HostName: needs 4 more bytes");
  EXPECT_EQ(format_error({error_code::trailing_bytes, 0, "", "2 bytes after the value"}),
            "trailing_bytes at offset 0x0: (value): 2 bytes after the value");
  EXPECT_EQ(format_error({error_code::invalid_json, UINT64_MAX, "Flags", "m"}),
            "invalid_json at offset 0xffffffffffffffff: Flags: m");
}

TEST(Options, LayoutAndFramingNames) {
  for (layout l : {layout::ndr20, layout::ndr20be, layout::ndr64}) EXPECT_EQ(parse_layout(to_string(l)), l);
  for (framing f : {framing::bare, framing::ptr, framing::response}) EXPECT_EQ(parse_framing(to_string(f)), f);
  EXPECT_EQ(to_string(layout::ndr20), "ndr20");
  EXPECT_EQ(to_string(layout::ndr20be), "ndr20be");
  EXPECT_EQ(to_string(layout::ndr64), "ndr64");
  EXPECT_EQ(to_string(framing::bare), "bare");
  EXPECT_EQ(to_string(framing::ptr), "ptr");
  EXPECT_EQ(to_string(framing::response), "response");
  EXPECT_EQ(parse_layout("NDR20"), std::nullopt);
  EXPECT_EQ(parse_layout(""), std::nullopt);
  EXPECT_EQ(parse_layout("ndr20 "), std::nullopt);
  EXPECT_EQ(parse_framing("pointer"), std::nullopt);
}

}  // namespace
}  // namespace dhcpm
