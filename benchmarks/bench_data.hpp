// Benchmark inputs: a realistic DHCPV4_FAILOVER_CLIENT_INFO_ARRAY of N clients
// (what a failover partner's lease table looks like, from a fixed seed), its
// bytes in the benchmarked layouts, and a checksum over every decoded field
// that proves a decoder (owning, view or Samba's) really produced the value.
//
// Everything is built once per client count and cached: a benchmark function
// runs several times (Google Benchmark's iteration-count probing), and the
// 1,000,000-client set takes seconds to build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dhcpm/client_family.hpp"
#include "dhcpm/client_info.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm::bench {

// The seed of every generated set: the same N gives the same bytes on every
// machine and every run (std::mt19937_64 and the arithmetic below are fully
// specified; no std:: distribution is used).
inline constexpr std::uint64_t data_seed = 0x0d1c'c0de'2026'0001ULL;

// The layouts the benchmark matrix covers.
inline constexpr layout bench_layouts[] = {layout::ndr20, layout::ndr64, layout::x64};

// A realistic lease table: hostnames like "ws-0042.corp.example.com", 11-byte
// client UIDs (subnet reversed, 0x01, MAC), comments mostly NULL, policy names
// from a small set, two failover owners, FILETIMEs and epoch seconds around
// 2026. No NULL elements (a server never sends them).
[[nodiscard]] client_info_array make_clients(std::size_t count, std::uint64_t seed = data_seed);

struct data_set {
  std::size_t clients = 0;
  client_info_array value;
  bytes ndr20;
  bytes ndr64;
  bytes x64;

  [[nodiscard]] const bytes& encoded(layout wire) const;
};

// The set of `count` clients, built (value and the three encodings, through
// dhcpm::encode) on first use and cached. Aborts with a message if
// encoding fails. Not thread-safe: benchmarks here are single-threaded.
[[nodiscard]] const data_set& data_for(std::size_t count);

// The PB benchmarks' input: N realistic DHCP_CLIENT_INFO_PB records (what an
// R_DhcpV4EnumSubnetClients response carries), from the library's
// realistic_generator with the same seed, no NULL elements.
[[nodiscard]] dhcp_client_info_pb_array make_pb_clients(std::size_t count, std::uint64_t seed = data_seed);
struct pb_data_set {
  std::size_t clients = 0;
  dhcp_client_info_pb_array value;
  bytes ndr20;
};
[[nodiscard]] const pb_data_set& pb_data_for(std::size_t count);

// Drops every cached set (of either kind) of more than 100 clients except `keep`, so that the
// 1,000,000-client set (about 1.5 GB with its encodings) does not sit beside
// the 10,000 one. Benchmarks are registered with the client count outermost.
void release_large_sets_except(std::size_t keep);

// ---------------------------------------------------------------------------
// The checksum. A decoder proves it decoded by folding every field of every
// element into a checksum_builder, in member order; the result must equal
// checksum(value) of the value that was encoded. What a field contributes:
//   integers               their value (FILETIMEs as the 64-bit value)
//   ClientHardwareAddress  DataLength, then data_null() or data(size, first byte, last byte)
//   each LPWSTR            string_null() or string(size in units without NUL, first unit, last unit)
//   a NULL element         element_null()
// plus the array: NumElements, then clients_null() or clients(count).
// Order of the fields: the dhcpsapi.h member order (see client_info).
//
// What each kind of field adds, for any fold that has add(value):
// checksum_builder, and the benchmarks' folds of a run of records
// (bench_fold.hpp's run_checksum).
template <class Sum>
class checksum_fields {
 public:
  void data_null() noexcept { self().add(0xDA7A'0000'0000'0001ULL); }
  void data(std::size_t size, std::uint8_t first, std::uint8_t last) noexcept {
    self().add(size);
    self().add(static_cast<std::uint64_t>(first) << 8 | last);
  }
  void string_null() noexcept { self().add(0x5778'0000'0000'0001ULL); }
  void string(std::size_t units, char16_t first, char16_t last) noexcept {
    self().add(units);
    self().add(static_cast<std::uint64_t>(first) << 16 | last);
  }
  void element_null() noexcept { self().add(0xE1E7'0000'0000'0001ULL); }
  void clients_null() noexcept { self().add(0xC11E'0000'0000'0001ULL); }
  void clients(std::size_t count) noexcept { self().add(count); }

 private:
  Sum& self() noexcept { return static_cast<Sum&>(*this); }
};

class checksum_builder : public checksum_fields<checksum_builder> {
 public:
  // Each value is weighted by a per-position odd constant and summed: the
  // multiplications are independent of one another and the running sum is a
  // chain of additions, so folding costs about a cycle per field and the
  // benchmarks that fold (the view) measure the decoder, not the checksum.
  static constexpr std::uint64_t first_weight = 0x100000001b3ULL;
  static constexpr std::uint64_t weight_step = 0x9e3779b97f4a7c16ULL;

  void add(std::uint64_t v) noexcept {
    state_ += v * weight_;
    weight_ += weight_step;
  }
  // `count` values folded elsewhere with weights counted from first_weight,
  // `weighted` their weighted sum and `plain` their sum: the same as adding
  // them here one by one (each weight is first_weight plus a multiple of the step).
  void append(std::uint64_t weighted, std::uint64_t plain, std::uint64_t count) noexcept {
    state_ += weighted + (weight_ - first_weight) * plain;
    weight_ += count * weight_step;
  }

  [[nodiscard]] std::uint64_t value() const noexcept { return state_; }

 private:
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
  std::uint64_t weight_ = first_weight;
};

// For client_info and dhcp_client_info_pb records, and their arrays.
template <class Record>
void fold(checksum_builder& sum, const Record& client) noexcept;
template <class Array>
[[nodiscard]] std::uint64_t checksum(const Array& value) noexcept;

[[nodiscard]] std::string_view layout_name(layout wire) noexcept;  // "ndr20", "ndr64", "x64"

}  // namespace dhcpm::bench
