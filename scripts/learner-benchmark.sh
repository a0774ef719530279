#!/usr/bin/env bash
# A new learner's first minute, measured (a benchmark, not a test): `git clone` → the first red
# test with `swift run kata check` in katas/, then a re-check after a one-line edit.
#
#   scripts/learner-benchmark.sh [REPOSITORY]      (default: this repository's committed HEAD)
#
# The clone goes to a fresh temporary folder, so no build cache is reused.
set -euo pipefail
source=${1:-$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)}
work=$(mktemp -d /tmp/kata-benchmark.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# CPU seconds (user + system) of the children run so far: unlike wall time, not inflated by
# other work on a shared machine.
# `times` must run in this shell, not in a $(…) subshell, to see them.
cpu() { awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, "m"); s += t[1] * 60 + t[2] } printf "%.1f", s }' "$work/times"; }

start=$(now)
git clone --quiet "$source" "$work/repository"
cloned=$(now)
cd "$work/repository/katas"
# Not solved yet, so the check exits 1; the output must hold a failing behaviour.
swift run kata check > "$work/first.txt" 2>&1 || true
first_red=$(now)
times > "$work/times"; first_cpu=$(cpu)
grep -q '^✗ ' "$work/first.txt" || { echo "no red test in the first check:"; cat "$work/first.txt"; exit 1; }

# A learner's edit: one changed line in the stub.
file=timeout/Sources/Timeout.swift
sed -i.orig '0,/TODO(kata)/s//TODO(kata) (edited)/' "$file"
cmp -s "$file" "$file.orig" && { echo "the edit changed nothing in $file"; exit 1; }
rm "$file.orig"
edited=$(now)
swift run kata check > "$work/second.txt" 2>&1 || true
rechecked=$(now)
times > "$work/times"; total_cpu=$(cpu)
grep -q 'behaviours pass' "$work/second.txt" || { echo "the re-check reported no behaviours:"; cat "$work/second.txt"; exit 1; }

echo "clone:                        $(seconds "$start" "$cloned") s"
echo "clone → first red test:       $(seconds "$start" "$first_red") s   (CPU $first_cpu s)"
echo "re-check after an edit:       $(seconds "$edited" "$rechecked") s   (CPU $(seconds "$first_cpu" "$total_cpu") s)"
echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "first check said: $(grep -m1 'behaviours pass' "$work/first.txt")"
