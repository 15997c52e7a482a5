#!/usr/bin/env bash
# docker-engine.sh - the Docker engine (Debian's docker.io) for the keycloak-sspr container tests and compose demo.
#
#   install  install docker.io, docker-compose and debootstrap (idempotent; base images are built locally from
#            Debian's packages, no registry is needed)
#   start    start dockerd unless an engine already answers (as root); remembers that it started it
#   stop     stop the dockerd that 'start' started (an engine that was running before is left alone)
#   status   exit 0 if an engine answers, 1 otherwise
# Verbs run in the order given: docker-engine.sh install start
#
# Locations: SSPR_DOCKER_RUN (/run/keycloak-sspr/docker): dockerd.pid, dockerd.log.
set -euo pipefail

RUN=${SSPR_DOCKER_RUN:-/run/keycloak-sspr/docker}
PID_FILE=$RUN/dockerd.pid
LOG=$RUN/dockerd.log
PACKAGES=(docker.io docker-compose debootstrap)

say() { echo "docker-engine: $*"; }
die() { echo "docker-engine: error: $*" >&2; exit 1; }
need_root() { [[ $EUID -eq 0 ]] || die "'$1' must run as root; try: sudo bash $0 $1"; }
answers() { docker info >/dev/null 2>&1; }

cmd_install() {
  need_root install
  local missing=() apt_opts=(-y -q --no-install-recommends)
  for p in "${PACKAGES[@]}"; do
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] || missing+=("$p")
  done
  if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # apt-get update only if the package lists do not know the packages (or the install fails once).
    apt-get install -s "${missing[@]}" >/dev/null 2>&1 || apt-get update -q >/dev/null
    apt-get install "${apt_opts[@]}" "${missing[@]}" >/dev/null ||
      { apt-get update -q >/dev/null && apt-get install "${apt_opts[@]}" "${missing[@]}" >/dev/null; }
  fi
  say "installed ($(dockerd --version))"
}

cmd_status() {
  answers
}

cmd_start() {
  if answers; then
    say "an engine is running"
    return
  fi
  need_root start
  command -v dockerd >/dev/null || die "dockerd is not installed; run: sudo bash $0 install"
  mkdir -p "$RUN"
  setsid dockerd >"$LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 60); do
    answers && { say "started (log: $LOG)"; return; }
    kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "$LOG" >&2
  die "dockerd did not start"
}

cmd_stop() {
  [[ -f $PID_FILE ]] || { say "not started by this script"; return; }
  local pid
  pid=$(cat "$PID_FILE")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

# Several verbs run in the order given ("install start"); every verb is checked before the first runs.
(( $# > 0 )) || { sed -n '2,11p' "$0" >&2; exit 2; }
for verb in "$@"; do
  case "$verb" in
    install|start|stop|status) ;;
    *) echo "docker-engine.sh: unknown verb '$verb'" >&2; sed -n '2,11p' "$0" >&2; exit 2 ;;
  esac
done
for verb in "$@"; do
  "cmd_$verb"
done
