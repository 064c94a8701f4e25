// decode<Value> (drive/decoding.hpp) for the rest of the family: the unions,
// the property array, DHCP_CLIENT_INFO_EX and its array.
#include "drive/decoding.hpp"

DHCPM_RECORD_TYPES_PART_4(DHCPM_INSTANTIATE_DECODE)
