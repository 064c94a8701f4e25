// The out-of-line parts of record views: copies into owning values and UTF-8
// conversion (the field accessors are inline in record_view.hpp).
#include "dhcpm/view.hpp"
#include "view/located_decode.hpp"
#include "view/view_index.hpp"

#include <tuple>
#include <type_traits>

#include "dhcpm/client_family.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm {

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

template <class Record>
Record record_view<Record>::to_value() const {
  if constexpr (detail::has_pointee_struct<Record>) {
    // The pointee's own pointees are not located: read the record again
    // (the walk that located it has checked it).
    return detail::decode_located<Record>(input_, where_->flat, where_->end, *format_);
  } else {
    detail::flat_values_of<Record> v;
    for (std::size_t i = 0; i < detail::slot_count<Record>; ++i) {
      const detail::field_slot slot = format_->slots->fields[i];
      const std::uint8_t* p = flat() + slot.offset;
      v[i] = format_->big_endian ? detail::load_uint<detail::order::big>(p, slot.size)
                                 : detail::load_uint<detail::order::little>(p, slot.size);
    }
    Record r;
    detail::assign_scalars(v, r);
    if (const auto hw = data()) detail::binary_of(r).data.emplace(hw->begin(), hw->end());
    for (std::size_t slot = 0; slot < detail::string_fields_of<Record>.size(); ++slot) {  // the order string() numbers them
      detail::string_of(r, detail::string_fields_of<Record>[slot]) = string(slot).to_value();
    }
    return r;
  }
}

// The element types of the _ARRAYs (record_types.hpp).
template class record_view<client_info>;
template class record_view<dhcp_client_info>;
template class record_view<dhcp_client_info_v4>;
template class record_view<dhcp_client_info_v5>;
template class record_view<dhcp_client_info_vq>;
template class record_view<dhcp_client_filter_status_info>;
template class record_view<dhcp_client_info_pb>;
template class record_view<dhcp_client_info_ex>;
static_assert([]<class... R>(std::type_identity<std::tuple<R...>>) {
  return (std::size_t{0} + ... + (is_record_array<R> ? 1 : 0));
}(std::type_identity<record_type_list>{}) == 8, "a record_view instantiation for every _ARRAY's element type");

template <class Array>
Array basic_array_view<Array>::to_value() const {
  Array out;
  out.num_elements = num_elements_;
  if (!clients_present_) return out;
  auto& list = out.clients.emplace();
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

// Every _ARRAY of record_types.hpp.
template class basic_array_view<client_info_array>;
template class basic_array_view<dhcp_client_info_array>;
template class basic_array_view<dhcp_client_info_array_v4>;
template class basic_array_view<dhcp_client_info_array_v5>;
template class basic_array_view<dhcp_client_info_array_vq>;
template class basic_array_view<dhcp_client_filter_status_info_array>;
template class basic_array_view<dhcp_client_info_pb_array>;
template class basic_array_view<dhcp_client_info_ex_array>;

}  // namespace dhcpm
