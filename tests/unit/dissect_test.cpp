// Dissection (issue 7 part 1, STYLE.md habit 10): the regions tile the
// consumed bytes exactly once — sorted by offset, contiguous, never empty or
// overlapping, covering [0, consumed) — over every golden vector in every
// layout and framing, and over every truncation and single-bit flip of a few
// vectors, strictly and leniently. dissect runs the decoder's walkers, so it
// must also agree with decode: it stops exactly where and why decode fails,
// and a value it walks completely is one decode accepts. Values of regions are
// checked against the vectors' JSON.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/field_meaning.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"
#include "layout/record_layout.hpp"
#include "support/pickled.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

// The flat-part slot whose path is `path` (the layout table's index).
detail::record_field slot_named(std::string_view path) {
  for (std::size_t i = 0; i < detail::record_field_count; ++i) {
    if (detail::record_field_path(static_cast<detail::record_field>(i)) == path) return static_cast<detail::record_field>(i);
  }
  ADD_FAILURE() << "no slot " << path;
  return detail::record_field{};
}


const std::vector<std::string> all_kinds = {
    "ndr20",          "ndr20be",       "ndr64",        "ptr.ndr20",     "ptr.ndr64",
    "response.ndr20", "response.ndr64", "pickle.ndr20", "pickle.ndr20be", "pickle.ndr64",
    "pickle2.ndr20",  "foreign.ndr20", "foreign.ndr64", "foreign.pickle.ndr20be", "x64",
    "x86"};

// The layout and framing of a vector file kind (format_of knows no native kinds).
file_format format_of_any(std::string_view kind) {
  if (kind == "x64") return {layout::x64, framing::bare, true};
  if (kind == "x86") return {layout::x86, framing::bare, true};
  return format_of(kind);
}

// What a test dissects: the three arguments of dissect() kept together, so a
// test can change one and dissect again.
struct dissect_call {
  value_type type = value_type::client;
  wire_format format;
  decode_options options;
};
dissection dissect(byte_span input, const dissect_call& c) { return dhcpm::dissect(input, c.type, c.format, c.options); }
dissect_summary dissect(byte_span input, const dissect_call& c, const region_callback& on_region) {
  return dhcpm::dissect(input, c.type, c.format, c.options, on_region);
}

dissect_call request_for(const vector_file& f, bool strict = true) {
  const file_format format = format_of_any(f.kind);
  dissect_call r;
  r.format.wire = format.wire;
  r.format.frame = format.frame;
  r.type = f.type == value_kind::client ? value_type::client : value_type::array;
  r.options.strict = strict;
  return r;
}

// The bytes in an exact-size heap buffer, so ASan sees a read past the end.
struct exact_bytes {
  explicit exact_bytes(const std::vector<std::uint8_t>& from) : size(from.size()), data(new std::uint8_t[size + 1]) {
    std::copy(from.begin(), from.end(), data.get());
  }
  [[nodiscard]] byte_span span() const { return {data.get(), size}; }
  std::size_t size;
  std::unique_ptr<std::uint8_t[]> data;
};

std::string describe_region(const region& r) {
  return std::to_string(r.offset) + "+" + std::to_string(r.length) + " " + std::string(to_string(r.kind)) + " " +
         r.path;
}

// The tiling property: sorted, contiguous from 0, no empty region, ending at
// `consumed`, which lies inside the input.
testing::AssertionResult tiles(const dissection& d, std::size_t input_size) {
  std::size_t end = 0;
  for (const region& r : d.regions) {
    if (r.length == 0) return testing::AssertionFailure() << "empty region " << describe_region(r);
    if (r.offset != end) {
      return testing::AssertionFailure() << "region " << describe_region(r) << " does not start at " << end;
    }
    end = r.offset + r.length;
  }
  if (end != d.consumed) return testing::AssertionFailure() << "regions end at " << end << ", consumed " << d.consumed;
  if (d.consumed > input_size) {
    return testing::AssertionFailure() << "consumed " << d.consumed << " of an input of " << input_size;
  }
  return testing::AssertionSuccess();
}

const region* find_region(const dissection& d, std::string_view path, std::optional<region_kind> kind = {}) {
  for (const region& r : d.regions) {
    if (r.path == path && (!kind || r.kind == *kind)) return &r;
  }
  return nullptr;
}
const region* find_region(const dissection&& d, std::string_view path, std::optional<region_kind> kind = {}) = delete;

// decode's verdict on the same input: its error, or its warnings.
struct decode_verdict {
  std::optional<error> failure;
  std::vector<error> warnings;
};

