// DHCPV4_FAILOVER_CLIENT_INFO_EX, the second record type: the failover
// record's members and DWORD AddressStateEx, in native x64/x86 memory only.
// Its images are derived here from the golden images of the plain record
// (the same members at the same offsets, AddressStateEx after Flags, the
// referents moved by the growth of the struct), so the _EX is checked against
// bytes dhcpm did not write for it. Then: NDR refused, hostile images, JSON
// with AddressStateEx last, dissect regions, and conversion to and from the
// plain record.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/dissect.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/record_convert.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

constexpr std::uint64_t base = 0x10000;  // every x64/x86 golden image's base
constexpr std::uint32_t state_ex = 0xA1B2C3D4;

bool is_x64(layout wire) { return wire == layout::x64; }

std::uint64_t load_le(const std::vector<std::uint8_t>& b, std::size_t at, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v |= std::uint64_t{b[at + i]} << (8 * i);
  return v;
}
void store_le(std::vector<std::uint8_t>& b, std::size_t at, std::size_t n, std::uint64_t v) {
  for (std::size_t i = 0; i < n; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// The _EX image of a plain golden image: the struct grows from the plain
// size to the _EX size (x86: 100 -> 104; x64: 136 -> 136, AddressStateEx
// taking the trailing pad), so every non-NULL pointer moves by the growth.
std::vector<std::uint8_t> ex_image_of(const std::vector<std::uint8_t>& plain, layout wire, std::uint32_t ex_value) {
  const std::size_t plain_size = is_x64(wire) ? record_schema<client_info>::x64_size : record_schema<client_info>::x86_size;
  const std::size_t ex_size = is_x64(wire) ? record_schema<client_info_ex>::x64_size : record_schema<client_info_ex>::x86_size;
  const std::size_t growth = ex_size - plain_size;
  const std::size_t pointer = is_x64(wire) ? 8 : 4;
  std::vector<std::uint8_t> out(plain.begin(), plain.begin() + static_cast<std::ptrdiff_t>(plain_size));
  for (const field_info& f : field_table<client_info>) {
    std::size_t at = is_x64(wire) ? f.x64 : f.x86;
    if (f.kind == field_kind::binary_data) at += pointer;  // the Data pointer after DataLength
    if (f.kind != field_kind::binary_data && f.kind != field_kind::lpwstr) continue;
    const std::uint64_t address = load_le(out, at, pointer);
    if (address != 0) store_le(out, at, pointer, address + growth);
  }
  out.resize(ex_size, 0);
  const field_info& ex_field = field_table<client_info_ex>.back();
  store_le(out, is_x64(wire) ? ex_field.x64 : ex_field.x86, 4, ex_value);
  out.insert(out.end(), plain.begin() + static_cast<std::ptrdiff_t>(plain_size), plain.end());
  return out;
}

std::vector<vector_file> client_images() {
  std::vector<vector_file> out;
  for (const vector_file& f : vector_files({"x64", "x86"})) {
    if (f.type == value_kind::client) out.push_back(f);
  }
  return out;
}

class ExImage : public ::testing::TestWithParam<vector_file> {};

TEST(ExSchema, IsTheFailoverRecordThenAddressStateEx) {
  const auto& plain = field_table<client_info>;
  const auto& ex = field_table<client_info_ex>;
  ASSERT_EQ(ex.size(), plain.size() + 1);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    EXPECT_EQ(ex[i].path, plain[i].path);
    EXPECT_EQ(ex[i].x64, plain[i].x64);
    EXPECT_EQ(ex[i].x86, plain[i].x86);
  }
  EXPECT_EQ(ex.back().path, "AddressStateEx");
  EXPECT_EQ(ex.back().x64, 132);
  EXPECT_EQ(ex.back().x86, 100);
  EXPECT_EQ(record_schema<client_info_ex>::x64_size, 136);
  EXPECT_EQ(record_schema<client_info_ex>::x86_size, 104);
}

TEST_P(ExImage, EncodesToTheImageDerivedFromThePlainVectorAndDecodesBack) {
  const vector_file& f = GetParam();
  const layout wire = f.kind == "x64" ? layout::x64 : layout::x86;
  const client_info_ex value{load_client(f.vector), state_ex};
  const std::vector<std::uint8_t> expected = ex_image_of(read_vector_file(f), wire, state_ex);

  const result<bytes> encoded = encode(value, wire_format{.wire = wire, .base = base});
  ASSERT_TRUE(encoded) << encoded.error_value().message;
  EXPECT_EQ(*encoded, expected);

  const result<decoded<client_info_ex>> back = decode<client_info_ex>(expected, wire);
  ASSERT_TRUE(back) << back.error_value().path << ": " << back.error_value().message;
  EXPECT_EQ(back->value, value);
  EXPECT_TRUE(back->warnings.empty());
  EXPECT_TRUE(validate(expected, value_type::client_ex, wire_format{.wire = wire}));
}

INSTANTIATE_TEST_SUITE_P(ClientVectors, ExImage, ::testing::ValuesIn(client_images()),
                         [](const auto& test) {
                           std::string name = test.param.vector + "_" + test.param.kind;
                           for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(ExFormats, NoNdrLayoutFramingOrPickleCarriesIt) {
  const client_info_ex value{};
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64, layout::pickle_ndr20}) {
    const result<bytes> encoded = encode(value, wire);
    ASSERT_FALSE(encoded) << to_string(wire);
    EXPECT_EQ(encoded.error_value().code, error_code::unsupported);
    EXPECT_NE(encoded.error_value().message.find("DHCPV4_FAILOVER_CLIENT_INFO_EX exists only in x64/x86"),
              std::string::npos)
        << encoded.error_value().message;
    const std::vector<std::uint8_t> some(64, 0);
    const result<decoded<client_info_ex>> decoded_value = decode<client_info_ex>(some, wire);
    ASSERT_FALSE(decoded_value);
    EXPECT_EQ(decoded_value.error_value().code, error_code::unsupported);
    EXPECT_EQ(validate(some, value_type::client_ex, wire_format{.wire = wire}).error_value().code,
              error_code::unsupported);
  }
}

TEST(ExHostile, AnImageThatEndsInsideTheStructIsRefused) {
  const client_info_ex value{};
  const result<bytes> image = encode(value, layout::x86);
  ASSERT_TRUE(image);
  ASSERT_EQ(image->size(), 104u);
  const std::vector<std::uint8_t> cut(image->begin(), image->end() - 1);  // AddressStateEx's last byte missing
  const result<decoded<client_info_ex>> r = decode<client_info_ex>(cut, layout::x86);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error_value().code, error_code::pointer_out_of_image);
  EXPECT_EQ(r.error_value().offset, 0u);
  // The plain record fits in those bytes: only the _EX needs the last four.
  EXPECT_TRUE(decode<client_info>(std::vector<std::uint8_t>(cut.begin(), cut.begin() + 100), layout::x86));
}

