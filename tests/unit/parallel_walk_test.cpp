// validate, decode and view_of with several threads give exactly the
// one-thread result (issue 15): on every array vector and its cuts and bit flips (with pieces small
// enough that even these are split), and on large generated arrays with
// damage anywhere; and the parallel pass itself finds the seams of a clean
// array and refuses a damaged one.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/view.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/record_types.hpp"
#include "drive/parallel_decode.hpp"
#include "drive/parallel_walk.hpp"
#include "ndr/ndr_format.hpp"
#include "support/family_files.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

// "" when validate, decode and (for an _ARRAY) view_of on `threads` threads
// agree with them on one: the same warnings or error, the same value.
std::string disagreement(value_type type, byte_span input, layout wire, bool strict, unsigned threads,
                         std::size_t bytes_per_thread) {
  const wire_format format{.wire = wire};
  const decode_options one{.strict = strict};
  decode_options many = one;
  many.threads = threads;
  many.bytes_per_thread = bytes_per_thread;
  const auto a = validate(input, type, format, one);
  const auto b = validate(input, type, format, many);
  if (a.has_value() != b.has_value()) return "one thread " + std::string(a ? "accepts" : "refuses") + ", several do not";
  if (!a) {
    if (!(a.error_value() == b.error_value())) return describe(a.error_value()) + " vs " + describe(b.error_value());
  } else if (*a != *b) {
    return "warnings differ";
  }
  std::string decoding;
  with_record_type(type, [&](auto t) {
    using record = typename decltype(t)::type;
    const auto x = decode<record>(input, format, one);
    const auto y = decode<record>(input, format, many);
    if (x.has_value() != y.has_value()) {
      decoding = "decode: one thread " + std::string(x ? "accepts" : "refuses") + ", several do not";
    } else if (!x) {
      if (!(x.error_value() == y.error_value())) decoding = "decode: " + describe(x.error_value()) + " vs " + describe(y.error_value());
    } else if (!(x->value == y->value) || x->warnings != y->warnings || x->wire != y->wire) {
      decoding = "decode: the values or warnings differ";
    }
    if constexpr (is_record_array<record>) {  // and the view
      if (!decoding.empty()) return;
      const auto v = view_of<record>(input, format, one);
      const auto w = view_of<record>(input, format, many);
      if (v.has_value() != w.has_value()) {
        decoding = "view: one thread " + std::string(v ? "accepts" : "refuses") + ", several do not";
      } else if (!v) {
        if (!(v.error_value() == w.error_value())) decoding = "view: " + describe(v.error_value()) + " vs " + describe(w.error_value());
      } else if (!(v->to_value() == w->to_value()) || v->warnings() != w->warnings() || v->size() != w->size()) {
        decoding = "view: the elements or warnings differ";
      }
    }
  });
  return decoding;
}

