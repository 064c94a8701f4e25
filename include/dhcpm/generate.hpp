// Seeded random values that look like a real DHCP server's failover leases:
// private-range addresses in plausible subnets, MACs with real vendor
// prefixes (or the 11-byte client uid of opnum 98), Windows-style host and
// NetBIOS names, lease and probation times around realistic dates, sane
// bClientType / AddressState / Status values, some NULL strings and
// occasionally non-ASCII text. For test harnesses, fuzz corpora and demos;
// tests/support/generate.hpp, by contrast, aims at the wire format's corners.
//
// Reproducible everywhere: the same seed gives the same values on every
// platform and compiler (std::mt19937_64 is fully specified, and every
// distribution is dhcpm's own code, not the implementation-defined
// std::uniform_int_distribution). Every value encodes in every layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "dhcpm/client_info.hpp"

namespace dhcpm {

struct generate_options {
  // Elements of each generated _ARRAY: uniformly 0..max_elements, unless
  // `elements` fixes the number.
  std::uint32_t max_elements = 8;
  std::optional<std::uint32_t> elements;
  // Percent chances, each 0..100.
  unsigned null_element_percent = 5;  // a NULL element pointer in an array
  unsigned unicode_percent = 5;       // a name or comment with non-ASCII text
};

class realistic_generator {
 public:
  explicit realistic_generator(std::uint64_t seed, generate_options options = {}) noexcept
      : engine_(seed), options_(options) {}

  [[nodiscard]] client_info client();
  [[nodiscard]] client_info_array array();
  // A value of any type of record_types.hpp: a client record of the family
  // (and the _EX) is a failover record's realistic members under the same
  // names (its schema says which), with FilterStatus drawn from the filter
  // states and AddressStateEx 0; a DHCP_SEARCH_INFO names such a client by
  // one of its three keys; a DHCP_PROPERTY is mostly a policy's DNS suffix or
  // an AddressStateEx, now and then another arm; an _ARRAY holds records of
  // its element type as array() does.
  // value<client_info>() is client() and value<client_info_array>() is array().
  template <class Value>
  [[nodiscard]] Value value();

  // The distributions everything above is drawn from, public so that fuzzers
  // and tests can draw more of the same stream.
  // Uniform in [0, bound) (bound > 0), without modulo bias.
  [[nodiscard]] std::uint64_t below(std::uint64_t bound) noexcept;
  // Uniform in [lo, hi].
  [[nodiscard]] std::uint64_t between(std::uint64_t lo, std::uint64_t hi) noexcept;
  // True with the given chance in percent.
  [[nodiscard]] bool chance(unsigned percent) noexcept { return below(100) < percent; }
  [[nodiscard]] const generate_options& options() const noexcept { return options_; }

 private:
  std::mt19937_64 engine_;
  generate_options options_;
};

// `count` values from one generator seeded with `seed`.
[[nodiscard]] std::vector<client_info> generate_clients(std::size_t count, std::uint64_t seed,
                                                        const generate_options& options = {});
[[nodiscard]] std::vector<client_info_array> generate_arrays(std::size_t count, std::uint64_t seed,
                                                             const generate_options& options = {});
// `count` values of any type value<> makes.
template <class Value>
[[nodiscard]] std::vector<Value> generate_values(std::size_t count, std::uint64_t seed,
                                                 const generate_options& options = {});

}  // namespace dhcpm