template <class R>
decode_verdict verdict_of(R&& r) {
  if (!r) return {r.error_value(), {}};
  return {std::nullopt, r->warnings};
}

decode_verdict decode_verdict_of(const vector_file& f, byte_span input, const decode_options& options) {
  const file_format format = format_of_any(f.kind);
  const bool client = f.type == value_kind::client;
  if (is_native(format.wire)) {
    const struct {
      byte_span bytes;
      std::uint64_t base;
    } image{input, default_image_base};
    return client ? verdict_of(decode<client_info>(image.bytes, wire_format{.wire = format.wire, .base = image.base, .at = default_image_base}, options))
                  : verdict_of(decode<client_info_array>(image.bytes, wire_format{.wire = format.wire, .base = image.base, .at = default_image_base}, options));
  }
  if (is_pickle(format.wire)) {  // dissect walks every value of a pickled buffer, like decode's --all
    const std::optional<pickle_kind> kind = pickle_kind_of(format.wire);
    return client ? verdict_of(decode_pickled_clients(input, kind, options))
                  : verdict_of(decode_pickled_arrays(input, kind, options));
  }
  decode_outcome outcome = decode_as(f.type, format.frame, format.wire, input, options);
  if (!outcome.ok()) return {outcome.failure, {}};
  return {std::nullopt, std::move(outcome.warnings)};
}

std::string param_name(const testing::TestParamInfo<vector_file>& info) {
  return test_name(info.param.vector + "_" + info.param.kind);
}

// --- every vector file ------------------------------------------------------------

class DissectVector : public testing::TestWithParam<vector_file> {};

TEST_P(DissectVector, RegionsTileTheWholeInput) {
  const vector_file& f = GetParam();
  const exact_bytes input(read_vector_file(f));
  for (const bool strict : {true, false}) {
    const dissection d = dissect(input.span(), request_for(f, strict));
    EXPECT_FALSE(d.stopped) << (strict ? "strict: " : "lenient: ") << describe(*d.stopped);
    EXPECT_TRUE(d.warnings.empty()) << describe(d.warnings);
    EXPECT_EQ(d.consumed, input.size);
    EXPECT_TRUE(tiles(d, input.size));
    EXPECT_EQ(d.wire, format_of_any(f.kind).wire);
  }
}

TEST_P(DissectVector, StreamingGivesTheSameRegions) {
  const vector_file& f = GetParam();
  const exact_bytes input(read_vector_file(f));
  const dissection whole = dissect(input.span(), request_for(f));
  std::vector<region> streamed;
  const dissect_summary summary =
      dissect(input.span(), request_for(f), [&streamed](const region& r) { streamed.push_back(r); });
  EXPECT_EQ(streamed, whole.regions);
  EXPECT_EQ(summary.consumed, whole.consumed);
  EXPECT_EQ(summary.stopped, whole.stopped);
}

TEST_P(DissectVector, EveryByteHasAKindAndEveryFieldAValue) {
  const vector_file& f = GetParam();
  const exact_bytes input(read_vector_file(f));
  const dissection d = dissect(input.span(), request_for(f));
  for (const region& r : d.regions) {
    switch (r.kind) {
      case region_kind::field:
      case region_kind::referent_id:
      case region_kind::pointer:
      case region_kind::max_count:
      case region_kind::string_offset:
      case region_kind::actual_count:
      case region_kind::string_units:
      case region_kind::data_bytes:
      case region_kind::return_value:
        EXPECT_FALSE(r.value.empty()) << describe_region(r);
        EXPECT_FALSE(r.path.empty() && r.kind != region_kind::referent_id) << describe_region(r);
        break;
      case region_kind::header:
        EXPECT_TRUE(is_pickle(d.wire)) << describe_region(r);
        break;
      case region_kind::unreferenced:
        EXPECT_TRUE(is_native(d.wire)) << describe_region(r);
        break;
      case region_kind::trailing:
        ADD_FAILURE() << "a golden vector has no trailing bytes: " << describe_region(r);
        break;
      case region_kind::padding:
        break;
    }
  }
}

