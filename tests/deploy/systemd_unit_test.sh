#!/usr/bin/env bash
# deploy/systemd/netra.service: `systemd-analyze verify` passes, the contract's settings are there, and the unit's
# exposure score (`systemd-analyze security --offline`) stays at most 2.0 ("OK"; docs/deploying.md has the table).
#   systemd_unit_test.sh UNIT NETRA_BINARY
# verify checks that ExecStart's program exists. Unless the package is installed (/usr/bin/netra), it runs on a copy
# whose ExecStart names the freshly built binary instead; the package test checks the packaged unit is this file.
# Exit 77 (skipped) without systemd-analyze.
set -euo pipefail
unit=$1
binary=$2
command -v systemd-analyze >/dev/null || { echo "systemd-analyze not installed: skipped"; exit 77; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for setting in 'Type=notify' 'WatchdogSec=' 'DynamicUser=yes' 'StateDirectory=netra' \
               'EnvironmentFile=-/etc/netra/netra.env' 'ProtectSystem=strict' 'NoNewPrivileges=yes' \
               'ExecStart=/usr/bin/netra serve' 'ExecReload=/bin/kill -HUP $MAINPID'; do
  grep -qxF -- "$setting" "$unit" || grep -q -- "^${setting}" "$unit" || fail "the unit lacks $setting"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -x /usr/bin/netra ]; then
  checked=$unit
else
  checked=$work/netra.service
  sed "s#^ExecStart=/usr/bin/netra #ExecStart=$binary #" "$unit" >"$checked"
fi
if ! systemd-analyze verify "$checked" >"$work/verify.log" 2>&1; then
  cat "$work/verify.log"
  fail "systemd-analyze verify $checked"
fi
if [ -s "$work/verify.log" ]; then
  echo "systemd-analyze verify printed:"
  cat "$work/verify.log"
  fail "verify is not silent"
fi

systemd-analyze security --offline=yes "$checked" >"$work/security.log" 2>&1 || true
score=$(sed -n 's/.*Overall exposure level for netra.service: \([0-9.]*\).*/\1/p' "$work/security.log")
echo "systemd-analyze security: exposure ${score:-unknown}"
if [ -z "$score" ]; then
  cat "$work/security.log"
  fail "no exposure score"
elif ! awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
  grep '✗' "$work/security.log" || true
  fail "exposure $score is above 2.0"
fi

[ "$failures" -eq 0 ] || exit 1
echo "the unit verifies"
