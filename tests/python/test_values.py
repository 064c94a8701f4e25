"""The Python face of values: attribute names and types, NULL against "", ill-formed UTF-16, parts
that stay valid after their value changes, and the errors."""

import copy
import ipaddress
import json
import mmap
import pickle

import pytest

import dhcpm
from conftest import VECTORS


def typical():
    return dhcpm.decode((VECTORS / "typical.ndr20.bin").read_bytes(), "client", "ndr20")


def test_fields_are_named_as_the_idl_and_typed_for_python():
    v = typical()
    assert isinstance(v, dhcpm.DHCPV4_FAILOVER_CLIENT_INFO)
    assert v.ClientIpAddress == ipaddress.IPv4Address("192.168.1.10")
    assert isinstance(v.OwnerHost, dhcpm.DHCP_HOST_INFO)
    assert isinstance(v.OwnerHost.IpAddress, ipaddress.IPv4Address)
    assert isinstance(v.ClientLeaseExpires, int)
    assert isinstance(v.ClientHardwareAddress, dhcpm.DHCP_BINARY_DATA)
    assert v.ClientHardwareAddress.DataLength == len(v.ClientHardwareAddress.Data) == 11
    assert bytes(v.ClientHardwareAddress) == v.ClientHardwareAddress.Data
    assert v.type_name == "client"


def test_null_and_empty_strings_differ():
    v = dhcpm.DHCP_CLIENT_INFO_PB(ClientName="", ClientComment=None)
    assert v.ClientName == "" and v.ClientComment is None
    d = v.to_dict()
    assert d["ClientName"] == "" and d["ClientComment"] is None
    again = dhcpm.decode(dhcpm.encode(v, "ndr64"), "DHCP_CLIENT_INFO_PB", "ndr64")
    assert again.ClientName == "" and again.ClientComment is None


def test_ill_formed_utf16_is_kept_as_lone_surrogates():
    v = dhcpm.DHCP_CLIENT_INFO(ClientName="a\ud800b")
    assert v.to_dict()["ClientName"] == {"utf16": [0x61, 0xD800, 0x62]}
    for layout in ("ndr20", "ndr20be", "ndr64", "x64", "x86"):
        again = dhcpm.decode(dhcpm.encode(v, layout), "DHCP_CLIENT_INFO", layout)
        assert again.ClientName == "a\ud800b"
    assert dhcpm.DHCP_CLIENT_INFO(ClientName={"utf16": [0xDC00]}).ClientName == "\udc00"


def test_addresses_take_ipv4address_text_or_int():
    v = dhcpm.DHCP_CLIENT_INFO()
    v.ClientIpAddress = "10.1.2.3"
    assert v.ClientIpAddress == ipaddress.IPv4Address("10.1.2.3")
    v.SubnetMask = 0xFFFFFF00
    assert str(v.SubnetMask) == "255.255.255.0"
    v.OwnerHost.IpAddress = ipaddress.IPv4Address("10.0.0.1")
    assert v.to_dict()["OwnerHost"]["IpAddress"] == "10.0.0.1"
    with pytest.raises(ValueError, match="ClientIpAddress"):
        v.ClientIpAddress = "10.1.2"


def test_numbers_are_range_checked():
    v = dhcpm.DHCP_CLIENT_INFO_VQ()
    v.bClientType = 255
    with pytest.raises(ValueError, match="bClientType"):
        v.bClientType = 256
    with pytest.raises(ValueError, match="negative"):
        v.Status = -1
    with pytest.raises(TypeError):
        v.Status = "1"
    v.ProbationEnds = 2**64 - 1
    assert v.ProbationEnds == 2**64 - 1
    # A Status NDR 2.0 cannot hold is the encoder's error, not a silent truncation.
    v.Status = 70000
    with pytest.raises(dhcpm.EncodeError) as failure:
        dhcpm.encode(v, "ndr20")
    assert failure.value.code == "value_out_of_range" and failure.value.path == "Status"
    assert dhcpm.decode(dhcpm.encode(v, "ndr64"), "DHCP_CLIENT_INFO_VQ", "ndr64").Status == 70000