// The typed parts of a region (schema field, element, pickled value, stub
// parameter, number) say what its path and bytes say: the path is text
// rendered from them, never the other way round.
std::string path_of_typed_parts(const region& r) {
  std::string out;
  if (r.value_index != 0) out.append("[").append(std::to_string(r.value_index)).append("]");
  const auto part = [&out](std::string_view text) {
    if (text.empty()) return;
    if (!out.empty()) out += '.';
    out += text;
  };
  part(r.parameter);
  if (r.element >= 0) part(std::string("Clients[").append(std::to_string(r.element)).append("]"));
  if (r.field < 0) return out;
  if (r.table == value_type::array) {
    part(field_table<client_info_array>[static_cast<std::size_t>(r.field)].path);
    return out;
  }
  const field_info& info = field_table<client_info>[static_cast<std::size_t>(r.field)];
  std::string leaf(info.path);
  if (info.kind == field_kind::binary_data) leaf += r.kind == region_kind::field ? ".DataLength" : ".Data";
  part(leaf);
  return out;
}

std::uint64_t number_in(byte_span input, const region& r, bool big, bool filetime) {
  const auto load = [&](std::size_t at, std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t byte = input[r.offset + at + i];
      v |= big ? byte << (8 * (n - 1 - i)) : byte << (8 * i);
    }
    return v;
  };
  if (filetime) return load(4, 4) << 32 | load(0, 4);  // dwLowDateTime, then dwHighDateTime
  return load(0, r.length);
}

TEST_P(DissectVector, TheTypedPartsOfEveryRegionSayWhatItsTextSays) {
  const vector_file& f = GetParam();
  const exact_bytes input(read_vector_file(f));
  const dissection d = dissect(input.span(), request_for(f));
  const bool big = f.kind.find("ndr20be") != std::string::npos;
  std::size_t fields = 0;
  for (const region& r : d.regions) {
    if (r.kind == region_kind::header) continue;  // a header's path names the header's own member
    EXPECT_EQ(r.path, path_of_typed_parts(r)) << describe_region(r);
    switch (r.kind) {
      case region_kind::field:
      case region_kind::referent_id:
      case region_kind::pointer:
      case region_kind::max_count:
      case region_kind::string_offset:
      case region_kind::actual_count:
      case region_kind::return_value: {
        const bool filetime = r.table == value_type::client && r.field >= 0 &&
                              field_table<client_info>[static_cast<std::size_t>(r.field)].kind == field_kind::filetime;
        EXPECT_EQ(r.number, number_in(input.span(), r, big, filetime)) << describe_region(r);
        fields += r.kind == region_kind::field ? 1 : 0;
        break;
      }
      default: EXPECT_EQ(r.number, 0u) << describe_region(r); break;
    }
    EXPECT_EQ(r.parameter.empty(), f.kind.find("response") == std::string::npos) << describe_region(r);
  }
  EXPECT_GT(fields, 0u);
}

TEST_P(DissectVector, PickledInputIsDetected) {
  const vector_file& f = GetParam();
  const exact_bytes input(read_vector_file(f));
  const layout wire = format_of_any(f.kind).wire;
  const std::optional<layout> detected = detect_layout(input.span());
  if (!is_pickle(wire)) {
    // Bare NDR and images have no signature, whatever their first bytes.
    if (detected) {
      EXPECT_EQ(*detected, layout::pickle) << "only pickled input is ever detected";
    }
    return;
  }
  ASSERT_EQ(detected, layout::pickle);
  dissect_call automatic = request_for(f);
  automatic.format.wire = *detected;  // layout::pickle: the header names the kind
  const dissection by_detection = dissect(input.span(), automatic);
  const dissection by_name = dissect(input.span(), request_for(f));
  EXPECT_EQ(by_detection.wire, wire);
  EXPECT_EQ(by_detection.regions, by_name.regions);
  EXPECT_FALSE(by_detection.stopped);
}

INSTANTIATE_TEST_SUITE_P(Files, DissectVector, testing::ValuesIn(vector_files(all_kinds)), param_name);

TEST(DissectVectors, EveryKindIsCovered) { EXPECT_GE(vector_files(all_kinds).size(), 120u); }

// --- the sweep: truncations and bit flips -----------------------------------------

const std::vector<std::string> sweep_vectors = {"typical", "array-with-null", "unicode"};

std::vector<vector_file> sweep_files() {
  std::vector<vector_file> out;
  for (const vector_file& f : vector_files(all_kinds)) {
    if (std::find(sweep_vectors.begin(), sweep_vectors.end(), f.vector) != sweep_vectors.end()) out.push_back(f);
  }
  return out;
}

