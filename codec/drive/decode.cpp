// decode<Value> (drive/decoding.hpp) for the failover record, its array and
// _EX, and the opnum 98 response.
#include "drive/decoding.hpp"

DHCPM_RECORD_TYPES_PART_1(DHCPM_INSTANTIATE_DECODE)
template dhcpm::result<dhcpm::decoded<dhcpm::get_client_info_response>> dhcpm::decode(dhcpm::byte_span,
                                                                                    const dhcpm::wire_format&,
                                                                                    const dhcpm::decode_options&);
