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

}  // namespace dhcpm::fuzz
