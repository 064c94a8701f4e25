#include "samba_bridge.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <utility>
#include <variant>

#include "dhcpm/error.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm::bench::samba {
namespace {

// A non-NULL empty Data or Clients needs a non-NULL pointer, and an empty
// vector's data() may be nullptr: these stand in for it.
std::uint8_t empty_data_anchor = 0;
template <class CRecord>
CRecord* empty_clients_anchor = nullptr;

bool to_utf8(const utf16_string& s, std::deque<std::string>& strings, const char** out, std::string* why) {
  if (s.is_null()) {
    *out = nullptr;
    return true;
  }
  if (s.units().find(u'\0') != std::u16string_view::npos) {
    if (why) *why = "a string with an embedded NUL (a C string cannot hold it)";
    return false;
  }
  auto utf8 = s.to_utf8();
  if (!utf8) {
    if (why) *why = "a string that is not valid UTF-16 (Samba converts to UTF-8)";
    return false;
  }
  strings.push_back(std::move(*utf8));
  *out = strings.back().c_str();
  return true;
}

bool from_utf8(const char* s, utf16_string& out, std::string* why) {
  if (s == nullptr) {
    out = utf16_string::null();
    return true;
  }
  auto units = utf8_to_utf16(std::string_view(s));
  if (!units) {
    if (why) *why = "Samba returned a string that is not UTF-8";
    return false;
  }
  out = utf16_string::from_owned_units(std::move(*units));
  return true;
}

// A QuarantineStatus holds any 32-bit value in C (the extremes vectors send
// 0x7FFF), but C++ may not load or make an enum value outside 0..7: the bits
// are copied instead.
static_assert(sizeof(QuarantineStatus) == sizeof(std::uint32_t));
std::uint32_t status_of(const QuarantineStatus& status) {
  std::uint32_t v = 0;
  std::memcpy(&v, &status, sizeof v);
  return v;
}
void set_status(QuarantineStatus& status, std::uint32_t v) { std::memcpy(&status, &v, sizeof v); }

std::uint64_t filetime(const DATE_TIME& t) {
  return static_cast<std::uint64_t>(t.dwHighDateTime) << 32 | t.dwLowDateTime;
}
DATE_TIME date_time(std::uint64_t v) {
  return DATE_TIME{static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(v >> 32)};
}

// ---- one record ----------------------------------------------------------
//
// Every client record starts with DHCP_CLIENT_INFO_VQ's members, which the
// dhcpm records inherit (dhcp_client_info_vq) and the C structs spell alike:
// common_to_samba / common_from_samba convert those for any record, and an
// overload of rest_to_samba / rest_from_samba per record the members after.

template <class CRecord>
bool common_to_samba(const dhcp_client_info_vq& c, CRecord& r, std::deque<std::string>& strings, std::string* why) {
  r.ClientIpAddress = c.client_ip_address;
  r.SubnetMask = c.subnet_mask;
  r.ClientHardwareAddress.DataLength = c.client_hardware_address.data_length;
  if (!c.client_hardware_address.data) {
    r.ClientHardwareAddress.Data = nullptr;
  } else if (c.client_hardware_address.data->empty()) {
    r.ClientHardwareAddress.Data = &empty_data_anchor;
  } else {
    // push only reads through this pointer
    r.ClientHardwareAddress.Data = const_cast<std::uint8_t*>(c.client_hardware_address.data->data());
  }
  if (!to_utf8(c.client_name, strings, &r.ClientName, why) ||
      !to_utf8(c.client_comment, strings, &r.ClientComment, why) ||
      !to_utf8(c.owner_host.net_bios_name, strings, &r.OwnerHost.NetBiosName, why) ||
      !to_utf8(c.owner_host.host_name, strings, &r.OwnerHost.HostName, why)) {
    return false;
  }
  r.ClientLeaseExpires = date_time(c.client_lease_expires);
  r.OwnerHost.IpAddress = c.owner_host.ip_address;
  r.bClientType = c.client_type;
  r.AddressState = c.address_state;
  set_status(r.Status, c.status);
  r.ProbationEnds = date_time(c.probation_ends);
  r.QuarantineCapable = c.quarantine_capable;
  return true;
}

template <class CRecord>
bool common_from_samba(const CRecord& r, dhcp_client_info_vq& c, std::string* why) {
  c.client_ip_address = r.ClientIpAddress;
  c.subnet_mask = r.SubnetMask;
  c.client_hardware_address.data_length = r.ClientHardwareAddress.DataLength;
  if (r.ClientHardwareAddress.Data != nullptr) {
    const std::uint8_t* d = r.ClientHardwareAddress.Data;
    c.client_hardware_address.data = std::vector<std::uint8_t>(d, d + r.ClientHardwareAddress.DataLength);
  }
  if (!from_utf8(r.ClientName, c.client_name, why) || !from_utf8(r.ClientComment, c.client_comment, why) ||
      !from_utf8(r.OwnerHost.NetBiosName, c.owner_host.net_bios_name, why) ||
      !from_utf8(r.OwnerHost.HostName, c.owner_host.host_name, why)) {
    return false;
  }
  c.client_lease_expires = filetime(r.ClientLeaseExpires);
  c.owner_host.ip_address = r.OwnerHost.IpAddress;
  c.client_type = r.bClientType;
  c.address_state = r.AddressState;
  c.status = status_of(r.Status);
  c.probation_ends = filetime(r.ProbationEnds);
  c.quarantine_capable = r.QuarantineCapable;
  return true;
}

// DHCPV4_FAILOVER_CLIENT_INFO: the failover members, PolicyName, Flags.
bool rest_to_samba(const client_info& c, DHCPV4_FAILOVER_CLIENT_INFO& r, std::deque<std::string>& strings,
                   std::string* why) {
  r.SentPotExpTime = c.sent_pot_exp_time;
  r.AckPotExpTime = c.ack_pot_exp_time;
  r.RecvPotExpTime = c.recv_pot_exp_time;
  r.StartTime = c.start_time;
  r.CltLastTransTime = c.clt_last_trans_time;
  r.LastBndUpdTime = c.last_bnd_upd_time;
  r.BndMsgStatus = c.bnd_msg_status;
  r.Flags = c.flags;
  return to_utf8(c.policy_name, strings, &r.PolicyName, why);
}

bool rest_from_samba(const DHCPV4_FAILOVER_CLIENT_INFO& r, client_info& c, std::string* why) {
  c.sent_pot_exp_time = r.SentPotExpTime;
  c.ack_pot_exp_time = r.AckPotExpTime;
  c.recv_pot_exp_time = r.RecvPotExpTime;
  c.start_time = r.StartTime;
  c.clt_last_trans_time = r.CltLastTransTime;
  c.last_bnd_upd_time = r.LastBndUpdTime;
  c.bnd_msg_status = r.BndMsgStatus;
  c.flags = r.Flags;
  return from_utf8(r.PolicyName, c.policy_name, why);
}

// DHCP_CLIENT_INFO_PB: FilterStatus, PolicyName.
bool rest_to_samba(const dhcp_client_info_pb& c, DHCP_CLIENT_INFO_PB& r, std::deque<std::string>& strings,
                   std::string* why) {
  r.FilterStatus = c.filter_status;
  return to_utf8(c.policy_name, strings, &r.PolicyName, why);
}

bool rest_from_samba(const DHCP_CLIENT_INFO_PB& r, dhcp_client_info_pb& c, std::string* why) {
  c.filter_status = r.FilterStatus;
  return from_utf8(r.PolicyName, c.policy_name, why);
}

// ---- an _ARRAY -------------------------------------------------------------

template <class Record, class CArray>
std::optional<record_array<Record>> array_from_samba(const CArray& array, std::string* why) {
  record_array<Record> value;
  value.num_elements = array.NumElements;
  if (array.Clients == nullptr) return value;
  record_list<Record> list;
  list.reserve(array.NumElements, array.NumElements);
  for (std::uint32_t i = 0; i < array.NumElements; ++i) {
    const auto* r = array.Clients[i];
    if (r == nullptr) {
      list.push_back_null();
      continue;
    }
    Record c;
    if (!common_from_samba(*r, c, why) || !rest_from_samba(*r, c, why)) return std::nullopt;
    list.push_back(std::move(c));
  }
  value.clients = std::move(list);
  return value;
}

// ---- reading the vectors ---------------------------------------------------

std::optional<bytes> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The files PREFIX + VARIANT + suffix in dir (for any prefix), VARIANT holding
// no dot (so NAME.foreign.ndr20.bin and the like are left out), sorted.
std::vector<std::filesystem::path> list_vectors(const std::string& dir, const std::vector<std::string>& prefixes,
                                                const std::string& suffix) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!ends_with(name, suffix)) continue;
    for (const std::string& prefix : prefixes) {
      if (name.size() > prefix.size() + suffix.size() && name.rfind(prefix, 0) == 0 &&
          name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()).find('.') == std::string::npos) {
        files.push_back(entry.path());
        break;
      }
    }
  }
  if (ec) files.clear();
  std::sort(files.begin(), files.end());
  return files;
}

