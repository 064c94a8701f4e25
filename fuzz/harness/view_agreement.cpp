#include "harness/view_agreement.hpp"

#include <algorithm>
#include <string>

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

// Every accessor, then to_value(): a view must be right field by field, not
// only when copied out.
bool same_record(const client_view& v, const client_info& r) {
  return v.client_ip_address() == r.client_ip_address && v.subnet_mask() == r.subnet_mask &&
         same_data(v, r.client_hardware_address) && v.client_name() == r.client_name &&
         v.client_comment() == r.client_comment && v.client_lease_expires() == r.client_lease_expires &&
         v.owner_ip_address() == r.owner_host.ip_address &&
         v.owner_net_bios_name() == r.owner_host.net_bios_name && v.owner_host_name() == r.owner_host.host_name &&
         v.client_type() == r.client_type && v.address_state() == r.address_state && v.status() == r.status &&
         v.probation_ends() == r.probation_ends && v.quarantine_capable() == r.quarantine_capable &&
         v.sent_pot_exp_time() == r.sent_pot_exp_time && v.ack_pot_exp_time() == r.ack_pot_exp_time &&
         v.recv_pot_exp_time() == r.recv_pot_exp_time && v.start_time() == r.start_time &&
         v.clt_last_trans_time() == r.clt_last_trans_time && v.last_bnd_upd_time() == r.last_bnd_upd_time &&
         v.bnd_msg_status() == r.bnd_msg_status && v.policy_name() == r.policy_name && v.flags() == r.flags &&
         v.to_value() == r;
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
