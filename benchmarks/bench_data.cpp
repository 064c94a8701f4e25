#include "bench_data.hpp"

#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/client_family_schema.hpp"
#include "dhcpm/generate.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "dhcpm/error.hpp"

namespace dhcpm::bench {
namespace {

// 2026-03-01T00:00:00Z: as Unix seconds, and as a FILETIME (100 ns since 1601).
constexpr std::uint64_t now_unix = 1'772'323'200;
constexpr std::uint64_t unix_to_filetime_offset = 11'644'473'600;
constexpr std::uint64_t filetime_per_second = 10'000'000;
constexpr std::uint32_t lease_seconds = 8 * 24 * 3600;

struct owner {
  std::uint32_t ip;
  std::u16string_view net_bios_name;
  std::u16string_view host_name;
};
constexpr std::array<owner, 2> owners = {{
    {0x0A000002, u"DHCP-A", u"dhcp-a.corp.example.com"},
    {0x0A000003, u"DHCP-B", u"dhcp-b.corp.example.com"},
}};

constexpr std::array<std::u16string_view, 5> policies = {u"Printers", u"VoIP-Phones", u"Guest-WiFi", u"Corp-Laptops",
                                                         u"Lab-Devices"};
constexpr std::array<std::u16string_view, 5> comments = {
    u"Reserved for the front desk printer", u"Conference room 4B display", u"Lab bench 12",
    u"Do not reclaim: finance laptop", u"Lobby kiosk"};
constexpr std::array<std::array<std::uint8_t, 3>, 4> ouis = {{
    {0x00, 0x15, 0x5D},  // Hyper-V
    {0x3C, 0x52, 0x82},  // HP
    {0xF4, 0x8E, 0x38},  // Dell
    {0x00, 0x50, 0x56},  // VMware
}};

// Uniform enough for test data, and specified to the bit (std:: distributions
// are not): one 64-bit draw modulo n.
class rng {
 public:
  explicit rng(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  bool percent(unsigned p) { return below(100) < p; }

 private:
  std::mt19937_64 engine_;
};

std::u16string ascii_units(const std::string& ascii) { return {ascii.begin(), ascii.end()}; }

client_info make_client(std::size_t i, rng& r) {
  client_info c;
  // 240 leases per /24 subnet, in 10.0.0.0/8 from 10.0.1.0 on.
  const auto subnet = static_cast<std::uint32_t>(0x0A000000u + ((i / 240 + 1) << 8));
  c.client_ip_address = subnet + 10 + static_cast<std::uint32_t>(i % 240);
  c.subnet_mask = 0xFFFFFF00u;

  // The client UID of this method: subnet address reversed, 0x01, the MAC.
  std::vector<std::uint8_t> uid(11);
  for (int b = 0; b < 4; ++b) uid[b] = static_cast<std::uint8_t>(subnet >> (8 * b));
  uid[4] = 0x01;
  const auto& oui = ouis[r.below(ouis.size())];
  uid[5] = oui[0];
  uid[6] = oui[1];
  uid[7] = oui[2];
  for (int b = 8; b < 11; ++b) uid[b] = static_cast<std::uint8_t>(r.below(256));
  c.client_hardware_address.data_length = 11;
  c.client_hardware_address.data = std::move(uid);

  // Host names by device kind; a few clients send none.
  const std::uint64_t kind = r.below(100);
  const char* prefix = kind < 60 ? "ws" : kind < 85 ? "lt" : kind < 90 ? "prn" : kind < 97 ? "voip" : nullptr;
  if (prefix != nullptr) {
    char name[64];
    std::snprintf(name, sizeof name, "%s-%04u.corp.example.com", prefix, static_cast<unsigned>(i % 10000));
    c.client_name = utf16_string::from_owned_units(ascii_units(name));
  }
  if (r.percent(20)) c.client_comment = utf16_string::from_units(comments[r.below(comments.size())]);

  // Lease times: granted up to one lease period ago, renewed since.
  const std::uint64_t start = now_unix - r.below(lease_seconds);
  const std::uint64_t last_transaction = start + r.below(24 * 3600);
  const std::uint64_t expires = last_transaction + lease_seconds;
  c.client_lease_expires = (expires + unix_to_filetime_offset) * filetime_per_second + r.below(filetime_per_second);

  const owner& o = owners[r.below(owners.size())];
  c.owner_host.ip_address = o.ip;
  c.owner_host.net_bios_name = utf16_string::from_units(o.net_bios_name);
  c.owner_host.host_name = utf16_string::from_units(o.host_name);

  const std::uint64_t type = r.below(100);
  c.client_type = type < 88 ? 0x01 : type < 95 ? 0x05 : type < 99 ? 0x03 : 0x02;
  const std::uint64_t state = r.below(100);
  const std::uint8_t lease_state = state < 94 ? 1 : state < 97 ? 0 : state < 99 ? 2 : 3;  // active, offered, declined, doom
  const std::uint8_t dhcid = r.percent(70) ? 2 : r.percent(50) ? 1 : 0;
  const std::uint8_t both_records = r.percent(50) ? 0x2 : 0x0;
  c.address_state = static_cast<std::uint8_t>(lease_state | dhcid << 2 | both_records << 4);
  c.status = r.percent(85) ? 0 /* NOQUARANTINE */ : 6 /* NOQUARINFO */;
  c.probation_ends = 0;
  c.quarantine_capable = r.percent(10) ? 1 : 0;
  c.start_time = static_cast<std::uint32_t>(start);
  c.clt_last_trans_time = static_cast<std::uint32_t>(last_transaction);
  c.sent_pot_exp_time = static_cast<std::uint32_t>(expires);
  c.ack_pot_exp_time = static_cast<std::uint32_t>(expires);
  c.recv_pot_exp_time = static_cast<std::uint32_t>(expires);
  c.last_bnd_upd_time = static_cast<std::uint32_t>(last_transaction + r.below(5));
  c.bnd_msg_status = 0;
  if (r.percent(45)) c.policy_name = utf16_string::from_units(policies[r.below(policies.size())]);
  c.flags = 0;
  return c;
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "dhcpm_bench: %s\n", what.c_str());
  std::abort();
}

template <class Array>
bytes encode_or_die(const Array& value, layout wire) {
  auto encoded = encode<Array>(value, wire);
  if (!encoded) die("encode(" + std::string(layout_name(wire)) + ") failed: " + format_error(encoded.error_value()));
  return std::move(encoded).value();
}

std::map<std::size_t, std::unique_ptr<data_set>>& cache() {
  static std::map<std::size_t, std::unique_ptr<data_set>> sets;
  return sets;
}

std::map<std::size_t, std::unique_ptr<pb_data_set>>& pb_cache() {
  static std::map<std::size_t, std::unique_ptr<pb_data_set>> sets;
  return sets;
}

void fold_string(checksum_builder& sum, const utf16_string& s) noexcept {
  if (s.is_null()) {
    sum.string_null();
    return;
  }
  const auto units = s.units();
  sum.string(units.size(), units.empty() ? u'\0' : units.front(), units.empty() ? u'\0' : units.back());
}

}  // namespace

client_info_array make_clients(std::size_t count, std::uint64_t seed) {
  rng r(seed);
  client_list list;
  list.reserve(count, count);
  for (std::size_t i = 0; i < count; ++i) list.push_back(make_client(i, r));
  client_info_array array;
  array.num_elements = static_cast<std::uint32_t>(count);
  array.clients = std::move(list);
  return array;
}

const bytes& data_set::encoded(layout wire) const {
  switch (wire) {
    case layout::ndr20:
      return ndr20;
    case layout::ndr64:
      return ndr64;
    case layout::x64:
      return x64;
    default:
      die("no benchmark bytes for layout " + std::string(to_string(wire)));
  }
}

const data_set& data_for(std::size_t count) {
  auto& sets = cache();
  auto found = sets.find(count);
  if (found != sets.end()) return *found->second;
  auto set = std::make_unique<data_set>();
  set->clients = count;
  set->value = make_clients(count);
  set->ndr20 = encode_or_die(set->value, layout::ndr20);
  set->ndr64 = encode_or_die(set->value, layout::ndr64);
  set->x64 = encode_or_die(set->value, layout::x64);
  return *sets.emplace(count, std::move(set)).first->second;
}

void release_large_sets_except(std::size_t keep) {
  const auto release = [keep](auto& sets) {
    for (auto it = sets.begin(); it != sets.end();) {
      if (it->first > 100 && it->first != keep) {
        it = sets.erase(it);
      } else {
        ++it;
      }
    }
  };
  release(cache());
  release(pb_cache());
}

// Every field in schema order: numbers as they are, DataLength then Data,
// strings by fold_string (the view benchmark folds a view the same way).
template <class Record>
void fold(checksum_builder& sum, const Record& c) noexcept {
  schema::for_each_field(record_schema<Record>::fields, [&](const auto& f, auto index) {
    constexpr field_kind kind = field_table<Record>[index].kind;
    if constexpr (kind == field_kind::binary_data) {
      const binary_data& b = f.of(c);
      sum.add(b.data_length);
      if (!b.data) {
        sum.data_null();
      } else {
        sum.data(b.data->size(), b.data->empty() ? 0 : b.data->front(), b.data->empty() ? 0 : b.data->back());
      }
    } else if constexpr (kind == field_kind::lpwstr) {
      fold_string(sum, f.of(c));
    } else if constexpr (holds_number(kind)) {
      sum.add(f.of(c));
    }
  });
}

template <class Array>
std::uint64_t checksum(const Array& value) noexcept {
  checksum_builder sum;
  sum.add(value.num_elements);
  if (!value.clients) {
    sum.clients_null();
    return sum.value();
  }
  const auto& list = *value.clients;
  sum.clients(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto* c = list[i];
    if (c == nullptr) {
      sum.element_null();
    } else {
      fold(sum, *c);
    }
  }
  return sum.value();
}

template void fold(checksum_builder&, const client_info&) noexcept;
template void fold(checksum_builder&, const dhcp_client_info_pb&) noexcept;
template std::uint64_t checksum(const client_info_array&) noexcept;
template std::uint64_t checksum(const dhcp_client_info_pb_array&) noexcept;

dhcp_client_info_pb_array make_pb_clients(std::size_t count, std::uint64_t seed) {
  generate_options options;
  options.elements = static_cast<std::uint32_t>(count);
  options.null_element_percent = 0;
  realistic_generator g(seed, options);
  return g.value<dhcp_client_info_pb_array>();
}

const pb_data_set& pb_data_for(std::size_t count) {
  auto& sets = pb_cache();
  auto found = sets.find(count);
  if (found != sets.end()) return *found->second;
  auto set = std::make_unique<pb_data_set>();
  set->clients = count;
  set->value = make_pb_clients(count);
  set->ndr20 = encode_or_die(set->value, layout::ndr20);
  return *sets.emplace(count, std::move(set)).first->second;
}

std::string_view layout_name(layout wire) noexcept {
  switch (wire) {
    case layout::ndr20:
      return "ndr20";
    case layout::ndr64:
      return "ndr64";
    case layout::x64:
      return "x64";
    default:
      return to_string(wire);
  }
}

}  // namespace dhcpm::bench
