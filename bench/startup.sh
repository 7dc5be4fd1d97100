#!/usr/bin/env bash
# Start-up of the README demo (a sandbox preflight) against an empty `java` main, in one run.
# Every variant runs RUNS times, round-robin (so a change in the machine's load hits all of them
# alike), after one warm-up run each (which also makes bin/exportguard's archive). For each it
# prints the median wall time, the median CPU time of the process (user+sys: the figure that holds
# on a loaded, shared machine), the ratios of both to the empty main of the same JDK, and the
# median 1-minute load average read before its runs.
# Variants: each start-up lever alone on the default `java`, then bin/exportguard as shipped (and
# with the built-in pack compiled at start-up instead of loaded from its compiled form); when a
# JDK 25+ is found (JAVA25_HOME, else /usr/lib/jvm/*25*), the same on it with its AOT cache.
# Usage: bench/startup.sh [RUNS]     (RUNS defaults to 7; builds the jar when it is missing)
# BENCH_EXTRA_ARGS adds flags to the demo preflight (e.g. --policies DIR); BENCH_ONLY=REGEX keeps
# the variants whose name matches (the empty mains always run).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
runs="${1:-7}"
[[ -f target/exportguard.jar ]] || mvn -B -ntp -q package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty" "$work/cwd"
printf 'public class Empty { public static void main(String[] a) {} }\n' > "$work/empty/Empty.java"
javac --release 17 -d "$work/empty" "$work/empty/Empty.java"
(cd "$work/empty" && jar cfe ../empty.jar Empty Empty.class)
# A copy of the jar, so bin/exportguard's archive for it is made here and target/ is left alone.
cp target/exportguard.jar "$work/exportguard.jar"
jar="$work/exportguard.jar"
demo="preflight --sandbox demo-pass --region cn-hangzhou --image m-bp1demo0001 --bucket my-export-bucket ${BENCH_EXTRA_ARGS:-}"
j25="${JAVA25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1 || true)}"

names=() cmds=()
variant() { names+=("$1"); cmds+=("$2"); }
# Each archive below is made by a run with the same flags as the variant that uses it.
java -XX:ArchiveClassesAtExit="$work/default.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$jar" $demo >/dev/null 2>&1 || true
variant "empty main, jdk17" "java -jar $work/empty.jar"
variant "demo, default JVM" "java -jar $jar $demo"
variant "demo, C1 only (TieredStopAtLevel=1)" "java -XX:TieredStopAtLevel=1 -jar $jar $demo"
variant "demo, C1 only, 5x compile thresholds" "java -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=5 -jar $jar $demo"
variant "demo, SerialGC" "java -XX:+UseSerialGC -jar $jar $demo"
variant "demo, AppCDS" "java -XX:SharedArchiveFile=$work/default.jsa -Xlog:cds=off -jar $jar $demo"
variant "demo, bin/exportguard" "env -u JAVA_HOME EXPORTGUARD_JAR=$jar $root/bin/exportguard $demo"
variant "demo, bin/exportguard, pack compiled" \
  "env -u JAVA_HOME JAVA_OPTS=-Dexportguard.compiledPack=false EXPORTGUARD_JAR=$jar $root/bin/exportguard $demo"
if [[ -n "$j25" && -x "$j25/bin/java" ]]; then
  (cd "$work/cwd" && "$j25/bin/java" -XX:AOTCacheOutput="$work/default.aot" -jar "$jar" $demo >/dev/null 2>&1) || true
  variant "empty main, jdk25" "$j25/bin/java -jar $work/empty.jar"
  variant "demo, jdk25 default JVM" "$j25/bin/java -jar $jar $demo"
  variant "demo, jdk25 AOT cache" "$j25/bin/java -XX:AOTCache=$work/default.aot -Xlog:aot=off -jar $jar $demo"
  variant "demo, jdk25 bin/exportguard" "env JAVA_HOME=$j25 EXPORTGUARD_JAR=$jar $root/bin/exportguard $demo"
fi

keep=()
for i in "${!names[@]}"; do
  [[ "${names[$i]}" == empty* || "${names[$i]}" =~ ${BENCH_ONLY:-.} ]] && keep+=("$i")
done
load() { cut -d' ' -f1 /proc/loadavg; }
run() {  # one run of variant $1 in the scratch directory: "wall_ms cpu_ms load"
  local l t0 t1
  l="$(load)"
  t0=$(date +%s%N)
  (cd "$work/cwd" && /usr/bin/time -f '%U %S' -o "$work/time" ${cmds[$1]} >/dev/null 2>&1) || true
  t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000000)) $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/time") $l"
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, round-robin"
for i in "${keep[@]}"; do run "$i" >/dev/null; done
for _ in $(seq "$runs"); do
  for i in "${keep[@]}"; do echo "$i $(run "$i")"; done
done > "$work/results"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v i="$1" -v c="$2" '$1 == i {print $c}' "$work/results" | median; }
printf '%-38s %8s %8s %9s %8s %6s\n' variant "wall ms" "cpu ms" "wall/emp" "cpu/emp" load
base_wall=0 base_cpu=1
for i in "${keep[@]}"; do
  wall=$(col "$i" 2) cpu=$(col "$i" 3) l=$(col "$i" 4)
  [[ "${names[$i]}" == empty* ]] && base_wall=$wall base_cpu=$((cpu > 0 ? cpu : 10))
  awk -v n="${names[$i]}" -v w="$wall" -v c="$cpu" -v bw="$base_wall" -v bc="$base_cpu" -v l="$l" \
    'BEGIN {printf "%-38s %8d %8d %8.1fx %7.1fx %6s\n", n, w, c, w / bw, c / bc, l}'
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)   (ratios are to the empty main of the same JDK; goal: bin/exportguard <= 8x)"
