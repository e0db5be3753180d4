# Sourced by the CI scripts: `install_missing LABEL PACKAGE…` installs the Debian packages that are not
# installed yet, without letting their postinst scripts start services (invoke-rc.d honours a
# policy-rc.d exit code 101), unless the machine already has a policy of its own.
install_missing() {
  local label=$1
  shift
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$pkg")
    fi
  done
  [ "${#missing[@]}" -gt 0 ] || return 0
  echo "$label: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  if [ "$own_policy" -eq 1 ]; then
    rm -f /usr/sbin/policy-rc.d
    trap - EXIT
  fi
}
