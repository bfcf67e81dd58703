#!/usr/bin/env bash
# `cpack -G DEB` on the build tree: the package's name, files, control data, conffile and maintainer scripts; then
# the package unpacked into a scratch root (dpkg -x, no system change) and its binary run from there: it must find
# the knowledge it ships in <root>/usr/share/netra/knowledge, answer, serve, reload on SIGHUP and back up.
#   deb_package_test.sh BUILD_DIR SOURCE_DIR
# Exit 77 (skipped) without cpack or dpkg-deb.
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
for tool in cpack dpkg-deb curl; do
  command -v "$tool" >/dev/null || { echo "$tool not installed: skipped"; exit 77; }
done

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

version=$(sed -n 's/^project(netra VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb="$work/out/netra_${version}_amd64.deb"
[ -f "$deb" ] || { ls "$work/out"; cat "$work/cpack.log"; echo "FAIL: no $deb"; exit 1; }

# Files.
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's#^\./#/#' >"$work/files"
for path in /usr/bin/netra /lib/systemd/system/netra.service /etc/netra/netra.env \
            /usr/share/netra/knowledge/corpus/uu-7-2017.txt /usr/share/netra/knowledge/data/slang.txt \
            /usr/share/doc/netra/nginx-netra.conf /usr/share/doc/netra/deploying.md /usr/share/man/man1/netra.1.gz \
            /usr/share/netra/desk/templates/header.tpl /usr/share/netra/desk/templates/login.tpl \
            /usr/share/netra/desk/templates/list.tpl /usr/share/netra/desk/templates/report.tpl \
            /usr/share/netra/desk/templates/desk.css; do
  grep -qxF "$path" "$work/files" || fail "the package lacks $path"
done
grep -E '/usr/share/netra/knowledge/.*\.(cpp|h)$' "$work/files" && fail "source code in the shipped knowledge"
grep -E '^/(var|home|root|tmp)' "$work/files" && fail "the package ships state or build paths"

# Control data: dependencies from shlibdeps plus the run-time data, the conffile, the maintainer scripts.
dpkg-deb -f "$deb" Package Version Architecture Depends Description >"$work/control"
cat "$work/control"
grep -qx "Package: netra" "$work/control" || fail "package name"
grep -qx "Architecture: amd64" "$work/control" || fail "architecture"
grep -q '^ ;' "$work/control" && fail "the description holds a CMake list separator"
# TLS to the platforms goes through libcpp-httplib (which depends on libssl3); netra itself calls no OpenSSL
# function since its hashing moved to libsodium (bot/crypto.cpp), so libssl3 is no direct dependency.
for dependency in libc6 libstdc++6 libsqlite3-0 libcpp-httplib libsystemd0 libhunspell hunspell-id ca-certificates \
                  libsodium23 libctemplate3; do
  grep -q "^Depends:.*${dependency}" "$work/control" || fail "Depends lacks $dependency"
done
# CLI11, the argument parser, is header-only: needed to build, never at run time.
grep -qi 'cli11' "$work/control" && fail "Depends names CLI11, which is header-only"
dpkg-deb -e "$deb" "$work/control.d"
grep -qx "/etc/netra/netra.env" "$work/control.d/conffiles" || fail "/etc/netra/netra.env is not a conffile"
for script in postinst prerm postrm; do
  [ -x "$work/control.d/$script" ] || fail "no executable $script"
  sh -n "$work/control.d/$script" || fail "$script does not parse"
done

# Unpacked into a scratch root.
root="$work/root"
dpkg -x "$deb" "$root"
cmp -s "$root/lib/systemd/system/netra.service" "$source_dir/deploy/systemd/netra.service" ||
  fail "the packaged unit differs from deploy/systemd/netra.service"
cmp -s "$root/usr/share/doc/netra/nginx-netra.conf" "$source_dir/deploy/nginx/netra.conf" ||
  fail "the packaged nginx example differs from deploy/nginx/netra.conf"
if grep -vE '^[[:space:]]*(#|$)' "$root/etc/netra/netra.env"; then
  fail "netra.env sets values: every key must stay commented (no secrets in a package)"
fi
gzip -dc "$root/usr/share/man/man1/netra.1.gz" | grep -q '^\.SH NAME' || fail "the manual page does not read"
file "$root/usr/bin/netra" | grep -q 'stripped' || fail "the binary is not stripped"

netra=("env" "-i" "PATH=/usr/bin:/bin" "HOME=$work" "$root/usr/bin/netra")
"${netra[@]}" --version | grep -qx "netra $version" || fail "netra --version"
"${netra[@]}" reviewer add --help | grep -q "^Usage: netra reviewer add" || fail "netra reviewer add --help"
# No NETRA_KNOWLEDGE_DIR: the binary finds the corpus it ships, builds the index, answers.
(cd "$work" && "${netra[@]}" ask --json "pak, sy guru PNS, boleh gk like postingan caleg di IG?" \
  >"$work/answer.json" 2>"$work/ask.err") || { cat "$work/ask.err"; fail "netra ask from the package"; }
grep -q "from $root/usr/share/netra/knowledge" "$work/ask.err" || { cat "$work/ask.err"; fail "not the shipped knowledge"; }
grep -q '"verdict": "dilarang"' "$work/answer.json" || { cat "$work/answer.json"; fail "the packaged bot's answer"; }

# `netra serve` from the package on a free loopback port, state in a scratch dir (as in /var/lib/netra).
# NETRA_PORT=0: the kernel picks a free port; the start-up log says which.
env -i PATH=/usr/bin:/bin NETRA_PORT=0 NETRA_DATA_DIR="$work/state" "$root/usr/bin/netra" serve 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*event=started address=127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.log" | head -1)
  [ -n "$port" ] && curl -fsS -m 2 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
curl -fsS -m 5 "http://127.0.0.1:$port/healthz" | grep -q '"ok"' || { cat "$work/serve.log"; fail "serve /healthz"; }
# Bodies go to a file before grep: in `curl | grep -q` under pipefail, grep may exit at its first match while curl
# still writes, and curl's "Failed writing body" (23) fails the pipeline.
curl -fsS -m 10 "http://127.0.0.1:$port/api/v1/ask" -H 'Content-Type: application/json' \
  -d '{"question":"kades boleh hadir di deklarasi paslon?"}' >"$work/ask.json" || fail "serve /api/v1/ask"
grep -q '"citations"' "$work/ask.json" || fail "the answer of /api/v1/ask"
# The reviewer desk from the templates the package ships (no NETRA_DESK_TEMPLATES): the login form.
grep -q "event=desk path=/desk .*templates=$root/usr/share/netra/desk/templates" "$work/serve.log" ||
  { cat "$work/serve.log"; fail "the desk does not use the shipped templates"; }
curl -fsS -m 10 "http://127.0.0.1:$port/desk" >"$work/desk.html" || fail "serve /desk"
grep -q 'name="password"' "$work/desk.html" || { cat "$work/desk.html"; fail "the packaged desk's login form"; }
curl -fsS -m 10 "http://127.0.0.1:$port/desk/desk.css" >"$work/desk.css" || fail "serve /desk/desk.css"
grep -q '{' "$work/desk.css" || fail "the packaged desk's stylesheet"
kill -HUP "$server_pid"
for _ in $(seq 1 300); do grep -q 'event=knowledge_reloaded' "$work/serve.log" && break; sleep 0.1; done
grep -q 'event=knowledge_reloaded' "$work/serve.log" || { cat "$work/serve.log"; fail "SIGHUP reload"; }
"${netra[@]}" backup --data-dir "$work/state" "$work/backup" >"$work/backup.log" 2>&1 || { cat "$work/backup.log"; fail "backup"; }
[ -f "$work/backup/reports.db" ] || fail "backup lacks reports.db"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
[ "$status" -eq 0 ] || { cat "$work/serve.log"; fail "serve exited with $status after SIGTERM"; }

# An upgrade with dpkg into a scratch root (its own dpkg database; maintainer scripts run outside a chroot with
# DPKG_ROOT set, so deb-systemd-helper records the enablement inside the root and nothing touches this machine).
# The operator changed the conffile and so did the new version: --force-confold keeps the operator's (the new one
# lands as .dpkg-dist); the state in /var/lib/netra, which no package owns, is untouched; remove and purge keep it.
if [ "$(id -u)" -ne 0 ]; then
  echo "not root: the dpkg upgrade check is skipped"
else
  target="$work/target"
  mkdir -p "$target/var/lib/dpkg/info" "$target/var/lib/dpkg/updates" "$target/var/lib/netra"
  touch "$target/var/lib/dpkg/status"
  dpkg_in_target=(dpkg --root="$target" --force-script-chrootless --force-depends --force-confold)
  "${dpkg_in_target[@]}" -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i into a scratch root"; }
  [ -L "$target/etc/systemd/system/multi-user.target.wants/netra.service" ] || fail "postinst did not enable the unit"
  echo "NETRA_ADMIN_LABEL=ops-team" >>"$target/etc/netra/netra.env"
  cp "$work/state/reports.db" "$work/state/state.db" "$work/state/secret" "$target/var/lib/netra/"
  state_before=$(cd "$target/var/lib/netra" && sha256sum reports.db state.db secret)

  # The next version: same files, a new version number and a changed conffile.
  dpkg-deb -R "$deb" "$work/next"
  sed -i "s/^Version: .*/Version: ${version}+next1/" "$work/next/DEBIAN/control"
  echo "# a setting added by the next version" >>"$work/next/etc/netra/netra.env"
  dpkg-deb -b --root-owner-group "$work/next" "$work/netra_next.deb" >/dev/null
  "${dpkg_in_target[@]}" -i "$work/netra_next.deb" >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg upgrade"; }
  [ "$(dpkg --root="$target" -s netra | sed -n 's/^Version: //p')" = "${version}+next1" ] || fail "not upgraded"
  grep -qx "NETRA_ADMIN_LABEL=ops-team" "$target/etc/netra/netra.env" || fail "the upgrade replaced the operator's netra.env"
  grep -q "a setting added by the next version" "$target/etc/netra/netra.env.dpkg-dist" ||
    fail "the new netra.env was not left as netra.env.dpkg-dist"
  [ "$(cd "$target/var/lib/netra" && sha256sum reports.db state.db secret)" = "$state_before" ] || fail "the upgrade changed the state"

  "${dpkg_in_target[@]}" -r netra >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -r"; }
  [ ! -e "$target/usr/bin/netra" ] || fail "remove left the binary"
  grep -qx "NETRA_ADMIN_LABEL=ops-team" "$target/etc/netra/netra.env" || fail "remove deleted the conffile"
  "${dpkg_in_target[@]}" -P netra >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -P"; }
  [ ! -e "$target/etc/netra/netra.env" ] || fail "purge kept the conffile"
  [ "$(cd "$target/var/lib/netra" && sha256sum reports.db state.db secret)" = "$state_before" ] || fail "purge touched the state"
fi

[ "$failures" -eq 0 ] || exit 1
echo "$(basename "$deb"): contents, control data, the unpacked binary and an upgrade check out"
