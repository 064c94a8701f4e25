#include "harness/cursor_agreement.hpp"

#include <string>

#include "dhcpm/cursor.hpp"
#include "dhcpm/record_types.hpp"
#include "harness/fuzz_check.hpp"
#include "harness/resource_bound.hpp"
#include "support/vectors.hpp"

namespace dhcpm::fuzz {
namespace {

bool same_error(const error& a, const error& b) { return a.code == b.code && a.offset == b.offset && a.path == b.path; }

template <class Array>
void check(byte_span input, layout wire, const decode_options& options, const std::string& what) {
  const wire_format format{.wire = wire};
  const auto owning = bounded(input.size(), "decode " + what, [&] { return decode<Array>(input, format, options); });
  auto cursor = bounded(input.size(), "open_cursor " + what, [&] { return open_cursor<Array>(input, format, options); });
  if (!cursor) {
    require_no_internal_error(cursor.error_value(), what);
    if (owning) report_bug("decode accepts, the cursor does not open", what + ": " + test::describe(cursor.error_value()));
    if (!same_error(owning.error_value(), cursor.error_value())) {
      report_bug("decode and open_cursor report different errors",
                 what + "\ndecode: " + test::describe(owning.error_value()) + "\ncursor: " + test::describe(cursor.error_value()));
    }
    return;
  }
  const auto* list = owning && owning->value.clients ? &*owning->value.clients : nullptr;
  if (owning) {
    require(cursor->num_elements() == owning->value.num_elements &&
                cursor->clients_is_null() == !owning->value.clients.has_value() &&
                cursor->size() == (list ? list->size() : 0),
            "the cursor and decode disagree on the array's header");
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
  if (!owning) {
    require(!cursor->complete(), "decode refuses an input the cursor completes");
    require_no_internal_error(*cursor->failure(), what);
    if (!same_error(owning.error_value(), *cursor->failure())) {
      report_bug("decode and the cursor report different errors",
                 what + "\ndecode: " + test::describe(owning.error_value()) + "\ncursor: " + test::describe(*cursor->failure()));
    }
    return;
  }
  if (!cursor->complete()) report_bug("decode accepts, the cursor stops", what + ": " + test::describe(*cursor->failure()));
  require(slot == cursor->size(), "the cursor ends before the last slot");
  require(std::equal(owning->warnings.begin(), owning->warnings.end(), cursor->warnings().begin(),
                     cursor->warnings().end(), same_error),
          "the cursor and decode report different warnings");
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

}  // namespace dhcpm::fuzz
