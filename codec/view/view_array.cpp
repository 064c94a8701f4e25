// view_of and view_array: the driver's walk with an index_builder sink,
// which validates the input as decoding does; the index is handed out as a
// basic_array_view. With decode_options::threads, a bare NDR array's records
// are located on several threads.
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "dhcpm/client_family.hpp"
#include "dhcpm/record_types.hpp"
#include "dhcpm/view.hpp"
#include "drive/parallel_walk.hpp"
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

namespace detail {
namespace {

// view_of an _ARRAY in bare NDR on several threads, as decode does it
// (drive/parallel_decode.hpp): the header and the id table here, which size
// the index and write every slot word; validate's speculative pass, which
// proves every record fine and where the runs of records start; then each
// run's locations written on its own thread, from the rank of its first
// record. false: not taken (the pass did not show the input clean, or does
// not apply), and the view is walked on one thread.
template <class Array>
bool viewed_in_parallel(byte_span input, const wire_format& format, const decode_options& options,
                        basic_array_view<Array>& out) {
  using element = typename Array::element;
  if (!splits_records(format, options)) return false;
  return with_ndr_format(format.wire, [&](auto ndr) {
    using F = decltype(ndr);
    using builder = index_builder<element>;
    if constexpr (!ndr_walker<F, builder>::template takes_fine_records<element>) {
      return false;
    } else {
      basic_array_view<Array> view = view_access::make<Array>();
      large_array<std::uint32_t>& index = view_access::index(view);
      builder head(input, index, options.cache);
      std::vector<error> warnings;
      ndr_walker<F, builder> walker(byte_reader(input), options, head, warnings);
      constexpr field_path root = root_path_of<Array>;
      array_head table;
      if (!clean_array_head<element>(walker, root, warnings, options, table)) return false;
      std::uint64_t charged = 0;
      std::vector<record_run> runs;
      if (!records_fine_in_parallel<F, element>(input, 0, table.first, head.records(), table.budget, options, charged,
                                                &runs)) {
        return false;
      }
      walk_runs_in_parallel<F, element>(input, runs, options, root, [&](std::size_t /*k*/, std::uint64_t rank) {
        builder b(input, index, options.cache);
        b.fill_records_of(head.slots(), rank);
        return b;
      });
      view_access::fill(view, input, &record_format_in<element, F>, head);
      out = std::move(view);
      return true;
    }
  });
}

// The view of a bare _ARRAY that view_of has let through, built inside the
// result it is returned in (one object from start to end: no move of the
// view, no second destruction — a fixed cost of every view of a stub).
template <class Array>
result<basic_array_view<Array>> walked_view(byte_span input, const wire_format& format, const decode_options& options) {
  using element = typename Array::element;
  result<basic_array_view<Array>> out(view_access::make<Array>());
  basic_array_view<Array>& view = *out;
  // A clean pass on several threads is the whole answer; anything else is
  // walked on one, which says exactly what is wrong.
  if (viewed_in_parallel(input, format, options, view)) return out;
  index_builder<element> sink(input, view_access::index(view), options.cache);
  view_indexing<element> consumer{sink};
  walk_result walked;
  if (!drive_walk<Array>(input, format, options, walked, consumer)) {
    out = std::move(*walked.failure);
    return out;
  }
  // Strict walks warn of nothing: no vector to hand over.
  if (!walked.warnings.empty()) view_access::warnings(view) = std::move(walked.warnings);
  view_access::fill(view, input, consumer.format, sink);
  return out;
}

}  // namespace
}  // namespace detail

template <class Array>
result<basic_array_view<Array>> view_of(byte_span input, const wire_format& format, const decode_options& options) {
  using element = typename Array::element;
  // check_format can refuse a bare, single-value format only for a type
  // that exists only in memory images; for the rest it is skipped (its
  // cost is per call, and a view per stub is the analyzer's workload).
  const bool bare_one = format.frame == framing::bare && !format.all;
  if (!bare_one || record_schema<Array>::native_only) {
    if (std::optional<error> refused = check_format(value_type_of<Array>, format, false)) return std::move(*refused);
  }
  if (!bare_one) {
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
  return detail::walked_view<Array>(input, format, options);
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
  if (!detail::drive_walk<Array>(input, format, options, walked, indexing)) return std::move(*walked.failure);
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
