// The failover record, its array and its _EX, and the family's records up to _PB.
#include "records.hpp"

namespace dhcpm::python {

void bind_records_part_1(py::module_& m) {
#define DHCPM_PY_BIND(R) bind_record<R>(m);
  DHCPM_RECORD_TYPES_PART_1(DHCPM_PY_BIND)
  DHCPM_RECORD_TYPES_PART_2(DHCPM_PY_BIND)
#undef DHCPM_PY_BIND
}

}  // namespace dhcpm::python
