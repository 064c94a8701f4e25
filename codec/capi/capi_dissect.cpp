// dhcpm_dissect: the library's streaming dissect() (dissect.hpp) with each
// region handed to a C callback.
#include <functional>

#include "capi/capi_detail.hpp"
#include "dhcpm/dissect.hpp"

namespace dhcpm::capi {
namespace {

// The C kinds are the library's by number.
static_assert(DHCPM_REGION_HEADER == static_cast<int>(region_kind::header));
static_assert(DHCPM_REGION_FIELD == static_cast<int>(region_kind::field));
static_assert(DHCPM_REGION_PADDING == static_cast<int>(region_kind::padding));
static_assert(DHCPM_REGION_REFERENT_ID == static_cast<int>(region_kind::referent_id));
static_assert(DHCPM_REGION_POINTER == static_cast<int>(region_kind::pointer));
static_assert(DHCPM_REGION_MAX_COUNT == static_cast<int>(region_kind::max_count));
static_assert(DHCPM_REGION_STRING_OFFSET == static_cast<int>(region_kind::string_offset));
static_assert(DHCPM_REGION_ACTUAL_COUNT == static_cast<int>(region_kind::actual_count));
static_assert(DHCPM_REGION_STRING_UNITS == static_cast<int>(region_kind::string_units));
static_assert(DHCPM_REGION_DATA_BYTES == static_cast<int>(region_kind::data_bytes));
static_assert(DHCPM_REGION_RETURN_VALUE == static_cast<int>(region_kind::return_value));
static_assert(DHCPM_REGION_UNREFERENCED == static_cast<int>(region_kind::unreferenced));
static_assert(DHCPM_REGION_TRAILING == static_cast<int>(region_kind::trailing));

constexpr int last_named_kind = DHCPM_REGION_TRAILING;

dhcpm_region_kind to_c_kind(region_kind kind) noexcept {
  const int number = static_cast<int>(kind);
  return number <= last_named_kind ? static_cast<dhcpm_region_kind>(number) : DHCPM_REGION_OTHER;
}

}  // namespace

dhcpm_status dissect_to_c(dhcpm_region_callback callback, void* user_data, dhcpm_dissect_summary* summary,
                          dhcpm_error* error, const std::function<dissect_summary(const region_callback&)>& walk) {
  // The library's callback cannot stop the walk: after a non-zero return
  // the remaining regions are walked but not handed over.
  bool wanted = callback != nullptr;
  const auto hand_over = [&](const region& r) {
    if (!wanted) return;
    const dhcpm_region c_region{r.offset,
                                r.length,
                                to_c_kind(r.kind),
                                r.path.c_str(),
                                r.value.c_str(),
                                from_value_type(r.table),
                                r.field,
                                r.element,
                                r.value_index,
                                r.parameter.empty() ? "" : r.parameter.data(),  // literals: NUL-terminated
                                r.number};
    wanted = callback(&c_region, user_data) == 0;
  };
  const dissect_summary found = walk(hand_over);
  if (summary != nullptr) {
    summary->layout = from_layout(found.wire);
    summary->consumed = found.consumed;
    summary->warning_count = found.warnings.size();
  }
  return found.stopped ? report(error, *found.stopped) : DHCPM_OK;
}

}  // namespace dhcpm::capi

extern "C" {

const char* dhcpm_region_kind_name(dhcpm_region_kind kind) noexcept {
  if (kind < DHCPM_REGION_HEADER || kind > dhcpm::capi::last_named_kind) return "other";
  return dhcpm::to_string(static_cast<dhcpm::region_kind>(kind)).data();  // string literals: NUL-terminated
}

dhcpm_status dhcpm_dissect(const uint8_t* data, size_t size, const dhcpm_format* format,
                           const dhcpm_decode_options* options, dhcpm_region_callback callback, void* user_data,
                           dhcpm_dissect_summary* summary, dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (summary != nullptr) *summary = dhcpm_dissect_summary{};
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    if (format == nullptr || (data == nullptr && size != 0)) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "format is required, and data unless size is 0");
    }
    // The one mapping of dhcpm_format (DHCPM_LAYOUT_AUTO detected as for dhcpm_decode).
    dhcpm::layout wire{};
    if (const dhcpm_status s = resolve_layout(*format, data, size, wire, error); s != DHCPM_OK) return s;
    const std::optional<dhcpm::value_type> type = to_value_type(format->type);
    if (!type) return report(error, DHCPM_ERR_INVALID_ARGUMENT, "format->type is not a dhcpm_type");
    dhcpm::wire_format where;
    if (const dhcpm_status s = to_wire_format(*format, wire, false, where, error); s != DHCPM_OK) return s;

    return dissect_to_c(callback, user_data, summary, error, [&](const dhcpm::region_callback& on_region) {
      return dhcpm::dissect(dhcpm::byte_span{data, size}, *type, where, to_options(options), on_region);
    });
  });
}

}  // extern "C"
