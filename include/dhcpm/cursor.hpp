// A one-pass cursor over an _ARRAY in NDR bytes: each element is checked
// when the iteration reaches it and its fields are handed out at once, read
// from the input — the bytes are read once, front to back (the id table when
// the cursor opens, then each record with its pointees), and nothing is
// allocated per element. It is the fastest way to look at every client of a
// large array.
//
// The contract, beside the validating view (view.hpp), which checks the
// whole input before handing out anything: a cursor hands out fields BEFORE
// THE REST OF THE INPUT, AND ITS END, HAVE BEEN CHECKED. Each element handed
// out has passed every check that decoding makes of it; a later element may
// still fail. The iteration stops at the first failure, with the error that
// decode gives for the same bytes (code, offset, path). Only when next() has
// returned false and complete() is true was the whole input valid: then the
// elements handed out are exactly those of decode's value. A caller that must
// not act on part of an invalid input collects what it needs and acts after
// complete().
//
//   auto cursor = dhcpm::open_cursor<dhcpm::dhcp_client_info_pb_array>(bytes, dhcpm::layout::ndr20);
//   if (!cursor) return cursor.error_value();        // the header or the id table is wrong
//   while (cursor->next()) {
//     if (auto client = cursor->current()) use(client->get<&dhcpm::dhcp_client_info::client_ip_address>());
//   }
//   if (!cursor->complete()) return *cursor->failure();
//
// A cursor refers to the caller's buffer: it must not outlive it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "dhcpm/record_view.hpp"

namespace dhcpm {

namespace detail {
// What a cursor knows between two steps. The library's engine
// (codec/cursor/) derives from it; each step() walks one slot. One slot per
// step, not a batch of them: walking NDR is a chain of dependent loads (each
// count says where the next item starts) and the caller's work on a record
// is independent arithmetic, so the processor overlaps the walk of the next
// record with the caller's reading of this one only when they alternate
// (batches of 32 took 35% longer over a million clients).
template <class Element>
struct cursor_state {
  cursor_state() = default;
  cursor_state(const cursor_state&) = delete;
  cursor_state& operator=(const cursor_state&) = delete;
  virtual ~cursor_state() = default;

  // Moves to slot `index + 1` and walks its record. false: there is none
  // (the end-of-input checks have been made, setting `failure` if they
  // fail) or its walk failed (`failure` says why); `ended` is then set.
  virtual bool step() = 0;

  struct slot {
    record_location_of<Element> where;  // of its record
    bool present;                       // false: a NULL element pointer
  };

  const std::uint8_t* input = nullptr;
  const record_format<Element>* format = nullptr;
  bool value_present = true;  // ptr framing: the top pointer is not NULL
  std::uint32_t num_elements = 0;
  bool clients_present = false;
  std::uint64_t slots = 0;    // max_count
  std::uint64_t records = 0;  // non-NULL slots
  // The slot the last step reached (`index` is `slots` once they all
  // passed, and stays at the slot whose walk failed).
  slot current{};
  std::uint64_t index = UINT64_MAX;  // before the first step
  bool ended = false;                // next() has returned false
  std::optional<error> failure;
  std::vector<error> warnings;
  // An array read from a call's stub data: the stub's parameters by index
  // (call.hpp), and the DWORDs among them once read.
  static constexpr std::size_t max_stub_params = 8;
  std::array<std::string_view, max_stub_params> stub_names{};
  std::array<std::optional<std::uint32_t>, max_stub_params> stub_dwords{};
};
}  // namespace detail

template <class Array>
class array_cursor {
 public:
  using element_type = typename Array::element;
  using record = record_view<element_type>;

  // The array's header, known when the cursor opens.
  [[nodiscard]] bool is_null() const noexcept { return !state_->value_present; }  // ptr framing: a NULL pointer
  [[nodiscard]] std::uint32_t num_elements() const noexcept { return state_->num_elements; }
  [[nodiscard]] bool clients_is_null() const noexcept { return !state_->clients_present; }
  [[nodiscard]] std::size_t size() const noexcept { return state_->slots; }            // element slots
  [[nodiscard]] std::size_t record_count() const noexcept { return state_->records; }  // non-NULL ones

