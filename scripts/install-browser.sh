#!/usr/bin/env bash
# install-browser.sh - Chromium and its WebDriver (Debian packages) for the integration tests that need a real
# browser: passkeys (WebAuthn through Selenium's virtual authenticator), which HtmlUnit cannot do.
# Idempotent: does nothing when both are installed. Run as root.
set -euo pipefail

PACKAGES=(chromium chromium-driver)

installed() {
  dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-browser: ${PACKAGES[*]} already installed"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt_opts=(-y -q --no-install-recommends)
echo "install-browser: installing ${missing[*]}"
# apt-get update only if the package lists do not know the packages (or the install fails once).
apt-get install -s "${missing[@]}" >/dev/null 2>&1 || apt-get update -q >/dev/null
apt-get install "${apt_opts[@]}" "${missing[@]}" >/dev/null ||
  { apt-get update -q >/dev/null && apt-get install "${apt_opts[@]}" "${missing[@]}" >/dev/null; }
