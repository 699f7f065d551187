#!/usr/bin/env bash
# Benchmarks of AWS discovery and of the generated client factory (issue budgets):
#
#   A  AWS discovery over a class path with 20 SDK service modules, cold (fresh JVM, first call) < 300 ms
#   B1 cached client(name) <= 1.5x ConcurrentHashMap.get; typed accessor ~ a volatile field read
#   B2 first creation through the factory <= 1.05x the SDK builder; through reflection <= 1.10x
#   B3 constructing a factory with every catalogued service compiled in loads no AWS SDK class
#
# What it does (everything under benchmarks/factory/target/, raw data in target/factory-bench/):
#   1. builds this project: the real `generate` goal over 20 SDK modules (19 compiled in; sqs and
#      dynamodb-streams left to reflection), JMH uber-jar target/factory-benchmarks.jar;
#   2. A: RUNS fresh JVMs of DiscoveryCold, interleaved with DiscoveryPrototype (the proposed changes,
#      checked to give the same registry entries), and 3 runs of DiscoveryProfile (stage times);
#   3. B2 cold: RUNS rounds of FirstCreation, one fresh JVM per route per round, routes interleaved;
#   4. B3: ClassLoadProbe under -Xlog:class+load on the 20-service factory, then writes and builds the
#      whole-catalogue project (target/all-services: 412 modules, 414 services, real generate goal)
#      and probes it too; counts software.amazon.awssdk classes per phase;
#   5. JMH: DiscoveryBenchmark (A warm), LookupBenchmark (B1), CreationBenchmark (B2 warm), and
#      WholeCatalogueLookupBenchmark on the whole-catalogue factory (with and without
#      -XX:-DontCompileHugeMethods);
#   6. prints a table with the verdicts (also in target/factory-bench/summary.txt);
#   7. what-if (not the product): WhatIfPatch rewrites each generated ServiceClients.java as RESULTS.md
#      proposes to change the template; the patched class is compiled, put ahead on the class path,
#      probed and measured again (B1, B3). DiscoveryPrototype and FirstCreation's
#      reflective-sqs-no-registry route are the what-ifs of A and B2.
#
# Usage: benchmarks/factory/run-factory-benchmarks.sh [--runs N] [--no-jmh] [--no-all-services]
#          [--no-what-if] [--install]
#   --install          rebuilds and installs the plugin and runtime from this working tree first
#   --no-all-services  skips the whole-catalogue project (its first build takes ~1.5 min)
#   --no-what-if       skips step 7
# Environment: RUNS (default 7), QUIET_WAIT (default 60 s to wait for idle CPUs before each fresh-JVM
#   run), JMH=0, JMH_ARGS (extra JMH options for every JMH run, e.g. "-f 1").
#
# The machine may be shared: before each fresh-JVM run the script waits up to QUIET_WAIT s for one
# second in which the CPUs are at least 85 % idle, measures how much CPU other processes took during
# the run ("other %") and repeats a run in which others took more than 15 % (3 attempts at most; the
# last one counts).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mvnw="$repo/mvnw"
runs="${RUNS:-7}"
jmh="${JMH:-1}"
all_services=1
what_if=1
install=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-jmh) jmh=0; shift ;;
    --no-all-services) all_services=0; shift ;;
    --no-what-if) what_if=0; shift ;;
    --install) install=1; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "unknown option $1; see --help" >&2; exit 2 ;;
  esac
done
quiet_wait="${QUIET_WAIT:-60}"
ncpu=$(nproc)
jmh_args=(${JMH_ARGS:-})

out="$here/target/factory-bench"
rm -rf "$out"
mkdir -p "$out/logs"
jar="$here/target/factory-benchmarks.jar"
script_start=$SECONDS

say() { printf '\n== %s\n' "$*"; }
now_ms() { date +%s%3N; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }

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
  echo "  (the machine did not become idle within ${quiet_wait}s; timing anyway)" >&2
}

