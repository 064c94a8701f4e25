// read_in_parallel (cursor.hpp): one cursor per run of records, each on its
// own thread, speculatively. The plan is validate's parallel pass
// (drive/parallel_walk.hpp) with the caller's reading folded in: the array's
// header and id table are checked here; each other thread finds a record
// boundary near the start of its share (find_boundary); then every thread
// hands the records from its start up to the next thread's start to `read`,
// through a cursor that makes the lean checks (ndr_walker::fine_record) and
// notes where each record's parts are. The seams are confirmed in order: a
// run that starts where the runs before it ended is kept; one that does not
// is read again here, from the true boundary. Anything but a clean pass (a
// record that is not fine, counts or a budget that do not add up, NULL
// elements) hands the whole array to `read` through the one-thread cursor,
// whose outcome is then the answer.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "cursor/cursor_engine.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/record_types.hpp"
#include "drive/parallel_walk.hpp"
#include "ndr/ndr_format.hpp"

namespace dhcpm {
namespace detail {
namespace {

// The cursor of one run: the records from `start`, each with the lean
// checks only, until the walk reaches `stop`.
template <class F, class Array>
class run_engine final : public cursor_state<typename Array::element> {
  using element = typename Array::element;

 public:
  run_engine(byte_span input, const decode_options& free_walk, std::size_t start, std::size_t stop)
      : options_(free_walk), stop_(stop), walker_(byte_reader(input), options_, sink_, this->warnings) {
    this->input = input.data();
    this->format = &record_format_in<element, F>;
    this->current.present = true;
    sink_.where.input = input.data();
    sink_.where.current = &this->current.where;
    walker_.seek(start);
  }

  bool step() override {
    if (walker_.position() >= stop_) {
      this->ended = true;
      return false;
    }
    if (!walker_.template fine_record<element>()) {
      this->ended = true;
      not_fine_ = true;
      return false;
    }
    ++this->index;
    return true;
  }

  [[nodiscard]] bool fine() const noexcept { return this->ended && !not_fine_; }
  [[nodiscard]] std::size_t end() const noexcept { return walker_.position(); }
  [[nodiscard]] std::uint64_t walked() const noexcept { return this->index + 1; }  // index starts at -1
  [[nodiscard]] std::uint64_t charged() noexcept { return walker_.checks().decoded_bytes(); }

