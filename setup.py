"""`pip install --no-build-isolation .`: the Python module dhcpm, built by CMake (the library and python/),
offline, with Debian's setuptools, wheel and pybind11 (scripts/deps installs them). docs/python.md says more."""

import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).parent.resolve()
VERSION = re.search(r"project\(dhcpm VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1)


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Configures an optimised build of the library and the module only, and copies the module in."""

    def build_extension(self, ext):
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        options = [
            "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release", f"-DPython_EXECUTABLE={sys.executable}",
            "-DDHCPM_BUILD_PYTHON=ON", "-DDHCPM_BUILD_TOOLS=OFF", "-DDHCPM_BUILD_TESTS=OFF",
            "-DDHCPM_BUILD_BENCHMARKS=OFF", "-DDHCPM_BUILD_FUZZERS=OFF", "-DDHCPM_INSTALL=OFF",
        ]
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), *options], check=True)
        jobs = str(os.cpu_count() or 2)
        subprocess.run(["cmake", "--build", str(build), "--target", "_dhcpm", "--parallel", jobs], check=True)
        built = next((build / "python" / "dhcpm").glob("_dhcpm*" + (".pyd" if os.name == "nt" else ".so")))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)
        shutil.copy2(built.parent / "__init__.pyi", target.parent / "__init__.pyi")  # written by the build


setup(
    name="dhcpm",
    version=VERSION,
    description="The MS-DHCPM client records and their calls, exact in every layout",
    packages=["dhcpm"],
    package_dir={"": "python"},
    package_data={"dhcpm": ["py.typed"]},
    ext_modules=[CMakeExtension("dhcpm._dhcpm")],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    zip_safe=False,
)
