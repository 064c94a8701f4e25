// dhcpm's benchmarks (Google Benchmark). Names are stable — scripts/bench and
// docs/performance.md refer to them:
//
//   BM_Memcpy/<layout>/<N>        memcpy of the bytes that BM_OwningDecode/<layout>/<N> decodes
//   BM_OwningDecode/<layout>/<N>  dhcpm::decode<client_info_array> into an owning value (freeing it included)
//   BM_Encode/<layout>/<N>        dhcpm::encode of the value into a fresh byte vector
//   BM_OwningDecode2T/<ndr>/<N>   the same on two threads (decode_options::threads = 2; wall time)
//   BM_Validate/<layout>/<N>      dhcpm::validate of the same bytes: decoding's walk, building nothing
//   BM_Validate2T/<ndr>/<N>       the same on two threads (wall time)
//   BM_Cursor/<ndr>/<N>           the one-pass cursor, every field of every client folded
//   BM_Cursor2T/ndr20/<N>         read_in_parallel on two threads, the same fold per run (wall time)
//   BM_FoldValue/<ndr>/<N>        the cursor's fold (checksum) over the owning value already in
//                                 memory: the caller's own work in BM_Cursor, with no walk at all
//   BM_ViewDecode/<layout>/<N>    dhcpm::view_array validation plus a read of every field of every
//                                 client (see view_validate_and_read_all)
//   BM_ReadTwice/<layout>/<N>     one 8-byte load from every 64-byte line of those bytes, front to
//                                 back, twice: the memory traffic any validate-then-read view must
//                                 make (one pass to validate, one to read), with no work per byte
//   BM_SambaPull/<ndr>/<N>        Samba libndr's pidl-style pull (ndr_pull_struct_blob_all) into
//                                 talloc memory, freeing it included (only with libndr; also pb-ndr20)
//   BM_SambaPush/<ndr>/<N>        Samba libndr's pidl-style push (ndr_push_struct_blob), N <= 100,000
//                                 (talloc caps one allocation at 256 MiB)
//
// <layout> is ndr20, ndr64 or x64 (Samba: ndr20, ndr64); <N> is the client count: 1, 100, 10000,
// 100000, 1000000. Inputs are bench::data_for(N): realistic clients from a fixed seed. Each
// benchmark reports bytes/s (the layout's input bytes, or the bytes produced) and items/s (clients),
// plus the counters `clients` and `input_bytes`.
//
// Every benchmark sets up outside its timed loop and checks, once per layout and N and outside the
// loop, that what it produces is right: decode(encode(x)) == x and its checksum; the view's checksum;
// Samba's pull equals the value and its push decodes to it. At startup, when built with libndr, the
// Samba peer must agree with dhcpm on the golden vectors (byte for byte and value for value) or the
// program aborts; `--dhcpm_check_only` runs just that check (the samba_peer_agrees test).
//
// BM_Stubs*/pb-ndr20/<stubs> (bench_stubs.hpp) are the analyzer's workload; `--dhcpm_stubs=N` runs
// them over N stubs instead of 10,000 (the bench_stubs_smoke test).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "bench_data.hpp"
#include "bench_fold.hpp"
#include "bench_stubs.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/error.hpp"

#include "dhcpm/view.hpp"
#if defined(DHCPM_HAVE_SAMBA_PEER)
#include "samba_peer/samba_bridge.hpp"
#endif

namespace dhcpm::bench {
namespace {

// The decoding benchmarks keep freed large blocks for the next iteration, as
// a program decoding input after input of one size would (large_block.hpp;
// main() says so in the benchmark context). Everything else allocates afresh.
block_cache& decode_cache() {
  static block_cache cache;  // block_cache::default_limit
  return cache;
}
const decode_options& cached_options() {
  static const decode_options options{.cache = &decode_cache()};
  return options;
}

// ===========================================================================
// THE VIEW HOOK — the one function BM_ViewDecode times.
//
// Validate `input` once with the view API, then read every field of every
// client through the view and fold it into a checksum_builder exactly as
// bench::fold(checksum_builder&, const client_info&) does for an owning value
// (bench_data.hpp lists what each field contributes: strings give their
// length in units and their first and last unit — read through the view, not
// converted). Return the checksum, or the view's error for a rejected input.
// BM_ViewDecode checks the result against checksum(value) before timing and
// reports an error (not a crash) when they differ.
// ===========================================================================
[[maybe_unused]] result<std::uint64_t> view_validate_and_read_all(byte_span input, layout wire) {
  auto view = view_array(input, wire, cached_options());
  if (!view) return view.error_value();
  checksum_builder sum;
  sum.add(view->num_elements());
  if (view->clients_is_null()) {
    sum.clients_null();
    return sum.value();
  }
  sum.clients(view->size());
  for (const auto client : *view) {
    if (!client) {
      sum.element_null();
    } else {
      fold(sum, *client);
    }
  }
  return sum.value();
}

constexpr std::size_t samba_push_max_clients = 100'000;  // talloc: one allocation <= 256 MiB

// Benchmarks need 100,000 too: encode is compared with Samba's push there.
constexpr std::size_t counts[] = {1, 100, 10'000, 100'000, 1'000'000};

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "dhcpm_bench: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

std::string bench_name(const char* family, std::string_view wire, std::size_t n) {
  return std::string(family) + "/" + std::string(wire) + "/" + std::to_string(n);
}

void set_counters(benchmark::State& state, std::size_t bytes_per_iteration, std::size_t clients) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes_per_iteration));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(clients));
  state.counters["clients"] = static_cast<double>(clients);
  state.counters["input_bytes"] = static_cast<double>(bytes_per_iteration);
}

// The data of N, keeping only this one of the large sets in memory.
const data_set& prepare(std::size_t n) {
  release_large_sets_except(n);
  return data_for(n);
}

// Once per (what, layout, N): has the check run and passed?
bool first_time(const std::string& key) {
  static std::set<std::string> done;
  return done.insert(key).second;
}

// ---------------------------------------------------------------------------

void bm_memcpy(benchmark::State& state, layout wire, std::size_t n) {
  const bytes& input = prepare(n).encoded(wire);
  std::vector<std::uint8_t> out(input.size());
  std::memset(out.data(), 0xA5, out.size());  // fault the pages in outside the loop
  for (auto _ : state) {
    std::memcpy(out.data(), input.data(), input.size());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  if (std::memcmp(out.data(), input.data(), input.size()) != 0) state.SkipWithError("memcpy copied wrong bytes");
  set_counters(state, input.size(), n);
}

// The floor under BM_ViewDecode: a view validates the whole input before the
// first field is read, so an input larger than the caches comes from memory
// twice. Each pass loads one word per cache line and nothing else.
void bm_read_twice(benchmark::State& state, layout wire, std::size_t n) {
  const bytes& input = prepare(n).encoded(wire);
  constexpr std::size_t line = 64;
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t at = 0; at + sizeof(std::uint64_t) <= input.size(); at += line) {
        std::uint64_t word = 0;
        std::memcpy(&word, input.data() + at, sizeof word);
        sum += word;
      }
      benchmark::DoNotOptimize(sum);
    }
  }
  set_counters(state, input.size(), n);
}

// decode's options for `threads` threads.
decode_options threaded_options(unsigned threads) {
  decode_options options = cached_options();
  options.threads = threads;
  return options;
}

