// view_array: the driver's walk with an index_builder sink, which validates
// the input as decoding does; the index is handed out as an array_view.
#include <string>
#include <utility>

#include "dhcpm/view.hpp"
#include "drive/walk_driver.hpp"
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

// The driver's consumer: every walk feeds the index builder, and the walker
// format it ran in says how the view reads the records.
struct view_indexing {
  detail::index_builder& builder;
  const detail::view_format* format = nullptr;

  template <class F>
  detail::index_builder& sink(F /*format*/) noexcept {
    format = &detail::record_format_in<client_info, F>;
    return builder;
  }
  void value_begin(std::size_t /*index*/, std::size_t /*at*/, std::size_t /*bytes*/) noexcept {}
  void pointer(bool /*present*/) noexcept {}
  void value_end(std::size_t /*end*/, std::size_t /*limit*/) noexcept {}
};

}  // namespace

result<array_view> view_array(byte_span input, layout wire, const decode_options& options) {
  if (input.size() > UINT32_MAX) {
    return error{error_code::unsupported, 0, "", "views take inputs below 4 GiB; decode larger ones"};
  }
  const wire_format format = format_for<client_info_array>(wire);
  if (std::optional<error> refused = check_format(value_type::array, format, false)) return std::move(*refused);
  array_view view = view_access::make();
  detail::index_builder sink(input.data(), view_access::index(view), options.cache);
  view_indexing consumer{sink};
  detail::walk_result walked;
  if (!detail::drive_walk<client_info_array>(input, format, options, walked, consumer)) {
    return std::move(walked.failure);
  }
  view_access::warnings(view) = std::move(walked.warnings);
  view_access::fill(view, input, consumer.format, sink);
  return view;
}

}  // namespace dhcpm
