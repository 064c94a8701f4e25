// open_cursor over an _ARRAY alone: its framing (bare, ptr, or the one value
// of a pickled buffer) picked here, the walk done by cursor_engine.hpp.
#include "dhcpm/cursor.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "cursor/cursor_engine.hpp"
#include "dhcpm/pickle.hpp"
#include "dhcpm/record_types.hpp"
#include "ndr/ndr_format.hpp"
#include "pickle/pickle_header.hpp"
#include "pickle/pickle_walk.hpp"

namespace dhcpm {
namespace detail {
namespace {

template <class Array>
result<array_cursor<Array>> open_engine(byte_span input, const wire_format& format, const decode_options& options) {
  using element = typename Array::element;
  std::unique_ptr<cursor_state<element>> state;
  const auto start = [&](auto ndr, std::size_t origin, std::size_t limit,
                         std::optional<pickled_body> pickled) -> std::optional<error> {
    auto engine = std::make_unique<cursor_engine<decltype(ndr), Array>>(input, origin, limit, options, pickled);
    if (!engine->open(format.frame)) return std::move(*engine->failure);
    state = std::move(engine);
    return std::nullopt;
  };
  std::optional<error> failed;
  if (is_pickle(format.wire)) {
    result<pickle_stream> header = read_common_header(input, pickle_kind_of(format.wire));
    if (!header) return std::move(header).error_value();
    pickled_body p{*header, header->common_header_size, 0, 0};
    error failure;
    if (!pickled_body_bounds(input, p.stream, p.header_at, 0, p.body, p.body_end, failure)) return failure;
    failed = with_body_format(p.stream.kind, [&](auto ndr) { return start(ndr, p.body, p.body_end, p); });
  } else {
    failed = with_ndr_format(format.wire, [&](auto ndr) { return start(ndr, 0, input.size(), std::nullopt); });
  }
  if (failed) return std::move(*failed);
  return array_cursor<Array>(std::move(state));
}

}  // namespace
}  // namespace detail

template <class Array>
result<array_cursor<Array>> open_cursor(byte_span input, const wire_format& format, const decode_options& options) {
  if (std::optional<error> refused = check_format(value_type_of<Array>, format, false)) return std::move(*refused);
  if (is_native(format.wire)) {
    return error{error_code::unsupported, 0, "", "a cursor reads NDR front to back; view or decode a memory image"};
  }
  if (format.all) {
    return error{error_code::unsupported, 0, "", "a cursor reads one pickled value; decode every value instead"};
  }
  if (input.size() > UINT32_MAX) {
    return error{error_code::unsupported, 0, "", "cursors take inputs below 4 GiB; decode larger ones"};
  }
  return detail::open_engine<Array>(input, format, options);
}

// Every _ARRAY of record_types.hpp.
#define DHCPM_INSTANTIATE_CURSOR(R)                                                                   \
  template result<array_cursor<R>> open_cursor<R>(byte_span, const wire_format&, const decode_options&);
DHCPM_INSTANTIATE_CURSOR(client_info_array)
DHCPM_INSTANTIATE_CURSOR(dhcp_client_info_array)
DHCPM_INSTANTIATE_CURSOR(dhcp_client_info_array_v4)
DHCPM_INSTANTIATE_CURSOR(dhcp_client_info_array_v5)
DHCPM_INSTANTIATE_CURSOR(dhcp_client_info_array_vq)
DHCPM_INSTANTIATE_CURSOR(dhcp_client_filter_status_info_array)
DHCPM_INSTANTIATE_CURSOR(dhcp_client_info_pb_array)
DHCPM_INSTANTIATE_CURSOR(dhcp_client_info_ex_array)
#undef DHCPM_INSTANTIATE_CURSOR
static_assert([]<class... R>(std::type_identity<std::tuple<R...>>) {
  return (std::size_t{0} + ... + (is_record_array<R> ? 1 : 0));
}(std::type_identity<record_type_list>{}) == 8, "an open_cursor instantiation for every _ARRAY of record_types.hpp");

}  // namespace dhcpm
