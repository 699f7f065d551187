#!/usr/bin/env bash
# The registry goal on a real googleapis tree (fetch-googleapis.sh lays it out) next to protoc on the
# same files, in the same run:
#
#   cold    the goal with no registry (rm -rf target/switchboard first), in a fresh Maven JVM, then
#           protoc --include_imports -o on the same files: alternating, RUNS pairs;
#   edit    one source changed (a comment appended to EDIT_FILE, removed again after), the goal again;
#   no-op   the goal with the registry current.
#
# After the edit is undone, the registry must be byte-identical to the cold build's (the script stops
# otherwise). Each run also prints how many services and rpcs protoc's descriptor set holds, to set
# beside the registry's.
#
# "goal" is the goal's own figure (`switchboard: wrote … (N ms)`), "wall" the whole command. Medians and
# the ratio goal / protoc are printed; raw rows in benchmarks/target/googleapis/results.tsv. Runs are
# niced: the machine is shared.
#
# With TREE=small the same runs are made on the small tree (28 files of one API, its common protos from a
# dependency jar), and each run also builds the empty module beside it (the same project without the
# plugin): "empty" rows, whose wall time the goal's whole-build overhead is read against.
#
# Usage: benchmarks/googleapis/run-googleapis-benchmarks.sh [--runs N]
# Environment: PLUGIN_REPO, the local repository holding the dev.switchboard artifacts to measure
#   (default: ~/.m2/repository; it is copied first, so one run measures one build of the plugin);
#   EDIT_FILE, the source edited (default google/cloud/tasks/v2/queue.proto); LABEL, a name for the rows.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/benchmarks/target/googleapis"
which="${TREE:-full}"
tree="$out/tree"
files_list="$out/files.txt"
default_edit=google/cloud/tasks/v2/queue.proto
if [[ "$which" == small ]]; then
  tree="$out/small"
  files_list="$out/small-files.txt"
  default_edit=google/shopping/merchant/accounts/v1/accounts.proto
fi
runs="${RUNS:-5}"
if [[ "${1:-}" == "--runs" ]]; then
  runs="$2"
fi
label="${LABEL:-head}-$which"
edit_file="${EDIT_FILE:-$default_edit}"
[[ -x "$out/bin/protoc" ]] || { echo "no tree yet: run benchmarks/googleapis/fetch-googleapis.sh first" >&2; exit 1; }

plugin_repo="${PLUGIN_REPO:-$HOME/.m2/repository}"
bench_repo="$out/m2-$label"
rm -rf "$bench_repo" && mkdir -p "$bench_repo/dev"
cp -rp "$plugin_repo/dev/switchboard" "$bench_repo/dev/"
# The tree's other artifacts (protobuf-java, Maven's plugins) come from the repositories behind it.
tail_repos="$HOME/.m2/repository"
if [[ -f "$repo/.mvn/maven.config" ]]; then
  own=$(sed -n 's/^-Dmaven.repo.local=//p' "$repo/.mvn/maven.config")
  [[ -n "$own" ]] && tail_repos="$own,$tail_repos"
fi
mvn_args=(-B -o "-Dmaven.repo.local=$bench_repo" "-Dmaven.repo.local.tail=$tail_repos" -f "$tree/pom.xml" generate-sources)
empty_args=(-B -o "-Dmaven.repo.local=$bench_repo" "-Dmaven.repo.local.tail=$tail_repos" -f "$out/empty/pom.xml" generate-sources)
# The small tree's common protos come from a jar in Maven; protoc finds the same files in the full tree.
protoc_args=(-I "$tree/src/main/proto" -I "$out/tree/src/main/proto" -I "$out/wkt" --include_imports -o "$out/descriptors.pb")
mapfile -t files <"$files_list"

results="$out/results-$label.tsv"
mkdir -p "$out/logs"
printf 'label\tkind\trun\tgoal_ms\twall_ms\n' >"$results"
now_ms() { date +%s%3N; }

# goal KIND RUN: one fresh Maven JVM; appends its row.
goal() {
  local log="$out/logs/$label-$1-$2.log" start end ms
  start=$(now_ms)
  nice "$repo/mvnw" "${mvn_args[@]}" >"$log" 2>&1 || { echo "mvn failed; see $log" >&2; exit 1; }
  end=$(now_ms)
  ms=$(grep -E 'switchboard: (wrote|registry is up to date)' "$log" | head -1 | sed -nE 's/.*[ (]([0-9]+) ms\)$/\1/p')
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$1" "$2" "$ms" "$((end - start))" >>"$results"
}

protoc_run() {
  local start end
  start=$(now_ms)
  (cd "$tree/src/main/proto" && nice "$out/bin/protoc" "${protoc_args[@]}" "${files[@]}" 2>/dev/null)
  end=$(now_ms)
  printf '%s\tprotoc\t%s\t%s\t%s\n' "$label" "$1" "$((end - start))" "$((end - start))" >>"$results"
}

echo "$(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), ${#files[@]} files"
goal warmup 0 # an untimed run: the OS caches the tree and the plugin's jars
edited="$tree/src/main/proto/$edit_file"
cp "$edited" "$out/edit.orig"
trap 'cp "$out/edit.orig" "$edited"' EXIT
for r in $(seq 1 "$runs"); do
  rm -rf "$tree/target/switchboard"
  goal cold "$r"
  cp "$tree/target/switchboard/registry.json" "$out/registry-cold.json"
  protoc_run "$r"
  printf '\n// edited by run-googleapis-benchmarks.sh, run %s\n' "$r" >>"$edited"
  goal edit "$r"
  cp "$out/edit.orig" "$edited"
  goal edit-back "$r"
  # The rebuilds reuse what the cold build cached; back at the same sources they must give its bytes.
  cmp -s "$out/registry-cold.json" "$tree/target/switchboard/registry.json" \
    || { echo "run $r: the registry after the edit and back differs from the cold build's" >&2; exit 1; }
  goal noop "$r"
  if [[ "$which" == small ]]; then
    start=$(now_ms)
    nice "$repo/mvnw" "${empty_args[@]}" >"$out/logs/$label-empty-$r.log" 2>&1
    end=$(now_ms)
    printf '%s\tempty\t%s\t\t%s\n' "$label" "$r" "$((end - start))" >>"$results"
  fi
done

awk -F'\t' '
  function median(a, c,   i, j, t) {
    for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (c % 2) ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
  }
  NR > 1 && $2 != "warmup" { n[$2]++; g[$2, n[$2]] = $4; w[$2, n[$2]] = $5; if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
  END {
    printf "%-10s %6s %12s %12s   runs (goal ms)\n", "kind", "runs", "goal ms", "wall ms"
    for (i = 1; i <= k; i++) {
      kind = order[i]; c = n[kind]; list = ""
      for (j = 1; j <= c; j++) { a[j] = g[kind, j]; b[j] = w[kind, j]; list = list (j > 1 ? ", " : "") g[kind, j] }
      gm[kind] = median(a, c); wm[kind] = median(b, c)
      printf "%-10s %6d %12.0f %12.0f   %s\n", kind, c, gm[kind], wm[kind], list
    }
    printf "cold goal / protoc: %.2fx; edit / cold: %.2fx\n", gm["cold"] / gm["protoc"], gm["edit"] / gm["cold"]
    if ("empty" in wm) printf "whole build over the empty module: cold %+.0f ms, no-op %+.0f ms\n", wm["cold"] - wm["empty"], wm["noop"] - wm["empty"]
  }' "$results" | tee "$out/summary-$label.txt"
