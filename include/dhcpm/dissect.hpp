// Dissection: every byte of an encoded value named, like an analyzer's byte
// pane. The regions come from the same walkers that decode (NDR, type
// serialization, native images), so dissect cannot disagree with decode about
// what the bytes mean.
//
// The regions tile [0, consumed) exactly once: sorted by offset, contiguous,
// never overlapping. Padding, counts, referent ids, pickling headers and (in
// native images) the bytes no pointer reaches are regions of their own. When
// the walk stops at a problem, the regions cover what parsed before it and
// `stopped` says where and why: dissect is for looking at broken input, so
// even strict mode returns the regions up to the failure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm {

enum class region_kind : std::uint8_t {
  header,         // a field of a type serialization common or private header
  field,          // a scalar field of a record or array (a DATE_TIME is one 8-byte field)
  padding,        // alignment, trailing pad of a struct, padding of a pickled body
  referent_id,    // an NDR unique pointer (0 = NULL)
  pointer,        // a native image pointer: an absolute address (0 = NULL)
  max_count,      // conformance: max_count of a string, of Data or of Clients
  string_offset,  // variance: a string's offset (0)
  actual_count,   // variance: a string's actual_count
  string_units,   // the UTF-16 units of a string, terminator included
  data_bytes,     // the bytes of ClientHardwareAddress.Data
  return_value,   // the DWORD at the end of an opnum 98 response
  unreferenced,   // native image bytes that no pointer of the value reaches
  trailing,       // bytes after the value (lenient mode only; strict mode stops there)
};

// "header", "field", "padding", "referent-id", "pointer", "max-count",
// "string-offset", "actual-count", "string-units", "data-bytes",
// "return-value", "unreferenced", "trailing".
[[nodiscard]] std::string_view to_string(region_kind kind) noexcept;

struct region {
  std::size_t offset = 0;  // in the input (for a native image: from its first byte)
  std::size_t length = 0;  // never 0
  region_kind kind = region_kind::field;
  // The field the bytes belong to: "Clients[3].OwnerHost.HostName",
  // "ClientInfo.ClientLeaseExpires", "CommonHeader.Version". Several pickled
  // values: the second and later are prefixed "[1].", "[2]." ...
  std::string path{};
  // The decoded meaning, as text: addresses dotted, bClientType /
  // AddressState / Status by name, FILETIMEs as UTC, strings JSON-quoted
  // UTF-8, counts and lengths as decimal, pointers and referent ids as hex
  // ("NULL" for 0), Data as hex. Empty for padding, unreferenced and trailing.
  std::string value{};

  // What the bytes are, as data: path and value above are text rendered
  // from these, and a program should read these instead of parsing the text.
  //
  // The schema field they belong to: an index into the field table of the
  // record type `table` names — field_table<client_info> (client),
  // field_table<client_info_ex> (client_ex) or field_table<client_info_array>
  // (array: NumElements, Clients) — the same as dhcpm_field_info(table, field). -1 for bytes that
  // are no field's: headers, the padding and pointers of the value as a whole,
  // an element's referent id, the return value. A DATE_TIME is its one field
  // (even when only one of its DWORDs arrived), a DHCP_BINARY_DATA's
  // DataLength, Data pointer and bytes are its field's, told apart by kind.
  value_type table = value_type::client;
  std::int16_t field = -1;
  std::int64_t element = -1;      // the element of Clients the bytes lie in, or -1
  std::uint32_t value_index = 0;  // which of several pickled values (0: the first, or the only one)
  // The stub parameter in response framing ("ClientInfo", "ReturnValue"); "" otherwise.
  std::string_view parameter{};
  // The number the bytes hold, read in the layout's byte order: fields (a
  // whole DATE_TIME as its FILETIME), counts, referent ids, pointers, the
  // return value, numeric header fields. 0 for string units, Data bytes,
  // padding and the rest.
  std::uint64_t number = 0;

  friend bool operator==(const region&, const region&) = default;
};

// What a dissection found, besides the regions.
struct dissect_summary {
  layout wire = layout::ndr20;  // the layout dissected (the detected one for auto; pickle-* names the kind)
  std::size_t consumed = 0;     // the regions cover exactly [0, consumed)
  std::vector<error> warnings;  // lenient mode: the checks the bytes survived
  std::optional<error> stopped;  // why and where the walk stopped; nullopt when the value is complete
};

struct dissection : dissect_summary {
  std::vector<region> regions;  // sorted by offset
};

// Dissects `input`, a value of `type` where `format` says (the same format
// value as decode and validate; a pickled buffer's every value is shown, and
// layout::pickle takes the kind from its header). The options decide strict
// or lenient checks and the limits. A pair check_format refuses (a framing the
// layout cannot carry, an array in a response) is reported in `stopped` with
// error_code::unsupported. An input of unknown layout: see detect_layout.
[[nodiscard]] dissection dissect(byte_span input, value_type type, const wire_format& format,
                                 const decode_options& options = {});

// The streaming form: each region is handed to `on_region` in offset order
// (the same regions, in the same order, as dissect() returns) and then
// dropped, so a caller need not hold them all. The region reference is valid
// only during the call.
using region_callback = std::function<void(const region&)>;
[[nodiscard]] dissect_summary dissect(byte_span input, value_type type, const wire_format& format,
                                      const decode_options& options, const region_callback& on_region);

// The layout of an input given without one: layout::pickle when it starts
// with a valid type serialization common header (version 1 or 2, a known data
// representation and header length, and for version 2 a known transfer
// syntax); std::nullopt otherwise, since bare NDR and memory images carry no
// signature to recognise them by.
[[nodiscard]] std::optional<layout> detect_layout(byte_span input);

}  // namespace dhcpm
