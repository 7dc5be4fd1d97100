#!/usr/bin/env bash
# Whole-process audit of generated accounts (20 regions) against the sandbox, every API throttled by
# the sandbox at RATE calls a second (per API), the audit paced at the same rate, under -Xmx512m.
# The emulator runs as a process of its own (`exportguard sandbox`, as the cloud would be elsewhere),
# started and loaded before the clock starts; the audit reaches it with --endpoint.
# For each size it prints the wall time, the throttle bound (the most calls any one API had admitted,
# divided by RATE: no audit can be faster) and their ratio, and at the end a least-squares line
# through the times with its worst deviation (linear growth), the audit's CPU time (user + system)
# and its largest heap after a GC. Goal: ratio <= 1.15 at 10,000 images. Needs /usr/bin/time.
# Usage: bench/audit.sh [IMAGES...]   (default: 1000 2500 5000 10000; RATE=20 REGIONS=20 RUNS=1)
# AUDIT_JAVA_OPTS / SANDBOX_JAVA_OPTS add JVM options to either process (e.g. a JFR recording, where
# %n in the text is replaced by the image count).
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${RATE:-20}"
regions="${REGIONS:-20}"
runs="${RUNS:-1}"
audit_opts="${AUDIT_JAVA_OPTS:-}"
sandbox_opts="${SANDBOX_JAVA_OPTS:-}"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 2500 5000 10000)
jar=target/exportguard.jar
[[ -f "$jar" ]] || mvn -B -ntp -q package -DskipTests
work="$(mktemp -d)"
sandbox=
trap '[[ -n "$sandbox" ]] && kill "$sandbox" 2>/dev/null; rm -rf "$work"' EXIT
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"

printf '%8s %9s %9s %7s %8s %9s  %s\n' images wall_s bound_s ratio cpu_s heap_MiB "busiest API (admitted calls)"
results=()
for n in "${sizes[@]}"; do
  scenario="$work/account-$n.yaml"
  java -cp "$jar" io.exportguard.sandbox.scenario.AccountGenerator --regions "$regions" --images "$n" \
    --rate "$rate" --out "$scenario"
  # shellcheck disable=SC2086 # the options are words
  java ${sandbox_opts//%n/$n} -jar "$jar" sandbox --scenario "$scenario" >"$work/sandbox-$n.out" 2>&1 &
  sandbox=$!
  for _ in $(seq 600); do grep -q 'credentials:' "$work/sandbox-$n.out" && break; sleep 0.2; done
  env_file=$(grep -oE '/[^ ]+\.env' "$work/sandbox-$n.out" | head -1)
  [[ -n "$env_file" ]] || { echo "the sandbox did not start:" >&2; cat "$work/sandbox-$n.out" >&2; exit 1; }
  for ((r = 1; r <= runs; r++)); do
    out="$work/out-$n-$r"
    start=$(date +%s.%N)
    set +e
    (unset ALIBABA_CLOUD_PROFILE; . "$env_file"; /usr/bin/time -f '%U %S' -o "$work/cpu-$n-$r" \
      java ${audit_opts//%n/$n} -Xmx512m -Xlog:gc*:file="$work/gc-$n-$r.log" -jar "$jar" audit \
      --endpoint "$EXPORTGUARD_ENDPOINT" --api-rate "$rate" --report json --out "$out" \
      >"$work/stdout-$n-$r" 2>"$work/stderr-$n-$r")
    code=$?
    set -e
    end=$(date +%s.%N)
    if [[ $code -gt 1 ]]; then
      echo "audit of $n images exited $code:" >&2
      tail -5 "$work/stderr-$n-$r" >&2
      exit 1
    fi
    # "exportguard audit: N calls (api n[/t throttled], ...), M throttled": admitted = calls - throttled.
    line=$(grep -E '^exportguard audit: [0-9,]+ calls \(' "$work/stderr-$n-$r" | tail -1)
    read -r bound api calls < <(python3 - "$line" "$rate" <<'PY'
import re, sys
line, rate = sys.argv[1], float(sys.argv[2])
inner = re.search(r'calls \((.*)\), [0-9,]+ throttled', line).group(1)
best = ("-", 0)
for part in inner.split(", "):
    m = re.fullmatch(r'(\S+) ([0-9,]+)(?: \(([0-9,]+) throttled\))?', part)
    admitted = int(m.group(2).replace(",", "")) - int((m.group(3) or "0").replace(",", ""))
    if admitted > best[1]:
        best = (m.group(1), admitted)
print(f"{best[1] / rate:.2f} {best[0]} {best[1]}")
PY
)
    wall=$(python3 -c "print(f'{$end - $start:.2f}')")
    heap=$(grep -oE 'Pause.*->[0-9]+M\([0-9]+M\)' "$work/gc-$n-$r.log" | sed -E 's/.*->([0-9]+)M\(.*/\1/' | sort -n | tail -1)
    ratio=$(python3 -c "print(f'{$wall / $bound:.3f}')")
    cpu=$(tail -1 "$work/cpu-$n-$r" | awk '{printf "%.1f", $1 + $2}')
    printf '%8d %9s %9s %7s %8s %9s  %s (%s)\n' "$n" "$wall" "$bound" "$ratio" "$cpu" "${heap:-?}" "$api" "$calls"
    results+=("$n $wall")
  done
  kill "$sandbox"; wait "$sandbox" 2>/dev/null || true
done
python3 - "${results[@]}" <<'PY'
import sys
pts = [tuple(map(float, a.split())) for a in sys.argv[1:]]
if len({x for x, _ in pts}) < 2:
    sys.exit(0)
n = len(pts); sx = sum(x for x, _ in pts); sy = sum(y for _, y in pts)
sxx = sum(x * x for x, _ in pts); sxy = sum(x * y for x, y in pts)
b = (n * sxy - sx * sy) / (n * sxx - sx * sx); a = (sy - b * sx) / n
worst = max(abs(y - (a + b * x)) / (a + b * x) for x, y in pts)
print(f"linear fit: wall = {a:.2f} s + {b * 1000:.3f} s per 1,000 images; worst deviation {worst * 100:.1f}%")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
