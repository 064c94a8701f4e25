#include "harness/cursor_agreement.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dhcpm/call.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/view.hpp"
#include "dhcpm/record_types.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/resource_bound.hpp"
#include "support/vectors.hpp"

namespace dhcpm::fuzz {
namespace {

bool same_error(const error& a, const error& b) { return a.code == b.code && a.offset == b.offset && a.path == b.path; }

// What decode made of an input: its error, or its warnings and the array
// (nullptr for a NULL pointer to it).
template <class Array>
struct owning_result {
  std::optional<error> refused;
  const Array* array = nullptr;
  const std::vector<error>* warnings = nullptr;
};

// The cursor against decode's result, element by element, then its end.
// true: both accepted.
template <class Array>
bool compare(const owning_result<Array>& owning, result<array_cursor<Array>>& cursor, const std::string& what) {
  if (!cursor) {
    require_no_internal_error(cursor.error_value(), what);
    if (!owning.refused) report_bug("decode accepts, the cursor does not open", what + ": " + test::describe(cursor.error_value()));
    if (!same_error(*owning.refused, cursor.error_value())) {
      report_bug("decode and open_cursor report different errors",
                 what + "\ndecode: " + test::describe(*owning.refused) + "\ncursor: " + test::describe(cursor.error_value()));
    }
    return false;
  }
  const Array* array = owning.array;
  const auto* list = array && array->clients ? &*array->clients : nullptr;
  if (!owning.refused) {
    require(cursor->is_null() == (array == nullptr), "the cursor and decode disagree on a NULL pointer");
    if (array != nullptr) {
      require(cursor->num_elements() == array->num_elements && cursor->clients_is_null() == !array->clients.has_value() &&
                  cursor->size() == (list ? list->size() : 0),
              "the cursor and decode disagree on the array's header");
    }
  }
  std::size_t slot = 0;
  while (cursor->next()) {
    require(cursor->index() == slot, "the cursor skips a slot");
    if (list != nullptr) {
      const auto* record = slot < list->size() ? (*list)[slot] : nullptr;
      const auto element = cursor->current();
      require(slot < list->size() && element.has_value() == (record != nullptr),
              "the cursor and decode disagree on a NULL element");
      if (record != nullptr && !(element->to_value() == *record)) {
        report_bug("a cursor's record differs from decode's", what + ": element " + std::to_string(slot));
      }
    }
    ++slot;
  }
  if (owning.refused) {
    require(!cursor->complete(), "decode refuses an input the cursor completes");
    require_no_internal_error(*cursor->failure(), what);
    if (!same_error(*owning.refused, *cursor->failure())) {
      report_bug("decode and the cursor report different errors",
                 what + "\ndecode: " + test::describe(*owning.refused) + "\ncursor: " + test::describe(*cursor->failure()));
    }
    return false;
  }
  if (!cursor->complete()) report_bug("decode accepts, the cursor stops", what + ": " + test::describe(*cursor->failure()));
  require(slot == cursor->size(), "the cursor ends before the last slot");
  require(std::equal(owning.warnings->begin(), owning.warnings->end(), cursor->warnings().begin(),
                     cursor->warnings().end(), same_error),
          "the cursor and decode report different warnings");
  return true;
}

// The view of the same array (view_of<Array>) against decode's result.
template <class Array>
void compare_view(byte_span input, const wire_format& format, const decode_options& options,
                  const result<decoded<Array>>& owned, const std::string& what) {
  const auto view = bounded(input.size(), "view_of " + what, [&] { return view_of<Array>(input, format, options); });
  if (!view || !owned) {
    if (!view) require_no_internal_error(view.error_value(), what);
    require(view.has_value() == owned.has_value(), "decode and the view disagree on accepting");
    if (!view && !same_error(owned.error_value(), view.error_value())) {
      report_bug("decode and view_of report different errors",
                 what + "\ndecode: " + test::describe(owned.error_value()) + "\nview: " + test::describe(view.error_value()));
    }
    return;
  }
  require(std::equal(owned->warnings.begin(), owned->warnings.end(), view->warnings().begin(), view->warnings().end(),
                     same_error),
          "the view and decode report different warnings");
  require(view->to_value() == owned->value, "the view's elements differ from decode's");
}

// read_in_parallel on three threads, with pieces small enough that every
// input with records is split, against decode's result: the runs' records
// put end to end are decode's, or the error is decode's.
template <class Array>
void compare_parallel(byte_span input, const wire_format& format, const decode_options& options,
                      const result<decoded<Array>>& owned, const std::string& what) {
  decode_options threaded = options;
  threaded.threads = 3;
  threaded.bytes_per_thread = 16;
  using record = typename Array::element;
  const auto got = read_in_parallel<Array>(input, format, threaded, [](array_cursor<Array>& cursor) {
    std::vector<std::optional<record>> out;
    while (cursor.next()) {
      const auto r = cursor.current();
      out.push_back(r ? std::optional<record>(r->to_value()) : std::nullopt);
    }
    return out;
  });
  if (!got || !owned) {
    require(got.has_value() == owned.has_value(), "decode and read_in_parallel disagree on accepting");
    if (!got) {
      require_no_internal_error(got.error_value(), what);
      if (!same_error(owned.error_value(), got.error_value())) {
        report_bug("decode and read_in_parallel report different errors",
                   what + "\ndecode: " + test::describe(owned.error_value()) + "\nparallel: " + test::describe(got.error_value()));
      }
    }
    return;
  }
  require(std::equal(owned->warnings.begin(), owned->warnings.end(), got->warnings.begin(), got->warnings.end(),
                      same_error),
          "read_in_parallel and decode report different warnings");
  const auto* list = owned->value.clients ? &*owned->value.clients : nullptr;
  std::size_t slot = 0;
  for (const auto& run : got->results) {
    for (const auto& r : run) {
      const record* expected = list != nullptr && slot < list->size() ? (*list)[slot] : nullptr;
      require(list != nullptr && slot < list->size() && r.has_value() == (expected != nullptr) &&
                  (!r || *r == *expected),
              "read_in_parallel's records differ from decode's");
      ++slot;
    }
  }
  require(slot == (list ? list->size() : 0), "read_in_parallel hands out another number of records");
}

template <class Array>
void check(byte_span input, layout wire, const decode_options& options, const std::string& what) {
  const wire_format format{.wire = wire};
  const auto owned = bounded(input.size(), "decode " + what, [&] { return decode<Array>(input, format, options); });
  compare_view(input, format, options, owned, what);
  compare_parallel(input, format, options, owned, what);
  auto cursor = bounded(input.size(), "open_cursor " + what, [&] { return open_cursor<Array>(input, format, options); });
  owning_result<Array> owning;
  if (owned) {
    owning.array = &owned->value;
    owning.warnings = &owned->warnings;
  } else {
    owning.refused = owned.error_value();
  }
  compare(owning, cursor, what);
}

// The array parameter of a stub and the cursor over it; the DWORDs too.
template <class Array>
void check_stub(call_stub_type type, std::size_t param, byte_span input, layout wire, const decode_options& options,
                const result<decoded<call_stub>>& decoded, const std::string& what) {
  auto cursor = bounded(input.size(), "open_cursor " + what, [&] { return open_cursor<Array>(input, type, wire, options); });
  owning_result<Array> owning;
  if (decoded) {
    const auto& value = std::get<std::optional<any_record>>(decoded->value.params[param]);
    owning.array = value ? &std::get<Array>(*value) : nullptr;
    owning.warnings = &decoded->warnings;
  } else {
    owning.refused = decoded.error_value();
  }
  if (!compare(owning, cursor, what)) return;
  const auto params = type.params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i != param) {
      require(cursor->dword(params[i].name) == std::get<std::uint32_t>(decoded->value.params[i]),
              "the cursor and decode_call disagree on a DWORD parameter");
    }
  }
}

}  // namespace

void require_cursor_agrees(value_type type, byte_span input, layout wire, const decode_options& options,
                           std::string_view what) {
  if (is_native(wire)) return;
  with_record_type(type, [&](auto t) {
    using Record = typename decltype(t)::type;
    if constexpr (is_record_array<Record>) check<Record>(input, wire, options, "cursor " + std::string(what));
  });
}

void require_call_cursor_agrees(call_stub_type type, byte_span input, layout wire, const decode_options& options,
                                const result<decoded<call_stub>>& decoded, std::string_view what) {
  const auto params = type.params();
  std::optional<std::size_t> param;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].kind == param_kind::unique_string) return;
    if (params[i].kind == param_kind::ref_record || params[i].kind == param_kind::unique_record) {
      if (param) return;
      param = i;
    }
  }
  if (!param) return;
  with_record_type(params[*param].type, [&](auto t) {
    using Record = typename decltype(t)::type;
    if constexpr (is_record_array<Record>) {
      check_stub<Record>(type, *param, input, wire, options, decoded, "call cursor " + std::string(what));
    }
  });
}

}  // namespace dhcpm::fuzz
