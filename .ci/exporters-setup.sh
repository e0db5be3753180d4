#!/usr/bin/env bash
# Installs the real Prometheus exporters (and the databases they watch) that the exporter tests run
# as plain child processes on loopback. Installs only what is missing; leaves no system service running.
set -euo pipefail

PACKAGES=(
  prometheus-node-exporter
  postgresql
  prometheus-postgres-exporter
  mariadb-server
  mariadb-client
  prometheus-mysqld-exporter
)
# Init scripts the packages above may start; the tests run their own instances on free ports instead.
SERVICES=(prometheus-node-exporter prometheus-postgres-exporter prometheus-mysqld-exporter postgresql mariadb)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "exporters-setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Forbid postinst scripts from starting services (invoke-rc.d honours policy-rc.d exit code 101),
  # unless the machine already has a policy of its own.
  own_policy=0
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
fi

# Belt and braces: if a service manager did start something anyway, stop and disable it so that the
# default ports (9100, 9187, 9104, 5432, 3306) stay free.
for svc in "${SERVICES[@]}"; do
  if [ -d /run/systemd/system ] && systemctl is-active --quiet "$svc" 2>/dev/null; then
    systemctl stop "$svc"
    systemctl disable --quiet "$svc" 2>/dev/null || true
  elif [ -x "/etc/init.d/$svc" ] && "/etc/init.d/$svc" status > /dev/null 2>&1; then
    "/etc/init.d/$svc" stop > /dev/null
  fi
done

for bin in \
  /usr/bin/prometheus-node-exporter \
  /usr/bin/prometheus-postgres-exporter \
  /usr/bin/prometheus-mysqld-exporter \
  /usr/lib/postgresql/15/bin/initdb \
  /usr/lib/postgresql/15/bin/postgres \
  /usr/bin/psql \
  /usr/bin/mariadb-install-db \
  /usr/sbin/mariadbd \
  /usr/bin/mariadb; do
  if [ ! -x "$bin" ]; then
    echo "exporters-setup: $bin is missing after install" >&2
    exit 1
  fi
done
echo "exporters-setup: exporters ready"
