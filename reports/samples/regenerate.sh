#!/usr/bin/env bash
# Regenerates reports/samples/: what `exportguard preflight` writes for the sandbox scenarios
# demo-pass and demo-fail in every format (plus the console output), what `exportguard scan` writes
# for a fixture plan, under a fixed clock, and a
# screenshot of the demo-fail HTML report taken in headless Chromium. ReportSamplesIT runs the
# same command lines without -Dsamples.update and fails when a sample here is stale.
#
# Needs Java 17, Maven and Debian's chromium (.ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
export EXPORTGUARD_FIXED_TIME=2026-01-01T00:00:00Z
exec mvn -B -ntp -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ReportSamplesIT -Dsamples.update=true "$@"
