// view_of and view_array: the driver's walk with an index_builder sink,
// which validates the input as decoding does; the index is handed out as a
// basic_array_view.
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "dhcpm/client_family.hpp"
#include "dhcpm/record_types.hpp"
#include "dhcpm/view.hpp"
#include "drive/walk_driver.hpp"
#include "view/view_index.hpp"
#include "view/view_prefix.hpp"

namespace dhcpm {

// Builds array views; the only code that sees their insides besides the views.
struct view_access {
  template <class Array>
  static basic_array_view<Array> make() {
    return basic_array_view<Array>{};
  }
  template <class Array>
  static void fill(basic_array_view<Array>& view, byte_span input,
                   const detail::record_format<typename Array::element>* format,
                   const detail::index_builder<typename Array::element>& built) {
    view.input_ = input.data();
    view.input_size_ = input.size();
    view.format_ = format;
    view.num_elements_ = built.num_elements();
    view.clients_present_ = built.clients_present();
    view.slots_ = built.slots();
    view.records_ = built.records();
    view.slots_index_ = view.index_.get();
    view.locations_ = reinterpret_cast<const detail::record_location_of<typename Array::element>*>(
        view.index_.get() + view.slots_);
  }
  template <class Array>
  static detail::large_array<std::uint32_t>& index(basic_array_view<Array>& view) {
    return view.index_;
  }
  template <class Array>
  static std::vector<error>& warnings(basic_array_view<Array>& view) {
    return view.warnings_;
  }
};

namespace detail {

// The driver's consumer: every walk feeds the index builder, and the walker
// format it ran in says how the view reads the records. (Not in an anonymous
// namespace: view_prefix's consumer derives from it.)
template <class Element>
struct view_indexing {
  detail::index_builder<Element>& builder;
  const detail::record_format<Element>* format = nullptr;

  template <class F>
  detail::index_builder<Element>& sink(F /*format*/) noexcept {
    format = &detail::record_format_in<Element, F>;
    return builder;
  }
  void value_begin(std::size_t /*index*/, std::size_t /*at*/, std::size_t /*bytes*/) noexcept {}
  void pointer(bool /*present*/) noexcept {}
  void value_end(std::size_t /*end*/, std::size_t /*limit*/) noexcept {}
};

}  // namespace detail

template <class Array>
result<basic_array_view<Array>> view_of(byte_span input, const wire_format& format, const decode_options& options) {
  using element = typename Array::element;
  if (std::optional<error> refused = check_format(value_type_of<Array>, format, false)) return std::move(*refused);
  if (format.frame != framing::bare || format.all) {
    return error{error_code::unsupported, 0, "", "a view reads one bare _ARRAY; decode other framings"};
  }
  if (input.size() > UINT32_MAX) {
    return error{error_code::unsupported, 0, "", "views take inputs below 4 GiB; decode larger ones"};
  }
  // An _EX element's to_value() reads its property array again with the NDR
  // walker (located_decode): not yet with the native one.
  if (detail::has_pointee_struct<element> && is_native(format.wire)) {
    return error{error_code::unsupported, 0, "", "a view of an _EX array reads NDR; decode a memory image"};
  }
  basic_array_view<Array> view = view_access::make<Array>();
  detail::index_builder<element> sink(input, view_access::index(view), options.cache);
  detail::view_indexing<element> consumer{sink};
  detail::walk_result walked;
  if (!detail::drive_walk<Array>(input, format, options, walked, consumer)) return std::move(walked.failure);
  view_access::warnings(view) = std::move(walked.warnings);
  view_access::fill(view, input, consumer.format, sink);
  return view;
}

namespace detail {

template <class Array>
result<std::optional<basic_array_view<Array>>> view_prefix(byte_span input, const wire_format& format,
                                                           const decode_options& options, std::size_t& end,
                                                           std::vector<error>& warnings) {
  using element = typename Array::element;
  basic_array_view<Array> view = view_access::make<Array>();
  detail::index_builder<element> sink(input, view_access::index(view), options.cache);
  struct consumer : view_indexing<element> {
    bool present = true;
    void pointer(bool is_present) noexcept { present = is_present; }
  } indexing{{sink}};
  detail::walk_result walked;
  walked.prefix = true;
  if (!detail::drive_walk<Array>(input, format, options, walked, indexing)) return std::move(walked.failure);
  end = walked.end;
  warnings = std::move(walked.warnings);
  if (!indexing.present) return std::optional<basic_array_view<Array>>{};
  view_access::fill(view, input.first(end), indexing.format, sink);
  return std::optional<basic_array_view<Array>>(std::move(view));
}

}  // namespace detail

result<array_view> view_array(byte_span input, layout wire, const decode_options& options) {
  return view_of<client_info_array>(input, format_for<client_info_array>(wire), options);
}

// Every _ARRAY of record_types.hpp.
#define DHCPM_INSTANTIATE_VIEW(R)                                                                      \
  template result<basic_array_view<R>> view_of<R>(byte_span, const wire_format&, const decode_options&); \
  template result<std::optional<basic_array_view<R>>> detail::view_prefix<R>(                              \
      byte_span, const wire_format&, const decode_options&, std::size_t&, std::vector<error>&);
DHCPM_INSTANTIATE_VIEW(client_info_array)
DHCPM_INSTANTIATE_VIEW(dhcp_client_info_array)
DHCPM_INSTANTIATE_VIEW(dhcp_client_info_array_v4)
DHCPM_INSTANTIATE_VIEW(dhcp_client_info_array_v5)
DHCPM_INSTANTIATE_VIEW(dhcp_client_info_array_vq)
DHCPM_INSTANTIATE_VIEW(dhcp_client_filter_status_info_array)
DHCPM_INSTANTIATE_VIEW(dhcp_client_info_pb_array)
DHCPM_INSTANTIATE_VIEW(dhcp_client_info_ex_array)
#undef DHCPM_INSTANTIATE_VIEW
static_assert([]<class... R>(std::type_identity<std::tuple<R...>>) {
  return (std::size_t{0} + ... + (is_record_array<R> ? 1 : 0));
}(std::type_identity<record_type_list>{}) == 8, "a view_of instantiation for every _ARRAY of record_types.hpp");

}  // namespace dhcpm
