#!/usr/bin/env bash
# Prints the machine a benchmark runs on (date, CPUs, memory, JDK, Maven, commit), for its results.
# Usage: benchmarks/machine.sh <repository root>
repo="$1"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc:   $(nproc)"
echo "memory:  $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "java:    $(java -version 2>&1 | head -1)"
echo "maven:   $("$repo/mvnw" -v 2>/dev/null | head -1)"
echo "commit:  $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
