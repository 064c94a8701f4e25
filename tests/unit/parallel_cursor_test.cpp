// read_in_parallel gives exactly the one-thread cursor's answer (issue 15):
// the same error, or the same records in the same order (the runs' records
// put end to end, each run starting at the slot it says), on every array
// vector with its cuts and bit flips (pieces small enough that even these are
// split), and on large generated arrays, clean and damaged anywhere, on 2, 3
// and 4 threads. On a clean array the runs really are several, and a read
// that stops early leaves the rest to be checked.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/record_types.hpp"
#include "support/array_types.hpp"
#include "support/family_files.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

// What a read keeps of each record: its slot in the run and where it is.
struct seen {
  std::size_t index;
  std::size_t offset;
  bool operator==(const seen&) const = default;
};

template <class Array>
std::vector<seen> read_all(array_cursor<Array>& cursor) {
  std::vector<seen> out;
  while (cursor.next()) {
    if (const auto r = cursor.current()) out.push_back({cursor.index(), r->offset()});
  }
  return out;
}

// "" when read_in_parallel agrees with the one-thread cursor.
template <class Array>
std::string disagreement(byte_span input, layout wire, bool strict, unsigned threads, std::size_t bytes_per_thread,
                         std::size_t* runs = nullptr) {
  const wire_format format{.wire = wire};
  const decode_options one{.strict = strict};
  decode_options many = one;
  many.threads = threads;
  many.bytes_per_thread = bytes_per_thread;
  // The one-thread answer.
  std::vector<seen> expected;
  std::optional<error> failure;
  std::vector<error> warnings;
  if (auto cursor = open_cursor<Array>(input, format, one)) {
    expected = read_all(*cursor);
    if (!cursor->complete()) failure = *cursor->failure();
    warnings = cursor->warnings();
  } else {
    failure = cursor.error_value();
  }
  const auto got = read_in_parallel<Array>(input, format, many, [](array_cursor<Array>& c) { return read_all(c); });
  if (got.has_value() == failure.has_value()) return "one thread " + std::string(failure ? "refuses" : "accepts") + ", several do not";
  if (!got) return got.error_value() == *failure ? "" : describe(*failure) + " vs " + describe(got.error_value());
  if (got->warnings != warnings) return "warnings differ";
  if (got->results.size() != got->runs.size()) return "a result per run";
  std::vector<seen> joined;
  std::size_t next_slot = 0;
  for (std::size_t k = 0; k < got->runs.size(); ++k) {
    const cursor_run& run = got->runs[k];
    if (got->results[k].size() != run.records) return "run " + std::to_string(k) + " holds another count of records";
    if (run.first_slot != next_slot && got->runs.size() > 1) return "run " + std::to_string(k) + " starts elsewhere";
    for (const seen& s : got->results[k]) joined.push_back({got->runs.size() > 1 ? run.first_slot + s.index : s.index, s.offset});
    next_slot = run.first_slot + run.records;
  }
  if (runs != nullptr) *runs = got->runs.size();
  return joined == expected ? "" : "the records differ";
}

