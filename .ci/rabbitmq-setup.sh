#!/usr/bin/env bash
# Installs Debian's RabbitMQ server, which the messaging end-to-end test runs as a plain child process
# on free loopback ports. Installs only what is missing; leaves no system service (nor epmd) running.
set -euo pipefail

PACKAGES=(rabbitmq-server)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "rabbitmq-setup: installing ${missing[*]}"
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
