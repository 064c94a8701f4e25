#!/usr/bin/env bash
# The plugin under tshark: generates a capture with dhcpm_pcapgen, dissects it
# with the plugin from the build tree and checks what tshark shows against the
# values the capture was made from (expected.tsv), the expert info of the two
# malformed responses, the reassembly of the fragmented one and, for ndr20,
# the -V text against tests/expected/ndr20.txt (docs/wireshark.md shows it).
#
#   tshark_test.sh PCAPGEN PLUGIN_DIR TSHARK TESTS_SRC WORK_DIR WIRE
#
# Exit 0 pass, 1 fail, 77 skipped (with the reason on stdout).
set -euo pipefail

pcapgen=$1 plugin_dir=$2 tshark=$3 tests_src=$4 work=$5 wire=$6
vectors="$tests_src/../../tests/vectors"

rm -rf "$work"
mkdir -p "$work"
chmod 755 "$work"
"$pcapgen" --vectors "$vectors" --wire "$wire" --out "$work/$wire.pcap" --expected "$work/expected.tsv"
chmod 644 "$work/$wire.pcap"

# Wireshark ignores WIRESHARK_PLUGIN_DIR and personal plugins when it runs
# with special privileges, root included: as root, tshark runs as nobody.
# nobody must then reach the plugin, the capture and its HOME, and the build
# tree may lie below a directory only root can enter (a clone in mktemp -d,
# or in /root): they are copied to a directory nobody can read.
pcap="$work/$wire.pcap"
tshark_home="$work"
tshark_plugins="$plugin_dir"
as_nobody=()
if [[ $(id -u) == 0 ]]; then
  if ! command -v setpriv >/dev/null; then
    echo "skipped: running as root and setpriv (util-linux) is missing: tshark would not load the plugin"
    exit 77
  fi
  shared=$(mktemp -d "${TMPDIR:-/tmp}/dhcpm-tshark.XXXXXX")
  trap 'rm -rf "$shared"' EXIT
  cp -R "$plugin_dir" "$shared/plugins"
  cp "$pcap" "$shared/"
  chmod -R a+rX "$shared"
  pcap="$shared/$wire.pcap"
  tshark_home="$shared"
  tshark_plugins="$shared/plugins"
  as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
run_tshark=("${as_nobody[@]}" env "HOME=$tshark_home" "WIRESHARK_PLUGIN_DIR=$tshark_plugins" "$tshark")
tshark() { "${run_tshark[@]}" "$@" 2>"$work/tshark.stderr"; }

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

if ! tshark -G plugins | grep -q "dhcpm.so"; then
  echo "FAIL: tshark did not load $plugin_dir/*/epan/dhcpm.so"
  cat "$work/tshark.stderr"
  exit 1
fi

# Responses: the fields against the source values.
tshark -r "$pcap" -Y 'dhcpm && dcerpc.pkt_type == 2' -T fields -E separator=/t \
  -e dcerpc.cn_call_id -e dhcpm.ClientIpAddress -e dhcpm.ClientName -e dhcpm.PolicyName \
  -e dhcpm.OwnerHost.HostName -e dhcpm.ReturnValue -e dhcpm.error >"$work/responses.tsv"
# Requests: the search key.
tshark -r "$pcap" -Y 'dhcpm && dcerpc.pkt_type == 0' -T fields -E separator=/t \
  -e dcerpc.cn_call_id -e dhcpm.SearchInfo.ClientIpAddress -e dhcpm.ServerIpAddress >"$work/requests.tsv"

# A tab is IFS whitespace, so `read` would merge empty columns: the columns
# are split on the unit separator instead.
us=$'\037'
while IFS=$us read -r call search ip name policy host ret err; do
  got=$(awk -F'\t' -v c="$call" '$1 == c' "$work/responses.tsv" | tr '\t' "$us")
  if [[ -z $got ]]; then
    fail "call $call: no dhcpm response"
    continue
  fi
  IFS=$us read -r _ g_ip g_name g_policy g_host g_ret g_err <<<"$got"
  check() { # label expected got
    [[ $2 == "*" || $2 == "$3" ]] || fail "call $call $1: expected '$2', tshark shows '$3'"
  }
  check ClientIpAddress "$ip" "$g_ip"
  check ClientName "$name" "$g_name"
  check PolicyName "$policy" "$g_policy"
  check OwnerHost.HostName "$host" "$g_host"
  check ReturnValue "$ret" "$g_ret"
  check error "$err" "$g_err"
  req=$(awk -F'\t' -v c="$call" '$1 == c' "$work/requests.tsv")
  [[ $req == "$call"$'\t'"$search"$'\t'"192.168.1.2" ]] ||
    fail "call $call request: expected search key $search from 192.168.1.2, tshark shows '$req'"
