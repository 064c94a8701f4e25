"""The Python module's speed beside Impacket's (issue 16): decoding a 100,000-client
DHCP_CLIENT_INFO_PB_ARRAY and the 1,000,000-client DHCPV4_FAILOVER_CLIENT_INFO_ARRAY (NDR 2.0), per
client, from Python:

  decode -> value            dhcpm.decode: one Python object holding the decoded C++ array
  decode -> client objects   the same, then a Python object for every client (iterating Clients)
  cursor                     dhcpm.cursor: each client checked and handed out as it is reached
  Impacket                   Impacket's NDR engine decoding the same bytes (PB only: Impacket has no
                             failover record), on a smaller array when the whole would take longer
                             than a minute, scaled per client

Prints JSON: {"rows": [{"name", "type", "clients", "ns_per_client"}, ...]} (the best of `repeat` runs
of each). scripts/bench runs it with the release build's module and puts the ratios in its table.

    PYTHONPATH=build/release/python python3 benchmarks/python_bench.py [--quick]
"""

import json
import sys
import time

import dhcpm

QUICK = "--quick" in sys.argv


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def rows_for(type_name, clients, repeat):
    value = dhcpm.gen(type_name, seed=1, elements=clients, null_element_percent=0)
    data = dhcpm.encode(value, "ndr20")
    del value

    def objects():
        decoded = dhcpm.decode(data, type_name, "ndr20")
        for _ in decoded.Clients:
            pass

    def cursor():
        for _ in dhcpm.cursor(data, type_name, "ndr20"):
            pass

    out = []
    for name, fn in (("decode -> value", lambda: dhcpm.decode(data, type_name, "ndr20")),
                     ("decode -> client objects", objects), ("cursor", cursor)):
        out.append({"name": name, "type": type_name, "clients": clients,
                    "ns_per_client": best(fn, repeat) * 1e9 / clients})
    return out, data


def impacket_row(data_small, clients):
    try:
        from impacket.dcerpc.v5 import dhcpm as impacket_dhcpm
        from impacket.dcerpc.v5.dtypes import DWORD
        from impacket.dcerpc.v5.ndr import NDRCALL, NDRPOINTER, NDRSTRUCT, NDRUniConformantArray
    except ImportError:
        return None

    # Impacket defines DHCP_CLIENT_INFO_PB and the _V4/_V5/_VQ arrays but not the PB array: built here
    # as Impacket builds DHCP_CLIENT_INFO_ARRAY_VQ, from its own LPDHCP_CLIENT_INFO_PB.
    class Pointers(NDRUniConformantArray):
        item = impacket_dhcpm.LPDHCP_CLIENT_INFO_PB

    class PointersPointer(NDRPOINTER):
        referent = (("Data", Pointers),)

    class PbArray(NDRSTRUCT):
        structure = (("NumElements", DWORD), ("Clients", PointersPointer))

    class TopLevel(NDRCALL):
        structure = (("Value", PbArray),)

    def run():
        TopLevel(isNDR64=False).fromString(data_small)

    return {"name": "Impacket", "type": "DHCP_CLIENT_INFO_PB_ARRAY", "clients": clients,
            "ns_per_client": best(run, 3) * 1e9 / clients}


def main():
    rows = []
    pb_clients = 10_000 if QUICK else 100_000
    failover_clients = 10_000 if QUICK else 1_000_000
    got, _ = rows_for("DHCP_CLIENT_INFO_PB_ARRAY", pb_clients, 3)
    rows += got
    got, _ = rows_for("array", failover_clients, 3)
    rows += got
    # Impacket on 1,000 clients of the same generator (about 1 MB/s: a second or so).
    small = dhcpm.encode(dhcpm.gen("DHCP_CLIENT_INFO_PB_ARRAY", seed=1, elements=1000, null_element_percent=0),
                         "ndr20")
    row = impacket_row(small, 1000)
    if row is not None:
        rows.append(row)
    json.dump({"rows": rows}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
