// decode<Value> (drive/decoding.hpp) for the family's records up to _PB.
#include "drive/decoding.hpp"

DHCPM_RECORD_TYPES_PART_2(DHCPM_INSTANTIATE_DECODE)
