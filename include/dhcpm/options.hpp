// What to decode and how strictly. Every limit has a safe default: a hostile
// input can make dhcpm refuse, never make it allocate or loop without bound.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "dhcpm/error.hpp"

namespace dhcpm {

class block_cache;  // large_block.hpp

// Every layout the record lives in.
enum class layout : std::uint8_t {
  ndr20,    // NDR 2.0, little-endian (DREP 0x10)
  ndr20be,  // NDR 2.0, big-endian (DREP 0x00)
  ndr64,    // NDR64 (always little-endian)
  // MS-RPCE type serialization: a header, then the value as a bare NDR body.
  pickle,         // decode only: version and transfer syntax taken from the header
  pickle_ndr20,   // version 1, NDR 2.0 little-endian
  pickle_ndr20be, // version 1, NDR 2.0 big-endian
  pickle_ndr64,   // version 2, NDR64
  pickle2_ndr20,  // version 2, NDR 2.0
  // A Windows process's memory image (see native.hpp): the value at the base.
  x64,  // LLP64, pointers 8 bytes
  x86,  // pointers 4 bytes
};

// ndr20, ndr20be, ndr64: the layouts that carry every framing.
[[nodiscard]] constexpr bool is_ndr(layout l) noexcept {
  return l == layout::ndr20 || l == layout::ndr20be || l == layout::ndr64;
}
[[nodiscard]] constexpr bool is_pickle(layout l) noexcept {
  return l >= layout::pickle && l <= layout::pickle2_ndr20;
}
[[nodiscard]] constexpr bool is_native(layout l) noexcept { return l == layout::x64 || l == layout::x86; }

inline constexpr layout all_layouts[] = {layout::ndr20,          layout::ndr20be,       layout::ndr64,
                                         layout::pickle,         layout::pickle_ndr20,  layout::pickle_ndr20be,
                                         layout::pickle_ndr64,   layout::pickle2_ndr20, layout::x64,
                                         layout::x86};

// How the value sits in the bytes.
enum class framing : std::uint8_t {
  bare,      // the value itself, as a top-level parameter (no referent id)
  ptr,       // a unique pointer to the value: a referent id, then the value
  response,  // opnum 98 response stub: [out] pointer, value, DWORD return value
};

// Which record the bytes hold: one DHCPV4_FAILOVER_CLIENT_INFO, the _ARRAY,
// or one DHCPV4_FAILOVER_CLIENT_INFO_EX (native x64/x86 memory only); then
// the MS-DHCPM client-record family (client_family.hpp) and its arrays.
// record_types.hpp maps each to its C++ type (in this order). The family's
// enumerators are their IDL names, as on the command line.
enum class value_type : std::uint8_t {
  client,
  array,
  client_ex,
  DHCP_CLIENT_INFO,
  DHCP_CLIENT_INFO_V4,
  DHCP_CLIENT_INFO_V5,
  DHCP_CLIENT_INFO_VQ,
  DHCP_CLIENT_FILTER_STATUS_INFO,
  DHCP_CLIENT_INFO_PB,
  DHCP_CLIENT_INFO_ARRAY,
  DHCP_CLIENT_INFO_ARRAY_V4,
  DHCP_CLIENT_INFO_ARRAY_V5,
  DHCP_CLIENT_INFO_ARRAY_VQ,
  DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY,
  DHCP_CLIENT_INFO_PB_ARRAY,
  DHCP_SEARCH_INFO,
  DHCP_PROPERTY,
  DHCP_PROPERTY_ARRAY,
  DHCP_CLIENT_INFO_EX,
  DHCP_CLIENT_INFO_EX_ARRAY,
};
// Each value_type's name on a command line: the failover record's short
// names, then the IDL type names.
inline constexpr std::array<std::string_view, 20> value_type_name_table{
    "client",
    "array",
    "client-ex",
    "DHCP_CLIENT_INFO",
    "DHCP_CLIENT_INFO_V4",
    "DHCP_CLIENT_INFO_V5",
    "DHCP_CLIENT_INFO_VQ",
    "DHCP_CLIENT_FILTER_STATUS_INFO",
    "DHCP_CLIENT_INFO_PB",
    "DHCP_CLIENT_INFO_ARRAY",
    "DHCP_CLIENT_INFO_ARRAY_V4",
    "DHCP_CLIENT_INFO_ARRAY_V5",
    "DHCP_CLIENT_INFO_ARRAY_VQ",
    "DHCP_CLIENT_FILTER_STATUS_INFO_ARRAY",
    "DHCP_CLIENT_INFO_PB_ARRAY",
    "DHCP_SEARCH_INFO",
    "DHCP_PROPERTY",
    "DHCP_PROPERTY_ARRAY",
    "DHCP_CLIENT_INFO_EX",
    "DHCP_CLIENT_INFO_EX_ARRAY",
};
inline constexpr std::array all_value_types = [] {
  std::array<value_type, value_type_name_table.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<value_type>(i);
  return out;
}();

[[nodiscard]] constexpr std::string_view to_string(value_type t) noexcept {
  const auto i = static_cast<std::size_t>(t);
  return i < value_type_name_table.size() ? value_type_name_table[i] : std::string_view("unknown");
}
[[nodiscard]] constexpr std::optional<value_type> parse_value_type(std::string_view name) noexcept {
  for (const value_type t : all_value_types) {
    if (name == to_string(t)) return t;
  }
  return std::nullopt;
}

// A memory image's default virtual address of its first byte (and of the value).
inline constexpr std::uint64_t default_image_base = 0x10000;

// Where a value is in the bytes: one description that every entry point, the
// C API (dhcpm_format), the CLI and the fuzz harnesses fill in.
struct wire_format {
  layout wire = layout::ndr20;
  framing frame = framing::bare;
  // x64/x86 images: the virtual address of the first byte, and of the value
  // (default: the base). Encoding writes the image for `base`.
  std::uint64_t base = default_image_base;
  std::optional<std::uint64_t> at{};
  // Pickled buffers: every value of the buffer; otherwise exactly one (more
  // are trailing bytes).
  bool all = false;
};

// Whether a (type, format) pair can be read (encoding = false) or written:
// std::nullopt, or the `unsupported` (or `value_out_of_range`) error that
// every entry point gives for it. The one statement of these rules.
[[nodiscard]] std::optional<error> check_format(value_type type, const wire_format& format, bool encoding);

[[nodiscard]] std::string_view to_string(layout l) noexcept;  // "ndr20", "pickle-ndr64", ...
[[nodiscard]] std::string_view to_string(framing f) noexcept;
[[nodiscard]] std::optional<layout> parse_layout(std::string_view name) noexcept;
[[nodiscard]] std::optional<framing> parse_framing(std::string_view name) noexcept;

struct decode_options {
  // strict: every check is an error. lenient (for analyzers): checks that the
  // bytes can survive become warnings and decoding goes on; truncation, counts
  // beyond the input and limits still stop it.
  bool strict = true;

