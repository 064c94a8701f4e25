// view_call: the stub walk (call/stub_walk.hpp) with a consumer that keeps the
// DWORDs and reads the array parameter with the view's prefix walk
// (view_prefix.hpp), so a stub's view validates exactly what decode_call does.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "call/stub_walk.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/client_family.hpp"
#include "dhcpm/record_types.hpp"
#include "view/view_prefix.hpp"

namespace dhcpm {
namespace detail {
namespace {

template <class Array>
class stub_viewing {
 public:
  explicit stub_viewing(call_view<Array>& out) noexcept : out_(out) {}

  void region(dhcpm::region_kind, const param_info&, std::size_t, std::size_t, std::uint64_t) noexcept {}
  void dword(std::size_t index, std::uint32_t value) { out_.stub.params[index] = value; }
  // view_call reads only stubs whose other parameters are DWORDs (array_param).
  void string(std::size_t, const std::uint8_t*, std::size_t, order) noexcept {}
  void null_string(std::size_t) noexcept {}
  void trailing(std::size_t, std::size_t) noexcept {}

  std::optional<error> record(std::size_t, const param_info& p, byte_span rest, std::size_t base,
                              const wire_format& format, const decode_options& options, std::vector<error>& warnings,
                              std::size_t& end) {
    std::vector<error> own;
    auto viewed = view_prefix<Array>(rest, format, options, end, own);
    if (!viewed) return in_stub(std::move(viewed).error_value(), p, base);
    take_warnings(std::move(own), p, base, warnings, options.max_warnings);
    out_.array = std::move(*viewed);
    return std::nullopt;
  }

 private:
  call_view<Array>& out_;
};

}  // namespace
}  // namespace detail

template <class Array>
result<call_view<Array>> view_call(byte_span input, call_stub_type type, layout wire, const decode_options& options) {
  if (std::optional<error> refused = detail::check_stub_layout(wire)) return std::move(*refused);
  if (!detail::array_param<Array>(type)) {
    return error{error_code::unsupported, 0, "",
                 std::string(type.info().method) + " " + std::string(to_string(type.dir)) +
                     " does not carry this array as its one record parameter beside DWORDs"};
  }
  if (input.size() > UINT32_MAX) {
    return error{error_code::unsupported, 0, "", "views take inputs below 4 GiB; decode larger ones"};
  }
  call_view<Array> out{empty_stub(type), std::nullopt, {}};
  detail::stub_viewing<Array> consumer(out);
  error failure;
  if (!detail::walk_call_stub(input, type, wire, options, out.warnings, failure, consumer)) return failure;
  return out;
}

// Every _ARRAY of record_types.hpp (the failover array, which no call
// carries, is refused at run time like any other mismatch).
#define DHCPM_INSTANTIATE_VIEW_CALL(R) \
  template result<call_view<R>> view_call<R>(byte_span, call_stub_type, layout, const decode_options&);
DHCPM_INSTANTIATE_VIEW_CALL(client_info_array)
DHCPM_INSTANTIATE_VIEW_CALL(dhcp_client_info_array)
DHCPM_INSTANTIATE_VIEW_CALL(dhcp_client_info_array_v4)
DHCPM_INSTANTIATE_VIEW_CALL(dhcp_client_info_array_v5)
DHCPM_INSTANTIATE_VIEW_CALL(dhcp_client_info_array_vq)
DHCPM_INSTANTIATE_VIEW_CALL(dhcp_client_filter_status_info_array)
DHCPM_INSTANTIATE_VIEW_CALL(dhcp_client_info_pb_array)
DHCPM_INSTANTIATE_VIEW_CALL(dhcp_client_info_ex_array)
#undef DHCPM_INSTANTIATE_VIEW_CALL

}  // namespace dhcpm
