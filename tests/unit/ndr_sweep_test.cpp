// The deterministic sweep (STYLE.md habit 9, issue 2 point 7, issue 3 point 5):
// every truncation length and every single-bit flip of every NDR 2.0, NDR64 and
// type serialization vector file decodes, strictly and leniently, to a value
// or to an error — never a crash, a hang or a sanitizer report. Each input
// sits in an exact-size heap buffer so ASan catches a read one byte past the
// end. One test case per file and kind of mutation, so CTest runs them in
// parallel. (Files above 4 KiB get every bit only in their head and tail, and
// the NDR64 and pickled ones only a sample of their middle; see bits_to_flip.)
//
// Beyond "no crash", each outcome must be consistent:
//  - no error or warning is ever internal_error, and every offset lies in the input;
//  - strict mode never returns warnings;
//  - lenient warnings are only the checks that lenient mode forgives, and
//    lenient errors only the ones it does not (truncation, counts, limits,
//    type serialization headers and lengths);
//  - when strict decoding fails on a hard check, lenient fails identically;
//    when it fails on a forgivable one and lenient succeeds, lenient's first
//    warning is that error;
//  - when strict decoding succeeds, lenient gives the same value without
//    warnings, and the value encodes and decodes back to itself;
//  - every proper prefix of a vector file fails to decode for lack of bytes
//    (truncated, count_exceeds_input, or a pickled body shorter than its
//    ObjectBufferLength: length_mismatch), in both modes — except an NDR64
//    record cut inside its trailing pad (missing_trailing_pad), which lenient
//    mode accepts when nothing else was due after it.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dhcpm/codec.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

// The NDR 2.0 kinds first (issue 2), then NDR64 and type serialization (issue 3).
const std::vector<std::string> ndr20_kinds = {"ndr20", "ndr20be", "ptr.ndr20", "response.ndr20", "foreign.ndr20"};
const std::vector<std::string> later_kinds = {"ndr64",        "ptr.ndr64",      "response.ndr64", "foreign.ndr64",
                                              "pickle.ndr20", "pickle.ndr20be", "pickle.ndr64",   "pickle2.ndr20",
                                              "foreign.pickle.ndr20be"};

std::vector<std::string> sweep_kinds() {
  std::vector<std::string> kinds = ndr20_kinds;
  kinds.insert(kinds.end(), later_kinds.begin(), later_kinds.end());
  return kinds;
}

bool forgivable(error_code c) {
  switch (c) {
    case error_code::conformance_mismatch:
    case error_code::nonzero_string_offset:
    case error_code::actual_count_exceeds_max:
    case error_code::missing_terminator:
    case error_code::trailing_bytes:
    case error_code::null_with_nonzero_size:
    case error_code::nonzero_padding:       // a pickled body's padding
    case error_code::missing_trailing_pad:  // an NDR64 record at the very end
    case error_code::invalid_referent_id:   // an NDR64 referent id above 0xFFFFFFFF
      return true;
    default:
      return false;
  }
}

bool hard(error_code c) {
  switch (c) {
    case error_code::truncated:
    case error_code::count_exceeds_input:
    case error_code::element_limit:
    case error_code::string_limit:
    case error_code::decoded_size_limit:
    case error_code::invalid_header:   // type serialization headers
    case error_code::length_mismatch:  // ObjectBufferLength
      return true;
    default:
      return false;
  }
}

// How a proper prefix of a vector file may fail.
bool prefix_failure(error_code c) {
  switch (c) {
    case error_code::truncated:
    case error_code::count_exceeds_input:
    case error_code::length_mismatch:       // a pickled body cut short of its ObjectBufferLength
    case error_code::missing_trailing_pad:  // an NDR64 record cut inside its trailing pad
      return true;
    default:
      return false;
  }
}

struct sweep_counts {
  std::size_t inputs = 0;
  std::size_t strict_values = 0;
  std::size_t lenient_values = 0;
};

// One mutated input, decoded in both modes.
struct checked_input {
  std::string problem;  // a description of every inconsistency found, or ""
  decode_outcome strict;
  decode_outcome lenient;
};

