#!/usr/bin/env bash
# Start the application locally.
#   ./run.sh           start PostgreSQL (private cluster in .data/), build and run the host
#   ./run.sh migrate   create/migrate the database and exit
#   ./run.sh stop      stop the private PostgreSQL cluster
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
. ./scripts/lib.sh   # sets REPO

HOST_PROJECT="src/Host/Host.csproj"

usage() {
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
}

# Display form of the first ASPNETCORE_URLS entry (wildcard hosts shown as localhost).
display_url() {
    local url="${ASPNETCORE_URLS%%;*}"
    url="${url%/}"
    printf '%s' "$url" | sed -E 's#://(\+|\*|0\.0\.0\.0|\[::\])(:|/|$)#://localhost\2#'
}

prepare() {
    ensure_dotnet
    ensure_postgres_binaries
    ensure_secrets
    start_postgres

    log "dotnet build $HOST_PROJECT"
    dotnet build "$HOST_PROJECT" -c Debug -nologo -v q

    mkdir -p "$REPO/.data/mail"
    export ConnectionStrings__Postgres="$PG_CONNECTION;Database=modular"
    export Bootstrap__AdminEmail="$ADMIN_EMAIL"
    export Bootstrap__AdminPassword="$ADMIN_PASSWORD"
    export Auth__SigningKey="$JWT_SIGNING_KEY"
    export Email__Transport=Pickup
    export Email__PickupDirectory="$REPO/.data/mail"
    export Seed__Demo=true
    export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
}

cmd="${1:-run}"
case "$cmd" in
    stop)
        stop_postgres
        ;;
    migrate)
        prepare
        log "migrating database"
        exec dotnet run --project "$HOST_PROJECT" -c Debug --no-build --no-launch-profile -- migrate
        ;;
    run | start)
        prepare
        url="$(display_url)"
        cat <<EOF

  ------------------------------------------------------------------
   API base : $url/api/v1
   API docs : $url/docs
   OpenAPI  : $url/openapi/v1.json
   Hangfire : $url/hangfire   (log in as the admin)
   Health   : $url/health/ready

   Admin    : $ADMIN_EMAIL
   Password : $ADMIN_PASSWORD
   Emails   : written to .data/mail/ (pickup directory)
   Database : PostgreSQL 127.0.0.1:$PGPORT (data in $PG_DATA)

   Ctrl-C stops the app; './run.sh stop' stops the database.
  ------------------------------------------------------------------

EOF
        exec dotnet run --project "$HOST_PROJECT" -c Debug --no-build --no-launch-profile
        ;;
    -h | --help | help)
        usage
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac
