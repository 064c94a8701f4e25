// Structure-aware changes to a record of any type, chosen over its schema:
// a number to a corner (0, 1, the union arms' selectors, the 16-bit limit of
// NDR 2.0 enums, the type's maximum) or a random value; a string to NULL,
// "", a lone surrogate, a long or a fresh name; DHCP_BINARY_DATA to NULL,
// empty or fresh bytes; an array's elements removed, duplicated, added
// (generated or NULL), made NULL, or one of them changed in turn; a pointer
// to a struct made NULL, regenerated or changed inside. What a byte mutator
// rarely gets right — a count and the bytes it counts changing together —
// stays right: every change keeps the value encodable (NumElements the
// element count, DataLength the Data size), and libFuzzer's byte mutation on
// top breaks them on purpose.
#pragma once

#include "dhcpm/generate.hpp"
#include "dhcpm/record_types.hpp"

namespace dhcpm::fuzz {

// One to three changes to the record.
void mutate_record(any_record& record, realistic_generator& g);

}  // namespace dhcpm::fuzz
