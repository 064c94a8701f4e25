#include "samba_bridge.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

#include "dhcpm/error.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm::bench::samba {
namespace {

// A non-NULL empty Data or Clients needs a non-NULL pointer, and an empty
// vector's data() may be nullptr: these stand in for it.
std::uint8_t empty_data_anchor = 0;
DHCPV4_FAILOVER_CLIENT_INFO* empty_clients_anchor = nullptr;

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

std::uint64_t filetime(const DATE_TIME& t) {
  return static_cast<std::uint64_t>(t.dwHighDateTime) << 32 | t.dwLowDateTime;
}
DATE_TIME date_time(std::uint64_t v) {
  return DATE_TIME{static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(v >> 32)};
}

std::optional<bytes> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

std::optional<push_input> to_samba(const client_info_array& value, std::string* why) {
  push_input in;
  in.array_.NumElements = value.num_elements;
  if (!value.clients) {
    in.array_.Clients = nullptr;
    return in;
  }
  const client_list& list = *value.clients;
  in.records_.resize(list.record_count());
  in.pointers_.resize(list.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const client_info* c = list[i];
    if (c == nullptr) {
      in.pointers_[i] = nullptr;
      continue;
    }
    DHCPV4_FAILOVER_CLIENT_INFO& r = in.records_[next++];
    in.pointers_[i] = &r;
    r.ClientIpAddress = c->client_ip_address;
    r.SubnetMask = c->subnet_mask;
    r.ClientHardwareAddress.DataLength = c->client_hardware_address.data_length;
    if (!c->client_hardware_address.data) {
      r.ClientHardwareAddress.Data = nullptr;
    } else if (c->client_hardware_address.data->empty()) {
      r.ClientHardwareAddress.Data = &empty_data_anchor;
    } else {
      // push only reads through this pointer
      r.ClientHardwareAddress.Data = const_cast<std::uint8_t*>(c->client_hardware_address.data->data());
    }
    if (!to_utf8(c->client_name, in.strings_, &r.ClientName, why) ||
        !to_utf8(c->client_comment, in.strings_, &r.ClientComment, why) ||
        !to_utf8(c->owner_host.net_bios_name, in.strings_, &r.OwnerHost.NetBiosName, why) ||
        !to_utf8(c->owner_host.host_name, in.strings_, &r.OwnerHost.HostName, why) ||
        !to_utf8(c->policy_name, in.strings_, &r.PolicyName, why)) {
      return std::nullopt;
    }
    r.ClientLeaseExpires = date_time(c->client_lease_expires);
    r.OwnerHost.IpAddress = c->owner_host.ip_address;
    r.bClientType = c->client_type;
    r.AddressState = c->address_state;
    r.Status = static_cast<QuarantineStatus>(c->status);
    r.ProbationEnds = date_time(c->probation_ends);
    r.QuarantineCapable = c->quarantine_capable;
    r.SentPotExpTime = c->sent_pot_exp_time;
    r.AckPotExpTime = c->ack_pot_exp_time;
    r.RecvPotExpTime = c->recv_pot_exp_time;
    r.StartTime = c->start_time;
    r.CltLastTransTime = c->clt_last_trans_time;
    r.LastBndUpdTime = c->last_bnd_upd_time;
    r.BndMsgStatus = c->bnd_msg_status;
    r.Flags = c->flags;
  }
  // Samba reads NumElements pointers; a value whose count disagrees with its
  // list cannot be given to it.
  if (list.size() != value.num_elements) {
    if (why) *why = "NumElements differs from the number of Clients";
    return std::nullopt;
  }
  in.array_.Clients = in.pointers_.empty() ? &empty_clients_anchor : in.pointers_.data();
  return in;
}

std::optional<client_info_array> from_samba(const DHCPV4_FAILOVER_CLIENT_INFO_ARRAY& array, std::string* why) {
  client_info_array value;
  value.num_elements = array.NumElements;
  if (array.Clients == nullptr) return value;
  client_list list;
  list.reserve(array.NumElements, array.NumElements);
  for (std::uint32_t i = 0; i < array.NumElements; ++i) {
    const DHCPV4_FAILOVER_CLIENT_INFO* r = array.Clients[i];
    if (r == nullptr) {
      list.push_back_null();
      continue;
    }
    client_info c;
    c.client_ip_address = r->ClientIpAddress;
    c.subnet_mask = r->SubnetMask;
    c.client_hardware_address.data_length = r->ClientHardwareAddress.DataLength;
    if (r->ClientHardwareAddress.Data != nullptr) {
      const std::uint8_t* d = r->ClientHardwareAddress.Data;
      c.client_hardware_address.data = std::vector<std::uint8_t>(d, d + r->ClientHardwareAddress.DataLength);
    }
    if (!from_utf8(r->ClientName, c.client_name, why) || !from_utf8(r->ClientComment, c.client_comment, why) ||
        !from_utf8(r->OwnerHost.NetBiosName, c.owner_host.net_bios_name, why) ||
        !from_utf8(r->OwnerHost.HostName, c.owner_host.host_name, why) ||
        !from_utf8(r->PolicyName, c.policy_name, why)) {
      return std::nullopt;
    }
    c.client_lease_expires = filetime(r->ClientLeaseExpires);
    c.owner_host.ip_address = r->OwnerHost.IpAddress;
    c.client_type = r->bClientType;
    c.address_state = r->AddressState;
    c.status = static_cast<std::uint32_t>(r->Status);
    c.probation_ends = filetime(r->ProbationEnds);
    c.quarantine_capable = r->QuarantineCapable;
    c.sent_pot_exp_time = r->SentPotExpTime;
    c.ack_pot_exp_time = r->AckPotExpTime;
    c.recv_pot_exp_time = r->RecvPotExpTime;
    c.start_time = r->StartTime;
    c.clt_last_trans_time = r->CltLastTransTime;
    c.last_bnd_upd_time = r->LastBndUpdTime;
    c.bnd_msg_status = r->BndMsgStatus;
    c.flags = r->Flags;
    list.push_back(std::move(c));
  }
  value.clients = std::move(list);
  return value;
}

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

std::optional<bytes> push(const client_info_array& value, bool ndr64, std::string* why) {
  auto in = to_samba(value, why);
  if (!in) return std::nullopt;
  context ctx;
  std::uint8_t* data = nullptr;
  std::size_t length = 0;
  const char* error = nullptr;
  if (samba_peer_push_array(ctx.get(), in->get(), ndr64 ? 1 : 0, &data, &length, &error) != 0) {
    if (why) *why = std::string("Samba push failed: ") + (error ? error : "?");
    return std::nullopt;
  }
  return bytes(data, data + length);
}

std::size_t check_vectors(const std::string& vector_dir, bool ndr64, std::string* failure) {
  const std::string suffix = ndr64 ? ".ndr64.bin" : ".ndr20.bin";
  const layout wire = ndr64 ? layout::ndr64 : layout::ndr20;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(vector_dir, ec)) {
    const std::string name = entry.path().filename().string();
    // array-NAME.ndr20.bin only: not .foreign/.ptr/.pickle (NAME has no dot).
    if (name.rfind("array-", 0) != 0 || name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    if (name.substr(0, name.size() - suffix.size()).find('.') != std::string::npos) continue;
    files.push_back(entry.path());
  }
  if (ec || files.empty()) {
    if (failure) *failure = "no array-*" + suffix + " vectors in " + vector_dir;
    return 0;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    auto input = read_file(path);
    if (!input) {
      if (failure) *failure = "cannot read " + path.string();
      return 0;
    }
    auto mine = decode<client_info_array>(*input, wire);
    if (!mine) {
      if (failure) *failure = name + ": dhcpm cannot decode it: " + format_error(mine.error_value());
      return 0;
    }
    std::string why;
    auto theirs = pull(*input, ndr64, &why);
    if (!theirs) {
      if (failure) *failure = name + ": " + why;
      return 0;
    }
    if (!(*theirs == mine->value)) {
      if (failure) *failure = name + ": Samba's pull gives different field values than dhcpm's decode";
      return 0;
    }
    auto pushed = push(mine->value, ndr64, &why);
    if (!pushed) {
      if (failure) *failure = name + ": " + why;
      return 0;
    }
    if (*pushed != *input) {
      std::size_t at = 0;
      while (at < pushed->size() && at < input->size() && (*pushed)[at] == (*input)[at]) ++at;
      if (failure)
        *failure = name + ": Samba's push differs from dhcpm's canonical bytes at offset " + std::to_string(at) +
                   " (Samba " + std::to_string(pushed->size()) + " bytes, dhcpm " + std::to_string(input->size()) + ")";
      return 0;
    }
  }
  return files.size();
}

}  // namespace dhcpm::bench::samba