void bm_owning_decode(benchmark::State& state, layout wire, std::size_t n, unsigned threads) {
  const data_set& set = prepare(n);
  const bytes& input = set.encoded(wire);
  const decode_options options = threaded_options(threads);
  if (first_time("owning/" + std::to_string(threads) + std::string(layout_name(wire)) + "/" + std::to_string(n))) {
    auto decoded = decode<client_info_array>(input, wire, options);
    if (!decoded) die(bench_name("BM_OwningDecode", layout_name(wire), n) + ": " + format_error(decoded.error_value()));
    if (!(decoded->value == set.value) || checksum(decoded->value) != checksum(set.value))
      die(bench_name("BM_OwningDecode", layout_name(wire), n) + ": decode(encode(x)) != x");
  }
  for (auto _ : state) {
    auto decoded = decode<client_info_array>(input, wire, options);
    if (!decoded) {
      state.SkipWithError("decode failed");
      break;
    }
    benchmark::DoNotOptimize(decoded->value.num_elements);
    benchmark::DoNotOptimize(decoded);
    // the value is freed here, inside the loop: a program decoding input after input pays for it
  }
  set_counters(state, input.size(), n);
}

void bm_validate(benchmark::State& state, layout wire, std::size_t n, unsigned threads) {
  const data_set& set = prepare(n);
  const bytes& input = set.encoded(wire);
  const wire_format format{.wire = wire};
  decode_options options;
  options.threads = threads;
  if (first_time("validate/" + std::to_string(threads) + std::string(layout_name(wire)) + "/" + std::to_string(n))) {
    auto valid = validate(input, value_type::array, format, options);
    if (!valid) die(bench_name("BM_Validate", layout_name(wire), n) + ": " + format_error(valid.error_value()));
    // A broken copy must be refused, as decoding refuses it: validate really checks.
    bytes broken(input.begin(), input.end() - 1);
    if (validate(broken, value_type::array, format, options)) die(bench_name("BM_Validate", layout_name(wire), n) + ": accepts a cut input");
  }
  for (auto _ : state) {
    auto valid = validate(input, value_type::array, format, options);
    if (!valid) {
      state.SkipWithError("validate failed");
      break;
    }
    benchmark::DoNotOptimize(valid);
  }
  set_counters(state, input.size(), n);
}

void bm_encode(benchmark::State& state, layout wire, std::size_t n) {
  const data_set& set = prepare(n);
  const bytes& expected = set.encoded(wire);
  for (auto _ : state) {
    auto encoded = encode<client_info_array>(set.value, wire);
    if (!encoded) {
      state.SkipWithError("encode failed");
      break;
    }
    benchmark::DoNotOptimize(encoded->data());
    benchmark::ClobberMemory();
  }
  if (first_time("encode/" + std::string(layout_name(wire)) + "/" + std::to_string(n))) {
    auto encoded = encode<client_info_array>(set.value, wire);
    if (!encoded || encoded.value() != expected) die(bench_name("BM_Encode", layout_name(wire), n) + ": encoding is not stable");
  }
  set_counters(state, expected.size(), n);
}

