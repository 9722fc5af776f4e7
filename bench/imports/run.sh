#!/usr/bin/env bash
# Import benchmark: one file of N registrations (default 50,000, generate.py) sent by an Admin to
# POST /api/v1/applicants/imports on the host (Release, Production, Hangfire on) and followed until
# the worker has done every line. Prints lines/s, the wall time and the host's peak memory (VmHWM).
#
#   bench/imports/run.sh                 IMPORT_LINES=50000 BENCH_PORT=5092 BENCH_DATABASE=bench_imports
#   PGPORT=55483 bench/imports/run.sh    the cluster's port; the cluster is its own (.data/pg-bench, fsync on),
#                                        so it runs beside the tests' cluster (PG_CLUSTER_DIR to move it)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/lib.sh
. ./scripts/lib.sh
export PG_CLUSTER_DIR="${PG_CLUSTER_DIR:-$REPO/.data/pg-bench}"

LINES="${IMPORT_LINES:-50000}"
PORT="${BENCH_PORT:-5092}"
DB="${BENCH_DATABASE:-bench_imports}"
BASE="http://127.0.0.1:$PORT"
OUT="$REPO/.data/bench/imports-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
HOST_PID=""
trap '[ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT

ensure_dotnet
ensure_postgres_binaries
ensure_secrets
start_postgres
psql_pg() { PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -w -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
psql_pg -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""

log "dotnet build -c Release"
dotnet build src/Host/Host.csproj -c Release -nologo -v q
log "generating $LINES lines"
python3 bench/imports/generate.py "$LINES" "$OUT/file.csv"

(
    cd src/Host/bin/Release/net10.0
    export ConnectionStrings__Postgres="$PG_CONNECTION;Database=$DB"
    export Bootstrap__AdminEmail="$ADMIN_EMAIL" Bootstrap__AdminPassword="$ADMIN_PASSWORD" Auth__SigningKey="$JWT_SIGNING_KEY"
    export Email__Transport=Pickup Email__PickupDirectory="$OUT/mail" Seed__Demo=false
    export Hangfire__QueuePollInterval=00:00:01
    export ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
    exec dotnet Host.dll
) >"$OUT/host.log" 2>&1 &
HOST_PID=$!
for i in $(seq 1 240); do
    curl -fsS -o /dev/null --max-time 2 "$BASE/health/ready" 2>/dev/null && break
    [ "$i" = 240 ] && die "the host was not ready after 120 s (see $OUT/host.log)"
    sleep 0.5
done

TOKEN="$(curl -fsS "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
# CPU seconds used by the host and by PostgreSQL (the postmaster's children, live and reaped):
# on a shared machine the wall time measures the neighbours too, the CPU time only this import.
cpu_of() { awk -v t="$(getconf CLK_TCK)" '{ print ($14 + $15 + $16 + $17) / t }' "/proc/$1/stat"; }
pg_cpu() {
    local postmaster total=0 child
    postmaster="$(head -n 1 "$PG_DATA/postmaster.pid")"
    total="$(cpu_of "$postmaster")"
    for child in $(cat "/proc/$postmaster/task/$postmaster/children" 2>/dev/null); do
        [ -r "/proc/$child/stat" ] && total="$(echo "$total + $(cpu_of "$child")" | bc -l)"
    done
    echo "$total"
}
RSS_BEFORE="$(awk '/^VmRSS/{print $2}' "/proc/$HOST_PID/status")"
HOST_CPU_BEFORE="$(cpu_of "$HOST_PID")"
PG_CPU_BEFORE="$(pg_cpu)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s.%N)
LOCATION="$(curl -fsS -o "$OUT/accepted.json" -w '%header{location}' "$BASE/api/v1/applicants/imports?fileName=bench.csv" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$OUT/file.csv")"
[ -n "$LOCATION" ] || die "no import was accepted: $(cat "$OUT/accepted.json")"
while true; do
    curl -fsS "$BASE$LOCATION" -H "Authorization: Bearer $TOKEN" >"$OUT/import.json"
    # Progress and resident memory over time: flat memory shows as a flat RSS column.
    python3 -c 'import json,sys; i=json.load(open(sys.argv[1])); print(sys.argv[2], i["processed"], sys.argv[3], sys.argv[4])' \
        "$OUT/import.json" "$(date +%s)" "$(awk '/^VmRSS/{print $2}' "/proc/$HOST_PID/status")" "$(cut -d' ' -f1 /proc/loadavg)" >>"$OUT/progress.txt"
    STATUS="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$OUT/import.json")"
    [ "$STATUS" = Completed ] && break
    kill -0 "$HOST_PID" 2>/dev/null || die "the host died (see $OUT/host.log)"
    sleep 1
done
END=$(date +%s.%N)
PEAK="$(awk '/^VmHWM/{print $2}' "/proc/$HOST_PID/status")"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
HOST_CPU="$(echo "$(cpu_of "$HOST_PID") - $HOST_CPU_BEFORE" | bc -l)"
PG_CPU="$(echo "$(pg_cpu) - $PG_CPU_BEFORE" | bc -l)"
python3 - "$OUT/import.json" "$START" "$END" "$RSS_BEFORE" "$PEAK" "$LINES" "$LOAD_BEFORE" "$LOAD_AFTER" "$OUT/progress.txt" "$HOST_CPU" "$PG_CPU" <<'PY' | tee "$OUT/summary.md"
import json, sys
i = json.load(open(sys.argv[1])); start, end = float(sys.argv[2]), float(sys.argv[3])
secs = end - start
print(f"| lines | registered | refused | already | wall s | lines/s | host RSS before MiB | host peak MiB | load before / after |")
print(f"|---:|---:|---:|---:|---:|---:|---:|---:|---|")
print(f"| {int(sys.argv[6]):,} | {i['registered']:,} | {i['refused']:,} | {i['alreadyRegistered']:,} | {secs:.1f} | {int(sys.argv[6]) / secs:,.0f} | {int(sys.argv[4]) / 1024:.0f} | {int(sys.argv[5]) / 1024:.0f} | {sys.argv[7]} / {sys.argv[8]} |")
# Resident memory at each tenth of the lines done: flat memory is a flat row.
samples = [tuple(map(float, l.split())) for l in open(sys.argv[9])]
marks = []
for tenth in range(1, 11):
    at = next((s for s in samples if s[1] >= int(sys.argv[6]) * tenth / 10), samples[-1])
    marks.append(f"{tenth * 10}%: {at[2] / 1024:.0f}")
print()
print("RSS MiB by lines done: " + ", ".join(marks))
print("load average (1 min) during the run: " + f"{min(s[3] for s in samples):.2f}–{max(s[3] for s in samples):.2f}")
host, pg, n = float(sys.argv[10]), float(sys.argv[11]), int(sys.argv[6])
print(f"CPU: host {host:.1f} s, PostgreSQL {pg:.1f} s, {1000 * (host + pg) / n:.1f} CPU ms per line; "
      f"on 2 cores of its own the import would run at about {2 * n / (host + pg):,.0f} lines/s ({(host + pg) / 2:.0f} s for these lines) if nothing else waited")
PY
log "results in $OUT"