// One vector: decode (dhcpm's decode of the bytes: a result<decoded<Value>>),
// pull and push (Samba's) must agree with it and with the bytes.
template <class Decode, class Pull, class Push>
bool check_vector(const std::filesystem::path& path, Decode decode_fn, Pull pull_fn, Push push_fn,
                  std::string* failure) {
  const std::string name = path.filename().string();
  auto input = read_file(path);
  if (!input) {
    if (failure) *failure = "cannot read " + path.string();
    return false;
  }
  auto mine = decode_fn(byte_span(*input));
  if (!mine) {
    if (failure) *failure = name + ": dhcpm cannot decode it: " + format_error(mine.error_value());
    return false;
  }
  std::string why;
  auto theirs = pull_fn(byte_span(*input), &why);
  if (!theirs) {
    if (failure) *failure = name + ": " + why;
    return false;
  }
  if (!(*theirs == mine->value)) {
    if (failure) *failure = name + ": Samba's pull gives different field values than dhcpm's decode";
    return false;
  }
  auto pushed = push_fn(mine->value, &why);
  if (!pushed) {
    if (failure) *failure = name + ": " + why;
    return false;
  }
  if (*pushed != *input) {
    std::size_t at = 0;
    while (at < pushed->size() && at < input->size() && (*pushed)[at] == (*input)[at]) ++at;
    if (failure)
      *failure = name + ": Samba's push differs from dhcpm's canonical bytes at offset " + std::to_string(at) +
                 " (Samba " + std::to_string(pushed->size()) + " bytes, dhcpm " + std::to_string(input->size()) + ")";
    return false;
  }
  return true;
}

