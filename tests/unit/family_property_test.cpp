// The client-record family's round-trip property: for every type of the
// family (records, unions, the property array, the _ARRAYs), 10,000 values
// from the realistic generator (fixed seed; arrays of 0..2 records so that
// the count stays affordable under ASan) come back unchanged from every NDR
// layout and both memory images, and walk the chain
//   NDR 2.0 -> x64 image -> NDR64 -> x86 image -> NDR 2.0
// ending in the bytes it started with. Every decode is strict and warns of
// nothing. The failover record's own properties are
// layout_chain_property_test.cpp's and cross_layout_property_test.cpp's.
//
// DHCPM_PROPERTY_SEED=<number> runs it with that seed instead.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/record_types.hpp"
#include "support/vectors.hpp"
#include "support/property_seed.hpp"

namespace dhcpm::test {
namespace {

constexpr std::size_t values_per_type = 10'000;
constexpr std::size_t first_family_type = static_cast<std::size_t>(value_type::DHCP_CLIENT_INFO);

std::uint64_t property_seed() { return test::seed_from_environment().value_or(0xFA111E5EEDull); }

std::vector<value_type> family_types() {
  std::vector<value_type> out;
  for (std::size_t i = first_family_type; i < record_type_count; ++i) out.push_back(static_cast<value_type>(i));
  return out;
}

// Decodes `input` as Record in `wire` strictly, without warnings, or fails the test.
template <class Record>
bool decodes_cleanly(const bytes& input, layout wire, Record& out, const std::string& what) {
  const result<decoded<Record>> got = decode<Record>(input, wire);
  if (!got) {
    ADD_FAILURE() << what << ": " << describe(got.error_value());
    return false;
  }
  if (!got->warnings.empty()) {
    ADD_FAILURE() << what << ": " << describe(got->warnings);
    return false;
  }
  out = std::move(got->value);
  return true;
}

template <class Record>
bool encodes(const Record& value, layout wire, bytes& out, const std::string& what) {
  result<bytes> got = encode(value, wire);
  if (!got) {
    ADD_FAILURE() << what << ": " << describe(got.error_value());
    return false;
  }
  out = std::move(*got);
  return true;
}

class FamilyProperty : public ::testing::TestWithParam<value_type> {};

TEST_P(FamilyProperty, EveryLayoutGivesTheValueBackAndTheChainItsBytes) {
  with_record_type(GetParam(), [&](auto t) {
    using Record = typename decltype(t)::type;
    generate_options options;
    options.max_elements = 2;
    const std::vector<Record> values = generate_values<Record>(values_per_type, property_seed(), options);
    ASSERT_EQ(values.size(), values_per_type);
    std::size_t failures = 0;
    for (std::size_t i = 0; i < values.size() && failures < 3; ++i) {
      const Record& value = values[i];
      const std::string what = std::string(to_string(GetParam())) + " value " + std::to_string(i) + " " + to_json(value);
      const std::size_t before = failures;
      for (const layout wire : {layout::ndr20be, layout::ndr64, layout::x86}) {
        bytes encoded;
        Record back;
        if (!encodes(value, wire, encoded, what) ||
            !decodes_cleanly(encoded, wire, back, what + " in " + std::string(to_string(wire)))) {
          ++failures;
          break;
        }
        if (!(back == value)) {
          ADD_FAILURE() << what << ": " << to_string(wire) << " gave " << to_json(back);
          ++failures;
        }
      }
      // The chain: each step decodes the last one's bytes and encodes the value in the next layout.
      bytes start;
      if (!encodes(value, layout::ndr20, start, what)) {
        ++failures;
        continue;
      }
      bytes current = start;
      layout from = layout::ndr20;
      for (const layout next : {layout::x64, layout::ndr64, layout::x86, layout::ndr20}) {
        Record step;
        if (!decodes_cleanly(current, from, step, what + " chain from " + std::string(to_string(from))) ||
            !encodes(step, next, current, what + " chain to " + std::string(to_string(next)))) {
          ++failures;
          break;
        }
        from = next;
      }
      if (failures == before && current != start) {
        ADD_FAILURE() << what << ": the chain ends in other NDR 2.0 bytes: " << byte_diff(start, current);
        ++failures;
      }
    }
    EXPECT_EQ(failures, 0u);
  });
}

INSTANTIATE_TEST_SUITE_P(Types, FamilyProperty, ::testing::ValuesIn(family_types()),
                         [](const ::testing::TestParamInfo<value_type>& p) {
                           return std::string(to_string(p.param));
                         });

}  // namespace
}  // namespace dhcpm::test
