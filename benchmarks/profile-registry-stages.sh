#!/usr/bin/env bash
# Where the registry goal's time goes, stage by stage (the investigation behind BENCHMARKS.md).
#
#   1. inside real Maven: one cold and one no-op `mvn generate-sources` per tree with
#      -Xlog:class+load, and the goal's timeline cut at the first use of each stage's classes
#      (a class is loaded when its stage first runs, so the gaps between them are the stages);
#   2. in a plain JVM: dev.switchboard.benchmarks.StageProfile, every stage timed cold (first call in a
#      fresh JVM) and warm (median of 10 later calls), for the full rebuild and the no-op path;
#   3. today's no-op check next to NoOpCheckPrototype (the cheaper check BENCHMARKS.md suggests), cold.
#
# Not a benchmark of its own (run-all.sh does not run it); it explains one.
# Usage: benchmarks/profile-registry-stages.sh [--sizes "100 1000"]   (FRESH=1: see below)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
mvnw="$repo/mvnw"
sizes="${SIZES:-100 1000}"
if [[ "${1:-}" == "--sizes" ]]; then
  sizes="$2"
fi
out="$here/target/registry-profile"
rm -rf "$out"
mkdir -p "$out"
# One build of the plugin throughout, even if someone installs another meanwhile (see
# run-registry-benchmarks.sh): a private copy of the dev.switchboard artifacts, ~/.m2 behind it. The
# copy the last run-registry-benchmarks.sh took is reused, so the profile explains the figures it
# measured; FRESH=1 takes a new copy of what ~/.m2 holds now.
m2="$HOME/.m2/repository"
bench_repo="$here/target/registry-bench/m2-head"
if [[ "${FRESH:-0}" != 1 && -d "$bench_repo/dev/switchboard" ]]; then
  head_repo="$bench_repo"
else
  head_repo="$out/m2-head"
  mkdir -p "$head_repo/dev"
  cp -rp "$m2/dev/switchboard" "$head_repo/dev/"
fi
repo_args=("-Dmaven.repo.local=$head_repo" "-Dmaven.repo.local.tail=$m2")
snapshot_jar="$head_repo/dev/switchboard/switchboard-maven-plugin/0.1.0-SNAPSHOT/switchboard-maven-plugin-0.1.0-SNAPSHOT.jar"
echo "plugin: installed $(date -u -r "$snapshot_jar" +%Y-%m-%dT%H:%M:%SZ), sha256 $(sha256sum "$snapshot_jar" | cut -c1-12)"
"$mvnw" -B -q "${repo_args[@]}" -f "$here/pom.xml" package
jar="$here/target/switchboard-benchmarks.jar"

# Waits (up to QUIET_WAIT s, default 90) for one second in which the CPUs are at least 85 % idle:
# other builds on the same cores would blur the stages.
wait_quiet() {
  local deadline=$((SECONDS + ${QUIET_WAIT:-90})) before after
  while ((SECONDS < deadline)); do
    before=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat)
    sleep 1
    after=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat)
    if (((after - before) < 15 * $(nproc))); then
      return 0
    fi
  done
}

# The first class each stage loads, in the engine's order (RegistryBuilder's Javadoc lists the
# stages), for the no-op path, the cold path or both. A marker that a version of the engine does not
# load (the no-op loads Fingerprint only when a stamp changed) is skipped and its time joins the stage
# before it.
markers=(
  "dev.switchboard.core.registry.RegistryBuilder|scan the source roots (ProtoSourceScanner)"
  "dev.switchboard.core.registry.InputStamps|input stamps, compared with registry.inputs"
  "dev.switchboard.core.registry.Fingerprint|content fingerprint (stamps differ)|noop"
  "dev.switchboard.runtime.registry.RegistryCodec|read the stored fingerprint (Jackson)|noop"
  "dev.switchboard.core.registry.InferenceRules|load default rules (Jackson databind + YAML)|cold"
  "com.squareup.wire.schema.internal.parser.ProtoParser|parse every file once, both cores (ProtoLoader.check)|cold"
  "com.squareup.wire.schema.internal.CommonSchemaLoader|Wire SchemaLoader: roots for what the sources import|cold"
  "com.squareup.wire.schema.Linker|Wire: link the schema|cold"
  "com.squareup.wire.schema.Schema|map services (ProtoServiceMapper)|cold"
  "dev.switchboard.core.aws.AwsServiceReader|discover AWS clients in the dependency jars|cold"
  "dev.switchboard.core.registry.Inference|infer capabilities and dependencies|cold"
  "dev.switchboard.core.registry.Fingerprint|content fingerprint, serialize JSON (Jackson)|cold"
  "dev.switchboard.core.registry.AtomicFiles|write registry.json atomically|cold"
)

# timeline LOG KIND GOAL_MS: the gaps between the markers' first loads; the last stage ends where the
# goal's own figure says it does (the mojo starts its clock just before it loads RegistryBuilder). A
# marker whose third field names the other kind is skipped, and so is one loaded before the stage it
# should follow (an engine that loads it earlier, for instance while verifying another class).
timeline() {
  local log="$1" kind="$2" goal="$3"
  printf '%s\n' "${markers[@]}" | awk -F'|' -v logfile="$log" -v kind="$kind" -v goal="$goal" '
    BEGIN {
      while ((getline line < logfile) > 0) {
        split(line, parts, /[][]/); t = parts[2]; sub(/ms$/, "", t)
        name = substr(line, index(line, "] ") + 2); sub(/ .*/, "", name)
        if (!(name in first)) first[name] = t + 0
      }
    }
    $3 == "" || $3 == kind { n++; marker[n] = $1; label[n] = $2 }
    END {
      prev = 0
      for (i = 1; i <= n; i++) {
        if (!(marker[i] in first)) continue
        if (prev == 0) { start = first[marker[i]]; prev = i; continue }
        if (first[marker[i]] < first[marker[prev]]) continue
        printf "    %-50s %6d ms\n", label[prev], first[marker[i]] - first[marker[prev]]
        prev = i
      }
      if (prev > 0 && goal != "") {
        printf "    %-50s %6d ms  (to the end of the goal%s)\n", label[prev], goal - (first[marker[prev]] - start), \
          "\047s own figure"
      }
    }'
}

for n in $sizes; do
  tree="$here/target/trees/tree-$n"
  java -cp "$jar" dev.switchboard.benchmarks.ProtoTreeGenerator "$tree" "$n" >/dev/null
  for kind in cold noop; do
    if [[ "$kind" == cold ]]; then
      rm -rf "$tree/target/switchboard"
    fi
    log="$out/classload-$kind-$n.log"
    wait_quiet
    if ! MAVEN_OPTS="${MAVEN_OPTS:-} -Xlog:class+load:file=$log:uptimemillis" \
      "$mvnw" -B -o "${repo_args[@]}" -f "$tree/pom.xml" generate-sources >"$out/mvn-$kind-$n.log" 2>&1; then
      echo "mvn failed; see $out/mvn-$kind-$n.log" >&2
      exit 1
    fi
    line=$(grep -E 'switchboard: (wrote|registry is up to date)' "$out/mvn-$kind-$n.log" | head -1)
    goal=$(echo "$line" | sed -nE 's/.*[ (]([0-9]+) ms\)$/\1/p')
    echo "== in Maven, $kind, $n files: ${line#*INFO\] }"
    echo "   (class-load logging itself adds a little; compare the shares, not the absolute ms)"
    timeline "$log" "$kind" "$goal"
  done
done

for n in $sizes; do
  for mode in full noop; do
    echo
    wait_quiet
    java -cp "$jar" dev.switchboard.benchmarks.StageProfile "$here/target/trees/tree-$n" "$n" "$mode" 10
  done
done | tee "$out/stage-profile.txt"

# The suggestion for the no-op budget, measured: today's engine cold (first call in a fresh JVM) next
# to NoOpCheckPrototype (one walk, stamps from the walk's attributes folded into one value, a one-line
# plain-text index), 3 JVMs each.
for n in $sizes; do
  tree="$here/target/trees/tree-$n"
  echo
  echo "== cold no-op check, $n files, a fresh plain JVM each (ms)"
  java -cp "$jar" dev.switchboard.benchmarks.NoOpCheckPrototype "$tree" write >/dev/null
  for i in 1 2 3; do
    wait_quiet
    java -cp "$jar" dev.switchboard.benchmarks.StageProfile "$tree" "$n" noop 0 --engine-first \
      | awk '/^engine/ {print "   RegistryBuilder.build (today):     " $2}'
    wait_quiet
    java -cp "$jar" dev.switchboard.benchmarks.NoOpCheckPrototype "$tree" check \
      | sed -E 's/.* in ([0-9.]+) ms.*/   NoOpCheckPrototype (stamps only):  \1/'
  done
done | tee "$out/noop-prototype.txt"
echo
echo "logs in $out/"