  // Moves to the next slot and checks its record. true: current() is that
  // slot. false: the iteration has ended, and complete() and failure() say how.
  bool next() {
    detail::cursor_state<element_type>& s = *state_;
    return !s.ended && s.step();
  }
  // The slot the last next() reached.
  [[nodiscard]] std::size_t index() const noexcept { return state_->index; }
  // Its record; std::nullopt for a NULL element pointer. Only after next()
  // has returned true.
  [[nodiscard]] std::optional<record> current() const noexcept {
    const auto& slot = state_->current;
    if (!slot.present) return std::nullopt;
    return record(state_->input, &slot.where, state_->format);
  }

  [[nodiscard]] bool done() const noexcept { return state_->ended; }
  // The iteration ended with every element and the end of the input valid.
  [[nodiscard]] bool complete() const noexcept { return state_->ended && !state_->failure; }
  // What stopped the iteration, once it has.
  [[nodiscard]] const std::optional<error>& failure() const noexcept { return state_->failure; }
  // Lenient mode: what was tolerated so far.
  [[nodiscard]] const std::vector<error>& warnings() const noexcept { return state_->warnings; }

  // A cursor over a call's stub data (open_cursor with a call_stub_type,
  // call.hpp): the DWORD parameter named `name` ("ResumeHandle",
  // "ClientsRead", "ClientsTotal", "ReturnValue"). Those before the array
  // are read when the cursor opens, those after it when the iteration ends
  // (their checks are the end-of-input checks); std::nullopt before then,
  // after a failure before them, or for a name that is no DWORD parameter.
  [[nodiscard]] std::optional<std::uint32_t> dword(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < state_->stub_names.size(); ++i) {
      if (!state_->stub_names[i].empty() && state_->stub_names[i] == name) return state_->stub_dwords[i];
    }
    return std::nullopt;
  }

  // Range-for: each slot in turn, as current() gives it.
  struct end_marker {};
  class iterator {
   public:
    using value_type = std::optional<record>;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    [[nodiscard]] value_type operator*() const noexcept { return cursor_->current(); }
    iterator& operator++() {
      more_ = cursor_->next();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& i, end_marker) noexcept { return !i.more_; }

   private:
    friend class array_cursor;
    explicit iterator(array_cursor* cursor) : cursor_(cursor), more_(cursor->next()) {}
    array_cursor* cursor_ = nullptr;
    bool more_ = false;
  };
  // Starts (or goes on with) the iteration: a cursor is read once.
  [[nodiscard]] iterator begin() { return iterator(this); }
  [[nodiscard]] end_marker end() const noexcept { return {}; }

  explicit array_cursor(std::unique_ptr<detail::cursor_state<element_type>> state) noexcept
      : state_(std::move(state)) {}

 private:
  std::unique_ptr<detail::cursor_state<element_type>> state_;
};

// Opens a cursor over the _ARRAY that `format` says is in `input`: NDR 2.0
// (either byte order) or NDR64, bare or behind a pointer (framing::ptr), or
// the one value of a type serialization buffer (pickle layouts). The framing
// of the input up to the first record — the array's header, max_count and the
// id table — is checked here; an error there is returned. Native images are
// not read front to back: use view_array or decode for them.
template <class Array>
[[nodiscard]] result<array_cursor<Array>> open_cursor(byte_span input DHCPM_LIFETIMEBOUND, const wire_format& format,
                                                      const decode_options& options = {});
template <class Array>
[[nodiscard]] result<array_cursor<Array>> open_cursor(byte_span input DHCPM_LIFETIMEBOUND, layout wire,
                                                      const decode_options& options = {}) {
  return open_cursor<Array>(input, wire_format{.wire = wire}, options);
}
// A cursor over a temporary buffer would dangle at once.
template <class Array, class Format>
result<array_cursor<Array>> open_cursor(std::vector<std::uint8_t>&& input, const Format& format,
                                        const decode_options& options = {}) = delete;
