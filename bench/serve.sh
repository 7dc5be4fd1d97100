#!/usr/bin/env bash
# Decisions per second for the default pack: in-process against over HTTP (exportguard serve on loopback).
# Usage: bench/serve.sh [THREADS] [SECONDS]   (builds the jar first; facts from the demo-fail sandbox scenario)
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
threads="${1:-2}"
seconds="${2:-10}"
port="${BENCH_PORT:-18281}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
mvn -B -ntp -q package -DskipTests
java -jar target/exportguard.jar preflight --sandbox demo-fail --region cn-hangzhou --image m-bp1demo0001 \
  --bucket my-export-bucket --report json --out "$work/out" --save-facts "$work/facts.json" >/dev/null || true
java -jar target/exportguard.jar serve --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS --noproxy '*' "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
mvn -B -ntp -q -Pbench test-compile exec:exec \
  -Dexec.args="-cp %classpath io.exportguard.bench.OpaServeBench $work/facts.json http://127.0.0.1:$port $threads 5 $seconds"
