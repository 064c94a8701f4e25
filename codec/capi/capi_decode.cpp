// dhcpm_decode: bytes, as a dhcpm_format describes them, into a new
// dhcpm_value. Each (type, framing) pair goes to its entry point of codec.hpp
// or native.hpp; the library does every check.
#include <memory>
#include <utility>

#include "capi/capi_detail.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/native.hpp"

namespace dhcpm::capi {
namespace {

// Moves a decoded result into the value, or reports its error.
template <class T, class Store>
dhcpm_status take(result<decoded<T>>&& decoded_value, dhcpm_value& target, dhcpm_error* out, Store&& store) {
  if (!decoded_value) return report(out, decoded_value.error_value());
  store(std::move(decoded_value->value));
  target.warnings = std::move(decoded_value->warnings);
  return DHCPM_OK;
}

// Where a native image's value lies: format.at, or the image's base.
std::uint64_t value_address(const dhcpm_format& format) noexcept {
  return format.at == DHCPM_AT_BASE ? format.base : format.at;
}

dhcpm_status decode_client_value(byte_span input, layout wire, const dhcpm_format& format,
                                 const decode_options& options, dhcpm_value& target, dhcpm_error* out) {
  const auto store_record = [&](client_info&& record) { target.content = std::move(record); };
  const auto store_optional = [&](std::optional<client_info>&& record) {
    target.is_null = !record.has_value();
    target.content = record ? std::move(*record) : client_info{};
  };
  switch (format.framing) {
    case DHCPM_FRAMING_BARE:
      if (is_native(wire)) {
        return take(decode_native_client({input, format.base}, value_address(format), wire, options), target, out,
                    store_record);
      }
      return take(decode_client(input, wire, options), target, out, store_record);
    case DHCPM_FRAMING_PTR:
      return take(decode_client_ptr(input, wire, options), target, out, store_optional);
    case DHCPM_FRAMING_RESPONSE:
      return take(decode_response(input, wire, options), target, out, [&](get_client_info_response&& response) {
        target.return_value = response.return_value;
        store_optional(std::move(response.client));
      });
  }
  return report(out, DHCPM_ERR_INVALID_ARGUMENT, "format->framing is not a dhcpm_framing");
}

dhcpm_status decode_array_value(byte_span input, layout wire, const dhcpm_format& format,
                                const decode_options& options, dhcpm_value& target, dhcpm_error* out) {
  const auto store_array = [&](client_info_array&& array) { target.content = std::move(array); };
  switch (format.framing) {
    case DHCPM_FRAMING_BARE:
      if (is_native(wire)) {
        return take(decode_native_array({input, format.base}, value_address(format), wire, options), target, out,
                    store_array);
      }
      return take(decode_array(input, wire, options), target, out, store_array);
    case DHCPM_FRAMING_PTR:
      return take(decode_array_ptr(input, wire, options), target, out, [&](std::optional<client_info_array>&& array) {
        target.is_null = !array.has_value();
        target.content = array ? std::move(*array) : client_info_array{};
      });
    case DHCPM_FRAMING_RESPONSE:
      return report(out, DHCPM_ERR_UNSUPPORTED, "response framing carries a client, not an array");
  }
  return report(out, DHCPM_ERR_INVALID_ARGUMENT, "format->framing is not a dhcpm_framing");
}

}  // namespace
}  // namespace dhcpm::capi

extern "C" dhcpm_status dhcpm_decode(const uint8_t* data, size_t size, const dhcpm_format* format,
                                     const dhcpm_decode_options* options, dhcpm_value** value,
                                     dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (value != nullptr) *value = nullptr;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    if (value == nullptr || format == nullptr || (data == nullptr && size != 0)) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "value and format are required, and data unless size is 0");
    }
    dhcpm::layout wire{};
    if (const dhcpm_status s = resolve_layout(*format, data, size, wire, error); s != DHCPM_OK) return s;
    const dhcpm::byte_span input{data, size};
    const dhcpm::decode_options decode_options = to_options(options);

    auto decoded = std::make_unique<dhcpm_value>();
    dhcpm_status status = DHCPM_ERR_INVALID_ARGUMENT;
    switch (format->type) {
      case DHCPM_TYPE_CLIENT:
        status = decode_client_value(input, wire, *format, decode_options, *decoded, error);
        break;
      case DHCPM_TYPE_ARRAY:
        status = decode_array_value(input, wire, *format, decode_options, *decoded, error);
        break;
      default:
        return report(error, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not a dhcpm_type");
    }
    if (status == DHCPM_OK) *value = decoded.release();
    return status;
  });
}
