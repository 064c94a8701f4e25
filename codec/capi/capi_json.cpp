// Values to and from the JSON form of the command line, and values from the
// realistic generator, through the C API (dhcpm_record.h). The library's
// to_json/from_json/generate_values do the work; this maps their results.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "capi/capi_detail.hpp"
#include "dhcpm/dhcpm_record.h"
#include "dhcpm/generate.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm::capi {

dhcpm_status hand_over_text(const std::string& text, char** json, std::size_t* length, dhcpm_error* out) noexcept {
  auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) return report(out, DHCPM_ERR_OUT_OF_MEMORY, "out of memory");
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  *json = copy;
  if (length != nullptr) *length = text.size();
  return DHCPM_OK;
}

}  // namespace dhcpm::capi

extern "C" {

dhcpm_status dhcpm_value_to_json(const dhcpm_value* value, char** json, size_t* length, dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (json != nullptr) *json = nullptr;
  if (length != nullptr) *length = 0;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    if (value == nullptr || json == nullptr) return report(error, DHCPM_ERR_INVALID_ARGUMENT, "value and json are required");
    const std::string text = std::visit(
        [&](const auto& record) {
          using R = std::remove_cvref_t<decltype(record)>;
          return value->is_null ? dhcpm::to_json(std::optional<R>{}) : dhcpm::to_json(record);
        },
        value->content);
    return hand_over_text(text, json, length, error);
  });
}

dhcpm_status dhcpm_value_from_json(const char* json, size_t length, dhcpm_type type, dhcpm_value** value,
                                   dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (value != nullptr) *value = nullptr;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    const std::optional<dhcpm::value_type> t = to_value_type(type);
    if (value == nullptr || (json == nullptr && length != 0) || !t) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "a dhcpm_type and value are required, and json unless length is 0");
    }
    auto made = std::make_unique<dhcpm_value>();
    const std::string_view text = length == 0 ? std::string_view{} : std::string_view{json, length};
    const dhcpm_status status = dhcpm::with_record_type(*t, [&]<class R>(std::type_identity<R>) {
      dhcpm::result<std::optional<R>> read = dhcpm::from_json<std::optional<R>>(text);
      if (!read) return report(error, read.error_value());
      made->is_null = !read->has_value();
      made->content = read->has_value() ? std::move(**read) : R{};
      return DHCPM_OK;
    });
    if (status == DHCPM_OK) *value = made.release();
    return status;
  });
}

dhcpm_status dhcpm_value_generate(dhcpm_type type, uint64_t seed, dhcpm_value** value) noexcept {
  using namespace dhcpm::capi;
  if (value != nullptr) *value = nullptr;
  const std::optional<dhcpm::value_type> t = to_value_type(type);
  if (value == nullptr || !t) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&]() -> dhcpm_status {
    auto made = std::make_unique<dhcpm_value>();
    dhcpm::with_record_type(*t, [&]<class R>(std::type_identity<R>) {
      made->content = std::move(dhcpm::generate_values<R>(1, seed).front());
    });
    *value = made.release();
    return DHCPM_OK;
  });
}

}  // extern "C"
