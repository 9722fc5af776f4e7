#!/usr/bin/env bash
# Applicants at national scale (issue 15): a million persons, then registration (duplicate check
# included) and search by name and CIN timed through the real API of the host (Release, Production).
#
#   bench/applicants/run.sh
#   PGPORT=55482 BENCH_PORT=5092 APPLICANTS_PERSONS=1000000 bench/applicants/run.sh
#
# The persons are NOT registered through the API: PersonsLoader (C#) builds each with the domain's
# Person.Register (so name_key is computed by NormalisedName itself) and writes them with one binary
# COPY, secondary indexes dropped and rebuilt around it. Names: weighted lists of Moroccan first
# names (men, women) and family names, each with its Latin spellings and its Arabic ones; CINs of
# real prefixes, unique; communes drawn evenly from all the seeded communes (all 75 provinces).
#
# Settings: APPLICANTS_PERSONS (1,000,000), BENCH_DURATION (20s per run), BENCH_CONNECTIONS (4:
# moderate, so that latency is the query's, not queueing), BENCH_DATABASE (bench_applicants),
# APPLICANTS_REUSE=1 keeps an already loaded database (then the host's start applies any new
# migration to the loaded table, as in production), SKIP_BUILD=1, BENCH_KEEP_PG=1.
# Cluster: its own, in .data/pg-bench-applicants (PG_CLUSTER_DIR), on PGPORT (55482).
# Results: .data/bench/applicants-<UTC time>/ (raw outputs, plans, summary.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGPORT="${PGPORT:-55482}"
export PG_CLUSTER_DIR="${PG_CLUSTER_DIR:-$PWD/.data/pg-bench-applicants}"
# shellcheck source=../../scripts/lib.sh
. ./scripts/lib.sh

PERSONS="${APPLICANTS_PERSONS:-1000000}"
PORT="${BENCH_PORT:-5092}"
DB="${BENCH_DATABASE:-bench_applicants}"
DURATION="${BENCH_DURATION:-20s}"
CONNS="${BENCH_CONNECTIONS:-4}"
BASE="http://127.0.0.1:$PORT"
OUT="$REPO/.data/bench/applicants-$(date -u +%Y%m%dT%H%M%SZ)"
SAMPLES="$REPO/.data/bench/applicants-samples"
LOADER="$REPO/bench/applicants/PersonsLoader/bin/Release/net10.0/PersonsLoader.dll"
mkdir -p "$OUT" "$SAMPLES"
HOST_PID=""
PG_STARTED_HERE=0