// Encoding value after value into one buffer (encode_into): its capacity is
// kept, so only the first iteration touches fresh memory.
void bm_encode_into(benchmark::State& state, layout wire, std::size_t n) {
  const data_set& set = prepare(n);
  const bytes& expected = set.encoded(wire);
  bytes out;
  // One encoding before the timed loop gives `out` its capacity and faults its
  // pages in, as BM_Memcpy's destination is: the loop measures the reuse that
  // this benchmark is about, not the first growth: at 1,000,000 clients that
  // is several reallocations and 72,000 page faults, in a benchmark of a few
  // iterations per repetition, and it was a quarter of the reported time.
  if (!encode_into<client_info_array>(set.value, wire, out)) die(bench_name("BM_EncodeInto", layout_name(wire), n) + ": failed");
  for (auto _ : state) {
    auto written = encode_into<client_info_array>(set.value, wire, out);
    if (!written) {
      state.SkipWithError("encode_into failed");
      break;
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  if (out != expected) die(bench_name("BM_EncodeInto", layout_name(wire), n) + ": the bytes differ from encode's");
  set_counters(state, expected.size(), n);
}

[[maybe_unused]] void bm_view_decode(benchmark::State& state, layout wire, std::size_t n) {
  const data_set& set = prepare(n);
  const bytes& input = set.encoded(wire);
  auto first = view_validate_and_read_all(input, wire);
  if (!first) {
    state.SkipWithError(("view: " + format_error(first.error_value())).c_str());
    return;
  }
  if (first.value() != checksum(set.value)) {
    state.SkipWithError("view checksum differs from the value's checksum (view_validate_and_read_all)");
    return;
  }
  for (auto _ : state) {
    auto sum = view_validate_and_read_all(input, wire);
    benchmark::DoNotOptimize(sum);
  }
  set_counters(state, input.size(), n);
}

void bm_cursor(benchmark::State& state, layout wire, std::size_t n) {
  const data_set& set = prepare(n);
  const bytes& input = set.encoded(wire);
  auto first = cursor_validate_and_read_all(input, wire);
  if (!first) {
    state.SkipWithError(("cursor: " + format_error(first.error_value())).c_str());
    return;
  }
  if (first.value() != checksum(set.value)) {
    state.SkipWithError("cursor checksum differs from the value's checksum (cursor_validate_and_read_all)");
    return;
  }
  for (auto _ : state) {
    auto sum = cursor_validate_and_read_all(input, wire);
    benchmark::DoNotOptimize(sum);
  }
  set_counters(state, input.size(), n);
}

// The fold BM_Cursor makes, over the value in memory instead of the input:
// what reading every field costs the caller before any walking or checking.
// With BM_Validate (the walk and every check, nothing handed out) it shows how
// much of memcpy's time the two leave each other (docs/performance.md).
template <class Array>
void bm_fold_value(benchmark::State& state, const Array& value, std::size_t input_bytes, std::size_t n) {
  for (auto _ : state) {
    auto sum = checksum(value);
    benchmark::DoNotOptimize(sum);
  }
  set_counters(state, input_bytes, n);
}
void bm_fold_failover_value(benchmark::State& state, std::size_t n) {
  const data_set& set = prepare(n);
  bm_fold_value(state, set.value, set.ndr20.size(), n);
}

// The DHCP_CLIENT_INFO_PB_ARRAY benchmarks (named with the layout "pb-ndr20"):
// what an enumeration response carries, in NDR 2.0.
const bytes& pb_input(std::size_t n) {
  release_large_sets_except(n);
  return pb_data_for(n).ndr20;
}

void bm_pb_memcpy(benchmark::State& state, std::size_t n) {
  const bytes& input = pb_input(n);
  std::vector<std::uint8_t> out(input.size(), 0xA5);
  for (auto _ : state) {
    std::memcpy(out.data(), input.data(), input.size());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, input.size(), n);
}

void bm_pb_owning_decode(benchmark::State& state, std::size_t n, unsigned threads) {
  const bytes& input = pb_input(n);
  const pb_data_set& set = pb_data_for(n);
  const decode_options options = threaded_options(threads);
  if (first_time("pb-owning/" + std::to_string(threads) + "/" + std::to_string(n))) {
    auto decoded = decode<dhcp_client_info_pb_array>(input, layout::ndr20, options);
    if (!decoded || !(decoded->value == set.value)) die(bench_name("BM_OwningDecode", "pb-ndr20", n) + ": decode(encode(x)) != x");
  }
  for (auto _ : state) {
    auto decoded = decode<dhcp_client_info_pb_array>(input, layout::ndr20, options);
    benchmark::DoNotOptimize(decoded);
  }
  set_counters(state, input.size(), n);
}

void bm_pb_validate(benchmark::State& state, std::size_t n) {
  const bytes& input = pb_input(n);
  const wire_format format{.wire = layout::ndr20};
  if (!validate(input, value_type::DHCP_CLIENT_INFO_PB_ARRAY, format)) die("BM_Validate/pb-ndr20: refuses its input");
  for (auto _ : state) {
    auto valid = validate(input, value_type::DHCP_CLIENT_INFO_PB_ARRAY, format);
    benchmark::DoNotOptimize(valid);
  }
  set_counters(state, input.size(), n);
}

// BM_Cursor2T: read_in_parallel on two threads (wall time), every field folded.
template <class Array>
void bm_cursor_parallel(benchmark::State& state, const bytes& input, std::uint64_t expected, std::size_t n) {
  const decode_options options = threaded_options(2);
  const auto first = cursor_read_all_in_parallel<Array>(input, layout::ndr20, options);
  if (!first || *first != expected) {
    state.SkipWithError("the parallel cursor's checksum differs from the value's");
    return;
  }
  for (auto _ : state) {
    auto sum = cursor_read_all_in_parallel<Array>(input, layout::ndr20, options);
    benchmark::DoNotOptimize(sum);
  }
  set_counters(state, input.size(), n);
}
void bm_cursor_2t(benchmark::State& state, std::size_t n) {
  const data_set& set = prepare(n);
  bm_cursor_parallel<client_info_array>(state, set.encoded(layout::ndr20), checksum(set.value), n);
}
void bm_pb_cursor_2t(benchmark::State& state, std::size_t n) {
  bm_cursor_parallel<dhcp_client_info_pb_array>(state, pb_input(n), checksum(pb_data_for(n).value), n);
}

void bm_pb_fold_value(benchmark::State& state, std::size_t n) {
  const bytes& input = pb_input(n);
  bm_fold_value(state, pb_data_for(n).value, input.size(), n);
}

void bm_pb_cursor(benchmark::State& state, std::size_t n) {
  const bytes& input = pb_input(n);
  const auto first = cursor_validate_and_read_all<dhcp_client_info_pb_array>(input, layout::ndr20);
  if (!first || *first != checksum(pb_data_for(n).value)) {
    state.SkipWithError("the PB cursor's checksum differs from the value's");
    return;
  }
  for (auto _ : state) {
    auto sum = cursor_validate_and_read_all<dhcp_client_info_pb_array>(input, layout::ndr20);
    benchmark::DoNotOptimize(sum);
  }
  set_counters(state, input.size(), n);
}

#if defined(DHCPM_HAVE_SAMBA_PEER)

void bm_samba_pull_pb(benchmark::State& state, std::size_t n) {
  const bytes& input = pb_input(n);
  if (first_time("samba-pull/pb-ndr20/" + std::to_string(n))) {
    std::string why;
    auto pulled = samba::pull_pb(input, false, &why);
    if (!pulled) die(bench_name("BM_SambaPull", "pb-ndr20", n) + ": " + why);
    if (!(*pulled == pb_data_for(n).value)) die(bench_name("BM_SambaPull", "pb-ndr20", n) + ": Samba's pull differs from the value");
  }
  for (auto _ : state) {
    void* ctx = samba_peer_new_context();
    DHCP_CLIENT_INFO_PB_ARRAY out{};
    if (samba_peer_pull_pb_array(ctx, input.data(), input.size(), 0, &out, nullptr) != 0) {
      samba_peer_free(ctx);
      state.SkipWithError("Samba pull failed");
      break;
    }
    benchmark::DoNotOptimize(out.NumElements);
    benchmark::DoNotOptimize(out.Clients);
    samba_peer_free(ctx);
  }
  set_counters(state, input.size(), n);
}

void bm_samba_pull(benchmark::State& state, bool ndr64, std::size_t n) {
  const data_set& set = prepare(n);
  const bytes& input = ndr64 ? set.ndr64 : set.ndr20;
  const char* wire = ndr64 ? "ndr64" : "ndr20";
  if (first_time(std::string("samba-pull/") + wire + "/" + std::to_string(n))) {
    std::string why;
    auto pulled = samba::pull(input, ndr64, &why);
    if (!pulled) die(bench_name("BM_SambaPull", wire, n) + ": " + why);
    if (!(*pulled == set.value)) die(bench_name("BM_SambaPull", wire, n) + ": Samba's pull differs from the value");
  }
  for (auto _ : state) {
    void* ctx = samba_peer_new_context();
    DHCPV4_FAILOVER_CLIENT_INFO_ARRAY out{};
    if (samba_peer_pull_array(ctx, input.data(), input.size(), ndr64 ? 1 : 0, &out, nullptr) != 0) {
      samba_peer_free(ctx);
      state.SkipWithError("Samba pull failed");
      break;
    }
    benchmark::DoNotOptimize(out.NumElements);
    benchmark::DoNotOptimize(out.Clients);
    samba_peer_free(ctx);  // talloc_free of the whole tree, as a Samba program would
  }
  set_counters(state, input.size(), n);
}

// Samba-shaped inputs for push, built outside the timed loop once per N.
const samba::push_input& samba_push_input(std::size_t n) {
  static std::map<std::size_t, std::unique_ptr<samba::push_input>> inputs;
  for (auto it = inputs.begin(); it != inputs.end();) it = it->first > 100 && it->first != n ? inputs.erase(it) : std::next(it);
  auto& slot = inputs[n];
  if (!slot) {
    std::string why;
    auto in = samba::to_samba(data_for(n).value, &why);
    if (!in) die("BM_SambaPush: " + why);
    slot = std::make_unique<samba::push_input>(std::move(*in));
  }
  return *slot;
}

void bm_samba_push(benchmark::State& state, bool ndr64, std::size_t n) {
  const data_set& set = prepare(n);
  const samba::push_input& in = samba_push_input(n);
  const bytes& expected = ndr64 ? set.ndr64 : set.ndr20;
  const char* wire = ndr64 ? "ndr64" : "ndr20";
  if (first_time(std::string("samba-push/") + wire + "/" + std::to_string(n))) {
    std::string why;
    auto pushed = samba::push(set.value, ndr64, &why);
    if (!pushed) die(bench_name("BM_SambaPush", wire, n) + ": " + why);
    // Samba ORs its pointer counter into 0x20000, so its referent ids leave the
    // canonical 0x20000 + 4k after 32768 pointers: compare values, not bytes.
    auto back = decode<client_info_array>(*pushed, ndr64 ? layout::ndr64 : layout::ndr20);
    if (!back || !(back->value == set.value)) die(bench_name("BM_SambaPush", wire, n) + ": Samba's push does not decode to the value");
    if (pushed->size() != expected.size()) die(bench_name("BM_SambaPush", wire, n) + ": Samba's push has a different size");
  }
  std::size_t produced = 0;
  for (auto _ : state) {
    void* ctx = samba_peer_new_context();
    std::uint8_t* data = nullptr;
    std::size_t length = 0;
    if (samba_peer_push_array(ctx, in.get(), ndr64 ? 1 : 0, &data, &length, nullptr) != 0) {
      samba_peer_free(ctx);
      state.SkipWithError("Samba push failed");
      break;
    }
    benchmark::DoNotOptimize(data);
    produced = length;
    samba_peer_free(ctx);
  }
  benchmark::DoNotOptimize(produced);
  set_counters(state, expected.size(), n);
}

bool samba_ndr64_agrees = false;

void check_samba_peer_or_abort() {
  std::string failure;
  const std::size_t ndr20_files = samba::check_vectors(DHCPM_BENCH_VECTOR_DIR, false, &failure);
  if (ndr20_files == 0) die("the Samba peer disagrees with dhcpm (NDR 2.0): " + failure);
  // The benchmark data too, at a size where Samba's referent ids are still canonical.
  const data_set& small = data_for(100);
  std::string why;
  auto pushed = samba::push(small.value, false, &why);
  if (!pushed || *pushed != small.ndr20) die("the Samba peer's push of the 100-client benchmark data differs from dhcpm's bytes " + why);
  auto pulled = samba::pull(small.ndr20, false, &why);
  if (!pulled || !(*pulled == small.value)) die("the Samba peer's pull of the 100-client benchmark data differs from the value " + why);

  // NDR64 is optional: libndr's NDR64 is used only by a few Samba pipes.
  std::string ndr64_failure;
  const std::size_t ndr64_files = samba::check_vectors(DHCPM_BENCH_VECTOR_DIR, true, &ndr64_failure);
  samba_ndr64_agrees = ndr64_files > 0;
  if (samba_ndr64_agrees) {
    auto pushed64 = samba::push(small.value, true, &why);
    auto pulled64 = samba::pull(small.ndr64, true, &why);
    samba_ndr64_agrees = pushed64 && *pushed64 == small.ndr64 && pulled64 && *pulled64 == small.value;
    if (!samba_ndr64_agrees) ndr64_failure = "benchmark data: " + why;
  }
  // The family vectors it covers: DHCP_CLIENT_INFO_PB_ARRAY and the R_DhcpV4EnumSubnetClients response.
  const std::string family = std::string(DHCPM_BENCH_VECTOR_DIR) + "/family";
  const std::size_t family_files = samba::check_family_vectors(family, false, &failure);
  if (family_files == 0) die("the Samba peer disagrees with dhcpm on the family vectors (NDR 2.0): " + failure);
  auto pb_pushed = samba::push_pb(pb_data_for(100).value, false, &why);
  if (!pb_pushed || *pb_pushed != pb_data_for(100).ndr20) die("the Samba peer's push of the 100-client PB data differs from dhcpm's bytes " + why);
  std::size_t family64_files = 0;
  if (samba_ndr64_agrees) {
    family64_files = samba::check_family_vectors(family, true, &ndr64_failure);
    samba_ndr64_agrees = family64_files > 0;
  }
  std::fprintf(stderr, "dhcpm_bench: the Samba libndr peer agrees with dhcpm on %zu NDR 2.0 vectors, %zu family vectors and the benchmark data",
               ndr20_files, family_files);
  if (samba_ndr64_agrees) {
    std::fprintf(stderr, ", and on %zu + %zu NDR64 vectors\n", ndr64_files, family64_files);
  } else {
    std::fprintf(stderr, "; NDR64 not benchmarked (%s)\n", ndr64_failure.c_str());
  }
}

#endif  // DHCPM_HAVE_SAMBA_PEER

void register_all(std::size_t stub_count) {
  // Client count outermost: only one large data set is in memory at a time.
  for (std::size_t n : counts) {
    for (layout wire : bench_layouts) {
      const std::string_view name = layout_name(wire);
      benchmark::RegisterBenchmark(bench_name("BM_Memcpy", name, n).c_str(), bm_memcpy, wire, n);
      benchmark::RegisterBenchmark(bench_name("BM_OwningDecode", name, n).c_str(), bm_owning_decode, wire, n, 1u);
      benchmark::RegisterBenchmark(bench_name("BM_Encode", name, n).c_str(), bm_encode, wire, n);
      benchmark::RegisterBenchmark(bench_name("BM_EncodeInto", name, n).c_str(), bm_encode_into, wire, n);
      benchmark::RegisterBenchmark(bench_name("BM_Validate", name, n).c_str(), bm_validate, wire, n, 1u);
      // Two threads, each taking at least bytes_per_thread (1 MiB) of records: only the large arrays are split.
      if (!is_native(wire)) {
        benchmark::RegisterBenchmark(bench_name("BM_Validate2T", name, n).c_str(), bm_validate, wire, n, 2u)->UseRealTime();
        benchmark::RegisterBenchmark(bench_name("BM_OwningDecode2T", name, n).c_str(), bm_owning_decode, wire, n, 2u)
            ->UseRealTime();
      }
      benchmark::RegisterBenchmark(bench_name("BM_ViewDecode", name, n).c_str(), bm_view_decode, wire, n);
      if (!is_native(wire)) benchmark::RegisterBenchmark(bench_name("BM_Cursor", name, n).c_str(), bm_cursor, wire, n);
      if (wire == layout::ndr20) {
        benchmark::RegisterBenchmark(bench_name("BM_Cursor2T", name, n).c_str(), bm_cursor_2t, n)->UseRealTime();
        benchmark::RegisterBenchmark(bench_name("BM_FoldValue", name, n).c_str(), bm_fold_failover_value, n);
      }
      benchmark::RegisterBenchmark(bench_name("BM_ReadTwice", name, n).c_str(), bm_read_twice, wire, n);
    }
    if (n >= 10'000) {
      benchmark::RegisterBenchmark(bench_name("BM_Memcpy", "pb-ndr20", n).c_str(), bm_pb_memcpy, n);
      benchmark::RegisterBenchmark(bench_name("BM_OwningDecode", "pb-ndr20", n).c_str(), bm_pb_owning_decode, n, 1u);
      benchmark::RegisterBenchmark(bench_name("BM_OwningDecode2T", "pb-ndr20", n).c_str(), bm_pb_owning_decode, n, 2u)
          ->UseRealTime();
      benchmark::RegisterBenchmark(bench_name("BM_Validate", "pb-ndr20", n).c_str(), bm_pb_validate, n);
      benchmark::RegisterBenchmark(bench_name("BM_Cursor", "pb-ndr20", n).c_str(), bm_pb_cursor, n);
      benchmark::RegisterBenchmark(bench_name("BM_Cursor2T", "pb-ndr20", n).c_str(), bm_pb_cursor_2t, n)->UseRealTime();
      benchmark::RegisterBenchmark(bench_name("BM_FoldValue", "pb-ndr20", n).c_str(), bm_pb_fold_value, n);
#if defined(DHCPM_HAVE_SAMBA_PEER)
      benchmark::RegisterBenchmark(bench_name("BM_SambaPull", "pb-ndr20", n).c_str(), bm_samba_pull_pb, n);
#endif
    }
#if defined(DHCPM_HAVE_SAMBA_PEER)
    for (bool ndr64 : {false, true}) {
      if (ndr64 && !samba_ndr64_agrees) continue;
      const char* name = ndr64 ? "ndr64" : "ndr20";
      benchmark::RegisterBenchmark(bench_name("BM_SambaPull", name, n).c_str(), bm_samba_pull, ndr64, n);
      if (n <= samba_push_max_clients)
        benchmark::RegisterBenchmark(bench_name("BM_SambaPush", name, n).c_str(), bm_samba_push, ndr64, n);
    }
#endif
  }
  register_stub_benchmarks(stub_count);
}

}  // namespace
}  // namespace dhcpm::bench

