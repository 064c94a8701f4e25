// Reading fields through a view: every read goes to the input bytes through
// the layout table and Boost.Endian, nothing is copied until to_value().
#include <cstring>

#include "dhcpm/view.hpp"
#include "view/view_index.hpp"

namespace dhcpm {

using detail::record_field;

char16_t utf16_view::operator[](std::size_t i) const noexcept {
  return static_cast<char16_t>(big_endian_ ? detail::load<std::uint16_t, 2, detail::order::big>(units_ + 2 * i)
                                           : detail::load<std::uint16_t, 2, detail::order::little>(units_ + 2 * i));
}

std::u16string utf16_view::units() const {
  std::u16string out(size_, u'\0');
  for (std::size_t i = 0; i < size_; ++i) out[i] = (*this)[i];
  return out;
}

std::optional<std::string> utf16_view::to_utf8() const {
  if (!present_) return std::nullopt;
  return utf16_to_utf8(units());
}

utf16_string utf16_view::to_value() const {
  return present_ ? utf16_string::from_owned_units(units()) : utf16_string::null();
}

bool operator==(const utf16_view& a, const utf16_string& b) noexcept {
  if (a.is_null() != b.is_null() || a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b.units()[i]) return false;
  }
  return true;
}

std::uint64_t client_view::field(std::size_t index) const noexcept {
  const detail::field_slot s = format_->record->fields[index];
  const std::uint8_t* p = input_ + where_->flat + s.offset;
  return format_->big_endian ? detail::load_uint<detail::order::big>(p, s.size)
                             : detail::load_uint<detail::order::little>(p, s.size);
}

utf16_view client_view::string(std::size_t slot) const noexcept {
  if ((where_->present & detail::presence_bit(detail::string_fields[slot])) == 0) return {};
  return {input_ + where_->string_units[slot], where_->string_size[slot], format_->big_endian};
}

#define DHCPM_VIEW_FIELD(type, name, f) \
  type client_view::name() const noexcept { return static_cast<type>(field(static_cast<std::size_t>(record_field::f))); }
DHCPM_VIEW_FIELD(std::uint32_t, client_ip_address, client_ip_address)
DHCPM_VIEW_FIELD(std::uint32_t, subnet_mask, subnet_mask)
DHCPM_VIEW_FIELD(std::uint32_t, data_length, data_length)
DHCPM_VIEW_FIELD(std::uint32_t, owner_ip_address, owner_ip_address)
DHCPM_VIEW_FIELD(std::uint8_t, client_type, client_type)
DHCPM_VIEW_FIELD(std::uint8_t, address_state, address_state)
DHCPM_VIEW_FIELD(std::uint32_t, status, status)
DHCPM_VIEW_FIELD(std::uint32_t, quarantine_capable, quarantine_capable)
DHCPM_VIEW_FIELD(std::uint32_t, sent_pot_exp_time, sent_pot_exp_time)
DHCPM_VIEW_FIELD(std::uint32_t, ack_pot_exp_time, ack_pot_exp_time)
DHCPM_VIEW_FIELD(std::uint32_t, recv_pot_exp_time, recv_pot_exp_time)
DHCPM_VIEW_FIELD(std::uint32_t, start_time, start_time)
DHCPM_VIEW_FIELD(std::uint32_t, clt_last_trans_time, clt_last_trans_time)
DHCPM_VIEW_FIELD(std::uint32_t, last_bnd_upd_time, last_bnd_upd_time)
DHCPM_VIEW_FIELD(std::uint32_t, bnd_msg_status, bnd_msg_status)
DHCPM_VIEW_FIELD(std::uint8_t, flags, flags)
#undef DHCPM_VIEW_FIELD

std::uint64_t client_view::client_lease_expires() const noexcept {
  return field(static_cast<std::size_t>(record_field::lease_expires_high)) << 32 |
         field(static_cast<std::size_t>(record_field::lease_expires_low));
}
std::uint64_t client_view::probation_ends() const noexcept {
  return field(static_cast<std::size_t>(record_field::probation_ends_high)) << 32 |
         field(static_cast<std::size_t>(record_field::probation_ends_low));
}

std::optional<std::span<const std::uint8_t>> client_view::data() const noexcept {
  if ((where_->present & detail::presence_bit(record_field::data)) == 0) return std::nullopt;
  return std::span<const std::uint8_t>(input_ + where_->data, where_->data_size);
}

utf16_view client_view::client_name() const noexcept { return string(detail::string_slot(record_field::client_name)); }
utf16_view client_view::client_comment() const noexcept {
  return string(detail::string_slot(record_field::client_comment));
}
utf16_view client_view::owner_net_bios_name() const noexcept {
  return string(detail::string_slot(record_field::net_bios_name));
}
utf16_view client_view::owner_host_name() const noexcept { return string(detail::string_slot(record_field::host_name)); }
utf16_view client_view::policy_name() const noexcept { return string(detail::string_slot(record_field::policy_name)); }

std::size_t client_view::offset() const noexcept { return where_->flat; }

client_info client_view::to_value() const {
  detail::flat_values v;
  for (std::size_t i = 0; i < detail::record_field_count; ++i) v[i] = field(i);
  client_info r;
  detail::assign_scalars(v, r);
  if (const auto hw = data()) r.client_hardware_address.data.emplace(hw->begin(), hw->end());
  for (std::size_t slot = 0; slot < detail::string_fields.size(); ++slot) {
    detail::string_of(r, detail::string_fields[slot]) = string(slot).to_value();
  }
  return r;
}

array_view::array_view() noexcept = default;
array_view::array_view(array_view&&) noexcept = default;
array_view& array_view::operator=(array_view&&) noexcept = default;
array_view::~array_view() = default;

bool array_view::is_null(std::size_t i) const noexcept { return index_[i] == detail::no_record; }

client_view array_view::record(std::size_t k) const noexcept {
  const auto* where = reinterpret_cast<const detail::record_location*>(index_.data() + slots_ + k * detail::location_words);
  return client_view(input_, where, format_);
}

std::optional<client_view> array_view::operator[](std::size_t i) const noexcept {
  if (is_null(i)) return std::nullopt;
  return record(index_[i]);
}

client_info_array array_view::to_value() const {
  client_info_array out;
  out.num_elements = num_elements_;
  if (!clients_present_) return out;
  client_list& list = out.clients.emplace();
  list.reserve(slots_, records_);
  for (std::size_t i = 0; i < slots_; ++i) {
    if (const auto element = (*this)[i]) {
      list.push_back(element->to_value());
    } else {
      list.push_back_null();
    }
  }
  return out;
}

}  // namespace dhcpm