  // Array elements (NumElements) accepted.
  std::uint32_t max_elements = 1u << 22;  // 4,194,304
  // UTF-16 units in one string, terminator included.
  std::uint32_t max_string_units = 1u << 16;  // 65,536
  // Bytes of memory the decoded value may take (records, element slots,
  // string units and data bytes, each charged at its in-memory size).
  std::uint64_t max_decoded_bytes = std::uint64_t{1} << 30;  // 1 GiB
  // Lenient mode keeps the first max_warnings warnings and drops the rest, so
  // an input with a problem in every record cannot grow an unbounded list.
  std::uint32_t max_warnings = 1000;

  // validate, decode, view_of and read_in_parallel (cursor.hpp) of an _ARRAY
  // in bare NDR may split its records among this many threads (the caller's
  // and threads - 1 more), each taking at least bytes_per_thread bytes of
  // records. The result — the value, the view, warnings, or the error with
  // its offset and path — is exactly the single-threaded one: anything but a
  // clean pass is walked again on one thread. Other calls use one.
  std::uint32_t threads = 1;
  std::size_t bytes_per_thread = std::size_t{1} << 20;

  // Opt-in: keep the freed large blocks (4 MiB and more) of the values and
  // views decoded with these options in this cache, for the next decode of the
  // same size (large_block.hpp). It must outlive them. nullptr: nothing is kept.
  block_cache* cache = nullptr;
};

}  // namespace dhcpm
