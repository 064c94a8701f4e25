// What the schema-driven mutators of fuzz_decode_family and fuzz_decode_call
// produce: `dhcpm_mutator_yield FAMILY_CORPUS CALL_CORPUS [MUTANTS_PER_SEED]`
// runs each mutator on every seed and counts the mutants that came from the
// schema (not from the byte-level fallback) and the mutants strict decoding
// accepts. A mutator that broke its values, or fell back to byte mutation
// because its mutants stopped encoding, shows here; the run fails below the
// floors. (Built without a fuzzing engine: the byte-level fallback here
// flips one byte, in place of libFuzzer's.)
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dhcpm/call.hpp"
#include "dhcpm/codec.hpp"
#include "harness/call_harness.hpp"
#include "harness/family_harness.hpp"
#include "harness/structure_aware.hpp"

namespace {

std::size_t byte_level = 0;  // calls of the fallback

struct yield {
  std::size_t mutants = 0;
  std::size_t from_schema = 0;
  std::size_t strictly_valid = 0;
};

std::vector<std::vector<std::uint8_t>> read_corpus(const char* dir) {
  std::vector<std::vector<std::uint8_t>> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream f(entry.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  return out;
}

bool family_accepts(const std::vector<std::uint8_t>& input) {
  using namespace dhcpm;
  if (input.size() < 2) return false;
  const value_type type = fuzz::family_fuzz_types[input[0] % fuzz::family_fuzz_types.size()];
  const layout wire = fuzz::family_fuzz_layouts[input[1] % fuzz::family_fuzz_layouts.size()];
  const byte_span body(input.data() + 2, input.size() - 2);
  return with_record_type(type, [&](auto r) {
    using Record = typename decltype(r)::type;
    if (wire == layout::pickle) return decode<std::vector<Record>>(body, {.wire = wire, .all = true}).has_value();
    return decode<Record>(body, {.wire = wire}).has_value();
  });
}

bool call_accepts(const std::vector<std::uint8_t>& input) {
  using namespace dhcpm;
  if (input.size() < 2) return false;
  const std::size_t i = input[0] % (2 * call_table.size());
  const call_stub_type type{i / 2, i % 2 == 0 ? direction::request : direction::response};
  const layout wire = fuzz::call_fuzz_layouts[input[1] % fuzz::call_fuzz_layouts.size()];
  return decode_call(byte_span(input.data() + 2, input.size() - 2), type, wire).has_value();
}

template <class Mutate, class Accepts>
yield measure(const char* dir, unsigned per_seed, Mutate mutate, Accepts accepts) {
  yield y;
  for (const std::vector<std::uint8_t>& seed : read_corpus(dir)) {
    for (unsigned s = 0; s < per_seed; ++s) {
      std::vector<std::uint8_t> buffer(seed);
      buffer.resize(1 << 16);
      const std::size_t before = byte_level;
      buffer.resize(mutate(buffer.data(), seed.size(), buffer.size(), s));
      ++y.mutants;
      if (byte_level == before) ++y.from_schema;
      if (accepts(buffer)) ++y.strictly_valid;
    }
  }
  return y;
}

bool report(const char* name, const yield& y) {
  const double schema = y.mutants ? 100.0 * y.from_schema / y.mutants : 0;
  const double valid = y.mutants ? 100.0 * y.strictly_valid / y.mutants : 0;
  std::printf("%-20s %8zu mutants  %5.1f%% from the schema  %5.1f%% decode strictly\n", name, y.mutants, schema, valid);
  // One mutant in four is byte-level by design; the schema's must encode and decode.
  return y.mutants > 0 && schema >= 65 && valid >= 65;
}

}  // namespace

// The byte-level fallback of the mutators, as libFuzzer would provide it.
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t) {
  ++byte_level;
  if (size > 0) data[size / 2] ^= 0x55;
  return size;
}

// structure_aware.cpp's hook for the failover targets, unused here.
std::vector<dhcpm::fuzz::value_shape> dhcpm::fuzz::mutator_shapes() { return {}; }

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s FAMILY_CORPUS CALL_CORPUS [MUTANTS_PER_SEED]\n", argv[0]);
    return 2;
  }
  const unsigned per_seed = argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 20;
  const bool family = report("fuzz_decode_family", measure(argv[1], per_seed, dhcpm::fuzz::mutate_family, family_accepts));
  const bool call = report("fuzz_decode_call", measure(argv[2], per_seed, dhcpm::fuzz::mutate_call, call_accepts));
  return family && call ? 0 : 1;
}