// One mutated input, both modes: the regions tile; a walk that did not stop
// consumed everything; dissect stops exactly where and why decode fails.
void check_mutant(const vector_file& f, const std::vector<std::uint8_t>& bytes, const std::string& what) {
  const exact_bytes input(bytes);
  for (const bool strict : {true, false}) {
    const dissect_call request = request_for(f, strict);
    const dissection d = dissect(input.span(), request);
    const std::string context = f.file_name() + " " + what + (strict ? " strict" : " lenient");
    ASSERT_TRUE(tiles(d, input.size)) << context;
    if (!d.stopped) {
      EXPECT_EQ(d.consumed, input.size) << context;
    }
    if (d.stopped) {
      ASSERT_NE(d.stopped->code, error_code::internal_error) << context << ": " << describe(*d.stopped);
    }
    if (is_native(request.format.wire)) {
      EXPECT_EQ(d.consumed, input.size) << context << ": an image is tiled whole";
    }
    const decode_verdict decoded = decode_verdict_of(f, input.span(), request.options);
    ASSERT_EQ(d.stopped.has_value(), decoded.failure.has_value())
        << context << ": dissect " << (d.stopped ? describe(*d.stopped) : "complete") << ", decode "
        << (decoded.failure ? describe(*decoded.failure) : "ok");
    if (decoded.failure) {
      EXPECT_EQ(*d.stopped, *decoded.failure) << context;
    }
    if (!decoded.failure) {  // a failed decode returns its error alone
      EXPECT_EQ(d.warnings, decoded.warnings) << context;
    }
  }
}

class DissectSweep : public testing::TestWithParam<vector_file> {};

TEST_P(DissectSweep, EveryTruncationTilesAndAgreesWithDecode) {
  const vector_file& f = GetParam();
  const std::vector<std::uint8_t> whole = read_vector_file(f);
  for (std::size_t n = 0; n < whole.size(); ++n) {
    check_mutant(f, std::vector<std::uint8_t>(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n)),
                 "cut to " + std::to_string(n));
    if (HasFatalFailure()) return;
  }
}

