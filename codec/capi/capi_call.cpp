// The calls through the C API (dhcpm_call.h): the library's call_table as
// numbered descriptions, and a dhcpm_stub holding the library's call_stub,
// decoded, encoded, dissected, read and written as JSON by the library's
// functions of call.hpp.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "capi/capi_detail.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/dhcpm_call.h"
#include "dhcpm/generate.hpp"

// The object behind a dhcpm_stub handle (global, to complete the C declaration).
struct dhcpm_stub {
  dhcpm::call_stub stub;
  std::vector<dhcpm::error> warnings;  // lenient decoding
};

namespace dhcpm::capi {
namespace {

static_assert(DHCPM_PARAM_DWORD == static_cast<int>(param_kind::dword) &&
              DHCPM_PARAM_UNIQUE_STRING == static_cast<int>(param_kind::unique_string) &&
              DHCPM_PARAM_REF_RECORD == static_cast<int>(param_kind::ref_record) &&
              DHCPM_PARAM_UNIQUE_RECORD == static_cast<int>(param_kind::unique_record) &&
              DHCPM_PARAM_RETURN_VALUE == static_cast<int>(param_kind::return_value));
static_assert(DHCPM_REQUEST == static_cast<int>(direction::request) &&
              DHCPM_RESPONSE == static_cast<int>(direction::response));
static_assert(DHCPM_INTERFACE_DHCPSRV == static_cast<int>(rpc_interface::dhcpsrv) &&
              DHCPM_INTERFACE_DHCPSRV2 == static_cast<int>(rpc_interface::dhcpsrv2));

// The stub type a (call, direction) pair names, or std::nullopt.
std::optional<call_stub_type> stub_type(std::size_t call, dhcpm_direction dir) noexcept {
  if (call >= call_table.size() || (dir != DHCPM_REQUEST && dir != DHCPM_RESPONSE)) return std::nullopt;
  return call_stub_type{call, static_cast<direction>(dir)};
}

// The NDR layouts are the only ones a stub travels in.
std::optional<layout> stub_layout(dhcpm_layout wire) noexcept {
  const std::optional<layout> l = to_layout(wire);
  if (l == layout::ndr20 || l == layout::ndr20be || l == layout::ndr64) return l;
  return std::nullopt;
}

dhcpm_status unsupported_layout(dhcpm_error* out) noexcept {
  return report(out, DHCPM_ERR_UNSUPPORTED, "a call's stub is NDR: its layout is ndr20, ndr20be or ndr64");
}

// Parameter `param` of the stub and its description, or nullptr.
const param_value* param_at(const dhcpm_stub* stub, std::size_t param, param_info& info) noexcept {
  if (stub == nullptr || param >= stub->stub.params.size()) return nullptr;
  info = stub->stub.type.params()[param];
  return &stub->stub.params[param];
}

// Hands a new stub to the caller.
dhcpm_status give(dhcpm::call_stub&& value, std::vector<error>&& warnings, dhcpm_stub** stub) {
  auto made = std::make_unique<dhcpm_stub>();
  made->stub = std::move(value);
  made->warnings = std::move(warnings);
  *stub = made.release();
  return DHCPM_OK;
}

}  // namespace
}  // namespace dhcpm::capi

using dhcpm::capi::guarded;

