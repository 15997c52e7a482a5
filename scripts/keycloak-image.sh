#!/usr/bin/env bash
# A Keycloak base image with the official image's layout, for machines that cannot reach a registry.
#
#   scripts/keycloak-image.sh [--force]      (root; needs docker and debootstrap)
#
# Builds localhost/keycloak:<version> from Debian's own packages (debootstrap: a minimal bookworm with Debian's
# OpenJDK 17 runtime) and the Keycloak distribution from Maven Central: /opt/keycloak, user 1000 in group 0,
# ENTRYPOINT kc.sh, ports 8080 and 9000 — what docker/Dockerfile expects of quay.io/keycloak/keycloak. Kept between
# runs: an existing image is reused unless --force. Users with registry access build on the official image instead.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KC_VERSION=${KC_VERSION:-26.7.3}
IMAGE=localhost/keycloak:$KC_VERSION
JRE_IMAGE=localhost/debian-jre:17
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
M2=${MAVEN_REPO:-$HOME/.m2/repository}
ZIP=$M2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip

say() { printf 'keycloak-image: %s\n' "$*"; }
die() { printf 'keycloak-image: %s\n' "$*" >&2; exit 1; }

force=false
[ "${1:-}" = "--force" ] && force=true
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap)"
command -v docker >/dev/null || die "docker is required (Debian: apt-get install docker.io)"
command -v debootstrap >/dev/null || die "debootstrap is required (Debian: apt-get install debootstrap)"

if ! $force && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  say "$IMAGE is there (use --force to rebuild)"
  exit 0
fi

work=$(mktemp -d /var/tmp/keycloak-image.XXXXXX)
trap 'rm -rf "$work"' EXIT

if $force || ! docker image inspect "$JRE_IMAGE" >/dev/null 2>&1; then
  say "debootstrap: Debian bookworm with openjdk-17-jre-headless (about a minute)..."
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$work/rootfs" "$MIRROR" \
    >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -c . | docker import - "$JRE_IMAGE" >/dev/null
  rm -rf "$work/rootfs"
fi

if [ ! -f "$ZIP" ]; then
  say "fetching Keycloak $KC_VERSION from Maven Central..."
  mvn -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -Dtransitive=false \
    -f "$ROOT/pom.xml" >/dev/null
fi
mkdir -p "$work/context"
(cd "$work/context" && jar xf "$ZIP" && mv "keycloak-$KC_VERSION" keycloak)
# As in the official image: data/ belongs to the server's user, so that a realm file mounted into data/import does not
# make Docker create data/ for root (the server could then not write its dev database or transaction logs).
mkdir -p "$work/context/keycloak/data/import"
cat >"$work/context/Dockerfile" <<DOCKERFILE
FROM $JRE_IMAGE
ENV LANG=en_US.UTF-8
RUN useradd --uid 1000 --gid 0 --home-dir /opt/keycloak --no-create-home keycloak
COPY --chown=1000:0 keycloak /opt/keycloak
RUN chmod -R g+rwX /opt/keycloak && chmod +x /opt/keycloak/bin/*.sh
USER 1000
EXPOSE 8080 8443 9000
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
DOCKERFILE
say "building $IMAGE..."
docker build -q -t "$IMAGE" "$work/context" >/dev/null
say "$IMAGE ready"