TEST_P(DissectSweep, EveryBitFlipTilesAndAgreesWithDecode) {
  const vector_file& f = GetParam();
  const std::vector<std::uint8_t> whole = read_vector_file(f);
  for (std::size_t bit = 0; bit < whole.size() * 8; ++bit) {
    std::vector<std::uint8_t> flipped = whole;
    flipped[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    check_mutant(f, flipped, "bit " + std::to_string(bit) + " flipped");
    if (HasFatalFailure()) return;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, DissectSweep, testing::ValuesIn(sweep_files()), param_name);

// --- values against the JSON --------------------------------------------------------

std::string quoted(const utf16_string& s) { return "\"" + s.to_utf8().value() + "\""; }

std::string ipv4(std::uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 0xFF) + "." + std::to_string((a >> 8) & 0xFF) +
         "." + std::to_string(a & 0xFF);
}

std::string hex_of(std::span<const std::uint8_t> bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const std::uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  return out;
}

// The regions of one record at `prefix` ("", "ClientInfo." or "Clients[2].")
// carry the values of `expected`.
void expect_record_values(const dissection& d, const client_info& expected, const std::string& prefix,
                          const std::string& context) {
  const auto value_at = [&](const std::string& path, region_kind kind) -> std::string {
    const region* r = find_region(d, prefix + path, kind);
    return r == nullptr ? "<no region " + prefix + path + ">" : r->value;
  };
  EXPECT_EQ(value_at("ClientIpAddress", region_kind::field), ipv4(expected.client_ip_address)) << context;
  EXPECT_EQ(value_at("SubnetMask", region_kind::field), ipv4(expected.subnet_mask)) << context;
  EXPECT_EQ(value_at("OwnerHost.IpAddress", region_kind::field), ipv4(expected.owner_host.ip_address)) << context;
  EXPECT_EQ(value_at("ClientHardwareAddress.DataLength", region_kind::field),
            std::to_string(expected.client_hardware_address.data_length))
      << context;
  EXPECT_EQ(value_at("ClientLeaseExpires", region_kind::field), format_filetime(expected.client_lease_expires))
      << context;
  EXPECT_EQ(value_at("ProbationEnds", region_kind::field), format_filetime(expected.probation_ends)) << context;
  EXPECT_EQ(value_at("bClientType", region_kind::field),
            std::to_string(expected.client_type) + " (" + client_type_name(expected.client_type) + ")")
      << context;
  EXPECT_TRUE(value_at("Status", region_kind::field).starts_with(std::to_string(expected.status) + " ("))
      << context;
  EXPECT_TRUE(value_at("AddressState", region_kind::field)
                  .starts_with(std::to_string(expected.address_state) + " (" +
                               std::string(address_state_name(split_address_state(expected.address_state).state))))
      << context;
  EXPECT_EQ(value_at("StartTime", region_kind::field), std::to_string(expected.start_time)) << context;
  const auto& data = expected.client_hardware_address.data;
  if (data && !data->empty()) {
    EXPECT_EQ(value_at("ClientHardwareAddress.Data", region_kind::data_bytes), hex_of(*data)) << context;
  }
  const auto expect_string = [&](const std::string& path, const utf16_string& s) {
    if (s.is_null()) {
      EXPECT_EQ(find_region(d, prefix + path, region_kind::string_units), nullptr) << context << " " << path;
    } else if (s.is_valid_utf16() && s.units().find(u'\0') == std::u16string_view::npos) {
      EXPECT_EQ(value_at(path, region_kind::string_units), quoted(s)) << context << " " << path;
    }
  };
  expect_string("ClientName", expected.client_name);
  expect_string("ClientComment", expected.client_comment);
  expect_string("OwnerHost.NetBiosName", expected.owner_host.net_bios_name);
  expect_string("OwnerHost.HostName", expected.owner_host.host_name);
  expect_string("PolicyName", expected.policy_name);
}

TEST(DissectValues, EveryClientFileShowsTheValuesOfItsJson) {
  for (const vector_file& f : vector_files(all_kinds)) {
    if (f.type != value_kind::client) continue;
    const exact_bytes input(read_vector_file(f));
    const dissection d = dissect(input.span(), request_for(f));
    const std::string prefix = format_of_any(f.kind).frame == framing::response ? "ClientInfo." : "";
    expect_record_values(d, load_client(f.vector), prefix, f.file_name());
  }
}

TEST(DissectValues, EveryArrayFileShowsTheValuesOfItsJson) {
  for (const vector_file& f : vector_files(all_kinds)) {
    if (f.type != value_kind::array) continue;
    const exact_bytes input(read_vector_file(f));
    const dissection d = dissect(input.span(), request_for(f));
    const client_info_array expected = load_array(f.vector);
    const region* num = find_region(d, "NumElements", region_kind::field);
    ASSERT_NE(num, nullptr) << f.file_name();
    EXPECT_EQ(num->value, std::to_string(expected.num_elements)) << f.file_name();
    if (!expected.clients) continue;
    for (std::size_t i = 0; i < expected.clients->size(); ++i) {
      const std::string element = "Clients[" + std::to_string(i) + "]";
      const region* slot = find_region(d, element);
      ASSERT_NE(slot, nullptr) << f.file_name() << " " << element;
      const client_info* record = (*expected.clients)[i];
      EXPECT_EQ(slot->value == "NULL", record == nullptr) << f.file_name() << " " << element;
      if (record != nullptr) expect_record_values(d, *record, element + ".", f.file_name());
    }
  }
}

TEST(DissectValues, ReferentIdsCountersAndHeadersReadAsNumbers) {
  const exact_bytes input(read_bytes("typical.pickle.ndr20.bin"));
  dissect_call request;
  request.format.wire = layout::pickle_ndr20;
  const dissection d = dissect(input.span(), request);
  ASSERT_NE(find_region(d, "CommonHeader.Version"), nullptr);
  EXPECT_EQ(find_region(d, "CommonHeader.Version")->value, "1");
  EXPECT_EQ(find_region(d, "CommonHeader.Endianness")->value, "0x10 (little-endian)");
  EXPECT_EQ(find_region(d, "CommonHeader.CommonHeaderLength")->value, "8");
  EXPECT_EQ(find_region(d, "PrivateHeader.ObjectBufferLength")->value, std::to_string(input.size - 16));
  EXPECT_EQ(find_region(d, "ClientHardwareAddress.Data", region_kind::referent_id)->value, "0x00020000");
  EXPECT_EQ(find_region(d, "ClientName", region_kind::actual_count)->value,
            std::to_string(load_client("typical").client_name.size() + 1));
  EXPECT_EQ(find_region(d, "ClientName", region_kind::string_offset)->value, "0");
}

TEST(DissectValues, TheResponseReturnValueAndTheTopPointer) {
  const exact_bytes input(read_bytes("typical.response.ndr20.bin"));
  dissect_call request;
  request.format.wire = layout::ndr20;
  request.format.frame = framing::response;
  const dissection d = dissect(input.span(), request);
  ASSERT_FALSE(d.stopped);
  EXPECT_EQ(d.regions.front().kind, region_kind::referent_id);
  EXPECT_EQ(d.regions.front().path, "ClientInfo");
  EXPECT_EQ(d.regions.back().kind, region_kind::return_value);
  EXPECT_EQ(d.regions.back().path, "ReturnValue");
  EXPECT_EQ(d.regions.back().value, "0");
}

// --- lenient and strict on broken input ---------------------------------------------

TEST(DissectValues, RegionsNameTheirSchemaFieldElementAndNumber) {
  const exact_bytes input(read_bytes("array-3.ndr20.bin"));
  dissect_call request;
  request.format.wire = layout::ndr20;
  request.type = value_type::array;
  const dissection d = dissect(input.span(), request);
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  const region* count = find_region(d, "NumElements");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->table, value_type::array);
  EXPECT_EQ(field_table<client_info_array>[static_cast<std::size_t>(count->field)].path, "NumElements");
  EXPECT_EQ(count->number, 3u);
  const region* host = find_region(d, "Clients[2].OwnerHost.HostName", region_kind::string_units);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->table, value_type::client);
  EXPECT_EQ(field_table<client_info>[static_cast<std::size_t>(host->field)].path, "OwnerHost.HostName");
  EXPECT_EQ(host->element, 2);
  const region* element = find_region(d, "Clients[2]", region_kind::referent_id);
  ASSERT_NE(element, nullptr);
  EXPECT_EQ(element->field, -1) << "an element's referent id is no field's";
  EXPECT_EQ(element->element, 2);
  const region* lease = find_region(d, "Clients[0].ClientLeaseExpires");
  ASSERT_NE(lease, nullptr);
  EXPECT_EQ(lease->length, 8u);
  EXPECT_EQ(field_table<client_info>[static_cast<std::size_t>(lease->field)].kind, field_kind::filetime);
}