TEST(ParallelCursor, EveryArrayVectorItsCutsAndBitFlips) {
  std::size_t inputs = 0;
  const auto sweep = [&](value_type type, const bytes& full, layout wire, const std::string& name) {
    with_array_type(type, [&](auto t) {
      using Array = typename decltype(t)::type;
      for (std::size_t n = 0; n <= full.size(); n += n < 96 ? 5 : 53) {
        auto cut = std::make_unique<std::uint8_t[]>(n);
        std::copy_n(full.begin(), n, cut.get());
        for (const bool strict : {true, false}) {
          ++inputs;
          ASSERT_EQ(disagreement<Array>(byte_span(cut.get(), n), wire, strict, 2, 16), "") << name << " cut at " << n;
        }
      }
      for (std::size_t at = 0; at < full.size(); at += 31) {
        bytes flipped = full;
        flipped[at] ^= static_cast<std::uint8_t>(1u << (at % 8));
        for (const bool strict : {true, false}) {
          ++inputs;
          ASSERT_EQ(disagreement<Array>(flipped, wire, strict, 3, 16), "") << name << " bit flip at " << at;
        }
      }
    });
  };
  for (const family_file& f : family_files()) {
    if (is_array_type(f.value()) && f.wire() != layout::x64 && f.wire() != layout::x86) {
      sweep(f.value(), read_bytes(f.bin()), f.wire(), f.vector + "." + f.layout);
    }
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

template <class Array>
void expect_same_on_large_arrays(layout wire) {
  generate_options three_thousand;
  three_thousand.elements = 3000;
  three_thousand.null_element_percent = 0;  // as servers send them; NULL elements are read on one thread
  realistic_generator g(0x9A7A11E2, three_thousand);
  const bytes clean = *encode(g.value<Array>(), wire);
  {
    generate_options with_nulls = three_thousand;
    with_nulls.null_element_percent = 5;
    realistic_generator n(0x9A7A11E3, with_nulls);
    std::size_t runs = 0;
    ASSERT_EQ(disagreement<Array>(*encode(n.value<Array>(), wire), wire, true, 2, 4096, &runs), "");
    EXPECT_EQ(runs, 1u) << "NULL elements: one run, on one thread";
  }
  std::mt19937_64 random(19);
  for (unsigned threads : {2u, 3u, 4u}) {
    std::size_t runs = 0;
    ASSERT_EQ(disagreement<Array>(clean, wire, true, threads, 4096, &runs), "");
    EXPECT_EQ(runs, threads) << to_string(wire) << ": the clean array is read in one run per thread";
    for (int i = 0; i < 30; ++i) {
      bytes damaged = clean;
      const std::size_t at = random() % damaged.size();
      damaged[at] = static_cast<std::uint8_t>(random());
      for (const bool strict : {true, false}) {
        ASSERT_EQ(disagreement<Array>(damaged, wire, strict, threads, 4096), "")
            << to_string(wire) << ", byte " << at << " of " << damaged.size() << ", " << threads << " threads";
      }
    }
  }
}

TEST(ParallelCursor, LargeArraysCleanAndDamagedAnywhere) {
  for (const layout wire : {layout::ndr20, layout::ndr20be, layout::ndr64}) {
    expect_same_on_large_arrays<client_info_array>(wire);
    expect_same_on_large_arrays<dhcp_client_info_pb_array>(wire);
  }
}

// The records handed out are the decoded value's, field for field.
TEST(ParallelCursor, TheRunsHoldTheDecodedRecords) {
  generate_options two_thousand;
  two_thousand.elements = 2000;
  two_thousand.null_element_percent = 0;
  realistic_generator g(23, two_thousand);
  const dhcp_client_info_pb_array value = g.value<dhcp_client_info_pb_array>();
  const bytes clean = *encode(value, layout::ndr64);
  decode_options options;
  options.threads = 2;
  options.bytes_per_thread = 4096;
  using record = dhcp_client_info_pb;
  const auto got = read_in_parallel<dhcp_client_info_pb_array>(clean, {.wire = layout::ndr64}, options,
                                                                [](array_cursor<dhcp_client_info_pb_array>& c) {
                                                                  std::vector<record> out;
                                                                  while (c.next()) out.push_back(c.current()->to_value());
                                                                  return out;
                                                                });
  ASSERT_TRUE(got);
  ASSERT_EQ(got->runs.size(), 2u);
  std::size_t slot = 0;
  for (std::size_t k = 0; k < got->runs.size(); ++k) {
    for (const record& r : got->results[k]) {
      ASSERT_TRUE(r == *(*value.clients)[slot]) << "slot " << slot;
      ++slot;
    }
  }
  EXPECT_EQ(slot, value.clients->size());
}

// A read that looks at one record of its run: the rest is still checked, so a
// damaged record late in the array is still the answer.
TEST(ParallelCursor, AReadThatStopsEarlyLeavesTheRestChecked) {
  generate_options two_thousand;
  two_thousand.elements = 2000;
  two_thousand.null_element_percent = 0;
  realistic_generator g(29, two_thousand);
  bytes input = *encode(g.array(), layout::ndr20);
  input.push_back(0);  // a byte too many: found only after the last record
  decode_options options;
  options.threads = 2;
  options.bytes_per_thread = 4096;
  const auto got = read_in_parallel<client_info_array>(input, {.wire = layout::ndr20}, options,
                                                       [](array_cursor<client_info_array>& c) { return c.next(); });
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error_value().code, error_code::trailing_bytes);
  EXPECT_EQ(got.error_value().offset, input.size() - 1);
}

}  // namespace
}  // namespace dhcpm::test
