#!/usr/bin/env bash
# E-form prefill through ./id06 as a portal developer meets it: prefill from a card QR, verify the
# unchanged submission (exit 0), a submission with a locked field changed (exit 4, naming the field)
# and one with a field the form does not have (exit 2). Synthetic data only.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "eform-test: $*" >&2; exit 1; }

qr='079085001234|025123456|Trần Văn Thử|14031985|Nam|Thôn 3, Xã Canh Liên, Huyện Vân Canh, Tỉnh Bình Định|10072021'

./id06 prefill --list >"$tmp/list.json"
grep -q '"health-insurance-renewal"' "$tmp/list.json" || fail "--list lacks a template"

./id06 prefill --form permanent-residence --from-qr "$qr" --out "$tmp/out" >"$tmp/prefill.json" 2>"$tmp/prefill.err"
for f in form.json form.html seal.jws seal-key.pem; do
  [[ -s "$tmp/out/$f" ]] || fail "prefill did not write $f"
done
grep -q 'throwaway key' "$tmp/prefill.err" || fail "no throwaway-key notice on stderr"
grep -q '"currentAddress.province"' "$tmp/prefill.json" || fail "province not locked"
grep -q 'readonly' "$tmp/out/form.html" || fail "no locked field in the HTML"
if grep -qiE '<script|<link|https?:' "$tmp/out/form.html"; then fail "the HTML loads something"; fi

# From a chip read (the in-process virtual card): the chip's values are locked at its proof level.
./id06 prefill --form permanent-residence --from-card --virtual --out "$tmp/card" >"$tmp/card.json" 2>/dev/null
grep -q '"CHIP_AUTHENTICATED"' "$tmp/card.json" || fail "--from-card: no value locked at CHIP_AUTHENTICATED"
[[ -s "$tmp/card/seal.jws" ]] || fail "--from-card did not write seal.jws"

./id06 prefill verify "$tmp/out" "$tmp/out/form.json" >"$tmp/clean.json" || fail "clean submission: exit $?"
grep -q '"tampered":\[\]' "$tmp/clean.json" || fail "clean submission reported tampering"

sed 's/Trần Văn Thử/Trần Văn Khác/' "$tmp/out/form.json" >"$tmp/changed.json"
rc=0; ./id06 prefill verify "$tmp/out" "$tmp/changed.json" >"$tmp/changed.out" 2>/dev/null || rc=$?
[[ $rc -eq 4 ]] || fail "changed locked field: exit $rc, expected 4"
grep -q '"field":"fullName","reason":"CHANGED"' "$tmp/changed.out" || fail "tampered field not named"

sed 's/"fields" : \[ {/"fields" : [ {"id":"bankAccount","value":"1"}, {/' "$tmp/out/form.json" >"$tmp/extra.json"
rc=0; ./id06 prefill verify "$tmp/out" "$tmp/extra.json" >/dev/null 2>"$tmp/extra.err" || rc=$?
[[ $rc -eq 2 ]] || fail "extra field: exit $rc, expected 2"
grep -q bankAccount "$tmp/extra.err" || fail "extra field not named"

rc=0; ./id06 prefill --form no-such-form --out "$tmp/none" >/dev/null 2>&1 || rc=$?
[[ $rc -eq 2 ]] || fail "unknown template: exit $rc, expected 2"
[[ ! -e "$tmp/none" ]] || fail "a failed prefill wrote to --out"
echo "eform-test: ok"
