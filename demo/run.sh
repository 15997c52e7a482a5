#!/usr/bin/env bash
# One-command local demo of keycloak-sspr.
#
#   demo/run.sh [--with-ad] [--reset] [--no-build]
#   demo/run.sh --cluster [--reset] [--no-build]     two nodes behind a load balancer, in containers (demo/cluster.sh)
#
# Builds the provider JAR, fetches the Keycloak distribution from Maven Central (cached in ~/.m2 and demo/.work),
# installs the JAR, imports the sspr-demo realm, starts loopback sinks (SMTP inbox, Twilio API stand-in) and
# prints the URLs and demo accounts. Ctrl-C stops everything this script started.
#   --with-ad   also run a Samba AD DC on 127.0.0.1 and federate the realm with it (root only)
#   --reset     forget the demo database (realm and users are imported afresh)
#   --no-build  reuse the JAR from the last build
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK="$ROOT/demo/.work"
KC_VERSION=26.7.3
KC_HOME="$WORK/keycloak-$KC_VERSION"
HTTP_PORT=8080
SMTP_PORT=2525
TWILIO_PORT=8089
INBOX_PORT=8090
ADMIN_USER=admin
ADMIN_PASSWORD=admin

if [ "${1:-}" = "--cluster" ]; then shift; exec bash "$(dirname "$0")/cluster.sh" "$@"; fi
with_ad=false; reset=false; build=true
for arg in "$@"; do
  case "$arg" in
    --with-ad) with_ad=true ;;
    --reset) reset=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "demo: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf 'demo: %s\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }
# Maven 3.8 writes colour resets even in batch mode; they would show as "[0m" in the banner.
mvn_quiet() { mvn -q -B -f "$ROOT/pom.xml" "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'; }

command -v java >/dev/null || die "java (17 or newer) is required"
command -v mvn >/dev/null || die "mvn is required"
if $with_ad && [ "$(id -u)" -ne 0 ]; then die "--with-ad needs root (Samba AD binds ports 389/636)"; fi
for port in $HTTP_PORT 9000 $SMTP_PORT $TWILIO_PORT $INBOX_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is already in use"; fi
done
mkdir -p "$WORK"

sinks_pid=""; kc_pid=""; ad_started=false
cleanup() {
  trap - EXIT INT TERM
  say "stopping..."
  if [ -n "$kc_pid" ]; then
    kill -TERM -- "-$kc_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 -- "-$kc_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$kc_pid" 2>/dev/null || true
  fi
  if [ -n "$sinks_pid" ]; then
    kill -TERM -- "-$sinks_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 -- "-$sinks_pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$sinks_pid" 2>/dev/null || true
  fi
  if $ad_started; then bash "$ROOT/scripts/samba-ad.sh" stop || true; fi
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if $build; then
  say "building the provider JAR and the demo sinks (mvn package)..."
  mvn_quiet -DskipTests -pl provider,test-sinks -am package
fi
jar=$(ls "$ROOT"/provider/target/keycloak-sspr-*.jar 2>/dev/null | grep -v '/original-' | head -n 1 || true)
[ -n "$jar" ] || die "no provider JAR in provider/target: run without --no-build"

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  say "fetching Keycloak $KC_VERSION from Maven Central (once)..."
  mvn_quiet -N dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$WORK"
  (cd "$WORK" && jar xf "keycloak-quarkus-dist-$KC_VERSION.zip" && rm -f "keycloak-quarkus-dist-$KC_VERSION.zip")
  chmod +x "$KC_HOME"/bin/*.sh
fi
if $reset; then rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"; fi
rm -f "$KC_HOME"/providers/keycloak-sspr-*.jar
cp "$jar" "$KC_HOME/providers/"
mkdir -p "$KC_HOME/data/import"
cp "$ROOT/demo/sspr-demo-realm.json" "$KC_HOME/data/import/"

if [ ! -s "$WORK/sinks.classpath" ] || [ "$ROOT/test-sinks/pom.xml" -nt "$WORK/sinks.classpath" ]; then
  mvn_quiet -pl test-sinks dependency:build-classpath -Dmdep.outputFile="$WORK/sinks.classpath"
fi
say "starting the sinks (SMTP :$SMTP_PORT, Twilio API stand-in :$TWILIO_PORT, inbox page :$INBOX_PORT)..."
# The sinks log nothing through SLF4J (GreenMail's API only): its "no providers" notice would only clutter the banner.
setsid java -Dslf4j.internal.verbosity=ERROR -cp "$ROOT/test-sinks/target/classes:$(cat "$WORK/sinks.classpath")" \
  io.github.keycloaksspr.testsinks.DemoSinks \
  --smtp-port "$SMTP_PORT" --twilio-port "$TWILIO_PORT" --inbox-port "$INBOX_PORT" &
sinks_pid=$!

# SMS and voice calls go to the Twilio API stand-in (any credentials are accepted there; use real ones in production).
kc_options=(
  --spi-sspr-phone-gateway--sspr-twilio--account-sid=AC00000000000000000000000000demo
  --spi-sspr-phone-gateway--sspr-twilio--auth-token=demo-token
  --spi-sspr-phone-gateway--sspr-twilio--from-number=+15005550006
  "--spi-sspr-phone-gateway--sspr-twilio--api-base-url=http://127.0.0.1:$TWILIO_PORT"
)
if $with_ad; then
  bash "$ROOT/scripts/samba-ad.sh" install
  SSPR_AD_MAX_RUNTIME=86400 bash "$ROOT/scripts/samba-ad.sh" start
  ad_started=true
  # shellcheck disable=SC1090
  source <(bash "$ROOT/scripts/samba-ad.sh" env)
  kc_options+=("--truststore-paths=$SSPR_AD_CA_PEM")
fi

say "starting Keycloak $KC_VERSION (the first start builds the server with the JAR: about 2 minutes)..."
: > "$WORK/keycloak.log"
KC_BOOTSTRAP_ADMIN_USERNAME=$ADMIN_USER KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  setsid "$KC_HOME/bin/kc.sh" start-dev --http-port="$HTTP_PORT" --http-host=127.0.0.1 --hostname=localhost \
  --metrics-enabled=true --import-realm "${kc_options[@]}" >"$WORK/keycloak.log" 2>&1 </dev/null &
kc_pid=$!
for _ in $(seq 1 600); do
  grep -qE 'Keycloak .* started in' "$WORK/keycloak.log" && break
  kill -0 "$kc_pid" 2>/dev/null || { tail -n 40 "$WORK/keycloak.log" >&2; die "Keycloak exited"; }
  sleep 1
done
grep -qE 'Keycloak .* started in' "$WORK/keycloak.log" || die "Keycloak did not start: see $WORK/keycloak.log"

if $with_ad; then
  bash "$ROOT/demo/federate-ad.sh" "$KC_HOME" "http://localhost:$HTTP_PORT" "$ADMIN_USER" "$ADMIN_PASSWORD"
fi

cat <<TXT

  keycloak-sspr demo is running (Keycloak $KC_VERSION, $(basename "$jar"))

  Sign in (Account Console):  http://localhost:$HTTP_PORT/realms/sspr-demo/account
  Admin console:              http://localhost:$HTTP_PORT/admin/master/console/#/sspr-demo   ($ADMIN_USER / $ADMIN_PASSWORD)
  Mail and SMS inbox:         http://127.0.0.1:$INBOX_PORT/
  Keycloak log:               $WORK/keycloak.log

  Demo accounts (realm sspr-demo):
    alice      / Alice-Passw0rd!       user; phone +12015550101, alternate email alice.home@sspr-demo.test:
                                       signs in with a text-message code, then reviews her security info
    bob        / Bob-Passw0rd!         user without security info: asked to register it at sign-in
                                       ("Not now" allowed for 14 days)
    ann-admin  / Ann-Adm1n-Passw0rd!   realm administrator; phone and alternate email registered (resets need both)
TXT
if $with_ad; then
  echo "    carol      / Carol-Passw0rd!       lives in Samba AD (ldaps://localhost:636), federated WRITABLE"
fi
cat <<TXT

  "Forgot Password?" on the sign-in page runs the SSPR flow: codes arrive in the inbox page above.
  Demo limits, roomier than the product's defaults so that you can try it again and again: 20 codes per account and
  10 per phone number or address in 15 minutes (defaults: 5 and 3 in 60), 10 wrong answers per account in 1 hour
  (default: 5 in 24).

  Insights and audit (REST, the 'sspr' event listener is on):
    TOKEN=\$(curl -s -d client_id=admin-cli -d username=$ADMIN_USER -d password=$ADMIN_PASSWORD -d grant_type=password \\
      http://localhost:$HTTP_PORT/realms/master/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    curl -H "Authorization: Bearer \$TOKEN" http://localhost:$HTTP_PORT/admin/realms/sspr-demo/sspr/insights
    curl -H "Authorization: Bearer \$TOKEN" -H "Accept: text/csv" http://localhost:$HTTP_PORT/admin/realms/sspr-demo/sspr/audit
  Metrics (Prometheus):       http://localhost:9000/metrics   (the pack's counters start with sspr_)
TXT
printf '\n  Press Ctrl-C to stop everything.\n\n'
wait "$kc_pid"
