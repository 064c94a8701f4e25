// The NDR encoder: the walker's order, written instead of read. Output is
// canonical — zero padding, referent ids 0x00020000 + 4k in the order the
// pointers appear in the bytes — which is what Windows and Samba produce.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"
#include "layout/field_path.hpp"
#include "ndr/ndr_format.hpp"
#include "wire/byte_writer.hpp"

namespace dhcpm::detail {

template <class F>
class ndr_encoder {
 public:
  explicit ndr_encoder(std::vector<std::uint8_t>& out) : out_(out) {}

  void top_pointer(bool present) {
    out_.align(ps);
    out_.put<std::uint64_t, ps, F::byte_order>(present ? next_referent_id() : 0);
  }

  [[nodiscard]] bool record(const client_info& r, const field_path& path) {
    out_.align(F::record.alignment);
    if (!check_representable(r, path, out_.position())) return false;
    const std::size_t at = out_.reserve_zeroed(F::record.size);
    const auto put = [&](record_field f, std::uint64_t value) { put_field(at, f, value); };
    const auto put_pointer = [&](record_field f, bool present) { put_field(at, f, present ? next_referent_id() : 0); };
    const binary_data& hw = r.client_hardware_address;
    put(record_field::client_ip_address, r.client_ip_address);
    put(record_field::subnet_mask, r.subnet_mask);
    put(record_field::data_length, hw.data_length);
    put_pointer(record_field::data, hw.data.has_value());
    put_pointer(record_field::client_name, !r.client_name.is_null());
    put_pointer(record_field::client_comment, !r.client_comment.is_null());
    put(record_field::lease_expires_low, r.client_lease_expires & 0xFFFFFFFFu);
    put(record_field::lease_expires_high, r.client_lease_expires >> 32);
    put(record_field::owner_ip_address, r.owner_host.ip_address);
    put_pointer(record_field::net_bios_name, !r.owner_host.net_bios_name.is_null());
    put_pointer(record_field::host_name, !r.owner_host.host_name.is_null());
    put(record_field::client_type, r.client_type);
    put(record_field::address_state, r.address_state);
    put(record_field::status, r.status);
    put(record_field::probation_ends_low, r.probation_ends & 0xFFFFFFFFu);
    put(record_field::probation_ends_high, r.probation_ends >> 32);
    put(record_field::quarantine_capable, r.quarantine_capable);
    put(record_field::sent_pot_exp_time, r.sent_pot_exp_time);
    put(record_field::ack_pot_exp_time, r.ack_pot_exp_time);
    put(record_field::recv_pot_exp_time, r.recv_pot_exp_time);
    put(record_field::start_time, r.start_time);
    put(record_field::clt_last_trans_time, r.clt_last_trans_time);
    put(record_field::last_bnd_upd_time, r.last_bnd_upd_time);
    put(record_field::bnd_msg_status, r.bnd_msg_status);
    put_pointer(record_field::policy_name, !r.policy_name.is_null());
    put(record_field::flags, r.flags);

    if (hw.data) {
      out_.align(cs);
      out_.put<std::uint64_t, cs, F::byte_order>(hw.data->size());
      out_.put_bytes(hw.data->data(), hw.data->size());
    }
    for (const utf16_string* s : {&r.client_name, &r.client_comment, &r.owner_host.net_bios_name,
                                  &r.owner_host.host_name, &r.policy_name}) {
      if (!s->is_null()) string(*s);
    }
    return true;
  }

  [[nodiscard]] bool array(const client_info_array& a, const field_path& path) {
    if (a.clients && a.clients->size() != a.num_elements) {
      return fail(error_code::inconsistent_value, path.at("Clients"),
                  "Clients holds " + std::to_string(a.clients->size()) + " elements but NumElements is " +
                      std::to_string(a.num_elements));
    }
    out_.align(F::array.alignment);
    const std::size_t at = out_.reserve_zeroed(F::array.size);
    out_.put_at<std::uint32_t, 4, F::byte_order>(at + F::array.num_elements.offset, a.num_elements);
    out_.put_at<std::uint64_t, ps, F::byte_order>(at + F::array.clients.offset, a.clients ? next_referent_id() : 0);
    if (!a.clients) return true;
    const client_list& clients = *a.clients;
    out_.align(cs);
    out_.put<std::uint64_t, cs, F::byte_order>(clients.size());
    for (std::size_t i = 0; i < clients.size(); ++i) {
      out_.put<std::uint64_t, ps, F::byte_order>(clients[i] != nullptr ? next_referent_id() : 0);
    }
    for (std::size_t i = 0; i < clients.size(); ++i) {
      if (clients[i] != nullptr && !record(*clients[i], path.element_at(static_cast<std::int64_t>(i)))) return false;
    }
    return true;
  }

