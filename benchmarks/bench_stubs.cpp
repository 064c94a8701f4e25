// BM_Stubs*: the analyzer's workload (bench_stubs.hpp).
#include "bench_stubs.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "bench_data.hpp"
#include "bench_fold.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/client_family.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/view.hpp"
#if defined(DHCPM_HAVE_SAMBA_PEER)
#include "samba_peer/samba_bridge.hpp"
#endif

namespace dhcpm::bench {
namespace {

std::size_t stub_count = 10'000;  // --dhcpm_stubs=N changes it (the CI smoke test: a few)
constexpr std::size_t preferred_maximum = 64 * 1024;  // bytes of one response's stub data, at most
constexpr std::uint32_t clients_per_stub = 200;       // asked for; fewer when they do not fit
constexpr std::uint32_t error_more_data = 234;

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "dhcpm_bench: BM_Stubs: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

call_stub_type enum_response() {
  const auto call = find_call("R_DhcpV4EnumSubnetClients");
  if (!call) die("no R_DhcpV4EnumSubnetClients in the call table");
  return call_stub_type{*call, direction::response};
}

// A stub's checksum: its array's (as checksum(value) folds it), then its DWORDs.
std::uint64_t stub_checksum(std::uint64_t array_sum, std::uint32_t resume, std::uint32_t read, std::uint32_t total,
                            std::uint32_t returned) {
  checksum_builder sum;
  for (std::uint64_t v : {array_sum, std::uint64_t{resume}, std::uint64_t{read}, std::uint64_t{total},
                          std::uint64_t{returned}}) {
    sum.add(v);
  }
  return sum.value();
}

std::uint32_t dword_of(const call_stub& stub, std::string_view name) {
  const param_value* v = stub.find(name);
  if (v == nullptr || !std::holds_alternative<std::uint32_t>(*v)) die(std::string("no DWORD ") + std::string(name));
  return std::get<std::uint32_t>(*v);
}

const dhcp_client_info_pb_array* clients_of(const call_stub& stub) {
  const param_value* v = stub.find("ClientInfo");
  if (v == nullptr || !std::holds_alternative<std::optional<any_record>>(*v)) die("no ClientInfo");
  const auto& record = std::get<std::optional<any_record>>(*v);
  if (!record) return nullptr;
  return std::get_if<dhcp_client_info_pb_array>(&*record);
}

std::uint64_t checksum_of(const call_stub& stub) {
  const dhcp_client_info_pb_array* clients = clients_of(stub);
  if (clients == nullptr) die("a stub without clients");
  return stub_checksum(checksum(*clients), dword_of(stub, "ResumeHandle"), dword_of(stub, "ClientsRead"),
                       dword_of(stub, "ClientsTotal"), dword_of(stub, "ReturnValue"));
}

// The first `count` elements of `from`.
dhcp_client_info_pb_array first_elements(const dhcp_client_info_pb_array& from, std::uint32_t count) {
  dhcp_client_info_pb_array out;
  out.num_elements = count;
  auto& list = out.clients.emplace();
  list.reserve(count, count);
  for (std::uint32_t i = 0; i < count; ++i) list.push_back(dhcp_client_info_pb(*(*from.clients)[i]));
  return out;
}

struct stub_set {
  std::vector<bytes> stubs;  // each in its own buffer, as responses arrive
  std::uint64_t checksum = 0;
  std::size_t total_bytes = 0;
  std::size_t clients = 0;
  std::size_t largest = 0;
};

// One response: up to clients_per_stub realistic records from the stub's own
// seed, as many as fit in preferred_maximum bytes.
bytes make_stub(std::size_t i, std::uint32_t total_clients, std::uint32_t& resume, std::uint64_t& sum,
                std::uint32_t& read) {
  generate_options options;
  options.elements = clients_per_stub;
  options.null_element_percent = 0;
  realistic_generator g(data_seed + i, options);
  const auto drawn = g.value<dhcp_client_info_pb_array>();
  std::uint32_t count = clients_per_stub;
  for (;;) {
    call_stub stub = empty_stub(enum_response());
    resume += count;
    *stub.find("ResumeHandle") = resume;
    *stub.find("ClientInfo") = std::optional<any_record>(any_record(first_elements(drawn, count)));
    *stub.find("ClientsRead") = count;
    *stub.find("ClientsTotal") = total_clients;
    *stub.find("ReturnValue") = i + 1 == stub_count ? 0u : error_more_data;
    auto encoded = encode_call(stub, layout::ndr20);
    if (!encoded) die("encode_call: " + format_error(encoded.error_value()));
    if (encoded->size() <= preferred_maximum) {
      sum = checksum_of(stub);
      read = count;
      return std::move(*encoded);
    }
    resume -= count;
    count = static_cast<std::uint32_t>(count * preferred_maximum / encoded->size()) - 1;
  }
}

const stub_set& stubs() {
  static std::unique_ptr<stub_set> set;
  if (set) return *set;
  release_large_sets_except(0);
  set = std::make_unique<stub_set>();
  set->stubs.reserve(stub_count);
  std::uint32_t resume = 0;
  for (std::size_t i = 0; i < stub_count; ++i) {
    std::uint64_t sum = 0;
    std::uint32_t read = 0;
    set->stubs.push_back(make_stub(i, static_cast<std::uint32_t>(stub_count * clients_per_stub), resume, sum, read));
    set->checksum += sum;
    set->total_bytes += set->stubs.back().size();
    set->largest = std::max(set->largest, set->stubs.back().size());
    set->clients += read;
  }
  std::fprintf(stderr, "dhcpm_bench: %zu R_DhcpV4EnumSubnetClients response stubs, %zu clients, %zu bytes (largest %zu)\n",
               set->stubs.size(), set->clients, set->total_bytes, set->largest);
  return *set;
}

void set_stub_counters(benchmark::State& state, const stub_set& set) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(set.total_bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(set.clients));
  state.counters["clients"] = static_cast<double>(set.clients);
  state.counters["input_bytes"] = static_cast<double>(set.total_bytes);
  state.counters["stubs"] = static_cast<double>(set.stubs.size());
}

void bm_stubs_memcpy(benchmark::State& state) {
  const stub_set& set = stubs();
  std::vector<std::uint8_t> out(preferred_maximum, 0xA5);
  for (auto _ : state) {
    for (const bytes& stub : set.stubs) {
      std::memcpy(out.data(), stub.data(), stub.size());
      benchmark::DoNotOptimize(out.data());
      benchmark::ClobberMemory();
    }
  }
  set_stub_counters(state, set);
}

void bm_stubs_owning(benchmark::State& state) {
  const stub_set& set = stubs();
  const call_stub_type type = enum_response();
  std::uint64_t sum = 0;
  for (const bytes& stub : set.stubs) {
    auto decoded = decode_call(stub, type, layout::ndr20);
    if (!decoded) die("decode_call: " + format_error(decoded.error_value()));
    sum += checksum_of(decoded->value);
  }
  if (sum != set.checksum) die("BM_StubsOwning: the decoded stubs' checksum differs from the values'");
  for (auto _ : state) {
    for (const bytes& stub : set.stubs) {
      auto decoded = decode_call(stub, type, layout::ndr20);
      benchmark::DoNotOptimize(decoded);
    }
  }
  set_stub_counters(state, set);
}

// THE STUB CURSOR HOOK: every DWORD and every field of every client of one
// stub, read once by the one-pass cursor; only a complete pass counts.
result<std::uint64_t> stub_cursor_read_all(byte_span stub, call_stub_type type) {
  auto cursor = open_cursor<dhcp_client_info_pb_array>(stub, type, layout::ndr20);
  if (!cursor) return cursor.error_value();
  checksum_builder sum;
  if (!fold_cursor(sum, *cursor)) return *cursor->failure();
  return stub_checksum(sum.value(), *cursor->dword("ResumeHandle"), *cursor->dword("ClientsRead"),
                       *cursor->dword("ClientsTotal"), *cursor->dword("ReturnValue"));
}

void bm_stubs_cursor(benchmark::State& state) {
  const stub_set& set = stubs();
  const call_stub_type type = enum_response();
  std::uint64_t first = 0;
  for (const bytes& stub : set.stubs) {
    auto sum = stub_cursor_read_all(stub, type);
    if (!sum) die("the stub cursor: " + format_error(sum.error_value()));
    first += *sum;
  }
  if (first != set.checksum) die("BM_StubsCursor: the cursor's checksum differs from the values'");
  for (auto _ : state) {
    std::uint64_t total = 0;
    for (const bytes& stub : set.stubs) {
      auto sum = stub_cursor_read_all(stub, type);
      total += sum ? *sum : 0;
    }
    benchmark::DoNotOptimize(total);
  }
  set_stub_counters(state, set);
}

// THE STUB VIEW HOOK: the stub validated whole first (view_call), then
// every DWORD and every field of every client read through the view.
result<std::uint64_t> stub_view_read_all(byte_span stub, call_stub_type type) {
  auto viewed = view_call<dhcp_client_info_pb_array>(stub, type, layout::ndr20);
  if (!viewed) return viewed.error_value();
  if (!viewed->array) return error{error_code::internal_error, 0, "", "a stub without clients"};
  const auto& view = *viewed->array;
  checksum_builder sum;
  sum.add(view.num_elements());
  if (view.clients_is_null()) {
    sum.clients_null();
  } else {
    sum.clients(view.size());
  }
  for (const auto client : view) {
    if (client) {
      fold(sum, *client);
    } else {
      sum.element_null();
    }
  }
  return stub_checksum(sum.value(), dword_of(viewed->stub, "ResumeHandle"), dword_of(viewed->stub, "ClientsRead"),
                       dword_of(viewed->stub, "ClientsTotal"), dword_of(viewed->stub, "ReturnValue"));
}

void bm_stubs_view(benchmark::State& state) {
  const stub_set& set = stubs();
  const call_stub_type type = enum_response();
  std::uint64_t first = 0;
  for (const bytes& stub : set.stubs) {
    auto sum = stub_view_read_all(stub, type);
    if (!sum) die("the stub view: " + format_error(sum.error_value()));
    first += *sum;
  }
  if (first != set.checksum) die("BM_StubsView: the view's checksum differs from the values'");
  for (auto _ : state) {
    std::uint64_t total = 0;
    for (const bytes& stub : set.stubs) {
      auto sum = stub_view_read_all(stub, type);
      total += sum ? *sum : 0;
    }
    benchmark::DoNotOptimize(total);
  }
  set_stub_counters(state, set);
}

#if defined(DHCPM_HAVE_SAMBA_PEER)
void bm_stubs_samba_pull(benchmark::State& state) {
  const stub_set& set = stubs();
  const call_stub_type type = enum_response();
  // Samba's value of every 100th stub is dhcpm's (all of them would take longer than the benchmark).
  for (std::size_t i = 0; i < set.stubs.size(); i += 100) {
    std::string why;
    auto theirs = samba::pull_enum_response(set.stubs[i], false, &why);
    if (!theirs) die("Samba's pull of stub " + std::to_string(i) + ": " + why);
    auto mine = decode_call(set.stubs[i], type, layout::ndr20);
    if (!mine || !(mine->value == *theirs)) die("Samba's pull of stub " + std::to_string(i) + " differs from dhcpm's");
  }
  for (auto _ : state) {
    for (const bytes& stub : set.stubs) {
      void* ctx = samba_peer_new_context();
      R_DhcpV4EnumSubnetClients_out out{};
      if (samba_peer_pull_enum_subnet_clients_response(ctx, stub.data(), stub.size(), 0, &out, nullptr) != 0) {
        samba_peer_free(ctx);
        state.SkipWithError("Samba pull failed");
        return;
      }
      benchmark::DoNotOptimize(out.ClientInfo);
      samba_peer_free(ctx);  // the response's whole talloc tree, as an analyzer built on Samba frees it
    }
  }
  set_stub_counters(state, set);
}
#endif

}  // namespace

void register_stub_benchmarks(std::size_t count) {
  if (count != 0) stub_count = count;
  const std::string suffix = "/pb-ndr20/" + std::to_string(stub_count);
  benchmark::RegisterBenchmark(("BM_StubsMemcpy" + suffix).c_str(), bm_stubs_memcpy);
  benchmark::RegisterBenchmark(("BM_StubsOwning" + suffix).c_str(), bm_stubs_owning);
  benchmark::RegisterBenchmark(("BM_StubsView" + suffix).c_str(), bm_stubs_view);
  benchmark::RegisterBenchmark(("BM_StubsCursor" + suffix).c_str(), bm_stubs_cursor);
#if defined(DHCPM_HAVE_SAMBA_PEER)
  benchmark::RegisterBenchmark(("BM_StubsSambaPull" + suffix).c_str(), bm_stubs_samba_pull);
#endif
}

}  // namespace dhcpm::bench