// Decodes one mutated input in both modes and checks the outcomes against each other.
checked_input check_input(const vector_file& f, const file_format& format, byte_span input, sweep_counts& counts) {
  std::ostringstream problem;
  ++counts.inputs;
  checked_input out{{},
                    decode_as(f.type, format.frame, format.wire, input, decode_options{}),
                    decode_as(f.type, format.frame, format.wire, input, decode_options{.strict = false})};
  const decode_outcome& strict = out.strict;
  const decode_outcome& lenient = out.lenient;

  if (!strict.warnings.empty()) problem << "strict mode returned warnings:" << describe(strict.warnings) << "\n";
  if (!strict.ok()) {
    if (strict.failure.code == error_code::internal_error) problem << "strict internal_error: " << describe(strict.failure) << "\n";
    if (strict.failure.offset > input.size()) problem << "strict error offset past the input: " << describe(strict.failure) << "\n";
    if (!forgivable(strict.failure.code) && !hard(strict.failure.code)) {
      problem << "strict error of an unexpected kind: " << describe(strict.failure) << "\n";
    }
  }
  if (!lenient.ok()) {
    if (!hard(lenient.failure.code)) problem << "lenient error of a forgivable kind: " << describe(lenient.failure) << "\n";
    if (lenient.failure.offset > input.size()) problem << "lenient error offset past the input: " << describe(lenient.failure) << "\n";
  }
  for (const error& w : lenient.warnings) {
    if (!forgivable(w.code)) problem << "lenient warning of a hard kind: " << describe(w) << "\n";
    if (w.offset > input.size()) problem << "lenient warning offset past the input: " << describe(w) << "\n";
  }

  if (strict.ok()) {
    ++counts.strict_values;
    if (!lenient.ok()) {
      problem << "strict decodes but lenient fails: " << describe(lenient.failure) << "\n";
    } else {
      if (!(*lenient.value == *strict.value)) problem << "lenient value differs from strict value\n";
      if (!lenient.warnings.empty()) problem << "lenient warns where strict accepts:" << describe(lenient.warnings) << "\n";
    }
    // A value strict decoding accepts is encodable and comes back unchanged.
    const result<bytes> again = encode_any(*strict.value, format.wire);
    if (!again) {
      problem << "strictly decoded value does not encode: " << describe(again.error_value()) << "\n";
    } else {
      const decode_outcome back = decode_as(f.type, format.frame, format.wire, *again, decode_options{});
      if (!back.ok()) {
        problem << "re-encoded value does not decode: " << describe(back.failure) << "\n";
      } else if (!(*back.value == *strict.value)) {
        problem << "re-encoded value decodes to a different value\n";
      }
    }
  } else if (hard(strict.failure.code)) {
    if (lenient.ok()) {
      problem << "lenient decodes where strict fails on a hard check: " << describe(strict.failure) << "\n";
    } else if (!(lenient.failure == strict.failure)) {
      problem << "strict and lenient fail differently: " << describe(strict.failure) << " vs "
              << describe(lenient.failure) << "\n";
    }
  } else if (lenient.ok()) {
    if (lenient.warnings.empty() || !(lenient.warnings.front() == strict.failure)) {
      problem << "strict fails with " << describe(strict.failure) << " but lenient's first warning is not it:"
              << describe(lenient.warnings) << "\n";
    }
  }
  if (lenient.ok()) ++counts.lenient_values;
  out.problem = problem.str();
  return out;
}

std::string hex(byte_span b) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t x : b) {
    out += digits[x >> 4];
    out += digits[x & 15];
  }
  return out;
}

std::string param_name(const testing::TestParamInfo<vector_file>& info) {
  return test_name(info.param.vector + "_" + info.param.kind);
}

// Which bits of byte i are flipped. Every bit of every byte, except in files
// larger than full_sweep_limit: those (array-random-50, ~14 KB, 50 records)
// would take about six minutes of one core under ASan with every bit, against
// a budget of two minutes for the whole sweep. There every bit of the first
// full_head and last full_tail bytes is flipped (the array header, the referent
// id table, the first record and the last string) and one bit of each byte in
// between, the bit index cycling with the position ((i + i/8) % 8, so that the
// bytes of aligned integers do not always get the same bit). Every byte
// position is still mutated; the records in the middle are walked by the same
// code as the first one.
//
// The kinds added with NDR64 and type serialization (later_kinds) carry the
// same 50 records again (NDR64: 19 KB), eight times; there the middle is
// sampled: one bit of every third byte, and every third truncation length
// (3 is prime to 8, so every position modulo 8 is still reached). Head and
// tail stay complete. Measured under ASan (-O1), the whole sweep of 14 kinds
// then takes about 90 s of one core, of which 45 s for the NDR 2.0 kinds;
// without the sampling it took nearly three minutes.
constexpr std::size_t full_sweep_limit = 4096;
constexpr std::size_t full_head = 512;
constexpr std::size_t full_tail = 256;
constexpr std::size_t later_kinds_stride = 3;

std::size_t middle_stride(const std::string& kind) {
  const bool later = std::find(later_kinds.begin(), later_kinds.end(), kind) != later_kinds.end();
  return later ? later_kinds_stride : 1;
}

bool in_middle(std::size_t i, std::size_t n) { return n > full_sweep_limit && i >= full_head && i < n - full_tail; }

std::uint8_t bits_to_flip(std::size_t i, std::size_t n, std::size_t stride) {
  if (!in_middle(i, n)) return 0xFF;
  if ((i - full_head) % stride != 0) return 0;
  return static_cast<std::uint8_t>(1u << ((i + i / 8) % 8));
}

