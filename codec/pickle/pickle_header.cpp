#include "pickle/pickle_header.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace dhcpm::detail {
namespace {

constexpr std::uint8_t drep_little = 0x10;
constexpr std::uint8_t drep_big = 0x00;
constexpr std::uint8_t filler = 0xCC;  // what MesEncode writes in reserved header bytes

// Syntax identifiers: GUID in its wire form (little-endian fields), then the
// u16 major and minor version.
using syntax_id = std::array<std::uint8_t, 20>;
constexpr syntax_id ndr20_syntax{0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11, 0x9f, 0xe8,
                                 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60, 0x02, 0x00, 0x00, 0x00};
constexpr syntax_id ndr64_syntax{0x33, 0x05, 0x71, 0x71, 0xba, 0xbe, 0x37, 0x49, 0x83, 0x19,
                                 0xb5, 0xdb, 0xef, 0x9c, 0xcc, 0x36, 0x01, 0x00, 0x00, 0x00};
// dhcpsrv2 5b821720-f63b-11d0-aad2-00c04fc324db v1.0: the interface we write.
constexpr syntax_id dhcpsrv2_interface{0x20, 0x17, 0x82, 0x5b, 0x3b, 0xf6, 0xd0, 0x11, 0xaa, 0xd2,
                                       0x00, 0xc0, 0x4f, 0xc3, 0x24, 0xdb, 0x01, 0x00, 0x00, 0x00};
constexpr std::size_t v2_syntax_offset = 24;
constexpr std::size_t v2_interface_offset = 44;
static_assert(v2_interface_offset == v2_syntax_offset + sizeof(syntax_id), "the interface id follows the syntax");

error header_error(error_code code, std::size_t at, std::string_view field, std::string message) {
  return error{code, at, "CommonHeader." + std::string(field), std::move(message)};
}

}  // namespace

pickle_stream stream_of(pickle_kind kind) noexcept {
  switch (kind) {
    case pickle_kind::v1_ndr20be: return {kind, 8, 8, 8, order::big};
    case pickle_kind::v2_ndr64:
    case pickle_kind::v2_ndr20: return {kind, 64, 16, 16, order::little};
    case pickle_kind::v1_ndr20: break;
  }
  return {pickle_kind::v1_ndr20, 8, 8, 8, order::little};
}

result<pickle_stream> read_common_header(std::span<const std::uint8_t> input, std::optional<pickle_kind> expect) {
  if (input.size() < 4) return header_error(error_code::truncated, 0, "Version", "the common header is cut off");
  const std::uint8_t version = input[0];
  const std::uint8_t drep = input[1];
  pickle_kind kind{};
  if (version == 1) {
    if (input.size() < 8) return header_error(error_code::truncated, 4, "Filler", "the common header is cut off");
    if (drep != drep_little && drep != drep_big) {
      return header_error(error_code::invalid_header, 1, "Endianness",
                          "data representation " + std::to_string(drep) + " is neither 0x10 nor 0x00");
    }
    // The spec writes the length little-endian; Samba writes it in the
    // stream's byte order (00 08 for big-endian). Both mean 8.
    const auto length_le = load<std::uint16_t, 2, order::little>(input.data() + 2);
    const auto length_be = load<std::uint16_t, 2, order::big>(input.data() + 2);
    if (length_le != 8 && !(drep == drep_big && length_be == 8)) {
      return header_error(error_code::invalid_header, 2, "CommonHeaderLength",
                          "header length " + std::to_string(length_le) + " is not 8");
    }
    kind = drep == drep_little ? pickle_kind::v1_ndr20 : pickle_kind::v1_ndr20be;
  } else if (version == 2) {
    if (drep != drep_little) {
      return header_error(error_code::invalid_header, 1, "Endianness", "version 2 is little-endian only (0x10)");
    }
    const auto length = load<std::uint16_t, 2, order::little>(input.data() + 2);
    if (length != 64) {
      return header_error(error_code::invalid_header, 2, "CommonHeaderLength",
                          "header length " + std::to_string(length) + " is not 64");
    }
    if (input.size() < 64) {
      return header_error(error_code::truncated, std::min<std::size_t>(input.size(), v2_syntax_offset),
                          "TransferSyntax", "the common header is cut off");
    }
    const auto* syntax = input.data() + v2_syntax_offset;
    if (std::equal(ndr64_syntax.begin(), ndr64_syntax.end(), syntax)) {
      kind = pickle_kind::v2_ndr64;
    } else if (std::equal(ndr20_syntax.begin(), ndr20_syntax.end(), syntax)) {
      kind = pickle_kind::v2_ndr20;
    } else {
      return header_error(error_code::invalid_header, v2_syntax_offset, "TransferSyntax",
                          "the transfer syntax is neither NDR 2.0 nor NDR64");
    }
    // The interface id (offset 44) names the IDL interface; any is accepted.
  } else {
    return header_error(error_code::invalid_header, 0, "Version",
                        "type serialization version " + std::to_string(version) + " is not 1 or 2");
  }
  if (expect && *expect != kind) {
    return header_error(error_code::invalid_header, 0, "Version",
                        "the header describes " + std::string(to_string(kind)) + ", not " +
                            std::string(to_string(*expect)));
  }
  return stream_of(kind);
}

void write_common_header(std::vector<std::uint8_t>& out, const pickle_stream& stream) {
  if (stream.common_header_size == 8) {
    const std::uint8_t drep = stream.byte_order == order::little ? drep_little : drep_big;
    out.insert(out.end(), {0x01, drep, 0x08, 0x00, filler, filler, filler, filler});
    return;
  }
  out.insert(out.end(), {0x02, drep_little, 0x40, 0x00});
  out.insert(out.end(), 20, filler);  // endianInfo and the reserved bytes
  const syntax_id& syntax = stream.kind == pickle_kind::v2_ndr64 ? ndr64_syntax : ndr20_syntax;
  out.insert(out.end(), syntax.begin(), syntax.end());
  out.insert(out.end(), dhcpsrv2_interface.begin(), dhcpsrv2_interface.end());
}

std::size_t begin_private_header(std::vector<std::uint8_t>& out, const pickle_stream& stream) {
  const std::size_t at = out.size();
  out.insert(out.end(), stream.private_header_size, std::uint8_t{0});
  return at;
}

void patch_private_header(std::vector<std::uint8_t>& out, const pickle_stream& stream, std::size_t at,
                          std::uint32_t object_buffer_length) {
  if (stream.byte_order == order::big) {
    boost::endian::endian_store<std::uint32_t, 4, order::big>(out.data() + at, object_buffer_length);
  } else {
    boost::endian::endian_store<std::uint32_t, 4, order::little>(out.data() + at, object_buffer_length);
  }
}

}  // namespace dhcpm::detail
