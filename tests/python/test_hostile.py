"""Hostile bytes through the module: truncations and bit flips of vectors of several shapes, in
every NDR layout, raise DecodeError — never crash the interpreter — with the code, offset, path and
message the C++ library gives (the CLI's error line is that error, printed by the same library)."""

import pytest

import dhcpm
from conftest import VECTORS, needs_cli, run_cli

CASES = [
    ("typical", "client", "ndr20"),
    ("array-with-null", "array", "ndr64"),
    ("unicode", "client", "pickle-ndr20be"),
    ("typical", "client", "x86"),
    ("family/DHCP_CLIENT_INFO_EX.typical", "DHCP_CLIENT_INFO_EX", "ndr20be"),
    ("family/DHCP_PROPERTY_ARRAY.each-arm", "DHCP_PROPERTY_ARRAY", "ndr64"),
    ("family/DHCP_SEARCH_INFO.hw", "DHCP_SEARCH_INFO", "ndr20"),
]


def file_of(name, layout):
    key = layout.replace("pickle-", "pickle.")
    return VECTORS / f"{name}.{key}.bin"


def mutations(data):
    """Every truncation, and every byte with its low and high bits flipped."""
    for n in range(len(data)):
        yield f"cut {n}", data[:n]
    for i in range(len(data)):
        for bit in (0x01, 0x80):
            yield f"flip {i}/{bit:#x}", data[:i] + bytes([data[i] ^ bit]) + data[i + 1:]


def outcome(data, type_, layout, lenient=False):
    try:
        dhcpm.decode(data, type_, layout, lenient=lenient)
        return None
    except dhcpm.DecodeError as e:
        return e


@pytest.mark.parametrize("name,type_,layout", CASES)
def test_every_mutation_is_an_error_value_or_a_value(name, type_, layout):
    data = file_of(name, layout).read_bytes()
    for _, mutated in mutations(data):
        for lenient in (False, True):
            e = outcome(mutated, type_, layout, lenient)
            if e is not None:
                assert e.code in KNOWN_CODES and 0 <= e.offset <= max(len(mutated), 1 << 20)
                assert str(e).startswith(f"{e.code} at offset {e.offset:#x}: ")
        # validate agrees with decode
        e = outcome(mutated, type_, layout)
        try:
            dhcpm.validate(mutated, type_, layout)
            assert e is None
        except dhcpm.DecodeError as v:
            assert e is not None and (v.code, v.offset, v.path) == (e.code, e.offset, e.path)


KNOWN_CODES = {
    "truncated", "conformance_mismatch", "nonzero_string_offset", "actual_count_exceeds_max",
    "missing_terminator", "count_exceeds_input", "trailing_bytes", "null_with_nonzero_size",
    "invalid_header", "length_mismatch", "nonzero_padding", "missing_trailing_pad", "pointer_out_of_image",
    "misaligned_pointer", "overlapping_pointee", "element_limit", "string_limit", "decoded_size_limit",
    "invalid_referent_id", "invalid_union_tag",
}


@needs_cli
@pytest.mark.parametrize("name,type_,layout", CASES)
def test_errors_are_the_clis(name, type_, layout, tmp_path):
    data = file_of(name, layout).read_bytes()
    checked = 0
    for k, (what, mutated) in enumerate(mutations(data)):
        if k % 23:  # a spread sample: the CLI is one process per input
            continue
        e = outcome(mutated, type_, layout)
        path = tmp_path / "in.bin"
        path.write_bytes(mutated)
        code, out, err = run_cli("decode", "--type", type_, "--layout", layout, str(path))
        if e is None:
            assert code == 0, what
        else:
            assert (code, err) == (1, f"error: {e}\n"), what
            checked += 1
    assert checked > 0


def test_limits_are_options():
    data = (VECTORS / "array-3.ndr20.bin").read_bytes()
    with pytest.raises(dhcpm.DecodeError) as failure:
        dhcpm.decode(data, "array", "ndr20", max_elements=2)
    assert (failure.value.code, failure.value.path) == ("element_limit", "Clients")
    with pytest.raises(dhcpm.DecodeError) as failure:
        dhcpm.decode(data, "array", "ndr20", max_string_units=3)
    assert failure.value.code == "string_limit"
    with pytest.raises(dhcpm.DecodeError) as failure:
        dhcpm.decode(data, "array", "ndr20", max_decoded_bytes=100)
    assert failure.value.code == "decoded_size_limit"
