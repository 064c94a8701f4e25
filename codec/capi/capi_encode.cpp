// dhcpm_encode: a dhcpm_value into canonical bytes in a malloc'd buffer the
// caller releases with dhcpm_free (malloc, not new[], so that the buffer's
// owner need not be C++).
#include <cstdlib>
#include <cstring>
#include <optional>

#include "capi/capi_detail.hpp"
#include <type_traits>

#include "dhcpm/codec.hpp"

namespace dhcpm::capi {
namespace {

// The value in the Value of its framing, encoded by the generic encode<Value>.
template <class Record>
result<bytes> encode_value(const dhcpm_value& value, const Record& record, const wire_format& format) {
  if constexpr (!record_schema<Record>::native_only) {
    if (format.frame == framing::ptr) return encode(value.is_null ? std::nullopt : std::optional<Record>(record), format);
  }
  if constexpr (std::is_same_v<Record, client_info>) {
    if (format.frame == framing::response) {
      get_client_info_response response;
      if (!value.is_null) response.client = record;
      response.return_value = value.return_value;
      return encode(response, format);
    }
  }
  // Bare, or a pair encode refuses as check_format does (an array in a response).
  return encode(record, format);
}

// The checks on the request itself, before any encoding.
dhcpm_status check_request(const dhcpm_value& value, const dhcpm_format& format, dhcpm_error* out) noexcept {
  if (format.type != dhcpm_value_type(&value)) {
    return report(out, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not the value's type");
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
    dhcpm::wire_format where;
    if (const dhcpm_status s = to_wire_format(*format, wire, false, where, error); s != DHCPM_OK) return s;

    const dhcpm::result<dhcpm::bytes> encoded =
        std::visit([&](const auto& record) { return encode_value(*value, record, where); }, value->content);
    if (!encoded) return report(error, encoded.error_value());
    return hand_over(*encoded, bytes, size, error);
  });
}

void dhcpm_free(void* bytes) noexcept { std::free(bytes); }

}  // extern "C"
