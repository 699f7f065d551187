#!/usr/bin/env bash
# Benchmark of the health checker (issue budget): 1,000 HTTP endpoints that each answer after 100 ms
# are all checked in under 1.5 s.
#
# What it does (everything under benchmarks/health/target/):
#   1. builds switchboard-runtime from this working tree into a private local repository
#      (target/m2, with ~/.m2 behind it read-only), never into ~/.m2;
#   2. builds this project against it;
#   3. starts EndpointServers in a JVM of its own (1,000 HTTP endpoints on 127.0.0.1, one port each,
#      answering /health after 100 ms, all on one thread) and waits until every port listens;
#   4. runs fresh JVMs of SlowEndpoints against them (5 rounds per JVM, the checker's default
#      settings), and one JVM per parallelism in $PARALLELISMS for comparison;
#   5. prints the rounds and the verdict (round 1 of each JVM is the cold one), and stops the servers.
#
# Usage: benchmarks/health/run-health-benchmarks.sh [--runs N]   (default 3 fresh JVMs)
#        PARALLELISMS="128 512" benchmarks/health/run-health-benchmarks.sh   (comparison JVMs)
#        CHECKER_JAVA_OPTS="-D…" benchmarks/health/run-health-benchmarks.sh   (flags of the checker JVMs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mvnw="$repo/mvnw"
runs="${RUNS:-3}"
parallelisms="${PARALLELISMS-128 512}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "unknown option $1; see --help" >&2; exit 2 ;;
  esac
done
out="$here/target/health-bench"
m2="$here/target/m2"
rm -rf "$out"
mkdir -p "$out"

echo "== machine"
{
  echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc:    $(nproc)"
  echo "memory:   $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "java:     $(java -version 2>&1 | head -1)"
  echo "git HEAD: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "load:     $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "checker JVM options: ${CHECKER_JAVA_OPTS:-(none)}"
} | tee "$out/machine.txt"

echo "== building switchboard-runtime into $m2"
"$mvnw" -B -q -f "$repo/pom.xml" -pl runtime -am install -DskipTests -Dspotless.check.skip=true \
  -Dmaven.repo.local="$m2" -Dmaven.repo.local.tail="$HOME/.m2/repository" >"$out/build-runtime.log" 2>&1 \
  || { tail -40 "$out/build-runtime.log"; exit 1; }
"$mvnw" -B -q -f "$here/pom.xml" package -Dmaven.repo.local="$m2" \
  -Dmaven.repo.local.tail="$HOME/.m2/repository" >"$out/build.log" 2>&1 || { tail -40 "$out/build.log"; exit 1; }
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"

ports="$out/ports.txt"
echo "== starting 1000 endpoints (100 ms each) in a JVM of their own"
java -cp "$cp" dev.switchboard.bench.health.EndpointServers 1000 100 "$ports" >"$out/servers.log" 2>&1 &
servers=$!
trap 'kill "$servers" 2>/dev/null || true; wait "$servers" 2>/dev/null || true' EXIT
for ((i = 0; i < 300; i++)); do
  [[ -s "$ports" ]] && break
  kill -0 "$servers" 2>/dev/null || { echo "the endpoint servers stopped:"; cat "$out/servers.log"; exit 1; }
  sleep 0.1
done
[[ -s "$ports" ]] || { echo "the endpoint servers did not listen within 30 s"; exit 1; }
echo "  $(wc -l <"$ports") ports listening (pid $servers, $(ls /proc/"$servers"/task | wc -l) threads)"

run() { # run LABEL ARGS...
  local label="$1"; shift
  echo "  load before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/$label.log"
  # shellcheck disable=SC2086 # the options are words on purpose
  java ${CHECKER_JAVA_OPTS:-} -cp "$cp" dev.switchboard.bench.health.SlowEndpoints "$ports" "$@" | tee -a "$out/$label.log" | sed 's/^/  /'
}
for ((r = 1; r <= runs; r++)); do
  echo "== fresh JVM $r: 1000 endpoints x 100 ms, default settings (load $(cut -d' ' -f1-3 /proc/loadavg))"
  run "default-$r" 5
done
for p in $parallelisms; do
  echo "== parallelism $p (load $(cut -d' ' -f1-3 /proc/loadavg))"
  run "parallelism-$p" 3 "$p"
done
echo "  endpoint server threads at the end: $(ls /proc/"$servers"/task | wc -l)"

echo "== verdict (budget: all 1000 checked in <= 1500 ms, cold and warm)"
cat "$out"/default-*.log | awk '
  /build_ms=/ { for (i = 1; i <= NF; i++) if ($i ~ /^build_ms=/) { split($i, b, "="); build[++nb] = b[2] } }
  /^round=/ {
    split($2, a, "="); ms = a[2] + 0; split($1, b, "="); r = b[2] + 0
    split($4, c, "=")
    if (r == 1) { cold[++nc] = ms; coldcpu[nc] = c[2]; if (ms > worstcold) worstcold = ms } else { warm[++nw] = ms; if (ms > worstwarm) worstwarm = ms }
  }
  END {
    printf "  building the checker, each JVM: "; for (i = 1; i <= nb; i++) printf "%.1f ", build[i]; print "ms"
    printf "  cold rounds (first in each JVM): "; for (i = 1; i <= nc; i++) printf "%.1f ", cold[i]; print "ms"
    printf "  CPU time of the cold rounds (all threads, JIT included): "; for (i = 1; i <= nc; i++) printf "%s ", coldcpu[i]; print "ms"
    printf "  warm rounds: "; for (i = 1; i <= nw; i++) printf "%.1f ", warm[i]; print "ms"
    printf "  worst cold: %.1f ms -> %s\n", worstcold, (worstcold <= 1500 ? "budget met cold" : "budget MISSED cold")
    printf "  worst warm: %.1f ms -> %s\n", worstwarm, (worstwarm <= 1500 ? "budget met warm" : "budget MISSED warm")
  }' | tee "$out/summary.txt"
echo "  load at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
