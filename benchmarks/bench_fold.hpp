// How the reading benchmarks prove they read: every field of every record
// handed out by a view or a cursor is folded into a checksum_builder
// (bench_data.hpp) exactly as checksum(value) folds the owning value, so a
// benchmark's result can be compared with the value that was encoded.
#pragma once

#include <cstdint>
#include <type_traits>

#include "bench_data.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/record_view.hpp"
#include "dhcpm/schema.hpp"

namespace dhcpm::bench {

[[gnu::always_inline]] inline void fold_string(checksum_builder& sum, const utf16_view& s) noexcept {
  if (s.is_null()) {
    sum.string_null();
  } else if (s.empty()) {
    sum.string(0, u'\0', u'\0');
  } else {
    sum.string(s.size(), s[0], s[s.size() - 1]);
  }
}

template <class Record>
inline void fold(checksum_builder& total, const record_view<Record>& c) noexcept {
  // Folded in a local copy: the view's loads are of bytes, which may alias
  // anything, so folding into `total` directly would store it after each field.
  checksum_builder sum = total;
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

}  // namespace dhcpm::bench
