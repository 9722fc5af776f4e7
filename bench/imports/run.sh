#!/usr/bin/env bash
# Import benchmark: one file of N registrations (default 50,000, generate.py) sent by an Admin to
# POST /api/v1/applicants/imports on the host (Release, Production, Hangfire on) and followed until
# the worker has done every line. Prints lines/s, the wall time and the host's peak memory (VmHWM).
#
#   bench/imports/run.sh                 IMPORT_LINES=50000 BENCH_PORT=5092 BENCH_DATABASE=bench_imports
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/lib.sh
. ./scripts/lib.sh

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
RSS_BEFORE="$(awk '/^VmRSS/{print $2}' "/proc/$HOST_PID/status")"
START=$(date +%s.%N)
LOCATION="$(curl -fsS -o "$OUT/accepted.json" -w '%header{location}' "$BASE/api/v1/applicants/imports?fileName=bench.csv" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$OUT/file.csv")"
[ -n "$LOCATION" ] || die "no import was accepted: $(cat "$OUT/accepted.json")"
while true; do
    curl -fsS "$BASE$LOCATION" -H "Authorization: Bearer $TOKEN" >"$OUT/import.json"
    STATUS="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$OUT/import.json")"
    [ "$STATUS" = Completed ] && break
    kill -0 "$HOST_PID" 2>/dev/null || die "the host died (see $OUT/host.log)"
    sleep 1
done
END=$(date +%s.%N)
PEAK="$(awk '/^VmHWM/{print $2}' "/proc/$HOST_PID/status")"
python3 - "$OUT/import.json" "$START" "$END" "$RSS_BEFORE" "$PEAK" "$LINES" <<'PY' | tee "$OUT/summary.md"
import json, sys
i = json.load(open(sys.argv[1])); start, end = float(sys.argv[2]), float(sys.argv[3])
secs = end - start
print(f"| lines | registered | refused | already | wall s | lines/s | host RSS before MiB | host peak MiB |")
print(f"|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {int(sys.argv[6]):,} | {i['registered']:,} | {i['refused']:,} | {i['alreadyRegistered']:,} | {secs:.1f} | {int(sys.argv[6]) / secs:,.0f} | {int(sys.argv[4]) / 1024:.0f} | {int(sys.argv[5]) / 1024:.0f} |")
PY
log "results in $OUT"
