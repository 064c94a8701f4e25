#!/usr/bin/env python3
"""dhcpm and Impacket read each other's bytes (issue 14's interoperability check).

Calls: for every call whose method class Impacket's dhcpm.py defines
(DhcpGetClientInfoV4, DhcpEnumSubnetClientsV4, DhcpEnumSubnetClientsV5,
DhcpEnumSubnetClientsVQ, DhcpV4GetClientInfo), request and response, the same
two checks on stub data: the golden stubs of a call with the same parameters,
and generated stubs (`dhcpm gen --call`). Where Impacket's class declares a
parameter other than the spec IDL does (a ResumeHandle that is a pointer, a
response without its return value), that direction is listed as Impacket's
defect, found from Impacket's own declarations, and not compared.

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


# dhcpm's call -> Impacket's request and response classes (the calls Impacket defines).
CALLS = {
    "R_DhcpGetClientInfoV4": ("DhcpGetClientInfoV4", "DhcpGetClientInfoV4Response"),
    "R_DhcpEnumSubnetClientsV4": ("DhcpEnumSubnetClientsV4", "DhcpEnumSubnetClientsV4Response"),
    "R_DhcpEnumSubnetClientsV5": ("DhcpEnumSubnetClientsV5", "DhcpEnumSubnetClientsV5Response"),
    "R_DhcpEnumSubnetClientsVQ": ("DhcpEnumSubnetClientsVQ", "DhcpEnumSubnetClientsVQResponse"),
    "R_DhcpV4GetClientInfo": ("DhcpV4GetClientInfo", "DhcpV4GetClientInfoResponse"),
}
# Golden stubs of other calls with the same parameters (tests/vectors/family/README.md).
SAME_PARAMETERS = {"R_DhcpV4FailoverGetClientInfo.request": "R_DhcpV4GetClientInfo"}
# Impacket's names of parameters, where they differ from the spec IDL's.
IMPACKET_NAMES = {"ErrorCode": "ReturnValue", "ClientsInfo": "ClientInfo"}
CALL_IP_PARAMETERS = {"SubnetAddress"}
GENERATED_SEEDS = range(1, 9)


def call_to_plain(call):
    """An Impacket NDRCALL's parameters as dhcpm's call JSON."""
    out = {}
    for name, _ in call.structure:
        field = call.fields[name]
        key = IMPACKET_NAMES.get(name, name)
        if name == "ServerIpAddress":
            out[key] = None if is_null(field) else call[name].rstrip("\x00")
        elif name == "SearchInfo":
            out[key] = to_plain(field)
        elif isinstance(field, NDRPOINTER):  # a [unique] record, or a pointer to a DWORD
            out[key] = None if is_null(field) else to_plain(field["Data"])
        elif name in CALL_IP_PARAMETERS:
            out[key] = str(ipaddress.IPv4Address(call[name]))
        else:
            out[key] = call[name]
    return out


def call_from_plain(call, value):
    """Fills an Impacket NDRCALL from dhcpm's call JSON."""
    for name, _ in call.structure:
        v = value[IMPACKET_NAMES.get(name, name)]
        field = call.fields[name]
        if name == "ServerIpAddress":
            call[name] = NULL if v is None else v + "\x00"
        elif name == "SearchInfo":
            from_plain(field, v)
        elif isinstance(field, NDRPOINTER):
            if v is None:
                call[name] = NULL
            else:
                from_plain(field["Data"], v)
        elif name in CALL_IP_PARAMETERS:
            call[name] = int(ipaddress.IPv4Address(v))
        else:
            call[name] = v


def impacket_defect(cls, params):
    """Why Impacket's class cannot carry the spec's stub, or None: a DWORD
    parameter it declares a pointer, or a parameter it leaves out."""
    declared = {IMPACKET_NAMES.get(name, name): kind for name, kind in cls.structure}
    for name in params:
        if name not in declared:
            return f"Impacket's {cls.__name__} has no {name}"
    for name in ("ResumeHandle", "ClientsRead", "ClientsTotal", "PreferredMaximum"):
        kind = declared.get(name)
        if kind is not None and isinstance(kind, type) and issubclass(kind, NDRPOINTER):
            return f"Impacket's {cls.__name__} declares {name} a pointer; the IDL's [in,out] DWORD* is [ref]"
    return None


def misaligns_search_info(value, ndr64):
    """Impacket aligns a DHCP_SEARCH_INFO parameter to 2 bytes (its union's
    tag) where NDR aligns the struct to its most aligned member, 4: the two
    disagree in NDR 2.0 when the ServerIpAddress string before it ends 2 bytes
    past a 4-byte boundary (an odd number of units, terminator included)."""
    server = value.get("ServerIpAddress")
    if ndr64 or "SearchInfo" not in value or server is None:
        return False
    units = len(server.encode("utf-16-le")) // 2 + 1
    return units % 2 == 1


