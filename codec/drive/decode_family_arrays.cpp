// decode<Value> (drive/decoding.hpp) for the family's _ARRAYs up to _PB_ARRAY.
#include "drive/decoding.hpp"

DHCPM_RECORD_TYPES_PART_3(DHCPM_INSTANTIATE_DECODE)
