"""Fixtures of dhcpm's Python tests: the golden vectors and the CLI, found through the
environment that CTest sets (python/CMakeLists.txt)."""

import json
import os
import pathlib
import subprocess

import pytest

VECTORS = pathlib.Path(os.environ.get("DHCPM_VECTORS", pathlib.Path(__file__).parents[1] / "vectors"))
CLI = os.environ.get("DHCPM_CLI")


def read_key(key):
    """(foreign, framing, layout) of a file key of tests/vectors/index.json ("ptr.ndr64", "pickle2.ndr20")."""
    parts = key.split(".")
    foreign = parts[0] == "foreign"
    if foreign:
        parts = parts[1:]
    framing = parts.pop(0) if parts[0] in ("ptr", "response") else "bare"
    if parts[0] in ("pickle", "pickle2"):
        layout = parts[0] + "-" + parts[1]
    else:
        layout = parts[0]
    return foreign, framing, layout


def failover_vectors():
    """(name, type, key, foreign, framing, layout) for every file of tests/vectors."""
    index = json.loads((VECTORS / "index.json").read_text())
    for name, entry in index.items():
        for key in entry["files"]:
            yield (name, entry["type"], key) + read_key(key)


def family_vectors():
    """(name, entry, layout) for every file of tests/vectors/family."""
    index = json.loads((VECTORS / "family" / "index.json").read_text())
    for name, entry in index.items():
        for layout in entry["files"]:
            yield name, entry, layout


def run_cli(*args, data=None):
    """The dhcpm CLI's (exit code, stdout, stderr)."""
    done = subprocess.run([CLI, *args], input=data, capture_output=True, check=False)
    return done.returncode, done.stdout, done.stderr.decode()


needs_cli = pytest.mark.skipif(CLI is None, reason="DHCPM_CLI is not set (the CLI is not built)")
