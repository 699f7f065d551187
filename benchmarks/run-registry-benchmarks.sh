#!/usr/bin/env bash
# Benchmarks of the switchboard `registry` goal (issue budgets: the no-op rerun spends under 50 ms in
# the goal; 1,000 services build in under 3 s cold on a 2-core machine).
#
#   1. builds benchmarks/ (JMH jar + the proto tree generator);
#   2. generates trees of 100 and 1,000 protos under benchmarks/target/trees/;
#   3. runs `mvn generate-sources` on each with the repository's ./mvnw, a fresh Maven JVM each time:
#      "cold"  = registry absent (rm -rf target/switchboard first), so the goal builds everything;
#      "no-op" = registry current, so the goal only checks the fingerprint;
#      RUNS times each, alternating, and records the goal's own "(N ms)" and the whole mvn wall time;
#   4. runs the JMH benchmarks (RegistryBuilder.build warm in one JVM: full rebuild and no-op);
#   5. prints a table (median, min, max) and leaves the raw data in benchmarks/target/registry-bench/.
#
# Usage: benchmarks/run-registry-benchmarks.sh [--runs N] [--sizes "100 1000"] [--no-jmh] [--install]
#   --install  rebuilds and installs the plugin from this working tree first (otherwise the plugin
#              0.1.0-SNAPSHOT already in ~/.m2 is measured, and installed only when missing).
# Environment: RUNS, SIZES, JMH=0 do the same as the options; JMH_ARGS adds JMH options (e.g. "-f 1 -i 3");
#   QUIET_WAIT (default 90) is how many seconds each run may wait for the CPUs to be idle first.
#
# The machine may be shared (other builds on the same 2 cores distort timings), so before each run the
# script waits up to QUIET_WAIT s for a second in which the CPUs are at least 85 % idle, and records for
# each run how much CPU other processes used during it ("other %" in results.tsv, of both cores); a
# run in which others used more than 15 % is done again (up to 3 attempts; the last one counts). The
# plugin is copied into a private local repository first, so one run measures one build of it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
mvnw="$repo/mvnw"
runs="${RUNS:-5}"
sizes="${SIZES:-100 1000}"
jmh="${JMH:-1}"
install=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --no-jmh) jmh=0; shift ;;
    --install) install=1; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown option $1; see --help" >&2; exit 2 ;;
  esac
done

out="$here/target/registry-bench"
rm -rf "$out"
mkdir -p "$out/logs"
results="$out/results.tsv"
printf 'kind\tfiles\trun\tgoal_ms\twall_ms\tother_cpu_pct\n' >"$results"
quiet_wait="${QUIET_WAIT:-90}"
ncpu=$(nproc)

say() { printf '\n== %s\n' "$*"; }

say "machine"
bash "$here/machine.sh" "$repo" | tee "$out/machine.txt"

m2="$HOME/.m2/repository"
plugin_jar="$m2/dev/switchboard/switchboard-maven-plugin/0.1.0-SNAPSHOT/switchboard-maven-plugin-0.1.0-SNAPSHOT.jar"
if [[ "$install" == 1 || ! -f "$plugin_jar" ]]; then
  say "installing the plugin from $repo"
  (cd "$repo" && "$mvnw" -B -q install -DskipTests -Dspotless.check.skip=true -Dinvoker.skip)
fi
# Measure one build of the plugin from start to end even if someone installs another meanwhile: the
# dev.switchboard artifacts are copied into a private local repository that Maven reads first, with
# ~/.m2 behind it (Maven 3.9's maven.repo.local.tail) for everything else.
head_repo="$out/m2-head"
mkdir -p "$head_repo/dev"
cp -rp "$m2/dev/switchboard" "$head_repo/dev/"
repo_args=("-Dmaven.repo.local=$head_repo" "-Dmaven.repo.local.tail=$m2")
snapshot_jar="$head_repo/dev/switchboard/switchboard-maven-plugin/0.1.0-SNAPSHOT/switchboard-maven-plugin-0.1.0-SNAPSHOT.jar"
echo "plugin:  switchboard-maven-plugin-0.1.0-SNAPSHOT.jar installed $(date -u -r "$snapshot_jar" +%Y-%m-%dT%H:%M:%SZ)," \
  "sha256 $(sha256sum "$snapshot_jar" | cut -c1-12) (copied to $head_repo)" | tee -a "$out/machine.txt"

say "building benchmarks/"
"$mvnw" -B -q "${repo_args[@]}" -f "$here/pom.xml" package
jar="$here/target/switchboard-benchmarks.jar"