# timed LOG CMD...: runs CMD (stdout+stderr to LOG) after waiting for quiet CPUs; sets OTHER to the
# share of both cores (percent) that other processes used meanwhile; repeats when that is over 15 %.
timed() {
  local log="$1"; shift
  local attempt ticks0 ticks1 start end ours
  for attempt in 1 2 3; do
    wait_quiet
    ticks0=$(busy_ticks)
    start=$(now_ms)
    if ! { TIMEFORMAT='%U %S'; time "$@" >"$log" 2>&1; } 2>"$log.cpu"; then
      echo "failed: $*; see $log" >&2
      cat "$log" >&2
      exit 1
    fi
    end=$(now_ms)
    ticks1=$(busy_ticks)
    ours=$(awk '{printf "%d", ($1 + $2) * 100}' "$log.cpu")
    OTHER=$(awk -v t=$((ticks1 - ticks0)) -v o="$ours" -v w=$((end - start)) -v c="$ncpu" \
      'BEGIN {x = (t - o) * 10 / (w * c) * 100; if (x < 0) x = 0; printf "%.0f", x}')
    if ((OTHER <= 15)); then
      return 0
    fi
    echo "  (others took ${OTHER}% of the CPUs during attempt $attempt; running it again)" >&2
  done
}

# value KEY FILE: the value of KEY=… in FILE.
value() { sed -nE "s/.*(^| )$1=([^ ]+).*/\2/p" "$2" | head -1; }

# stats FILE COLUMN: "median min max" of a numeric column (1-based) of a TSV with a header.
stats() {
  awk -F'\t' -v c="$2" 'NR > 1 {print $c}' "$1" | sort -g | awk '
    {v[NR] = $1}
    END {
      if (NR == 0) {print "- - -"; exit}
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.1f %.1f %.1f\n", m, v[1], v[NR]
    }'
}

say "machine"
{
  echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc:    $(nproc)"
  echo "cpu:      $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "free -g:"
  free -g | sed 's/^/  /'
  echo "java -version:"
  java -version 2>&1 | sed 's/^/  /'
  echo "maven:    $("$mvnw" -v 2>/dev/null | head -1)"
  echo "git HEAD: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "load:     $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

if [[ "$install" == 1 ]]; then
  say "installing the plugin and runtime from the working tree"
  "$mvnw" -B -q -f "$repo/pom.xml" install -DskipTests -Dinvoker.skip -Dspotless.check.skip=true
fi
plugin_jar="$HOME/.m2/repository/dev/switchboard/switchboard-maven-plugin/0.1.0-SNAPSHOT/switchboard-maven-plugin-0.1.0-SNAPSHOT.jar"
runtime_jar="$HOME/.m2/repository/dev/switchboard/switchboard-runtime/0.1.0-SNAPSHOT/switchboard-runtime-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$plugin_jar" || ! -f "$runtime_jar" ]]; then
  echo "switchboard 0.1.0-SNAPSHOT is not installed in ~/.m2; run with --install" >&2
  exit 1
fi
{
  echo "plugin:   $(sha256sum "$plugin_jar" | cut -c1-12) $(date -u -r "$plugin_jar" +%Y-%m-%dT%H:%M:%SZ)"
  echo "runtime:  $(sha256sum "$runtime_jar" | cut -c1-12) $(date -u -r "$runtime_jar" +%Y-%m-%dT%H:%M:%SZ)"
} | tee -a "$out/machine.txt"

say "building benchmarks/factory (generate goal, 20 SDK modules, JMH uber-jar)"
"$mvnw" -B -f "$here/pom.xml" package >"$out/logs/build.log" 2>&1 || { tail -40 "$out/logs/build.log"; exit 1; }
grep -E "switchboard: (selected|wrote|generated)" "$out/logs/build.log" | sed 's/^\[INFO\] /  /' | cut -c1-160
cd "$here"
classpath_file="$here/target/discovery-classpath.txt"
echo "  discovery class path: $(tr ':' '\n' <"$classpath_file" | grep -c .) jars"