int main(int argc, char** argv) {
  bool check_only = false;
  std::size_t stub_count = 0;  // BM_Stubs*: 0 is their 10,000
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--dhcpm_check_only") == 0) {
      check_only = true;
    } else if (std::strncmp(argv[i], "--dhcpm_stubs=", 14) == 0) {
      stub_count = std::strtoull(argv[i] + 14, nullptr, 10);
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

#if defined(DHCPM_HAVE_SAMBA_PEER)
  dhcpm::bench::check_samba_peer_or_abort();
  benchmark::AddCustomContext("dhcpm_samba_peer", DHCPM_BENCH_NDR_VERSION);
#else
  benchmark::AddCustomContext("dhcpm_samba_peer", "absent");
  if (check_only) {
    std::fprintf(stderr, "dhcpm_bench: built without libndr; nothing to check\n");
    return 77;
  }
#endif
  if (check_only) return 0;
  benchmark::AddCustomContext("dhcpm_view", "yes");
  benchmark::AddCustomContext("dhcpm_block_cache", "on for BM_OwningDecode and BM_ViewDecode (" +
                                                       std::to_string(dhcpm::block_cache::default_limit >> 20) +
                                                       " MiB): freed large blocks are reused by the next iteration");
  dhcpm::bench::register_all(stub_count);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