for n in $sizes; do
  tree="$here/target/trees/tree-$n"
  java -cp "$jar" dev.switchboard.benchmarks.ProtoTreeGenerator "$tree" "$n"
  # One untimed, online run per tree: Maven resolves the plugin and dependencies and the OS caches the
  # files, so the timed runs (offline, -o: no snapshot update checks) compare the goal, not downloads.
  "$mvnw" -B "${repo_args[@]}" -f "$tree/pom.xml" generate-sources >"$out/logs/prime-$n.log" 2>&1 \
    || { echo "mvn failed on the $n-file tree; see $out/logs/prime-$n.log" >&2; exit 1; }
done

now_ms() { date +%s%3N; }

# Busy CPU ticks (USER_HZ) of the whole machine since boot: user+nice+system+irq+softirq+steal.
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }

# Waits (up to QUIET_WAIT s) for one second in which the machine is at least 85 % idle.
wait_quiet() {
  local deadline=$((SECONDS + quiet_wait)) before after
  while ((SECONDS < deadline)); do
    before=$(busy_ticks)
    sleep 1
    after=$(busy_ticks)
    if (((after - before) < 15 * ncpu)); then
      return 0
    fi
  done
  echo "  (the machine did not become idle within ${quiet_wait}s; timing anyway)"
}

# run_mvn KIND N RUN: one fresh Maven JVM; sets RUN_GOAL, RUN_WALL, RUN_OTHER.
run_mvn() {
  local kind="$1" n="$2" r="$3" tree="$here/target/trees/tree-$2"
  local log="$out/logs/$kind-$n-$r.log" start end goal
  if [[ "$kind" == cold ]]; then
    rm -rf "$tree/target/switchboard"
  fi
  wait_quiet
  local ticks0 ticks1 ours other
  ticks0=$(busy_ticks)
  start=$(now_ms)
  # `time` reports the CPU seconds of mvn and its children, to tell them from other processes'.
  if ! { TIMEFORMAT='%U %S'; time "$mvnw" -B -o "${repo_args[@]}" -f "$tree/pom.xml" generate-sources >"$log" 2>&1; } 2>"$log.cpu"; then
    echo "mvn failed ($kind, $n files, run $r); see $log" >&2
    exit 1
  fi
  end=$(now_ms)
  ticks1=$(busy_ticks)
  ours=$(awk '{printf "%d", ($1 + $2) * 100}' "$log.cpu")
  # Others' share of both cores during the run, in percent (clamped at 0: tick counts are coarse).
  other=$(awk -v t=$((ticks1 - ticks0)) -v o="$ours" -v w=$((end - start)) -v c="$ncpu" \
    'BEGIN {x = (t - o) * 10 / (w * c) * 100; if (x < 0) x = 0; printf "%.0f", x}')
  if [[ "$kind" == cold ]]; then
    goal=$(sed -nE "s/.*switchboard: wrote .* with ([0-9]+) service\(s\) \(fingerprint [0-9a-f]+, ([0-9]+) ms\).*/\1 \2/p" "$log")
    if [[ "${goal% *}" != "$n" ]]; then
      echo "expected 'wrote ... with $n service(s)' in $log, found '${goal:-nothing}'" >&2
      exit 1
    fi
    goal="${goal#* }"
  else
    goal=$(sed -nE 's/.*switchboard: registry is up to date .*\(([0-9]+) ms\).*/\1/p' "$log")
    if [[ -z "$goal" ]]; then
      echo "expected 'registry is up to date' in $log: the no-op run rebuilt the registry" >&2
      exit 1
    fi
  fi
  RUN_GOAL="$goal" RUN_WALL=$((end - start)) RUN_OTHER="$other"
}

# measure KIND N RUN: run_mvn, repeated (up to 3 times) while other processes took more than 15 % of
# the CPUs during the run; appends the last attempt to results.tsv.
measure() {
  local attempt
  for attempt in 1 2 3; do
    run_mvn "$@"
    printf '  %-5s %5s files  run %s: goal %5s ms, mvn wall %5s ms, other processes %3s %% CPU%s\n' \
      "$1" "$2" "$3" "$RUN_GOAL" "$RUN_WALL" "$RUN_OTHER" "$( ((RUN_OTHER > 15 && attempt < 3)) && echo ' (contended: again)')"
    if ((RUN_OTHER <= 15)); then
      break
    fi
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$RUN_GOAL" "$RUN_WALL" "$RUN_OTHER" >>"$results"
}

say "mvn generate-sources, fresh Maven JVM per run ($runs cold + $runs no-op runs per size)"
for n in $sizes; do
  for r in $(seq 1 "$runs"); do
    measure cold "$n" "$r"
    measure noop "$n" "$r"
  done
