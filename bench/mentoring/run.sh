#!/usr/bin/env bash
# Mentoring reminders benchmark: 20,000 mentors and 200,000 due visits (load.sql, set-based), then
# the host's own daily Hangfire job (Release, Production) fires twice, three minutes apart: the
# first selects and records one reminder per mentor in one set-based pass and sends them through
# MailKit to a local SMTP server (python3-aiosmtpd, smtp_sink.py); the second must add and send
# nothing. Prints the record pass time, the send rate and whether each mentor got exactly one email.
#
#   bench/mentoring/run.sh      MENTORS=20000 PER_MENTOR=10 BENCH_PORT=5094 SMTP_PORT=2526
#                               BENCH_DATABASE=bench_mentoring REMINDER_CONCURRENCY=8 (Reminders:Concurrency)
# fsync stays on: do not set PG_FAST.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/lib.sh
. ./scripts/lib.sh

MENTORS="${MENTORS:-20000}"
PER_MENTOR="${PER_MENTOR:-10}"
PORT="${BENCH_PORT:-5094}"
SMTP_PORT="${SMTP_PORT:-2526}"
DB="${BENCH_DATABASE:-bench_mentoring}"
CONCURRENCY="${REMINDER_CONCURRENCY:-8}"
BASE="http://127.0.0.1:$PORT"
OUT="$REPO/.data/bench/mentoring-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
HOST_PID=""
SMTP_PID=""
trap '[ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null; [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null; wait 2>/dev/null || true' EXIT

[ "${PG_FAST:-0}" = 1 ] && die "PG_FAST=1 turns fsync off; the benchmark runs with fsync on (unset PG_FAST)"
ensure_dotnet
ensure_postgres_binaries
ensure_secrets
start_postgres
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_install python3-aiosmtpd
psql_pg() { PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -w -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
psql_pg -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""

log "dotnet build -c Release"
dotnet build src/Host/Host.csproj -c Release -nologo -v q

# $1: the reminders' cron (Africa/Casablanca time); $2: the log file.
start_host() {
    (
        cd src/Host/bin/Release/net10.0
        export ConnectionStrings__Postgres="$PG_CONNECTION;Database=$DB"
        export Bootstrap__AdminEmail="$ADMIN_EMAIL" Bootstrap__AdminPassword="$ADMIN_PASSWORD" Auth__SigningKey="$JWT_SIGNING_KEY"
        export Email__Transport=Smtp Email__SmtpHost=127.0.0.1 Email__SmtpPort="$SMTP_PORT" Email__SmtpSecurity=None Seed__Demo=false
        export Mentoring__Reminders__Cron="$1" Mentoring__Reminders__SendCron="0 0 1 1 *" Reminders__Concurrency="$CONCURRENCY"
        export Hangfire__QueuePollInterval=00:00:01
        export ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
        exec dotnet Host.dll
    ) >"$2" 2>&1 &
    HOST_PID=$!
    for i in $(seq 1 240); do
        curl -fsS -o /dev/null --max-time 2 "$BASE/health/ready" 2>/dev/null && return 0
        kill -0 "$HOST_PID" 2>/dev/null || die "the host died (see $2)"
        sleep 0.5
    done
    die "the host was not ready after 120 s (see $2)"
}

log "first start: migrations only (the job is set for 1 January)"
start_host "0 0 1 1 *" "$OUT/host-migrate.log"
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""

DAY="$(TZ=Africa/Casablanca date +%F)"
log "loading $MENTORS mentors, $(( MENTORS * PER_MENTOR )) due visits for $DAY"
LOAD_START=$(date +%s.%N)
psql_pg -d "$DB" -v mentors="$MENTORS" -v per_mentor="$PER_MENTOR" -v day="$DAY" -f bench/mentoring/load.sql
LOAD_END=$(date +%s.%N)

: >"$OUT/received.txt"
/usr/bin/python3 bench/mentoring/smtp_sink.py "$SMTP_PORT" "$OUT/received.txt" >"$OUT/smtp.log" 2>&1 &
SMTP_PID=$!

# Two runs of the daily job three minutes apart, both in the same Moroccan hour and day.
while true; do
    FIRST="$(TZ=Africa/Casablanca date -d '+90 seconds' +%s)"
    MIN=$(( 10#$(TZ=Africa/Casablanca date -d "@$FIRST" +%M) ))
    HOUR=$(( 10#$(TZ=Africa/Casablanca date -d "@$FIRST" +%H) ))
    [ "$MIN" -le 55 ] && [ "$HOUR" -ne 23 ] && break
    log "waiting for a start the second run can share the hour with"; sleep 60
done
CRON="$MIN,$(( MIN + 3 )) $HOUR * * *"
log "the daily job set for '$CRON' (Africa/Casablanca)"
start_host "$CRON" "$OUT/host.log"

expected_done=$(( $(TZ=Africa/Casablanca date -d "$DAY $HOUR:$(( MIN + 3 )):00" +%s) + 45 ))
while true; do
    left="$(psql_pg -d "$DB" -At -c "SELECT count(*) FROM mentoring.reminders WHERE status IN ('Pending', 'Sending')")"
    [ "$(date +%s)" -ge "$expected_done" ] && [ "$left" = 0 ] && grep -q "recorded 0 reminder" "$OUT/host.log" && break
    kill -0 "$HOST_PID" 2>/dev/null || die "the host died (see $OUT/host.log)"
    sleep 2
done
PEAK="$(awk '/^VmHWM/{print $2}' "/proc/$HOST_PID/status")"

psql_pg -d "$DB" -At -F ' ' -c "SELECT count(*) FILTER (WHERE status = 'Sent'), count(*) FILTER (WHERE status = 'Failed'),
    extract(epoch FROM max(sent_on) - min(claimed_on)) FROM mentoring.reminders" >"$OUT/ledger.txt"
grep -o "recorded [0-9]* reminder(s) for [0-9-]* in [0-9]* ms" "$OUT/host.log" | uniq >"$OUT/record-passes.txt" || true
python3 - "$OUT" "$MENTORS" "$PER_MENTOR" "$LOAD_START" "$LOAD_END" "$PEAK" "$CONCURRENCY" <<'PY' | tee "$OUT/summary.md"
import collections, sys
out, mentors, per, load_start, load_end, peak, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
sent, failed, secs = open(f"{out}/ledger.txt").read().split()
sent, failed, secs = int(sent), int(failed), float(secs)
passes = [line.split() for line in open(f"{out}/record-passes.txt").read().splitlines()]
received = collections.Counter(open(f"{out}/received.txt").read().split())
doubles = sum(1 for c in received.values() if c > 1)
print("| mentors | due visits | load s | record passes (rows, ms) | sent | failed | send s | emails/s | received | mentors with 2+ | host peak MiB | concurrency |")
print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
record = ", ".join(f"{p[1]} in {p[6]}" for p in passes)
print(f"| {mentors:,} | {mentors * per:,} | {load_end - load_start:.1f} | {record} | {sent:,} | {failed:,} | {secs:.1f} | {sent / secs:,.0f} | {sum(received.values()):,} | {doubles} | {peak / 1024:.0f} | {concurrency} |")
PY
log "results in $OUT"
