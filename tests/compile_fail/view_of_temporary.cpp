// Must not compile: a view of a temporary buffer would dangle at once, so
// view_array refuses rvalue vectors. CTest compiles this file twice: as is
// (the build must fail) and with DHCPM_COMPILE_FAIL_CONTROL (it must succeed,
// which shows the failure comes from the deleted overload and nothing else).
#include <cstdint>
#include <vector>

#include "dhcpm/view.hpp"

int main() {
#ifdef DHCPM_COMPILE_FAIL_CONTROL
  const std::vector<std::uint8_t> input(8, 0);
  auto view = dhcpm::view_array(input, dhcpm::layout::ndr20);
#else
  auto view = dhcpm::view_array(std::vector<std::uint8_t>(8, 0), dhcpm::layout::ndr20);
#endif
  return view.has_value() ? 0 : 1;
}