def call_values(dhcpm, vector_dir, index, method, direction):
    """(name, JSON value) of every stub to compare: golden ones, then generated ones."""
    values = []
    for name, entry in index.items():
        if entry.get("direction") != direction:
            continue
        call = entry.get("call")
        if call == method or SAME_PARAMETERS.get(f"{call}.{direction}") == method:
            values.append((name, json.load(open(os.path.join(vector_dir, name + ".json")))))
    for seed in GENERATED_SEEDS:
        made = run([dhcpm, "gen", "--call", method, "--direction", direction, "--seed", str(seed), "--elements", "3"])
        if made.returncode != 0:
            raise RuntimeError(f"dhcpm gen --call {method}: {made.stderr.decode()}")
        values.append((f"{method}.{direction}.seed-{seed}", json.loads(made.stdout)))
    return values


def check_calls(dhcpm, vector_dir, index, scratch):
    failures = 0
    for method, class_names in CALLS.items():
        for direction, class_name in zip(("request", "response"), class_names):
            cls = getattr(impacket_dhcpm, class_name)
            values = call_values(dhcpm, vector_dir, index, method, direction)
            defect = impacket_defect(cls, values[0][1].keys())
            if defect:
                print(f"{method} {direction}: not compared ({len(values)} stubs): {defect}")
                continue
            counts = {"impacket reads dhcpm": 0, "dhcpm reads impacket": 0, "lenient only": 0,
                      "impacket malformed": 0, "impacket misaligned": 0}
            for name, expected in values:
                stub = os.path.join(scratch, "stub.json")
                json.dump(expected, open(stub, "w"))
                for layout, ndr64 in (("ndr20", False), ("ndr64", True)):
                    what = f"{name} {layout}"
                    selection = ["--call", method, "--direction", direction, "--layout", layout]
                    ours = os.path.join(scratch, "dhcpm.bin")
                    encoded = run([dhcpm, "encode", *selection, stub, "-o", ours])
                    if encoded.returncode != 0:
                        print(f"FAIL {what}: dhcpm encode: {encoded.stderr.decode()}")
                        failures += 1
                        continue
                    if misaligns_search_info(expected, ndr64):
                        # Both readings must disagree, each at the search: the defect and nothing else.
                        parsed = cls(isNDR64=ndr64)
                        parsed.fromString(open(ours, "rb").read())
                        built = cls(isNDR64=ndr64)
                        call_from_plain(built, expected)
                        theirs = os.path.join(scratch, "impacket.bin")
                        open(theirs, "wb").write(built.getData())
                        ours_bytes, theirs_bytes = open(ours, "rb").read(), built.getData()
                        # The string ends at `end`; NDR puts SearchType and the tag at end + 2, Impacket at end.
                        end = 16 + 2 * (len(expected["ServerIpAddress"].encode("utf-16-le")) // 2 + 1)
                        shifted = (len(ours_bytes) == len(theirs_bytes)
                                   and ours_bytes[end + 2:end + 6] == theirs_bytes[end:end + 4])
                        if call_to_plain(parsed) != expected and shifted:
                            counts["impacket misaligned"] += 1
                        else:
                            print(f"FAIL {what}: expected Impacket's 2-byte DHCP_SEARCH_INFO alignment to show")
                            failures += 1
                        continue
                    parsed = cls(isNDR64=ndr64)
                    parsed.fromString(open(ours, "rb").read())
                    if call_to_plain(parsed) != expected:
                        print(f"FAIL {what}: Impacket reads dhcpm's bytes as {call_to_plain(parsed)}")
                        failures += 1
                    else:
                        counts["impacket reads dhcpm"] += 1
                    built = cls(isNDR64=ndr64)
                    call_from_plain(built, expected)
                    theirs = os.path.join(scratch, "impacket.bin")
                    open(theirs, "wb").write(built.getData())
                    strict = run([dhcpm, "decode", *selection, theirs])
                    if strict.returncode == 0 and json.loads(strict.stdout) == expected:
                        counts["dhcpm reads impacket"] += 1
                        continue
                    lenient = run([dhcpm, "decode", "--lenient", *selection, theirs])
                    warnings = lenient.stderr.decode()
                    known = "missing_trailing_pad" in warnings or "invalid_referent_id" in warnings
                    records = expected.get("ClientInfo") or {}
                    if lenient.returncode == 0 and json.loads(lenient.stdout) == expected and known:
                        counts["dhcpm reads impacket"] += 1
                        counts["lenient only"] += 1
                    elif ndr64 and packs_two_nulls(records) and strict.returncode == 1 and lenient.returncode == 1:
                        counts["impacket malformed"] += 1  # as for the arrays above
                    else:
                        print(f"FAIL {what}: dhcpm reads Impacket's bytes: strict {strict.stderr.decode().strip()}; "
                              f"lenient {warnings.strip()}")
                        failures += 1
            print(f"{method} {direction}: Impacket reads dhcpm {counts['impacket reads dhcpm']}, dhcpm reads "
                  f"Impacket {counts['dhcpm reads impacket']} ({counts['lenient only']} of them only leniently), "
                  f"Impacket's bytes malformed {counts['impacket malformed']}, Impacket misaligns SearchInfo "
                  f"{counts['impacket misaligned']}, of {2 * len(values)} encodings")
    return failures


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
        failures += check_calls(dhcpm, vector_dir, index, scratch)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