def test_binary_data_keeps_a_disagreeing_length():
    v = dhcpm.DHCP_CLIENT_INFO(ClientHardwareAddress=b"\x00\x11\x22")
    assert v.ClientHardwareAddress.DataLength == 3
    v.ClientHardwareAddress.Data = None
    v.ClientHardwareAddress.DataLength = 6
    assert v.to_dict()["ClientHardwareAddress"] == {"DataLength": 6, "Data": None}
    with pytest.raises(dhcpm.DecodeError) as strict:
        dhcpm.decode(dhcpm.encode(v, "ndr20"), "DHCP_CLIENT_INFO", "ndr20")
    assert strict.value.code == "null_with_nonzero_size"
    assert strict.value.path == "ClientHardwareAddress.Data"
    value, warnings = dhcpm.decode(dhcpm.encode(v, "ndr20"), "DHCP_CLIENT_INFO", "ndr20", lenient=True)
    assert value == v
    assert [w.code for w in warnings] == ["null_with_nonzero_size"]
    v.ClientHardwareAddress = {"DataLength": 2, "Data": "abcd"}
    assert v.ClientHardwareAddress.Data == b"\xab\xcd"


def test_parts_change_their_value():
    v = typical()
    owner = v.OwnerHost
    owner.HostName = "elsewhere"
    assert v.OwnerHost.HostName == "elsewhere"
    v.OwnerHost = {"IpAddress": "10.9.9.9", "NetBiosName": None, "HostName": "x"}
    assert owner.IpAddress == ipaddress.IPv4Address("10.9.9.9")


def test_arrays_are_list_like_and_keep_null_elements():
    data = (VECTORS / "array-with-null.ndr20.bin").read_bytes()
    a = dhcpm.decode(data, "array", "ndr20")
    expected = json.loads((VECTORS / "array-with-null.json").read_text())
    assert len(a.Clients) == a.NumElements == len(expected["Clients"])
    assert [c is None for c in a.Clients] == [c is None for c in expected["Clients"]]
    assert a.Clients[-1] == a.Clients[len(a.Clients) - 1]
    assert a.Clients[0:2] == [a.Clients[0], a.Clients[1]]
    with pytest.raises(IndexError):
        a.Clients[len(a.Clients)]


def test_elements_outlive_a_replaced_list():
    a = dhcpm.decode((VECTORS / "array-3.ndr20.bin").read_bytes(), "array", "ndr20")
    first = a.Clients[0]
    name = first.ClientName
    clients = a.Clients
    a.Clients = [a.Clients[2]]
    assert a.NumElements == 1 and len(clients) == 1  # the list view follows the field
    assert first.ClientName == name  # the old element is detached, not freed
    first.ClientName = "changed"
    assert a.Clients[0].ClientName != "changed"
    a.Clients = None
    assert a.NumElements == 0 and a.Clients is None
    with pytest.raises(ReferenceError):
        len(clients)
    del a
    assert first.ClientName == "changed"  # the element keeps its value alive


def test_a_pointee_set_to_null_is_not_read():
    ex = dhcpm.gen("DHCP_CLIENT_INFO_EX", seed=3)
    ex.Properties = {"NumElements": 1, "Elements": [{"ID": 0, "Type": 3, "Value": {"Type": 3, "StringValue": "a"}}]}
    properties = ex.Properties
    element = properties.Elements[0]
    assert element.Value.StringValue == "a"
    ex.Properties = None
    with pytest.raises(ReferenceError):
        properties.NumElements
    with pytest.raises(ReferenceError):
        element.ID


def test_unions_take_their_json_form():
    s = dhcpm.DHCP_SEARCH_INFO(SearchType=2, SearchInfo={"SearchType": 2, "ClientName": "pc"})
    assert s.SearchInfo.ClientName == "pc"
    assert s.to_dict() == {"SearchType": 2, "SearchInfo": {"SearchType": 2, "ClientName": "pc"}}
    s.SearchInfo = {"SearchType": 0, "ClientIpAddress": "10.0.0.7"}
    assert s.SearchType == 0 and str(s.SearchInfo.ClientIpAddress) == "10.0.0.7"
    assert dhcpm.decode(dhcpm.encode(s, "ndr64"), "DHCP_SEARCH_INFO", "ndr64") == s


