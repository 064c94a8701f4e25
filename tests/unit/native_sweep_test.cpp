// The deterministic sweep over the native memory images (STYLE.md habit 9,
// issue 4 point 5): every truncation length and every single-bit flip of every
// x64 and x86 vector file decodes, strictly and leniently, to a value or to an
// error — never a crash, a hang or a sanitizer report. Each input sits in an
// exact-size heap buffer so ASan catches a read one byte past the image. One
// test case per file and kind of mutation, so CTest runs them in parallel.
// (Files above 4 KiB get every bit only in their head and tail; see
// bits_to_flip.)
//
// Beyond "no crash", each outcome must be consistent:
//  - no error or warning is ever internal_error, and every offset lies in the
//    image (0, the top-level value's own address, for an empty one);
//  - strict mode never returns warnings;
//  - lenient warnings are only the checks that lenient mode forgives
//    (alignment, overlap, NULL with a size), lenient errors only the ones it
//    does not (pointers outside the image, missing terminators, counts, limits);
//  - when strict decoding fails on a hard check, lenient fails identically;
//    when it fails on a forgivable one and lenient succeeds, lenient's first
//    warning is that error;
//  - when strict decoding succeeds, lenient gives the same value without
//    warnings, and the value encodes and decodes back to itself;
//  - every proper prefix of an image fails to decode, in both modes: the image
//    ends with the last byte of a pointee (or of the value itself), so a
//    truncation leaves a pointer out of the image or a string unterminated.
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

const std::vector<std::string> sweep_kinds = {"x64", "x86"};

layout layout_of(const vector_file& f) { return f.kind == "x64" ? layout::x64 : layout::x86; }

bool forgivable(error_code c) {
  switch (c) {
    case error_code::misaligned_pointer:
    case error_code::overlapping_pointee:
    case error_code::null_with_nonzero_size:
      return true;
    default:
      return false;
  }
}

bool hard(error_code c) {
  switch (c) {
    case error_code::pointer_out_of_image:
    case error_code::missing_terminator:
    case error_code::count_exceeds_input:
    case error_code::element_limit:
    case error_code::string_limit:
    case error_code::decoded_size_limit:
      return true;
    default:
      return false;
  }
}

bool offset_in(const error& e, byte_span input) { return e.offset < input.size() || e.offset == 0; }

any_value expected_of(const vector_file& f) {
  if (f.type == value_kind::client) return any_value(std::in_place_type<client_info>, load_client(f.vector));
  return any_value(std::in_place_type<client_info_array>, load_array(f.vector));
}

struct sweep_counts {
  std::size_t inputs = 0;
  std::size_t strict_values = 0;
  std::size_t lenient_values = 0;
};

