#!/usr/bin/env python3
"""dhcpm and Impacket read each other's bytes (issue 14's interoperability check).

For every vector in tests/vectors/family whose type Impacket's dhcpm.py defines
(DHCP_CLIENT_INFO_V4/_V5/_VQ/_PB, the arrays _V4/_V5/_VQ and DHCP_SEARCH_INFO), in NDR 2.0 and
NDR64:
  1. dhcpm's bytes (`dhcpm encode` of the vector's JSON) decode in Impacket to
     the vector's value;
  2. Impacket's bytes for that value decode in dhcpm (`dhcpm decode`) to the
     same value. Impacket fills alignment padding with non-zero bytes and
     leaves off the trailing NDR64 pad of a top-level struct: the checks below
     say which of those dhcpm's strict mode refuses, and that lenient mode
     reads them with the warning that names the defect.

    impacket_interop.py DHCPM_BINARY VECTOR_DIR

Exits 0 when every check holds, 1 otherwise, 77 (CTest's skip) when Impacket
cannot be imported. Prints one line per type with its agreement counts.
"""
import ipaddress
import json
import os
import subprocess
import sys
import tempfile

try:
    from impacket.dcerpc.v5 import dhcpm as impacket_dhcpm
    from impacket.dcerpc.v5.ndr import NDRCALL, NDRPOINTER, NDRSTRUCT, NULL
except ImportError as e:  # python3-impacket is an optional test package
    print(f"skipped: Impacket cannot be imported ({e}); install python3-impacket", file=sys.stderr)
    sys.exit(77)

IP_FIELDS = {"ClientIpAddress", "SubnetMask", "IpAddress"}

# dhcpm's type name -> Impacket's class (the types Impacket defines).
TYPES = {
    "DHCP_CLIENT_INFO_V4": impacket_dhcpm.DHCP_CLIENT_INFO_V4,
    "DHCP_CLIENT_INFO_V5": impacket_dhcpm.DHCP_CLIENT_INFO_V5,
    "DHCP_CLIENT_INFO_VQ": impacket_dhcpm.DHCP_CLIENT_INFO_VQ,
    "DHCP_CLIENT_INFO_PB": impacket_dhcpm.DHCP_CLIENT_INFO_PB,
    "DHCP_CLIENT_INFO_ARRAY_V4": impacket_dhcpm.DHCP_CLIENT_INFO_ARRAY_V4,
    "DHCP_CLIENT_INFO_ARRAY_V5": impacket_dhcpm.DHCP_CLIENT_INFO_ARRAY_V5,
    "DHCP_CLIENT_INFO_ARRAY_VQ": impacket_dhcpm.DHCP_CLIENT_INFO_ARRAY_VQ,
    "DHCP_SEARCH_INFO": impacket_dhcpm.DHCP_SEARCH_INFO,
}


def top_level(cls):
    """A top-level parameter of type cls: Impacket writes and reads the
    deferred pointees only for a call's parameters (NDRCALL)."""

    class TopLevel(NDRCALL):
        structure = (("Value", cls),)

    return TopLevel


def is_null(pointer):
    return pointer.fields.get("ReferentID", 0) == 0


# DHCP_SEARCH_INFO's arms by SearchType (tests/vectors/family/README.md, "Unions").
SEARCH_ARMS = {0: "ClientIpAddress", 1: "ClientHardwareAddress", 2: "ClientName"}


def to_plain(struct):
    """An Impacket struct as the JSON form (tests/vectors/family/README.md)."""
    out = {}
    for name, _ in struct.structure:
        out.update(member_to_plain(struct, name))
    return out


def member_to_plain(struct, name):
    """One member of an Impacket struct (or union arm) as {name: JSON value}."""
    out = {}
    field = struct.fields[name]
    if name == "SearchInfo":  # the union: its own tag, then the arm it selects
        tag = field["tag"]
        out[name] = {"SearchType": tag, **member_to_plain(field, SEARCH_ARMS[tag])}
    elif name in IP_FIELDS:
        out[name] = str(ipaddress.IPv4Address(struct[name]))
    elif name == "ClientHardwareAddress":
        data = field.fields["Data_"]
        out[name] = {"DataLength": field["DataLength"],
                     "Data": None if is_null(data) else b"".join(data["Data"]).hex()}
    elif name in ("ClientLeaseExpires", "ProbationEnds"):
        out[name] = field["dwHighDateTime"] << 32 | field["dwLowDateTime"]
    elif name == "OwnerHost":
        out[name] = to_plain(field)
    elif name == "Clients":
        out[name] = None if is_null(field) else [
            None if is_null(element) else to_plain(element["Data"]) for element in field["Data"]]
    elif isinstance(field, NDRPOINTER):  # LPWSTR
        out[name] = None if is_null(field) else struct[name].rstrip("\x00")
    elif isinstance(field, NDRSTRUCT):
        raise ValueError(f"no JSON form for {name}")
    else:
        out[name] = struct[name]
    return out


def from_plain(struct, value):
    """Fills an Impacket struct from the JSON form."""
    for name, _ in struct.structure:
        member_from_plain(struct, name, value[name])


