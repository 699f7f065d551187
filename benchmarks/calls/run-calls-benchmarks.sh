#!/usr/bin/env bash
# The call-path benchmarks (budget: statistics + an unlimited rate limiter add <= 1 us, or <= 2 %, per
# call against the bare SDK client calling a local endpoint).
#
# Builds benchmarks/calls against the switchboard-runtime installed in the local repository (install
# it first: ./mvnw -B -q install -DskipTests -Dinvoker.skip), prints the machine, then runs JMH briefly:
#   CallPathBenchmark  one SQS ListQueues against the JDK's HTTP server on 127.0.0.1, three ways (us/op)
#   GateBenchmark      the gate alone: start, permit, end of a call (ns/op)
# Usage: benchmarks/calls/run-calls-benchmarks.sh [JMH options; default -f 1 -wi 3 -i 5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
"$repo/mvnw" -B -ntp -q -f "$here/pom.xml" package
bash "$repo/benchmarks/machine.sh" "$repo"
args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(-f 1 -wi 3 -i 5)
echo "command: java -jar benchmarks/calls/target/calls-benchmarks.jar ${args[*]}"
java -jar "$here/target/calls-benchmarks.jar" "${args[@]}" -rf csv -rff "$here/target/jmh.csv"
