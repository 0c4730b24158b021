#!/usr/bin/env bash
# Installs the Debian packages Parc's tests and demo need (real agents, directories, sshd, netplan,
# the browser used to drive code-server). Idempotent; never starts the distribution's own services:
# tests start their own instances on 127.0.0.1 high ports.
set -euo pipefail
PKGS=(snmpd snmp snmpsim openssh-server openssh-client sshpass netplan.io slapd ldap-utils
      samba samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind krb5-user chromium ripgrep iproute2 procps psmisc
      postfix libsasl2-modules sasl2-bin
      build-essential python3 libkrb5-dev ca-certificates openssl sudo
      prometheus prometheus-snmp-exporter prometheus-alertmanager victoria-metrics)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then echo "install-deps: all Debian packages present"; exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "install-deps: missing ${missing[*]} and not root; install them with apt-get" >&2; exit 1; fi
# Keep package scripts from starting system daemons (snmpd on :161, slapd, samba, sshd).
policy=/usr/sbin/policy-rc.d; had_policy=0
[ -e "$policy" ] && had_policy=1
if [ $had_policy = 0 ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; fi
trap '[ $had_policy = 0 ] && rm -f "$policy"' EXIT
export DEBIAN_FRONTEND=noninteractive
# Postfix without a system configuration: the mail tests run their own instance (test/support/mta.ts).
echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections 2>/dev/null || true
apt-get update -qq || true
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: installed ${missing[*]}"
