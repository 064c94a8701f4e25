// Several values in one pickled buffer (pickle.hpp): dhcpm_decode_all into a
// dhcpm_value_list, and dhcpm_encode_all from an array of values.
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "capi/capi_detail.hpp"
#include "dhcpm/pickle.hpp"

namespace dhcpm::capi {
namespace {

dhcpm_layout layout_of(pickle_kind kind) noexcept {
  switch (kind) {
    case pickle_kind::v1_ndr20: return DHCPM_LAYOUT_PICKLE_NDR20;
    case pickle_kind::v1_ndr20be: return DHCPM_LAYOUT_PICKLE_NDR20BE;
    case pickle_kind::v2_ndr64: return DHCPM_LAYOUT_PICKLE_NDR64;
    case pickle_kind::v2_ndr20: return DHCPM_LAYOUT_PICKLE2_NDR20;
  }
  return DHCPM_LAYOUT_PICKLE;
}

// Decodes the values of type T into the list, or reports the failure.
template <class T, class Decode>
dhcpm_status decode_into(Decode decode, dhcpm_value_list& list, dhcpm_error* out) {
  result<decoded_values<T>> all = decode();
  if (!all) return report(out, all.error_value());
  list.values.resize(all->values.size());
  for (std::size_t i = 0; i < all->values.size(); ++i) list.values[i].content = std::move(all->values[i]);
  list.kind = layout_of(all->kind);
  list.warnings = std::move(all->warnings);
  return DHCPM_OK;
}

// The values' records of type T, copied for the encoder; reports a value
// that is NULL or of another type.
template <class T>
dhcpm_status gather(const dhcpm_value* const* values, std::size_t count, std::vector<T>& records,
                    dhcpm_error* out) {
  records.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const T* record = values[i] != nullptr && !values[i]->is_null ? std::get_if<T>(&values[i]->content) : nullptr;
    if (record == nullptr) {
      return report(out, DHCPM_ERR_INVALID_ARGUMENT, "every value must be present and of format->type");
    }
    records.push_back(*record);
  }
  return DHCPM_OK;
}

}  // namespace
}  // namespace dhcpm::capi

using dhcpm::capi::guarded;
using dhcpm::capi::report;

extern "C" {

dhcpm_status dhcpm_decode_all(const uint8_t* data, size_t size, const dhcpm_format* format,
                              const dhcpm_decode_options* options, dhcpm_value_list** list,
                              dhcpm_error* error) noexcept {
  if (list != nullptr) *list = nullptr;
  return guarded(error, [&]() -> dhcpm_status {
    dhcpm::capi::clear_error(error);
    if (list == nullptr || format == nullptr || (data == nullptr && size != 0)) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "list and format are required, and data unless size is 0");
    }
    dhcpm::layout wire{};
    if (const dhcpm_status s = dhcpm::capi::resolve_layout(*format, data, size, wire, error); s != DHCPM_OK) {
      return s;
    }
    if (!dhcpm::is_pickle(wire) || format->framing != DHCPM_FRAMING_BARE) {
      return report(error, DHCPM_ERR_UNSUPPORTED, "several values need a pickle layout and bare framing");
    }
    const dhcpm::byte_span input{data, size};
    const std::optional<dhcpm::pickle_kind> expect = dhcpm::pickle_kind_of(wire);
    const dhcpm::decode_options decode_options = dhcpm::capi::to_options(options);
    auto decoded = std::make_unique<dhcpm_value_list>();
    dhcpm_status status = DHCPM_OK;
    switch (format->type) {
      case DHCPM_TYPE_CLIENT:
        status = dhcpm::capi::decode_into<dhcpm::client_info>(
            [&] { return dhcpm::decode_pickled_clients(input, expect, decode_options); }, *decoded, error);
        break;
      case DHCPM_TYPE_ARRAY:
        status = dhcpm::capi::decode_into<dhcpm::client_info_array>(
            [&] { return dhcpm::decode_pickled_arrays(input, expect, decode_options); }, *decoded, error);
        break;
      case DHCPM_TYPE_CLIENT_EX:  // no pickled form: check_format says why
        return report(error, *dhcpm::check_format(dhcpm::value_type::client_ex, {.wire = wire, .all = true}, false));
      default:
        return report(error, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not a dhcpm_type");
    }
    if (status == DHCPM_OK) *list = decoded.release();
    return status;
  });
}

