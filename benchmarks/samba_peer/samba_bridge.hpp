// dhcpm values <-> the Samba peer's C structs, and the check that the peer
// and dhcpm agree byte for byte and value for value. Conversions run outside
// the timed loops: a Samba program holds its values as these structs already.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm_samba_peer.h"

namespace dhcpm::bench::samba {

// A talloc context; everything a pull returns hangs off it.
class context {
 public:
  context() : ctx_(samba_peer_new_context()) {}
  ~context() { samba_peer_free(ctx_); }
  context(const context&) = delete;
  context& operator=(const context&) = delete;
  [[nodiscard]] void* get() const noexcept { return ctx_; }

 private:
  void* ctx_;
};

// A dhcpm value in Samba's shape (UTF-8 strings), ready for push. Byte arrays
// point into the dhcpm value, which must outlive this.
class push_input {
 public:
  push_input() = default;
  push_input(const push_input&) = delete;
  push_input& operator=(const push_input&) = delete;
  push_input(push_input&&) = default;
  push_input& operator=(push_input&&) = default;

  [[nodiscard]] const DHCPV4_FAILOVER_CLIENT_INFO_ARRAY* get() const noexcept { return &array_; }

 private:
  friend std::optional<push_input> to_samba(const client_info_array& value, std::string* why);
  DHCPV4_FAILOVER_CLIENT_INFO_ARRAY array_{};
  std::vector<DHCPV4_FAILOVER_CLIENT_INFO> records_;
  std::vector<DHCPV4_FAILOVER_CLIENT_INFO*> pointers_;
  std::deque<std::string> strings_;  // a deque: c_str() pointers stay valid as it grows
};

// std::nullopt (and *why) when Samba's representation cannot hold the value:
// a string that is not valid UTF-16 or holds a NUL unit.
[[nodiscard]] std::optional<push_input> to_samba(const client_info_array& value, std::string* why);
[[nodiscard]] std::optional<client_info_array> from_samba(const DHCPV4_FAILOVER_CLIENT_INFO_ARRAY& array,
                                                          std::string* why);

// Samba's pull of `input` (NDR 2.0, or NDR64 when ndr64), as a dhcpm value.
[[nodiscard]] std::optional<client_info_array> pull(byte_span input, bool ndr64, std::string* why);
// Samba's push of `value`.
[[nodiscard]] std::optional<bytes> push(const client_info_array& value, bool ndr64, std::string* why);

// For every canonical array vector NAME.ndr20.bin (and NAME.ndr64.bin) in
// vector_dir: Samba's pull gives dhcpm's decoded value, and Samba's push of
// that value gives the file's bytes. Returns the number of files checked;
// *failure describes the first mismatch (and the return value is then 0).
[[nodiscard]] std::size_t check_vectors(const std::string& vector_dir, bool ndr64, std::string* failure);

}  // namespace dhcpm::bench::samba
