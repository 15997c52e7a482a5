#!/usr/bin/env bash
# The project's one test command: on a Debian 12 machine as root with JDK 17 and Maven, installs what the tests need
# (idempotent: quick when present) and runs every unit and integration test.
#
#   bash scripts/test.sh [MAVEN ARGS...]      e.g. bash scripts/test.sh -o   (offline, after a first run)
#
# Installs: Samba AD DC (a real Active Directory on 127.0.0.1), Chromium + chromedriver (the passkey test's browser),
# PostgreSQL (audit and cluster tests), the Docker engine and debootstrap (the image of docker/Dockerfile, built on a
# local base image: no registry needed). Then runs `mvn verify`, which starts and stops every server itself.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ $EUID -eq 0 ]] || { echo "test: run as root (Samba AD binds ports 389/636; the Docker engine runs as root)" >&2; exit 1; }
bash scripts/samba-ad.sh install
bash scripts/install-browser.sh
bash scripts/postgres.sh install
bash scripts/docker-engine.sh install

exec mvn -B verify "$@"
