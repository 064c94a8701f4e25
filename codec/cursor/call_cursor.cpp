// open_cursor over the array a call's stub data carries: the stub walk
// (call/stub_walk.hpp) reads the parameters before it, the cursor engine the
// array from its first byte (as decode_call reads it: a record parameter on
// its own, at the layout's pointer alignment), and after the array's last
// slot the engine walks the parameters that follow (stub_tail).
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "call/stub_walk.hpp"
#include "cursor/cursor_engine.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/record_types.hpp"
#include "ndr/ndr_format.hpp"

namespace dhcpm {
namespace detail {
namespace {

static_assert([] {
  for (const call_info& c : call_table) {
    if (c.request.size() > cursor_state<client_info>::max_stub_params ||
        c.response.size() > cursor_state<client_info>::max_stub_params) {
      return false;
    }
  }
  return true;
}(), "a cursor keeps every parameter of a call");

template <class Array>
result<array_cursor<Array>> open_stub(byte_span input, call_stub_type type, std::size_t param, layout wire,
                                      const decode_options& options) {
  const param_info& p = type.params()[param];
  return with_ndr_format(wire, [&](auto ndr) -> result<array_cursor<Array>> {
    using F = decltype(ndr);
    // The parameters before the array, read before the engine exists.
    stub_dwords::values dwords{};
    std::vector<error> warnings;
    stub_dwords consumer{dwords};
    stub_walk<F, stub_dwords> walk(input, options, warnings, consumer);
    std::optional<std::size_t> at;
    if (!walk.params(type, 0, param) || !(at = walk.record_start(p))) return walk.take_failure();
    const decode_options rest = record_options(options, walk.checks());
    const stub_tail tail{input, type, param, *at};
    auto engine =
        std::make_unique<cursor_engine<F, Array>>(input.subspan(*at), 0, input.size() - *at, rest, std::nullopt, tail);
    for (std::size_t i = 0; i < type.params().size(); ++i) engine->stub_names[i] = type.params()[i].name;
    engine->stub_dwords = dwords;
    engine->warnings = std::move(warnings);
    engine->skip_settled(engine->warnings.size());
    const framing frame = p.kind == param_kind::unique_record ? framing::ptr : framing::bare;
    if (!engine->open(frame)) return std::move(*engine->failure);
    return array_cursor<Array>(std::move(engine));
  });
}

}  // namespace
}  // namespace detail

template <class Array>
result<array_cursor<Array>> open_cursor(byte_span input, call_stub_type type, layout wire,
                                        const decode_options& options) {
  if (std::optional<error> refused = detail::check_stub_layout(wire)) return std::move(*refused);
  const std::optional<std::size_t> param = detail::array_param<Array>(type);
  if (!param) {
    return error{error_code::unsupported, 0, "",
                 std::string(type.info().method) + " " + std::string(to_string(type.dir)) +
                     " does not carry this array as its one record parameter beside DWORDs"};
  }
  if (input.size() > UINT32_MAX) {
    return error{error_code::unsupported, 0, "", "cursors take inputs below 4 GiB; decode larger ones"};
  }
  return detail::open_stub<Array>(input, type, *param, wire, options);
}

// Every _ARRAY of record_types.hpp (the failover array, which no call
// carries, is refused at run time like any other mismatch).
#define DHCPM_INSTANTIATE_CALL_CURSOR(R)                                                          \
  template result<array_cursor<R>> open_cursor<R>(byte_span, call_stub_type, layout, const decode_options&);
DHCPM_INSTANTIATE_CALL_CURSOR(client_info_array)
DHCPM_INSTANTIATE_CALL_CURSOR(dhcp_client_info_array)
DHCPM_INSTANTIATE_CALL_CURSOR(dhcp_client_info_array_v4)
DHCPM_INSTANTIATE_CALL_CURSOR(dhcp_client_info_array_v5)
DHCPM_INSTANTIATE_CALL_CURSOR(dhcp_client_info_array_vq)
DHCPM_INSTANTIATE_CALL_CURSOR(dhcp_client_filter_status_info_array)
DHCPM_INSTANTIATE_CALL_CURSOR(dhcp_client_info_pb_array)
DHCPM_INSTANTIATE_CALL_CURSOR(dhcp_client_info_ex_array)
#undef DHCPM_INSTANTIATE_CALL_CURSOR

}  // namespace dhcpm