TEST(DissectBroken, TrailingBytesAreARegionWhenLenientAndTheStopWhenStrict) {
  std::vector<std::uint8_t> bytes = read_bytes("typical.ndr20.bin");
  const std::size_t value_size = bytes.size();
  bytes.insert(bytes.end(), {0xde, 0xad, 0xbe});
  const exact_bytes input(bytes);
  dissect_call request;
  request.format.wire = layout::ndr20;
  request.options.strict = false;
  const dissection lenient = dissect(input.span(), request);
  EXPECT_FALSE(lenient.stopped);
  ASSERT_EQ(lenient.warnings.size(), 1u);
  EXPECT_EQ(lenient.warnings[0].code, error_code::trailing_bytes);
  EXPECT_EQ(lenient.consumed, input.size);
  EXPECT_EQ(lenient.regions.back().kind, region_kind::trailing);
  EXPECT_EQ(lenient.regions.back().offset, value_size);
  EXPECT_TRUE(tiles(lenient, input.size));

  request.options.strict = true;
  const dissection strict = dissect(input.span(), request);
  ASSERT_TRUE(strict.stopped);
  EXPECT_EQ(strict.stopped->code, error_code::trailing_bytes);
  EXPECT_EQ(strict.consumed, value_size);
  EXPECT_TRUE(tiles(strict, input.size));
}

TEST(DissectBroken, ATruncatedRecordShowsWhatParsedAndWhereItStopped) {
  const std::vector<std::uint8_t> whole = read_bytes("array-3.ndr20.bin");
  const exact_bytes input(std::vector<std::uint8_t>(whole.begin(), whole.begin() + 200));
  dissect_call request;
  request.format.wire = layout::ndr20;
  request.type = value_type::array;
  for (const bool strict : {true, false}) {
    request.options.strict = strict;
    const dissection d = dissect(input.span(), request);
    ASSERT_TRUE(d.stopped);
    EXPECT_EQ(d.stopped->code, error_code::count_exceeds_input);  // a string longer than what is left
    EXPECT_TRUE(d.stopped->path.starts_with("Clients[")) << d.stopped->path;
    EXPECT_TRUE(tiles(d, input.size));
    EXPECT_GT(d.consumed, 16u);
    EXPECT_NE(find_region(d, "Clients[0]"), nullptr);
  }
}