done < <(tr '\t' "$us" <"$work/expected.tsv")

expected_calls=$(wc -l <"$work/expected.tsv")
shown_calls=$(wc -l <"$work/responses.tsv")
[[ $expected_calls == "$shown_calls" ]] || fail "$shown_calls dhcpm responses shown, $expected_calls expected"

# The fragmented response (call 8): three PDUs, one reassembled stub.
fragments=$(tshark -r "$pcap" -Y 'dcerpc.cn_call_id == 8 && dcerpc.pkt_type == 2' | wc -l)
[[ $fragments == 3 ]] || fail "call 8: $fragments response fragments, expected 3"

# Expert info on the malformed responses: dhcpm's code and path.
tshark -r "$pcap" -Y 'dhcpm.error' -T fields -E separator=/t \
  -e dcerpc.cn_call_id -e _ws.expert.severity -e _ws.expert.message >"$work/expert.tsv"
grep -q $'^9\t.*\tdhcpm: truncated at stub offset [0-9]*: ReturnValue: ' "$work/expert.tsv" ||
  fail "call 9: no truncated expert info on ReturnValue: $(cat "$work/expert.tsv")"
grep -q $'^10\t.*\tdhcpm: actual_count_exceeds_max at stub offset [0-9]*: ClientInfo.ClientName: ' "$work/expert.tsv" ||
  fail "call 10: no actual_count_exceeds_max expert info on ClientInfo.ClientName: $(cat "$work/expert.tsv")"

# Filters work on every field type.
for filter in 'dhcpm.ClientName == "laptop-42.corp.example.com"' 'dhcpm.ClientIpAddress == 192.168.1.10' \
  'dhcpm.OwnerHost.NetBiosName == "DHCP-A"' 'dhcpm.bClientType == 1' 'dhcpm.ReturnValue == 20013'; do
  n=$(tshark -r "$pcap" -Y "$filter" | wc -l)
  ((n > 0)) || fail "filter '$filter' matches nothing"
done

# The text of tshark -V for ndr20 (docs/wireshark.md), Wireshark 4.0 only:
# other versions word the DCE/RPC lines differently.
golden="$tests_src/expected/$wire.txt"
if [[ -f $golden ]]; then
  version=$("${run_tshark[@]}" --version 2>/dev/null | head -1 | grep -o '[0-9]\+\.[0-9]\+\.[0-9]\+' | head -1)
  if [[ $version == 4.0.* ]]; then
    tshark -r "$pcap" -V -O dhcpm -Y 'dcerpc.cn_call_id == 2 || dcerpc.cn_call_id == 9' |
      sed -e 's/[[:space:]]*$//' >"$work/tshark-V.txt"
    if ! diff -u "$golden" "$work/tshark-V.txt" >"$work/golden.diff"; then
      fail "tshark -V differs from $golden:"
      cat "$work/golden.diff"
    fi
  else
    echo "note: tshark $version is not 4.0: the -V text was not compared with $golden"
  fi
  # The example in docs/wireshark.md must be a part of the golden text, word for word.
  docs="$tests_src/../../docs/wireshark.md"
  excerpt=$(awk '/^This is the part of/ { found = 1; next } found && /^```/ { if (inside) exit; inside = 1; next }
                 inside { print }' "$docs")
  [[ -n $excerpt && $(<"$golden") == *"$excerpt"* ]] ||
    fail "the tshark -V example in docs/wireshark.md is not a part of $golden"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed; tshark's output is in $work"
  exit 1
fi
echo "ok: $wire: $expected_calls calls checked"
