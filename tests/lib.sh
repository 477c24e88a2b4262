# What the shell test scripts share (POSIX sh; sourced by sh and bash
# scripts alike): counting passed and failed checks, saying each failure, the
# checks of a command's exit status and output, and the closing tally. One
# copy, so every script counts and reports the same way.
#
#   . "$(dirname "$0")/../lib.sh"      (from tests/SUITE/SCRIPT)
#
# Settings, read when a check fails (set them after sourcing):
#   T             scratch directory: `check` keeps a command's stdout in
#                 $T/out and its stderr in $T/err, which the out_*/err_*
#                 checks read
#   fail_stderr   show this many lines of $T/err under each failure (0: none)
#   fail_fd       the file descriptor failures are written to (default 2)

pass=0
fail=0
fail_stderr=0
fail_fd=2

ok() { pass=$((pass + 1)); }

# bad MESSAGE: counts a failure and says "FAIL: MESSAGE".
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*" >&"$fail_fd"
    if [ "$fail_stderr" -gt 0 ] && [ -f "${T:-}/err" ]; then
        sed 's/^/    stderr: /' "$T/err" | head -n "$fail_stderr" >&"$fail_fd"
    fi
}

# check NAME EXPECTED_EXIT COMMAND...: runs COMMAND with stdout in $T/out and
# stderr in $T/err; passes when it exits EXPECTED_EXIT.
check() {
    name=$1 want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, expected $want"; fi
}

# succeeds NAME COMMAND...: passes when COMMAND succeeds (its output unseen).
succeeds() {
    name=$1
    shift
    if "$@" >/dev/null 2>&1; then ok; else bad "$name"; fi
}

# What the last `check` wrote: NAME PATTERN (grep basic regular expressions).
err_has() { if grep -q -- "$2" "$T/err"; then ok; else bad "$1: stderr lacks '$2'"; fi; }
err_lacks() { if grep -q -- "$2" "$T/err"; then bad "$1: stderr shows '$2'"; else ok; fi; }
err_count() { n=$(grep -c -- "$2" "$T/err"); if [ "$n" -eq "$3" ]; then ok; else bad "$1: '$2' on $n stderr lines, expected $3"; fi; }
out_has() { if grep -q -- "$2" "$T/out"; then ok; else bad "$1: stdout lacks '$2'"; fi; }
out_empty() { if [ -s "$T/out" ]; then bad "$1: stdout not empty"; else ok; fi; }

# tally [LABEL]: prints "LABEL: N passed, M failed" ("N passed, M failed"
# without a label); true when nothing failed, so a script can end with it.
tally() {
    if [ $# -gt 0 ]; then echo "$1: $pass passed, $fail failed"; else echo "$pass passed, $fail failed"; fi
    [ "$fail" -eq 0 ]
}
