#!/usr/bin/env bash
# postgres.sh - a throw-away PostgreSQL (Debian's packages) on 127.0.0.1 for the keycloak-sspr integration tests
# that prove the SSPR_AUDIT changelog and queries on the production database.
#
#   install  install the Debian packages (idempotent; the distribution's own cluster is left alone)
#   start    create a fresh cluster and database, start it (as the postgres user)
#   stop     stop it and delete its data (idempotent)
#   status   exit 0 if running, 1 otherwise
#
# Port 55432 (not 5432: a packaged cluster may run there), database/user keycloak, password keycloak.
# Locations: SSPR_PG_RUN (/run/keycloak-sspr/postgres): data/, socket, postgres.log.
set -euo pipefail

PORT=${SSPR_PG_PORT:-55432}
RUN=${SSPR_PG_RUN:-/run/keycloak-sspr/postgres}
DATA=$RUN/data
LOG=$RUN/postgres.log
PACKAGES=(postgresql)

say() { echo "postgres: $*"; }
die() { echo "postgres: error: $*" >&2; exit 1; }
need_root() { [[ $EUID -eq 0 ]] || die "'$1' must run as root; try: sudo bash $0 $1"; }
bindir() {
  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
  [[ -n $version ]] || die "PostgreSQL is not installed; run: sudo bash $0 install"
  echo "/usr/lib/postgresql/$version/bin"
}
as_postgres() { runuser -u postgres -- "$@"; }

cmd_install() {
  need_root install
  local missing=()
  for p in "${PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] || missing+=("$p")
  done
  if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
  fi
  say "installed ($(bindir))"
}

cmd_status() {
  [[ -f $DATA/postmaster.pid ]] && as_postgres "$(bindir)/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

cmd_start() {
  need_root start
  local bin
  bin=$(bindir)
  cmd_stop >/dev/null
  mkdir -p "$RUN"
  chown postgres:postgres "$RUN"
  as_postgres "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Loopback only; the socket lives with the data, not in /var/run/postgresql.
  as_postgres "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-p $PORT -k $RUN -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  as_postgres "$bin/psql" -q -h "$RUN" -p "$PORT" -U postgres -d postgres \
    -c "CREATE ROLE keycloak LOGIN PASSWORD 'keycloak'" -c "CREATE DATABASE keycloak OWNER keycloak" \
    -c "CREATE DATABASE keycloak_cluster OWNER keycloak" >/dev/null
  say "running on 127.0.0.1:$PORT (databases keycloak and keycloak_cluster, user keycloak)"
}

cmd_stop() {
  if [[ -f $DATA/postmaster.pid ]]; then
    as_postgres "$(bindir)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DATA"
  say "stopped"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 2 ;;
esac
