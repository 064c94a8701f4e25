// What the bytes are (layout, type, framing, image placement) and how to
// decode them (options), between their C structs and the library's types.
#include <cstring>
#include <string_view>

#include "capi/capi_detail.hpp"
#include "dhcpm/dissect.hpp"

namespace dhcpm::capi {
namespace {

// The C layouts are the library's by number; DHCPM_LAYOUT_AUTO is not one.
static_assert(DHCPM_LAYOUT_NDR20 == static_cast<int>(layout::ndr20));
static_assert(DHCPM_LAYOUT_NDR20BE == static_cast<int>(layout::ndr20be));
static_assert(DHCPM_LAYOUT_NDR64 == static_cast<int>(layout::ndr64));
static_assert(DHCPM_LAYOUT_PICKLE == static_cast<int>(layout::pickle));
static_assert(DHCPM_LAYOUT_PICKLE_NDR20 == static_cast<int>(layout::pickle_ndr20));
static_assert(DHCPM_LAYOUT_PICKLE_NDR20BE == static_cast<int>(layout::pickle_ndr20be));
static_assert(DHCPM_LAYOUT_PICKLE_NDR64 == static_cast<int>(layout::pickle_ndr64));
static_assert(DHCPM_LAYOUT_PICKLE2_NDR20 == static_cast<int>(layout::pickle2_ndr20));
static_assert(DHCPM_LAYOUT_X64 == static_cast<int>(layout::x64));
static_assert(DHCPM_LAYOUT_X86 == static_cast<int>(layout::x86));

constexpr std::string_view auto_name = "auto";

}  // namespace

std::optional<layout> to_layout(dhcpm_layout wire) noexcept {
  for (const layout l : all_layouts) {
    if (static_cast<int>(l) == static_cast<int>(wire)) return l;
  }
  return std::nullopt;
}

dhcpm_layout from_layout(layout wire) noexcept { return static_cast<dhcpm_layout>(wire); }

decode_options to_options(const dhcpm_decode_options* options) noexcept {
  decode_options out;
  if (options == nullptr) return out;
  out.strict = options->strict != 0;
  out.max_elements = options->max_elements;
  out.max_string_units = options->max_string_units;
  out.max_decoded_bytes = options->max_decoded_bytes;
  out.max_warnings = options->max_warnings;
  return out;
}

dhcpm_status resolve_layout(const dhcpm_format& format, const std::uint8_t* data, std::size_t size, layout& wire,
                            dhcpm_error* out) noexcept {
  const std::optional<layout> found =
      format.layout == DHCPM_LAYOUT_AUTO ? detect_layout(byte_span{data, size}) : to_layout(format.layout);
  if (found) {
    wire = *found;
    return DHCPM_OK;
  }
  if (format.layout == DHCPM_LAYOUT_AUTO) {
    return report(out, DHCPM_ERR_UNSUPPORTED,
                  "the layout cannot be detected (only type serialization carries a signature): name it");
  }
  return report(out, DHCPM_ERR_INVALID_ARGUMENT, "format->layout is not a dhcpm_layout");
}

dhcpm_status to_wire_format(const dhcpm_format& format, layout wire, bool all, wire_format& to,
                            dhcpm_error* out) noexcept {
  to = wire_format{.wire = wire, .base = format.base, .all = all};
  if (format.at != DHCPM_AT_BASE) to.at = format.at;
  switch (format.framing) {
    case DHCPM_FRAMING_BARE: to.frame = framing::bare; return DHCPM_OK;
    case DHCPM_FRAMING_PTR: to.frame = framing::ptr; return DHCPM_OK;
    case DHCPM_FRAMING_RESPONSE: to.frame = framing::response; return DHCPM_OK;
  }
  return report(out, DHCPM_ERR_INVALID_ARGUMENT, "format->framing is not a dhcpm_framing");
}

}  // namespace dhcpm::capi

extern "C" {

const char* dhcpm_layout_name(dhcpm_layout wire) noexcept {
  if (wire == DHCPM_LAYOUT_AUTO) return dhcpm::capi::auto_name.data();
  const std::optional<dhcpm::layout> l = dhcpm::capi::to_layout(wire);
  return l ? dhcpm::to_string(*l).data() : "unknown";  // string literals: NUL-terminated
}

dhcpm_status dhcpm_layout_from_name(const char* name, dhcpm_layout* wire) noexcept {
  if (name == nullptr || wire == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  const std::string_view text{name};
  if (text == dhcpm::capi::auto_name) {
    *wire = DHCPM_LAYOUT_AUTO;
    return DHCPM_OK;
  }
  const std::optional<dhcpm::layout> l = dhcpm::parse_layout(text);
  if (!l) return DHCPM_ERR_INVALID_ARGUMENT;
  *wire = dhcpm::capi::from_layout(*l);
  return DHCPM_OK;
}

dhcpm_status dhcpm_detect_layout(const uint8_t* data, size_t size, dhcpm_layout* wire) noexcept {
  if ((data == nullptr && size != 0) || wire == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  const std::optional<dhcpm::layout> found = dhcpm::detect_layout(dhcpm::byte_span{data, size});
  if (!found) return DHCPM_ERR_UNSUPPORTED;
  *wire = dhcpm::capi::from_layout(*found);
  return DHCPM_OK;
}

void dhcpm_format_init(dhcpm_format* format, dhcpm_layout wire, dhcpm_type type) noexcept {
  if (format == nullptr) return;
  std::memset(format, 0, sizeof *format);
  format->layout = wire;
  format->type = type;
  format->framing = DHCPM_FRAMING_BARE;
  format->base = DHCPM_DEFAULT_IMAGE_BASE;
  format->at = DHCPM_AT_BASE;
}

void dhcpm_decode_options_init(dhcpm_decode_options* options) noexcept {
  if (options == nullptr) return;
  const dhcpm::decode_options defaults;
  std::memset(options, 0, sizeof *options);
  options->strict = defaults.strict ? 1 : 0;
  options->max_elements = defaults.max_elements;
  options->max_string_units = defaults.max_string_units;
  options->max_decoded_bytes = defaults.max_decoded_bytes;
  options->max_warnings = defaults.max_warnings;
}

}  // extern "C"
