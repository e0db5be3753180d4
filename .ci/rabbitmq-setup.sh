#!/usr/bin/env bash
# Installs Debian's RabbitMQ server, which the messaging end-to-end test runs as a plain child process
# on free loopback ports. Installs only what is missing; leaves no system service (nor epmd) running.
set -euo pipefail

PACKAGES=(rabbitmq-server)

# shellcheck source=apt-install-missing.sh
source "$(dirname "$0")/apt-install-missing.sh"
install_missing rabbitmq-setup "${PACKAGES[@]}"

# Belt and braces: if a service manager did start the broker anyway, stop and disable it so that the
# default ports (5672, 25672, 4369) stay free.
if [ -d /run/systemd/system ] && systemctl is-active --quiet rabbitmq-server 2>/dev/null; then
  systemctl stop rabbitmq-server
  systemctl disable --quiet rabbitmq-server 2>/dev/null || true
elif [ -x /etc/init.d/rabbitmq-server ] && /etc/init.d/rabbitmq-server status > /dev/null 2>&1; then
  /etc/init.d/rabbitmq-server stop > /dev/null
fi
if [ -d /run/systemd/system ] && systemctl is-active --quiet epmd.socket 2>/dev/null; then
  systemctl stop epmd.socket epmd.service 2>/dev/null || true
  systemctl disable --quiet epmd.socket 2>/dev/null || true
fi
# An epmd on the default port (started by a postinst, or left over): the tests start their own.
# Only the daemon that listens on 4369 is asked to stop; any other epmd is left alone.
if command -v epmd > /dev/null && epmd -names > /dev/null 2>&1; then
  epmd -kill > /dev/null 2>&1 || true
fi

for bin in /usr/sbin/rabbitmq-server /usr/sbin/rabbitmqctl /usr/bin/setpriv; do
  if [ ! -x "$bin" ]; then
    echo "rabbitmq-setup: $bin is missing after install" >&2
    exit 1
  fi
done
if ! getent passwd rabbitmq > /dev/null; then
  echo "rabbitmq-setup: the rabbitmq system user is missing after install" >&2
  exit 1
fi
echo "rabbitmq-setup: rabbitmq-server ready"
