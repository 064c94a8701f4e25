#include "dissect/pickle_regions.hpp"

#include <string_view>

#include "dissect/region_sink.hpp"
#include "dissect/region_text.hpp"


namespace dhcpm::detail {
namespace {

// Bytes as hex, from `first` to `last` (either direction), for GUID parts.
std::string hex_run(const std::uint8_t* p, int first, int last) {
  std::string out;
  for (int i = first;; i += first <= last ? 1 : -1) {
    out += hex_digits[p[i] >> 4];
    out += hex_digits[p[i] & 0xF];
    if (i == last) break;
  }
  return out;
}

// A syntax identifier (GUID in its little-endian wire form, u16 major, u16
// minor) as text: "71710533-beba-4937-8319-b5dbef9ccc36 v1.0".
std::string syntax_text(const std::uint8_t* p) {
  return hex_run(p, 3, 0) + "-" + hex_run(p, 5, 4) + "-" + hex_run(p, 7, 6) + "-" + hex_run(p, 8, 9) + "-" +
         hex_run(p, 10, 15) + " v" + std::to_string(load<std::uint16_t, 2, order::little>(p + 16)) + "." +
         std::to_string(load<std::uint16_t, 2, order::little>(p + 18));
}

std::string transfer_syntax_name(pickle_kind kind) {
  return kind == pickle_kind::v2_ndr64 ? "NDR64 " : "NDR 2.0 ";
}

struct header_part {
  std::size_t offset;
  std::size_t length;
  std::string_view name;
};

}  // namespace

void put_common_header_regions(std::span<const std::uint8_t> input, const pickle_stream& stream, region_output& out) {
  const std::uint8_t* p = input.data();
  const auto put = [&](const header_part& part, std::string value, std::uint64_t number = 0) {
    out.put(region{.offset = part.offset,
                   .length = part.length,
                   .kind = dhcpm::region_kind::header,
                   .path = "CommonHeader." + std::string(part.name),
                   .value = std::move(value),
                   .number = number});
  };
  const bool big = stream.byte_order == order::big;
  put({0, 1, "Version"}, std::to_string(p[0]), p[0]);
  put({1, 1, "Endianness"}, std::string(big ? "0x00 (big-endian)" : "0x10 (little-endian)"), p[1]);
  // Samba writes the length of a big-endian version 1 header big-endian.
  const auto length_le = load<std::uint16_t, 2, order::little>(p + 2);
  const auto length_be = load<std::uint16_t, 2, order::big>(p + 2);
  const bool length_big = big && length_le != stream.common_header_size;
  put({2, 2, "CommonHeaderLength"},
      length_big ? std::to_string(length_be) + " (big-endian)" : std::to_string(length_le),
      length_big ? length_be : length_le);
  if (stream.common_header_size == 8) {
    put({4, 4, "Filler"}, {});
    return;
  }
  put({4, 4, "EndianInfo"}, {});
  put({8, 16, "Reserved"}, {});
  put({24, 20, "TransferSyntax"}, transfer_syntax_name(stream.kind) + syntax_text(p + 24));
  put({44, 20, "InterfaceId"}, syntax_text(p + 44));
}

void put_private_header_regions(std::span<const std::uint8_t> input, const pickle_stream& stream, std::size_t at,
                                std::uint32_t value_index, region_output& out) {
  std::string path = value_prefix(value_index);
  path += path.empty() ? "PrivateHeader." : ".PrivateHeader.";
  const std::uint32_t length = stream.byte_order == order::big
                                   ? load<std::uint32_t, 4, order::big>(input.data() + at)
                                   : load<std::uint32_t, 4, order::little>(input.data() + at);
  out.put(region{.offset = at,
                 .length = 4,
                 .kind = dhcpm::region_kind::header,
                 .path = path + "ObjectBufferLength",
                 .value = std::to_string(length),
                 .value_index = value_index,
                 .number = length});
  out.put(region{.offset = at + 4,
                 .length = stream.private_header_size - 4,
                 .kind = dhcpm::region_kind::header,
                 .path = path + "Filler",
                 .value_index = value_index});
}

}  // namespace dhcpm::detail
