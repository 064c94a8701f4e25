"""Every golden vector through the module, both directions: decoding gives the vector's JSON (as
dicts, and byte for byte as the CLI prints it), and encoding the value gives the vector's bytes."""

import json

import pytest

import dhcpm
from conftest import VECTORS, failover_vectors, family_vectors, needs_cli, run_cli


def dumps(value):
    return json.dumps(value, indent=1, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name,type_,key,foreign,framing,layout", list(failover_vectors()))
def test_failover_vector(name, type_, key, foreign, framing, layout):
    data = (VECTORS / f"{name}.{key}.bin").read_bytes()
    expected = json.loads((VECTORS / f"{name}.json").read_text())
    value = dhcpm.decode(data, type_, layout, framing)
    if framing == "response":
        assert value.call == "R_DhcpV4FailoverGetClientInfo" and value.direction == "response"
        assert value.ReturnValue == 0
        record = value.ClientInfo
    else:
        record = value
    assert record.to_dict() == expected
    assert record.to_json() + "\n" == dumps(expected)
    if not foreign:
        assert dhcpm.encode(value, layout, framing) == data
        # The same bytes from the JSON text, and from the dicts.
        from_text = type(record).from_json((VECTORS / f"{name}.json").read_text())
        assert from_text == record
        assert type(record).from_json(expected) == record
        if framing != "response":
            assert dhcpm.encode(from_text, layout, framing) == data


@pytest.mark.parametrize("name,entry,layout", list(family_vectors()))
def test_family_vector(name, entry, layout):
    data = (VECTORS / "family" / f"{name}.{layout}.bin").read_bytes()
    text = (VECTORS / "family" / f"{name}.json").read_text()
    expected = json.loads(text)
    if "call" in entry:
        stub = dhcpm.decode_call(data, entry["call"], entry["direction"], layout)
        assert stub.to_dict() == expected
        assert stub.to_json() + "\n" == text
        assert dhcpm.encode_call(stub, layout) == data
        assert dhcpm.encode_call(dhcpm.Stub.from_json(entry["call"], entry["direction"], expected), layout) == data
    else:
        value = dhcpm.decode(data, entry["type"], layout)
        assert value.to_dict() == expected
        assert dumps(value.to_dict()) == text
        assert dhcpm.encode(value, layout) == data
        assert dhcpm.encode(getattr(dhcpm, entry["type"]).from_json(expected), layout) == data


@needs_cli
@pytest.mark.parametrize("name,entry,layout", [v for v in family_vectors() if v[2] == "ndr64"])
def test_json_is_the_clis(name, entry, layout):
    """json.dumps of to_dict() with the CLI's options is the CLI's output, byte for byte."""
    path = VECTORS / "family" / f"{name}.{layout}.bin"
    if "call" in entry:
        args = ["--call", entry["call"], "--direction", entry["direction"]]
        value = dhcpm.decode_call(path.read_bytes(), entry["call"], entry["direction"], layout)
    else:
        args = ["--type", entry["type"]]
        value = dhcpm.decode(path.read_bytes(), entry["type"], layout)
    code, out, err = run_cli("decode", "--layout", layout, *args, str(path))
    assert (code, err) == (0, "")
    assert dumps(value.to_dict()).encode() == out