template <class Array, class Format>
result<array_cursor<Array>> open_cursor(const std::vector<std::uint8_t>&& input, const Format& format,
                                        const decode_options& options = {}) = delete;

// ---------------------------------------------------------------------------
// Reading one array on several threads (decode_options::threads).
//
// read_in_parallel cuts the records of an _ARRAY in bare NDR into runs, one
// per thread, and calls `read(cursor)` on each run's thread with a cursor over
// that run: the same array_cursor, whose next() and current() hand out the
// run's records in order (index() counts from the run's first record). What
// read returns for each run is kept, in run order, with the slot of each
// run's first record. The answer is exactly the one-thread cursor's: every
// check is made, and when the array is not clean (an error, a warning), holds
// NULL elements or _EX records, or is too short to split, read is called once,
// on this thread, with the one cursor over the whole array (one run, even
// of no records) — and the error is returned if that cursor stops.
//
// The runs start at record boundaries found speculatively: a thread looks
// for one near its share's start and reads from there before the seams are
// confirmed. So `read` may be called for a run whose result is thrown away
// (its start turned out not to be a boundary) and then again for the true
// run: it must keep what it finds in what it returns, not act on it, and it
// must not throw. A read that stops early leaves the rest of its run to be
// checked by the library.
struct cursor_run {
  std::size_t first_slot = 0;  // the slot of its first record
  std::size_t records = 0;
};
template <class R>
struct parallel_reading {
  std::vector<R> results;         // what read returned for each run, in run order
  std::vector<cursor_run> runs;   // the runs, in order
  std::vector<error> warnings;    // lenient mode, one-thread pass: what was tolerated
};

namespace detail {
// The library's side: calls read(context, job, cursor) for each job (jobs
// are numbered from 0 and fewer than 2 * threads + 2), and says which job's
// result each run keeps.
struct kept_run {
  std::size_t job = 0;
  cursor_run run;
};
struct runs_read {
  std::vector<kept_run> runs;
  std::vector<error> warnings;
};
template <class Array>
using run_reader = void (*)(void* context, std::size_t job, array_cursor<Array>& cursor) noexcept;
template <class Array>
[[nodiscard]] result<runs_read> read_runs(byte_span input, const wire_format& format, const decode_options& options,
                                          run_reader<Array> read, void* context);
[[nodiscard]] inline std::size_t max_jobs(const decode_options& options) noexcept {
  return 2 * std::size_t{options.threads} + 2;
}
}  // namespace detail

template <class Array, class Read>
[[nodiscard]] auto read_in_parallel(byte_span input DHCPM_LIFETIMEBOUND, const wire_format& format,
                                    const decode_options& options, Read&& read)
    -> result<parallel_reading<std::invoke_result_t<Read&, array_cursor<Array>&>>> {
  using R = std::invoke_result_t<Read&, array_cursor<Array>&>;
  struct context {
    Read& read;
    std::vector<std::optional<R>> jobs;
  } ctx{read, std::vector<std::optional<R>>(detail::max_jobs(options))};
  const detail::run_reader<Array> call = [](void* c, std::size_t job, array_cursor<Array>& cursor) noexcept {
    auto& x = *static_cast<context*>(c);
    x.jobs[job].emplace(x.read(cursor));
  };
  result<detail::runs_read> got = detail::read_runs<Array>(input, format, options, call, &ctx);
  if (!got) return std::move(got).error_value();
  parallel_reading<R> out;
  out.warnings = std::move(got->warnings);
  for (detail::kept_run& k : got->runs) {
    out.results.push_back(std::move(*ctx.jobs[k.job]));
    out.runs.push_back(k.run);
  }
  return out;
}

}  // namespace dhcpm
