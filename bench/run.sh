#!/usr/bin/env bash
# Load benchmark of the host (Release, Production) on the private PostgreSQL cluster.
#
#   bench/run.sh                      everything: install wrk if missing, start the cluster, build,
#                                     start the host on 127.0.0.1:$BENCH_PORT, seed, measure, stop
#   PGPORT=55434 BENCH_PORT=5090 bench/run.sh    another cluster port / host port
#
# Settings (environment): BENCH_PORT (5090), BENCH_RAW_PORT (BENCH_PORT + 1, the raw baseline),
# BENCH_DURATION (20s per wrk run), BENCH_WRITE_DURATION (the two POST runs; BENCH_DURATION), BENCH_CONNECTIONS (32),
# BENCH_THREADS (1 wrk thread), BENCH_SEED (5000 partners), BENCH_SEED_PARALLEL (16),
# BENCH_EVENT_SAMPLES (200), BENCH_POLL_MS (2), BENCH_DATABASE (bench; dropped and recreated),
# BENCH_WARMUP (15s: the POST warm-ups of the baseline and the host, long enough for tiered JIT to
# have recompiled the hot path, so the run measures tier-1 code, not the JIT),
# BENCH_REQUEST_PATH (1: after the measured runs, the host again with its dispatcher and Hangfire off
# for one more POST run, the request path's cost alone; 0 skips it),
# BENCH_KEEP_PG=1 leaves the cluster running, BENCH_PERF=1 samples the host's CPU with perf during the
# full-stack POST run (perf's own cost lowers that run's figures: profile and measure in separate runs). fsync stays on: do not set PG_FAST.
# Results: .data/bench/<UTC time>/ (raw outputs, host.log, summary.md); .data/bench/latest points there.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../scripts/lib.sh
. ./scripts/lib.sh   # sets REPO

BENCH_PORT="${BENCH_PORT:-5090}"
DURATION="${BENCH_DURATION:-20s}"
WRITE_DURATION="${BENCH_WRITE_DURATION:-$DURATION}"
RAW_PORT="${BENCH_RAW_PORT:-$(( BENCH_PORT + 1 ))}"
RAW_BASE="http://127.0.0.1:$RAW_PORT"
CONNS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-1}"
SEED="${BENCH_SEED:-5000}"
SEED_PARALLEL="${BENCH_SEED_PARALLEL:-16}"
EVENT_SAMPLES="${BENCH_EVENT_SAMPLES:-200}"
POLL_MS="${BENCH_POLL_MS:-2}"
WARMUP="${BENCH_WARMUP:-15s}"
DB="${BENCH_DATABASE:-bench}"
BASE="http://127.0.0.1:$BENCH_PORT"
HOST_PROJECT="src/Host/Host.csproj"
HOST_OUT="$REPO/src/Host/bin/Release/net10.0"
LB_PROJECT="bench/LoadBench/LoadBench.csproj"
LB_DLL="$REPO/bench/LoadBench/bin/Release/net10.0/LoadBench.dll"
RAW_PROJECT="bench/RawBaseline/RawBaseline.csproj"
RAW_OUT="$REPO/bench/RawBaseline/bin/Release/net10.0"

[ "${PG_FAST:-0}" = 1 ] && die "PG_FAST=1 turns fsync off; the benchmark runs with fsync on (unset PG_FAST)"
case "$DURATION" in *s) ;; *) die "BENCH_DURATION must be in seconds, e.g. 20s" ;; esac
case "$WRITE_DURATION" in *s) DURATION_S="${WRITE_DURATION%s}" ;; *) die "BENCH_WRITE_DURATION must be in seconds, e.g. 60s" ;; esac

OUT="$REPO/.data/bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
ln -sfn "$(basename "$OUT")" "$REPO/.data/bench/latest"

HOST_PID=""
RAW_PID=""
HOST_PEAK_KIB=""
PG_STARTED_HERE=0
FAILED=0