# ---------------------------------------------------------------- A: AWS discovery, cold
say "A: AWS discovery, cold: $runs fresh JVMs each (DiscoveryCold, DiscoveryPrototype interleaved)"
printf 'run\ttotal_ms\tcatalogue_ms\tread_ms\tservices\tother_pct\n' >"$out/discovery-cold.tsv"
printf 'run\ttotal_ms\tcatalogue_ms\tread_ms\tservices\tother_pct\n' >"$out/discovery-prototype.tsv"
for ((r = 1; r <= runs; r++)); do
  log="$out/logs/discovery-cold-$r.log"
  timed "$log" java -cp "$jar" dev.switchboard.bench.factory.DiscoveryCold "$classpath_file"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$(value total_ms "$log")" "$(value catalogue_ms "$log")" \
    "$(value read_ms "$log")" "$(value services "$log")" "$OTHER" >>"$out/discovery-cold.tsv"
  log="$out/logs/discovery-prototype-$r.log"
  timed "$log" java -cp "$jar" dev.switchboard.bench.factory.DiscoveryPrototype "$classpath_file"
  if [[ "$(value same_as_reader "$log")" != true ]]; then
    echo "DiscoveryPrototype gave other entries than AwsServiceReader; see $log" >&2
    exit 1
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$(value total_ms "$log")" "$(value catalogue_ms "$log")" \
    "$(value read_ms "$log")" "$(value services "$log")" "$OTHER" >>"$out/discovery-prototype.tsv"
  printf '  run %d: reader %s ms, prototype %s ms\n' "$r" \
    "$(awk -F'\t' 'END {print $2}' "$out/discovery-cold.tsv")" "$(awk -F'\t' 'END {print $2}' "$out/discovery-prototype.tsv")"
done
printf 'run\tstage\tms\n' >"$out/discovery-profile.tsv"
for r in 1 2 3; do
  log="$out/logs/discovery-profile-$r.log"
  timed "$log" java -cp "$jar" dev.switchboard.bench.factory.DiscoveryProfile "$classpath_file"
  awk -v r="$r" '/^stage / {printf "%s\t%s\t%s\n", r, $2, $3}' "$log" >>"$out/discovery-profile.tsv"
done
grep '^profile' "$out/logs/discovery-profile-1.log" | sed 's/^/  /'

# ---------------------------------------------------------------- B2: first creation, cold
routes=(direct-s3 factory-s3 factory-s3-quiet direct-sqs factory-sqs-reflective reflective-sqs-no-registry)
say "B2 cold: first creation in a fresh JVM, $runs rounds of ${routes[*]}"
printf 'round\troute\tfirst_ms\tother_pct\n' >"$out/first-creation.tsv"
for ((r = 1; r <= runs; r++)); do
  line="  round $r:"
  for route in "${routes[@]}"; do
    log="$out/logs/first-$route-$r.log"
    timed "$log" java -cp "$jar" dev.switchboard.bench.factory.FirstCreation "$route"
    ms=$(value first_ms "$log")
    printf '%s\t%s\t%s\t%s\n' "$r" "$route" "$ms" "$OTHER" >>"$out/first-creation.tsv"
    line="$line $route=$ms"
  done
  echo "$line"
done

# ---------------------------------------------------------------- B3: class loading
# count_loads LOG MODE: "phase sdk_classes switchboard_runtime_classes" for each phase of a
# ClassLoadProbe log. The probe touches a marker class between phases; a phase is named after the
# call it covers: settings (the caller's builder calls, configured mode), build (builder().build()),
# accessor (s3()), close (close()). Classes loaded before the Start marker (the JVM, the probe) are
# not counted.
count_loads() {
  awk -v mode="$2" '
    / dev\.switchboard\.bench\.factory\.ClassLoadProbe\$[A-Za-z]+ source:/ {
      m = $0; sub(/.*ClassLoadProbe\$/, "", m); sub(/ .*/, "", m)
      if (m == "Start") phase = (mode == "configured") ? "settings" : "build"
      else if (m == "SettingsGiven") phase = "build"
      else if (m == "FactoryBuilt") phase = (mode == "accessor") ? "accessor" : "close"
      else if (m == "AccessorCalled") phase = "close"
      else if (m == "Closed") phase = "end"
      next
    }
    phase != "" && /\[class,load\] / {
      name = $0; sub(/.*\[class,load\] /, "", name); sub(/ .*/, "", name)
      if (name ~ /^software\.amazon\.awssdk\./) sdk[phase]++
      if (name ~ /^dev\.switchboard\.runtime\./) sb[phase]++
    }
    END {
      n = split("settings build accessor close", order, " ")
      for (i = 1; i <= n; i++) {
        p = order[i]
        if (p == "settings" && mode != "configured") continue
        if (p == "accessor" && mode != "accessor") continue
        printf "%s %d %d\n", p, sdk[p], sb[p]
      }
    }' "$1"
}

