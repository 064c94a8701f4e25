#include "harness/fuzz_check.hpp"

#include <cstdio>
#include <cstdlib>

namespace dhcpm::fuzz {

void report_bug(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "dhcpm fuzz: BUG: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
  std::fflush(stderr);
  std::abort();
}

void require_no_internal_error(const error& e, std::string_view what) {
  if (e.code == error_code::internal_error) report_bug(what, "internal_error: " + format_error(e));
}

void require_validate_agrees(const std::optional<error>& failure, const std::vector<error>& warnings,
                             const result<std::vector<error>>& validated, const std::string& what) {
  if (validated.has_value() == failure.has_value()) {
    report_bug("validate and decode disagree on accepting the input", what);
  } else if (failure && !(validated.error_value() == *failure)) {
    report_bug("validate and decode report different errors",
               what + "\ndecode:   " + format_error(*failure) + "\nvalidate: " + format_error(validated.error_value()));
  } else if (!failure && !(*validated == warnings)) {
    report_bug("validate and decode report different warnings", what);
  }
}

void require_dissect_agrees(const std::optional<error>& failure, const dissection& d, bool tiles,
                            const std::string& what) {
  if (failure) {
    if (!d.stopped) report_bug("dissect went on where decode stopped", what + "\ndecode: " + format_error(*failure));
    return;
  }
  if (d.stopped) report_bug("dissect stopped where decode did not", what + "\ndissect: " + format_error(*d.stopped));
  if (!tiles) return;
  std::size_t end = 0;
  for (const region& r : d.regions) {
    require(r.offset == end, "dissect's regions leave a gap or overlap");
    end = r.offset + r.length;
  }
  require(end == d.consumed, "dissect's regions stop short of what it consumed");
}

}  // namespace dhcpm::fuzz
