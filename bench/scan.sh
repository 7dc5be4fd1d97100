#!/usr/bin/env bash
# The static scan against parsing the same plan with Jackson alone, measured in one process
# (src/bench/java/io/exportguard/scan/ScanBenchmark.java), over generated plans of 500 to 5,000
# resources (bench/scan_plan.py). Goals (issue 12): the 5,000-resource plan is scanned within 3x
# its Jackson parse, and the time grows linearly from 500 to 5,000. The machine is shared: the load
# average is printed beside the numbers.
# Usage: bench/scan.sh [SIZES...]   (default: 500 1000 2000 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(500 1000 2000 5000)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
files=()
for n in "${sizes[@]}"; do
  python3 bench/scan_plan.py "$n" > "$dir/plan-$n.tfplan.json"
  files+=("$dir/plan-$n.tfplan.json")
done
ls -l "${files[@]}" | awk '{print $5, $9}'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -ntp -q -Pbench test-compile exec:exec \
  -Dexec.args="-cp %classpath -Xmx2g -Drounds=${ROUNDS:-15} io.exportguard.scan.ScanBenchmark ${files[*]}"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