def test_constructor_refuses_unknown_fields():
    with pytest.raises(AttributeError, match="ClientNmae"):
        dhcpm.DHCP_CLIENT_INFO(ClientNmae="x")


def test_copy_pickle_and_equality():
    v = typical()
    c = copy.deepcopy(v)
    assert c == v and c is not v
    c.ClientName = "other"
    assert c != v
    assert pickle.loads(pickle.dumps(v)) == v
    with pytest.raises(TypeError):
        hash(v)


def test_every_buffer_is_read_without_a_copy(tmp_path):
    data = (VECTORS / "array-3.ndr64.bin").read_bytes()
    expected = dhcpm.decode(data, "array", "ndr64")
    assert dhcpm.decode(bytearray(data), "array", "ndr64") == expected
    assert dhcpm.decode(memoryview(data), "array", "ndr64") == expected
    path = tmp_path / "a.bin"
    path.write_bytes(data)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        assert dhcpm.decode(m, "array", "ndr64") == expected


def test_decode_error_has_the_clis_line():
    data = (VECTORS / "typical.ndr20.bin").read_bytes()[:60]
    with pytest.raises(dhcpm.DecodeError) as failure:
        dhcpm.decode(data, "client", "ndr20")
    e = failure.value
    assert isinstance(e, ValueError) and isinstance(e, dhcpm.Error)
    assert (e.code, e.offset, e.path) == ("truncated", 60, "SentPotExpTime")
    assert str(e) == "truncated at offset 0x3c: SentPotExpTime: the record is cut off"


def test_framings():
    null_ptr = dhcpm.encode(None, "ndr20", "ptr", type="client")
    assert null_ptr == b"\0\0\0\0"
    assert dhcpm.decode(null_ptr, "client", "ndr20", "ptr") is None
    three = dhcpm.gen(count=3, seed=5)
    buffer = dhcpm.encode(three, "pickle-ndr64")
    assert dhcpm.decode(buffer, "client", all=True) == three  # layout "auto" reads the header
    with pytest.raises(ValueError, match="auto"):
        dhcpm.decode((VECTORS / "typical.ndr20.bin").read_bytes())


def test_convert_between_layouts_and_records():
    data = (VECTORS / "array-3.ndr20.bin").read_bytes()
    assert dhcpm.convert(data, "array", source="ndr20", target="x64") == (VECTORS / "array-3.x64.bin").read_bytes()
    v = typical()
    ex = dhcpm.convert_record(v, "client-ex")
    assert isinstance(ex, dhcpm.DHCPV4_FAILOVER_CLIENT_INFO_EX) and ex.AddressStateEx == 0
    assert dhcpm.convert_record(ex, dhcpm.DHCPV4_FAILOVER_CLIENT_INFO) == v
    ex.AddressStateEx = 4
    with pytest.raises(dhcpm.EncodeError) as failure:
        dhcpm.convert_record(ex, "client")
    assert failure.value.code == "value_out_of_range"


def test_filetime_helpers():
    v = typical()
    when = dhcpm.filetime_to_datetime(v.ClientLeaseExpires)
    assert when.tzinfo is not None
    assert dhcpm.datetime_to_filetime(when) == v.ClientLeaseExpires // 10 * 10
    assert dhcpm.filetime_to_datetime(dhcpm.FILETIME_INFINITE) is None


def test_stubs_by_call_name():
    stub = dhcpm.Stub("R_DhcpV4EnumSubnetClients", "response", ReturnValue=234, ClientsRead=2, ClientsTotal=9)
    stub.ClientInfo = {"NumElements": 0, "Clients": []}
    assert stub.params == ["ResumeHandle", "ClientInfo", "ClientsRead", "ClientsTotal", "ReturnValue"]
    for layout in ("ndr20", "ndr20be", "ndr64"):
        again = dhcpm.decode_call(dhcpm.encode_call(stub, layout), stub.call, "response", layout)
        assert again == stub
    assert dhcpm.return_value_name(stub.ReturnValue) == "ERROR_MORE_DATA"
    assert len(dhcpm.calls()) == 22
    with pytest.raises(AttributeError):
        stub.Nope
