// The analyzer's workload (issue 15): enumeration responses of at most
// PreferredMaximum bytes, by the thousand. BM_Stubs* decode each of 10,000
// R_DhcpV4EnumSubnetClients response stubs (NDR 2.0, each at most 64 KiB,
// about 200 realistic DHCP_CLIENT_INFO_PB records) on its own:
//
//   BM_StubsMemcpy       memcpy of every stub into one buffer of its size
//   BM_StubsOwning       dhcpm::decode_call of every stub into an owning call_stub
//   BM_StubsView         dhcpm::view_call of every stub (validated whole), then every
//                        field of every client and every DWORD read through the view
//   BM_StubsCursor       dhcpm::open_cursor over every stub's ClientInfo, every
//                        field of every client and every DWORD folded
//   BM_StubsSambaPull    Samba libndr's pidl-style pull of the [out] parameters
//                        of every stub into talloc memory, freed (only with libndr)
//
// Each reports bytes/s over all the stubs' bytes and items/s over their clients.
#pragma once

#include <cstddef>

namespace dhcpm::bench {

// Registers the BM_Stubs* benchmarks over `count` stubs (0: 10,000); their
// data is built when the first of them runs. Names end in /pb-ndr20/<count>.
void register_stub_benchmarks(std::size_t count = 0);

}  // namespace dhcpm::bench
