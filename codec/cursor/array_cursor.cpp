// open_cursor: the NDR walker driven one array slot at a time. Opening walks
// the framing, the array's header and its id table (array_header,
// element_table); each step walks one record (element_record) with a sink that
// only notes where the record's parts are; the last step makes the checks of
// the end of the input that walk_driver makes after a whole walk. The pieces
// are those of the walk decode makes, so the two cannot disagree.
#include "dhcpm/cursor.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "dhcpm/pickle.hpp"
#include "dhcpm/record_types.hpp"
#include "layout/field_path.hpp"
#include "layout/walk_sink.hpp"
#include "ndr/ndr_format.hpp"
#include "ndr/ndr_walker.hpp"
#include "pickle/pickle_header.hpp"
#include "pickle/pickle_walk.hpp"
#include "view/view_index.hpp"

namespace dhcpm {
namespace detail {
namespace {

// Notes where the current record's parts are.
template <class Element>
struct locating_sink : walk_sink_base {
  static constexpr bool wants_flat_values = false;
  location_filler<Element> where;
  std::uint64_t records = 0;

  void elements_begin(std::uint64_t /*count*/, std::uint64_t non_null) noexcept { records = non_null; }
  void record_begin(std::size_t offset) noexcept { where.begin(offset); }
  static constexpr bool takes_locations = true;
  template <class Record, class... Parts>
  void record_located(std::size_t offset, const Parts&... parts) noexcept {
    static_assert(std::is_same_v<Record, Element>);
    where.located(offset, parts...);
  }
  template <class Schema>
  void data_bytes(const std::uint8_t* p, std::size_t n) noexcept {
    where.template data_bytes<Schema>(p, n);
  }
  template <class Schema>
  void string_units(record_field which, const std::uint8_t* p, std::size_t n) noexcept {
    where.template string_units<Schema>(which, p, n);
  }
};

// The body of a type serialization buffer the walk runs in.
struct pickled_body {
  pickle_stream stream;
  std::size_t header_at = 0;  // its private header
  std::size_t body = 0;
  std::size_t body_end = 0;
};

template <class F, class Array>
class cursor_engine final : public cursor_state<typename Array::element> {
  using element = typename Array::element;

 public:
  cursor_engine(byte_span bytes, std::size_t origin, std::size_t limit, const decode_options& options,
                std::optional<pickled_body> pickled)
      : input_(bytes),
        options_(options),
        pickled_(pickled),
        walker_(byte_reader(bytes.first(limit), origin), options_, sink_, this->warnings) {
    this->input = bytes.data();
    this->format = &record_format_in<element, F>;
    sink_.where.input = bytes.data();
  }

  // The framing up to the first record. false: `failure` says why.
  bool open(framing frame) {
    if (frame == framing::ptr) {
      bool present = false;
      if (!walker_.top_pointer(path_, present)) return stop();
      this->value_present = present;
      if (!present) return true;
    }
    std::uint32_t num = 0;
    bool clients = false;
    if (!walker_.array_header(path_, num, clients)) return stop();
    this->num_elements = num;
    this->clients_present = clients;
    if (!clients) return true;
    std::uint64_t count = 0;
    if (!walker_.template element_table<element>(path_, num, table_, count)) return stop();
    this->slots = count;
    this->records = sink_.records;
    return true;
  }

  void refill() override {
    std::size_t n = 0;
    std::uint64_t i = this->batch_first;
    const std::uint64_t end = this->slots - i < this->batch_capacity ? this->slots : i + this->batch_capacity;
    for (; i < end; ++i, ++n) {
      auto& entry = this->batch[n];
      entry.present = walker_.element_present(table_, i);
      if (!entry.present) continue;
      sink_.where.current = &entry.where;
      if (!walker_.template element_record<element>(path_, i)) [[unlikely]] {
        this->filled = n;
        this->last_batch = true;
        stop();
        return;
      }
      if constexpr (has_pointee_struct<element>) entry.where.end = static_cast<std::uint32_t>(walker_.position());
    }
    this->filled = n;
    if (i == this->slots) {
      this->last_batch = true;
      finish();
    }
  }

 private:
  // After the last slot: what walk_driver checks after a whole walk.
  void finish() {
    if (!pickled_) {
      if (!walker_.end()) stop();
      return;
    }
    const pickled_body& p = *pickled_;
    walk_checks checks(options_, this->warnings);
    error stopped;
    bool last = false;
    if (!pickled_body_end(input_, p.stream, p.header_at, p.body, p.body_end, walker_.position(), true, checks, stopped,
                          last)) {
      this->failure = std::move(stopped);
    }
  }

  bool stop() {
    this->failure = walker_.take_failure();
    return false;
  }

  byte_span input_;
  decode_options options_;
  std::optional<pickled_body> pickled_;
  locating_sink<element> sink_;
  ndr_walker<F, locating_sink<element>> walker_;
  static constexpr field_path path_ = root_path_of<Array>;
  std::size_t table_ = 0;
};

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