TEST(ExHostile, APointerOutOfTheImageNamesItsField) {
  client_info_ex value{};
  value.client_name = utf16_string::from_utf8("pc-7").value();
  result<bytes> image = encode(value, layout::x64);
  ASSERT_TRUE(image);
  const std::size_t name_at = field_table<client_info_ex>[3].x64;
  ASSERT_EQ(field_table<client_info_ex>[3].path, "ClientName");
  store_le(*image, name_at, 8, 0x7fff0000);
  const result<decoded<client_info_ex>> r = decode<client_info_ex>(*image, layout::x64);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error_value().code, error_code::pointer_out_of_image);
  EXPECT_EQ(r.error_value().offset, name_at);
  EXPECT_EQ(r.error_value().path, "ClientName");
}

TEST(ExJson, AddressStateExComesLastAndReadsBack) {
  const client_info_ex value{load_client("typical"), 7};
  const std::string text = to_json(value);
  const std::string plain = to_json(static_cast<const client_info&>(value));
  // The plain record's object, with one more member before its closing brace.
  ASSERT_EQ(text.substr(0, plain.size() - 2), plain.substr(0, plain.size() - 2));
  EXPECT_EQ(text.substr(plain.size() - 2), ",\n \"AddressStateEx\": 7\n}");
  const result<client_info_ex> back = client_ex_from_json(text);
  ASSERT_TRUE(back) << back.error_value().message;
  EXPECT_EQ(*back, value);

  const result<client_info_ex> missing = client_ex_from_json(plain);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error_value().code, error_code::invalid_json);
  EXPECT_EQ(missing.error_value().path, "AddressStateEx");
}

TEST(ExDissect, AddressStateExIsARegionOfTheExTable) {
  for (const layout wire : {layout::x64, layout::x86}) {
    const client_info_ex value{load_client("typical"), state_ex};
    const result<bytes> image = encode(value, layout(wire));
    ASSERT_TRUE(image);
    const dissection d = dissect(*image, value_type::client_ex, wire_format{.wire = wire});
    ASSERT_FALSE(d.stopped) << d.stopped->message;
    EXPECT_EQ(d.consumed, image->size());
    const field_info& ex_field = field_table<client_info_ex>.back();
    int found = 0;
    for (const region& r : d.regions) {
      if (r.field >= 0) {
        EXPECT_EQ(r.table, value_type::client_ex) << r.path;  // every field is the _EX's
      }
      if (r.path != "AddressStateEx") continue;
      ++found;
      EXPECT_EQ(r.offset, is_x64(wire) ? ex_field.x64 : ex_field.x86);
      EXPECT_EQ(r.length, 4u);
      EXPECT_EQ(r.kind, region_kind::field);
      EXPECT_EQ(r.field, static_cast<int>(field_table<client_info_ex>.size() - 1));
      EXPECT_EQ(r.number, state_ex);
      EXPECT_EQ(r.value, "0xa1b2c3d4");  // reserved-like: kept raw, in hexadecimal
    }
    EXPECT_EQ(found, 1) << to_string(wire);
  }
}

TEST(ExConvert, ThePlainRecordBecomesAnExAndBackWhenAddressStateExIsZero) {
  const client_info plain = load_client("typical");
  const result<client_info_ex> ex = convert_record<client_info_ex>(plain);
  ASSERT_TRUE(ex);
  EXPECT_EQ(ex->address_state_ex, 0u);
  EXPECT_EQ(static_cast<const client_info&>(*ex), plain);
  const result<client_info> back = convert_record<client_info>(*ex);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, plain);

  const result<client_info> lossy = convert_record<client_info>(client_info_ex{plain, 1});
  ASSERT_FALSE(lossy);
  EXPECT_EQ(lossy.error_value().code, error_code::value_out_of_range);
  EXPECT_EQ(lossy.error_value().path, "AddressStateEx");
}

}  // namespace
}  // namespace dhcpm::test