extern "C" {

size_t dhcpm_call_count(void) noexcept { return dhcpm::call_table.size(); }

dhcpm_status dhcpm_call_info(size_t call, dhcpm_call_desc* desc) noexcept {
  if (desc == nullptr || call >= dhcpm::call_table.size()) return DHCPM_ERR_INVALID_ARGUMENT;
  const dhcpm::call_info& c = dhcpm::call_table[call];
  // The names are string literals: NUL-terminated.
  *desc = dhcpm_call_desc{c.method.data(),        static_cast<dhcpm_interface>(c.iface),
                          to_string(c.iface).data(), dhcpm::uuid_of(c.iface).data(),
                          c.opnum,                 c.request.size(),
                          c.response.size()};
  return DHCPM_OK;
}

dhcpm_status dhcpm_call_param_info(size_t call, dhcpm_direction direction, size_t index,
                                   dhcpm_param_desc* desc) noexcept {
  const std::optional<dhcpm::call_stub_type> type = dhcpm::capi::stub_type(call, direction);
  if (desc == nullptr || !type || index >= type->params().size()) return DHCPM_ERR_INVALID_ARGUMENT;
  const dhcpm::param_info& p = type->params()[index];
  const bool record = p.kind == dhcpm::param_kind::ref_record || p.kind == dhcpm::param_kind::unique_record;
  *desc = dhcpm_param_desc{p.name.data(), static_cast<dhcpm_param_kind>(p.kind),
                           record ? dhcpm::capi::from_value_type(p.type) : DHCPM_TYPE_COUNT,
                           static_cast<dhcpm_field_meaning>(p.meaning)};
  return DHCPM_OK;
}

dhcpm_status dhcpm_call_from_name(const char* method, size_t* call) noexcept {
  if (method == nullptr || call == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  const std::optional<std::size_t> found = dhcpm::find_call(method);
  if (!found) return DHCPM_ERR_INVALID_ARGUMENT;
  *call = *found;
  return DHCPM_OK;
}

dhcpm_status dhcpm_call_find(dhcpm_interface interface_id, uint16_t opnum, size_t* call) noexcept {
  if (call == nullptr || (interface_id != DHCPM_INTERFACE_DHCPSRV && interface_id != DHCPM_INTERFACE_DHCPSRV2)) {
    return DHCPM_ERR_INVALID_ARGUMENT;
  }
  const std::optional<std::size_t> found = dhcpm::find_call(static_cast<dhcpm::rpc_interface>(interface_id), opnum);
  if (!found) return DHCPM_ERR_INVALID_ARGUMENT;
  *call = *found;
  return DHCPM_OK;
}

const char* dhcpm_return_value_name(uint32_t value) noexcept {
  const std::string_view name = dhcpm::return_value_name(value);
  return name.empty() ? nullptr : name.data();  // literals: NUL-terminated
}

dhcpm_status dhcpm_decode_call(const uint8_t* data, size_t size, size_t call, dhcpm_direction direction,
                               dhcpm_layout layout, const dhcpm_decode_options* options, dhcpm_stub** stub,
                               dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (stub != nullptr) *stub = nullptr;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    const std::optional<dhcpm::call_stub_type> type = stub_type(call, direction);
    if (stub == nullptr || !type || (data == nullptr && size != 0)) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "a call, a direction and stub are required, and data unless size is 0");
    }
    const std::optional<dhcpm::layout> wire = stub_layout(layout);
    if (!wire) return unsupported_layout(error);
    dhcpm::result<dhcpm::decoded<dhcpm::call_stub>> decoded =
        dhcpm::decode_call(dhcpm::byte_span{data, size}, *type, *wire, to_options(options));
    if (!decoded) return report(error, decoded.error_value());
    return give(std::move(decoded->value), std::move(decoded->warnings), stub);
  });
}

dhcpm_status dhcpm_encode_call(const dhcpm_stub* stub, dhcpm_layout layout, uint8_t** bytes, size_t* size,
                               dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (bytes != nullptr) *bytes = nullptr;
  if (size != nullptr) *size = 0;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    if (stub == nullptr || bytes == nullptr || size == nullptr) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "stub, bytes and size are required");
    }
    const std::optional<dhcpm::layout> wire = stub_layout(layout);
    if (!wire) return unsupported_layout(error);
    const dhcpm::result<dhcpm::bytes> encoded = dhcpm::encode_call(stub->stub, *wire);
    if (!encoded) return report(error, encoded.error_value());
    return hand_over(*encoded, bytes, size, error);
  });
}

dhcpm_status dhcpm_dissect_call(const uint8_t* data, size_t size, size_t call, dhcpm_direction direction,
                                dhcpm_layout layout, const dhcpm_decode_options* options,
                                dhcpm_region_callback callback, void* user_data, dhcpm_dissect_summary* summary,
                                dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (summary != nullptr) *summary = dhcpm_dissect_summary{};
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    const std::optional<dhcpm::call_stub_type> type = stub_type(call, direction);
    if (!type || (data == nullptr && size != 0)) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "a call and a direction are required, and data unless size is 0");
    }
    const std::optional<dhcpm::layout> wire = stub_layout(layout);
    if (!wire) return unsupported_layout(error);
    return dissect_to_c(callback, user_data, summary, error, [&](const dhcpm::region_callback& on_region) {
      return dhcpm::dissect_call(dhcpm::byte_span{data, size}, *type, *wire, to_options(options), on_region);
    });
  });
}

dhcpm_status dhcpm_stub_new(size_t call, dhcpm_direction direction, dhcpm_stub** stub) noexcept {
  if (stub != nullptr) *stub = nullptr;
  const std::optional<dhcpm::call_stub_type> type = dhcpm::capi::stub_type(call, direction);
  if (stub == nullptr || !type) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&] { return dhcpm::capi::give(dhcpm::empty_stub(*type), {}, stub); });
}

void dhcpm_stub_free(dhcpm_stub* stub) noexcept { delete stub; }

size_t dhcpm_stub_call(const dhcpm_stub* stub) noexcept { return stub != nullptr ? stub->stub.type.call : 0; }

dhcpm_direction dhcpm_stub_direction(const dhcpm_stub* stub) noexcept {
  return stub != nullptr ? static_cast<dhcpm_direction>(stub->stub.type.dir) : DHCPM_REQUEST;
}

