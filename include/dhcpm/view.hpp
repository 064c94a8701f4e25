// Zero-copy views: the input is validated once, by the same walk and with the
// same checks, errors and offsets as the owning decoder, and then each client
// is reached in constant time and each field is read from the input bytes on
// access. Strings stay UTF-16 on the wire until asked for. A view allocates
// one index (proportional to the number of records), never per element.
//
// A view refers to the caller's buffer: it must not outlive it. Passing a
// temporary vector is refused at compile time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"

#if defined(__clang__)
#define DHCPM_LIFETIMEBOUND [[clang::lifetimebound]]
#else
#define DHCPM_LIFETIMEBOUND
#endif

namespace dhcpm {

namespace detail {
struct record_location;  // where one record's parts are in the input
struct view_format;      // the layout table and byte order of a view
}  // namespace detail

// A string in the input: NULL or a run of UTF-16 units (terminator excluded).
class utf16_view {
 public:
  utf16_view() = default;  // NULL

  [[nodiscard]] bool is_null() const noexcept { return !present_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] char16_t operator[](std::size_t i) const noexcept;  // i < size()

  [[nodiscard]] std::u16string units() const;
  [[nodiscard]] std::optional<std::string> to_utf8() const;  // nullopt: NULL or not valid UTF-16
  [[nodiscard]] utf16_string to_value() const;

  friend bool operator==(const utf16_view& a, const utf16_string& b) noexcept;

 private:
  friend class client_view;
  utf16_view(const std::uint8_t* units, std::size_t size, bool big_endian) noexcept
      : units_(units), size_(size), present_(true), big_endian_(big_endian) {}

  const std::uint8_t* units_ = nullptr;
  std::size_t size_ = 0;
  bool present_ = false;
  bool big_endian_ = false;
};

// One client record in the input.
class client_view {
 public:
  [[nodiscard]] std::uint32_t client_ip_address() const noexcept;
  [[nodiscard]] std::uint32_t subnet_mask() const noexcept;
  [[nodiscard]] std::uint32_t data_length() const noexcept;
  // ClientHardwareAddress.Data: std::nullopt for NULL.
  [[nodiscard]] std::optional<std::span<const std::uint8_t>> data() const noexcept;
  [[nodiscard]] utf16_view client_name() const noexcept;
  [[nodiscard]] utf16_view client_comment() const noexcept;
  [[nodiscard]] std::uint64_t client_lease_expires() const noexcept;
  [[nodiscard]] std::uint32_t owner_ip_address() const noexcept;
  [[nodiscard]] utf16_view owner_net_bios_name() const noexcept;
  [[nodiscard]] utf16_view owner_host_name() const noexcept;
  [[nodiscard]] std::uint8_t client_type() const noexcept;
  [[nodiscard]] std::uint8_t address_state() const noexcept;
  [[nodiscard]] std::uint32_t status() const noexcept;
  [[nodiscard]] std::uint64_t probation_ends() const noexcept;
  [[nodiscard]] std::uint32_t quarantine_capable() const noexcept;
  [[nodiscard]] std::uint32_t sent_pot_exp_time() const noexcept;
  [[nodiscard]] std::uint32_t ack_pot_exp_time() const noexcept;
  [[nodiscard]] std::uint32_t recv_pot_exp_time() const noexcept;
  [[nodiscard]] std::uint32_t start_time() const noexcept;
  [[nodiscard]] std::uint32_t clt_last_trans_time() const noexcept;
  [[nodiscard]] std::uint32_t last_bnd_upd_time() const noexcept;
  [[nodiscard]] std::uint32_t bnd_msg_status() const noexcept;
  [[nodiscard]] utf16_view policy_name() const noexcept;
  [[nodiscard]] std::uint8_t flags() const noexcept;

  // Byte offset of the record's flat part in the input.
  [[nodiscard]] std::size_t offset() const noexcept;
  // An owning copy of every field.
  [[nodiscard]] client_info to_value() const;

 private:
  friend class array_view;
  friend struct view_access;
  client_view(const std::uint8_t* input, const detail::record_location* where, const detail::view_format* format) noexcept
      : input_(input), where_(where), format_(format) {}

  [[nodiscard]] std::uint64_t field(std::size_t index) const noexcept;
  [[nodiscard]] utf16_view string(std::size_t slot) const noexcept;

  const std::uint8_t* input_;
  const detail::record_location* where_;
  const detail::view_format* format_;
};

// An _ARRAY in the input.
class array_view {
 public:
  array_view(array_view&&) noexcept;
  array_view& operator=(array_view&&) noexcept;
  array_view(const array_view&) = delete;
  array_view& operator=(const array_view&) = delete;
  ~array_view();

  [[nodiscard]] std::uint32_t num_elements() const noexcept { return num_elements_; }
  [[nodiscard]] bool clients_is_null() const noexcept { return !clients_present_; }
  // Element slots (max_count; NumElements in strict mode).
  [[nodiscard]] std::size_t size() const noexcept { return slots_; }
  // Non-NULL elements.
  [[nodiscard]] std::size_t record_count() const noexcept { return records_; }
  [[nodiscard]] bool is_null(std::size_t i) const noexcept;  // i < size()
  // The element at i; std::nullopt for a NULL element pointer. i < size().
  [[nodiscard]] std::optional<client_view> operator[](std::size_t i) const noexcept;
  // The k-th non-NULL element, k < record_count().
  [[nodiscard]] client_view record(std::size_t k) const noexcept;

  [[nodiscard]] const std::vector<error>& warnings() const noexcept { return warnings_; }
  // An owning copy of the whole array.
  [[nodiscard]] client_info_array to_value() const;

 private:
  friend struct view_access;
  array_view() noexcept;

  const std::uint8_t* input_ = nullptr;
  const detail::view_format* format_ = nullptr;
  std::uint32_t num_elements_ = 0;
  bool clients_present_ = false;
  std::size_t slots_ = 0;
  std::size_t records_ = 0;
  // The one allocation: a record index per slot (or none), then one location
  // per record.
  std::vector<std::uint32_t> index_;
  std::vector<error> warnings_;
};

// Validates an _ARRAY in any layout (bare framing; x64/x86 images based at
// default_image_base) and returns a view of it.
[[nodiscard]] result<array_view> view_array(byte_span input DHCPM_LIFETIMEBOUND, layout wire,
                                            const decode_options& options = {});
// A view of a temporary buffer would dangle at once.
result<array_view> view_array(std::vector<std::uint8_t>&& input, layout wire,
                              const decode_options& options = {}) = delete;
result<array_view> view_array(const std::vector<std::uint8_t>&& input, layout wire,
                              const decode_options& options = {}) = delete;

}  // namespace dhcpm