template <class T>
const T* param_as(const call_stub& stub, std::string_view name) {
  const param_value* v = stub.find(name);
  return v != nullptr ? std::get_if<T>(v) : nullptr;
}

}  // namespace

// ---- dhcpm values -> Samba's ----------------------------------------------

struct push_input_builder {
  template <class CArray, class Record>
  static std::optional<basic_push_input<CArray>> array(const record_array<Record>& value, std::string* why) {
    using c_record = typename basic_push_input<CArray>::c_record;
    basic_push_input<CArray> in;
    in.array_.NumElements = value.num_elements;
    if (!value.clients) {
      in.array_.Clients = nullptr;
      return in;
    }
    const record_list<Record>& list = *value.clients;
    in.records_.resize(list.record_count());
    in.pointers_.resize(list.size());
    std::size_t next = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Record* c = list[i];
      if (c == nullptr) {
        in.pointers_[i] = nullptr;
        continue;
      }
      c_record& r = in.records_[next++];
      in.pointers_[i] = &r;
      if (!common_to_samba(*c, r, in.strings_, why) || !rest_to_samba(*c, r, in.strings_, why)) return std::nullopt;
    }
    // Samba reads NumElements pointers; a value whose count disagrees with its
    // list cannot be given to it.
    if (list.size() != value.num_elements) {
      if (why) *why = "NumElements differs from the number of Clients";
      return std::nullopt;
    }
    in.array_.Clients = in.pointers_.empty() ? &empty_clients_anchor<c_record> : in.pointers_.data();
    return in;
  }

  static std::optional<enum_response_push_input> enum_response(const call_stub& stub, std::string* why) {
    if (!(stub.type == enum_response_type())) {
      if (why) *why = "not the stub data of an R_DhcpV4EnumSubnetClients response";
      return std::nullopt;
    }
    const auto* resume = param_as<std::uint32_t>(stub, "ResumeHandle");
    const auto* info = param_as<std::optional<any_record>>(stub, "ClientInfo");
    const auto* read = param_as<std::uint32_t>(stub, "ClientsRead");
    const auto* total = param_as<std::uint32_t>(stub, "ClientsTotal");
    const auto* result = param_as<std::uint32_t>(stub, "ReturnValue");
    const dhcp_client_info_pb_array* array =
        info != nullptr && info->has_value() ? std::get_if<dhcp_client_info_pb_array>(&**info) : nullptr;
    if (resume == nullptr || info == nullptr || (info->has_value() && array == nullptr) || read == nullptr ||
        total == nullptr || result == nullptr || stub.params.size() != stub.type.params().size()) {
      if (why) *why = "a parameter value of another type than the call table's";
      return std::nullopt;
    }
    enum_response_push_input in;
    in.out_.ResumeHandle = *resume;
    in.out_.ClientsRead = *read;
    in.out_.ClientsTotal = *total;
    in.out_.result = *result;
    if (array != nullptr) {
      auto client_info = to_samba(*array, why);
      if (!client_info) return std::nullopt;
      in.client_info_ = std::make_unique<pb_push_input>(std::move(*client_info));
      // get() is const only to callers; the C push reads through it
      in.out_.ClientInfo = const_cast<DHCP_CLIENT_INFO_PB_ARRAY*>(in.client_info_->get());
    }
    return in;
  }
};

