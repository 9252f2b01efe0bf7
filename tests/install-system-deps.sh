#!/usr/bin/env bash
# Installs what the tests need from Debian's packages: Chromium (driven by playwright-core), openssl (makes the
# fixture sites' TLS certificate) and a colour emoji font (so screenshots show emoji, not empty boxes). Skips what
# is already there, and waits for another apt or dpkg run to finish instead of failing on its lock.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
fc-list 2>/dev/null | grep -qi 'color emoji' || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  # apt waits up to this long for the dpkg lock (apt >= 1.9 reads DPkg::Lock::Timeout); older apt gets the loop below.
  lock_wait=600
  wait_for_dpkg() {
    local waited=0
    while fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1; do
      if [ "$waited" -ge "$lock_wait" ]; then
        echo "install-system-deps: another package manager still holds the dpkg lock after ${lock_wait}s" >&2
        return 1
      fi
      [ "$waited" -eq 0 ] && echo "install-system-deps: waiting for another apt/dpkg run to finish…" >&2
      sleep 3
      waited=$((waited + 3))
    done
  }
  if command -v fuser >/dev/null 2>&1; then wait_for_dpkg; fi
  $sudo apt-get -o DPkg::Lock::Timeout=$lock_wait update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=$lock_wait install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
chromium --version
