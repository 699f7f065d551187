#!/usr/bin/env bash
# Whole-process time of the switchboard command line: `switchboard services` on the registry-quickstart
# protos (registry up to date, as on every run after the first) and `switchboard --version`, each
# without and with an AppCDS archive.
#
#   1. uses the distribution in cli/target/switchboard-cli (builds it with --build, or when missing:
#      ./mvnw -pl cli -am package -DskipTests);
#   2. copies the example's protos to benchmarks/target/cli-bench/quickstart and writes its classpath
#      with `mvn dependency:build-classpath`; one untimed `services` brings the registry up to date;
#   3. records an AppCDS archive the way the launcher does on a first run (-XX:ArchiveClassesAtExit on
#      `services`);
#   4. times RUNS runs of each variant, alternating them run by run so a change in the machine's load
#      hits every variant alike, after WARMUP untimed rounds; prints the wall time's median, min and
#      max and the CPU time's median in ms (GNU time, /usr/bin/time, is needed).
#
# Variants: `java -jar` (the JDK's own CDS archive only), `java -XX:SharedArchiveFile=… -jar` (AppCDS),
# and bin/switchboard, the launcher (AppCDS plus the script's own start).
#
# Usage: benchmarks/cli/run-cli-benchmarks.sh [--runs N] [--warmup N] [--build]
# Raw times: benchmarks/target/cli-bench/times.tsv; the machine: benchmarks/target/cli-bench/machine.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(dirname "$here")"
repo="$(dirname "$bench")"
runs=10
warmup=2
build=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --build) build=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1; see --help" >&2; exit 2 ;;
  esac
done

dist="$repo/cli/target/switchboard-cli"
if [[ "$build" == 1 || ! -f "$dist/lib/switchboard-cli.jar" ]]; then
  "$repo/mvnw" -B -q -f "$repo/pom.xml" -pl cli -am package -DskipTests -Dinvoker.skip=true
fi
jar="$dist/lib/switchboard-cli.jar"
launcher="$dist/bin/switchboard"

out="$bench/target/cli-bench"
project="$out/quickstart"
rm -rf "$out"
mkdir -p "$project"
cp -r "$repo/examples/registry-quickstart/src" "$project/"
"$repo/mvnw" -B -q -f "$repo/examples/registry-quickstart/pom.xml" dependency:build-classpath \
  -Dmdep.outputFile="$out/classpath.txt" >/dev/null
bash "$bench/machine.sh" "$repo" > "$out/machine.txt"

services=(services --base "$project" --classpath-file "$out/classpath.txt")
java -jar "$jar" "${services[@]}" > /dev/null 2>&1

archive="$out/switchboard-cli.jsa"
java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" "${services[@]}" \
  > /dev/null 2>&1
cds=(-Xshare:auto -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
# The launcher keeps its archives in its cache; a cache of its own here, recorded by one first run.
export XDG_CACHE_HOME="$out/cache"
"$launcher" "${services[@]}" > /dev/null 2>&1

variants=(
  "services|java -jar|java -jar $jar ${services[*]}"
  "services|java AppCDS|java ${cds[*]} -jar $jar ${services[*]}"
  "services|launcher|$launcher ${services[*]}"
  "--version|java -jar|java -jar $jar --version"
  "--version|java AppCDS|java ${cds[*]} -jar $jar --version"
  "--version|launcher|$launcher --version"
)

# Wall time from bash's clock; CPU time (user + system of the process and its children) from GNU time,
# which other builds on a shared machine disturb far less than the wall time.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu="$out/cpu.txt"

printf 'round\tcommand\tvariant\twall_ms\tcpu_ms\tload\n' > "$out/times.tsv"
for ((round = 1 - warmup; round <= runs; round++)); do
  for variant in "${variants[@]}"; do
    IFS='|' read -r command name line <<< "$variant"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(now_ms)
    # Word splitting of $line is wanted: it is a command line with no spaces inside arguments.
    /usr/bin/time -f '%U %S' -o "$cpu" $line > /dev/null 2>&1
    end=$(now_ms)
    if (( round >= 1 )); then
      cpu_ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$cpu")
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$command" "$name" "$((end - start))" "$cpu_ms" "$load" \
        >> "$out/times.tsv"
    fi
  done
done

echo "switchboard command line, whole process, $runs runs each (after $warmup warm-up rounds), ms"
echo
# Median, min and max of one column (4 wall, 5 CPU) of one command and variant: "median min max".
stats() {
  awk -F'\t' -v c="$1" -v v="$2" -v col="$3" '$2 == c && $3 == v { print $col }' "$out/times.tsv" | sort -n \
    | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print m, t[1], t[NR] }'
}
printf '| command | variant | wall median | wall min | wall max | CPU median |\n|---|---|---|---|---|---|\n'
for variant in "${variants[@]}"; do
  IFS='|' read -r command name _ <<< "$variant"
  read -r wall wall_min wall_max <<< "$(stats "$command" "$name" 4)"
  read -r cpu_median _ _ <<< "$(stats "$command" "$name" 5)"
  printf '| `switchboard %s` | %s | %s | %s | %s | %s |\n' "$command" "$name" "$wall" "$wall_min" "$wall_max" "$cpu_median"
done
echo
echo "load average (1 min) during the runs: $(awk -F'\t' 'NR > 1 { s += $6; if (NR == 2 || $6 < lo) lo = $6; if ($6 > hi) hi = $6 } END { printf "%.2f mean, %.2f .. %.2f", s / (NR - 1), lo, hi }' "$out/times.tsv")"
cat "$out/machine.txt"
