#!/usr/bin/env bash
# The audit trail through ./id06 as an integrator meets it: two verifications against the gateway
# simulator with --audit (throwaway keys from the simulator's state folder), `audit verify` exits 0
# with the counts; the same file with one line edited, removed or swapped exits 4 naming the line;
# `audit show` answers who looked the citizen up; --audit against another gateway without keys exits 2.
# Synthetic data only.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
sim_pid=""
cleanup() {
  if [[ -n "$sim_pid" ]]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "audit-test: FAIL: $*" >&2; exit 1; }
state="$tmp/state"

./id06 simulator --state "$state" --port 0 >"$tmp/sim.out" 2>"$tmp/sim.err" & sim_pid=$!
for _ in $(seq 1 300); do
  [[ -s "$tmp/sim.out" ]] && break
  kill -0 "$sim_pid" 2>/dev/null || fail "the simulator exited: $(cat "$tmp/sim.err")"
  sleep 0.2
done
gw=$(sed -n 's/.*"gateway":"\([^"]*\)".*/\1/p' "$tmp/sim.out")
[[ -n "$gw" ]] || fail "no gateway URL in the simulator's start line"

./id06 simulator --dump 2 >"$tmp/citizens.jsonl"
id1=$(sed -n '1s/.*"citizenId":"\([0-9]*\)".*/\1/p' "$tmp/citizens.jsonl")
id2=$(sed -n '2s/.*"citizenId":"\([0-9]*\)".*/\1/p' "$tmp/citizens.jsonl")
trail="$tmp/trail.jsonl"
for id in "$id1" "$id2"; do
  ./id06 verify --gateway "$gw" --simulator-state "$state" --id "$id" --audit "$trail" >"$tmp/v.json" 2>"$tmp/v.err" \
    || fail "verify --audit: exit $?: $(cat "$tmp/v.err")"
  grep -q '"result":' "$tmp/v.json" || fail "verify printed no result"
done
grep -q 'throwaway keys' "$tmp/v.err" || fail "no throwaway-key notice on stderr"
if grep -q -e "$id1" -e "$id2" "$trail"; then fail "the trail holds an ID"; fi

./id06 audit verify "$trail" --simulator-state "$state" >"$tmp/ok.json" || fail "clean trail: exit $?"
grep -q '"ok":true' "$tmp/ok.json" || fail "clean trail not ok: $(cat "$tmp/ok.json")"
grep -q '"events":2' "$tmp/ok.json" || fail "clean trail: wrong event count: $(cat "$tmp/ok.json")"

expect_line() { # FILE LINE WHAT
  local rc=0
  ./id06 audit verify "$1" --simulator-state "$state" >"$tmp/bad.json" 2>/dev/null || rc=$?
  [[ $rc -eq 4 ]] || fail "$3: exit $rc, expected 4"
  grep -q "\"line\":$2," "$tmp/bad.json" || fail "$3: line $2 not named: $(cat "$tmp/bad.json")"
}
sed '3s/DEMO-OFFICER/DEMO-OFFICEX/' "$trail" >"$tmp/edited.jsonl"
expect_line "$tmp/edited.jsonl" 3 "edited line"
sed '3d' "$trail" >"$tmp/removed.jsonl"
expect_line "$tmp/removed.jsonl" 3 "removed line"
awk '{l[NR]=$0} END{t=l[3]; l[3]=l[6]; l[6]=t; for (i=1; i<=NR; i++) print l[i]}' "$trail" >"$tmp/swapped.jsonl"
expect_line "$tmp/swapped.jsonl" 3 "swapped lines"

./id06 audit show "$trail" --subject "$id1" --simulator-state "$state" >"$tmp/show.json" || fail "audit show: exit $?"
grep -q '"officer":"DEMO-OFFICER"' "$tmp/show.json" || fail "audit show: no officer: $(cat "$tmp/show.json")"
grep -q '"purpose":"id06 simulator demo"' "$tmp/show.json" || fail "audit show: no purpose"

rc=0
./id06 verify --gateway https://gateway.example.vn/ --agency G01 --officer CB1 --procedure 1.0001 \
  --purpose test --id "$id1" --audit "$tmp/elsewhere.jsonl" >/dev/null 2>"$tmp/else.err" || rc=$?
[[ $rc -eq 2 ]] || fail "--audit elsewhere without keys: exit $rc, expected 2"
grep -q -- '--audit-keys' "$tmp/else.err" || fail "--audit elsewhere: the message does not name --audit-keys"
echo "audit-test: ok"