probe() { # probe NAME CLASSPATH MODE
  local log="$out/logs/probe-$1-$3.log" cl="$out/classload-$1-$3.log"
  java -Dswitchboard.aws.region=us-east-1 -Dswitchboard.s3.endpoint=http://127.0.0.1:1 \
    -Dswitchboard.aws.httpClient=url-connection -Daws.accessKeyId=AKIAFAKEFAKEFAKE0000 \
    -Daws.secretAccessKey=fake -Xlog:class+load=info:file="$cl" \
    -cp "$2" dev.switchboard.bench.factory.ClassLoadProbe "$3" >"$log" 2>&1 || { cat "$log"; exit 1; }
  count_loads "$cl" "$3" | while read -r phase sdk sb; do
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$3" "$phase" "$sdk" "$sb"
  done >>"$out/classloads.tsv"
  # Which SDK classes the build phase loaded, for the record.
  awk '/ClassLoadProbe\$(Start|SettingsGiven) source:/ {on = 1; next} /ClassLoadProbe\$FactoryBuilt source:/ {on = 0}
       on && /\[class,load\] software\.amazon\.awssdk\./ {sub(/.*\[class,load\] /, ""); sub(/ .*/, ""); print}' "$cl" \
    >"$out/build-phase-sdk-classes-$1-$3.txt"
}

say "B3: classes loaded by the factory (ClassLoadProbe, -Xlog:class+load)"
printf 'factory\tmode\tphase\tsdk_classes\tswitchboard_runtime_classes\n' >"$out/classloads.tsv"
for mode in bare accessor configured; do
  probe 20-services "$jar" "$mode"
done
if [[ "$all_services" == 1 ]]; then
  all="$here/target/all-services"
  rm -rf "$all"
  java -cp "$jar" dev.switchboard.bench.factory.AllServicesProject "$all" | sed 's/^/  /'
  mkdir -p "$all/src/main/java/dev/switchboard/bench/factory"
  cp "$here/src/main/java/dev/switchboard/bench/factory/ClassLoadProbe.java" \
    "$here/src/all-services/java/dev/switchboard/bench/factory/WholeCatalogueLookupBenchmark.java" \
    "$all/src/main/java/dev/switchboard/bench/factory/"
  echo "  building the whole-catalogue project (generate over 412 modules, javac of 414 services) ..."
  build_start=$SECONDS
  "$mvnw" -B -f "$all/pom.xml" compile >"$out/logs/all-services-build.log" 2>&1 || { tail -40 "$out/logs/all-services-build.log"; exit 1; }
  grep -E "switchboard: (wrote|generated)" "$out/logs/all-services-build.log" | sed 's/^\[INFO\] /  /' | cut -c1-160
  echo "  (built in $((SECONDS - build_start)) s)"
  all_cp="$all/target/classes:$(cat "$all/target/classpath.txt")"
  for mode in bare accessor configured; do
    probe all-services "$all_cp" "$mode"
  done
  javap -c -p -cp "$all/target/classes" dev.switchboard.bench.clients.ServiceClients >"$out/all-services-javap.txt"
  awk '/^  public java.lang.Object client\(java.lang.String\);/ {on = 1} on && /^ *[0-9]+: / {last = $1} on && /^$/ {n = last + 1; print "client(String) is " n " bytes of bytecode" (n > 8000 ? ", over HotSpot'"'"'s 8000-byte HugeMethodLimit: never JIT-compiled" : ""); exit}' \
    "$out/all-services-javap.txt" | tee "$out/all-services-client-method.txt" | sed 's/^/  /'
