// Must not compile: a cursor over a temporary buffer would dangle at once, so
// open_cursor refuses rvalue vectors, as view_array does. CTest compiles this
// file twice: as is (the build must fail) and with DHCPM_COMPILE_FAIL_CONTROL
// (it must succeed: the failure comes from the deleted overload alone).
#include <cstdint>
#include <vector>

#include "dhcpm/cursor.hpp"

int main() {
#ifdef DHCPM_COMPILE_FAIL_CONTROL
  const std::vector<std::uint8_t> input(8, 0);
  auto cursor = dhcpm::open_cursor<dhcpm::client_info_array>(input, dhcpm::layout::ndr20);
#else
  auto cursor = dhcpm::open_cursor<dhcpm::client_info_array>(std::vector<std::uint8_t>(8, 0), dhcpm::layout::ndr20);
#endif
  return cursor.has_value() ? 0 : 1;
}
