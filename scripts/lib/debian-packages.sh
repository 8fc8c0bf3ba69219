# Sourced by scripts that need Debian packages: ensure_debian_packages PREFIX PACKAGE...
# Installs those not installed yet (apt-get, as root), or says how to when not root and fails.
# Postgres server packages are installed without starting a system cluster: we run a private one.
ensure_debian_packages() {
  local prefix="$1"; shift
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    printf '[%s] missing Debian packages: %s; install them with: sudo apt-get install %s\n' "$prefix" "${missing[*]}" "${missing[*]}" >&2
    return 1
  fi
  printf '[%s] installing Debian packages: %s\n' "$prefix" "${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  local guard=0
  if [[ " ${missing[*]} " == *" postgresql-"* ]] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; guard=1
  fi
  local status=0
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?
  [ "$guard" = 1 ] && rm -f /usr/sbin/policy-rc.d
  return $status
}