TEST(DissectBroken, TheFieldsOfACutRecordThatDidArriveAreShown) {
  // Cut between the two DWORDs of ClientLeaseExpires: the low half is a
  // region of its own, the high half is where the walk stopped.
  const std::vector<std::uint8_t> whole = read_bytes("typical.ndr20.bin");
  const exact_bytes input(std::vector<std::uint8_t>(whole.begin(), whole.begin() + 30));
  dissect_call request;
  request.format.wire = layout::ndr20;
  const dissection d = dissect(input.span(), request);
  ASSERT_TRUE(d.stopped);
  EXPECT_EQ(d.stopped->code, error_code::truncated);
  EXPECT_EQ(d.stopped->path, "ClientLeaseExpires.dwHighDateTime");
  EXPECT_TRUE(tiles(d, input.size));
  EXPECT_EQ(d.consumed, 28u);
  ASSERT_FALSE(d.regions.empty());
  EXPECT_EQ(d.regions.back().path, "ClientLeaseExpires.dwLowDateTime");
  EXPECT_EQ(d.regions.back().length, 4u);
  EXPECT_EQ(find_region(d, "ClientComment")->value, "0x00020008");
}

TEST(DissectBroken, LenientDissectionGoesOnPastForgivableProblems) {
  // A non-zero string offset: an error when strict, a warning when lenient.
  std::vector<std::uint8_t> bytes = read_bytes("typical.ndr20.bin");
  exact_bytes probe(bytes);
  dissect_call request;
  request.format.wire = layout::ndr20;
  const dissection before = dissect(probe.span(), request);
  const region* offset = find_region(before, "ClientName", region_kind::string_offset);
  ASSERT_NE(offset, nullptr);
  bytes[offset->offset] = 1;
  const exact_bytes input(bytes);
  const dissection strict = dissect(input.span(), request);
  ASSERT_TRUE(strict.stopped);
  EXPECT_EQ(strict.stopped->code, error_code::nonzero_string_offset);
  EXPECT_TRUE(tiles(strict, input.size));
  request.options.strict = false;
  const dissection lenient = dissect(input.span(), request);
  EXPECT_FALSE(lenient.stopped);
  ASSERT_EQ(lenient.warnings.size(), 1u);
  EXPECT_EQ(lenient.warnings[0].code, error_code::nonzero_string_offset);
  EXPECT_EQ(lenient.consumed, input.size);
  EXPECT_EQ(find_region(lenient, "ClientName", region_kind::string_offset)->value, "1");
}

// --- native images --------------------------------------------------------------------

TEST(DissectNative, APointeeSharedByTwoPointersIsShownOnceAndGapsAreUnreferenced) {
  // HostName pointed at NetBiosName's string: HostName's own string is then
  // reached by no pointer.
  std::vector<std::uint8_t> bytes = read_bytes("typical.x64.bin");
  const std::size_t net_bios = detail::x64_record_layout[slot_named("OwnerHost.NetBiosName")].offset;
  const std::size_t host = detail::x64_record_layout[slot_named("OwnerHost.HostName")].offset;
  std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(net_bios), 8,
              bytes.begin() + static_cast<std::ptrdiff_t>(host));
  const exact_bytes input(bytes);
  dissect_call request;
  request.format.wire = layout::x64;
  const dissection d = dissect(input.span(), request);
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  EXPECT_TRUE(tiles(d, input.size));
  EXPECT_EQ(d.consumed, input.size);
  EXPECT_NE(find_region(d, "OwnerHost.NetBiosName", region_kind::string_units), nullptr);
  EXPECT_EQ(find_region(d, "OwnerHost.HostName", region_kind::string_units), nullptr);
  EXPECT_EQ(find_region(d, "OwnerHost.HostName", region_kind::pointer)->value,
            find_region(d, "OwnerHost.NetBiosName", region_kind::pointer)->value);
  const bool has_gap = std::any_of(d.regions.begin(), d.regions.end(),
                                   [](const region& r) { return r.kind == region_kind::unreferenced; });
  EXPECT_TRUE(has_gap);
}

TEST(DissectNative, AValueAwayFromTheBaseLeavesTheBytesBeforeItUnreferenced) {
  std::vector<std::uint8_t> bytes(64, 0xEE);
  const auto encoded = encode(load_client("minimal"), wire_format{.wire = layout::x86, .base = default_image_base + 64});
  ASSERT_TRUE(encoded);
  bytes.insert(bytes.end(), encoded->begin(), encoded->end());
  const exact_bytes input(bytes);
  dissect_call request;
  request.format.wire = layout::x86;
  request.format.at = default_image_base + 64;
  const dissection d = dissect(input.span(), request);
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  EXPECT_TRUE(tiles(d, input.size));
  ASSERT_FALSE(d.regions.empty());
  EXPECT_EQ(d.regions.front().kind, region_kind::unreferenced);
  EXPECT_EQ(d.regions.front().length, 64u);
  EXPECT_EQ(d.regions[1].path, "ClientIpAddress");
}

