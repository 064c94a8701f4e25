// Realistic stub data of any call (generate_call): the records are the
// realistic generator's own; the parameters around them are what a DHCP
// management client and server exchange — a server address or name, a
// client's subnet, a resume handle that is 0 on the first call, a buffer size
// between the 1 KiB minimum and 64 KiB, and the outcomes an analyzer meets:
// ERROR_MORE_DATA with a resume handle, ERROR_NO_MORE_ITEMS with no
// records, ERROR_DHCP_JET_ERROR for a client that is not there.
#include <string>
#include <utility>

#include "dhcpm/call.hpp"
#include "dhcpm/generate.hpp"
#include "json/json_detail.hpp"

namespace dhcpm {
namespace {

constexpr std::uint32_t error_success = 0;
constexpr std::uint32_t error_more_data = 234;
constexpr std::uint32_t error_no_more_items = 259;
constexpr std::uint32_t error_dhcp_jet_error = 20013;
constexpr std::uint32_t error_dhcp_client_exists = 20014;

// The outcome of one call, drawn once per stub so that its parameters agree.
struct outcome {
  dhcp_client_info client;  // the client the call is about (its subnet, its owner)
  std::uint32_t result = error_success;
};

utf16_string server_ip_address(realistic_generator& g, const dhcp_client_info& client) {
  // Windows' own tools pass NULL or the server's address; scripts pass a name.
  if (g.chance(30)) return utf16_string::null();
  if (g.chance(70)) return *utf16_string::from_utf8(detail::format_ipv4(client.owner_host.ip_address));
  return client.owner_host.host_name.is_null() ? *utf16_string::from_utf8("dhcp01") : client.owner_host.host_name;
}

std::uint32_t record_count(const any_record& record) {
  return std::visit(
      [](const auto& r) -> std::uint32_t {
        if constexpr (is_record_array<std::decay_t<decltype(r)>>) {
          return r.num_elements;
        } else {
          return 1;
        }
      },
      record);
}

param_value generate_param(const param_info& p, realistic_generator& g, const outcome& o, direction dir,
                           const std::optional<any_record>& records) {
  const std::uint32_t subnet = o.client.client_ip_address & o.client.subnet_mask;
  const std::string_view name = p.name;
  switch (p.kind) {
    case param_kind::unique_string: return server_ip_address(g, o.client);
    case param_kind::return_value: return o.result;
    case param_kind::ref_record:
    case param_kind::unique_record: {
      if (p.kind == param_kind::unique_record) return records;
      return with_record_type(p.type, [&](auto t) { return any_record(g.value<typename decltype(t)::type>()); });
    }
    case param_kind::dword: break;
  }
  if (name == "SubnetAddress") return g.chance(10) ? std::uint32_t{0} : subnet;  // 0: every subnet
  if (name == "PreferredMaximum") {
    if (g.chance(40)) return std::uint32_t{65536};
    if (g.chance(10)) return std::uint32_t{0xFFFFFFFF};
    return static_cast<std::uint32_t>(g.between(1024, 65536));
  }
  if (name == "ResumeHandle") {
    // The last address enumerated; 0 on a first request and at the end.
    if (dir == direction::response) return o.result == error_more_data ? o.client.client_ip_address : 0u;
    return g.chance(50) ? 0u : o.client.client_ip_address;
  }
  const std::uint32_t read = records ? record_count(*records) : 0;
  if (name == "ClientsRead") return read;
  if (name == "ClientsTotal") {
    return o.result == error_more_data ? read + static_cast<std::uint32_t>(g.between(1, 5000)) : read;
  }
  return static_cast<std::uint32_t>(g.below(std::uint64_t{1} << 32));  // no call has another DWORD yet
}

}  // namespace

call_stub generate_call(call_stub_type type, realistic_generator& g) {
  outcome o{g.value<dhcp_client_info>(), error_success};
  std::optional<any_record> records;
  if (type.dir == direction::response) {
    // The [unique] record of a response and the result that goes with it.
    const param_info* pointer = nullptr;
    for (const param_info& p : type.params()) pointer = p.kind == param_kind::unique_record ? &p : pointer;
    const bool enumeration = type.params().size() > 2;  // ResumeHandle, ClientInfo, ClientsRead, ...
    const unsigned draw = static_cast<unsigned>(g.below(100));
    if (pointer == nullptr) {  // a Create/Set/Delete: success, now and then a refusal
      o.result = draw < 85 ? error_success : draw < 95 ? error_dhcp_client_exists : error_dhcp_jet_error;
    } else if (draw < 15) {  // no such client, or the enumeration is over
      o.result = enumeration ? error_no_more_items : error_dhcp_jet_error;
    } else {
      records = with_record_type(pointer->type, [&](auto t) { return any_record(g.value<typename decltype(t)::type>()); });
      o.result = enumeration && draw < 60 ? error_more_data : error_success;
    }
  }
  call_stub stub{type, {}};
  for (const param_info& p : type.params()) stub.params.push_back(generate_param(p, g, o, type.dir, records));
  return stub;
}

}  // namespace dhcpm