  void return_value(std::uint32_t value) {
    out_.align(4);
    out_.put<std::uint32_t, 4, F::byte_order>(value);
  }

  [[nodiscard]] error take_failure() { return std::move(failure_); }

 private:
  static constexpr std::size_t ps = F::pointer_size;
  static constexpr std::size_t cs = F::count_size;
  // A count field must hold a string's units plus its terminator.
  static constexpr std::uint64_t max_count_value = cs == 4 ? std::numeric_limits<std::uint32_t>::max()
                                                           : std::numeric_limits<std::uint64_t>::max();

  // Refuses, before writing the record at `at`, what this layout cannot hold.
  // Errors point at the field's place in the output.
  bool check_representable(const client_info& r, const field_path& path, std::size_t at) {
    const auto fail_at = [&](error_code code, record_field f, std::string message) {
      failure_ = error{code, at + F::record[f].offset, path.at(record_field_path(f)).str(), std::move(message)};
      return false;
    };
    if (F::status_size == 2 && r.status > 0xFFFF) {
      return fail_at(error_code::value_out_of_range, record_field::status,
                  "Status " + std::to_string(r.status) + " does not fit the 16-bit enum of NDR 2.0");
    }
    const binary_data& hw = r.client_hardware_address;
    if (hw.data && hw.data->size() != hw.data_length) {
      return fail_at(error_code::inconsistent_value, record_field::data,
                  "Data holds " + std::to_string(hw.data->size()) + " bytes but DataLength is " +
                      std::to_string(hw.data_length));
    }
    for (const auto& [s, f] : {std::pair{&r.client_name, record_field::client_name},
                               std::pair{&r.client_comment, record_field::client_comment},
                               std::pair{&r.owner_host.net_bios_name, record_field::net_bios_name},
                               std::pair{&r.owner_host.host_name, record_field::host_name},
                               std::pair{&r.policy_name, record_field::policy_name}}) {
      if (s->size() >= max_count_value) {
        return fail_at(error_code::value_out_of_range, f, "the string is too long for its count");
      }
    }
    return true;
  }

  void string(const utf16_string& s) {
    const std::u16string_view units = s.units();
    out_.align(cs);
    out_.put<std::uint64_t, cs, F::byte_order>(units.size() + 1);  // max_count
    out_.put<std::uint64_t, cs, F::byte_order>(0);                 // offset
    out_.put<std::uint64_t, cs, F::byte_order>(units.size() + 1);  // actual_count
    const std::size_t at = out_.reserve_zeroed(2 * (units.size() + 1));  // the terminator stays zero
    for (std::size_t i = 0; i < units.size(); ++i) {
      out_.put_at<std::uint16_t, 2, F::byte_order>(at + 2 * i, static_cast<std::uint16_t>(units[i]));
    }
  }

  void put_field(std::size_t at, record_field f, std::uint64_t value) {
    const field_slot s = F::record[f];
    switch (s.size) {
      case 1: out_.put_at<std::uint8_t, 1, F::byte_order>(at + s.offset, static_cast<std::uint8_t>(value)); break;
      case 2: out_.put_at<std::uint16_t, 2, F::byte_order>(at + s.offset, static_cast<std::uint16_t>(value)); break;
      case 4: out_.put_at<std::uint32_t, 4, F::byte_order>(at + s.offset, static_cast<std::uint32_t>(value)); break;
      default: out_.put_at<std::uint64_t, 8, F::byte_order>(at + s.offset, value); break;
    }
  }

  // 0x00020000 + 4k, never 0 even after wrapping around the 32-bit space.
  std::uint64_t next_referent_id() noexcept {
    std::uint64_t id = 0;
    do {
      id = (0x00020000u + 4 * referents_++) & (ps == 4 ? 0xFFFFFFFFu : ~std::uint64_t{0});
    } while (id == 0);
    return id;
  }

  bool fail(error_code code, const field_path& path, std::string message) {
    failure_ = error{code, out_.position(), path.str(), std::move(message)};
    return false;
  }

  byte_writer out_;
  std::uint64_t referents_ = 0;
  error failure_;
};

}  // namespace dhcpm::detail
