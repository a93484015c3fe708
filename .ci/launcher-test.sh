#!/usr/bin/env bash
# Exercises ./id06 as a user meets it: the first launch builds (once, even with two launches at once), a
# broken build exits 1 with its last lines, Vietnamese text survives LANG=C and an empty locale, the
# launcher works through symlinks, closed or full standard streams never pass for success, and an
# argument starting with @ is not read as a file.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "launcher-test: FAIL: $*" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
passed=0

# 1. Two launches at once on a missing jar: both succeed, one builds.
rm -f examples/target/id06-examples-*-cli.jar
./id06 id inspect 079190012345 >"$tmp/a.out" 2>"$tmp/a.err" & pa=$!
./id06 id inspect 079190012345 >"$tmp/b.out" 2>"$tmp/b.err" & pb=$!
wait $pa || fail "first concurrent launch exited non-zero: $(cat "$tmp/a.err")"
wait $pb || fail "second concurrent launch exited non-zero: $(cat "$tmp/b.err")"
builds=$(cat "$tmp/a.err" "$tmp/b.err" | grep -c 'building the command line' || true)
[[ "$builds" == 1 ]] || fail "expected exactly one build for two launches, saw $builds"
grep -q '"valid":true' "$tmp/a.out" || fail "first launch printed no valid result"
grep -q '"valid":true' "$tmp/b.out" || fail "second launch printed no valid result"
passed=$((passed + 1))

# 2. UTF-8 in arguments, stdin and stdout whatever the locale.
clean_env=(env -i PATH="$PATH" HOME="${HOME:-/root}")
[[ -n "${JAVA_HOME:-}" ]] && clean_env+=(JAVA_HOME="$JAVA_HOME")
for locale in "LANG=C" "LANG=" "LC_ALL=POSIX"; do
  out=$("${clean_env[@]}" "$locale" ./id06 id inspect 079190012345 --sex 'Nữ' --dob 1990-03-14)
  [[ "$out" == *'"valid":true'* ]] || fail "$locale: Nữ in an argument was not read as FEMALE: $out"
  out=$("${clean_env[@]}" "$locale" ./id06 id inspect 079190012345 --sex 'Nam')
  [[ "$out" == *'SEX_MISMATCH'* ]] || fail "$locale: a declared sex mismatch was not reported: $out"
  out=$(printf '079190012345|271234567|Nguyễn Thị Hoà|14031990|Nữ|Xã Phước Hòa, Tỉnh Gia Lai|01072021' \
    | "${clean_env[@]}" "$locale" ./id06 qr parse)
  [[ "$out" == *'"fullName":"Nguyễn Thị Hoà"'* ]] || fail "$locale: the name did not survive stdin/stdout: $out"
  passed=$((passed + 1))
done

# 3. Bad input: exit 2, message on stderr naming the field, never echoing the value.
set +e
"${clean_env[@]}" ./id06 id inspect 07919001234X >"$tmp/bad.out" 2>"$tmp/bad.err"; rc=$?
set -e
[[ $rc == 2 ]] || fail "a malformed ID should exit 2, got $rc"
[[ ! -s "$tmp/bad.out" ]] || fail "a bad-input run printed on stdout"
grep -q 'citizenId' "$tmp/bad.err" || fail "the message does not name the field"
! grep -q '07919001234X' "$tmp/bad.err" || fail "the message echoes the input"
passed=$((passed + 1))

# 4. Installed through a symlink (and a relative link to that link), run from another directory.
mkdir -p "$tmp/bin" "$tmp/lib"
ln -s "$PWD/id06" "$tmp/lib/id06"
ln -s ../lib/id06 "$tmp/bin/id06"
out=$(cd / && "$tmp/bin/id06" id inspect 079190012345) || fail "the launcher failed through a symlink"
[[ "$out" == *'"valid":true'* ]] || fail "no result through a symlink: $out"
passed=$((passed + 1))

# 5. Standard streams: a full or closed stdout exits 1 with a message; a closed stdin reads as empty
# (not as whatever file the JVM opens next); a closed stderr changes no exit status.
set +e
./id06 id inspect 079190012345 >/dev/full 2>"$tmp/full.err"; rc=$?
set -e
[[ $rc == 1 ]] || fail "stdout on /dev/full should exit 1, got $rc"
grep -q 'could not be written' "$tmp/full.err" || fail "no message for an unwritable stdout"
set +e
./id06 id inspect 079190012345 >&- 2>"$tmp/closed.err"; rc=$?
set -e
[[ $rc == 1 ]] || fail "a closed stdout should exit 1, got $rc"
grep -q 'could not be written' "$tmp/closed.err" || fail "no message for a closed stdout"
set +e
./id06 qr parse <&- >"$tmp/stdin.out" 2>"$tmp/stdin.err"; rc=$?
set -e
[[ $rc == 2 ]] || fail "a closed stdin should be empty input (exit 2), got $rc"
grep -q 'EMPTY' "$tmp/stdin.err" || fail "a closed stdin was not read as empty: $(cat "$tmp/stdin.err")"
set +e
./id06 id inspect 0791900123 2>&- >/dev/null; rc=$?
set -e
[[ $rc == 2 ]] || fail "a closed stderr changed the exit status to $rc"
passed=$((passed + 1))

# 6. "@file" is an argument, not a file to read arguments from.
printf '079190012345\n' >"$tmp/args"
set +e
./id06 id inspect "@$tmp/args" >"$tmp/at.out" 2>"$tmp/at.err"; rc=$?
set -e
[[ $rc == 2 && ! -s "$tmp/at.out" ]] || fail "@file was expanded (exit $rc)"
passed=$((passed + 1))

# 7. A broken build: exit 1 with the build's last lines (in a throwaway clone, never this tree).
git clone -q . "$tmp/clone"
printf 'class Broken {' > "$tmp/clone/examples/src/main/java/Broken.java"
set +e
(cd "$tmp/clone" && ./id06 demo) >"$tmp/broken.out" 2>"$tmp/broken.err"; rc=$?
set -e
[[ $rc == 1 ]] || fail "a failed build should exit 1, got $rc"
grep -q 'build failed' "$tmp/broken.err" || fail "no build-failure message"
grep -q 'Broken.java' "$tmp/broken.err" || fail "the build's last lines were not shown"
passed=$((passed + 1))

echo "launcher: $passed passed, 0 failed"
