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

# shellcheck source=apt-install-missing.sh
source "$(dirname "$0")/apt-install-missing.sh"
install_missing exporters-setup "${PACKAGES[@]}"

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