def member_from_plain(struct, name, v):
    """Sets one member of an Impacket struct (or union arm) from its JSON value."""
    if name == "SearchInfo":
        struct[name]["tag"] = v["SearchType"]
        arm = SEARCH_ARMS[v["SearchType"]]
        member_from_plain(struct[name], arm, v[arm])
        return
    field = struct.fields[name]
    if name in IP_FIELDS:
        struct[name] = int(ipaddress.IPv4Address(v))
    elif name == "ClientHardwareAddress":
        field["DataLength"] = v["DataLength"]
        field["Data_"] = NULL if v["Data"] is None else [bytes([b]) for b in bytes.fromhex(v["Data"])]
    elif name in ("ClientLeaseExpires", "ProbationEnds"):
        field["dwLowDateTime"] = v & 0xFFFFFFFF
        field["dwHighDateTime"] = v >> 32
    elif name == "OwnerHost":
        from_plain(field, v)
    elif name == "Clients":
        if v is None:
            struct[name] = NULL
            return
        element_pointer = field.fields["Data"].item
        for element in v:
            if element is None:  # Impacket's NULL: 4 zero bytes, in NDR64 too (a known defect)
                field["Data"].append(NULL)
                continue
            pointer = element_pointer(isNDR64=struct._isNDR64)
            from_plain(pointer["Data"], element)
            field["Data"].append(pointer)
    elif isinstance(field, NDRPOINTER):  # LPWSTR
        struct[name] = NULL if v is None else v + "\x00"
    else:
        struct[name] = v


def packs_two_nulls(value):
    """An array value with two NULL elements in a row."""
    clients = value.get("Clients") or []
    return any(a is None and b is None for a, b in zip(clients, clients[1:]))


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, **kwargs)


def main():
    dhcpm, vector_dir = sys.argv[1], sys.argv[2]
    index = json.load(open(os.path.join(vector_dir, "index.json")))
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        for type_name, cls in TYPES.items():
            counts = {"impacket reads dhcpm": 0, "dhcpm reads impacket": 0, "lenient only": 0,
                      "impacket malformed": 0}
            for name, entry in index.items():
                if entry.get("type") != type_name:
                    continue
                json_path = os.path.join(vector_dir, name + ".json")
                expected = json.load(open(json_path))
                for layout, ndr64 in (("ndr20", False), ("ndr64", True)):
                    what = f"{name} {layout}"
                    # 1. dhcpm's bytes in Impacket.
                    ours = os.path.join(scratch, "dhcpm.bin")
                    encoded = run([dhcpm, "encode", "--type", type_name, "--layout", layout, json_path, "-o", ours])
                    if encoded.returncode != 0:
                        print(f"FAIL {what}: dhcpm encode: {encoded.stderr.decode()}")
                        failures += 1
                        continue
                    parsed = top_level(cls)(isNDR64=ndr64)
                    parsed.fromString(open(ours, "rb").read())
                    if to_plain(parsed["Value"]) != expected:
                        print(f"FAIL {what}: Impacket reads dhcpm's bytes as {to_plain(parsed['Value'])}")
                        failures += 1
                    else:
                        counts["impacket reads dhcpm"] += 1
                    # 2. Impacket's bytes in dhcpm.
                    built = top_level(cls)(isNDR64=ndr64)
                    from_plain(built["Value"], expected)
                    theirs = os.path.join(scratch, "impacket.bin")
                    open(theirs, "wb").write(built.getData())
                    strict = run([dhcpm, "decode", "--type", type_name, "--layout", layout, theirs])
                    if strict.returncode == 0 and json.loads(strict.stdout) == expected:
                        counts["dhcpm reads impacket"] += 1
                        continue
                    lenient = run([dhcpm, "decode", "--lenient", "--type", type_name, "--layout", layout, theirs])
                    warnings = lenient.stderr.decode()
                    # The known defects, each with the warning that names it.
                    known = "missing_trailing_pad" in warnings or "invalid_referent_id" in warnings
                    if lenient.returncode == 0 and json.loads(lenient.stdout) == expected and known:
                        counts["dhcpm reads impacket"] += 1
                        counts["lenient only"] += 1
                    elif ndr64 and packs_two_nulls(expected) and strict.returncode == 1 and lenient.returncode == 1:
                        # Impacket writes an NDR64 NULL element as 4 bytes; two in a row
                        # share one 8-byte slot, so its array is 8 bytes short per pair and
                        # no decoder can read it. dhcpm refuses it with an ordinary error.
                        counts["impacket malformed"] += 1
                    else:
                        print(f"FAIL {what}: dhcpm reads Impacket's bytes: strict {strict.stderr.decode().strip()}; "
                              f"lenient {warnings.strip()}")
                        failures += 1
            print(f"{type_name}: Impacket reads dhcpm {counts['impacket reads dhcpm']}, dhcpm reads Impacket "
                  f"{counts['dhcpm reads impacket']} ({counts['lenient only']} of them only leniently), "
                  f"Impacket's bytes malformed {counts['impacket malformed']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