cleanup() {
    local rc=$?
    set +e
    if [ -n "$HOST_PID" ] && kill -0 "$HOST_PID" 2>/dev/null; then
        kill -TERM "$HOST_PID"; wait "$HOST_PID" 2>/dev/null
    fi
    [ "$PG_STARTED_HERE" = 1 ] && [ "${BENCH_KEEP_PG:-0}" != 1 ] && stop_postgres
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_dotnet
command -v wrk >/dev/null 2>&1 || apt_install wrk
ensure_postgres_binaries
ensure_secrets
_pg_resolve_dirs
_pg_running || PG_STARTED_HERE=1
start_postgres
psql_pg() { PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -w -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
curl -fsS -o /dev/null --max-time 2 "$BASE/health/live" 2>/dev/null && die "something already answers on $BASE; set BENCH_PORT"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "dotnet build -c Release (host, PersonsLoader)"
    dotnet build src/Host/Host.csproj -c Release -nologo -v q
    dotnet build bench/applicants/PersonsLoader/PersonsLoader.csproj -c Release -nologo -v q
fi

LOADED=0
if [ "${APPLICANTS_REUSE:-0}" = 1 ]; then
    LOADED="$(psql_pg -d "$DB" -tAc "SELECT count(*) FROM applicants.persons" 2>/dev/null || echo 0)"
fi
if [ "$LOADED" -lt "$PERSONS" ]; then
    log "fresh database '$DB'"
    psql_pg -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""
fi

start_host() {
    (
        cd src/Host/bin/Release/net10.0
        export ConnectionStrings__Postgres="$PG_CONNECTION;Database=$DB"
        export Bootstrap__AdminEmail="$ADMIN_EMAIL" Bootstrap__AdminPassword="$ADMIN_PASSWORD" Auth__SigningKey="$JWT_SIGNING_KEY"
        export Email__Transport=Pickup Email__PickupDirectory="$OUT/mail" Seed__Demo=false
        # The per-account budget (600 requests a minute) would answer 429 within seconds.
        export Http__RequestsPerMinute=100000000
        export ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
        exec dotnet Host.dll
    ) >>"$OUT/host.log" 2>&1 &
    HOST_PID=$!
    for _ in $(seq 1 1200); do
        kill -0 "$HOST_PID" 2>/dev/null || { tail -n 30 "$OUT/host.log" >&2; die "the host exited during start-up"; }
        curl -fsS -o /dev/null --max-time 2 "$BASE/health/ready" 2>/dev/null && return 0
        sleep 0.5
    done
    die "the host was not ready after 10 minutes (see $OUT/host.log)"
}

log "host start (migrations, geography seed); log in $OUT/host.log"
MIGRATE_START=$(date +%s.%N)
start_host
MIGRATE_S="$(awk -v a="$MIGRATE_START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"

if [ "$LOADED" -lt "$PERSONS" ]; then
    log "loading $PERSONS persons set-based (binary COPY, not the API)"
    dotnet "$LOADER" "$PG_CONNECTION;Database=$DB;Command Timeout=0" "$PERSONS" "$SAMPLES" | tee "$OUT/load.txt"
else
    log "reusing the $LOADED persons of '$DB' (host start with migrations: $MIGRATE_S s)"
    echo "RESULT load persons=$LOADED reused=1 host_start_s=$MIGRATE_S" >"$OUT/load.txt"
    # Whatever a migration computed in SQL for the loaded persons must be what the domain computes.
    dotnet "$LOADER" --check-tokens "$PG_CONNECTION;Database=$DB;Command Timeout=0" | tee -a "$OUT/load.txt"
fi
psql_pg -d "$DB" -P pager=off -c "
    SELECT count(*) AS persons, count(DISTINCT province_code) AS provinces, count(DISTINCT commune_code) AS communes,
           round(100.0 * count(*) FILTER (WHERE first_name IS NOT NULL AND first_name_ar IS NOT NULL) / count(*), 1) AS both_scripts_pct,
           round(100.0 * count(*) FILTER (WHERE sex = 'Female') / count(*), 1) AS women_pct,
           min(birth_date) AS born_from, max(birth_date) AS born_to,
           pg_size_pretty(pg_total_relation_size('applicants.persons')) AS table_and_indexes
    FROM applicants.persons" | tee "$OUT/dataset.txt"

TOKEN="$(curl -fsS "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"

# The plans, on the loaded set (bench/applicants/explain.sql: the statements EF Core sends).
psql_pg -d "$DB" -P pager=off -v cin="$(head -n 1 "$SAMPLES/search-cin.txt")" -f bench/applicants/explain.sql >"$OUT/plans.txt" 2>&1 || warn "explain.sql failed (see $OUT/plans.txt)"
psql_pg -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 || true

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
wrk_run() { # wrk_run NAME SCRIPT PATH ARGS...
    local name="$1" script="$2" path="$3"
    shift 3
    echo "load_before=$(loadavg)" >"$OUT/$name.meta"
    wrk -t1 -c"$CONNS" -d"$DURATION" --timeout 10s --latency -H "Authorization: Bearer $TOKEN" \
        -s "$REPO/bench/applicants/$script" "$BASE$path" -- "$@" 2>&1 | tee "$OUT/$name.txt"
}
warm() { wrk -t1 -c"$CONNS" -d5s --timeout 10s -H "Authorization: Bearer $TOKEN" -s "$REPO/bench/applicants/$1" "$BASE$2" -- "${@:3}" >/dev/null 2>&1 || true; }

psql_pg -d "$DB" -tAc "SELECT '/api/v1/applicants/' || id FROM applicants.persons TABLESAMPLE SYSTEM (1) LIMIT 2000" >"$SAMPLES/read.txt"
psql_pg -d "$DB" -tAc "SELECT pg_stat_statements_reset()" >/dev/null 2>&1 || true
log "floor: GET /api/v1/applicants/{id} ($DURATION, $CONNS connections)"
warm read.lua /api/v1/applicants "$SAMPLES/read.txt"
wrk_run read read.lua /api/v1/applicants "$SAMPLES/read.txt"
log "search by CIN, Latin name, Arabic name, one common name ($DURATION each, $CONNS connections)"
warm search.lua /api/v1/applicants "$SAMPLES/search-latin.txt" /api/v1/applicants
for s in cin latin arabic common; do
    wrk_run "search-$s" search.lua /api/v1/applicants "$SAMPLES/search-$s.txt" /api/v1/applicants
done
log "registration, duplicate check included (one in five a near-duplicate of a loaded person)"
RUN=$(( $(date +%s) % 100 ))
warm register.lua /api/v1/applicants "$SAMPLES" ZW "$RUN"
wrk_run register register.lua /api/v1/applicants "$SAMPLES" ZY "$RUN"
psql_pg -d "$DB" -P pager=off -c "
    SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, round(max_exec_time::numeric, 2) AS max_ms,
           left(regexp_replace(query, '\s+', ' ', 'g'), 400) AS statement
    FROM pg_stat_statements WHERE query ILIKE '%applicants.persons%' AND calls > 50
    ORDER BY mean_exec_time DESC LIMIT 12" >"$OUT/statements.txt" 2>&1 || true

log "the database's share alone (bench/applicants/dbside.sql)"
psql_pg -d "$DB" -f bench/applicants/dbside.sql >"$OUT/dbside.txt" 2>&1 || warn "dbside.sql failed (see $OUT/dbside.txt)"

kv() { { grep -m1 '^RESULT' "$1" 2>/dev/null || true; } | tr ' ' '\n' | sed -n "s/^$2=//p"; }
{
    echo "# Applicants at national scale $(basename "$OUT")"
    echo
    echo "    date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ) git=$(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')"
    echo "    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) x $(nproc), memory=$(free -h | awk '/^Mem:/{print $2}')"
    echo "    postgres=$(psql_pg -d postgres -tAc 'show server_version'), shared_buffers=$(psql_pg -d postgres -tAc 'show shared_buffers'), wrk -t1 -c$CONNS -d$DURATION"
    echo "    load: $(grep -m1 '^RESULT' "$OUT/load.txt"); host start (migrations) $MIGRATE_S s"
    echo
    echo "| run | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | mean found / flagged | load before |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
    for r in read:"GET /api/v1/applicants/{id} (floor)" search-cin:"GET ?q=<CIN>" search-latin:"GET ?q=<first last, Latin>" search-arabic:"GET ?q=<first last, Arabic>" \
             search-common:"GET ?q=<one common name>" register:"POST /api/v1/applicants"; do
        f="$OUT/${r%%:*}.txt"
        extra="$(kv "$f" mean_found)"
        [ "${r%%:*}" = register ] && extra="$(kv "$f" flagged) of $(kv "$f" created) created"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${r#*:}" "$(kv "$f" rps)" "$(kv "$f" p50_ms)" "$(kv "$f" p95_ms)" \
            "$(kv "$f" p99_ms)" "$(kv "$f" max_ms)" "$(kv "$f" non2xx)" "$extra" "$(sed -n 's/^load_before=//p' "$OUT/${r%%:*}.meta")"
    done
    echo
    echo "The database alone (dbside.sql, 300 loaded persons):"
    echo
    sed 's/^/    /' "$OUT/dbside.txt"
    echo
    echo "Load average at the end: $(loadavg)."
} >"$OUT/summary.md"
cat "$OUT/dataset.txt" "$OUT/summary.md"
log "raw outputs, plans and statements in $OUT"
