// How the reading benchmarks prove they read: every field of every record
// handed out by a view or a cursor is folded into a checksum_builder
// (bench_data.hpp) exactly as checksum(value) folds the owning value, so a
// benchmark's result can be compared with the value that was encoded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "bench_data.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/record_view.hpp"
#include "dhcpm/schema.hpp"

namespace dhcpm::bench {

template <class Sum>
[[gnu::always_inline]] inline void fold_string(Sum& sum, const utf16_view& s) noexcept {
  if (s.is_null()) {
    sum.string_null();
  } else if (s.empty()) {
    sum.string(0, u'\0', u'\0');
  } else {
    sum.string(s.size(), s[0], s[s.size() - 1]);
  }
}

template <class Sum, class Record>
inline void fold_view(Sum& total, const record_view<Record>& c) noexcept {
  // Folded in a local copy: the view's loads are of bytes, which may alias
  // anything, so folding into `total` directly would store it after each field.
  Sum sum = total;
  schema::for_each_field(record_schema<Record>::fields, [&](const auto& f, auto index) {
    using entry = std::remove_cvref_t<decltype(f)>;
    constexpr field_kind kind = field_table<Record>[index].kind;
    if constexpr (kind == field_kind::binary_data) {
      sum.add(c.data_length());
      if (const auto data = c.data(); !data) {
        sum.data_null();
      } else {
        sum.data(data->size(), data->empty() ? 0 : data->front(), data->empty() ? 0 : data->back());
      }
    } else if constexpr (kind == field_kind::lpwstr) {
      fold_string(sum, c.template get<entry::member>());
    } else if constexpr (holds_number(kind)) {
      sum.add(c.template get<entry::member>());
    }
  });
  total = sum;
}

template <class Record>
inline void fold(checksum_builder& total, const record_view<Record>& c) noexcept {
  fold_view(total, c);
}

// The array's header, then each slot as a cursor hands it out: what
// checksum(value) folds for the array. false: the cursor stopped early.
template <class Array>
[[nodiscard]] bool fold_cursor(checksum_builder& sum, array_cursor<Array>& cursor) {
  sum.add(cursor.num_elements());
  if (cursor.clients_is_null()) {
    sum.clients_null();
  } else {
    sum.clients(cursor.size());
  }
  while (cursor.next()) {
    if (const auto client = cursor.current()) {
      fold(sum, *client);
    } else {
      sum.element_null();
    }
  }
  return cursor.complete();
}

// THE CURSOR HOOK — the one function BM_Cursor times: the one-pass cursor
// checks each client when it reaches it and every field is folded as the
// view hook folds it, reading the input once. The checksum counts only for a
// complete, valid pass.
template <class Array = client_info_array>
result<std::uint64_t> cursor_validate_and_read_all(byte_span input, layout wire) {
  auto cursor = open_cursor<Array>(input, wire);
  if (!cursor) return cursor.error_value();
  checksum_builder sum;
  if (!fold_cursor(sum, *cursor)) return *cursor->failure();
  return sum.value();
}

// The fold of one run of records read on its own thread, whose place in the
// whole fold is known only afterwards: checksum_builder's sum of
// value * weight, with the weights counted from the run's first value, plus
// the plain sum of its values and their number. Since a value's weight grows
// by the same step with its position, the whole fold is each run's fold
// shifted by the values before it (combine()).
class run_checksum : public checksum_fields<run_checksum> {
 public:
  void add(std::uint64_t v) noexcept {
    weighted_ += v * weight_;
    weight_ += checksum_builder::weight_step;
    plain_ += v;
    ++count_;
  }

  // Appends this run's values to `whole`, as if folded into it one by one.
  void combine_into(checksum_builder& whole) const noexcept { whole.append(weighted_, plain_, count_); }

  // The array's header, as every run's cursor reports it.
  std::uint32_t num_elements = 0;
  bool clients_null = false;
  std::size_t slots = 0;

 private:
  std::uint64_t weighted_ = 0;
  std::uint64_t weight_ = checksum_builder::first_weight;
  std::uint64_t plain_ = 0;
  std::uint64_t count_ = 0;
};

// THE PARALLEL CURSOR HOOK — BM_Cursor2T: read_in_parallel hands each run
// of records to a thread, which folds every field of its records as the
// cursor hook does; the runs' folds are put together in order. The checksum
// counts only for a complete, valid pass.
template <class Array>
result<std::uint64_t> cursor_read_all_in_parallel(byte_span input, layout wire, const decode_options& options) {
  auto runs = read_in_parallel<Array>(input, wire_format{.wire = wire}, options, [](array_cursor<Array>& cursor) {
    run_checksum sum;
    sum.num_elements = cursor.num_elements();
    sum.clients_null = cursor.clients_is_null();
    sum.slots = cursor.size();
    while (cursor.next()) {
      if (const auto client = cursor.current()) {
        fold_view(sum, *client);
      } else {
        sum.element_null();
      }
    }
    return sum;
  });
  if (!runs) return runs.error_value();
  checksum_builder whole;
  const run_checksum& first = runs->results.front();  // every read gives one run at least
  whole.add(first.num_elements);
  if (first.clients_null) {
    whole.clients_null();
  } else {
    whole.clients(first.slots);
  }
  for (const run_checksum& run : runs->results) run.combine_into(whole);
  return whole.value();
}

}  // namespace dhcpm::bench