fi
column -t "$out/classloads.tsv" | sed 's/^/  /'

# ---------------------------------------------------------------- JMH
jmh_run() { # jmh_run NAME CLASSPATH-or-JAR ARGS...
  local name="$1" cp="$2"; shift 2
  local log="$out/logs/jmh-$name.log" ticks0 start
  wait_quiet
  ticks0=$(busy_ticks)
  start=$(now_ms)
  if ! { TIMEFORMAT='%U %S'; time java -cp "$cp" org.openjdk.jmh.Main "$@" "${jmh_args[@]}" -foe true \
      -rf csv -rff "$out/jmh-$name.csv" >"$log" 2>&1; } 2>"$log.cpu"; then
    tail -40 "$log"
    exit 1
  fi
  local ours other
  ours=$(awk '{printf "%d", ($1 + $2) * 100}' "$log.cpu")
  other=$(awk -v t=$(($(busy_ticks) - ticks0)) -v o="$ours" -v w=$(($(now_ms) - start)) -v c="$ncpu" \
    'BEGIN {x = (t - o) * 10 / (w * c) * 100; if (x < 0) x = 0; printf "%.0f", x}')
  echo "$other" >"$out/jmh-$name.other"
  grep -E "^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)" "$log" | sed 's/^/  /'
  echo "  (others took ${other}% of the CPUs during this JMH run)"
}

if [[ "$jmh" == 1 ]]; then
  say "JMH A warm: DiscoveryBenchmark"
  jmh_run discovery "$jar" 'DiscoveryBenchmark' -jvmArgsAppend "-Ddiscovery.classpath=$classpath_file"
  say "JMH B1: LookupBenchmark"
  jmh_run lookup "$jar" 'LookupBenchmark'
  say "JMH B2 warm: CreationBenchmark"
  jmh_run creation "$jar" 'CreationBenchmark'
  if [[ "$all_services" == 1 ]]; then
    say "JMH B1 on the whole-catalogue factory: WholeCatalogueLookupBenchmark"
    jmh_run whole-catalogue "$all_cp" 'WholeCatalogueLookupBenchmark'
    say "JMH diagnostic: the same client(\"s3\") with -XX:-DontCompileHugeMethods"
    jmh_run whole-catalogue-hugemethods "$all_cp" 'WholeCatalogueLookupBenchmark.factoryClientCompiledIn' \
      -jvmArgsAppend "-XX:-DontCompileHugeMethods"
  fi
fi

# ---------------------------------------------------------------- what-if (B1, B3)
# patch_factory NAME GENERATED-SOURCE CLASSPATH: compiles the WhatIfPatch'ed factory into target/what-if/NAME.
patch_factory() {
  local dir="$here/target/what-if/$1"
  rm -rf "$dir"
  java -cp "$jar" dev.switchboard.bench.factory.WhatIfPatch "$2" "$dir/src/dev/switchboard/bench/clients/ServiceClients.java" | sed 's/^/  /'
  javac -nowarn -proc:none -d "$dir/classes" -cp "$3" "$dir/src/dev/switchboard/bench/clients/ServiceClients.java" 2>&1 | grep -v '^Note:' || true
  [[ -f "$dir/classes/dev/switchboard/bench/clients/ServiceClients.class" ]] || { echo "what-if compile failed ($1)" >&2; exit 1; }
}
if [[ "$what_if" == 1 ]]; then
  say "what-if: the proposed template changes (WhatIfPatch), compiled ahead of the generated class"
  patch_factory 20-services "$here/target/generated-sources/switchboard/dev/switchboard/bench/clients/ServiceClients.java" "$jar"
  wi20="$here/target/what-if/20-services/classes:$jar"
  for mode in bare accessor; do
    probe 20-services-what-if "$wi20" "$mode"
  done
  if [[ "$all_services" == 1 ]]; then
    patch_factory all-services "$all/target/generated-sources/switchboard/dev/switchboard/bench/clients/ServiceClients.java" "$all_cp"
    wiall="$here/target/what-if/all-services/classes:$all_cp"
    for mode in bare accessor; do
      probe all-services-what-if "$wiall" "$mode"
    done
  fi
  awk -F'\t' '$1 ~ /what-if/' "$out/classloads.tsv" | column -t | sed 's/^/  /'
  if [[ "$jmh" == 1 ]]; then
    jmh_run lookup-what-if "$wi20" 'LookupBenchmark.(chmGet|factoryClientCompiledIn|factoryClientReflective)'
    if [[ "$all_services" == 1 ]]; then
      jmh_run whole-catalogue-what-if "$wiall" 'WholeCatalogueLookupBenchmark.(chmGet|factoryClientCompiledIn)'
    fi
  fi