TEST(ParallelValidate, EveryArrayVectorItsCutsAndBitFlips) {
  std::size_t inputs = 0;
  const auto sweep = [&](value_type type, const bytes& full, layout wire, const std::string& name) {
    for (std::size_t n = 0; n <= full.size(); n += n < 96 ? 5 : 53) {
      auto cut = std::make_unique<std::uint8_t[]>(n);
      std::copy_n(full.begin(), n, cut.get());
      for (const bool strict : {true, false}) {
        ++inputs;
        ASSERT_EQ(disagreement(type, byte_span(cut.get(), n), wire, strict, 2, 16), "") << name << " cut at " << n;
      }
    }
    for (std::size_t at = 0; at < full.size(); at += 31) {
      bytes flipped = full;
      flipped[at] ^= static_cast<std::uint8_t>(1u << (at % 8));
      for (const bool strict : {true, false}) {
        ++inputs;
        ASSERT_EQ(disagreement(type, flipped, wire, strict, 3, 16), "") << name << " bit flip at " << at;
      }
    }
  };
  for (const family_file& f : family_files()) {
    bool array = false;
    with_record_type(f.value(), [&](auto t) { array = is_record_array<typename decltype(t)::type>; });
    if (array) sweep(f.value(), read_bytes(f.bin()), f.wire(), f.vector + "." + f.layout);
  }
  for (const vector_info& v : all_vectors()) {
    if (v.type != value_kind::array) continue;
    for (const auto& [wire, kind] : {std::pair{layout::ndr20, "ndr20"}, std::pair{layout::ndr20be, "ndr20be"},
                                     std::pair{layout::ndr64, "ndr64"}}) {
      if (v.has(kind)) sweep(value_type::array, read_vector_file(v, kind), wire, v.file_name(kind));
    }
  }
  EXPECT_GE(inputs, 2'000u);
}

// Large arrays of two element types, damaged one byte at a time at 40
// places spread over the whole input (most of them in later pieces), on 2, 3
// and 4 threads.
template <class Array>
void expect_same_on_large_arrays(layout wire) {
  generate_options three_thousand;
  three_thousand.elements = 3000;
  realistic_generator g(0x9A7A11E1, three_thousand);
  const bytes clean = *encode(g.value<Array>(), wire);
  const value_type type = value_type_of<Array>;
  std::mt19937_64 random(17);
  for (unsigned threads : {2u, 3u, 4u}) {
    ASSERT_EQ(disagreement(type, clean, wire, true, threads, 4096), "");
    for (int i = 0; i < 40; ++i) {
      bytes damaged = clean;
      const std::size_t at = random() % damaged.size();
      damaged[at] = static_cast<std::uint8_t>(random());
      for (const bool strict : {true, false}) {
        ASSERT_EQ(disagreement(type, damaged, wire, strict, threads, 4096), "")
            << to_string(wire) << ", byte " << at << " of " << damaged.size() << ", " << threads << " threads";
      }
    }
  }
}

TEST(ParallelValidate, LargeArraysDamagedAnywhere) {
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64}) {
    expect_same_on_large_arrays<client_info_array>(wire);
    expect_same_on_large_arrays<dhcp_client_info_pb_array>(wire);
  }
}

// The pass itself: the seams of a clean array meet (the answer is "fine"
// from several threads), and a damaged record anywhere makes it say "not shown".
TEST(ParallelValidate, ThePassFindsTheSeamsOfACleanArrayAndRefusesADamagedOne) {
  generate_options four_thousand;
  four_thousand.elements = 4000;
  realistic_generator g(3, four_thousand);
  const client_info_array value = g.array();
  const bytes clean = *encode(value, layout::ndr20);
  decode_options options;
  options.threads = 4;
  options.bytes_per_thread = 64 * 1024;
  ASSERT_TRUE(detail::validated_in_parallel<client_info_array>(clean, {.wire = layout::ndr20}, options));
  // A string's offset made 1 three quarters of the way in: a string header
  // is max_count, offset 0, actual_count == max_count (1 to 200 units).
  bytes damaged = clean;
  const auto u32 = [&](std::size_t i) {
    return std::uint32_t{damaged[i]} | std::uint32_t{damaged[i + 1]} << 8 | std::uint32_t{damaged[i + 2]} << 16 |
           std::uint32_t{damaged[i + 3]} << 24;
  };
  std::size_t at = damaged.size() * 3 / 4 / 4 * 4;
  while (!(u32(at) >= 1 && u32(at) <= 200 && u32(at + 4) == 0 && u32(at + 8) == u32(at))) at += 4;
  damaged[at + 4] = 1;
  EXPECT_FALSE(detail::validated_in_parallel<client_info_array>(damaged, {.wire = layout::ndr20}, options));
  const auto one = validate(damaged, value_type::array, {.wire = layout::ndr20});
  const auto many = validate(damaged, value_type::array, {.wire = layout::ndr20}, options);
  ASSERT_FALSE(one);
  ASSERT_FALSE(many);
  EXPECT_EQ(one.error_value(), many.error_value());
  EXPECT_EQ(one.error_value().code, error_code::nonzero_string_offset);
  EXPECT_EQ(one.error_value().offset, at + 4);
}

