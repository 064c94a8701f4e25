#include "harness/view_agreement.hpp"

#include <algorithm>
#include <string>
#include <type_traits>

#include "harness/fuzz_check.hpp"
#include "support/vectors.hpp"

namespace dhcpm::fuzz {
namespace {

bool same_error(const error& a, const error& b) { return a.code == b.code && a.offset == b.offset && a.path == b.path; }

bool same_data(const client_view& v, const binary_data& d) {
  const auto bytes = v.data();
  if (v.data_length() != d.data_length || bytes.has_value() != d.data.has_value()) return false;
  return !bytes || std::equal(bytes->begin(), bytes->end(), d.data->begin(), d.data->end());
}

// Every field through its accessor (in schema order), then to_value(): a
// view must be right field by field, not only when copied out.
bool same_record(const client_view& v, const client_info& r) {
  bool same = true;
  schema::for_each_field(record_schema<client_info>::fields, [&](const auto& f, auto index) {
    using entry = std::remove_cvref_t<decltype(f)>;
    constexpr field_kind kind = field_table<client_info>[index].kind;
    if constexpr (kind == field_kind::binary_data) {
      same = same && same_data(v, f.of(r));
    } else if constexpr (kind != field_kind::structure) {
      same = same && v.get<entry::member>() == f.of(r);
    }
  });
  return same && v.to_value() == r;
}

void require_same_elements(const array_view& view, const client_list& list, const std::string& what) {
  require(view.size() == list.size() && view.record_count() == list.record_count(),
          "view and owning decode have different element counts");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::optional<client_view> element = view[i];
    const client_info* record = list[i];
    require(view.is_null(i) == (record == nullptr) && element.has_value() == (record != nullptr),
            "view and owning decode disagree on a NULL element");
    if (record != nullptr && !same_record(*element, *record)) {
      report_bug("a view's record differs from the owning decode's", what + ": element " + std::to_string(i));
    }
  }
  for (std::size_t k = 0; k < list.record_count(); ++k) {
    if (!same_record(view.record(k), list.record(k))) {
      report_bug("a view's k-th record differs from the owning decode's", what + ": record " + std::to_string(k));
    }
  }
}

}  // namespace

void require_view_agrees(const result<decoded<client_info_array>>& owning, const result<array_view>& view,
                         std::string_view what_view) {
  const std::string what(what_view);
  require_no_internal_error(owning, what);
  require_no_internal_error(view, what);
  if (owning.has_value() != view.has_value()) {
    report_bug("the owning decode and the view disagree on accepting the input",
               what + ": " + test::describe(owning ? view.error_value() : owning.error_value()));
  }
  if (!owning) {
    if (!same_error(owning.error_value(), view.error_value())) {
      report_bug("the owning decode and the view report different errors",
                 what + "\nowning: " + test::describe(owning.error_value()) +
                     "\nview:   " + test::describe(view.error_value()));
    }
    return;
  }
  const std::vector<error>& warnings = owning->warnings;
  if (!std::equal(warnings.begin(), warnings.end(), view->warnings().begin(), view->warnings().end(), same_error)) {
    report_bug("the owning decode and the view report different warnings",
               what + "\nowning: " + test::describe(warnings) + "\nview:   " + test::describe(view->warnings()));
  }
  const client_info_array& value = owning->value;
  require(view->num_elements() == value.num_elements && view->clients_is_null() == !value.clients,
          "view and owning decode disagree on NumElements or a NULL Clients");
  if (value.clients) require_same_elements(*view, *value.clients, what);
  require(view->to_value() == value, "a view's to_value() differs from the owning decode");
}

}  // namespace dhcpm::fuzz
