"""docs/python.md is run: each ```python block in order, in one namespace, in a directory holding the
golden vectors, its printed output compared with the ```output block after it; the ```python
file=NAME blocks are written out and run as a pytest suite, as a harness would run them."""

import contextlib
import io
import os
import pathlib
import re
import subprocess
import sys

from conftest import VECTORS

DOC = pathlib.Path(__file__).parents[2] / "docs" / "python.md"
BLOCK = re.compile(r"```(python|output)([^\n]*)\n(.*?)```", re.S)


def blocks():
    return [(kind, info.strip(), body) for kind, info, body in BLOCK.findall(DOC.read_text())]


def test_examples_print_what_the_page_shows(monkeypatch):
    monkeypatch.chdir(VECTORS)
    namespace = {}
    found = blocks()
    ran = 0
    for i, (kind, info, body) in enumerate(found):
        if kind != "python" or info:
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(body, f"{DOC.name} block {i}", "exec"), namespace)  # noqa: S102
        ran += 1
        if i + 1 < len(found) and found[i + 1][0] == "output":
            assert out.getvalue() == found[i + 1][2], f"block {i}"
    assert ran >= 7


def test_the_harness_example_passes(tmp_path):
    files = {info.split("=", 1)[1]: body for kind, info, body in blocks() if info.startswith("file=")}
    assert set(files) == {"conftest.py", "test_server.py"}
    for name, body in files.items():
        (tmp_path / name).write_text(body)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=VECTORS, capture_output=True, text=True, env=os.environ, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout
