#!/usr/bin/env bash
# samba-ad.sh - a real Samba Active Directory domain controller on 127.0.0.1 for
# the keycloak-sspr integration tests and demo (Debian 12 / Samba 4.17, as root).
#
#   install  install the Debian packages (idempotent, no daemons started)
#   start    provision once (cached snapshot), then restore a clean domain and start it
#   resume   start again without restoring: the domain as it was when stopped
#   stop     stop the running instance (idempotent)
#   status   exit 0 if running, 1 otherwise
#   env      print shell-sourceable SSPR_AD_* settings
#   dsacl <object DN> <ACE in SDDL>
#            add an access control entry to an object, as dsacls does on Windows
#
# Locations (override with environment variables):
#   SSPR_AD_CACHE (/var/cache/keycloak-sspr/samba-ad): test CA (ca.pem, ca.key),
#       server cert/key, truststore.p12 (password changeit), snapshot.tar and the
#       SNAPSHOT_VERSION marker. Stable across runs, so the CA path never changes.
#   SSPR_AD_RUN (/run/keycloak-sspr/samba-ad): dc/ (live domain, restored from the
#       snapshot on every start), samba.pid, samba.log.
#   SSPR_AD_MAX_RUNTIME (7200): samba exits by itself after this many seconds.
# Domain EXAMPLE.TEST (NetBIOS EXAMPLE), host dc1, LDAP 389 (StartTLS only), LDAPS 636.
set -euo pipefail

ADMIN_PASSWORD='Adm1n-Passw0rd!'
SNAPSHOT_VERSION=1
REALM=EXAMPLE.TEST
DOMAIN=EXAMPLE
BASE_DN='DC=example,DC=test'
TRUSTSTORE_PASSWORD=changeit
PACKAGES=(samba samba-ad-dc samba-ad-provision winbind ldb-tools ldap-utils openssl)
SERVICES=(samba samba-ad-dc smbd nmbd winbind)

CACHE=${SSPR_AD_CACHE:-/var/cache/keycloak-sspr/samba-ad}
RUN=${SSPR_AD_RUN:-/run/keycloak-sspr/samba-ad}
MAX_RUNTIME=${SSPR_AD_MAX_RUNTIME:-7200}
DC=$RUN/dc
PIDFILE=$RUN/samba.pid
LOG=$RUN/samba.log
SNAPSHOT=$CACHE/snapshot.tar
CA_PEM=$CACHE/ca.pem
TRUSTSTORE=$CACHE/truststore.p12
# samba-tool needs Debian's python3 (with the samba modules), not a pyenv one.
export PATH=/usr/bin:/usr/sbin:/bin:/sbin:$PATH

say() { echo "samba-ad: $*"; }
die() { echo "samba-ad: error: $*" >&2; exit 1; }
usage() { sed -n '2,19s/^# \{0,1\}//p' "$0"; }

need_root() { [[ $EUID -eq 0 ]] || die "'$1' must run as root (ports 389/636 and apt); try: sudo bash $0 $1"; }
all_installed() {
  local p s
  for p in "${PACKAGES[@]}"; do
    s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) || return 1
    [[ $s == installed ]] || return 1
  done
}
lock() { mkdir -p "$CACHE"; exec 9>"$CACHE/.lock"; flock 9; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# PID of our samba master (also its process group id) if any process of that group is still alive.
running_pid() {
  local pid
  pid=$(cat "$PIDFILE" 2>/dev/null) && [[ $pid =~ ^[0-9]+$ ]] && pgrep -g "$pid" -f '^samba' >/dev/null && echo "$pid"
}

cmd_install() {
  need_root install
  if all_installed; then say "packages already installed"; return 0; fi
  local t0 created=0 s
  t0=$(now)
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
    created=1; trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  # apt-get update only if the package lists do not know the packages (or the install fails once).
  apt-get install -s "${PACKAGES[@]}" >/dev/null 2>&1 || { say "apt-get update"; apt-get update -q >/dev/null; }
  say "installing ${PACKAGES[*]}"
  apt-get install "${apt_opts[@]}" "${PACKAGES[@]}" >/dev/null ||
    { say "retrying after apt-get update"; apt-get update -q >/dev/null && apt-get install "${apt_opts[@]}" "${PACKAGES[@]}" >/dev/null; }
  # The packages must not leave daemons holding 389/636 or other ports.
  for s in "${SERVICES[@]}"; do
    if [[ -d /run/systemd/system ]]; then
      systemctl disable --now "$s" >/dev/null 2>&1 || true
    elif [[ -x /etc/init.d/$s ]]; then
      /etc/init.d/"$s" stop >/dev/null 2>&1 || true
      update-rc.d "$s" disable >/dev/null 2>&1 || true
    fi
  done
  ((created == 0)) || { rm -f /usr/sbin/policy-rc.d; trap - EXIT; }
  say "installed in $(since "$t0") s"
}

write_smbconf() {
  mkdir -p "$DC/etc"
  cat >"$DC/etc/smb.conf" <<EOF
# Written by scripts/samba-ad.sh on every start.
[global]
	netbios name = DC1
	realm = $REALM
	workgroup = $DOMAIN
	server role = active directory domain controller
	server services = ldap
	interfaces = 127.0.0.1
	bind interfaces only = yes
	disable netbios = yes
	dns forwarder = 127.0.0.1
	idmap_ldb:use rfc2307 = yes
	private dir = $DC/private
	binddns dir = $DC/bind-dns
	state directory = $DC/state
	cache directory = $DC/cache
	lock directory = $DC/lock
	pid directory = $DC/pid
	ncalrpc dir = $DC/ncalrpc
	tls enabled = yes
	tls keyfile = $CACHE/server.key
	tls certfile = $CACHE/server.pem
	tls cafile = $CA_PEM
	ldap server require strong auth = yes
	old password allowed period = 0
EOF
}

make_certs() {
  local tmp
  if [[ ! -s $CA_PEM || ! -s $CACHE/ca.key ]]; then
    say "creating test CA $CA_PEM"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256 -subj '/O=keycloak-sspr test/CN=keycloak-sspr test CA' \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
      -keyout "$CACHE/ca.key" -out "$CA_PEM" 2>/dev/null
    chmod 600 "$CACHE/ca.key"; chmod 644 "$CA_PEM"
    rm -f "$TRUSTSTORE"
  fi
  tmp=$(mktemp -d)
  openssl req -new -newkey rsa:2048 -nodes -subj '/O=keycloak-sspr test/CN=dc1.example.test' \
    -keyout "$CACHE/server.key" -out "$tmp/server.csr" 2>/dev/null
  printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' \
    'extendedKeyUsage=serverAuth' 'subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:dc1.example.test' >"$tmp/ext"
  openssl x509 -req -in "$tmp/server.csr" -CA "$CA_PEM" -CAkey "$CACHE/ca.key" -CAcreateserial -days 3650 -sha256 \
    -extfile "$tmp/ext" -out "$CACHE/server.pem" 2>/dev/null
  chmod 600 "$CACHE/server.key"
  rm -rf "$tmp"
  if [[ ! -s $TRUSTSTORE ]]; then
    local keytool=/usr/lib/jvm/java-17-openjdk-amd64/bin/keytool
    [[ -x $keytool ]] || keytool=$(command -v keytool) || die "keytool not found (install a JDK)"
    "$keytool" -importcert -noprompt -storetype PKCS12 -alias keycloak-sspr-test-ca -file "$CA_PEM" \
      -keystore "$TRUSTSTORE" -storepass "$TRUSTSTORE_PASSWORD" >"$RUN/keytool.log" 2>&1 ||
      { cat "$RUN/keytool.log" >&2; die "keytool failed"; }
    chmod 644 "$TRUSTSTORE"
  fi
}

provision() {
  local t0; t0=$(now)
  say "provisioning domain $REALM (once; cached in $SNAPSHOT)"
  rm -f "$CACHE/SNAPSHOT_VERSION" "$SNAPSHOT"
  make_certs
  rm -rf "$DC"; mkdir -p "$DC"
  samba-tool domain provision --targetdir="$DC" --realm="$REALM" --domain="$DOMAIN" \
    --server-role=dc --dns-backend=NONE --use-rfc2307 --adminpass="$ADMIN_PASSWORD" \
    --host-name=dc1 --host-ip=127.0.0.1 --option="interfaces = 127.0.0.1" \
    --option="bind interfaces only = yes" --option="dns forwarder = 127.0.0.1" >"$RUN/provision.log" 2>&1 ||
    { tail -n 40 "$RUN/provision.log" >&2; die "provisioning failed (log: $RUN/provision.log)"; }
  write_smbconf
  samba-tool domain passwordsettings set -s "$DC/etc/smb.conf" \
    --account-lockout-threshold=3 --min-pwd-age=0 >>"$RUN/provision.log" 2>&1 ||
    { tail -n 40 "$RUN/provision.log" >&2; die "passwordsettings failed"; }
  tar -C "$DC" -cf "$SNAPSHOT.tmp" .
  mv "$SNAPSHOT.tmp" "$SNAPSHOT"
  echo "$SNAPSHOT_VERSION" >"$CACHE/SNAPSHOT_VERSION"
  say "provisioned in $(since "$t0") s"
}

ldaps_ok() {
  LDAPTLS_CACERT=$CA_PEM LDAPTLS_REQCERT=demand timeout 5 ldapsearch -o nettimeout=3 -H ldaps://127.0.0.1:636 -x \
    -D "Administrator@${REALM,,}" -w "$ADMIN_PASSWORD" -b '' -s base dn >/dev/null 2>&1
}

fail_start() {
  say "samba did not come up: $1; last 40 lines of $LOG:" >&2
  tail -n 40 "$LOG" >&2 || true
  do_stop >/dev/null
  exit 1
}

# $1 = resume: start the domain as it was left (an outage in the middle of a test), without restoring the snapshot.
cmd_start() {
  local mode=${1:-fresh}
  need_root start
  all_installed || die "Samba is not installed; run: bash $0 install"
  lock
  local t0 pid p deadline
  t0=$(now)
  do_stop
  mkdir -p "$RUN" "$CACHE"
  for p in 389 636; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      die "port $p on 127.0.0.1 is in use by another process (another LDAP server or samba service?)"
    fi
  done
  if [[ ! -s $SNAPSHOT || $(cat "$CACHE/SNAPSHOT_VERSION" 2>/dev/null) != "$SNAPSHOT_VERSION" ]]; then
    provision
  fi
  [[ -s $CA_PEM && -s $TRUSTSTORE && -s $CACHE/server.pem ]] || make_certs
  if [[ $mode != resume || ! -s $DC/etc/smb.conf ]]; then
    rm -rf "$DC"; mkdir -p "$DC"
    tar -C "$DC" -xf "$SNAPSHOT"
  fi
  write_smbconf
  setsid samba -F --no-process-group -M prefork -s "$DC/etc/smb.conf" --debug-stdout -d1 \
    --maximum-runtime="$MAX_RUNTIME" </dev/null >"$LOG" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PIDFILE"
  deadline=$((SECONDS + 60))
  until ldaps_ok; do
    kill -0 "$pid" 2>/dev/null || fail_start "samba exited"
    ((SECONDS < deadline)) || fail_start "no LDAPS bind within 60 s"
    sleep 0.2
  done
  say "domain $REALM up in $(since "$t0") s (pid $pid): ldaps://localhost:636, base $BASE_DN"
  say "admin CN=Administrator,CN=Users,$BASE_DN / Administrator@${REALM,,}; CA $CA_PEM; log $LOG"
}

do_stop() {
  local pid i
  pid=$(running_pid) || { rm -f "$PIDFILE"; say "not running"; return 0; }
  kill -TERM "$pid" 2>/dev/null || kill -TERM -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 -- "-$pid" 2>/dev/null; then
    say "samba (pid $pid) did not stop within 15 s; killing"
    kill -KILL -- "-$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PIDFILE"
  say "stopped (pid $pid)"
}

cmd_stop() { need_root stop; lock; do_stop; }

cmd_status() {
  local pid
  if pid=$(running_pid); then say "running (pid $pid)"; else say "not running"; return 1; fi
}

cmd_env() {
  local k v
  while read -r k v; do
    if [[ $v =~ ^[A-Za-z0-9_./:,=@+!-]*$ ]]; then echo "$k=$v"; else printf '%s=%q\n' "$k" "$v"; fi
  done <<EOF
SSPR_AD_URL ldaps://localhost:636
SSPR_AD_BASE_DN $BASE_DN
SSPR_AD_USERS_DN CN=Users,$BASE_DN
SSPR_AD_BIND_DN CN=Administrator,CN=Users,$BASE_DN
SSPR_AD_BIND_PASSWORD $ADMIN_PASSWORD
SSPR_AD_CA_PEM $CA_PEM
SSPR_AD_TRUSTSTORE $TRUSTSTORE
SSPR_AD_TRUSTSTORE_PASSWORD $TRUSTSTORE_PASSWORD
EOF
}

cmd_dsacl() {
  need_root dsacl
  [[ -n ${1:-} && -n ${2:-} ]] || die "usage: dsacl <object DN> <ACE in SDDL>"
  running_pid >/dev/null || die "not running"
  samba-tool dsacl set -H "$DC/private/sam.ldb" --objectdn="$1" --sddl="$2" >/dev/null
}

case ${1:-} in
  install) cmd_install ;;
  start) cmd_start ;;
  resume) cmd_start resume ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  dsacl) shift; cmd_dsacl "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
