// The family's arrays, the unions, the property array, DHCP_CLIENT_INFO_EX and its array.
#include "records.hpp"

namespace dhcpm::python {

void bind_records_part_2(py::module_& m) {
#define DHCPM_PY_BIND(R) bind_record<R>(m);
  DHCPM_RECORD_TYPES_PART_3(DHCPM_PY_BIND)
  DHCPM_RECORD_TYPES_PART_4(DHCPM_PY_BIND)
#undef DHCPM_PY_BIND
}

}  // namespace dhcpm::python
