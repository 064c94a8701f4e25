"""dhcpm.view and dhcpm.cursor: records read from the caller's buffer on access, equal to decode's."""

import json

import pytest

import dhcpm
from conftest import VECTORS


@pytest.mark.parametrize("layout", ["ndr20", "ndr20be", "ndr64", "x64", "x86", "pickle-ndr64"])
def test_view_and_cursor_give_decodes_records(layout):
    data = (VECTORS / f"array-random-50.{layout.replace('pickle-', 'pickle.')}.bin").read_bytes()
    value = dhcpm.decode(data, "array", layout)
    view = dhcpm.view(data, "array", layout)
    assert len(view) == len(value.Clients) and view.NumElements == value.NumElements
    for seen, expected in zip(view, value.Clients):
        assert (seen is None) == (expected is None)
        if seen is not None:
            assert seen.to_value() == expected
            assert seen.ClientName == expected.ClientName
            assert seen.ClientIpAddress == expected.ClientIpAddress
            assert seen.OwnerHost == expected.OwnerHost
            assert seen.ClientHardwareAddress == expected.ClientHardwareAddress
            assert seen.Flags == expected.Flags
    if layout in ("ndr20", "ndr20be", "ndr64"):
        cursor = dhcpm.cursor(data, "array", layout)
        kept = list(cursor)  # records stay valid after the cursor steps on
        assert cursor.complete
        assert [None if r is None else r.to_value() for r in kept] == list(value.Clients)


def test_family_view():
    data = (VECTORS / "family" / "DHCP_CLIENT_INFO_PB_ARRAY.random-50.ndr64.bin").read_bytes()
    expected = json.loads((VECTORS / "family" / "DHCP_CLIENT_INFO_PB_ARRAY.random-50.json").read_text())
    view = dhcpm.view(data, dhcpm.DHCP_CLIENT_INFO_PB_ARRAY, "ndr64")
    assert [None if r is None else r.PolicyName for r in view] == [
        None if c is None else c["PolicyName"] for c in expected["Clients"]
    ]


def test_cursor_raises_where_decode_does():
    data = (VECTORS / "array-random-50.ndr20.bin").read_bytes()[:-40]
    with pytest.raises(dhcpm.DecodeError) as decoded:
        dhcpm.decode(data, "array", "ndr20")
    cursor = dhcpm.cursor(data, "array", "ndr20")
    with pytest.raises(dhcpm.DecodeError) as iterated:
        for _ in cursor:
            pass
    assert (iterated.value.code, iterated.value.offset, iterated.value.path) == (
        decoded.value.code, decoded.value.offset, decoded.value.path)
    assert not cursor.complete


def test_cursor_over_an_enumeration_response():
    entry = "R_DhcpV4EnumSubnetClients.response"
    names = [p.name for p in (VECTORS / "family").glob(f"{entry}.*.ndr20.bin")]
    assert names
    for name in names:
        data = (VECTORS / "family" / name).read_bytes()
        stub = dhcpm.decode_call(data, "R_DhcpV4EnumSubnetClients", "response", "ndr20")
        cursor = dhcpm.cursor_call(data, "R_DhcpV4EnumSubnetClients", "response", "ndr20")
        records = [None if r is None else r.to_value() for r in cursor]
        assert cursor.complete and cursor.dword("ReturnValue") == stub.ReturnValue
        assert records == (list(stub.ClientInfo.Clients) if stub.ClientInfo and stub.ClientInfo.Clients else [])


def test_the_buffer_is_held_not_copied():
    data = bytearray((VECTORS / "array-3.ndr20.bin").read_bytes())
    view = dhcpm.view(data, "array", "ndr20")
    with pytest.raises(BufferError):
        data.extend(b"x")  # exported to the view: cannot move
    record = view[0]
    del view
    assert record.ClientName is not None
