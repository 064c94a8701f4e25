// dhcpm_encode: a dhcpm_value into canonical bytes in a malloc'd buffer the
// caller releases with dhcpm_free (malloc, not new[], so that the buffer's
// owner need not be C++).
#include <cstdlib>
#include <cstring>
#include <optional>

#include "capi/capi_detail.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/native.hpp"

namespace dhcpm::capi {
namespace {

result<bytes> encode_client_value(const dhcpm_value& value, const client_info& record, layout wire,
                                  const dhcpm_format& format) {
  switch (format.framing) {
    case DHCPM_FRAMING_BARE:
      if (is_native(wire)) return encode_native(record, wire, format.base);
      return encode_client(record, wire);
    case DHCPM_FRAMING_PTR:
      return encode_client_ptr(value.is_null ? std::nullopt : std::optional<client_info>(record), wire);
    case DHCPM_FRAMING_RESPONSE: {
      get_client_info_response response;
      if (!value.is_null) response.client = record;
      response.return_value = value.return_value;
      return encode_response(response, wire);
    }
  }
  return error{error_code::internal_error, 0, "", "unchecked framing"};
}

result<bytes> encode_array_value(const dhcpm_value& value, const client_info_array& array, layout wire,
                                 const dhcpm_format& format) {
  switch (format.framing) {
    case DHCPM_FRAMING_BARE:
      if (is_native(wire)) return encode_native(array, wire, format.base);
      return encode_array(array, wire);
    case DHCPM_FRAMING_PTR:
      return encode_array_ptr(value.is_null ? std::nullopt : std::optional<client_info_array>(array), wire);
    case DHCPM_FRAMING_RESPONSE:
      return error{error_code::unsupported, 0, "", "response framing carries a client, not an array"};
  }
  return error{error_code::internal_error, 0, "", "unchecked framing"};
}

// The checks on the request itself, before any encoding.
dhcpm_status check_request(const dhcpm_value& value, const dhcpm_format& format, dhcpm_error* out) noexcept {
  if (format.type != dhcpm_value_type(&value)) {
    return report(out, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not the value's type");
  }
  if (format.framing != DHCPM_FRAMING_BARE && format.framing != DHCPM_FRAMING_PTR &&
      format.framing != DHCPM_FRAMING_RESPONSE) {
    return report(out, DHCPM_ERR_INVALID_ARGUMENT, "format->framing is not a dhcpm_framing");
  }
  if (value.is_null && format.framing == DHCPM_FRAMING_BARE) {
    return report(out, DHCPM_ERR_INVALID_ARGUMENT, "a NULL value needs ptr or response framing");
  }
  if (format.layout == DHCPM_LAYOUT_AUTO) {
    return report(out, DHCPM_ERR_INVALID_ARGUMENT, "encoding needs an explicit layout");
  }
  return DHCPM_OK;
}

}  // namespace

dhcpm_status hand_over(const std::vector<std::uint8_t>& encoded, std::uint8_t** bytes, std::size_t* size,
                       dhcpm_error* out) noexcept {
  // At least one byte, so that success always gives a non-NULL buffer.
  auto* copy = static_cast<std::uint8_t*>(std::malloc(encoded.empty() ? 1 : encoded.size()));
  if (copy == nullptr) return report(out, DHCPM_ERR_OUT_OF_MEMORY, "out of memory");
  if (!encoded.empty()) std::memcpy(copy, encoded.data(), encoded.size());
  *bytes = copy;
  *size = encoded.size();
  return DHCPM_OK;
}

}  // namespace dhcpm::capi

extern "C" {

dhcpm_status dhcpm_encode(const dhcpm_value* value, const dhcpm_format* format, uint8_t** bytes, size_t* size,
                          dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (bytes != nullptr) *bytes = nullptr;
  if (size != nullptr) *size = 0;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    if (value == nullptr || format == nullptr || bytes == nullptr || size == nullptr) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "value, format, bytes and size are required");
    }
    if (const dhcpm_status s = check_request(*value, *format, error); s != DHCPM_OK) return s;
    dhcpm::layout wire{};
    if (const dhcpm_status s = resolve_layout(*format, nullptr, 0, wire, error); s != DHCPM_OK) return s;

    const dhcpm::result<dhcpm::bytes> encoded =
        value->client() != nullptr ? encode_client_value(*value, *value->client(), wire, *format)
                                   : encode_array_value(*value, *value->array(), wire, *format);
    if (!encoded) return report(error, encoded.error_value());
    return hand_over(*encoded, bytes, size, error);
  });
}

void dhcpm_free(void* bytes) noexcept { std::free(bytes); }

}  // extern "C"
