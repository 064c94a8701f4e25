// The main of a fuzz target built without a fuzzing engine (GCC, or clang
// without -fsanitize=fuzzer): runs LLVMFuzzerTestOneInput on every file named
// on the command line and every file in every directory named, so that CTest
// replays the seed corpora and fuzz/regressions/ under the sanitizers.
//
//   fuzz_decode_ndr20_client [--mutate=N] PATH...
//
// --mutate=N also runs N structure-aware mutants and N cross-overs of each
// input when the target links LLVMFuzzerCustomMutator, which tests the
// mutator itself under the sanitizers. Arguments that look like libFuzzer
// flags (-runs=0) are ignored, so one command line serves both builds.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" __attribute__((weak)) std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                                                     std::size_t max_size, unsigned int seed);
extern "C" __attribute__((weak)) std::size_t LLVMFuzzerCustomCrossOver(const std::uint8_t* data1, std::size_t size1,
                                                                       const std::uint8_t* data2, std::size_t size2,
                                                                       std::uint8_t* out, std::size_t max_out_size,
                                                                       unsigned int seed);

namespace {

std::minstd_rand& byte_mutation_engine() {
  static std::minstd_rand engine(1);
  return engine;
}

}  // namespace

// libFuzzer's byte mutator, which the structure-aware mutator falls back to:
// here a deterministic stand-in that changes, inserts or erases one byte.
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size) {
  std::minstd_rand& engine = byte_mutation_engine();
  const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(engine); };
  switch (size == 0 ? 1 : pick(3)) {
    case 0:
      data[pick(size)] ^= static_cast<std::uint8_t>(1u << pick(8));
      return size;
    case 1:
      if (size < max_size) {
        const std::size_t at = pick(size + 1);
        std::copy_backward(data + at, data + size, data + size + 1);
        data[at] = static_cast<std::uint8_t>(pick(256));
        return size + 1;
      }
      return size;
    default: {
      const std::size_t at = pick(size);
      std::copy(data + at + 1, data + size, data + at);
      return size - 1;
    }
  }
}

namespace {

std::vector<std::uint8_t> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The files a path names, in name order (a directory's regular files, not its subdirectories).
std::vector<std::filesystem::path> inputs_of(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) {
    if (!std::filesystem::exists(path, ec)) {
      std::fprintf(stderr, "replay: no such file or directory: %s\n", path.c_str());
      std::exit(1);
    }
    return {path};
  }
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.') out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// N mutants and N cross-overs (with `other`) of one input through the target.
std::size_t run_mutants(const std::vector<std::uint8_t>& input, const std::vector<std::uint8_t>& other, unsigned n) {
  if (LLVMFuzzerCustomMutator == nullptr) return 0;
  const std::size_t max_size = std::max<std::size_t>(4096, 2 * std::max(input.size(), other.size()));
  std::vector<std::uint8_t> buffer(max_size);
  std::size_t ran = 0;
  for (unsigned seed = 1; seed <= n; ++seed) {
    std::copy(input.begin(), input.end(), buffer.begin());
    std::size_t size = LLVMFuzzerCustomMutator(buffer.data(), input.size(), max_size, seed);
    LLVMFuzzerTestOneInput(buffer.data(), size);
    if (LLVMFuzzerCustomCrossOver != nullptr) {
      size = LLVMFuzzerCustomCrossOver(input.data(), input.size(), other.data(), other.size(), buffer.data(), max_size,
                                       seed);
      LLVMFuzzerTestOneInput(buffer.data(), size);
    }
    ran += 2;
  }
  return ran;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  unsigned mutants = 0;
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--mutate=")) {
      mutants = static_cast<unsigned>(std::strtoul(argv[i] + 9, nullptr, 10));
    } else if (!arg.starts_with("-")) {
      for (const auto& path : inputs_of(arg)) inputs.push_back(path);
    }
  }
  std::size_t mutant_runs = 0;
  std::vector<std::uint8_t> previous;
  for (const auto& path : inputs) {
    const std::vector<std::uint8_t> input = read_file(path);
    LLVMFuzzerTestOneInput(input.data(), input.size());
    if (mutants != 0) mutant_runs += run_mutants(input, previous.empty() ? input : previous, mutants);
    previous = input;
  }
  std::fprintf(stderr, "replay: %zu inputs and %zu mutants ran without a bug report\n", inputs.size(), mutant_runs);
  return 0;
}
