// Writes NDR 2.0 bytes by hand, little- or big-endian, for inputs that no
// encoder would produce (hostile counts, foreign referent ids, odd padding),
// plus an independent reference encoding of the values (DESIGN.md §2) that
// records where each item went, so tests can patch an item by name:
//
//   ndr_builder b;
//   b.client(value);                      // canonical bytes of `value`
//   b.patch_u32(b.mark("ClientName@actual"), 0x80000001);
//
// Mark names: "<path>@flat" (start of a struct's flat part), "<path>@ptr"
// (a referent id), "<path>@max", "@offset", "@actual", "@units" (a string's
// pointee), "<path>@max", "@bytes" for Data, "Clients@max" and "Clients[i]@ptr"
// for arrays, "NumElements", "ReturnValue". <path> is the error path of the
// field, e.g. "Clients[2].OwnerHost.HostName".
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dhcpm/client_info.hpp"

namespace dhcpm::test {

enum class byte_order { little, big };

class ndr_builder {
 public:
  explicit ndr_builder(byte_order order = byte_order::little) : order_(order) {}

  // ---- primitives. Every integer is aligned to its size from the start of
  // the buffer (the stub), padding written with pad_fill().
  ndr_builder& pad_fill(std::uint8_t fill) {
    fill_ = fill;
    return *this;
  }
  ndr_builder& align(std::size_t n) {
    while (bytes_.size() % n != 0) bytes_.push_back(fill_);
    return *this;
  }
  ndr_builder& u8(std::uint8_t v) {
    bytes_.push_back(v);
    return *this;
  }
  ndr_builder& u16(std::uint16_t v) {
    align(2);
    put(v, 2);
    return *this;
  }
  ndr_builder& u32(std::uint32_t v) {
    align(4);
    put(v, 4);
    return *this;
  }
  // A DATE_TIME / FILETIME: dwLowDateTime then dwHighDateTime.
  ndr_builder& filetime(std::uint64_t v) {
    u32(static_cast<std::uint32_t>(v));
    return u32(static_cast<std::uint32_t>(v >> 32));
  }
  // Bytes as they are (byte arrays are not swapped), no alignment.
  ndr_builder& raw(std::span<const std::uint8_t> data) {
    bytes_.insert(bytes_.end(), data.begin(), data.end());
    return *this;
  }
  ndr_builder& zeros(std::size_t n) {
    bytes_.insert(bytes_.end(), n, std::uint8_t{0});
    return *this;
  }
  // UTF-16 code units, each a u16 in the builder's byte order.
  ndr_builder& units(std::u16string_view s) {
    align(2);
    for (char16_t c : s) put(static_cast<std::uint16_t>(c), 2);
    return *this;
  }
  // The head of a conformant varying string pointee.
  ndr_builder& string_header(std::uint32_t max_count, std::uint32_t offset, std::uint32_t actual_count) {
    return u32(max_count).u32(offset).u32(actual_count);
  }
  // A canonical string pointee: counts include the terminator, which is added.
  ndr_builder& string(std::u16string_view s, std::string_view path = {}) {
    const auto n = static_cast<std::uint32_t>(s.size() + 1);
    align(4);
    set_mark(path, "@max");
    u32(n);
    set_mark(path, "@offset");
    u32(0);
    set_mark(path, "@actual");
    u32(n);
    set_mark(path, "@units");
    units(s);
    return u16(0);
  }

  // ---- canonical referent ids: 0x00020000 + 4k for the k-th non-NULL pointer.
  std::uint32_t next_id() {
    const std::uint32_t id = 0x00020000u + 4u * pointers_;
    ++pointers_;
    return id;
  }
  ndr_builder& pointer(bool present, std::string_view path = {}) {
    align(4);
    set_mark(path, "@ptr");
    return u32(present ? next_id() : 0u);
  }

