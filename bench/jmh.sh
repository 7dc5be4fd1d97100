#!/usr/bin/env bash
# JMH benchmarks in src/bench/java (engine, builtins, report writers, the default pack).
# Usage: bench/jmh.sh [JMH args], e.g. bench/jmh.sh 'EvalBenchmark|DefaultPackBenchmark' -f 1 -wi 3 -i 5
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -Pbench test-compile exec:exec -Dexec.args="-cp %classpath org.openjdk.jmh.Main $*"
