// byte_string: the bytes of a DHCP_BINARY_DATA. A vector of bytes that keeps
// up to 24 of them inside itself, so that a decoded record's hardware address
// (a 6-byte MAC, an 11-byte client UID, a 19-byte DUID-based client id)
// costs no allocation of its own: decoding a million clients would otherwise
// call malloc and free a million times each, about a third of an owning
// decode's work. Longer data goes to the heap. It reads like a
// std::vector<std::uint8_t> (contiguous, so it is a std::span's source) and
// converts from one.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace dhcpm {

class byte_string {
 public:
  using value_type = std::uint8_t;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = value_type&;
  using const_reference = const value_type&;
  using pointer = value_type*;
  using const_pointer = const value_type*;
  using iterator = value_type*;
  using const_iterator = const value_type*;

  static constexpr size_type inline_capacity = 24;

  byte_string() noexcept {}
  explicit byte_string(size_type count, value_type value = 0) { resize(count, value); }
  template <std::forward_iterator It>
  byte_string(It first, It last) {
    assign_range(first, last);
  }
  byte_string(std::initializer_list<value_type> bytes) { assign_range(bytes.begin(), bytes.end()); }
  // Implicit, as the value type's member was a std::vector<std::uint8_t>.
  byte_string(const std::vector<value_type>& bytes) { assign_range(bytes.begin(), bytes.end()); }  // NOLINT

  byte_string(const byte_string& other) { assign_range(other.begin(), other.end()); }
  byte_string(byte_string&& other) noexcept { take(other); }
  byte_string& operator=(const byte_string& other) {
    if (this != &other) {
      clear();
      assign_range(other.begin(), other.end());
    }
    return *this;
  }
  byte_string& operator=(byte_string&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  ~byte_string() { release(); }

  [[nodiscard]] pointer data() noexcept { return on_heap_ ? heap_.bytes : inline_; }
  [[nodiscard]] const_pointer data() const noexcept { return on_heap_ ? heap_.bytes : inline_; }
  [[nodiscard]] size_type size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] size_type capacity() const noexcept { return on_heap_ ? heap_.capacity : inline_capacity; }

  [[nodiscard]] iterator begin() noexcept { return data(); }
  [[nodiscard]] iterator end() noexcept { return data() + size_; }
  [[nodiscard]] const_iterator begin() const noexcept { return data(); }
  [[nodiscard]] const_iterator end() const noexcept { return data() + size_; }
  [[nodiscard]] const_iterator cbegin() const noexcept { return begin(); }
  [[nodiscard]] const_iterator cend() const noexcept { return end(); }

  [[nodiscard]] reference operator[](size_type i) noexcept { return data()[i]; }
  [[nodiscard]] const_reference operator[](size_type i) const noexcept { return data()[i]; }
  [[nodiscard]] reference front() noexcept { return data()[0]; }
  [[nodiscard]] const_reference front() const noexcept { return data()[0]; }
  [[nodiscard]] reference back() noexcept { return data()[size_ - 1]; }
  [[nodiscard]] const_reference back() const noexcept { return data()[size_ - 1]; }

  void reserve(size_type count) {
    if (count <= capacity()) return;
    if (count > max_size()) throw std::length_error("dhcpm::byte_string: more than 4 GiB");
    const size_type grown = std::max(count, 2 * capacity());
    auto* bytes = new value_type[grown];
    if (size_ != 0) std::memcpy(bytes, data(), size_);
    release();
    heap_ = {bytes, grown};
    on_heap_ = true;
  }
  void resize(size_type count, value_type value = 0) {
    reserve(count);
    if (count > size_) std::memset(data() + size_, value, count - size_);
    size_ = static_cast<std::uint32_t>(count);
  }
  void push_back(value_type value) {
    reserve(size_ + size_type{1});
    data()[size_++] = value;
  }
  void clear() noexcept { size_ = 0; }
  [[nodiscard]] static constexpr size_type max_size() noexcept { return std::numeric_limits<std::uint32_t>::max(); }

  [[nodiscard]] std::vector<value_type> to_vector() const { return {begin(), end()}; }

  friend bool operator==(const byte_string& a, const byte_string& b) noexcept {
    return a.size_ == b.size_ && (a.size_ == 0 || std::memcmp(a.data(), b.data(), a.size_) == 0);
  }
  friend bool operator==(const byte_string& a, const std::vector<value_type>& b) noexcept {
    return a.size_ == b.size() && std::equal(a.begin(), a.end(), b.begin());
  }

 private:
  template <class It>
  void assign_range(It first, It last) {
    const auto count = static_cast<size_type>(std::distance(first, last));
    reserve(count);
    if constexpr (std::contiguous_iterator<It>) {
      if (count != 0) std::memcpy(data(), std::to_address(first), count);
    } else {
      std::copy(first, last, data());
    }
    size_ = static_cast<std::uint32_t>(count);
  }
  void take(byte_string& other) noexcept {
    if (other.on_heap_) {
      heap_ = other.heap_;
      on_heap_ = true;
      other.on_heap_ = false;
    } else {
      std::memcpy(inline_, other.inline_, other.size_);
      on_heap_ = false;
    }
    size_ = other.size_;
    other.size_ = 0;
  }
  void release() noexcept {
    if (on_heap_) delete[] heap_.bytes;
    on_heap_ = false;
  }

  struct heap_bytes {
    value_type* bytes;
    size_type capacity;
  };
  union {
    value_type inline_[inline_capacity];
    heap_bytes heap_;
  };
  std::uint32_t size_ = 0;
  bool on_heap_ = false;
};

static_assert(sizeof(byte_string) == 32);

}  // namespace dhcpm
