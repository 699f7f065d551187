#!/usr/bin/env bash
# No-op reruns of the registry goal on the whole googleapis tree (fetch-googleapis.sh lays it out), two
# builds of the plugin side by side: each run is a fresh Maven JVM on a registry that is up to date,
# the builds alternating, with the load average before each. Prints the goal's own figure
# (`registry is up to date … (N ms)`), then min and median per build.
#
# Each build gets its own copy of the tree (tree-LABEL), since each keeps its own stamps; the first
# run of each (not counted) creates the registry or records the stamps. Runs are not niced: on a shared
# machine a niced JVM loses ~100 ms a run to the others' builds, more than the figure measured.
#
# Usage: benchmarks/googleapis/noop-googleapis.sh [--runs N] LABEL=LOCAL_REPO [LABEL=LOCAL_REPO]
#   LOCAL_REPO: a local Maven repository holding the dev.switchboard artifacts of that build, chained to
#   this worktree's repository (.mvn/maven.config) and ~/.m2/repository for everything else. DEBUG=1 adds the stage timings of the debug log.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/benchmarks/target/googleapis"
runs=10
if [[ "${1:-}" == "--runs" ]]; then
  runs="$2"
  shift 2
fi
[[ -d "$out/tree" ]] || { echo "no tree yet: run benchmarks/googleapis/fetch-googleapis.sh first" >&2; exit 1; }
# Everything but the plugin comes from the repositories behind it: this worktree's own, then ~/.m2.
tail_repos="$HOME/.m2/repository"
if [[ -f "$repo/.mvn/maven.config" ]]; then
  own=$(sed -n 's/^-Dmaven.repo.local=//p' "$repo/.mvn/maven.config")
  [[ -n "$own" ]] && tail_repos="$own,$tail_repos"
fi
debug=()
[[ -n "${DEBUG:-}" ]] && debug=(-Dorg.slf4j.simpleLogger.log.dev.switchboard=debug)

# goal LABEL REPO: one fresh Maven JVM in tree-LABEL; prints the goal's ms (and the stages with DEBUG).
goal() {
  local log
  log=$(cd "$out/tree-$1" && "$repo/mvnw" -B -o generate-sources "-Dmaven.repo.local=$2" \
    "-Dmaven.repo.local.tail=$tail_repos" "${debug[@]}" 2>&1) || { echo "$log" >&2; exit 1; }
  echo "$log" | sed -n 's/.*registry\.json .*(\([0-9]*\) ms)$/\1/p' | tail -1
  echo "$log" | sed -n 's/.*stage "\(.*\)" took \(.*\) ms/    \1: \2 ms/p' >&2
}

for build in "$@"; do
  label="${build%%=*}"
  [[ -d "$out/tree-$label" ]] || cp -a "$out/tree" "$out/tree-$label"
  goal "$label" "${build#*=}" >/dev/null
done
declare -A all
for run in $(seq "$runs"); do
  for build in "$@"; do
    label="${build%%=*}"
    load=$(cut -d' ' -f1 /proc/loadavg)
    ms=$(goal "$label" "${build#*=}")
    all[$label]+="$ms "
    printf '%s\trun %s\tload %s\tgoal %s ms\n' "$label" "$run" "$load" "$ms"
  done
done
for build in "$@"; do
  label="${build%%=*}"
  read -r -a times <<<"$(tr ' ' '\n' <<<"${all[$label]}" | sed '/^$/d' | sort -n | tr '\n' ' ')"
  n=${#times[@]}
  if ((n % 2)); then median=${times[n / 2]}; else median=$(((times[n / 2 - 1] + times[n / 2]) / 2)); fi
  printf '%s: min %s ms, median %s ms over %s runs\n' "$label" "${times[0]}" "$median" "$n"
done
