// view_array: validates the input with the walker of its layout family and
// an index_builder sink, then hands out the index as an array_view.
#include <string>
#include <utility>

#include "dhcpm/native.hpp"
#include "dhcpm/view.hpp"
#include "native/native_walker.hpp"
#include "ndr/ndr_walker.hpp"
#include "pickle/pickle_walk.hpp"
#include "view/view_index.hpp"

namespace dhcpm {

// Builds array_views; the only code that sees their insides besides array_view.
struct view_access {
  static array_view make() { return array_view{}; }
  static void fill(array_view& view, byte_span input, const detail::view_format* format,
                   const detail::index_builder& built) {
    view.input_ = input.data();
    view.input_size_ = input.size();
    view.format_ = format;
    view.num_elements_ = built.num_elements();
    view.clients_present_ = built.clients_present();
    view.slots_ = built.slots();
    view.records_ = built.records();
    view.slots_index_ = view.index_.get();
    view.locations_ = reinterpret_cast<const detail::record_location*>(view.index_.get() + view.slots_);
  }
  static detail::large_array<std::uint32_t>& index(array_view& view) { return view.index_; }
  static std::vector<error>& warnings(array_view& view) { return view.warnings_; }
};

namespace {

template <class F>
constexpr const detail::view_format* view_format_of() {
  if constexpr (F::record.size != detail::ndr20_record_layout.size) {
    return F::record.size == detail::x86_record_layout.size ? &detail::x86_view : &detail::x64_view;
  } else {
    return F::byte_order == detail::order::big ? &detail::ndr20_be_view : &detail::ndr20_le_view;
  }
}

}  // namespace

result<array_view> view_array(byte_span input, layout wire, const decode_options& options) {
  if (input.size() > UINT32_MAX) {
    return error{error_code::unsupported, 0, "", "views take inputs below 4 GiB; decode larger ones"};
  }
  array_view view = view_access::make();
  detail::index_builder sink(input.data(), view_access::index(view), options.cache);
  std::vector<error>& warnings = view_access::warnings(view);
  const detail::view_format* format = nullptr;
  error failure;
  bool ok = false;

  if (is_native(wire)) {
    const auto walk = [&](auto native) {
      detail::native_walker<decltype(native), detail::index_builder> walker(input, default_image_base, options, sink,
                                                                             warnings);
      format = view_format_of<decltype(native)>();
      if (walker.top_array(default_image_base, {})) return true;
      failure = walker.take_failure();
      return false;
    };
    ok = wire == layout::x86 ? walk(detail::x86_format{}) : walk(detail::x64_format{});
  } else if (is_pickle(wire)) {
    pickle_kind kind{};
    const auto walk_body = [&](auto ndr, detail::byte_reader body, std::size_t, detail::body_walk& state) {
      detail::ndr_walker<decltype(ndr), detail::index_builder> walker(body, options, sink, warnings);
      format = view_format_of<decltype(ndr)>();
      if (!walker.top_array({})) {
        failure = walker.take_failure();
        return false;
      }
      state.value_end = walker.position();
      return true;
    };
    ok = detail::walk_pickled(input, pickle_kind_of(wire), options, true, warnings, failure, kind, walk_body);
  } else {
    ok = detail::with_ndr_format(wire, [&](auto ndr) {
      detail::ndr_walker<decltype(ndr), detail::index_builder> walker(detail::byte_reader(input), options, sink,
                                                                      warnings);
      format = view_format_of<decltype(ndr)>();
      if (walker.top_array({}) && walker.end()) return true;
      failure = walker.take_failure();
      return false;
    });
  }
  if (!ok) return failure;
  view_access::fill(view, input, format, sink);
  return view;
}

}  // namespace dhcpm
