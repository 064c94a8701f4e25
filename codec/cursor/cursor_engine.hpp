// The engine of open_cursor (cursor.hpp): the NDR walker driven one array
// slot at a time. Opening walks the framing, the array's header and its id
// table (array_header, element_table); each step walks one record
// (element_record) with a sink that only notes where its parts are; after the last slot it makes the checks of the end of the input
// that walk_driver makes after a whole walk — or, for an array inside a
// call's stub data, walks the parameters that follow it (stub_tail). The
// pieces are those of the walk decode makes, so the two cannot disagree.
#pragma once

#include <cstddef>
#include <array>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "call/stub_walk.hpp"
#include "dhcpm/cursor.hpp"
#include "layout/field_path.hpp"
#include "layout/walk_sink.hpp"
#include "ndr/ndr_walker.hpp"
#include "pickle/pickle_header.hpp"
#include "pickle/pickle_walk.hpp"
#include "view/view_index.hpp"

namespace dhcpm::detail {

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

// An array that is parameter `param` of a call's stub data `stub`, starting
// at `base`: the engine walks stub.subspan(base); its errors and warnings are
// made the stub's (in_stub), and after the last slot the parameters that
// follow are walked.
struct stub_tail {
  byte_span stub;
  call_stub_type type;
  std::size_t param = 0;
  std::size_t base = 0;
};

// Notes a stub's DWORD parameters in a cursor's state; a cursor reads no
// string or record parameter besides its array (open_cursor refuses calls
// whose other parameters are not DWORDs).
struct stub_dwords {
  using values = std::array<std::optional<std::uint32_t>, cursor_state<client_info>::max_stub_params>;
  values& dwords;
  void region(dhcpm::region_kind, const param_info&, std::size_t, std::size_t, std::uint64_t) noexcept {}
  void dword(std::size_t index, std::uint32_t value) noexcept { dwords[index] = value; }
  void string(std::size_t, const std::uint8_t*, std::size_t, order) noexcept {}
  void null_string(std::size_t) noexcept {}
  void trailing(std::size_t, std::size_t) noexcept {}
  std::optional<error> record(std::size_t, const param_info& p, byte_span, std::size_t at, const wire_format&,
                              const decode_options&, std::vector<error>&, std::size_t&) {
    return error{error_code::unsupported, at, std::string(p.name), "a cursor reads one record parameter"};
  }
};

template <class F, class Array>
class cursor_engine final : public cursor_state<typename Array::element> {
  using element = typename Array::element;

 public:
  cursor_engine(byte_span bytes, std::size_t origin, std::size_t limit, const decode_options& options,
                std::optional<pickled_body> pickled, std::optional<stub_tail> stub = std::nullopt)
      : input_(bytes),
        options_(options),
        pickled_(pickled),
        stub_(stub),
        walker_(byte_reader(bytes.first(limit), origin), options_, sink_, this->warnings) {
    this->input = bytes.data();
    this->format = &record_format_in<element, F>;
    sink_.where.input = bytes.data();
    sink_.where.current = &this->current.where;
  }

  // Warnings [0, n) are the stub's already (its parameters before the array).
  void skip_settled(std::size_t n) noexcept { settled_ = n; }

  // The framing up to the first record. false: `failure` says why.
  bool open(framing frame) {
    const bool opened = open_walk(frame);
    settle();
    return opened;
  }

  bool step() override {
    const std::uint64_t i = ++this->index;
    if (i >= this->slots) [[unlikely]] {
      this->index = this->slots;
      this->ended = true;
      finish();
      settle();
      return false;
    }
    const bool present = walker_.element_present(table_, i);
    this->current.present = present;
    if (!present) return true;
    if (!walker_.template element_record<element>(path_, i)) [[unlikely]] {
      this->ended = true;
      stop();
      settle();
      return false;
    }
    if constexpr (has_pointee_struct<element>) this->current.where.end = static_cast<std::uint32_t>(walker_.position());
    if (stub_ && settled_ != this->warnings.size()) [[unlikely]] settle();
    return true;
  }

  // The framing up to the first record: the top pointer, the array header,
  // the id table. The end is checked by the step after the last slot.
  bool open_walk(framing frame) {
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

 private:
  // After the last slot: what walk_driver checks after a whole walk, or the
  // parameters that follow the array in a stub. false: `failure` is set.
  bool finish() {
    if (stub_) return finish_stub();
    if (!pickled_) return walker_.end() || stop();
    const pickled_body& p = *pickled_;
    walk_checks checks(options_, this->warnings);
    error stopped;
    bool last = false;
    if (!pickled_body_end(input_, p.stream, p.header_at, p.body, p.body_end, walker_.position(), true, checks, stopped,
                          last)) {
      this->failure = std::move(stopped);
      return false;
    }
    return true;
  }

  // The stub's parameters after the array, and its end. Their errors and
  // warnings are the stub's already.
  bool finish_stub() {
    settle();
    const stub_tail& t = *stub_;
    stub_dwords consumer{this->stub_dwords};
    stub_walk<F, stub_dwords> rest(t.stub, options_, this->warnings, consumer);
    rest.seek(t.base + walker_.position());
    const bool ok = rest.params(t.type, t.param + 1, t.type.params().size()) && rest.end();
    settled_ = this->warnings.size();
    if (!ok) {
      this->failure = rest.take_failure();
      failure_settled_ = true;
    }
    return ok;
  }

  // Makes what the walk of a stub's array reported so far the stub's.
  void settle() {
    if (!stub_) return;
    const param_info& p = stub_->type.params()[stub_->param];
    for (; settled_ < this->warnings.size(); ++settled_) {
      this->warnings[settled_] = in_stub(std::move(this->warnings[settled_]), p, stub_->base);
    }
    if (this->failure && !failure_settled_) {
      this->failure = in_stub(std::move(*this->failure), p, stub_->base);
      failure_settled_ = true;
    }
  }


  bool stop() {
    this->failure = walker_.take_failure();
    return false;
  }

  byte_span input_;
  decode_options options_;
  std::optional<pickled_body> pickled_;
  std::optional<stub_tail> stub_;
  std::size_t settled_ = 0;  // warnings made the stub's
  bool failure_settled_ = false;
  locating_sink<element> sink_;
  ndr_walker<F, locating_sink<element>> walker_;
  static constexpr field_path path_ = root_path_of<Array>;
  std::size_t table_ = 0;
};

}  // namespace dhcpm::detail