std::optional<push_input> to_samba(const client_info_array& value, std::string* why) {
  return push_input_builder::array<DHCPV4_FAILOVER_CLIENT_INFO_ARRAY>(value, why);
}

std::optional<pb_push_input> to_samba(const dhcp_client_info_pb_array& value, std::string* why) {
  return push_input_builder::array<DHCP_CLIENT_INFO_PB_ARRAY>(value, why);
}

std::optional<enum_response_push_input> to_samba_enum_response(const call_stub& stub, std::string* why) {
  return push_input_builder::enum_response(stub, why);
}

// ---- Samba's values -> dhcpm's --------------------------------------------

std::optional<client_info_array> from_samba(const DHCPV4_FAILOVER_CLIENT_INFO_ARRAY& array, std::string* why) {
  return array_from_samba<client_info>(array, why);
}

std::optional<dhcp_client_info_pb_array> from_samba(const DHCP_CLIENT_INFO_PB_ARRAY& array, std::string* why) {
  return array_from_samba<dhcp_client_info_pb>(array, why);
}

call_stub_type enum_response_type() {
  static const std::size_t call = *find_call("R_DhcpV4EnumSubnetClients");
  return call_stub_type{call, direction::response};
}

std::optional<call_stub> from_samba(const R_DhcpV4EnumSubnetClients_out& out, std::string* why) {
  call_stub stub;
  stub.type = enum_response_type();
  stub.params.reserve(stub.type.params().size());
  for (const param_info& p : stub.type.params()) {
    if (p.name == "ClientInfo") {
      std::optional<any_record> info;
      if (out.ClientInfo != nullptr) {
        auto array = from_samba(*out.ClientInfo, why);
        if (!array) return std::nullopt;
        info.emplace(std::in_place_type<dhcp_client_info_pb_array>, std::move(*array));
      }
      stub.params.emplace_back(std::in_place_type<std::optional<any_record>>, std::move(info));
      continue;
    }
    const std::uint32_t* dword = p.name == "ResumeHandle"   ? &out.ResumeHandle
                                 : p.name == "ClientsRead"  ? &out.ClientsRead
                                 : p.name == "ClientsTotal" ? &out.ClientsTotal
                                 : p.name == "ReturnValue"  ? &out.result
                                                            : nullptr;
    if (dword == nullptr) {
      if (why) *why = "the call table has a parameter " + std::string(p.name) + " the Samba peer does not know";
      return std::nullopt;
    }
    stub.params.emplace_back(std::in_place_type<std::uint32_t>, *dword);
  }
  return stub;
}

// ---- pull and push ---------------------------------------------------------

std::optional<client_info_array> pull(byte_span input, bool ndr64, std::string* why) {
  context ctx;
  DHCPV4_FAILOVER_CLIENT_INFO_ARRAY out{};
  const char* error = nullptr;
  if (samba_peer_pull_array(ctx.get(), input.data(), input.size(), ndr64 ? 1 : 0, &out, &error) != 0) {
    if (why) *why = std::string("Samba pull failed: ") + (error ? error : "?");
    return std::nullopt;
  }
  return from_samba(out, why);
}

std::optional<dhcp_client_info_pb_array> pull_pb(byte_span input, bool ndr64, std::string* why) {
  context ctx;
  DHCP_CLIENT_INFO_PB_ARRAY out{};
  const char* error = nullptr;
  if (samba_peer_pull_pb_array(ctx.get(), input.data(), input.size(), ndr64 ? 1 : 0, &out, &error) != 0) {
    if (why) *why = std::string("Samba pull failed: ") + (error ? error : "?");
    return std::nullopt;
  }
  return from_samba(out, why);
}

std::optional<call_stub> pull_enum_response(byte_span input, bool ndr64, std::string* why) {
  context ctx;
  R_DhcpV4EnumSubnetClients_out out{};
  const char* error = nullptr;
  if (samba_peer_pull_enum_subnet_clients_response(ctx.get(), input.data(), input.size(), ndr64 ? 1 : 0, &out,
                                                   &error) != 0) {
    if (why) *why = std::string("Samba pull failed: ") + (error ? error : "?");
    return std::nullopt;
  }
  return from_samba(out, why);
}

