#!/usr/bin/env bash
# Runs the examples of a documentation page, so that they cannot go stale.
#
#   run_doc_examples.sh [--strict] PAGE.md WORK_DIR
#
# Fenced blocks the page marks:
#   ```c example      a C99 program: compiled against dhcpm (-Wall -Wextra -pedantic -Werror) and run
#   ```cpp example    a C++20 program: the same with the C++ API
#   ```sh example     a bash script (set -e -o pipefail) with the built `dhcpm` first on PATH
#   ```output         right after an example: its expected stdout and stderr, as a terminal shows them
#   ```cmake excerpt FILE   every non-blank line must occur in FILE (relative to the repository)
# Examples run in WORK_DIR, which starts as a copy of tests/vectors, one after
# another, so an example may use the files an earlier one wrote. An example
# fails when it does not build, exits non-zero, or prints other than its output
# block. --strict also fails c, cpp, sh, bash, console and cmake blocks that are
# neither examples nor excerpts: on such a page every piece of code is checked.
#
# Environment: DHCPM_BIN_DIR (holds the dhcpm tool), DHCPM_VECTORS, DHCPM_REPO,
# DHCPM_INCLUDE, DHCPM_LIBRARY (the built library file), DHCPM_CC, DHCPM_CXX,
# DHCPM_FLAGS (compile and link flags both, e.g. the sanitizers).
set -euo pipefail

strict=0
if [[ "${1:-}" == "--strict" ]]; then
  strict=1
  shift
fi
if (($# != 2)); then
  echo "usage: $0 [--strict] PAGE.md WORK_DIR" >&2
  exit 2
fi
page="$1"
work="$2"
for var in DHCPM_BIN_DIR DHCPM_VECTORS DHCPM_REPO DHCPM_INCLUDE DHCPM_LIBRARY DHCPM_CC DHCPM_CXX; do
  if [[ -z "${!var:-}" ]]; then
    echo "$0: $var is not set" >&2
    exit 2
  fi
done
read -r -a flags <<<"${DHCPM_FLAGS:-}"
link_flags=()
if [[ "$DHCPM_LIBRARY" == *.so || "$DHCPM_LIBRARY" == *.so.* ]]; then
  link_flags=("-Wl,-rpath,$(dirname "$DHCPM_LIBRARY")")  # BUILD_SHARED_LIBS
fi

rm -rf "$work"
mkdir -p "$work/.examples"
cp -r "$DHCPM_VECTORS"/. "$work/"
blocks="$work/.examples"
: >"$blocks/manifest"

# Split the page: block N becomes $blocks/N.<kind> and a manifest line
# "N kind first_line argument".
awk -v dir="$blocks" -v strict="$strict" '
  function fail(msg) { printf "%s:%d: %s\n", FILENAME, NR, msg > "/dev/stderr"; bad = 1 }
  /^```/ {
    if (open) { open = 0; close(file); next }
    split("", word)
    split(substr($0, 4), word, /[ \t]+/)
    lang = word[1]; tag = word[2]; arg = word[3]
    n++; open = 1; kind = ""
    if (tag == "example" && (lang == "c" || lang == "cpp" || lang == "sh")) kind = lang
    else if (lang == "output" && tag == "") kind = "output"
    else if (lang == "cmake" && tag == "excerpt" && arg != "") kind = "excerpt"
    else if (strict && (lang == "c" || lang == "cpp" || lang == "sh" || lang == "bash" || lang == "console" || lang == "cmake"))
      fail("a " lang " block that is not run: tag it `example` (or `excerpt FILE` for cmake)")
    if (kind == "") kind = "text"
    file = dir "/" n "." kind
    printf "" > file
    printf "%d %s %d %s\n", n, kind, NR, arg > (dir "/manifest")
    next
  }
  open { print > file }
  END { if (open) fail("an unclosed code block"); exit bad }
' "$page"

failures=0
examples=0
previous_kind=""
previous_n=""
report() {  # line message
  echo "$page:$1: $2" >&2
  failures=$((failures + 1))
}

# Builds and runs one example; its combined output goes to $blocks/N.actual.
run_example() {
  local n="$1" kind="$2" line="$3" status=0
  local program="$blocks/$n.program"
  case "$kind" in
    c)
      if ! "$DHCPM_CC" -std=c99 -Wall -Wextra -pedantic -Werror "${flags[@]}" -I"$DHCPM_INCLUDE" \
             -c "$blocks/$n.c" -o "$blocks/$n.o" >"$blocks/$n.build" 2>&1 ||
         ! "$DHCPM_CXX" "${flags[@]}" "$blocks/$n.o" "$DHCPM_LIBRARY" "${link_flags[@]}" -o "$program" >>"$blocks/$n.build" 2>&1; then
        report "$line" "the C example does not build:"
        cat "$blocks/$n.build" >&2
        return
      fi
      ;;
    cpp)
      if ! "$DHCPM_CXX" -std=c++20 -Wall -Wextra -pedantic -Werror "${flags[@]}" -I"$DHCPM_INCLUDE" \
             "$blocks/$n.cpp" "$DHCPM_LIBRARY" "${link_flags[@]}" -o "$program" >"$blocks/$n.build" 2>&1; then
        report "$line" "the C++ example does not build:"
        cat "$blocks/$n.build" >&2
        return
      fi
      ;;
    sh)
      program="bash -e -o pipefail $blocks/$n.sh"
      ;;
  esac
  (cd "$work" && PATH="$DHCPM_BIN_DIR:$PATH" $program) >"$blocks/$n.actual" 2>&1 || status=$?
  if ((status != 0)); then
    report "$line" "the example exited with status $status; its output:"
    cat "$blocks/$n.actual" >&2
  fi
}

while read -r n kind line arg; do
  case "$kind" in
    c | cpp | sh)
      examples=$((examples + 1))
      run_example "$n" "$kind" "$line"
      ;;
    output)
      if [[ "$previous_kind" != c && "$previous_kind" != cpp && "$previous_kind" != sh ]]; then
        report "$line" "an output block must follow an example"
      elif [[ -f "$blocks/$previous_n.actual" ]] &&
           ! diff -u "$blocks/$n.output" "$blocks/$previous_n.actual" >"$blocks/$n.diff"; then
        report "$line" "the example above printed something else (- documented, + actual):"
        cat "$blocks/$n.diff" >&2
      fi
      ;;
    excerpt)
      while IFS= read -r text; do
        trimmed="$(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' <<<"$text")"
        [[ -z "$trimmed" ]] && continue
        if ! sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$DHCPM_REPO/$arg" | grep -qxF -- "$trimmed"; then
          report "$line" "not in $arg: $trimmed"
        fi
      done <"$blocks/$n.excerpt"
      ;;
  esac
  previous_kind="$kind"
  previous_n="$n"
done <"$blocks/manifest"

if ((examples == 0)); then
  report 1 "no examples to run"
fi
if ((failures != 0)); then
  echo "$page: $failures problem(s) in $examples example(s)" >&2
  exit 1
fi
echo "$page: $examples example(s) ran as documented"
