#!/usr/bin/env bash
# Runs every benchmark script of this folder and its subfolders (run-*-benchmarks.sh), one after the other, and stops at
# the first that fails. Options after -- are passed to each script (e.g. -- --runs 3).
#
# Usage: benchmarks/run-all.sh [-- options for each script]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ "${1:-}" == "--" ]]; then
  shift
fi
shopt -s nullglob
scripts=("$here"/run-*-benchmarks.sh "$here"/*/run-*-benchmarks.sh)
if [[ ${#scripts[@]} -eq 0 ]]; then
  echo "no run-*-benchmarks.sh scripts in $here" >&2
  exit 1
fi
for script in "${scripts[@]}"; do
  echo "### $(basename "$script")"
  bash "$script" "$@"
done