namespace {

// Runs a samba_peer_push_* entry point and copies its bytes out.
template <class Push>
std::optional<bytes> run_push(Push push_fn, std::string* why) {
  context ctx;
  std::uint8_t* data = nullptr;
  std::size_t length = 0;
  const char* error = nullptr;
  if (push_fn(ctx.get(), &data, &length, &error) != 0) {
    if (why) *why = std::string("Samba push failed: ") + (error ? error : "?");
    return std::nullopt;
  }
  return bytes(data, data + length);
}

}  // namespace

std::optional<bytes> push(const client_info_array& value, bool ndr64, std::string* why) {
  auto in = to_samba(value, why);
  if (!in) return std::nullopt;
  return run_push(
      [&](void* ctx, std::uint8_t** data, std::size_t* length, const char** error) {
        return samba_peer_push_array(ctx, in->get(), ndr64 ? 1 : 0, data, length, error);
      },
      why);
}

std::optional<bytes> push_pb(const dhcp_client_info_pb_array& value, bool ndr64, std::string* why) {
  auto in = to_samba(value, why);
  if (!in) return std::nullopt;
  return run_push(
      [&](void* ctx, std::uint8_t** data, std::size_t* length, const char** error) {
        return samba_peer_push_pb_array(ctx, in->get(), ndr64 ? 1 : 0, data, length, error);
      },
      why);
}

std::optional<bytes> push_enum_response(const call_stub& stub, bool ndr64, std::string* why) {
  auto in = to_samba_enum_response(stub, why);
  if (!in) return std::nullopt;
  return run_push(
      [&](void* ctx, std::uint8_t** data, std::size_t* length, const char** error) {
        return samba_peer_push_enum_subnet_clients_response(ctx, in->get(), ndr64 ? 1 : 0, data, length, error);
      },
      why);
}

// ---- the vectors -----------------------------------------------------------

std::size_t check_vectors(const std::string& vector_dir, bool ndr64, std::string* failure) {
  const std::string suffix = ndr64 ? ".ndr64.bin" : ".ndr20.bin";
  const layout wire = ndr64 ? layout::ndr64 : layout::ndr20;
  // array-NAME.ndr20.bin only: not .foreign/.ptr/.pickle (NAME has no dot).
  const auto files = list_vectors(vector_dir, {"array-"}, suffix);
  if (files.empty()) {
    if (failure) *failure = "no array-*" + suffix + " vectors in " + vector_dir;
    return 0;
  }
  for (const auto& path : files) {
    const bool agree = check_vector(
        path, [&](byte_span input) { return decode<client_info_array>(input, wire); },
        [&](byte_span input, std::string* why) { return pull(input, ndr64, why); },
        [&](const client_info_array& value, std::string* why) { return push(value, ndr64, why); }, failure);
    if (!agree) return 0;
  }
  return files.size();
}

std::size_t check_family_vectors(const std::string& family_dir, bool ndr64, std::string* failure) {
  const std::string suffix = ndr64 ? ".ndr64.bin" : ".ndr20.bin";
  const layout wire = ndr64 ? layout::ndr64 : layout::ndr20;
  const std::string array_prefix = "DHCP_CLIENT_INFO_PB_ARRAY.";
  const std::string response_prefix = "R_DhcpV4EnumSubnetClients.response.";
  const auto files = list_vectors(family_dir, {array_prefix, response_prefix}, suffix);
  if (files.empty()) {
    if (failure) *failure = "no " + array_prefix + "*" + suffix + " or " + response_prefix + "*" + suffix +
                            " vectors in " + family_dir;
    return 0;
  }
  const call_stub_type response = enum_response_type();
  for (const auto& path : files) {
    bool agree = false;
    if (path.filename().string().rfind(array_prefix, 0) == 0) {
      agree = check_vector(
          path, [&](byte_span input) { return decode<dhcp_client_info_pb_array>(input, wire); },
          [&](byte_span input, std::string* why) { return pull_pb(input, ndr64, why); },
          [&](const dhcp_client_info_pb_array& value, std::string* why) { return push_pb(value, ndr64, why); },
          failure);
    } else {
      agree = check_vector(
          path, [&](byte_span input) { return decode_call(input, response, wire); },
          [&](byte_span input, std::string* why) { return pull_enum_response(input, ndr64, why); },
          [&](const call_stub& stub, std::string* why) { return push_enum_response(stub, ndr64, why); }, failure);
    }
    if (!agree) return 0;
  }
  return files.size();
}

}  // namespace dhcpm::bench::samba
