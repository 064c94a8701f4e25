// decode of an _ARRAY in bare NDR on several threads (decode_options::threads).
//
// Two passes, both split among the threads. The first is validate's
// speculative pass (parallel_walk.hpp): it proves every record fine and
// where the runs of records between proven boundaries start. The array's
// header and id table are decoded on this thread first, so every record
// already has its slot; the second pass then fills each run's records on its
// own thread, from its proven start and the rank of its first record, with
// its strings in a window of the list's one block of string storage that no
// other run touches (a run's strings come from its own input bytes, at most
// one unit per two of them, so the window of bytes [start, end) is units
// [start / 2, end / 2)).
//
// Only a clean pass is used: anything else (a record that is not fine, a seam
// that does not meet, a warning in the header or the table) returns false and
// decode walks the input on one thread, which gives the exact error or
// warnings. So threads change the time a decode takes, never its result.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "dhcpm/codec.hpp"
#include "drive/parallel_walk.hpp"
#include "layout/field_path.hpp"
#include "ndr/ndr_format.hpp"
#include "ndr/ndr_walker.hpp"
#include "sink/value_builder.hpp"

namespace dhcpm::detail {

template <class Array>
[[nodiscard]] bool decoded_in_parallel(std::span<const std::uint8_t> input, const wire_format& format,
                                       const decode_options& options, Array& out) {
  if constexpr (!is_record_array<Array>) {
    return false;
  } else {
    using element = typename Array::element;
    if (!splits_records(format, options)) return false;
    return with_ndr_format(format.wire, [&](auto ndr) {
      using F = decltype(ndr);
      using builder = value_builder<F::byte_order, Array>;
      if constexpr (!ndr_walker<F, builder>::template takes_fine_records<element>) {
        return false;
      } else {
        // The header and the id table, here: every slot made, the storage reserved.
        Array value;
        builder head;
        head.string_storage_hint(input.size() / 2);
        head.use_cache(options.cache);
        head.target(&value);
        std::vector<error> warnings;
        ndr_walker<F, builder> walker(byte_reader(input), options, head, warnings);
        constexpr field_path root = root_path_of<Array>;
        array_head table;
        if (!clean_array_head<element>(walker, root, warnings, options, table)) return false;
        std::uint64_t charged = 0;
        std::vector<record_run> runs;
        if (!records_fine_in_parallel<F, element>(input, 0, table.first, value.clients->record_count(), table.budget,
                                                  options, charged, &runs)) {
          return false;
        }

        // Every record fine: fill each run on a thread of its own.
        const std::span<char16_t> storage = value.clients->take_string_storage();
        walk_runs_in_parallel<F, element>(input, runs, options, root, [&](std::size_t k, std::uint64_t rank) {
          const std::size_t end = k + 1 < runs.size() ? runs[k + 1].start : input.size();
          const std::size_t from = std::min(runs[k].start / 2, storage.size());
          const std::size_t to = std::min(end / 2, storage.size());
          builder b;
          b.target(&value, rank);
          b.string_window(storage.subspan(from, to - from));
          return b;
        });
        out = std::move(value);
        return true;
      }
    });
  }
}

}  // namespace dhcpm::detail
