// The decoding sink: turns what the walker reports into an owning value.
// It makes no checks of its own (the walker has made them all).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "dhcpm/client_info.hpp"
#include "ndr/walk_sink.hpp"
#include "wire/byte_reader.hpp"

namespace dhcpm::detail {

template <order O>
class value_builder : public walk_sink_base {
 public:
  // Where the next record goes: a single record, or the records of an array.
  void target(client_info* single) noexcept { single_ = single; }
  void target(client_info_array* array) noexcept { array_ = array; }

  void record_begin(std::size_t /*offset*/) {
    current_ = single_ != nullptr ? single_ : &array_->clients->record(next_record_++);
  }

  void record_flat(const flat_values& v) {
    const auto get = [&v](record_field f) { return v[static_cast<std::size_t>(f)]; };
    client_info& r = *current_;
    r.client_ip_address = static_cast<std::uint32_t>(get(record_field::client_ip_address));
    r.subnet_mask = static_cast<std::uint32_t>(get(record_field::subnet_mask));
    r.client_hardware_address.data_length = static_cast<std::uint32_t>(get(record_field::data_length));
    r.client_lease_expires = get(record_field::lease_expires_high) << 32 | get(record_field::lease_expires_low);
    r.owner_host.ip_address = static_cast<std::uint32_t>(get(record_field::owner_ip_address));
    r.client_type = static_cast<std::uint8_t>(get(record_field::client_type));
    r.address_state = static_cast<std::uint8_t>(get(record_field::address_state));
    r.status = static_cast<std::uint32_t>(get(record_field::status));
    r.probation_ends = get(record_field::probation_ends_high) << 32 | get(record_field::probation_ends_low);
    r.quarantine_capable = static_cast<std::uint32_t>(get(record_field::quarantine_capable));
    r.sent_pot_exp_time = static_cast<std::uint32_t>(get(record_field::sent_pot_exp_time));
    r.ack_pot_exp_time = static_cast<std::uint32_t>(get(record_field::ack_pot_exp_time));
    r.recv_pot_exp_time = static_cast<std::uint32_t>(get(record_field::recv_pot_exp_time));
    r.start_time = static_cast<std::uint32_t>(get(record_field::start_time));
    r.clt_last_trans_time = static_cast<std::uint32_t>(get(record_field::clt_last_trans_time));
    r.last_bnd_upd_time = static_cast<std::uint32_t>(get(record_field::last_bnd_upd_time));
    r.bnd_msg_status = static_cast<std::uint32_t>(get(record_field::bnd_msg_status));
    r.flags = static_cast<std::uint8_t>(get(record_field::flags));
  }

  void data_bytes(const std::uint8_t* p, std::size_t n) { current_->client_hardware_address.data.emplace(p, p + n); }

  void string_units(record_field which, const std::uint8_t* p, std::size_t n) {
    std::u16string units(n, u'\0');
    for (std::size_t i = 0; i < n; ++i) units[i] = static_cast<char16_t>(load<std::uint16_t, 2, O>(p + 2 * i));
    string_of(which) = utf16_string::from_owned_units(std::move(units));
  }

  void array_begin(std::uint32_t num_elements, bool clients_present) {
    array_->num_elements = num_elements;
    if (clients_present) array_->clients.emplace();
  }
  void elements_begin(std::uint64_t count, std::uint64_t records) { array_->clients->reserve(count, records); }
  void element(std::uint64_t /*index*/, bool present) {
    if (present) {
      array_->clients->push_back(client_info{});
    } else {
      array_->clients->push_back_null();
    }
  }

  void return_value(std::uint32_t value) { return_value_ = value; }
  [[nodiscard]] std::uint32_t returned() const noexcept { return return_value_; }

 private:
  utf16_string& string_of(record_field which) {
    switch (which) {
      case record_field::client_name: return current_->client_name;
      case record_field::client_comment: return current_->client_comment;
      case record_field::net_bios_name: return current_->owner_host.net_bios_name;
      case record_field::host_name: return current_->owner_host.host_name;
      default: return current_->policy_name;
    }
  }

  client_info* single_ = nullptr;
  client_info_array* array_ = nullptr;
  client_info* current_ = nullptr;
  std::size_t next_record_ = 0;
  std::uint32_t return_value_ = 0;
};

}  // namespace dhcpm::detail
