"""The type stub (dhcpm/__init__.pyi, written by the build from the module's schema) describes the
module: every public name, and every field of every class, with the type the attribute holds."""

import ast
import ipaddress
import pathlib
import pytest

import dhcpm

STUB = pathlib.Path(dhcpm.__file__).with_name("__init__.pyi")


def stub_classes():
    tree = ast.parse(STUB.read_text())
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}, tree


def annotations(node):
    return {a.target.id: ast.unparse(a.annotation) for a in node.body if isinstance(a, ast.AnnAssign)}


def test_every_public_name_is_in_the_stub():
    classes, tree = stub_classes()
    names = set(classes)
    names |= {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    names |= {t.target.id for t in tree.body if isinstance(t, ast.AnnAssign)}
    public = {n for n in dir(dhcpm) if not n.startswith("_")} - {"annotations"}
    assert public - names == set()


def test_every_field_has_the_type_its_attribute_holds():
    classes, _ = stub_classes()
    checked = 0
    for cls in [c for c in vars(dhcpm).values() if isinstance(c, type) and hasattr(c, "fields")]:
        declared = annotations(classes[cls.__name__])
        value = dhcpm.gen(cls, seed=1) if hasattr(cls, "type_name") else cls()
        for name, kind, _arm, _selector in cls.fields:
            held = getattr(value, name)
            text = declared[name]
            if held is None:
                assert text.startswith("Optional["), (cls.__name__, name, text)
            elif isinstance(held, int):
                assert text == "int"
            elif isinstance(held, ipaddress.IPv4Address):
                assert text == "ipaddress.IPv4Address"
            elif isinstance(held, str):
                assert text == "Optional[str]"
            else:
                assert type(held).__name__ in text, (cls.__name__, name, text)
            checked += 1
    assert checked > 150


def test_mypy_accepts_a_typed_harness(tmp_path):
    mypy = pytest.importorskip("mypy.api", reason="mypy is not installed (Debian: python3-mypy)")
    program = tmp_path / "harness.py"
    program.write_text(
        "import dhcpm\n"
        "from typing import Optional\n"
        "v = dhcpm.DHCP_CLIENT_INFO_PB(ClientName='x')\n"
        "name: Optional[str] = v.ClientName\n"
        "n: int = v.OwnerHost.IpAddress.packed[0] + v.ClientHardwareAddress.DataLength\n"
        "data: bytes = dhcpm.encode(v, 'ndr64')\n"
        "a = dhcpm.DHCP_CLIENT_INFO_PB_ARRAY(Clients=[v])\n"
        "if a.Clients is not None:\n"
        "    first = a.Clients[0]\n"
        "    if first is not None:\n"
        "        s: Optional[str] = first.PolicyName\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text("import dhcpm\nx: str = dhcpm.DHCP_CLIENT_INFO_PB().Status\n")
    options = ["--no-incremental", "--cache-dir", str(tmp_path / "cache")]
    out, err, code = mypy.run(options + [str(program)])
    assert code == 0, out + err
    out, _, code = mypy.run(options + [str(bad)])  # the stub is what tells mypy that Status is an int
    assert code == 1 and 'Incompatible types in assignment (expression has type "int"' in out, out