void dhcpm_value_list_free(dhcpm_value_list* list) noexcept { delete list; }

size_t dhcpm_value_list_size(const dhcpm_value_list* list) noexcept {
  return list != nullptr ? list->values.size() : 0;
}

const dhcpm_value* dhcpm_value_list_get(const dhcpm_value_list* list, size_t index) noexcept {
  return list != nullptr && index < list->values.size() ? &list->values[index] : nullptr;
}

dhcpm_layout dhcpm_value_list_layout(const dhcpm_value_list* list) noexcept {
  return list != nullptr ? list->kind : DHCPM_LAYOUT_PICKLE;
}

size_t dhcpm_value_list_warning_count(const dhcpm_value_list* list) noexcept {
  return list != nullptr ? list->warnings.size() : 0;
}

dhcpm_status dhcpm_value_list_warning(const dhcpm_value_list* list, size_t index, dhcpm_error* warning) noexcept {
  if (list == nullptr || warning == nullptr || index >= list->warnings.size()) return DHCPM_ERR_INVALID_ARGUMENT;
  report(warning, list->warnings[index]);
  return DHCPM_OK;
}

dhcpm_status dhcpm_encode_all(const dhcpm_value* const* values, size_t count, const dhcpm_format* format,
                              uint8_t** bytes, size_t* size, dhcpm_error* error) noexcept {
  if (bytes != nullptr) *bytes = nullptr;
  if (size != nullptr) *size = 0;
  return guarded(error, [&]() -> dhcpm_status {
    dhcpm::capi::clear_error(error);
    if ((values == nullptr && count != 0) || format == nullptr || bytes == nullptr || size == nullptr) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "values (unless count is 0), format, bytes and size are required");
    }
    const std::optional<dhcpm::layout> wire = dhcpm::capi::to_layout(format->layout);
    const std::optional<dhcpm::pickle_kind> kind = wire ? dhcpm::pickle_kind_of(*wire) : std::nullopt;
    if (!kind || format->framing != DHCPM_FRAMING_BARE) {
      return report(error, DHCPM_ERR_UNSUPPORTED,
                    "several values need an explicit pickle layout (pickle-ndr20, pickle-ndr20be, pickle-ndr64, "
                    "pickle2-ndr20) and bare framing");
    }
    dhcpm::result<dhcpm::bytes> encoded = dhcpm::bytes{};
    if (format->type == DHCPM_TYPE_CLIENT) {
      std::vector<dhcpm::client_info> records;
      if (const dhcpm_status s = dhcpm::capi::gather(values, count, records, error); s != DHCPM_OK) return s;
      encoded = dhcpm::encode_pickled(std::span<const dhcpm::client_info>(records), *kind);
    } else if (format->type == DHCPM_TYPE_ARRAY) {
      std::vector<dhcpm::client_info_array> arrays;
      if (const dhcpm_status s = dhcpm::capi::gather(values, count, arrays, error); s != DHCPM_OK) return s;
      encoded = dhcpm::encode_pickled(std::span<const dhcpm::client_info_array>(arrays), *kind);
    } else if (format->type == DHCPM_TYPE_CLIENT_EX) {
      return report(error, *dhcpm::check_format(dhcpm::value_type::client_ex, {.wire = *wire, .all = true}, true));
    } else {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not a dhcpm_type");
    }
    if (!encoded) return report(error, encoded.error_value());
    return dhcpm::capi::hand_over(*encoded, bytes, size, error);
  });
}

}  // extern "C"
