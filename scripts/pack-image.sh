#!/usr/bin/env bash
# The keycloak-sspr image from docker/Dockerfile, built on this machine.
#
#   scripts/pack-image.sh [TAG]         (root; needs docker, and debootstrap when no Keycloak image is at hand)
#
# Builds on quay.io/keycloak/keycloak:<version> when that image is present (pulled by you), otherwise on the local
# base image of scripts/keycloak-image.sh (built once, then reused): no registry is needed. The provider JAR must
# have been built (mvn package). TAG defaults to localhost/keycloak-sspr:<project version>.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KC_VERSION=${KC_VERSION:-26.7.3}
SSPR_VERSION=${SSPR_VERSION:-$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -n 1)}
TAG=${1:-localhost/keycloak-sspr:$SSPR_VERSION}
JAR=provider/target/keycloak-sspr-$SSPR_VERSION.jar

say() { printf 'pack-image: %s\n' "$*"; }
die() { printf 'pack-image: %s\n' "$*" >&2; exit 1; }

command -v docker >/dev/null || die "docker is required (Debian: apt-get install docker.io; scripts/test.sh installs it)"
docker info >/dev/null 2>&1 || die "the Docker engine is not running (as root: dockerd &)"
[ -f "$ROOT/$JAR" ] || die "no $JAR: build it first (mvn package)"

base=quay.io/keycloak/keycloak:$KC_VERSION
if ! docker image inspect "$base" >/dev/null 2>&1; then
  KC_VERSION=$KC_VERSION bash "$ROOT/scripts/keycloak-image.sh"
  base=localhost/keycloak:$KC_VERSION
fi
say "building $TAG on $base..."
docker build -q -f "$ROOT/docker/Dockerfile" --build-arg "KEYCLOAK_IMAGE=$base" --build-arg "SSPR_JAR=$JAR" \
  --build-arg "SSPR_VERSION=$SSPR_VERSION" -t "$TAG" "$ROOT" >/dev/null
say "$TAG ready"
