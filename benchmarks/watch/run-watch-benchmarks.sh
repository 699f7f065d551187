#!/usr/bin/env bash
# Benchmark of the switchboard `watch` goal (issue budget: on a 20-service tree, from a file write to
# regenerated sources, the median is under the debounce plus 200 ms).
#
#   1. installs the plugin from this working tree into a private local repository
#      (benchmarks/target/watch-bench/m2-head, with ~/.m2 behind it through maven.repo.local.tail), so
#      ~/.m2 is not touched and one build of the plugin is measured from start to end;
#   2. builds benchmarks/ (WatchLatency and the proto tree generator) against that repository;
#   3. runs WatchLatency: a 20-service tree under benchmarks/target/watch-bench/tree-20, `mvnw
#      switchboard:watch` on it, WARMUP untimed and EDITS timed edits (each adds an rpc to one service),
#      the time from just before the write to the goal's "switchboard: watch: …" line, then SIGINT (Ctrl-C);
#   4. prints the machine and the summary; the raw data is in benchmarks/target/watch-bench/
#      (edits.tsv, watch-maven.log, machine.txt).
#
# Usage: benchmarks/watch/run-watch-benchmarks.sh [--edits N] [--warmup N] [--debounce MS] [--services N]
# Exits non-zero when a run fails, not when the budget is missed (budgets are judged in RESULTS.md).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(dirname "$here")"
repo="$(dirname "$bench")"
mvnw="$repo/mvnw"
edits="${EDITS:-30}"
warmup="${WARMUP:-3}"
debounce="${DEBOUNCE:-300}"
services="${SERVICES:-20}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --edits) edits="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --debounce) debounce="$2"; shift 2 ;;
    --services) services="$2"; shift 2 ;;
    --runs) shift 2 ;; # run-all.sh passes the registry benchmark's options through; one run here
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1; see --help" >&2; exit 2 ;;
  esac
done

out="$bench/target/watch-bench"
rm -rf "$out/tree-$services" "$out/edits.tsv" "$out/watch-maven.log"
mkdir -p "$out"
head_repo="$out/m2-head"
repo_args=("-Dmaven.repo.local=$head_repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository")

echo "== machine"
bash "$bench/machine.sh" "$repo" | tee "$out/machine.txt"

echo "== installing the plugin from $repo into $head_repo"
"$mvnw" -B -q -o -f "$repo/pom.xml" -pl maven-plugin -am install -DskipTests -Dspotless.check.skip=true \
  "${repo_args[@]}"
echo "== building benchmarks/"
"$mvnw" -B -q -o -f "$bench/pom.xml" package "${repo_args[@]}"

echo "== watch: $services services, $warmup warm-up + $edits timed edits, debounce $debounce ms"
java -cp "$bench/target/switchboard-benchmarks.jar" dev.switchboard.benchmarks.WatchLatency \
  "$out/tree-$services" "$services" "$warmup" "$edits" "$debounce" "$out/edits.tsv" \
  "$mvnw" -B -o "${repo_args[@]}" | tee "$out/summary.txt"