fi

# ---------------------------------------------------------------- summary
# jmh SCORE-OF NAME BENCH [PARAM]: "score error" from a JMH csv.
jmh_score() {
  local csv="$out/jmh-$1.csv"
  [[ -f "$csv" ]] || { echo "- -"; return; }
  awk -F',' -v b="$2" -v p="${3:-}" '
    {sub(/\r$/, "")}
    NR > 1 {
      for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
      n = $1; sub(/.*\./, "", n)
      if (n == b && (p == "" || $8 == p)) {printf "%.3f %.3f\n", $5, $6; found = 1; exit}
    }
    END {if (!found) print "- -"}' "$csv"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b}'; }
verdict() { awk -v r="$1" -v lim="$2" 'BEGIN {if (r == "-") print "n/a"; else if (r <= lim) print "met"; else print "MISSED"}'; }
route_stats() {
  awk -F'\t' -v r="$1" 'NR == 1 {print "route\tms"} NR > 1 && $2 == r {print $2 "\t" $3}' "$out/first-creation.tsv" >"$out/.route.tsv"
  stats "$out/.route.tsv" 2
}

{
  echo "switchboard factory benchmarks — $(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1)"
  echo
  read -r dm dmin dmax < <(stats "$out/discovery-cold.tsv" 2)
  read -r dcm _ _ < <(stats "$out/discovery-cold.tsv" 3)
  read -r drm _ _ < <(stats "$out/discovery-cold.tsv" 4)
  read -r pm pmin pmax < <(stats "$out/discovery-prototype.tsv" 2)
  printf 'A  AWS discovery, 20 modules (%s jars), cold, %s fresh JVMs: median %s ms [%s .. %s] (catalogue %s + scan %s)  budget < 300 ms: %s\n' \
    "$(tr ':' '\n' <"$classpath_file" | grep -c .)" "$runs" "$dm" "$dmin" "$dmax" "$dcm" "$drm" \
    "$(awk -v m="$dm" 'BEGIN {print (m < 300) ? "met" : "MISSED"}')"
  printf '   prototype of the proposed changes (same entries): median %s ms [%s .. %s]\n' "$pm" "$pmin" "$pmax"
  printf '   stages (median of 3, ms):'
  for s in jackson catalogue zip-list inflate asm endpoints real-call; do
    printf ' %s=%s' "$s" "$(awk -F'\t' -v s="$s" 'NR > 1 && $2 == s {print $3}' "$out/discovery-profile.tsv" | sort -g | sed -n 2p)"
  done
  echo
  read -r ws we < <(jmh_score discovery catalogueAndRead)
  read -r wrs wre < <(jmh_score discovery readOnly)
  printf '   warm (JMH): catalogueAndRead %s ± %s ms, readOnly %s ± %s ms\n' "$ws" "$we" "$wrs" "$wre"
  echo
  read -r chm chme < <(jmh_score lookup chmGet)
  read -r cin cine < <(jmh_score lookup factoryClientCompiledIn)
  read -r cre cree < <(jmh_score lookup factoryClientReflective)
  read -r ccg ccge < <(jmh_score lookup clientCacheGet)
  read -r acc acce < <(jmh_score lookup typedAccessor)
  read -r vol vole < <(jmh_score lookup volatileFieldRead)
  read -r pla plae < <(jmh_score lookup plainFieldRead)
  echo "B1 cached lookups (JMH, ns/op ± 99.9% error)                    ratio   budget"
  printf '   ConcurrentHashMap.get            %8s ± %-6s               1.00\n' "$chm" "$chme"
  printf '   client("s3")   compiled in       %8s ± %-6s  vs CHM.get  %5s   <= 1.5x: %s\n' "$cin" "$cine" "$(ratio "$cin" "$chm")" "$(verdict "$(ratio "$cin" "$chm")" 1.5)"
  printf '   client("sqs")  via reflection    %8s ± %-6s  vs CHM.get  %5s   <= 1.5x: %s\n' "$cre" "$cree" "$(ratio "$cre" "$chm")" "$(verdict "$(ratio "$cre" "$chm")" 1.5)"
  printf '   ClientCache.get                  %8s ± %-6s  vs CHM.get  %5s\n' "$ccg" "$ccge" "$(ratio "$ccg" "$chm")"
  printf '   s3() typed accessor              %8s ± %-6s  vs volatile %5s   (volatile read %s ± %s, plain read %s ± %s)\n' "$acc" "$acce" "$(ratio "$acc" "$vol")" "$vol" "$vole" "$pla" "$plae"
  if [[ -f "$out/jmh-whole-catalogue.csv" ]]; then
    read -r wchm wchme < <(jmh_score whole-catalogue chmGet)
    read -r win wine < <(jmh_score whole-catalogue factoryClientCompiledIn)
    read -r wacc wacce < <(jmh_score whole-catalogue typedAccessor)
    read -r whm whme < <(jmh_score whole-catalogue-hugemethods factoryClientCompiledIn)
    echo "   whole catalogue (414 services compiled in; $(cat "$out/all-services-client-method.txt" 2>/dev/null)):"
    printf '     CHM.get %s ± %s; client("s3") %s ± %s = %sx: %s; s3() %s ± %s; client("s3") with -XX:-DontCompileHugeMethods %s ± %s\n' \
      "$wchm" "$wchme" "$win" "$wine" "$(ratio "$win" "$wchm")" "$(verdict "$(ratio "$win" "$wchm")" 1.5)" "$wacc" "$wacce" "$whm" "$whme"
  fi
  if [[ -f "$out/jmh-lookup-what-if.csv" ]]; then
    read -r xchm _ < <(jmh_score lookup-what-if chmGet)
    read -r xin xine < <(jmh_score lookup-what-if factoryClientCompiledIn)
    read -r xre xree < <(jmh_score lookup-what-if factoryClientReflective)
    printf '   what-if (WhatIfPatch: name map ahead of the switch): client("s3") %s ± %s = %sx, client("sqs") %s ± %s = %sx of CHM.get %s\n' \
      "$xin" "$xine" "$(ratio "$xin" "$xchm")" "$xre" "$xree" "$(ratio "$xre" "$xchm")" "$xchm"
  fi
  if [[ -f "$out/jmh-whole-catalogue-what-if.csv" ]]; then
    read -r ychm _ < <(jmh_score whole-catalogue-what-if chmGet)
    read -r yin yine < <(jmh_score whole-catalogue-what-if factoryClientCompiledIn)
    printf '   what-if, whole catalogue: client("s3") %s ± %s = %sx of CHM.get %s\n' "$yin" "$yine" "$(ratio "$yin" "$ychm")" "$ychm"
  fi
  echo
  echo "B2 first creation, cold (fresh JVM, first call; median [min .. max] ms of $runs)   ratio  budget"
  read -r ds3 ds3min ds3max < <(route_stats direct-s3)
  read -r fs3 fs3min fs3max < <(route_stats factory-s3)
  read -r fq fqmin fqmax < <(route_stats factory-s3-quiet)
  read -r dsq dsqmin dsqmax < <(route_stats direct-sqs)
  read -r fsq fsqmin fsqmax < <(route_stats factory-sqs-reflective)
  printf '   S3Client.builder()...build()          %7s [%s .. %s]\n' "$ds3" "$ds3min" "$ds3max"
  printf '   factory.s3() (default logging)        %7s [%s .. %s]  %5s  <= 1.05x: %s\n' "$fs3" "$fs3min" "$fs3max" "$(ratio "$fs3" "$ds3")" "$(verdict "$(ratio "$fs3" "$ds3")" 1.05)"
  printf '   factory.s3() (logging configured)     %7s [%s .. %s]  %5s  <= 1.05x: %s\n' "$fq" "$fqmin" "$fqmax" "$(ratio "$fq" "$ds3")" "$(verdict "$(ratio "$fq" "$ds3")" 1.05)"
  printf '   SqsClient.builder()...build()         %7s [%s .. %s]\n' "$dsq" "$dsqmin" "$dsqmax"
  printf '   factory.client("sqs") (reflection)    %7s [%s .. %s]  %5s  <= 1.10x: %s\n' "$fsq" "$fsqmin" "$fsqmax" "$(ratio "$fsq" "$dsq")" "$(verdict "$(ratio "$fsq" "$dsq")" 1.10)"
  read -r rnr rnrmin rnrmax < <(route_stats reflective-sqs-no-registry)
  printf '   what-if: ReflectiveClients.create, no registry read  %7s [%s .. %s]  %5s  (vs SqsClient.builder())\n' "$rnr" "$rnrmin" "$rnrmax" "$(ratio "$rnr" "$dsq")"
  echo "B2 warm (JMH, us/op ± 99.9% error; logging quiet | info)"
  read -r d3 d3e < <(jmh_score creation directS3)
  read -r dq dqe < <(jmh_score creation directSqs)
  for b in factoryS3 providerS3 factorySqsReflective resolverSqsReflective; do
    ref="$d3"; lim=1.05
    [[ "$b" == *Sqs* ]] && { ref="$dq"; lim=1.10; }
    read -r q qe < <(jmh_score creation "$b" quiet)
    read -r i ie < <(jmh_score creation "$b" info)
    printf '   %-22s quiet %9s ± %-7s %5sx %-6s | info %9s ± %-7s %5sx %s\n' "$b" "$q" "$qe" "$(ratio "$q" "$ref")" \
      "$(verdict "$(ratio "$q" "$ref")" "$lim")" "$i" "$ie" "$(ratio "$i" "$ref")" "$(verdict "$(ratio "$i" "$ref")" "$lim")"
  done
  printf '   %-22s %9s ± %s   (reference for S3, budget 1.05x)\n' directS3 "$d3" "$d3e"
  printf '   %-22s %9s ± %s   (reference for SQS, budget 1.10x)\n' directSqs "$dq" "$dqe"
  echo
  echo "B3 AWS SDK classes loaded (software.amazon.awssdk.*), per phase of ClassLoadProbe"
  awk -F'\t' 'NR > 1 && $4 + $5 > 0 {printf "   %-12s %-10s %-9s sdk=%-5s switchboard-runtime=%s\n", $1, $2, $3, $4, $5}' "$out/classloads.tsv"
  for f in "$out"/build-phase-sdk-classes-*-bare.txt; do
    [[ -s "$f" ]] && echo "   build phase ($(basename "$f" .txt | sed 's/build-phase-sdk-classes-//')): $(paste -sd' ' "$f")"
  done
  b20=$(awk -F'\t' '$1 == "20-services" && $2 == "bare" && $3 == "build" {print $4}' "$out/classloads.tsv")
  ball=$(awk -F'\t' '$1 == "all-services" && $2 == "bare" && $3 == "build" {print $4}' "$out/classloads.tsv")
  printf '   budget "builder().build() loads no AWS SDK class": 20 services %s, whole catalogue %s: %s\n' \
    "${b20:--}" "${ball:--}" "$(awk -v a="${b20:-0}" -v b="${ball:-0}" 'BEGIN {print (a + b == 0) ? "met" : "MISSED"}')"
  for f in 20-services all-services; do
    w=$(awk -F'\t' -v f="$f-what-if" '$1 == f && $2 == "bare" && $3 == "build" {print $4}' "$out/classloads.tsv")
    [[ -n "$w" ]] && printf '   what-if (WhatIfPatch: async accessors pass the builder as Object), %s: builder().build() loads %s SDK classes\n' "$f" "$w"
  done
  echo
  echo "raw data: $out   (total run time $((SECONDS - script_start)) s)"
} | tee "$out/summary.txt"