// Whether the truncation to `length` bytes of an n-byte file is tried.
bool truncation_tried(std::size_t length, std::size_t n, std::size_t stride) {
  return !in_middle(length, n) || (length - full_head) % stride == 0;
}

class NdrSweep : public testing::TestWithParam<vector_file> {};

TEST_P(NdrSweep, EveryTruncation) {
  const vector_file& f = GetParam();
  const file_format format = format_of(f.kind);
  const std::vector<std::uint8_t> full = read_vector_file(f);
  ASSERT_FALSE(full.empty());
  sweep_counts counts;
  std::size_t failures = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::size_t stride = middle_stride(f.kind);
  for (std::size_t n = 0; n <= full.size(); ++n) {
    if (!truncation_tried(n, full.size(), stride)) continue;
    auto buffer = std::make_unique<std::uint8_t[]>(n);  // exact size: ASan sees an over-read
    std::copy_n(full.begin(), n, buffer.get());
    const byte_span input(buffer.get(), n);
    const checked_input checked = check_input(f, format, input, counts);
    std::string problem = checked.problem;
    const decode_outcome& strict = checked.strict;
    const decode_outcome& lenient = checked.lenient;
    if (n < full.size()) {
      // A proper prefix of valid bytes is missing something: both modes refuse
      // it for lack of bytes, except a lost NDR64 trailing pad at the very
      // end, which lenient mode forgives (with that warning first, as
      // check_input makes sure).
      if (strict.ok()) {
        problem += "strict decodes a truncation\n";
      } else if (!prefix_failure(strict.failure.code)) {
        problem += "truncation fails with " + describe(strict.failure) + "\n";
      } else if (lenient.ok() && strict.failure.code != error_code::missing_trailing_pad) {
        problem += "lenient decodes a truncation that strict refuses with " + describe(strict.failure) + "\n";
      }
    } else if (!strict.ok() || !(*strict.value == expected_value(f))) {
      problem += "the full file does not give the JSON value\n";
    }
    if (!problem.empty() && ++failures <= 5) ADD_FAILURE() << f.file_name() << " truncated to " << n << " bytes:\n" << problem;
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_EQ(counts.strict_values, 1u);  // only the full file
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  RecordProperty("inputs", static_cast<int>(counts.inputs));
  RecordProperty("milliseconds", static_cast<int>(ms.count()));
}

TEST_P(NdrSweep, EverySingleBitFlip) {
  const vector_file& f = GetParam();
  const file_format format = format_of(f.kind);
  const std::vector<std::uint8_t> full = read_vector_file(f);
  const std::size_t n = full.size();
  const std::size_t stride = middle_stride(f.kind);
  auto buffer = std::make_unique<std::uint8_t[]>(n);  // exact size: ASan sees an over-read
  std::copy(full.begin(), full.end(), buffer.get());
  const byte_span input(buffer.get(), n);
  sweep_counts counts;
  std::size_t failures = 0;
  std::size_t flips = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t mask = bits_to_flip(i, n, stride);
    for (unsigned bit = 0; bit < 8; ++bit) {
      if ((mask & (1u << bit)) == 0) continue;
      ++flips;
      buffer[i] ^= static_cast<std::uint8_t>(1u << bit);
      const std::string problem = check_input(f, format, input, counts).problem;
      if (!problem.empty() && ++failures <= 5) {
        const std::size_t from = i < 16 ? 0 : i - 16;
        const std::size_t to = std::min(n, i + 16);
        ADD_FAILURE() << f.file_name() << " with bit " << bit << " of byte " << i << " flipped (bytes " << from << ".."
                      << to << ": " << hex(input.subspan(from, to - from)) << "):\n"
                      << problem;
      }
      buffer[i] ^= static_cast<std::uint8_t>(1u << bit);
    }
  }
  // The buffer is the file again: nothing was left flipped.
  EXPECT_TRUE(std::equal(full.begin(), full.end(), buffer.get()));
  EXPECT_EQ(failures, 0u);
  EXPECT_EQ(counts.inputs, flips);
  if (n <= full_sweep_limit) {
    EXPECT_EQ(flips, 8 * n);
  }
  // Most flips land in data (addresses, times, characters) and still decode:
  // a sweep where nearly everything fails would be testing little. (Tiny
  // files such as array-null are all counts and pointers.)
  if (n > 16) {
    EXPECT_GT(counts.strict_values, counts.inputs / 4) << "strict decodes " << counts.strict_values << " of " << counts.inputs;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  RecordProperty("inputs", static_cast<int>(counts.inputs));
  RecordProperty("milliseconds", static_cast<int>(ms.count()));
}

INSTANTIATE_TEST_SUITE_P(Files, NdrSweep, testing::ValuesIn(vector_files(sweep_kinds())), param_name);

}  // namespace
}  // namespace dhcpm::test
