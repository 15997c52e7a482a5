#!/usr/bin/env bash
# The demo as a cluster (demo/run.sh --cluster): docker/compose.yaml with two Keycloak nodes on PostgreSQL behind
# HAProxy, the demo realm and the demo sinks, on this machine's Docker engine.
#
#   demo/cluster.sh [--reset] [--no-build]
#
# Without a registry, the base images are built here first from Debian's packages (scripts/keycloak-image.sh, root):
# localhost/keycloak:26.7.3 and localhost/debian-jre:17. Ctrl-C stops and removes the containers (the database volume
# stays unless --reset).
#   --reset     forget the cluster's database (the realm is imported afresh)
#   --no-build  reuse the provider JAR and sinks from the last build
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KC_VERSION=26.7.3
PROJECT=keycloak-sspr-demo
COMPOSE_FILE=$ROOT/docker/compose.yaml
HTTP_PORT=8080
INBOX_PORT=8090
ADMIN_USER=admin
ADMIN_PASSWORD=admin

reset=false; build=true
for arg in "$@"; do
  case "$arg" in
    --reset) reset=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "demo: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf 'demo: %s\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }
# Maven 3.8 writes colour resets even in batch mode; they would show as "[0m" in the banner.
mvn_quiet() { mvn -q -B -f "$ROOT/pom.xml" "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'; }

if command -v docker-compose >/dev/null; then compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then compose=(docker compose)
else die "docker compose is required (Debian: apt-get install docker.io docker-compose; scripts/docker-engine.sh install)"; fi
compose+=(-f "$COMPOSE_FILE" -p "$PROJECT")
docker info >/dev/null 2>&1 || die "the Docker engine is not running (as root: bash scripts/docker-engine.sh start)"
for port in $HTTP_PORT 9001 9002 $INBOX_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is already in use"; fi
done

if $build; then
  say "building the provider JAR and the demo sinks (mvn package)..."
  mvn_quiet -DskipTests -pl provider,test-sinks -am package
fi
ls "$ROOT"/provider/target/keycloak-sspr-*.jar >/dev/null 2>&1 || die "no provider JAR in provider/target: run without --no-build"
ls "$ROOT"/test-sinks/target/lib/*.jar >/dev/null 2>&1 || die "no sinks in test-sinks/target: run without --no-build"

if ! docker image inspect "quay.io/keycloak/keycloak:$KC_VERSION" >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || die "without quay.io/keycloak/keycloak:$KC_VERSION the base images are built here: run as root"
  bash "$ROOT/scripts/keycloak-image.sh"
  export KEYCLOAK_IMAGE=localhost/keycloak:$KC_VERSION DEBIAN_IMAGE=localhost/debian-jre:17 JAVA_IMAGE=localhost/debian-jre:17
fi

sleeper=
cleanup() {
  trap - EXIT INT TERM
  say "stopping..."
  # The wait below: nothing this script started outlives it.
  [ -z "$sleeper" ] || kill "$sleeper" 2>/dev/null || true
  "${compose[@]}" down >/dev/null 2>&1 || true
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if $reset; then "${compose[@]}" down -v >/dev/null 2>&1 || true; fi
say "building the images and starting PostgreSQL, the sinks, two Keycloak nodes (one after the other) and HAProxy..."
"${compose[@]}" up -d --build >"$ROOT/demo/.cluster-up.log" 2>&1 || { tail -n 30 "$ROOT/demo/.cluster-up.log" >&2; die "compose up failed"; }
# Ready when both nodes answer their health check (compose starts the second once the first is ready) and the
# load balancer serves the realm.
healthy() { [ "$(docker inspect --format '{{.State.Health.Status}}' "$("${compose[@]}" ps -q "$1")" 2>/dev/null)" = healthy ]; }
serving() {
  (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT" && printf 'GET /realms/sspr-demo HTTP/1.0\r\n\r\n' >&3 && head -n 1 <&3 | grep -q ' 200') 2>/dev/null
}
for _ in $(seq 1 300); do
  healthy keycloak-1 && healthy keycloak-2 && serving && break
  sleep 1
done
healthy keycloak-1 && healthy keycloak-2 && serving || die "the cluster did not get ready: ${compose[*]} logs"
# HAProxy checks every 2 s: give it one round to see the second node up.
sleep 3

cat <<TXT

  keycloak-sspr demo cluster is running: two Keycloak $KC_VERSION nodes on PostgreSQL behind HAProxy (round robin)

  Sign in (Account Console):  http://localhost:$HTTP_PORT/realms/sspr-demo/account
  Admin console:              http://localhost:$HTTP_PORT/admin/master/console/#/sspr-demo   ($ADMIN_USER / $ADMIN_PASSWORD)
  Mail and SMS inbox:         http://127.0.0.1:$INBOX_PORT/
  Metrics per node:           http://localhost:9001/metrics  http://localhost:9002/metrics
  Logs:                       ${compose[*]} logs -f keycloak-1 keycloak-2

  Demo accounts, limits and insights: as in demo/run.sh (alice / Alice-Passw0rd!, bob / Bob-Passw0rd!,
  ann-admin / Ann-Adm1n-Passw0rd!); every request may land on either node.

  Press Ctrl-C to stop everything.

TXT
sleep infinity &
sleeper=$!
wait "$sleeper"
