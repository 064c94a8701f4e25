// The files of the client-record family's golden set (tests/vectors/family,
// listed by its index.json): one per record type (or call stub), vector and
// NDR layout.
#pragma once

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dhcpm/call.hpp"
#include "dhcpm/options.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {

// One file of the family set: TYPE.variant.LAYOUT.bin.
struct family_file {
  std::string type;     // "DHCP_CLIENT_INFO_PB"
  std::string vector;   // "DHCP_CLIENT_INFO_PB.typical"
  std::string layout;   // "ndr20", "ndr20be", "ndr64"

  [[nodiscard]] std::string bin() const { return "family/" + vector + "." + layout + ".bin"; }
  [[nodiscard]] std::string json() const { return "family/" + vector + ".json"; }
  [[nodiscard]] value_type value() const { return *parse_value_type(type); }
  [[nodiscard]] dhcpm::layout wire() const { return *parse_layout(layout); }
};
inline void PrintTo(const family_file& f, std::ostream* os) { *os << f.vector << "." << f.layout; }

// Every file of index.json whose type dhcpm has (the calls and the union
// types come with their schemas).
inline std::vector<family_file> family_files() {
  const nlohmann::json index = nlohmann::json::parse(read_text("family/index.json"));
  std::vector<family_file> out;
  for (const auto& [name, entry] : index.items()) {
    if (!entry.contains("type")) continue;  // a call's stub
    const std::string type = entry["type"].get<std::string>();
    if (!parse_value_type(type)) continue;
    for (const auto& [layout, size] : entry["files"].items()) out.push_back({type, name, layout});
  }
  return out;
}

// One file of a call's stub: METHOD.direction.variant.LAYOUT.bin.
struct call_file {
  std::string vector;  // "R_DhcpV4EnumSubnetClients.response.more-data"
  call_stub_type type;
  std::string layout;  // "ndr20", "ndr20be", "ndr64"

  [[nodiscard]] std::string bin() const { return "family/" + vector + "." + layout + ".bin"; }
  [[nodiscard]] std::string json() const { return "family/" + vector + ".json"; }
  [[nodiscard]] dhcpm::layout wire() const { return *parse_layout(layout); }
};
inline void PrintTo(const call_file& f, std::ostream* os) { *os << f.vector << "." << f.layout; }

// Every call stub file of index.json.
inline std::vector<call_file> call_files() {
  const nlohmann::json index = nlohmann::json::parse(read_text("family/index.json"));
  std::vector<call_file> out;
  for (const auto& [name, entry] : index.items()) {
    if (!entry.contains("call")) continue;
    const std::optional<std::size_t> call = find_call(entry["call"].get<std::string>());
    if (!call) throw std::runtime_error("index.json names a call dhcpm does not know: " + name);
    const std::optional<direction> dir = parse_direction(entry["direction"].get<std::string>());
    if (!dir) throw std::runtime_error("index.json: a direction neither request nor response: " + name);
    const call_info& info = call_table[*call];
    if (entry["interface"].get<std::string>() != to_string(info.iface) || entry["opnum"].get<int>() != info.opnum) {
      throw std::runtime_error("index.json and call_table disagree on the interface or opnum of " + name);
    }
    for (const auto& [layout, size] : entry["files"].items()) out.push_back({name, {*call, *dir}, layout});
  }
  return out;
}

}  // namespace dhcpm::test