TEST(DissectNative, APointerOutOfTheImageStopsTheWalkButTheImageIsStillTiled) {
  std::vector<std::uint8_t> bytes = read_bytes("typical.x86.bin");
  bytes[detail::x86_record_layout[slot_named("ClientName")].offset + 3] = 0x7F;  // far above the image
  const exact_bytes input(bytes);
  dissect_call request;
  request.format.wire = layout::x86;
  const dissection d = dissect(input.span(), request);
  ASSERT_TRUE(d.stopped);
  EXPECT_EQ(d.stopped->code, error_code::pointer_out_of_image);
  EXPECT_EQ(d.stopped->path, "ClientName");
  EXPECT_TRUE(tiles(d, input.size));
  EXPECT_EQ(d.consumed, input.size);
}

// --- pickled buffers, requests, names --------------------------------------------------

TEST(DissectPickle, EveryValueOfABufferIsShownTheLaterOnesPrefixed) {
  const std::vector<client_info> values{load_client("typical"), load_client("minimal"), load_client("unicode")};
  const auto encoded = encode_pickled(std::span<const client_info>(values), pickle_kind::v2_ndr64);
  ASSERT_TRUE(encoded);
  const exact_bytes input(*encoded);
  const dissection d = dissect(input.span(), value_type::client, wire_format{.wire = layout::pickle});
  ASSERT_FALSE(d.stopped) << describe(*d.stopped);
  EXPECT_EQ(d.wire, layout::pickle_ndr64);
  EXPECT_TRUE(tiles(d, input.size));
  EXPECT_EQ(d.consumed, input.size);
  EXPECT_NE(find_region(d, "ClientIpAddress"), nullptr);
  EXPECT_NE(find_region(d, "[1].PrivateHeader.ObjectBufferLength"), nullptr);
  EXPECT_NE(find_region(d, "[2].ClientName", region_kind::string_units), nullptr);
  EXPECT_EQ(find_region(d, "[3].ClientIpAddress"), nullptr);
}

TEST(DissectRequest, UndetectableInputAndImpossibleFramingsAreRefused) {
  const exact_bytes ndr(read_bytes("typical.ndr20.bin"));
  EXPECT_FALSE(detect_layout(ndr.span())) << "bare NDR has no signature";
  // Named as type serialization, it stops at the common header's first check.
  const dissection not_pickled = dissect(ndr.span(), value_type::client, wire_format{.wire = layout::pickle});
  ASSERT_TRUE(not_pickled.stopped);
  EXPECT_EQ(not_pickled.stopped->code, error_code::invalid_header);
  EXPECT_EQ(not_pickled.stopped->offset, 0u);

  dissect_call ptr_image;
  ptr_image.format.wire = layout::x64;
  ptr_image.format.frame = framing::ptr;
  const dissection refused = dissect(ndr.span(), ptr_image);
  ASSERT_TRUE(refused.stopped);
  EXPECT_EQ(refused.stopped->code, error_code::unsupported);
  EXPECT_TRUE(refused.regions.empty());

  dissect_call array_response;
  array_response.format.wire = layout::ndr20;
  array_response.type = value_type::array;
  array_response.format.frame = framing::response;
  EXPECT_EQ(dissect(ndr.span(), array_response).stopped->code, error_code::unsupported);
}

TEST(DissectRequest, EmptyInputStopsAtOffsetZeroWithNoRegions) {
  for (const layout wire : all_layouts) {
    dissect_call request;
    request.format.wire = wire;
    const dissection d = dissect(byte_span{}, request);
    ASSERT_TRUE(d.stopped) << to_string(wire);
    EXPECT_EQ(d.stopped->offset, 0u) << to_string(wire);
    EXPECT_TRUE(d.regions.empty()) << to_string(wire);
  }
}

TEST(DissectNames, EveryRegionKindHasItsOwnName) {
  std::set<std::string_view> names;
  for (int k = 0; k <= static_cast<int>(region_kind::trailing); ++k) {
    const std::string_view name = to_string(static_cast<region_kind>(k));
    EXPECT_NE(name, "unknown");
    names.insert(name);
  }
  EXPECT_EQ(names.size(), static_cast<std::size_t>(region_kind::trailing) + 1);
}

}  // namespace
}  // namespace dhcpm::test
