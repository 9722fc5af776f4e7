#!/usr/bin/env bash
# Build the solution and run all tests against the private PostgreSQL cluster.
#   ./test.sh                      everything
#   ./test.sh --filter Name~Foo    extra arguments go to `dotnet test`
#   SKIP_BUILD=1 ./test.sh ...     reuse the existing build
# The last line of output is always "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
. ./scripts/lib.sh   # sets REPO

export PG_FAST=1
RESULTS="$REPO/.data/test-results"

# Whatever goes wrong before the real summary, the last line still is a summary.
_summary_done=0
trap 'rc=$?; if [ "$rc" -ne 0 ] && [ "$_summary_done" = 0 ]; then echo "0 passed, 1 failed"; fi' EXIT

summary_fail() { # print the reason, then exit 1 (the EXIT trap prints the summary line)
    [ -n "${1:-}" ] && printf '%s\n' "$1" >&2
    exit 1
}

# Solution file: Modular.sln (or the .NET 10 default .slnx).
SOLUTION=Modular.sln
if [ ! -f "$SOLUTION" ] && [ -f Modular.slnx ]; then SOLUTION=Modular.slnx; fi
[ -f "$SOLUTION" ] || summary_fail "error: $SOLUTION not found in $REPO"

ensure_dotnet
ensure_postgres_binaries
ensure_secrets
start_postgres
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
    apt_install python3-aiosmtpd
    /usr/bin/python3 -c 'import aiosmtpd' || summary_fail "error: python3-aiosmtpd installed but not importable"
fi

if [ "${SKIP_BUILD:-0}" = 1 ]; then
    log "SKIP_BUILD=1: not building"
else
    log "dotnet build $SOLUTION"
    mkdir -p "$REPO/.data"
    build_log="$REPO/.data/build.log"
    if ! dotnet build "$SOLUTION" -c Debug -nologo -v q >"$build_log" 2>&1; then
        cat "$build_log"
        summary_fail "error: build failed (log: .data/build.log)"
    fi
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

log "dotnet test $SOLUTION $*"
set +e
ConnectionStrings__Postgres="$PG_CONNECTION;Database=postgres" \
TEST_SMTP_PYTHON=/usr/bin/python3 \
OPENAPI_OUTPUT="$RESULTS/openapi.json" \
    dotnet test "$SOLUTION" --no-build -c Debug \
        --logger "trx;LogFilePrefix=r" --results-directory "$RESULTS" "$@"
test_rc=$?
set -e

# Sum <Counters .../> over all .trx files (attribute order does not matter).
mapfile -t trx_files < <(find "$RESULTS" -type f -name '*.trx' | sort)
if [ "${#trx_files[@]}" -eq 0 ]; then
    summary_fail "error: no .trx file produced in $RESULTS (dotnet test exit code $test_rc)"
fi

read -r total passed failed errored < <(
    for f in "${trx_files[@]}"; do
        grep -o '<Counters [^>]*>' "$f" | head -n 1 || true
    done | awk '
        BEGIN { t = 0; p = 0; f = 0; e = 0 }
        {
            for (i = 1; i <= NF; i++) {
                n = index($i, "=")
                if (n == 0) continue
                name = substr($i, 1, n - 1)
                val = substr($i, n + 1)
                gsub(/[^0-9]/, "", val)
                if (val == "") continue
                if (name == "total") t += val
                else if (name == "passed") p += val
                else if (name == "failed") f += val
                else if (name == "error" || name == "timeout" || name == "aborted") e += val
            }
        }
        END { print t, p, f, e }'
)
failed=$((failed + errored))
skipped=$((total - passed - failed))
[ "$skipped" -lt 0 ] && skipped=0

# The API contract: the OpenAPI document one of the tests saved is linted with Redocly's
# recommended rules (npm registry). It counts as one more test.
REDOCLY_VERSION=2.77.0
lint_openapi() { # a failed download of the linter is tried once more; a failed lint is not
    (cd "$RESULTS" && npx --yes "@redocly/cli@$REDOCLY_VERSION" lint --config "$REPO/redocly.yaml" openapi.json) >"$RESULTS/openapi-lint.log" 2>&1
}
if [ -f "$RESULTS/openapi.json" ]; then
    total=$((total + 1))
    if ! command -v npx >/dev/null 2>&1; then
        echo "openapi lint: skipped (npx not found)"
        skipped=$((skipped + 1))
    elif lint_openapi || { grep -qE "npm (ERR|error)|ETIMEDOUT|ECONNRESET|EAI_AGAIN" "$RESULTS/openapi-lint.log" && sleep 5 && lint_openapi; }; then
        grep -E "Woohoo|validated|warning" "$RESULTS/openapi-lint.log" | tail -n 2 || true
        echo "openapi lint: passed"
        passed=$((passed + 1))
    else
        grep -vE "║|╔|╚|npm warn" "$RESULTS/openapi-lint.log" | tail -n 40
        echo "openapi lint: FAILED (full log: ${RESULTS#"$REPO"/}/openapi-lint.log)"
        failed=$((failed + 1))
    fi
fi

status=0
if [ "$failed" -gt 0 ]; then
    status=1
elif [ "$test_rc" -ne 0 ]; then
    # dotnet test failed without a failed test (crashed/aborted test host, bad arguments, ...):
    # count it as one failure so the summary line never looks green on a red run.
    echo "error: dotnet test exited with code $test_rc although no test failed" >&2
    failed=1
    status=1
fi

_summary_done=1
echo "results: ${RESULTS#"$REPO"/}/ (${#trx_files[@]} .trx file(s))"
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit "$status"