cleanup() {
    local rc=$?
    set +e
    if [ -n "$RAW_PID" ] && kill -0 "$RAW_PID" 2>/dev/null; then
        kill -TERM "$RAW_PID" 2>/dev/null
        wait "$RAW_PID" 2>/dev/null
    fi
    if [ -n "$HOST_PID" ] && kill -0 "$HOST_PID" 2>/dev/null; then
        log "stopping the host (pid $HOST_PID)"
        stop_host
    fi
    if [ "$PG_STARTED_HERE" = 1 ] && [ "${BENCH_KEEP_PG:-0}" != 1 ]; then
        stop_postgres
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

lb() { dotnet "$LB_DLL" "$@"; }

# "RESULT k=v ..." line of a file -> value of k
kv() { { grep -m1 '^RESULT' "$1" 2>/dev/null || true; } | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# the same, 0 when absent (for arithmetic)
kn() { local v; v="$(kv "$1" "$2")"; echo "${v:-0}"; }

# ------------------------------------------------------------ CPU accounting (ticks of USER_HZ)
_stat_fields() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null; }   # fields from 3 (state) on
_proc_ticks() { _stat_fields "$1" | awk '{t = $12 + $13} END {print t + 0}'; }   # utime + stime (0 if gone)
_pg_ticks() {
    local pm total=0 pid
    pm="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
    [ -n "$pm" ] || { echo 0; return; }
    # the postmaster, the reaped backends (cutime + cstime) and the live ones
    total="$(_stat_fields "$pm" | awk '{t = $12 + $13 + $14 + $15} END {print t + 0}')"
    for pid in $(ps -o pid= --ppid "$pm"); do total=$(( total + $(_proc_ticks "$pid") )); done
    echo "$total"
}
_children_ticks() { _stat_fields $$ | awk '{print $14 + $15}'; }    # reaped children of this script (wrk)
_machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
_snap() { echo "$(_proc_ticks "$HOST_PID") $(_pg_ticks) $(_children_ticks) $(_machine_ticks)"; }
# cpu_report BEFORE AFTER -> "host=..% pg=..% client=..% other=..% busy=..%" (100% = one core).
# Shares of the machine's own tick count (busy + idle over all cores), not of the wall clock: in
# this VM the ticks do not always add up to cores x wall time when the hypervisor is busy.
cpu_report() {
    awk -v n="$(nproc)" -v a="$1" -v b="$2" 'BEGIN {
        split(a, x, " "); split(b, y, " "); all = y[5] - x[5]; if (all <= 0) all = 1; k = 100 * n / all;
        h = y[1] - x[1]; p = y[2] - x[2]; w = y[3] - x[3]; m = y[4] - x[4];
        o = m - h - p - w; if (o < 0) o = 0;
        printf "host=%.0f%% pg=%.0f%% client=%.0f%% other=%.0f%% busy=%.0f%%", k*h, k*p, k*w, k*o, k*m }'
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ------------------------------------------------------------ setup
ensure_dotnet
command -v wrk >/dev/null 2>&1 || apt_install wrk
command -v curl >/dev/null 2>&1 || apt_install curl
ensure_postgres_binaries
ensure_secrets
_pg_resolve_dirs
_pg_running || PG_STARTED_HERE=1
start_postgres

if curl -fsS -o /dev/null --max-time 2 "$BASE/health/live" 2>/dev/null; then
    die "something already answers on $BASE; set BENCH_PORT to a free port"
fi

log "dotnet build -c Release ($HOST_PROJECT, $LB_PROJECT)"
dotnet build "$HOST_PROJECT" -c Release -nologo -v q
dotnet build "$LB_PROJECT" -c Release -nologo -v q
dotnet build "$RAW_PROJECT" -c Release -nologo -v q

psql_pg() { PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -w -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
log "fresh database '$DB'"
psql_pg -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""

{
    echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "git=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+dirty')"
    echo "nproc=$(nproc)"
    echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo "memory=$(free -h | awk '/^Mem:/{print $2}')"
    echo "kernel=$(uname -r)"
    echo "dotnet_sdk=$(dotnet --version)"
    echo "dotnet_runtime=$(dotnet --list-runtimes | sed -n 's/^Microsoft.AspNetCore.App \([^ ]*\).*/\1/p' | tail -n 1)"
    echo "postgres=$(psql_pg -d postgres -tAc 'show server_version')"
    echo "fsync=$(psql_pg -d postgres -tAc 'show fsync') synchronous_commit=$(psql_pg -d postgres -tAc 'show synchronous_commit') shared_buffers=$(psql_pg -d postgres -tAc 'show shared_buffers')"
    echo "wrk=$(wrk -v 2>&1 | head -n 1)"
    echo "settings=threads=$THREADS connections=$CONNS duration=$DURATION write_duration=$WRITE_DURATION seed=$SEED seed_parallel=$SEED_PARALLEL event_samples=$EVENT_SAMPLES poll_ms=$POLL_MS"
} >"$OUT/environment.txt"

# ------------------------------------------------------------ host
# wait_until_up PID URL LOG WHAT TRIES: polls URL every 0.5 s until it answers; dies if PID exits first.
wait_until_up() {
    local pid="$1" url="$2" logfile="$3" what="$4" tries="$5" i
    for i in $(seq 1 "$tries"); do
        kill -0 "$pid" 2>/dev/null || { tail -n 30 "$logfile" >&2; die "$what exited during start-up"; }
        curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
        sleep 0.5
    done
    die "$what was not ready after $(( tries / 2 )) s (see $logfile)"
}

# start_host LOG [NAME=VALUE...]: the host on $BASE, its log in LOG, with extra settings; waits until ready.
start_host() {
    local logfile="$1"
    shift
    log "starting the host (Release, Production) on $BASE${*:+ with $*}; log in $logfile"
    (
        cd "$HOST_OUT"
        export ConnectionStrings__Postgres="$PG_CONNECTION;Database=$DB"
        export Bootstrap__AdminEmail="$ADMIN_EMAIL" Bootstrap__AdminPassword="$ADMIN_PASSWORD"
        export Auth__SigningKey="$JWT_SIGNING_KEY"
        export Email__Transport=Pickup Email__PickupDirectory="$OUT/mail"
        export Seed__Demo=false
        # The per-account budget (600 requests a minute) would answer 429 after the first second of
        # load; the limiter still runs, with a budget the benchmark cannot exhaust.
        export Http__RequestsPerMinute=100000000
        export ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
        # perf finds JIT-compiled methods by name in /tmp/perf-<pid>.map
        # (W^X double mapping hides them from perf: off while profiling)
        [ "${BENCH_PERF:-0}" = 1 ] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
        [ "$#" -gt 0 ] && export "$@"
        exec dotnet Host.dll
    ) >"$logfile" 2>&1 &
    HOST_PID=$!
    mkdir -p "$OUT/mail"
    wait_until_up "$HOST_PID" "$BASE/health/ready" "$logfile" "the host" 240
    log "host ready"
}

stop_host() {
    kill -TERM "$HOST_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$HOST_PID" 2>/dev/null && kill -KILL "$HOST_PID" 2>/dev/null
    wait "$HOST_PID" 2>/dev/null || true
    HOST_PID=""
}

start_host "$OUT/host.log"

# The raw baseline (after the host: it copies the tables the host's migrations created).
log "starting the raw baseline (Npgsql alone, same Kestrel) on $RAW_BASE; log in $OUT/raw.log"
(
    cd "$RAW_OUT"
    export ConnectionStrings__Postgres="$PG_CONNECTION;Database=$DB"
    export ASPNETCORE_URLS="$RAW_BASE" ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
    exec dotnet RawBaseline.dll
) >"$OUT/raw.log" 2>&1 &
RAW_PID=$!
wait_until_up "$RAW_PID" "$RAW_BASE/health/live" "$OUT/raw.log" "the raw baseline" 120

# Statements per request, from pg_stat_statements when the cluster preloads it (scripts/lib.sh does).
STATEMENTS=0
if psql_pg -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT 1 FROM pg_stat_statements LIMIT 1" >/dev/null 2>&1; then
    STATEMENTS=1
else
    warn "pg_stat_statements is not loaded (restart the cluster): no statement counts"
fi
statements_reset() { [ "$STATEMENTS" = 0 ] || psql_pg -d "$DB" -tAc "SELECT pg_stat_statements_reset()" >/dev/null; }
# statements_report NAME REQUESTS: calls per request of each statement sent meanwhile (all databases' clients)
statements_report() {
    [ "$STATEMENTS" = 0 ] && return 0
    local requests="${2:-0}"
    [ "$requests" -gt 0 ] 2>/dev/null || requests=1
    psql_pg -d "$DB" -P pager=off -c "
        SELECT round(sum(calls)::numeric / $requests, 2) AS per_request, sum(calls) AS calls,
               round(sum(total_exec_time)::numeric / $requests, 3) AS exec_ms_per_request,
               left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement
        FROM pg_stat_statements
        WHERE query NOT LIKE '%pg_stat_statements%'
        GROUP BY 4 ORDER BY 2 DESC LIMIT 25" >"$OUT/statements-$1.txt" 2>&1 || true
    psql_pg -d "$DB" -tAc "SELECT 'RESULT statements per_request=' || round(coalesce(sum(calls), 0)::numeric / $requests, 2) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'" \
        >>"$OUT/statements-$1.txt" 2>&1 || true
}

export BENCH_BASE_URL="$BASE"
BENCH_TOKEN="$(BENCH_EMAIL="$ADMIN_EMAIL" BENCH_PASSWORD="$ADMIN_PASSWORD" lb login)"
export BENCH_TOKEN
AUTH="Authorization: Bearer $BENCH_TOKEN"

# step NAME CMD... : runs CMD, output to $OUT/NAME.txt (and the terminal), records CPU and load.
step() {
    local name="$1" before after rc=0
    shift
    echo "load_before=$(loadavg)" >"$OUT/$name.meta"
    before="$(_snap)"
    "$@" 2>&1 | tee "$OUT/$name.txt" || rc=$?
    after="$(_snap)"
    echo "cpu=$(cpu_report "$before" "$after")" >>"$OUT/$name.meta"
    if [ "$rc" != 0 ]; then warn "$name exited with $rc"; FAILED=1; fi
    return 0
}

wrk_run() { # wrk_run DURATION SCRIPT URL [-- ARGS]
    local d="$1" s="$2" u="$3"
    shift 3
    wrk -t"$THREADS" -c"$CONNS" -d"$d" --timeout 10s --latency -H "$AUTH" -s "$REPO/bench/wrk/$s" "$u" "$@"
}

# ------------------------------------------------------------ measurements
log "1/6 GET /health/ready ($DURATION, $CONNS connections)"
wrk_run 3s report.lua "$BASE/health/ready" >"$OUT/warmup-health.txt" 2>&1 || true
step health wrk_run "$DURATION" report.lua "$BASE/health/ready"

log "2/6 seeding $SEED partners through POST /api/v1/partners ($SEED_PARALLEL in parallel)"
step seed lb seed "$SEED" "$SEED_PARALLEL"
step drain-seed lb drain 120

log "3/6 event latency, idle ($EVENT_SAMPLES sequential samples, poll every $POLL_MS ms)"
step events-idle lb events idle "$EVENT_SAMPLES" 60 "$POLL_MS" "$OUT/events-idle.tsv"

log "4/6 GET /api/v1/partners?pageSize=20 ($DURATION, $CONNS connections)"
wrk_run 3s report.lua "$BASE/api/v1/partners?pageSize=20" >"$OUT/warmup-list.txt" 2>&1 || true
step list wrk_run "$DURATION" report.lua "$BASE/api/v1/partners?pageSize=20"

log "5/6 POST /api/v1/partners: raw baseline on $RAW_BASE, then the host ($WRITE_DURATION each, $CONNS connections)"
wrk_run "$WARMUP" post-partner.lua "$RAW_BASE/api/v1/partners" -- "warm-raw-$$" >"$OUT/warmup-raw.txt" 2>&1 || true
statements_reset
step raw wrk_run "$WRITE_DURATION" post-partner.lua "$RAW_BASE/api/v1/partners" -- "raw-$(date +%s)-$$"
statements_report raw "$(kn "$OUT/raw.txt" requests)"
kill -TERM "$RAW_PID" 2>/dev/null; wait "$RAW_PID" 2>/dev/null || true; RAW_PID=""
log "   the host, with event latency sampled meanwhile"
# The same warm-up as the baseline's (its events are drained before the measured run).
wrk_run "$WARMUP" post-partner.lua "$BASE/api/v1/partners" -- "warm-host-$$" >"$OUT/warmup-register.txt" 2>&1 || true
lb drain 120 >"$OUT/drain-warmup.txt" 2>&1 || true
RUN_ID="$(date +%s)-$$"
# wrk and, started 2 s later, the event sampler (its own child, so its CPU counts as the client's)
post_with_events() {
    local sampler rc=0
    ( sleep 2; exec dotnet "$LB_DLL" events under-load "$EVENT_SAMPLES" $(( DURATION_S - 4 )) "$POLL_MS" "$OUT/events-load.tsv" ) \
        >"$OUT/events-load.txt" 2>&1 &
    sampler=$!
    trap 'kill "$sampler" 2>/dev/null' EXIT
    wrk_run "$WRITE_DURATION" post-partner.lua "$BASE/api/v1/partners" -- "$RUN_ID" || rc=$?
    wait "$sampler" || { echo "events under load exited with $?" >&2; rc=1; }
    trap - EXIT
    return "$rc"
}
statements_reset
PERF_PID=""
if [ "${BENCH_PERF:-0}" = 1 ] && command -v perf >/dev/null 2>&1; then
    perf record -F 499 -g -p "$HOST_PID" -o "$OUT/perf.data" -- sleep $(( DURATION_S - 2 )) >"$OUT/perf-record.log" 2>&1 &
    PERF_PID=$!
fi
step register post_with_events
if [ -n "$PERF_PID" ]; then
    wait "$PERF_PID" || true
    # self time by method, and by library (coreclr, Npgsql, EF Core, the kernel...)
    perf report -i "$OUT/perf.data" --no-children -g none --sort symbol --percent-limit 0.4 --stdio 2>/dev/null | grep -v '^$' | head -n 120 >"$OUT/perf-symbols.txt" || true
    perf report -i "$OUT/perf.data" --no-children -g none --sort dso --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 30 >"$OUT/perf-dso.txt" || true
    log "perf: $OUT/perf-symbols.txt, $OUT/perf-dso.txt"
fi
statements_report register "$(kn "$OUT/register.txt" requests)"
cat "$OUT/events-load.txt"

log "6/6 backlog: time until Reporting has counted every partner"
step drain-load lb drain 120
# Peak resident memory of the host over the whole run (the kernel's high-water mark).
HOST_PEAK_KIB="$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$HOST_PID/status" 2>/dev/null || true)"

# The request path alone: the same POST run on a host whose dispatcher and Hangfire server are off,
# so its events wait in the outbox. Not a target (events must be handled): it tells the request's
# cost from the event pipeline's when both share the machine. BENCH_REQUEST_PATH=0 skips it.
if [ "${BENCH_REQUEST_PATH:-1}" = 1 ]; then
    log "7/7 POST /api/v1/partners, the request path alone (dispatcher and Hangfire off, $WRITE_DURATION)"
    stop_host
    start_host "$OUT/host-request-path.log" Messaging__DispatcherEnabled=false Hangfire__ServerEnabled=false
    wrk_run "$WARMUP" post-partner.lua "$BASE/api/v1/partners" -- "warm-alone-$$" >"$OUT/warmup-alone.txt" 2>&1 || true
    statements_reset
    step alone wrk_run "$WRITE_DURATION" post-partner.lua "$BASE/api/v1/partners" -- "alone-$(date +%s)-$$"
    statements_report alone "$(kn "$OUT/alone.txt" requests)"
fi

# ------------------------------------------------------------ summary
# (a fresh database makes EF Core log one failed read of each schema's __ef_migrations_history: not counted)
HOST_ERRORS="$(cat "$OUT"/host*.log | grep '"LogLevel":"\(Error\|Critical\)"' | grep -vc '__ef_migrations_history' || true)"
{
    echo "# Benchmark $(basename "$OUT")"
    echo
    sed 's/^/    /' "$OUT/environment.txt"
    echo
    echo "| run | conns | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | load before | CPU (100% = 1 core) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
    for r in health:"GET /health/ready" list:"GET /api/v1/partners?pageSize=20" raw:"POST, raw baseline (Npgsql alone)" register:"POST /api/v1/partners"; do
        f="$OUT/${r%%:*}.txt" m="$OUT/${r%%:*}.meta"
        errs=$(( $(kn "$f" non2xx) + $(kn "$f" connect) + $(kn "$f" read) + $(kn "$f" write) + $(kn "$f" timeout) ))
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${r#*:}" "$CONNS" "$(kv "$f" rps)" \
            "$(kv "$f" p50_ms)" "$(kv "$f" p95_ms)" "$(kv "$f" p99_ms)" "$(kv "$f" max_ms)" "$errs" \
            "$(sed -n 's/^load_before=//p' "$m")" "$(sed -n 's/^cpu=//p' "$m")"
    done
    f="$OUT/seed.txt"
    printf '| seed: POST x %s (LoadBench) | %s | %s | | | | | %s | %s | %s |\n' "$SEED" "$SEED_PARALLEL" "$(kv "$f" rps)" "$(kv "$f" errors)" \
        "$(sed -n 's/^load_before=//p' "$OUT/seed.meta")" "$(sed -n 's/^cpu=//p' "$OUT/seed.meta")"
    echo
    # CPU per request: what a request costs whatever share of the two cores other work left us
    # (the raw baseline's own process is not told apart from "other": PostgreSQL's figure only; the
    # host's figure includes the relay and the inbox handling the run's events meanwhile).
    echo "| POST /api/v1/partners | req/s | p50 ms | p99 ms | p99 / p50 | statements per request | CPU ms per request (host / PostgreSQL) |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for r in raw:"raw baseline (Npgsql alone)" register:"full stack" alone:"full stack, request path alone (events left in the outbox)"; do
        f="$OUT/${r%%:*}.txt" m="$OUT/${r%%:*}.meta"
        [ -f "$f" ] || continue
        printf '| %s | %s | %s | %s | %s | %s | %s |\n' "${r#*:}" "$(kv "$f" rps)" "$(kv "$f" p50_ms)" "$(kv "$f" p99_ms)" \
            "$(awk -v a="$(kn "$f" p99_ms)" -v b="$(kn "$f" p50_ms)" 'BEGIN { if (b > 0) printf "%.1f", a / b }')" \
            "$(kv "$OUT/statements-${r%%:*}.txt" per_request)" \
            "$(sed -n 's/^cpu=//p' "$m" | awk -v rps="$(kn "$f" rps)" -v who="${r%%:*}" '{
                for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/%/, "", kv[2]); c[kv[1]] = kv[2] }
                if (rps <= 0) exit
                if (who == "raw") printf "- / %.2f", c["pg"] * 10 / rps
                else printf "%.2f / %.2f", c["host"] * 10 / rps, c["pg"] * 10 / rps }')"
    done
    echo
    echo "**Full stack / raw baseline: $(awk -v a="$(kn "$OUT/register.txt" rps)" -v b="$(kn "$OUT/raw.txt" rps)" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }')** (requests per second, same run, same cluster)."
    if [ -f "$OUT/alone.txt" ]; then
        echo "The request path alone (events not handled meanwhile): $(awk -v a="$(kn "$OUT/alone.txt" rps)" -v b="$(kn "$OUT/raw.txt" rps)" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }') × the raw baseline."
    fi
    echo
    echo "| event latency (201 -> counted by Reporting) | samples | p50 ms | p95 ms | p99 ms | max ms | timeouts | POST p50 ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for e in idle:"idle" load:"during the POST run"; do
        f="$OUT/events-${e%%:*}.txt"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "${e#*:}" "$(kv "$f" samples)" "$(kv "$f" p50_ms)" "$(kv "$f" p95_ms)" \
            "$(kv "$f" p99_ms)" "$(kv "$f" max_ms)" "$(( $(kn "$f" timeouts) + $(kn "$f" errors) ))" "$(kv "$f" post_p50_ms)"
    done
    echo
    echo "Backlog after the POST run: $(kv "$OUT/drain-load.txt" backlog_at_start) events, drained in $(kv "$OUT/drain-load.txt" seconds) s."
    echo "Host peak memory (VmHWM): $(( ${HOST_PEAK_KIB:-0} / 1024 )) MiB."
    echo "Host log: $HOST_ERRORS error entries. Load average at the end: $(loadavg)."
} >"$OUT/summary.md"
echo
cat "$OUT/summary.md"
echo
log "raw outputs in $OUT"
[ "$FAILED" = 0 ] || die "some steps failed (see above)"