  // ---- reference encodings of the values.
  ndr_builder& client_flat(const client_info& c, const std::string& path = {}) {
    align(4);
    // "Clients[2]." names the element "Clients[2]"; its flat part is "Clients[2]@flat".
    set_mark(path.ends_with('.') ? std::string_view(path).substr(0, path.size() - 1) : std::string_view(path), "@flat");
    u32(c.client_ip_address).u32(c.subnet_mask);
    set_mark(path + "ClientHardwareAddress.DataLength");
    u32(c.client_hardware_address.data_length);
    pointer(c.client_hardware_address.data.has_value(), path + "ClientHardwareAddress.Data");
    pointer(!c.client_name.is_null(), path + "ClientName");
    pointer(!c.client_comment.is_null(), path + "ClientComment");
    filetime(c.client_lease_expires);
    u32(c.owner_host.ip_address);
    pointer(!c.owner_host.net_bios_name.is_null(), path + "OwnerHost.NetBiosName");
    pointer(!c.owner_host.host_name.is_null(), path + "OwnerHost.HostName");
    u8(c.client_type).u8(c.address_state);
    set_mark(path + "Status");
    u16(static_cast<std::uint16_t>(c.status));
    filetime(c.probation_ends);
    u32(c.quarantine_capable).u32(c.sent_pot_exp_time).u32(c.ack_pot_exp_time).u32(c.recv_pot_exp_time);
    u32(c.start_time).u32(c.clt_last_trans_time).u32(c.last_bnd_upd_time).u32(c.bnd_msg_status);
    pointer(!c.policy_name.is_null(), path + "PolicyName");
    set_mark(path + "Flags");
    return u8(c.flags);
  }
  ndr_builder& client_deferred(const client_info& c, const std::string& path = {}) {
    if (c.client_hardware_address.data.has_value()) {
      const std::string data_path = path + "ClientHardwareAddress.Data";
      align(4);
      set_mark(data_path, "@max");
      u32(c.client_hardware_address.data_length);
      set_mark(data_path, "@bytes");
      raw(*c.client_hardware_address.data);
    }
    deferred_string(c.client_name, path + "ClientName");
    deferred_string(c.client_comment, path + "ClientComment");
    deferred_string(c.owner_host.net_bios_name, path + "OwnerHost.NetBiosName");
    deferred_string(c.owner_host.host_name, path + "OwnerHost.HostName");
    return deferred_string(c.policy_name, path + "PolicyName");
  }
  ndr_builder& client(const client_info& c, const std::string& path = {}) {
    return client_flat(c, path).client_deferred(c, path);
  }
  ndr_builder& array(const client_info_array& a, const std::string& path = {}) {
    align(4);
    set_mark(path + "NumElements");
    u32(a.num_elements);
    pointer(a.clients.has_value(), path + "Clients");
    if (!a.clients) return *this;
    const client_list& list = *a.clients;
    set_mark(path + "Clients", "@max");
    u32(a.num_elements);
    for (std::size_t i = 0; i < list.size(); ++i) pointer(list[i] != nullptr, element_path(path, i));
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i] != nullptr) client(*list[i], element_path(path, i) + ".");
    }
    return *this;
  }
  ndr_builder& client_ptr(const std::optional<client_info>& c) {
    pointer(c.has_value(), "ClientInfo");
    if (c) client(*c);
    return *this;
  }
  ndr_builder& array_ptr(const std::optional<client_info_array>& a) {
    pointer(a.has_value(), "");
    if (a) array(*a);
    return *this;
  }
  ndr_builder& response(const get_client_info_response& r) {
    pointer(r.client.has_value(), "ClientInfo");
    if (r.client) client(*r.client, "ClientInfo.");
    align(4);
    set_mark("ReturnValue");
    return u32(r.return_value);
  }

  // ---- results and patching.
  [[nodiscard]] std::size_t size() const noexcept { return bytes_.size(); }
  [[nodiscard]] const std::vector<std::uint8_t>& bytes() const noexcept { return bytes_; }
  [[nodiscard]] std::vector<std::uint8_t> take() { return std::move(bytes_); }
  [[nodiscard]] bool has_mark(const std::string& name) const { return marks_.count(name) != 0; }
  [[nodiscard]] std::size_t mark(const std::string& name) const {
    const auto it = marks_.find(name);
    if (it == marks_.end()) throw std::out_of_range("ndr_builder: no mark " + name);
    return it->second;
  }
  void set_mark(std::string_view path, std::string_view suffix = {}) {
    if (path.empty() && suffix.empty()) return;
    marks_[std::string(path) + std::string(suffix)] = bytes_.size();
  }
  ndr_builder& patch_u8(std::size_t offset, std::uint8_t v) {
    bytes_.at(offset) = v;
    return *this;
  }
  ndr_builder& patch_u16(std::size_t offset, std::uint16_t v) { return patch(offset, v, 2); }
  ndr_builder& patch_u32(std::size_t offset, std::uint32_t v) { return patch(offset, v, 4); }
  [[nodiscard]] std::uint32_t read_u32(std::size_t offset) const {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const std::size_t shift = order_ == byte_order::little ? 8 * i : 8 * (3 - i);
      v |= static_cast<std::uint32_t>(bytes_.at(offset + i)) << shift;
    }
    return v;
  }

  [[nodiscard]] static std::string element_path(const std::string& prefix, std::size_t i) {
    return prefix + "Clients[" + std::to_string(i) + "]";
  }

 private:
  ndr_builder& deferred_string(const utf16_string& s, const std::string& path) {
    if (!s.is_null()) string(s.units(), path);
    return *this;
  }
  void put(std::uint32_t v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t shift = order_ == byte_order::little ? 8 * i : 8 * (n - 1 - i);
      bytes_.push_back(static_cast<std::uint8_t>(v >> shift));
    }
  }
  ndr_builder& patch(std::size_t offset, std::uint32_t v, std::size_t n) {
    if (offset > bytes_.size() || n > bytes_.size() - offset) throw std::out_of_range("ndr_builder: patch past end");
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t shift = order_ == byte_order::little ? 8 * i : 8 * (n - 1 - i);
      bytes_[offset + i] = static_cast<std::uint8_t>(v >> shift);
    }
    return *this;
  }

  byte_order order_;
  std::uint8_t fill_ = 0;
  std::uint32_t pointers_ = 0;
  std::vector<std::uint8_t> bytes_;
  std::map<std::string, std::size_t> marks_;
};

}  // namespace dhcpm::test
