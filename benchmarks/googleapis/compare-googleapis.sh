#!/usr/bin/env bash
# Two (or more) builds of the plugin side by side on the whole googleapis tree (fetch-googleapis.sh lays it
# out), or with TREE=small on its small tree (28 files of one API, its common protos from a dependency jar):
# each run is a fresh Maven JVM per build and kind, the builds alternating (their order reversed every other
# round), with the load average before each. Prints the goal's own figure (`switchboard: wrote …
# (N ms)` / `registry is up to date … (N ms)`), then min and median per build and kind.
#
# KINDS (default "noop") picks what each round runs, in this order for each build:
#   cold   the goal with no registry (target/switchboard removed);
#   edit   one comment appended to EDIT_FILE (default google/cloud/tasks/v2/queue.proto, on the small tree
#          google/shopping/merchant/accounts/v1/accounts.proto), the goal, then the file restored and the
#          goal again (not counted);
#   noop   the goal with the registry up to date.
# PROTOC=1 also times protoc on the same files once a round ("protoc" rows), to read each build against.
#
# Each build gets its own copy of the tree (tree-LABEL, or small-LABEL), since each keeps its own stamps and
# caches; the first run of each (not counted) creates the registry. Runs are not niced: on a shared machine a
# niced JVM loses ~100 ms a run to the others' builds, more than a no-op measures.
#
# Usage: benchmarks/googleapis/compare-googleapis.sh [--runs N] LABEL=LOCAL_REPO [LABEL=LOCAL_REPO ...]
#   LOCAL_REPO: a local Maven repository holding the dev.switchboard artifacts of that build, chained to
#   this worktree's repository (.mvn/maven.config) and ~/.m2/repository for everything else. DEBUG=1 adds
#   the stage timings of the debug log.
# Example: KINDS="cold edit noop" PROTOC=1 bash benchmarks/googleapis/compare-googleapis.sh --runs 6 \
#            base=/tmp/repo-base head=/tmp/repo-head
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/benchmarks/target/googleapis"
runs=10
if [[ "${1:-}" == "--runs" ]]; then
  runs="$2"
  shift 2
fi
read -r -a kinds <<<"${KINDS:-noop}"
tree=tree
files_list="$out/files.txt"
default_edit=google/cloud/tasks/v2/queue.proto
if [[ "${TREE:-full}" == small ]]; then
  tree=small
  files_list="$out/small-files.txt"
  default_edit=google/shopping/merchant/accounts/v1/accounts.proto
fi
edit_file="${EDIT_FILE:-$default_edit}"
[[ -d "$out/$tree" ]] || { echo "no tree yet: run benchmarks/googleapis/fetch-googleapis.sh first" >&2; exit 1; }
# Everything but the plugin comes from the repositories behind it: this worktree's own, then ~/.m2.
tail_repos="$HOME/.m2/repository"
if [[ -f "$repo/.mvn/maven.config" ]]; then
  own=$(sed -n 's/^-Dmaven.repo.local=//p' "$repo/.mvn/maven.config")
  [[ -n "$own" ]] && tail_repos="$own,$tail_repos"
fi
debug=()
[[ -n "${DEBUG:-}" ]] && debug=(-Dorg.slf4j.simpleLogger.log.dev.switchboard=debug)
mapfile -t files <"$files_list"

# goal LABEL REPO: one fresh Maven JVM in the tree's copy for LABEL; prints the goal's ms (and the stages with DEBUG).
goal() {
  local log
  log=$(cd "$out/$tree-$1" && "$repo/mvnw" -B -o generate-sources "-Dmaven.repo.local=$2" \
    "-Dmaven.repo.local.tail=$tail_repos" "${debug[@]}" 2>&1) || { echo "$log" >&2; exit 1; }
  echo "$log" | sed -n 's/.*registry\.json .*[ (]\([0-9]*\) ms)$/\1/p' | tail -1
  echo "$log" | sed -n 's/.*stage "\(.*\)" took \(.*\) ms/    \1: \2 ms/p' >&2
}

# measure KIND LABEL REPO: prints the goal's ms of one build of that kind.
measure() {
  local edited="$out/$tree-$2/src/main/proto/$edit_file" ms
  case "$1" in
    cold) rm -rf "$out/$tree-$2/target/switchboard"; goal "$2" "$3" ;;
    noop) goal "$2" "$3" ;;
    edit)
      cp "$edited" "$edited.orig"
      printf '\n// edited by compare-googleapis.sh\n' >>"$edited"
      ms=$(goal "$2" "$3")
      mv "$edited.orig" "$edited"
      goal "$2" "$3" >/dev/null
      echo "$ms" ;;
    *) echo "unknown kind $1 (cold, edit or noop)" >&2; exit 1 ;;
  esac
}

builds=("$@")
for build in "${builds[@]}"; do
  label="${build%%=*}"
  [[ -d "$out/$tree-$label" ]] || cp -a "$out/$tree" "$out/$tree-$label"
  goal "$label" "${build#*=}" >/dev/null
done
declare -A all
for run in $(seq "$runs"); do
  order=("${builds[@]}")
  if ((run % 2 == 0)); then
    order=()
    for ((i = ${#builds[@]} - 1; i >= 0; i--)); do order+=("${builds[i]}"); done
  fi
  for build in "${order[@]}"; do
    label="${build%%=*}"
    for kind in "${kinds[@]}"; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      ms=$(measure "$kind" "$label" "${build#*=}")
      all[$label $kind]+="$ms "
      printf '%s\t%s\trun %s\tload %s\tgoal %s ms\n' "$label" "$kind" "$run" "$load" "$ms"
    done
  done
  if [[ -n "${PROTOC:-}" ]]; then
    start=$(date +%s%3N)
    # The small tree's common protos come from a jar in Maven; protoc finds the same files in the full tree.
    (cd "$out/$tree/src/main/proto" && "$out/bin/protoc" -I . -I "$out/tree/src/main/proto" -I "$out/wkt" --include_imports \
      -o "$out/descriptors.pb" "${files[@]}" 2>/dev/null)
    ms=$(($(date +%s%3N) - start))
    all[protoc]+="$ms "
    printf 'protoc\t\trun %s\t\t%s ms\n' "$run" "$ms"
  fi
done
for key in "${!all[@]}"; do
  read -r -a times <<<"$(tr ' ' '\n' <<<"${all[$key]}" | sed '/^$/d' | sort -n | tr '\n' ' ')"
  n=${#times[@]}
  if ((n % 2)); then median=${times[n / 2]}; else median=$(((times[n / 2 - 1] + times[n / 2]) / 2)); fi
  printf '%s: min %s ms, median %s ms over %s runs\n' "$key" "${times[0]}" "$median" "$n"
done | sort
