#!/usr/bin/env bash
# Financing benchmark: a programme with a million applications' worth of financings
# (FIN_FINANCINGS, 300,000 by default) and FIN_LOANS honour loans (100,000) with 24 instalments
# each, loaded set-based in SQL (load.sql); then the host (Release, Production) runs the daily
# arrears job (its cron set to every minute) and Hangfire's own PerformanceDuration of the first
# run is reported; then GET /api/v1/programmes/{id}/budget and /portfolio are timed with curl.
#
#   bench/financing/run.sh        FIN_FINANCINGS=300000 FIN_LOANS=100000 BENCH_PORT=5093 BENCH_DATABASE=bench_financing
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/lib.sh
. ./scripts/lib.sh

FINANCINGS="${FIN_FINANCINGS:-300000}"
LOANS="${FIN_LOANS:-100000}"
PORT="${BENCH_PORT:-5093}"
DB="${BENCH_DATABASE:-bench_financing}"
BASE="http://127.0.0.1:$PORT"
OUT="$REPO/.data/bench/financing-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
HOST_PID=""
trap '[ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT

ensure_dotnet
ensure_postgres_binaries
ensure_secrets
start_postgres
psql_pg() { PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -w -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
psql_pg -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "dotnet build -c Release"
    dotnet build src/Host/Host.csproj -c Release -nologo -v q
fi

start_host() { # $1: arrears cron
    (
        cd src/Host/bin/Release/net10.0
        export ConnectionStrings__Postgres="$PG_CONNECTION;Database=$DB"
        export Bootstrap__AdminEmail="$ADMIN_EMAIL" Bootstrap__AdminPassword="$ADMIN_PASSWORD" Auth__SigningKey="$JWT_SIGNING_KEY"
        export Email__Transport=Pickup Email__PickupDirectory="$OUT/mail" Seed__Demo=false
        export Financing__Arrears__Cron="$1" Hangfire__QueuePollInterval=00:00:01
        export ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
        exec dotnet Host.dll
    ) >>"$OUT/host.log" 2>&1 &
    HOST_PID=$!
    for i in $(seq 1 240); do
        curl -fsS -o /dev/null --max-time 2 "$BASE/health/ready" 2>/dev/null && return 0
        sleep 0.5
    done
    die "the host was not ready after 120 s (see $OUT/host.log)"
}
api() { curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
login() {
    TOKEN="$(curl -fsS "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

log "host start (migrations), one programme through the API"
start_host "0 0 1 1 *"
login
PARTNER="$(api "$BASE/api/v1/partners" -d '{"name":"Agence de Développement Social (bench)","nameAr":"وكالة التنمية الاجتماعية","acronym":"ADSB","type":"PublicAgency"}' | json '["id"]')"
PROGRAMME="$(api "$BASE/api/v1/programmes" -d "{\"code\":\"BENCH-DAKHLA\",\"nameFr\":\"Banc d'essai Dakhla\",\"nameAr\":\"اختبار الداخلة\",\"startsOn\":\"2024-01-01\",\"endsOn\":\"2027-12-31\",\"provinceCodes\":[\"12.391\"],\"instruments\":[\"Grant\",\"HonourLoan\"],\"funders\":[{\"partnerId\":\"$PARTNER\",\"envelope\":99999999999.00}]}" | json '["id"]')"
api -X POST "$BASE/api/v1/programmes/$PROGRAMME/open" -o /dev/null
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""

log "loading $FINANCINGS financings and $LOANS loans (24 instalments each), set-based"
LOAD_START=$(date +%s.%N)
psql_pg -d "$DB" -v programme="$PROGRAMME" -v financings="$FINANCINGS" -v loans="$LOANS" -f bench/financing/load.sql | tee "$OUT/load.txt"
LOAD_END=$(date +%s.%N)

log "host start with the arrears job every minute; waiting for its first run"
start_host "* * * * *"
login
for i in $(seq 1 300); do
    DURATION="$(psql_pg -d "$DB" -At -c "SELECT s.data::json->>'PerformanceDuration' FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
        WHERE s.name = 'Succeeded' AND j.invocationdata::text LIKE '%LoanArrearsJob%' ORDER BY s.id LIMIT 1")"
    [ -n "$DURATION" ] && break
    kill -0 "$HOST_PID" 2>/dev/null || die "the host died (see $OUT/host.log)"
    sleep 1
done
[ -n "$DURATION" ] || die "the arrears job did not succeed within 5 minutes (see $OUT/host.log)"
psql_pg -d "$DB" -At -c "SELECT arrears_bucket, count(*) FROM financing.loans WHERE status = 'Active' GROUP BY 1 ORDER BY 1" | tee "$OUT/buckets.txt"
TOLD="$(psql_pg -d "$DB" -At -c "SELECT count(*) FROM financing.outbox_messages WHERE type = 'financing.loan-fell-into-arrears.v1'")"

log "waiting for the outbox to be relayed (the arrears events), so the reads are timed on a host at rest"
for i in $(seq 1 600); do
    PENDING="$(psql_pg -d "$DB" -At -c "SELECT count(*) FROM financing.outbox_messages WHERE processed_on IS NULL")"
    [ "$PENDING" = 0 ] && break
    sleep 1
done

timed() { # $1: path; prints median and p95 in ms over 200 requests after 20 warm-ups
    for i in $(seq 1 20); do api -o /dev/null "$BASE$1"; done
    for i in $(seq 1 200); do api -o /dev/null -w '%{time_total}\n' "$BASE$1"; done | sort -n |
        awk '{ t[NR] = $1 * 1000 } END { printf "%.1f %.1f\n", t[int(NR * 0.5)], t[int(NR * 0.95)] }'
}
read -r BUDGET_P50 BUDGET_P95 <<<"$(timed "/api/v1/programmes/$PROGRAMME/budget")"
read -r PORTFOLIO_P50 PORTFOLIO_P95 <<<"$(timed "/api/v1/programmes/$PROGRAMME/portfolio")"
{
    echo "| financings | loans | load s | arrears job s | arrears episodes told | budget p50 / p95 ms | portfolio p50 / p95 ms |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    python3 -c "import sys; print(f'| {int(sys.argv[1]):,} | {int(sys.argv[2]):,} | {float(sys.argv[4]) - float(sys.argv[3]):.1f} | {int(sys.argv[5]) / 1000:.1f} | {int(sys.argv[6]):,} | {sys.argv[7]} / {sys.argv[8]} | {sys.argv[9]} / {sys.argv[10]} |')" \
        "$FINANCINGS" "$LOANS" "$LOAD_START" "$LOAD_END" "$DURATION" "$TOLD" "$BUDGET_P50" "$BUDGET_P95" "$PORTFOLIO_P50" "$PORTFOLIO_P95"
} | tee "$OUT/summary.md"
log "results in $OUT"
