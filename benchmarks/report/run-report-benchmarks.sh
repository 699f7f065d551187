#!/usr/bin/env bash
# Times the registry report of a googleapis-sized registry (1,700 services, 585 dependencies, 494 of
# them to one hub) in headless Chromium: writing the page, loading it until it is interactive, the
# filter, and drawing the graph. Each run is ReportBrowserTest's googleapisSized test in a fresh JVM
# and a fresh Chromium; the figures are the lines it prints.
# Needs Debian's chromium and chromium-driver. Usage: benchmarks/report/run-report-benchmarks.sh [--runs N]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
runs=5
if [ "${1:-}" = "--runs" ]; then runs="$2"; fi
out="$repo/benchmarks/report/target"
mkdir -p "$out"
bash "$repo/benchmarks/machine.sh" "$repo" | tee "$out/machine.txt"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
cd "$repo"
./mvnw -B -ntp -q install -DskipTests -Dinvoker.skip=true -pl runtime,templates
./mvnw -B -ntp -q test-compile -pl core
for i in $(seq 1 "$runs"); do
  ./mvnw -B -ntp -pl core surefire:test -Dtest='ReportBrowserTest#googleapisSized' >"$out/run-$i.log" 2>&1 \
    || { echo "run $i failed; see $out/run-$i.log"; exit 1; }
  grep -E '^(write|load|filter|filter cleared|graph):' "$out/run-$i.log" | sed "s/^/run $i: /"
done
