#include "layout/field_path.hpp"

#include "layout/record_layout.hpp"

namespace dhcpm::detail {

std::string field_path::str() const {
  std::string out(root);
  const auto dot = [&out] {
    if (!out.empty()) out += '.';
  };
  if (element >= 0) {
    dot();
    out += "Clients[";
    out += std::to_string(element);
    out += ']';
  }
  if (!leaf.empty()) {
    dot();
    out += leaf;
  }
  return out;
}

std::string_view record_field_path(record_field f) noexcept {
  switch (f) {
    case record_field::client_ip_address: return "ClientIpAddress";
    case record_field::subnet_mask: return "SubnetMask";
    case record_field::data_length: return "ClientHardwareAddress.DataLength";
    case record_field::data: return "ClientHardwareAddress.Data";
    case record_field::client_name: return "ClientName";
    case record_field::client_comment: return "ClientComment";
    case record_field::lease_expires_low: return "ClientLeaseExpires.dwLowDateTime";
    case record_field::lease_expires_high: return "ClientLeaseExpires.dwHighDateTime";
    case record_field::owner_ip_address: return "OwnerHost.IpAddress";
    case record_field::net_bios_name: return "OwnerHost.NetBiosName";
    case record_field::host_name: return "OwnerHost.HostName";
    case record_field::client_type: return "bClientType";
    case record_field::address_state: return "AddressState";
    case record_field::status: return "Status";
    case record_field::probation_ends_low: return "ProbationEnds.dwLowDateTime";
    case record_field::probation_ends_high: return "ProbationEnds.dwHighDateTime";
    case record_field::quarantine_capable: return "QuarantineCapable";
    case record_field::sent_pot_exp_time: return "SentPotExpTime";
    case record_field::ack_pot_exp_time: return "AckPotExpTime";
    case record_field::recv_pot_exp_time: return "RecvPotExpTime";
    case record_field::start_time: return "StartTime";
    case record_field::clt_last_trans_time: return "CltLastTransTime";
    case record_field::last_bnd_upd_time: return "LastBndUpdTime";
    case record_field::bnd_msg_status: return "BndMsgStatus";
    case record_field::policy_name: return "PolicyName";
    case record_field::flags: return "Flags";
  }
  return "?";
}

}  // namespace dhcpm::detail
