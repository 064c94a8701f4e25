// dhcpm_decode: bytes, as a dhcpm_format describes them, into a new
// dhcpm_value: the format mapped to a wire_format (capi_format.cpp), then the
// generic decode<Value> of the record type in the framing's Value; the library
// does every check.
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "capi/capi_detail.hpp"
#include "dhcpm/codec.hpp"

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

template <class Record>
dhcpm_status decode_value(byte_span input, const wire_format& format, const decode_options& options,
                          dhcpm_value& target, dhcpm_error* out) {
  const auto store_optional = [&](std::optional<Record>&& record) {
    target.is_null = !record.has_value();
    target.content = record ? std::move(*record) : Record{};
  };
  if constexpr (!record_schema<Record>::native_only) {
    if (format.frame == framing::ptr) {
      return take(decode<std::optional<Record>>(input, format, options), target, out, store_optional);
    }
  }
  if constexpr (std::is_same_v<Record, client_info>) {
    if (format.frame == framing::response) {
      return take(decode<get_client_info_response>(input, format, options), target, out,
                  [&](get_client_info_response&& response) {
                    target.return_value = response.return_value;
                    store_optional(std::move(response.client));
                  });
    }
  }
  // Bare, or a pair decode refuses as check_format does (an array in a response).
  return take(decode<Record>(input, format, options), target, out,
              [&](Record&& record) { target.content = std::move(record); });
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
    dhcpm::wire_format where;
    if (const dhcpm_status s = to_wire_format(*format, wire, false, where, error); s != DHCPM_OK) return s;
    const dhcpm::byte_span input{data, size};
    const dhcpm::decode_options decode_options = to_options(options);

    auto decoded = std::make_unique<dhcpm_value>();
    const std::optional<dhcpm::value_type> type = to_value_type(format->type);
    if (!type) return report(error, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not a dhcpm_type");
    const dhcpm_status status = dhcpm::with_record_type(*type, [&](auto record) {
      return decode_value<typename decltype(record)::type>(input, where, decode_options, *decoded, error);
    });
    if (status == DHCPM_OK) *value = decoded.release();
    return status;
  });
}