// The parallel decode itself: on a clean array it is taken (on 2, 3 and 4
// threads, NDR 2.0 both byte orders and NDR64, both element types with
// strings) and gives the encoded value, strings in the list's one block of
// storage included; a budget too small for the value, found only when the
// records are charged, gives the one-thread error.
template <class Array>
void expect_parallel_decode_taken(layout wire) {
  generate_options four_thousand;
  four_thousand.elements = 4000;
  realistic_generator g(5, four_thousand);
  const Array value = g.value<Array>();
  const bytes clean = *encode(value, wire);
  for (unsigned threads : {2u, 3u, 4u}) {
    decode_options options;
    options.threads = threads;
    options.bytes_per_thread = 64 * 1024;
    Array out;
    ASSERT_TRUE(detail::decoded_in_parallel(clean, {.wire = wire}, options, out)) << to_string(wire) << ", " << threads;
    EXPECT_TRUE(out == value) << to_string(wire) << ", " << threads << " threads";
  }
}

TEST(ParallelDecode, IsTakenOnACleanArrayAndGivesItsValue) {
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64}) {
    expect_parallel_decode_taken<client_info_array>(wire);
    expect_parallel_decode_taken<dhcp_client_info_pb_array>(wire);
    expect_parallel_decode_taken<dhcp_client_info_array_vq>(wire);
  }
}

// A view on several threads of a clean array: the same elements, each
// record at the same offset.
TEST(ParallelView, ACleanArrayGivesTheSameView) {
  generate_options four_thousand;
  four_thousand.elements = 4000;
  realistic_generator g(31, four_thousand);
  const client_info_array value = g.array();
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64}) {
    const bytes clean = *encode(value, wire);
    decode_options options;
    options.threads = 3;
    options.bytes_per_thread = 64 * 1024;
    const auto one = view_of<client_info_array>(clean, {.wire = wire});
    const auto many = view_of<client_info_array>(clean, {.wire = wire}, options);
    ASSERT_TRUE(one);
    ASSERT_TRUE(many);
    ASSERT_EQ(one->size(), many->size());
    for (std::size_t k = 0; k < one->record_count(); ++k) {
      ASSERT_EQ(one->record(k).offset(), many->record(k).offset()) << to_string(wire) << ", record " << k;
    }
    EXPECT_TRUE(many->to_value() == value);
  }
}

TEST(ParallelDecode, ABudgetTooSmallGivesTheOneThreadError) {
  generate_options four_thousand;
  four_thousand.elements = 4000;
  realistic_generator g(9, four_thousand);
  const bytes clean = *encode(g.array(), layout::ndr20);
  // The smallest budget that holds the value: one byte less is exceeded by
  // the last record's data, after the slots and the records have been
  // charged — only the parallel pass's sum of its pieces' charges sees it.
  std::uint64_t low = 0;
  std::uint64_t high = std::uint64_t{1} << 30;
  while (low + 1 < high) {
    const std::uint64_t mid = low + (high - low) / 2;
    decode_options o;
    o.max_decoded_bytes = mid;
    (decode<client_info_array>(clean, layout::ndr20, o) ? high : low) = mid;
  }
  for (const std::uint64_t budget : {high, low}) {
    decode_options one;
    one.max_decoded_bytes = budget;
    decode_options many = one;
    many.threads = 2;
    many.bytes_per_thread = 64 * 1024;
    client_info_array out;
    EXPECT_EQ(detail::decoded_in_parallel(clean, {.wire = layout::ndr20}, many, out), budget == high);
    const auto a = decode<client_info_array>(clean, layout::ndr20, one);
    const auto b = decode<client_info_array>(clean, layout::ndr20, many);
    ASSERT_EQ(a.has_value(), budget == high);
    ASSERT_EQ(b.has_value(), budget == high);
    if (budget == high) {
      EXPECT_TRUE(a->value == b->value);
    } else {
      EXPECT_EQ(a.error_value().code, error_code::decoded_size_limit);
      EXPECT_NE(a.error_value().path.find("Clients[3999]"), std::string::npos) << describe(a.error_value());
      EXPECT_EQ(a.error_value(), b.error_value());
    }
  }
}

}  // namespace
}  // namespace dhcpm::test
