#!/usr/bin/env bash
# Measures how many signed DescribeImages requests per second the sandbox serves on loopback,
# signed V1 (HMAC-SHA1 in the query, the default) or V3 (--signature v3: ACS3-HMAC-SHA256 headers).
# The load generator (src/test/java/io/exportguard/sandbox/load/LoadGenerator.java) signs every
# request itself with a fresh nonce and shares the machine with the sandbox it starts in-process.
# Usage: bench/sandbox-load.sh [--seconds 10] [--warmup 3] [--threads 4] [--signature v1|v3] [--endpoint URL ...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt
exec java -Dsun.net.httpserver.nodelay=true -cp "target/test-classes:target/classes:$(cat target/load-classpath.txt)" \
  io.exportguard.sandbox.load.LoadGenerator "$@"
