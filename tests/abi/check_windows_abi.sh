#!/usr/bin/env bash
# check_windows_abi.sh PRINTER COMPILER OUT_DIR
# Compiles the static_asserts PRINTER writes with a Windows-ABI compiler.
# Exits 77 (CTest's "skipped") when the compiler is not installed, saying why.
set -euo pipefail
printer=$1 compiler=$2 out=$3
if ! command -v "$compiler" >/dev/null 2>&1; then
  echo "SKIPPED: $compiler is not installed (scripts/test installs g++-mingw-w64-x86-64 and gcc-mingw-w64-i686)"
  exit 77
fi
mkdir -p "$out"
"$printer" > "$out/windows_abi_check.c"
"$compiler" -std=c11 -fsyntax-only -Wall -Werror "$out/windows_abi_check.c"
echo "$compiler agrees with every offset and size of the x64/x86 layout table"
