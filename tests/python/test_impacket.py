"""Interoperability with Impacket through the module (the checks of tests/interop/impacket_interop.py,
which drives the CLI, done here with dhcpm.encode/decode/encode_call/decode_call).

For every type Impacket's dhcpm.py defines (interop.TYPES) and every call whose classes it defines
(interop.CALLS), request and response, in NDR 2.0 and NDR64, for every value of:
  - the golden vectors of tests/vectors/family (of that type; of that call or one with the same
    parameters, interop.SAME_PARAMETERS; and, for a call, each golden record of a type Impacket
    defines put in the call's parameter of that type),
  - generated values: dhcpm.gen(TYPE, seed=s) (arrays also with null_element_percent=40, so that
    NDR64's NULL elements are exercised) and dhcpm.gen_call(METHOD, DIRECTION, seed=s), seeds 1..8,
both directions hold:
  1. dhcpm's bytes, read by Impacket, are the value (compared in the JSON form, value.to_dict());
  2. the value built in Impacket and encoded by Impacket decodes in dhcpm to the value.

Impacket's known defects are expected differences, each checked to be exactly that defect:
  - it fills alignment padding with non-zero bytes: dhcpm's strict mode reads that;
  - NDR64: it leaves off the trailing pad of a top-level struct: strict decoding fails with
    missing_trailing_pad, lenient decoding gives the value with that one warning, and the bytes with
    the pad added decode with no such warning;
  - NDR64: it writes a NULL element pointer as 4 bytes: strict decoding fails with
    invalid_referent_id, lenient decoding gives the value with invalid_referent_id at exactly the NULL
    elements' paths; two NULL elements in a row then share one 8-byte slot, so its array is 8 bytes
    short per such pair: neither dhcpm nor Impacket itself can read those bytes;
  - NDR 2.0: it aligns a DHCP_SEARCH_INFO parameter to 2 where NDR aligns it to 4 (after a
    ServerIpAddress of an odd number of units): the two layouts differ by exactly where 2 pad
    bytes go, and each side reads the other's bytes once they are moved;
  - classes whose parameters differ from the spec IDL (interop.impacket_defect: a ResumeHandle
    declared a pointer, a response without its return value): those are compared through the same
    class declared as the IDL does (Impacket's NDR engine, IDL parameter types), and the original
    class's bytes are checked to be those bytes with exactly the defect (a referent id inserted; the
    return value left off).

test_summary prints one line per type and call with the agreement counts (visible with pytest -s)
and asserts that every type and call had agreements.
"""

import collections
import functools
import importlib.util
import json
import pathlib
import struct

import pytest

pytest.importorskip("impacket.dcerpc.v5.dhcpm", reason="Impacket is not installed (Debian: python3-impacket)")

from impacket.dcerpc.v5 import dhcpm as impacket_dhcpm  # noqa: E402
from impacket.dcerpc.v5.dtypes import DWORD, ULONG  # noqa: E402
from impacket.dcerpc.v5.ndr import NDRCALL, NDRPOINTER  # noqa: E402

import dhcpm  # noqa: E402
from conftest import VECTORS  # noqa: E402