done

if [[ "$jmh" == 1 ]]; then
  say "JMH: RegistryBuilder.build warm in one JVM"
  params=$(echo "$sizes" | tr ' ' ',')
  # Like the Maven runs, a JMH run during which other processes took more than 15 % of the CPUs is
  # done again, once.
  for attempt in 1 2; do
    wait_quiet
    jmh_ticks0=$(busy_ticks)
    jmh_start=$(now_ms)
    # shellcheck disable=SC2086 # JMH_ARGS is a list of options on purpose
    { TIMEFORMAT='%U %S'; time java "-Dswitchboard.bench.dir=$here/target/jmh-trees" -jar "$jar" \
        RegistryBuildBenchmark -p "files=$params" -rf csv -rff "$out/jmh.csv" ${JMH_ARGS:-} \
        >"$out/logs/jmh.log" 2>&1; } 2>"$out/logs/jmh.cpu" \
      || { echo "JMH failed; see $out/logs/jmh.log" >&2; exit 1; }
    jmh_other=$(awk -v t=$(($(busy_ticks) - jmh_ticks0)) -v w=$(($(now_ms) - jmh_start)) -v c="$ncpu" \
      '{o = ($1 + $2) * 100; x = (t - o) * 10 / (w * c) * 100; if (x < 0) x = 0; printf "%.0f", x}' "$out/logs/jmh.cpu")
    if ((jmh_other <= 15)); then
      break
    fi
    echo "  other processes used $jmh_other % of the CPUs during JMH$( ((attempt < 2)) && echo '; running it again')"
  done
  grep -E '^(Benchmark|RegistryBuildBenchmark)' "$out/logs/jmh.log" || true
  echo "other processes used $jmh_other % of the CPUs during JMH" | tee "$out/jmh-contention.txt"
fi

say "summary (ms: median [min .. max] of $runs runs; 'goal' = the goal's own figure; others % = median CPU share of other processes)"
{
  printf '%-28s %6s %23s %23s %9s\n' "measurement" "files" "goal ms" "mvn wall ms" "others %"
  for kind in cold noop; do
    for n in $sizes; do
      awk -F'\t' -v k="$kind" -v n="$n" '
        function sorted(a, c,   i, j, t) {
          for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        }
        function median(a, c) { sorted(a, c); return (c % 2) ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2 }
        function stats(a, c) { return sprintf("%6.0f [%5d .. %5d]", median(a, c), a[1], a[c]) }
        NR > 1 && $1 == k && $2 == n { c++; g[c] = $4; w[c] = $5; o[c] = $6 }
        END {
          label = (k == "cold") ? "mvn cold (registry absent)" : "mvn no-op (registry current)"
          printf "%-28s %6s %23s %23s %9s\n", label, n, stats(g, c), stats(w, c), sprintf("%.0f", median(o, c))
        }' "$results"
    done
  done
  if [[ -f "$out/jmh.csv" ]]; then
    echo
    printf '%-28s %6s %23s %23s\n' "JMH (warm, in-JVM)" "files" "ms/op per iteration" "JMH mean (99.9% CI)"
    # Median [min .. max] of the measurement iterations from the log; JMH's own mean and error from the CSV.
    awk -F',' 'NR == FNR {
        if (FNR > 1) { gsub(/["\r]/, ""); n = $1; sub(/.*\./, "", n); mean[n " " $8] = sprintf("%.1f ± %.1f", $5, $6) }
        next
      }
      { split($0, w, /[ \t]+/) }
      /^# Benchmark: / { name = w[3]; sub(/.*\./, "", name) }
      /^# Parameters: / { files = $0; sub(/.*files = /, "", files); sub(/\).*/, "", files) }
      /^Iteration / { key = name " " files; c[key]++; v[key, c[key]] = w[3] + 0; if (!(key in seen)) { seen[key] = 1; order[++k] = key } }
      END {
        for (i = 1; i <= k; i++) {
          key = order[i]; m = c[key]
          for (a = 1; a <= m; a++) x[a] = v[key, a]
          for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (x[b] < x[a]) { t = x[a]; x[a] = x[b]; x[b] = t }
          med = (m % 2) ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2
          split(key, parts, " ")
          printf "%-28s %6s %23s %23s\n", "RegistryBuilder." parts[1], parts[2],
            sprintf("%.1f [%.1f .. %.1f]", med, x[1], x[m]), mean[key]
        }
      }' "$out/jmh.csv" "$out/logs/jmh.log"
    cat "$out/jmh-contention.txt"
  fi
} | tee "$out/summary.txt"
echo
echo "raw data: $results, logs in $out/logs/"
