#!/usr/bin/env bash
# Fleet propagation benchmark (issue budget: p99 ≤ 1 s from publish returning to the last of 100
# followers serving the new version, three-server ensemble, 20 publishes).
#
# What it does (everything under benchmarks/fleet/target/):
#   1. installs switchboard-runtime and switchboard-zookeeper from this working tree;
#   2. builds this project against them;
#   3. runs Propagation in a fresh JVM per follower count (100, then 500) and run: a three-server
#      TestingCluster on loopback, N followers with a Curator client each, 20 publishes, then one
#      googleapis-sized publish (1,700 services) followed by 10 followers;
#   4. prints the RESULT lines.
#
# Usage: benchmarks/fleet/run-fleet-benchmarks.sh [--followers "100 500"] [--runs N]
#   --runs N runs each follower count N times (default 1); run-all.sh passes it to every script.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mvnw="$repo/mvnw"
followers="100 500"
runs=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --followers) followers="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "unknown option $1; see --help" >&2; exit 2 ;;
  esac
done

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  java: $(java -version 2>&1 | head -1)"
echo "git HEAD: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')  load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== build"
"$mvnw" -B -ntp -q -f "$repo/pom.xml" install -DskipTests -Dinvoker.skip=true -pl runtime,zookeeper -am
"$mvnw" -B -ntp -q -f "$here/pom.xml" package

cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
for n in $followers; do
  for run in $(seq "$runs"); do
    echo "== $n followers, run $run"
    # ZooKeeper's and slf4j's own lines go to a file, kept for a run that fails.
    java -Xmx6g -cp "$cp" dev.switchboard.bench.fleet.Propagation "$n" 20 10 2>"$here/target/propagation-$n-$run.err"
  done
done