def load_interop():
    """tests/interop/impacket_interop.py as a module (its main() does not run on import)."""
    path = pathlib.Path(__file__).parents[1] / "interop" / "impacket_interop.py"
    spec = importlib.util.spec_from_file_location("impacket_interop", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


interop = load_interop()

FAMILY = VECTORS / "family"
INDEX = json.loads((FAMILY / "index.json").read_text())
LAYOUTS = (("ndr20", False), ("ndr64", True))
SEEDS = range(1, 9)

# label ("DHCP_CLIENT_INFO_V4", "R_DhcpV4GetClientInfo request") -> Counter of outcomes.
COUNTS = collections.defaultdict(collections.Counter)


def read_vector(name):
    return json.loads((FAMILY / f"{name}.json").read_text())


def decode_error(thunk):
    """thunk()'s DecodeError, or None when it returns."""
    try:
        thunk()
    except dhcpm.DecodeError as e:
        return e
    return None


def align(n, to):
    return (n + to - 1) // to * to


def null_runs(array):
    """Lengths of the runs of NULL elements of an array value's Clients."""
    runs, run = [], 0
    for element in (array or {}).get("Clients") or []:
        if element is None:
            run += 1
        else:
            if run:
                runs.append(run)
            run = 0
    if run:
        runs.append(run)
    return runs


class Mismatch(Exception):
    """One check that does not hold; the message says which and what each side gave."""


# ---------------------------------------------------------------------------------------------------
# What is compared: a type, or one direction of a call, with the Impacket class that carries it.


class TypeSubject:
    def __init__(self, type_name):
        self.label = type_name
        self.type_name = type_name
        self.cls = interop.TYPES[type_name]
        self.array_param = "" if "ARRAY" in type_name else None

    def encode(self, value, layout):
        return dhcpm.encode(value, layout)

    def decode(self, data, layout, lenient):
        return dhcpm.decode(data, self.type_name, layout, lenient=lenient)

    def impacket_read(self, data, ndr64):
        parsed = interop.top_level(self.cls)(isNDR64=ndr64)
        parsed.fromString(data)
        return interop.to_plain(parsed["Value"])

    def impacket_build(self, expected, ndr64):
        built = interop.top_level(self.cls)(isNDR64=ndr64)
        interop.from_plain(built["Value"], expected)
        return built.getData()

    def array_of(self, expected):
        return expected if self.array_param is not None else None

    def null_path(self, index):
        return f"Clients[{index}]"


class CallSubject:
    def __init__(self, method, direction, cls, params):
        self.label = f"{method} {direction}"
        self.method, self.direction, self.cls, self.params = method, direction, cls, params
        self.array_param = next((p for p, t in record_parameters(method, direction).items() if "ARRAY" in t), None)

    def encode(self, stub, layout):
        return dhcpm.encode_call(stub, layout)

    def decode(self, data, layout, lenient):
        return dhcpm.decode_call(data, self.method, self.direction, layout, lenient=lenient)

    def impacket_read(self, data, ndr64):
        parsed = self.cls(isNDR64=ndr64)
        parsed.fromString(data)
        return interop.call_to_plain(parsed)

    def impacket_build(self, expected, ndr64):
        built = self.cls(isNDR64=ndr64)
        interop.call_from_plain(built, expected)
        return built.getData()

    def array_of(self, expected):
        return expected.get(self.array_param) if self.array_param else None

    def null_path(self, index):
        return f"{self.array_param}.Clients[{index}]"


@functools.lru_cache(maxsize=None)
def record_parameters(method, direction):
    """{parameter: type name} of a call's parameters that are records of a type Impacket defines."""
    found = {}
    for seed in range(0, 64):
        stub = dhcpm.gen_call(method, direction, seed=seed)
        for name in stub.params:
            type_name = getattr(getattr(stub, name), "type_name", None)
            if type_name in interop.TYPES:
                found[name] = type_name
    return found


def as_idl(cls, params):
    """Impacket's call class declared as the spec IDL does: a [ref] DWORD* ResumeHandle is the DWORD,
    and a return value it leaves out is a trailing ULONG; everything else is Impacket's own."""
    declared = {interop.IMPACKET_NAMES.get(name, name): (name, kind) for name, kind in cls.structure}
    fields = []
    for param in params:
        name, kind = declared.get(param, (param, ULONG))
        if isinstance(kind, type) and issubclass(kind, NDRPOINTER) and param == "ResumeHandle":
            kind = DWORD
        fields.append((name, kind))
    return type(cls.__name__ + "AsIDL", (NDRCALL,), {"opnum": getattr(cls, "opnum", 0), "structure": tuple(fields)})


# ---------------------------------------------------------------------------------------------------
# The values.


def type_values(type_name):
    """(label, JSON value, dhcpm value) for every golden vector of the type, then generated ones."""
    cls = getattr(dhcpm, type_name)
    values = []
    for name, entry in INDEX.items():
        if entry.get("type") == type_name:
            expected = read_vector(name)
            values.append((f"vector {name}", expected, cls.from_json(expected)))
    for seed in SEEDS:
        value = dhcpm.gen(type_name, seed=seed)
        values.append((f"dhcpm.gen({type_name}, seed={seed})", value.to_dict(), value))
    if "ARRAY" in type_name:
        for seed in SEEDS:
            value = dhcpm.gen(type_name, seed=seed, null_element_percent=40)
            values.append((f"dhcpm.gen({type_name}, seed={seed}, null_element_percent=40)", value.to_dict(), value))
    return values


def call_values(method, direction):
    """(label, JSON stub, Stub): golden stubs of the call (or of one with the same parameters),
    generated stubs, and generated stubs carrying each golden record of their record parameters."""
    values = []
    for name, entry in INDEX.items():
        call = entry.get("call")
        if entry.get("direction") == direction and (
                call == method or interop.SAME_PARAMETERS.get(f"{call}.{direction}") == method):
            expected = read_vector(name)
            values.append((f"vector {name}", expected, dhcpm.Stub.from_json(method, direction, expected)))
    for seed in SEEDS:
        stub = dhcpm.gen_call(method, direction, seed=seed)
        values.append((f"dhcpm.gen_call({method}, {direction}, seed={seed})", stub.to_dict(), stub))
    k = 0
    for param, type_name in record_parameters(method, direction).items():
        for name, entry in INDEX.items():
            if entry.get("type") != type_name:
                continue
            k += 1
            seed = SEEDS[k % len(SEEDS)]
            expected = dhcpm.gen_call(method, direction, seed=seed).to_dict()
            expected[param] = read_vector(name)
            values.append((f"dhcpm.gen_call({method}, {direction}, seed={seed}) with {param} = vector {name}",
                           expected, dhcpm.Stub.from_json(method, direction, expected)))
    return values


# ---------------------------------------------------------------------------------------------------
# The checks.


def check_dhcpm_reads(subject, data, expected, layout, ndr64, counts, what="Impacket's bytes"):
    """dhcpm decodes Impacket's bytes to the value: strictly, or, for Impacket's known NDR64 defects,
    leniently with exactly the warnings that name them. Returns nothing; raises Mismatch."""
    array = subject.array_of(expected)
    runs = null_runs(array)
    if ndr64 and any(run >= 2 for run in runs):
        check_malformed(subject, data, expected, layout, ndr64, runs, counts)
        return
    strict = decode_error(lambda: subject.decode(data, layout, False))
    if ndr64 and strict is not None and (strict.code, strict.path) == ("truncated", "ReturnValue") and \
            isinstance(subject, CallSubject) and subject.params[-1] == "ReturnValue" and (len(data) - 4) % 8:
        check_pad_before_return_value(subject, data, expected, layout, ndr64, counts, what)
        return
    try:
        value, warnings = subject.decode(data, layout, True)
    except dhcpm.DecodeError as e:
        raise Mismatch(f"dhcpm refuses {what} even leniently: {e}; strict: {strict}")
    if value.to_dict() != expected:
        raise Mismatch(f"dhcpm reads {what} as {value.to_dict()}")
    codes = [(w.code, w.path) for w in warnings]
    # NDR64: Impacket's 4-byte NULL element pointers, and nothing else but a missing trailing pad.
    nulls = [("invalid_referent_id", subject.null_path(i))
             for i, element in enumerate((array or {}).get("Clients") or []) if element is None] if ndr64 else []
    others = [c for c in codes if c[0] != "missing_trailing_pad"]
    pads = [c for c in codes if c[0] == "missing_trailing_pad"]
    if others != nulls:
        raise Mismatch(f"dhcpm warns {codes} on {what}; Impacket's known defects give {nulls} (+ missing_trailing_pad)")
    if pads:
        if not ndr64 or len(pads) > 1 or len(data) % 8 == 0:
            raise Mismatch(f"dhcpm warns {pads} on {what} ({len(data)} bytes, {layout})")
        padded = data + bytes(-len(data) % 8)
        _, rest = subject.decode(padded, layout, True)
        if [(w.code, w.path) for w in rest] != others:
            raise Mismatch(f"{what} with the trailing pad added: warnings {[(w.code, w.path) for w in rest]}, "
                           f"expected {others}")
    if not codes:
        if strict is not None:
            raise Mismatch(f"dhcpm refuses {what} strictly ({strict}) but reads it leniently without a warning")
        counts["dhcpm reads Impacket"] += 1
        return
    if strict is None or (strict.code, strict.path) != codes[0]:
        raise Mismatch(f"dhcpm's strict error on {what} is {strict}, not its first lenient warning {codes[0]}")
    counts["dhcpm reads Impacket"] += 1
    counts["only leniently"] += 1
    for code in sorted({c for c, _ in codes}):
        counts[f"lenient: {code}"] += 1


def check_malformed(subject, data, expected, layout, ndr64, runs, counts):
    """NDR64 with two NULL elements in a row: Impacket's bytes are 8 bytes short per pair of 4-byte
    NULLs sharing a slot; neither dhcpm (strict or lenient) nor Impacket reads them back."""
    ours = subject.encode(from_expected(subject, expected), layout)
    short = sum(8 * (run // 2) for run in runs)
    # The difference, beyond the packed pairs, can only be a trailing pad Impacket leaves off.
    if not 0 <= len(ours) - len(data) - short < 8:
        raise Mismatch(f"Impacket's bytes are {len(ours) - len(data)} bytes shorter than dhcpm's; "
                       f"NULL runs {runs} pack {short}")
    strict = decode_error(lambda: subject.decode(data, layout, False))
    lenient = decode_error(lambda: subject.decode(data, layout, True))
    if strict is None or lenient is None:
        raise Mismatch(f"dhcpm reads Impacket's malformed bytes (NULL runs {runs}): strict {strict}, lenient {lenient}")
    try:
        back = subject.impacket_read(data, ndr64)
    except Exception:  # noqa: BLE001  (Impacket's own reader, on bytes it cannot read)
        back = None
    if back == expected:
        raise Mismatch("Impacket reads its own bytes with NULL runs back: they are not malformed")
    counts["Impacket's bytes malformed (two NULL elements in a row)"] += 1


def check_pad_before_return_value(subject, data, expected, layout, ndr64, counts, what):
    """NDR64: a response's record that ends the stub's data before the return value, its trailing pad
    left off by Impacket: the return value sits 4 bytes early. Lenient mode forgives a missing pad only
    at the end of the input (tests/unit/ndr64_test.cpp, MissingBeforeMoreItemsIsTruncation), so both
    modes stop at the return value; with the pad put back the bytes are the value."""
    lenient = decode_error(lambda: subject.decode(data, layout, True))
    if lenient is None or (lenient.code, lenient.path) != ("truncated", "ReturnValue"):
        raise Mismatch(f"dhcpm's lenient reading of {what} (the return value 4 bytes early): {lenient}")
    repaired = data[:-4] + bytes(-(len(data) - 4) % 8) + data[-4:]
    check_dhcpm_reads(subject, repaired, expected, layout, ndr64, collections.Counter(),
                      what=f"{what} with the record's trailing pad put back before the return value")
    counts["Impacket's bytes malformed (record pad missing before ReturnValue)"] += 1


def from_expected(subject, expected):
    if isinstance(subject, TypeSubject):
        return getattr(dhcpm, subject.type_name).from_json(expected)
    return dhcpm.Stub.from_json(subject.method, subject.direction, expected)


def check_misaligned(subject, ours, expected, ndr64, counts):
    """NDR 2.0: NDR puts 2 pad bytes before DHCP_SEARCH_INFO (4-aligned), Impacket after its union
    tag (its struct 2-aligned, its arm 4-aligned); moving them makes each side read the other."""
    theirs = subject.impacket_build(expected, ndr64)
    end = 16 + 2 * (len(expected["ServerIpAddress"].encode("utf-16-le")) // 2 + 1)
    if len(ours) != len(theirs) or ours[end:end + 2] != b"\0\0":
        raise Mismatch(f"expected NDR's 2 pad bytes at {end}: dhcpm {ours.hex()}, Impacket {theirs.hex()}")
    try:
        read = subject.impacket_read(ours, ndr64)
    except Exception:  # noqa: BLE001  (the defect may make Impacket's reader fail)
        read = None
    if read == expected:
        raise Mismatch("Impacket reads dhcpm's 4-aligned SearchInfo: the misalignment defect is gone")
    moved = ours[:end] + ours[end + 2:end + 6] + b"\0\0" + ours[end + 6:]
    if subject.impacket_read(moved, ndr64) != expected:
        raise Mismatch(f"Impacket does not read dhcpm's bytes with the pad moved after the tag: "
                       f"{subject.impacket_read(moved, ndr64)}")
    if decode_error(lambda: subject.decode(theirs, "ndr20", False)) is None and \
            subject.decode(theirs, "ndr20", False).to_dict() == expected:
        raise Mismatch("dhcpm reads Impacket's 2-aligned SearchInfo: the misalignment defect is gone")
    repaired = theirs[:end] + b"\0\0" + theirs[end:end + 4] + theirs[end + 6:]
    got = subject.decode(repaired, "ndr20", False).to_dict()
    if got != expected:
        raise Mismatch(f"dhcpm reads Impacket's bytes with the pad moved before SearchInfo as {got}")
    counts["Impacket misaligns SearchInfo"] += 1


def check_one(subject, expected, value, layout, ndr64, counts):
    ours = subject.encode(value, layout)
    counts["encodings"] += 1
    if isinstance(subject, CallSubject) and interop.misaligns_search_info(expected, ndr64):
        check_misaligned(subject, ours, expected, ndr64, counts)
        return ours
    # 1. dhcpm's bytes in Impacket.
    read = subject.impacket_read(ours, ndr64)
    if read != expected:
        raise Mismatch(f"Impacket reads dhcpm's bytes {ours.hex()} as {read}")
    counts["Impacket reads dhcpm"] += 1
    # 2. Impacket's bytes in dhcpm.
    theirs = subject.impacket_build(expected, ndr64)
    check_dhcpm_reads(subject, theirs, expected, layout, ndr64, counts)
    return ours


class Defect:
    """An Impacket call class whose parameters differ from the IDL's: the pointer ResumeHandle, the
    return value it leaves out."""

    def __init__(self, cls, params):
        declared = {interop.IMPACKET_NAMES.get(n, n): (n, k) for n, k in cls.structure}
        self.cls = cls
        self.missing = [p for p in params if p not in declared]
        self.pointers = [declared[p][0] for p in params if p in declared and isinstance(declared[p][1], type)
                         and issubclass(declared[p][1], NDRPOINTER) and p in ("ResumeHandle", "ClientsRead",
                                                                            "ClientsTotal", "PreferredMaximum")]
        self.idl = as_idl(cls, params)

    def known(self):
        """One difference this test checks byte for byte: a pointer ResumeHandle, or no ReturnValue."""
        return (self.missing, self.pointers) in ((["ReturnValue"], []), ([], ["ResumeHandle"]))

    def build(self, expected, ndr64):
        """Impacket's original class filled with the value: the IDL class's members, the pointer's DWORD."""
        idl = self.idl(isNDR64=ndr64)
        interop.call_from_plain(idl, expected)
        built = self.cls(isNDR64=ndr64)
        for name, _ in self.cls.structure:
            if name in self.pointers:
                built[name] = expected[interop.IMPACKET_NAMES.get(name, name)]
            else:
                built.fields[name] = idl.fields[name]
        return built.getData()

    def read(self, data, ndr64):
        """Impacket's original class's reading of data, as call JSON without the parameters it lacks."""
        parsed = self.cls(isNDR64=ndr64)
        parsed.fromString(data)
        idl = self.idl(isNDR64=ndr64)
        for name, _ in self.cls.structure:
            if name in self.pointers:
                idl[name] = parsed[name]
            else:
                idl.fields[name] = parsed.fields[name]
        out = interop.call_to_plain(idl)
        return {k: v for k, v in out.items() if k not in self.missing}

    def pointer_at(self, expected, ndr64):
        """(where the parameter before the pointer ends, where the referent id starts) in the bytes."""
        names = [name for name, _ in self.cls.structure]
        i = names.index(self.pointers[0])
        prefix = type("Prefix", (NDRCALL,), {"structure": self.cls.structure[:i]})(isNDR64=ndr64)
        interop.call_from_plain(prefix, expected)
        start = len(prefix.getData()) if i else 0
        return start, align(start, 8 if ndr64 else 4)

    def check(self, subject, ours, expected, layout, ndr64, counts):
        """The original class's bytes are the IDL's with exactly the defect, both ways."""
        theirs = self.build(expected, ndr64)
        if self.pointers:
            width = 8 if ndr64 else 4
            start, at = self.pointer_at(expected, ndr64)
            referent = int.from_bytes(theirs[at:at + width], "little")
            if referent == 0:
                raise Mismatch(f"Impacket's {self.pointers[0]} pointer at {at} is NULL: {theirs.hex()}")
            without = theirs[:start] + theirs[at + width:]
            check_dhcpm_reads(subject, without, expected, layout, ndr64, collections.Counter(),
                              what=f"Impacket's bytes without the {self.pointers[0]} referent id")
            with_referent = ours[:start] + bytes(at - start) + struct.pack("<Q" if ndr64 else "<L", 0x20000) + ours[start:]
            read = self.read(with_referent, ndr64)
            if read != expected:
                raise Mismatch(f"Impacket's {self.cls.__name__} reads dhcpm's bytes with a referent id inserted "
                               f"at {at} as {read}")
        else:
            padded = theirs + bytes(-len(theirs) % 4) + struct.pack("<L", expected["ReturnValue"])
            check_dhcpm_reads(subject, padded, expected, layout, ndr64, collections.Counter(),
                              what="Impacket's bytes with the ReturnValue appended")
            read = self.read(ours, ndr64)
            if read != {k: v for k, v in expected.items() if k != "ReturnValue"}:
                raise Mismatch(f"Impacket's {self.cls.__name__} reads dhcpm's bytes as {read}")
        counts["original class: exactly the defect"] += 1


# ---------------------------------------------------------------------------------------------------
# Running them: once per session, each test asserting its own type or call.


def run_subject(subject, values, defect=None):
    counts = COUNTS[subject.label]
    failures = []
    for label, expected, value in values:
        for layout, ndr64 in LAYOUTS:
            try:
                ours = check_one(subject, expected, value, layout, ndr64, counts)
                if defect is not None:
                    defect.check(subject, ours, expected, layout, ndr64, counts)
            except (Mismatch, dhcpm.Error) as e:
                failures.append(f"{label}, {subject.label}, {layout}: {e}")
            except Exception as e:  # noqa: BLE001  (reported as a failure of this case, with its name)
                failures.append(f"{label}, {subject.label}, {layout}: {type(e).__name__}: {e}")
    return failures


@functools.lru_cache(maxsize=None)
def type_failures(type_name):
    return run_subject(TypeSubject(type_name), type_values(type_name))


@functools.lru_cache(maxsize=None)
def call_failures(method, direction):
    class_name = interop.CALLS[method][0 if direction == "request" else 1]
    cls = getattr(impacket_dhcpm, class_name)
    values = call_values(method, direction)
    params = list(values[0][2].params)
    reason = interop.impacket_defect(cls, params)
    if reason is None:
        return run_subject(CallSubject(method, direction, cls, params), values), None
    defect = Defect(cls, params)
    if not defect.known():
        return [f"{method} {direction}: a parameter difference this test does not know: {reason}"], reason
    subject = CallSubject(method, direction, defect.idl, params)
    return run_subject(subject, values, defect), reason


@pytest.mark.parametrize("type_name", list(interop.TYPES))
def test_type(type_name):
    failures = type_failures(type_name)
    assert not failures, f"{len(failures)} disagreements:\n" + "\n".join(failures)


CALL_DIRECTIONS = [(m, d) for m in interop.CALLS for d in ("request", "response")]


@pytest.mark.parametrize("method,direction", CALL_DIRECTIONS)
def test_call(method, direction):
    failures, _ = call_failures(method, direction)
    assert not failures, f"{len(failures)} disagreements:\n" + "\n".join(failures)


def test_summary():
    """Every type and call had agreements both ways; one line each with the counts."""
    lines, empty = [], []
    for type_name in interop.TYPES:
        type_failures(type_name)
        counts = COUNTS[type_name]
        lines.append(f"{type_name}: {line(counts)}")
        if not (counts["Impacket reads dhcpm"] and counts["dhcpm reads Impacket"]):
            empty.append(type_name)
    for method, direction in CALL_DIRECTIONS:
        _, reason = call_failures(method, direction)
        label = f"{method} {direction}"
        counts = COUNTS[label]
        through = f" (through the class declared as the IDL does; Impacket's: {reason})" if reason else ""
        lines.append(f"{label}: {line(counts)}{through}")
        if not (counts["Impacket reads dhcpm"] and counts["dhcpm reads Impacket"]) or \
                (reason and not counts["original class: exactly the defect"]):
            empty.append(label)
    print("\nImpacket interoperability (NDR 2.0 and NDR64):\n" + "\n".join(lines))
    assert not empty, f"no agreement counted for {empty}"


def line(counts):
    order = ["encodings", "Impacket reads dhcpm", "dhcpm reads Impacket", "only leniently",
             "lenient: missing_trailing_pad", "lenient: invalid_referent_id",
             "Impacket's bytes malformed (two NULL elements in a row)",
             "Impacket's bytes malformed (record pad missing before ReturnValue)",
             "Impacket misaligns SearchInfo", "original class: exactly the defect"]
    return ", ".join(f"{key} {counts[key]}" for key in order if counts[key] or key in order[:3])