// Checks one mutated input; returns a description of the first inconsistency,
// or "", and the strict outcome.
std::string check_input(const vector_file& f, layout wire, byte_span input, sweep_counts& counts,
                        decode_outcome& strict) {
  std::ostringstream problem;
  ++counts.inputs;
  strict = decode_as(f.type, framing::bare, wire, input, decode_options{});
  const decode_outcome lenient = decode_as(f.type, framing::bare, wire, input, decode_options{.strict = false});

  if (!strict.warnings.empty()) problem << "strict mode returned warnings:" << describe(strict.warnings) << "\n";
  if (!strict.ok()) {
    if (strict.failure.code == error_code::internal_error) problem << "strict internal_error: " << describe(strict.failure) << "\n";
    if (!offset_in(strict.failure, input)) problem << "strict error offset outside the image: " << describe(strict.failure) << "\n";
    if (!forgivable(strict.failure.code) && !hard(strict.failure.code)) {
      problem << "strict error of an unexpected kind: " << describe(strict.failure) << "\n";
    }
    if (strict.failure.message.empty()) problem << "strict error without a message: " << describe(strict.failure) << "\n";
  }
  if (!lenient.ok()) {
    if (!hard(lenient.failure.code)) problem << "lenient error of a forgivable kind: " << describe(lenient.failure) << "\n";
    if (!offset_in(lenient.failure, input)) problem << "lenient error offset outside the image: " << describe(lenient.failure) << "\n";
  }
  for (const error& w : lenient.warnings) {
    if (!forgivable(w.code)) problem << "lenient warning of a hard kind: " << describe(w) << "\n";
    if (!offset_in(w, input)) problem << "lenient warning offset outside the image: " << describe(w) << "\n";
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
    const result<bytes> again = encode_any(*strict.value, wire);
    if (!again) {
      problem << "strictly decoded value does not encode: " << describe(again.error_value()) << "\n";
    } else {
      const decode_outcome back = decode_as(f.type, framing::bare, wire, *again, decode_options{});
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
  return problem.str();
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

class NativeSweep : public testing::TestWithParam<vector_file> {};

TEST_P(NativeSweep, EveryTruncation) {
  const vector_file& f = GetParam();
  const layout wire = layout_of(f);
  const std::vector<std::uint8_t> full = read_vector_file(f);
  ASSERT_FALSE(full.empty());
  const any_value expected = expected_of(f);
  sweep_counts counts;
  std::size_t failures = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t n = 0; n <= full.size(); ++n) {
    auto buffer = std::make_unique<std::uint8_t[]>(n);  // exact size: ASan sees an over-read
    std::copy_n(full.begin(), n, buffer.get());
    const byte_span input(buffer.get(), n);
    decode_outcome strict;
    std::string problem = check_input(f, wire, input, counts, strict);
    if (n < full.size()) {
      if (strict.ok()) {
        problem += "strict decodes a truncation\n";
      } else if (strict.failure.code != error_code::pointer_out_of_image &&
                 strict.failure.code != error_code::missing_terminator &&
                 strict.failure.code != error_code::count_exceeds_input) {
        problem += "truncation fails with " + describe(strict.failure) + "\n";
      }
    } else if (!strict.ok() || !(*strict.value == expected)) {
      problem += "the full file does not give the JSON value\n";
    }
    if (!problem.empty() && ++failures <= 5) ADD_FAILURE() << f.file_name() << " truncated to " << n << " bytes:\n" << problem;
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_EQ(counts.strict_values, 1u);  // only the full file
  EXPECT_EQ(counts.lenient_values, 1u);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  RecordProperty("inputs", static_cast<int>(counts.inputs));
  RecordProperty("milliseconds", static_cast<int>(ms.count()));
}

// Which bits of byte i are flipped. Every bit of every byte, except in files
// larger than full_sweep_limit: there (array-random-50: 13.6 KB as x64, 11.5 KB as x86)
// every bit of the first full_head and last full_tail bytes is flipped (the
// array header, the pointer table and the first record; the last strings) and
// one bit of each byte in between, the bit index cycling with the position
// ((i + i/8) % 8, so that the bytes of aligned pointers do not always get the
// same bit). Every byte position is still mutated; the records in the middle
// are walked by the same code as the first one. As in ndr_sweep_test.cpp.
constexpr std::size_t full_sweep_limit = 4096;
constexpr std::size_t full_head = 512;
constexpr std::size_t full_tail = 256;

std::uint8_t bits_to_flip(std::size_t i, std::size_t n) {
  if (n <= full_sweep_limit || i < full_head || i >= n - full_tail) return 0xFF;
  return static_cast<std::uint8_t>(1u << ((i + i / 8) % 8));
}

TEST_P(NativeSweep, EverySingleBitFlip) {
  const vector_file& f = GetParam();
  const layout wire = layout_of(f);
  const std::vector<std::uint8_t> full = read_vector_file(f);
  const std::size_t n = full.size();
  auto buffer = std::make_unique<std::uint8_t[]>(n);  // exact size: ASan sees an over-read
  std::copy(full.begin(), full.end(), buffer.get());
  const byte_span input(buffer.get(), n);
  sweep_counts counts;
  std::size_t failures = 0;
  std::size_t flips = 0;
  std::size_t pointer_errors = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t mask = bits_to_flip(i, n);
    for (unsigned bit = 0; bit < 8; ++bit) {
      if ((mask & (1u << bit)) == 0) continue;
      ++flips;
      buffer[i] ^= static_cast<std::uint8_t>(1u << bit);
      decode_outcome strict;
      const std::string problem = check_input(f, wire, input, counts, strict);
      if (!strict.ok() && strict.failure.code == error_code::pointer_out_of_image) ++pointer_errors;
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
  // Most flips land in data (addresses, times, characters) and still decode,
  // and the flips in pointers lead out of the image: a sweep where nearly
  // everything fails, or nothing does, would be testing little. (array-empty
  // is nothing but a count and a pointer.)
  if (f.vector != "array-empty") {
    EXPECT_GT(counts.strict_values, counts.inputs / 4) << "strict decodes " << counts.strict_values << " of " << counts.inputs;
    EXPECT_LT(counts.strict_values, counts.inputs) << "every flip decodes";
  }
  EXPECT_GT(pointer_errors, 0u);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  RecordProperty("inputs", static_cast<int>(counts.inputs));
  RecordProperty("milliseconds", static_cast<int>(ms.count()));
}

INSTANTIATE_TEST_SUITE_P(Files, NativeSweep, testing::ValuesIn(vector_files(sweep_kinds)), param_name);

}  // namespace
}  // namespace dhcpm::test
