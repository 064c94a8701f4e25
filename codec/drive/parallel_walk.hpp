// A speculative parallel pass over the records of an _ARRAY (issue 15): the
// records region (from the end of the id table to the end of the input) is
// cut into one piece per thread. Thread 0 starts at the first record; every
// other thread looks, from where its piece begins, for a position where
// several records in a row pass the walker's lean checks, and takes it as a
// record boundary. Then each thread walks from its start until it reaches
// the next thread's start. The seams are confirmed in order: a thread that
// started at a true boundary and landed exactly on the next thread's start
// proves that start a true boundary too.
//
// The pass answers one question: are all the records fine, in the sense of
// ndr_walker::fine_record (every check passes, no warning)? Only a "yes" is
// used — the records are then exactly what the one-thread walk would accept,
// with the same total charge. Any "no" (a record that is not fine, a seam
// that does not meet, a count that does not add up, a budget that does not
// hold) says nothing more, and the caller walks the records on one thread,
// which gives the exact error or warnings. So threads change the time a
// validation takes, never its result.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <span>
#include <thread>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"
#include "layout/field_path.hpp"
#include "layout/flat_values.hpp"
#include "ndr/ndr_format.hpp"
#include "ndr/ndr_walker.hpp"
#include "sink/null_sink.hpp"