size_t dhcpm_stub_warning_count(const dhcpm_stub* stub) noexcept { return stub != nullptr ? stub->warnings.size() : 0; }

dhcpm_status dhcpm_stub_warning(const dhcpm_stub* stub, size_t index, dhcpm_error* warning) noexcept {
  if (stub == nullptr || warning == nullptr || index >= stub->warnings.size()) return DHCPM_ERR_INVALID_ARGUMENT;
  (void)dhcpm::capi::report(warning, stub->warnings[index]);
  return DHCPM_OK;
}

dhcpm_status dhcpm_stub_dword(const dhcpm_stub* stub, size_t param, uint32_t* value) noexcept {
  dhcpm::param_info info;
  const dhcpm::param_value* p = dhcpm::capi::param_at(stub, param, info);
  const auto* dword = p != nullptr ? std::get_if<std::uint32_t>(p) : nullptr;
  if (dword == nullptr || value == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *value = *dword;
  return DHCPM_OK;
}

dhcpm_status dhcpm_stub_set_dword(dhcpm_stub* stub, size_t param, uint32_t value) noexcept {
  dhcpm::param_info info;
  if (dhcpm::capi::param_at(stub, param, info) == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  auto* dword = std::get_if<std::uint32_t>(&stub->stub.params[param]);
  if (dword == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  *dword = value;
  return DHCPM_OK;
}

dhcpm_status dhcpm_stub_string(const dhcpm_stub* stub, size_t param, const uint16_t** units, size_t* count) noexcept {
  dhcpm::param_info info;
  const dhcpm::param_value* p = dhcpm::capi::param_at(stub, param, info);
  const auto* text = p != nullptr ? std::get_if<dhcpm::utf16_string>(p) : nullptr;
  if (text == nullptr || units == nullptr || count == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  dhcpm::capi::units_of(*text, units, count);
  return DHCPM_OK;
}

dhcpm_status dhcpm_stub_record(const dhcpm_stub* stub, size_t param, dhcpm_record* record) noexcept {
  dhcpm::param_info info;
  const dhcpm::param_value* p = dhcpm::capi::param_at(stub, param, info);
  if (p == nullptr || record == nullptr) return DHCPM_ERR_INVALID_ARGUMENT;
  const dhcpm::any_record* held = std::get_if<dhcpm::any_record>(p);
  if (const auto* unique = std::get_if<std::optional<dhcpm::any_record>>(p)) {
    held = unique->has_value() ? &**unique : nullptr;
  } else if (held == nullptr) {
    return DHCPM_ERR_INVALID_ARGUMENT;  // a DWORD or the string
  }
  *record = dhcpm_record{dhcpm::capi::from_value_type(info.type),
                         held == nullptr ? nullptr : dhcpm::capi::address_of(*held)};
  return DHCPM_OK;
}

dhcpm_status dhcpm_stub_to_json(const dhcpm_stub* stub, char** json, size_t* length, dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (json != nullptr) *json = nullptr;
  if (length != nullptr) *length = 0;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    if (stub == nullptr || json == nullptr) return report(error, DHCPM_ERR_INVALID_ARGUMENT, "stub and json are required");
    const dhcpm::result<std::string> text = dhcpm::call_to_json(stub->stub);
    if (!text) return report(error, text.error_value());
    return hand_over_text(*text, json, length, error);
  });
}

dhcpm_status dhcpm_stub_from_json(const char* json, size_t length, size_t call, dhcpm_direction direction,
                                  dhcpm_stub** stub, dhcpm_error* error) noexcept {
  using namespace dhcpm::capi;
  if (stub != nullptr) *stub = nullptr;
  return guarded(error, [&]() -> dhcpm_status {
    clear_error(error);
    const std::optional<dhcpm::call_stub_type> type = stub_type(call, direction);
    if (stub == nullptr || !type || (json == nullptr && length != 0)) {
      return report(error, DHCPM_ERR_INVALID_ARGUMENT, "a call, a direction and stub are required, and json unless length is 0");
    }
    dhcpm::result<dhcpm::call_stub> read =
        dhcpm::call_from_json(*type, length == 0 ? std::string_view{} : std::string_view{json, length});
    if (!read) return report(error, read.error_value());
    return give(std::move(*read), {}, stub);
  });
}

dhcpm_status dhcpm_stub_generate(size_t call, dhcpm_direction direction, uint64_t seed, dhcpm_stub** stub) noexcept {
  if (stub != nullptr) *stub = nullptr;
  const std::optional<dhcpm::call_stub_type> type = dhcpm::capi::stub_type(call, direction);
  if (stub == nullptr || !type) return DHCPM_ERR_INVALID_ARGUMENT;
  return guarded(nullptr, [&] {
    dhcpm::realistic_generator g(seed);
    return dhcpm::capi::give(dhcpm::generate_call(*type, g), {}, stub);
  });
}

}  // extern "C"