 private:
  decode_options options_;
  std::size_t stop_;
  bool not_fine_ = false;
  locating_sink<element> sink_;
  ndr_walker<F, locating_sink<element>> walker_;
};

// How one run's reading went.
struct run_walk {
  bool ran = false;
  bool fine = false;
  std::size_t start = 0;
  std::size_t end = 0;
  std::uint64_t records = 0;
  std::uint64_t charged = 0;
};

// Hands the run from `start` to `stop` to read as job `job`, then checks what
// read left of it.
template <class F, class Array>
run_walk read_run(byte_span input, const decode_options& free_walk, std::size_t start, std::size_t stop,
                  const array_head& head, std::size_t job, run_reader<Array> read,
                  void* context) noexcept {
  auto engine = std::make_unique<run_engine<F, Array>>(input, free_walk, start, stop);
  run_engine<F, Array>& e = *engine;
  e.num_elements = head.num_elements;
  e.clients_present = true;
  e.slots = head.slots;
  e.records = head.slots;  // no NULL elements
  array_cursor<Array> cursor(std::move(engine));
  read(context, job, cursor);
  while (cursor.next()) {
  }
  return {true, e.fine(), start, e.end(), e.walked(), e.charged()};
}

template <class F, class Array>
std::optional<runs_read> read_runs_in_parallel(byte_span input, const decode_options& options, run_reader<Array> read,
                                               void* context) {
  using element = typename Array::element;
  if constexpr (!ndr_walker<F, locating_sink<element>>::template takes_fine_records<element>) {
    return std::nullopt;
  } else {
    // The header and the id table.
    record_counter counter;
    std::vector<error> warnings;
    ndr_walker<F, record_counter> walker(byte_reader(input), options, counter, warnings);
    array_head head;
    if (!clean_array_head<element>(walker, root_path_of<Array>, warnings, options, head) ||
        counter.records != head.slots) {
      return std::nullopt;
    }
    const std::size_t first = head.first;
    const std::uint64_t count = head.slots;
    const std::uint64_t budget = head.budget;
    const std::size_t pieces = pieces_for(options, input.size() - first);
    if (pieces < 2) return std::nullopt;
    decode_options free_walk = options;
    free_walk.max_decoded_bytes = UINT64_MAX;
    free_walk.strict = true;

    std::vector<std::size_t> starts(pieces);
    starts[0] = first;
    on_every_piece(pieces, [&](std::size_t k) noexcept {
      if (k != 0) starts[k] = find_boundary<F, element>(input, 0, first, pieces, k, free_walk);
    });
    std::vector<run_walk> walks(pieces);
    on_every_piece(pieces, [&](std::size_t k) noexcept {
      const std::size_t stop = k + 1 < pieces ? starts[k + 1] : input.size();
      if (starts[k] == 0 || stop == 0) return;
      walks[k] = read_run<F, Array>(input, free_walk, starts[k], stop, head, k, read, context);
    });

    // The seams, in order (as records_fine_in_parallel confirms them).
    runs_read out;
    std::uint64_t total = 0;
    std::uint64_t charged = 0;
    std::size_t at = first;
    std::size_t next_job = pieces;
    const auto keep = [&](std::size_t job, const run_walk& w) {
      if (w.records != 0) out.runs.push_back({job, {static_cast<std::size_t>(total), static_cast<std::size_t>(w.records)}});
      total += w.records;
      charged += w.charged;
      at = w.end;
    };
    for (std::size_t k = 0; k < pieces; ++k) {
      const run_walk& w = walks[k];
      const std::size_t stop = k + 1 < pieces ? starts[k + 1] : input.size();
      if (w.ran && w.start == at) {
        if (!w.fine) return std::nullopt;  // a record that is not fine, found from a true boundary
        keep(k, w);
        continue;
      }
      if (at > stop && k + 1 < pieces) continue;  // this piece lies behind the walk
      const std::size_t job = next_job++;
      const run_walk again = read_run<F, Array>(input, free_walk, at, stop, head, job, read, context);
      if (!again.fine) return std::nullopt;
      keep(job, again);
    }
    if (at != input.size() || total != count || charged > budget) return std::nullopt;
    return out;
  }
}

}  // namespace

template <class Array>
result<runs_read> read_runs(byte_span input, const wire_format& format, const decode_options& options,
                            run_reader<Array> read, void* context) {
  if (splits_records(format, options) && input.size() <= UINT32_MAX && !check_format(value_type_of<Array>, format, false)) {
    std::optional<runs_read> split = with_ndr_format(format.wire, [&](auto ndr) {
      return read_runs_in_parallel<decltype(ndr), Array>(input, options, read, context);
    });
    if (split) return std::move(*split);
  }
  // One run: the one-thread cursor over the whole array, whose outcome is the answer.
  result<array_cursor<Array>> cursor = open_cursor<Array>(input, format, options);
  if (!cursor) return std::move(cursor).error_value();
  read(context, 0, *cursor);
  while (cursor->next()) {
  }
  if (!cursor->complete()) return *cursor->failure();
  runs_read out;
  out.runs.push_back({0, {0, cursor->record_count()}});
  out.warnings = cursor->warnings();
  return out;
}

// Every _ARRAY of record_types.hpp.
#define DHCPM_INSTANTIATE_READ_RUNS(R)                                                                   \
  template result<runs_read> read_runs<R>(byte_span, const wire_format&, const decode_options&, run_reader<R>, \
                                          void*);
DHCPM_INSTANTIATE_READ_RUNS(client_info_array)
DHCPM_INSTANTIATE_READ_RUNS(dhcp_client_info_array)
DHCPM_INSTANTIATE_READ_RUNS(dhcp_client_info_array_v4)
DHCPM_INSTANTIATE_READ_RUNS(dhcp_client_info_array_v5)
DHCPM_INSTANTIATE_READ_RUNS(dhcp_client_info_array_vq)
DHCPM_INSTANTIATE_READ_RUNS(dhcp_client_filter_status_info_array)
DHCPM_INSTANTIATE_READ_RUNS(dhcp_client_info_pb_array)
DHCPM_INSTANTIATE_READ_RUNS(dhcp_client_info_ex_array)
#undef DHCPM_INSTANTIATE_READ_RUNS

}  // namespace detail
}  // namespace dhcpm
