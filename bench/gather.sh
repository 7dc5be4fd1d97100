#!/usr/bin/env bash
# Fact gathering with 50 ms injected latency per call: concurrent versus one call after the other.
# Usage: bench/gather.sh [SCENARIO] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
scenario="${1:-bench/scenarios/latency-50ms.yaml}"
rounds="${2:-7}"
mvn -B -ntp -q -Pbench test-compile exec:exec \
  -Dexec.args="-Dsun.net.httpserver.nodelay=true -cp %classpath io.exportguard.bench.GatherBench $scenario $rounds"
