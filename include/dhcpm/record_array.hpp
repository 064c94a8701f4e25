// An _ARRAY of records (DHCPV4_FAILOVER_CLIENT_INFO_ARRAY, DHCP_CLIENT_INFO_ARRAY_V4,
// DHCP_CLIENT_INFO_PB_ARRAY, ...): NumElements and a list of records and NULLs.
// One template serves every record type.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "dhcpm/large_block.hpp"

namespace dhcpm {

// The Clients of an _ARRAY of Record: each element is a record or a NULL pointer.
// NULL elements cost one slot index, not a record, so the in-memory size
// stays proportional to the wire size even for a million NULL pointers.
template <class Record>
class record_list {
 public:
  record_list() = default;
  // A list whose large blocks come from and go back to `cache` (see
  // large_block.hpp), which must outlive it. Decoders make these when
  // decode_options::cache is set.
  explicit record_list(block_cache* cache) noexcept
      : records_(detail::large_block_allocator<Record>(cache)), cache_(cache) {}
  // Copies own their strings (they do not share the string storage below) and
  // their memory (they use no cache).
  record_list(const record_list& other) : slots_(other.slots_), records_(other.records_) {}
  record_list& operator=(const record_list& other) {
    if (this != &other) {
      record_list copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  record_list(record_list&&) noexcept = default;
  record_list& operator=(record_list&&) noexcept = default;
  ~record_list() = default;

  [[nodiscard]] std::size_t size() const noexcept { return slots_.size(); }
  [[nodiscard]] bool empty() const noexcept { return slots_.empty(); }
  // The element at i, or nullptr for a NULL element pointer. i < size().
  [[nodiscard]] const Record* operator[](std::size_t i) const noexcept {
    return slots_[i] == null_slot ? nullptr : &records_[slots_[i]];
  }
  [[nodiscard]] Record* operator[](std::size_t i) noexcept {
    return slots_[i] == null_slot ? nullptr : &records_[slots_[i]];
  }
  // The k-th non-NULL element (k < record_count()), in element order.
  [[nodiscard]] const Record& record(std::size_t k) const noexcept { return records_[k]; }
  [[nodiscard]] Record& record(std::size_t k) noexcept { return records_[k]; }
  // Number of non-NULL elements.
  [[nodiscard]] std::size_t record_count() const noexcept { return records_.size(); }

  Record& push_back(Record record) {
    slots_.push_back(static_cast<std::uint32_t>(records_.size()));
    records_.push_back(std::move(record));
    return records_.back();
  }
  // A default record built in place (decoders fill it field by field).
  Record& emplace_back() {
    slots_.push_back(static_cast<std::uint32_t>(records_.size()));
    return records_.emplace_back();
  }
  void push_back_null() { slots_.push_back(null_slot); }
  void reserve(std::size_t slots, std::size_t records) {
    slots_.reserve(slots);
    records_.reserve(records);
  }

  // For decoders: one block of string storage for `units` UTF-16 units, so
  // that the strings of a decoded array cost no allocation each. Strings that
  // borrow() from it live as long as this list (they
  // copy their units when copied or moved out of it).
  void reserve_string_storage(std::size_t units) {
    string_storage_ = units != 0 ? detail::make_large_array<char16_t>(units, cache_) : nullptr;
    storage_size_ = units;
    storage_used_ = 0;
  }
  // n units of that storage, or nullptr when it cannot hold them.
  [[nodiscard]] char16_t* allocate_string_units(std::size_t n) noexcept {
    if (n > storage_size_ - storage_used_) return nullptr;
    char16_t* p = string_storage_.get() + storage_used_;
    storage_used_ += n;
    return p;
  }

  // The rest of that storage, all of it marked used: for a decoder that
  // fills parts of it from several threads, each in a window of its own.
  [[nodiscard]] std::span<char16_t> take_string_storage() noexcept {
    const std::span<char16_t> rest(string_storage_.get() + storage_used_, storage_size_ - storage_used_);
    storage_used_ = storage_size_;
    return rest;
  }

  friend bool operator==(const record_list& a, const record_list& b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const Record* x = a[i];
      const Record* y = b[i];
      if ((x == nullptr) != (y == nullptr)) return false;
      if (x != nullptr && !(*x == *y)) return false;
    }
    return true;
  }

 private:
  static constexpr std::uint32_t null_slot = UINT32_MAX;
  std::vector<std::uint32_t> slots_;  // index into records_, or null_slot
  std::vector<Record, detail::large_block_allocator<Record>> records_;
  detail::large_array<char16_t> string_storage_;  // units of the records' borrowing strings
  std::size_t storage_size_ = 0;
  std::size_t storage_used_ = 0;
  block_cache* cache_ = nullptr;  // where the large blocks go back to, if anywhere
};

// An _ARRAY of Record: DWORD NumElements; [size_is(NumElements)] Record** Clients.
// num_elements is kept as on the wire, even when clients is NULL (which
// strict decoding refuses if non-zero).
template <class Record>
struct record_array {
  using element = Record;
  std::uint32_t num_elements = 0;
  std::optional<record_list<Record>> clients;  // std::nullopt = NULL pointer

  friend bool operator==(const record_array&, const record_array&) = default;
};

// Whether T is an _ARRAY (a record_array of some record).
template <class T>
inline constexpr bool is_record_array = false;
template <class Record>
inline constexpr bool is_record_array<record_array<Record>> = true;

}  // namespace dhcpm
