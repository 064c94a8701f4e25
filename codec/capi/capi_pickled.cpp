// Several values in one pickled buffer (pickle.hpp): dhcpm_decode_all into a
// dhcpm_value_list, and dhcpm_encode_all from an array of values.
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "capi/capi_detail.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/pickle.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm::capi {
namespace {

// Decodes every value of the buffer, of `type`, into the list, or reports the failure.
dhcpm_status decode_into(byte_span input, value_type type, const wire_format& format, const decode_options& options,
                         dhcpm_value_list& list, dhcpm_error* out) {
  return with_record_type(type, [&]<class Record>(std::type_identity<Record>) -> dhcpm_status {
    // decode refuses a type with no pickled form (the _EX) as check_format does.
    result<decoded<std::vector<Record>>> all = decode<std::vector<Record>>(input, format, options);
    if (!all) return report(out, all.error_value());
    list.values.resize(all->value.size());
    for (std::size_t i = 0; i < all->value.size(); ++i) list.values[i].content = std::move(all->value[i]);
    list.kind = from_layout(all->wire);
    list.warnings = std::move(all->warnings);
    return DHCPM_OK;
  });
}

// Encodes the values, each of `type`, or reports a value that is NULL or of
// another type.
dhcpm_status encode_from(const dhcpm_value* const* values, std::size_t count, value_type type,
                         const wire_format& format, result<bytes>& encoded, dhcpm_error* out) {
  // A type with no pickled form is refused before the values are looked at.
  if (const std::optional<error> refused = check_format(type, format, true)) return report(out, *refused);
  return with_record_type(type, [&]<class Record>(std::type_identity<Record>) -> dhcpm_status {
    std::vector<Record> records;
    records.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      const Record* record =
          values[i] != nullptr && !values[i]->is_null ? std::get_if<Record>(&values[i]->content) : nullptr;
      if (record == nullptr) {
        return report(out, DHCPM_ERR_INVALID_ARGUMENT, "every value must be present and of format->type");
      }
      records.push_back(*record);
    }
    encoded = encode(records, format);
    return DHCPM_OK;
  });
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
    const std::optional<dhcpm::value_type> type = dhcpm::capi::to_value_type(format->type);
    if (!type) return report(error, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not a dhcpm_type");
    auto decoded = std::make_unique<dhcpm_value_list>();
    const dhcpm_status status =
        dhcpm::capi::decode_into({data, size}, *type, {.wire = wire, .all = true}, dhcpm::capi::to_options(options),
                                 *decoded, error);
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
    if (!wire || !dhcpm::pickle_kind_of(*wire) || format->framing != DHCPM_FRAMING_BARE) {
      return report(error, DHCPM_ERR_UNSUPPORTED,
                    "several values need an explicit pickle layout (pickle-ndr20, pickle-ndr20be, pickle-ndr64, "
                    "pickle2-ndr20) and bare framing");
    }
    const std::optional<dhcpm::value_type> type = dhcpm::capi::to_value_type(format->type);
    if (!type) return report(error, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not a dhcpm_type");
    dhcpm::result<dhcpm::bytes> encoded = dhcpm::bytes{};
    if (const dhcpm_status s = dhcpm::capi::encode_from(values, count, *type, {.wire = *wire, .all = true}, encoded, error);
        s != DHCPM_OK) {
      return s;
    }
    if (!encoded) return report(error, encoded.error_value());
    return dhcpm::capi::hand_over(*encoded, bytes, size, error);
  });
}

}  // extern "C"
