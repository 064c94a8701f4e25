// One value, seven layouts (issue 3 point 5): for at least 10,000 generated
// clients and as many arrays,
//   decode(ndr20(x)) == decode(ndr20be(x)) == decode(ndr64(x))
//     == decode(pickle-ndr20(x)) == decode(pickle-ndr20be(x))
//     == decode(pickle-ndr64(x)) == decode(pickle2-ndr20(x)) == x,
// each pickled form also decoded through layout::pickle (the header chooses),
// and each pickled form is its NDR body behind the headers of DESIGN.md §4.
// Values with a Status above 65535 go through ndr64 and pickle-ndr64, and the
// NDR 2.0 layouts refuse them.
// The seed is fixed; DHCPM_PROPERTY_SEED=<number> adds a run with that seed
// (see ndr_roundtrip_property_test.cpp). Failures name the seed and iteration.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/pickle.hpp"
#include "support/generate.hpp"
#include "support/vectors.hpp"
#include "support/property_seed.hpp"

namespace dhcpm::test {
namespace {

constexpr std::uint64_t fixed_seed = 0xC0551A70E5EED003u;
constexpr int values_per_seed = 10'000;

std::vector<std::uint64_t> property_seeds() { return test::property_seeds(fixed_seed); }

// A pickled layout, the NDR layout of its body and the sizes of its framing.
struct pickled_layout {
  layout wire;
  layout body;
  std::size_t common;     // common header bytes
  std::size_t priv;       // private header bytes
  std::size_t alignment;  // of the padded body
  bool big;               // ObjectBufferLength big-endian
};

constexpr pickled_layout pickled_layouts[] = {
    {layout::pickle_ndr20, layout::ndr20, 8, 8, 8, false},
    {layout::pickle_ndr20be, layout::ndr20be, 8, 8, 8, true},
    {layout::pickle_ndr64, layout::ndr64, 64, 16, 16, false},
    {layout::pickle2_ndr20, layout::ndr20, 64, 16, 16, false},
};

constexpr layout bare_layouts[] = {layout::ndr20, layout::ndr20be, layout::ndr64};

// decode(bytes, wire) == x, strictly and without warnings.
template <class T>
testing::AssertionResult decodes_to(byte_span input, layout wire, const T& x) {
  const result<decoded<T>> d = decode<T>(input, wire);
  if (!d) return testing::AssertionFailure() << to_string(wire) << ": decode failed: " << describe(d.error_value());
  if (!d->warnings.empty()) return testing::AssertionFailure() << to_string(wire) << ": warnings:" << describe(d->warnings);
  if (!(d->value == x)) return testing::AssertionFailure() << to_string(wire) << ": decoded to\n" << to_json(d->value);
  return testing::AssertionSuccess();
}

// The pickled bytes are the NDR body behind the two headers, zero-padded.
testing::AssertionResult frames(byte_span pickled, const pickled_layout& p, byte_span body) {
  const std::size_t length = (body.size() + p.alignment - 1) / p.alignment * p.alignment;
  if (pickled.size() != p.common + p.priv + length) {
    return testing::AssertionFailure() << to_string(p.wire) << ": " << pickled.size() << " bytes for a body of "
                                       << body.size();
  }
  std::uint32_t object_buffer_length = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    object_buffer_length |= static_cast<std::uint32_t>(pickled[p.common + (p.big ? 3 - i : i)]) << (8 * i);
  }
  if (object_buffer_length != length) {
    return testing::AssertionFailure() << to_string(p.wire) << ": ObjectBufferLength " << object_buffer_length
                                       << ", expected " << length;
  }
  const byte_span in_body = pickled.subspan(p.common + p.priv, body.size());
  if (const std::string diff = byte_diff(body, in_body); !diff.empty()) {
    return testing::AssertionFailure() << to_string(p.wire) << ": body differs from the NDR bytes: " << diff;
  }
  for (std::size_t i = p.common + p.priv + body.size(); i < pickled.size(); ++i) {
    if (pickled[i] != 0) return testing::AssertionFailure() << to_string(p.wire) << ": padding byte " << i << " not zero";
  }
  return testing::AssertionSuccess();
}

// x through every layout in `bare` and `pickled`.
template <class T>
testing::AssertionResult same_everywhere(const T& x, std::span<const layout> bare, std::span<const pickled_layout> pickled) {
  std::vector<std::pair<layout, bytes>> ndr;  // the bare encodings, for the pickled bodies
  for (layout wire : bare) {
    result<bytes> e = encode(x, wire);
    if (!e) return testing::AssertionFailure() << to_string(wire) << ": encode failed: " << describe(e.error_value());
    if (auto r = decodes_to(*e, wire, x); !r) return r;
    ndr.emplace_back(wire, std::move(e).value());
  }
  for (const pickled_layout& p : pickled) {
    const result<bytes> e = encode(x, p.wire);
    if (!e) return testing::AssertionFailure() << to_string(p.wire) << ": encode failed: " << describe(e.error_value());
    if (auto r = decodes_to(*e, p.wire, x); !r) return r;
    if (auto r = decodes_to(*e, layout::pickle, x); !r) return r << " (the " << to_string(p.wire) << " bytes)";
    for (const auto& [wire, body] : ndr) {
      if (wire != p.body) continue;
      if (auto r = frames(*e, p, body); !r) return r;
    }
  }
  return testing::AssertionSuccess();
}

class CrossLayoutProperty : public testing::TestWithParam<std::uint64_t> {};

TEST_P(CrossLayoutProperty, EveryLayoutGivesTheSameValue) {
  const std::uint64_t seed = GetParam();
  RecordProperty("seed", std::to_string(seed));
  value_generator gen(seed);
  std::size_t records = 0;
  for (int i = 0; i < values_per_seed; ++i) {
    const client_info c = gen.client();
    const client_info_array a = gen.array();
    records += 1 + (a.clients ? a.clients->record_count() : 0);
    ASSERT_TRUE(same_everywhere(c, bare_layouts, pickled_layouts))
        << "seed " << seed << " (DHCPM_PROPERTY_SEED=" << seed << " repeats it), iteration " << i << ", client:\n"
        << to_json(c);
    ASSERT_TRUE(same_everywhere(a, bare_layouts, pickled_layouts))
        << "seed " << seed << ", iteration " << i << ", array:\n"
        << to_json(a);
  }
  EXPECT_GE(records, static_cast<std::size_t>(values_per_seed));
}

TEST_P(CrossLayoutProperty, WideStatusOnlyInNdr64) {
  const std::uint64_t seed = GetParam() + 1;
  value_generator gen(seed, generator_options{.max_status = 0xFFFFFFFFu});
  constexpr layout ndr64_only[] = {layout::ndr64};
  constexpr pickled_layout pickle64_only[] = {pickled_layouts[2]};
  constexpr layout narrow[] = {layout::ndr20, layout::ndr20be, layout::pickle_ndr20, layout::pickle_ndr20be,
                               layout::pickle2_ndr20};
  int wide = 0;
  for (int i = 0; i < 2'000; ++i) {
    client_info c = gen.client();
    if (c.status <= 0xFFFF) c.status |= 0x10000;
    ++wide;
    ASSERT_TRUE(same_everywhere(c, ndr64_only, pickle64_only)) << "seed " << seed << ", iteration " << i << ":\n"
                                                               << to_json(c);
    client_info_array a = gen.array();
    bool element = false;
    if (a.clients && a.clients->record_count() > 0) {
      a.clients->record(a.clients->record_count() - 1).status = c.status;
      element = true;
      ASSERT_TRUE(same_everywhere(a, ndr64_only, pickle64_only)) << "seed " << seed << ", iteration " << i;
    }
    for (layout wire : narrow) {
      const result<bytes> r = encode<client_info>(c, wire);
      ASSERT_FALSE(r) << to_string(wire) << " encoded Status " << c.status;
      EXPECT_EQ(r.error_value().code, error_code::value_out_of_range);
      EXPECT_EQ(r.error_value().path, "Status");
      if (element) {
        const result<bytes> ra = encode<client_info_array>(a, wire);
        ASSERT_FALSE(ra) << to_string(wire) << " encoded an element's Status " << c.status;
        EXPECT_EQ(ra.error_value().code, error_code::value_out_of_range);
        EXPECT_TRUE(ra.error_value().path.ends_with("].Status")) << ra.error_value().path;
      }
    }
  }
  EXPECT_EQ(wide, 2'000);
}

INSTANTIATE_TEST_SUITE_P(Seeds, CrossLayoutProperty, testing::ValuesIn(property_seeds()),
                         [](const testing::TestParamInfo<std::uint64_t>& p) {
                           return p.index == 0 ? std::string("fixed") : "env_" + std::to_string(p.param);
                         });

}  // namespace
}  // namespace dhcpm::test