namespace dhcpm::detail {

// What one piece's walk found.
struct piece_walk {
  std::size_t start = 0;     // its first record (0: no boundary found)
  std::size_t end = 0;       // where its walk stopped
  std::uint64_t records = 0;
  std::uint64_t charged = 0;
  bool fine = false;         // every record it walked was fine
};

// A sink that keeps only the number of records of the id table.
struct record_counter : null_sink {
  std::uint64_t records = 0;
  void elements_begin(std::uint64_t /*count*/, std::uint64_t non_null) noexcept { records = non_null; }
};

// A run of records whose start is a proven boundary: where it starts and
// how many records it holds (a parallel decode fills them from there).
struct record_run {
  std::size_t start = 0;
  std::uint64_t records = 0;
};

// Runs body(k) for k in [0, pieces): piece 0 on this thread, the rest on
// others. A piece whose thread cannot be started (or its vector grown) runs
// on this thread instead: slower, never wrong.
template <class Body>
void on_every_piece(std::size_t pieces, Body&& body) {
  std::vector<std::thread> helpers;
  std::size_t started = 1;
  try {
    helpers.reserve(pieces - 1);
    for (; started < pieces; ++started) helpers.emplace_back(body, started);
  } catch (const std::exception&) {
    for (std::size_t k = started; k < pieces; ++k) body(k);
  }
  body(std::size_t{0});
  for (std::thread& t : helpers) t.join();
}

// How many pieces a region of records is cut into: one per thread, each at
// least bytes_per_thread long (fewer than 2: not worth splitting).
[[nodiscard]] inline std::size_t pieces_for(const decode_options& options, std::size_t region) noexcept {
  const std::size_t per_thread = std::max<std::size_t>(options.bytes_per_thread, 1);
  return std::min<std::size_t>(options.threads, std::max<std::size_t>(region / per_thread, 1));
}

// Whether a call with these options on this format may split an array's
// records among threads: several threads, a bare _ARRAY in NDR.
[[nodiscard]] inline bool splits_records(const wire_format& format, const decode_options& options) noexcept {
  return options.threads >= 2 && format.frame == framing::bare && !format.all && !is_native(format.wire) &&
         !is_pickle(format.wire);
}

// What the calling thread knows once it has walked an array's header and id
// table, before the records are split.
struct array_head {
  std::uint32_t num_elements = 0;
  std::uint64_t slots = 0;    // max_count
  std::size_t first = 0;      // where the records start
  std::uint64_t budget = 0;   // what is left of max_decoded_bytes for them
};

// Walks the header and the id table of an _ARRAY of Element with `walker`
// (whose sink makes of them what it makes: slots of a value, of an index).
// false: they are not clean (a failure, or a warning in `warnings`) or
// Clients is NULL — there is nothing to split, and the caller walks the input
// on one thread.
template <class Element, class Walker>
[[nodiscard]] bool clean_array_head(Walker& walker, const field_path& root, const std::vector<error>& warnings,
                                    const decode_options& options, array_head& head) {
  bool clients = false;
  std::size_t table = 0;
  if (!walker.array_header(root, head.num_elements, clients) || !clients ||
      !walker.template element_table<Element>(root, head.num_elements, table, head.slots) || !warnings.empty()) {
    return false;
  }
  head.first = walker.position();
  head.budget = options.max_decoded_bytes - walker.checks().decoded_bytes();
  return true;
}

// Records in a row that make a position a boundary candidate.
inline constexpr int boundary_proof = 8;
// Of those, the one a piece starts at.
inline constexpr int boundary_settle = boundary_proof / 2;
// How far past a piece's nominal start its boundary is looked for.
inline constexpr std::size_t boundary_window = 64 * 1024;

// Where piece k of `pieces` of the records region (from `first` to the end
// of `input`) starts: the first position at or after its nominal start,
// aligned as Element's flat part, from which several records in a row pass
// the lean checks (or run to the end of the input). 0: none within the
// window. `free_walk` has an unlimited budget.
template <class F, class Element>
[[nodiscard]] std::size_t find_boundary(std::span<const std::uint8_t> input, std::size_t origin, std::size_t first,
                                        std::size_t pieces, std::size_t k, const decode_options& free_walk) noexcept {
  null_sink nothing;
  std::vector<error> ignored;
  ndr_walker<F, null_sink> walker(byte_reader(input, origin), free_walk, nothing, ignored);
  // Candidates are where a record may start: aligned as Element's flat part.
  constexpr std::size_t alignment = layout_in<F, Element>.alignment;
  const std::size_t region = input.size() - first;
  const std::size_t nominal = first + k * (region / pieces) - origin;
  const std::size_t from = origin + (nominal + alignment - 1) / alignment * alignment;
  const std::size_t until = std::min(input.size(), from + boundary_window);
  for (std::size_t at = from; at < until; at += alignment) {
    walker.seek(at);
    int in_a_row = 0;
    std::size_t settled = at;  // where the chain's record number boundary_settle starts
    while (in_a_row < boundary_proof && walker.position() < input.size() && walker.template fine_record<Element>()) {
      ++in_a_row;
      if (in_a_row == boundary_settle) settled = walker.position();
    }
    // The chain's later records, not its first: a position inside a record
    // can parse as one record whose end is a true boundary, after which the
    // chain is made of true records (measured: a 1,000,000-client PB array
    // cut in two met such a start, 300 bytes before the true one). A
    // candidate whose records run to the end of the input counts too.
    if (in_a_row == boundary_proof) return settled;
    if (in_a_row > 0 && walker.position() == input.size()) return at;
  }
  return 0;
}

// Whether `records` records of Element, from `first` on in `input`
// (alignment counted from `origin`), all pass the lean checks and end
// exactly at the end of the input, with their charges within `budget`.
// `charged` gets their total charge; `runs`, when given, the runs of
// records between proven boundaries, in order. false means only "not shown
// fine".
template <class F, class Element>
[[nodiscard]] bool records_fine_in_parallel(std::span<const std::uint8_t> input, std::size_t origin,
                                            std::size_t first, std::uint64_t records, std::uint64_t budget,
                                            const decode_options& options, std::uint64_t& charged,
                                            std::vector<record_run>* runs = nullptr) {
  const std::size_t pieces = pieces_for(options, input.size() - first);
  if (pieces < 2) return false;

  // Each walker has its own checks: their budget is unlimited (the sum is
  // checked after) and nothing they find is kept.
  decode_options free_walk = options;
  free_walk.max_decoded_bytes = UINT64_MAX;
  free_walk.strict = true;
  std::vector<piece_walk> walks(pieces);

  const auto find_start = [&](std::size_t k) noexcept {
    walks[k].start = find_boundary<F, Element>(input, origin, first, pieces, k, free_walk);
  };
  const auto walk_piece = [&](std::size_t k) noexcept {
    piece_walk& w = walks[k];
    if (w.start == 0) return;
    const std::size_t stop = k + 1 < pieces ? walks[k + 1].start : input.size();
    if (stop == 0) return;
    null_sink nothing;
    std::vector<error> ignored;
    ndr_walker<F, null_sink> walker(byte_reader(input, origin), free_walk, nothing, ignored);
    walker.seek(w.start);
    while (walker.position() < stop) {
      if (!walker.template fine_record<Element>()) {
        w.end = walker.position();
        return;
      }
      ++w.records;
    }
    w.end = walker.position();
    w.charged = walker.checks().decoded_bytes();
    w.fine = true;
  };
  walks[0].start = first;
  on_every_piece(pieces, [&](std::size_t k) noexcept {
    if (k != 0) find_start(k);
  });
  on_every_piece(pieces, walk_piece);

  // The seams, in order. `at` is a true boundary: the first record's start,
  // then wherever a walk from a true boundary stopped. A piece that started
  // there stands; one that did not (its start only looked like a boundary)
  // is walked again here, from `at` to the next piece's start.
  std::uint64_t total_records = 0;
  charged = 0;
  std::size_t at = first;
  null_sink nothing;
  std::vector<error> ignored;
  ndr_walker<F, null_sink> repair(byte_reader(input, origin), free_walk, nothing, ignored);
  for (std::size_t k = 0; k < pieces; ++k) {
    const piece_walk& w = walks[k];
    const std::size_t stop = k + 1 < pieces ? walks[k + 1].start : input.size();
    if (w.start == at && w.start != 0) {
      if (!w.fine) return false;  // a record that is not fine, found from a true boundary
      if (runs != nullptr) runs->push_back({at, w.records});
      at = w.end;
      total_records += w.records;
      charged += w.charged;
      continue;
    }
    if (at > stop && k + 1 < pieces) continue;  // this piece lies behind the walk: the next one may still meet it
    repair.seek(at);
    const std::uint64_t before = repair.checks().decoded_bytes();
    record_run repaired{at, 0};
    while (repair.position() < stop) {
      if (!repair.template fine_record<Element>()) return false;
      ++repaired.records;
    }
    total_records += repaired.records;
    if (runs != nullptr && repaired.records != 0) runs->push_back(repaired);
    charged += repair.checks().decoded_bytes() - before;
    at = repair.position();
  }
  return at == input.size() && total_records == records && charged <= budget;
}

// The second pass of a parallel decode or view, once every record is proven
// fine: each run walked again on a thread of its own, with the sink that
// make_sink(k, rank) makes for run k, whose first record has rank `rank`.
// The walk cannot fail; its charges were summed by the first pass.
template <class F, class Element, class MakeSink>
void walk_runs_in_parallel(std::span<const std::uint8_t> input, const std::vector<record_run>& runs,
                           const decode_options& options, const field_path& root, MakeSink&& make_sink) {
  std::vector<std::uint64_t> ranks(runs.size());
  for (std::size_t k = 1; k < runs.size(); ++k) ranks[k] = ranks[k - 1] + runs[k - 1].records;
  decode_options free_walk = options;
  free_walk.max_decoded_bytes = UINT64_MAX;
  on_every_piece(runs.size(), [&](std::size_t k) noexcept {
    auto sink = make_sink(k, ranks[k]);
    std::vector<error> ignored;
    ndr_walker<F, decltype(sink)> walk(byte_reader(input), free_walk, sink, ignored);
    walk.seek(runs[k].start);
    for (std::uint64_t r = 0; r < runs[k].records; ++r) (void)walk.template element_record<Element>(root, ranks[k] + r);
  });
}

// validate of an Array in bare NDR on several threads: std::nullopt when the
// parallel pass cannot show the input clean (or does not apply), and the
// one-thread walk must answer; otherwise its answer (no warnings).
template <class Array>
[[nodiscard]] bool validated_in_parallel(std::span<const std::uint8_t> input, const wire_format& format,
                                         const decode_options& options) {
  if constexpr (!is_record_array<Array>) {
    return false;
  } else {
    using element = typename Array::element;
    if (!splits_records(format, options)) return false;
    return with_ndr_format(format.wire, [&](auto ndr) {
      using F = decltype(ndr);
      if constexpr (!ndr_walker<F, record_counter>::template takes_fine_records<element>) {
        return false;
      } else {
        record_counter counter;
        std::vector<error> warnings;
        ndr_walker<F, record_counter> walker(byte_reader(input), options, counter, warnings);
        array_head head;
        if (!clean_array_head<element>(walker, root_path_of<Array>, warnings, options, head)) return false;
        std::uint64_t charged = 0;
        return records_fine_in_parallel<F, element>(input, 0, head.first, counter.records, head.budget, options,
                                                    charged);
      }
    });
  }
}

}  // namespace dhcpm::detail
