#!/usr/bin/env bash
# Whole-process wall time of the README's demo preflight against an empty `java` main, in the same
# run, with the JVM's default start-up and with bin/exportguard's (AppCDS + C1 only).
# Usage: bench/startup.sh [RUNS]     (builds the jar when it is missing)
# BENCH_EXTRA_ARGS adds flags to the demo preflight (e.g. --policies DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
runs="${1:-7}"
[[ -f target/exportguard.jar ]] || mvn -B -ntp -q package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
javac -d "$work/empty" "$work/empty/Empty.java"
(cd "$work/empty" && jar cfe ../empty.jar Empty Empty.class)
demo=(preflight --sandbox demo-pass --region cn-hangzhou --image m-bp1demo0001 --bucket my-export-bucket
      --report json --out "$work/reports" ${BENCH_EXTRA_ARGS:-})
jsa="$work/exportguard.jsa"
java -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar target/exportguard.jar "${demo[@]}" >/dev/null 2>&1 || true

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() {  # runs "$@" $runs times after one warm-up; prints the median wall time in ms
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
  done | median
}
empty=$(time_ms java -jar "$work/empty.jar")
empty_c1=$(time_ms java -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$work/empty.jar")
plain=$(time_ms java -jar target/exportguard.jar "${demo[@]}")
c1=$(time_ms java -XX:TieredStopAtLevel=1 -jar target/exportguard.jar "${demo[@]}")
cds=$(time_ms java -XX:SharedArchiveFile="$jsa" -Xlog:cds=off -jar target/exportguard.jar "${demo[@]}")
fast=$(time_ms java -XX:SharedArchiveFile="$jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off \
  -jar target/exportguard.jar "${demo[@]}")
printf '%-44s %6s ms\n' "empty java main" "$empty" "empty java main (C1 only)" "$empty_c1" \
  "demo preflight, default JVM" "$plain" "demo preflight, C1 only" "$c1" \
  "demo preflight, AppCDS" "$cds" "demo preflight, AppCDS + C1 + SerialGC" "$fast"
awk -v p="$plain" -v f="$fast" -v e="$empty" 'BEGIN {printf "ratio to empty main: default %.1fx, fast launcher %.1fx (goal <= 10x)\n", p/e, f/e}'
