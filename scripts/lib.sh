# shellcheck shell=bash
# Shared helpers for run.sh and test.sh. Source it; do not execute it.
#
#   ensure_postgres_binaries  find (or apt-get install) PostgreSQL 15, export PG_BIN
#   ensure_secrets            create/load .data/secrets.env (random, git-ignored)
#   start_postgres            start (or reuse) the private cluster, export PG_CONNECTION
#   stop_postgres             stop the private cluster
#   ensure_dotnet             check that the .NET SDK works
#
# Everything is safe under `set -euo pipefail`.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PG_VERSION_WANTED=15
PG_DEFAULT_BIN="/usr/lib/postgresql/${PG_VERSION_WANTED}/bin"

if [ -t 2 ]; then _C_B=$'\033[1;34m' _C_Y=$'\033[1;33m' _C_R=$'\033[1;31m' _C_0=$'\033[0m'; else _C_B='' _C_Y='' _C_R='' _C_0=''; fi
log()  { printf '%s==>%s %s\n' "$_C_B" "$_C_0" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$_C_Y" "$_C_0" "$*" >&2; }
die()  { printf '%serror:%s %s\n' "$_C_R" "$_C_0" "$*" >&2; return 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------- apt helpers
_APT_UPDATED="${_APT_UPDATED:-0}"

# apt_install PKG... : installs Debian packages (runs `apt-get update` once per shell).
apt_install() {
    is_root || die "need root to install: $* (run: sudo apt-get install -y $*)" || return 1
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install manually: $*" || return 1
    if [ "$_APT_UPDATED" != 1 ]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
        _APT_UPDATED=1
    fi
    log "apt-get install -y $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" || return 1
}

# ---------------------------------------------------------------- binaries
_pg_bin_ok() { [ -x "$1/pg_ctl" ] && [ -x "$1/initdb" ] && [ -x "$1/postgres" ] && [ -x "$1/pg_isready" ]; }

ensure_postgres_binaries() {
    local bin="${PG_BIN:-$PG_DEFAULT_BIN}"
    if ! _pg_bin_ok "$bin"; then
        bin="$PG_DEFAULT_BIN"
        if ! _pg_bin_ok "$bin"; then
            log "PostgreSQL ${PG_VERSION_WANTED} not found in $bin; installing postgresql-${PG_VERSION_WANTED}"
            apt_install "postgresql-${PG_VERSION_WANTED}" || return 1
            _pg_bin_ok "$bin" || die "postgresql-${PG_VERSION_WANTED} installed but $bin is incomplete" || return 1
        fi
    fi
    PG_BIN="$bin"
    export PG_BIN
    case ":$PATH:" in *":$PG_BIN:"*) ;; *) PATH="$PG_BIN:$PATH"; export PATH ;; esac
}

# ---------------------------------------------------------------- secrets
# _rand_alnum N : N random characters from [A-Za-z0-9]
_rand_alnum() {
    local n="$1" out=""
    while [ "${#out}" -lt "$n" ]; do
        if command -v openssl >/dev/null 2>&1; then
            out+="$(openssl rand -base64 96 | LC_ALL=C tr -dc 'A-Za-z0-9')"
        else
            out+="$(head -c 96 /dev/urandom | base64 | LC_ALL=C tr -dc 'A-Za-z0-9')"
        fi
    done
    printf '%s' "${out:0:$n}"
}

# 72 random bytes -> exactly 96 base64 characters, no '=' padding, valid base64.
_rand_base64_96() {
    if command -v openssl >/dev/null 2>&1; then
        openssl rand -base64 72 | tr -d '\n'
    else
        head -c 72 /dev/urandom | base64 | tr -d '\n'
    fi
}

ensure_secrets() {
    local dir="$REPO/.data" file="$REPO/.data/secrets.env"
    mkdir -p "$dir"
    if [ ! -f "$file" ]; then
        log "generating secrets in .data/secrets.env"
        (umask 077; : >"$file")
    fi
    chmod 600 "$file"
    # Add whatever key is missing (lets an older file gain new keys; never rotates existing ones).
    # Values are single-quoted so that '!' is safe even when sourced interactively.
    grep -q '^PG_PASSWORD=' "$file"     || printf "PG_PASSWORD='%s'\n" "$(_rand_alnum 32)" >>"$file"
    grep -q '^ADMIN_EMAIL=' "$file"     || printf "ADMIN_EMAIL='%s'\n" "admin@demo.local" >>"$file"
    grep -q '^ADMIN_PASSWORD=' "$file"  || printf "ADMIN_PASSWORD='%s'\n" "Aa1!$(_rand_alnum 20)" >>"$file"
    grep -q '^JWT_SIGNING_KEY=' "$file" || printf "JWT_SIGNING_KEY='%s'\n" "$(_rand_base64_96)" >>"$file"
    # shellcheck disable=SC1090
    . "$file"
    [ -n "${PG_PASSWORD:-}" ] && [ -n "${ADMIN_PASSWORD:-}" ] && [ -n "${JWT_SIGNING_KEY:-}" ] \
        || die "$file is incomplete; delete it to regenerate" || return 1
}

# ---------------------------------------------------------------- postgres
# Run a PostgreSQL tool as the cluster owner (postgres when we are root; pg_ctl refuses root).
_pg_as() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Sets PG_BASE, PG_DATA, PG_SOCK, PG_LOG (does not create anything except $REPO/.data).
_pg_resolve_dirs() {
    PGPORT="${PGPORT:-55432}"
    export PGPORT
    PG_BASE="${PG_CLUSTER_DIR:-$REPO/.data/pg}"   # a benchmark keeps its own cluster beside the tests' one
    if is_root; then
        id postgres >/dev/null 2>&1 || die "OS user 'postgres' is missing (is postgresql-${PG_VERSION_WANTED} installed?)" || return 1
        mkdir -p "$REPO/.data"
        if runuser -u postgres -- test -x "$REPO"; then
            # .data may have been created under a restrictive umask; postgres only needs to traverse it.
            runuser -u postgres -- test -x "$REPO/.data" || chmod go+x "$REPO/.data"
        fi
        if ! runuser -u postgres -- test -x "$REPO/.data"; then
            PG_BASE="/tmp/modular-pg-$(echo "$REPO" | md5sum | cut -c1-8)"
            if [ "${_PG_FALLBACK_SAID:-}" != "$PG_BASE" ]; then
                log "user postgres cannot traverse $REPO; using cluster dir $PG_BASE"
                _PG_FALLBACK_SAID="$PG_BASE"
            fi
        fi
    fi
    PG_DATA="$PG_BASE/data"
    PG_LOG="$PG_BASE/postgres.log"
    PG_SOCK="$PG_BASE/run"
    # Unix socket paths are limited to ~107 bytes.
    if [ $(( ${#PG_SOCK} + 18 )) -gt 100 ]; then
        PG_SOCK="/tmp/modular-pg-$(echo "$REPO" | md5sum | cut -c1-8)-run"
    fi
    export PG_BASE PG_DATA PG_LOG PG_SOCK
}

_pg_running() {
    [ -f "$PG_DATA/PG_VERSION" ] || return 1
    _pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

_pg_ready() { "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q >/dev/null 2>&1; }

# Remove postmaster.pid if its PID is not a postgres process (e.g. after a container restart the
# PID may have been reused, which makes pg_ctl believe the server is still running).
_pg_clear_stale_pid() {
    local pidfile="$PG_DATA/postmaster.pid" pid comm
    [ -f "$pidfile" ] || return 0
    pid="$(head -n 1 "$pidfile" 2>/dev/null | tr -dc '0-9')"
    if [ -n "$pid" ] && [ -r "/proc/$pid/comm" ]; then
        comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
        case "$comm" in postgres|postmaster) return 0 ;; esac
    fi
    warn "removing stale $pidfile (pid ${pid:-?} is not a running postgres)"
    rm -f "$pidfile"
}

_pg_conf_quote() { printf "'%s'" "${1//\'/\'\'}"; }

# Writes $PG_DATA/modular.conf (included from postgresql.conf); returns 0 if the content changed.
_pg_write_conf() {
    local conf="$PG_DATA/modular.conf" tmp fast=off
    [ "${PG_FAST:-0}" = 1 ] && fast=on
    tmp="$(mktemp)"
    {
        echo "# Generated by scripts/lib.sh on every start; edit the script, not this file."
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $PGPORT"
        echo "unix_socket_directories = $(_pg_conf_quote "$PG_SOCK")"
        echo "max_connections = 300"
        echo "shared_buffers = 256MB"
        # Statement counts for bench/run.sh (calls per request); costs nothing measurable.
        if [ -f "$(dirname "$PG_BIN")/lib/pg_stat_statements.so" ]; then
            echo "shared_preload_libraries = 'pg_stat_statements'"
        fi
        if [ "$fast" = on ]; then
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
    } >"$tmp"
    if [ -f "$conf" ] && cmp -s "$tmp" "$conf"; then
        rm -f "$tmp"
        return 1
    fi
    mv -f "$tmp" "$conf"
    chmod 644 "$conf"
    is_root && chown postgres:postgres "$conf"
    if ! grep -q "modular.conf" "$PG_DATA/postgresql.conf"; then
        printf "\n# modular-monolith settings (scripts/lib.sh)\ninclude_if_exists = 'modular.conf'\n" >>"$PG_DATA/postgresql.conf"
    fi
    return 0
}

_pg_initdb() {
    local locale=C pwfile
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
    if [ -d "$PG_DATA" ] && [ ! -f "$PG_DATA/PG_VERSION" ]; then
        warn "removing incomplete data directory $PG_DATA"
        rm -rf "$PG_DATA"
    fi
    log "initdb $PG_DATA (locale $locale)"
    pwfile="$PG_BASE/.pwfile"
    (umask 077; printf '%s\n' "$PG_PASSWORD" >"$pwfile")
    is_root && chown postgres:postgres "$pwfile"
    if ! _pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            --pwfile="$pwfile" -E UTF8 --locale="$locale" >"$PG_BASE/initdb.log" 2>&1; then
        rm -f "$pwfile"
        cat "$PG_BASE/initdb.log" >&2
        die "initdb failed" || return 1
    fi
    rm -f "$pwfile"
}

# Ensures the cluster accepts PG_PASSWORD over TCP; resets it through the (trusted) unix socket
# if the secrets file was regenerated after the cluster had been created.
_pg_check_password() {
    local err
    if err="$(PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -w -h 127.0.0.1 -p "$PGPORT" \
            -U postgres -d postgres -tAc 'select 1' 2>&1 >/dev/null)"; then
        return 0
    fi
    if [ -S "$PG_SOCK/.s.PGSQL.$PGPORT" ] && _pg_running; then
        warn "password for postgres did not match .data/secrets.env; resetting it via the local socket"
        # (psql variables are not interpolated in -c, hence stdin; keeps the password off argv too)
        printf '%s\n' "\\set pw '$PG_PASSWORD'" "ALTER ROLE postgres PASSWORD :'pw';" \
            | "$PG_BIN/psql" -X -q -w -h "$PG_SOCK" -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null \
            || return 1
        PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -w -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
            -tAc 'select 1' >/dev/null && return 0
    fi
    die "cannot log in to PostgreSQL on 127.0.0.1:$PGPORT with PG_PASSWORD from .data/secrets.env:
$err
Another PostgreSQL (not this repository's cluster) may be using port $PGPORT; stop it or set PGPORT=<free port>." || return 1
}

start_postgres() {
    [ -n "${PG_BIN:-}" ] || ensure_postgres_binaries || return 1
    [ -n "${PG_PASSWORD:-}" ] || ensure_secrets || return 1
    _pg_resolve_dirs || return 1

    mkdir -p "$PG_BASE" "$PG_SOCK"
    if is_root; then
        [ "$(stat -c %U "$PG_BASE")" = postgres ] || chown -R postgres:postgres "$PG_BASE"
        [ "$(stat -c %U "$PG_SOCK")" = postgres ] || chown postgres:postgres "$PG_SOCK"
    fi

    # Serialize concurrent starts (two test runs at once) on a lock file.
    # The lock fd must not leak into the postmaster (it would hold the lock forever), hence the
    # explicit close on the pg_ctl start command below.
    exec {_PG_LOCKFD}>"$PG_BASE/.start.lock"
    if ! flock -w 120 "$_PG_LOCKFD"; then
        exec {_PG_LOCKFD}>&-
        die "timed out waiting for $PG_BASE/.start.lock" || return 1
    fi

    local rc=0
    _start_postgres_locked || rc=$?
    exec {_PG_LOCKFD}>&-
    [ "$rc" -eq 0 ] || return "$rc"

    _pg_check_password || return 1
    PG_CONNECTION="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PG_PASSWORD"
    export PG_CONNECTION
}

_start_postgres_locked() {
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        _pg_initdb || return 1
    fi
    _pg_clear_stale_pid

    if _pg_running; then
        if _pg_write_conf; then
            log "settings changed (PG_FAST=${PG_FAST:-0}); reloading running PostgreSQL"
            _pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" reload >/dev/null || true
        fi
        log "PostgreSQL already running ($PG_DATA, port $PGPORT)"
    elif _pg_ready; then
        log "something already answers on 127.0.0.1:$PGPORT; reusing it"
        return 0
    else
        _pg_write_conf || true
        log "starting PostgreSQL on 127.0.0.1:$PGPORT (data $PG_DATA, log $PG_LOG${PG_FAST:+, PG_FAST=$PG_FAST})"
        if ! _pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 start \
                </dev/null >"$PG_BASE/pg_ctl.out" 2>&1 {_PG_LOCKFD}>&-; then
            cat "$PG_BASE/pg_ctl.out" >&2 || true
            warn "pg_ctl start failed; last lines of $PG_LOG:"
            tail -n 30 "$PG_LOG" >&2 2>/dev/null || true
            die "PostgreSQL did not start" || return 1
        fi
    fi

    local i
    for ((i = 0; i < 60; i++)); do
        _pg_ready && return 0
        sleep 0.5
    done
    warn "PostgreSQL not ready after 30 s; last lines of $PG_LOG:"
    tail -n 30 "$PG_LOG" >&2 2>/dev/null || true
    die "PostgreSQL is not accepting connections on 127.0.0.1:$PGPORT" || return 1
}

stop_postgres() {
    if [ -z "${PG_BIN:-}" ]; then
        if _pg_bin_ok "$PG_DEFAULT_BIN"; then PG_BIN="$PG_DEFAULT_BIN"; else log "PostgreSQL binaries not installed; nothing to stop"; return 0; fi
    fi
    _pg_resolve_dirs || return 1
    _pg_clear_stale_pid
    if _pg_running; then
        log "stopping PostgreSQL ($PG_DATA)"
        _pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null || return 1
    else
        log "PostgreSQL is not running ($PG_DATA)"
    fi
}

# ---------------------------------------------------------------- dotnet
ensure_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        die "the .NET SDK ('dotnet') is not on PATH; install the .NET 10 SDK (https://dot.net)" || return 1
    fi
    local v
    if ! v="$(dotnet --version 2>&1)"; then
        die "'dotnet --version' failed; is the .NET 10 SDK installed correctly?
$v" || return 1
    fi
    case "$v" in
        10.*|1[1-9].*) ;;
        *) warn "dotnet SDK $v found; this repository targets .NET 10" ;;
    esac
}
