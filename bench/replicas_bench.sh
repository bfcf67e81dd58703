#!/usr/bin/env bash
# The replicas benchmark (issue 13): the webhook path of one `netra serve` on SQLite against two replicas on one
# PostgreSQL 15, in one run on this machine, so the ratio compares like with like:
#   bench/replicas_bench.sh BUILD_DIR
# Starts on free 127.0.0.1 ports with temporary data: a fake Telegram Bot API, a throwaway PostgreSQL 15 (initdb +
# pg_ctl in a temporary directory, as the `postgres` account when run as root, fsync on as in production), one
# SQLite `netra serve`, and two PostgreSQL replicas sharing NETRA_SECRET. Drives POST /webhook/telegram with wrk
# (bench/wrk/post.lua, every update new): the SQLite server with all connections, the two replicas with half each
# at the same time (what a load balancer spreading requests does). Reports webhook requests/s and latency, and the
# replies delivered per second counting until the last reply arrived (on PostgreSQL a webhook's 200 waits for its
# turn's COMMIT; on SQLite it does not, so the end-to-end rate is the fair comparison). Bounded: about a minute;
# NETRA_BENCH_SECONDS sets each wrk run (default 10), NETRA_BENCH_CONNECTIONS the connections (default 32).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=$1
seconds=${NETRA_BENCH_SECONDS:-10}
connections=${NETRA_BENCH_CONNECTIONS:-32}
pg_bin=${NETRA_PG_BINDIR:-/usr/lib/postgresql/15/bin}
tmp=$(mktemp -d /tmp/netra-replicas-bench-XXXXXX)
pids=()
pg_started=""
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$tmp"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  # Only the script's own shell cleans up: bash may run the EXIT trap in the subshells of $(…) and `… &` too, and
  # one of those must not stop the servers under the benchmark's feet.
  [ "$BASHPID" = "$$" ] || return 0
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$pg_started" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for_line() {  # FILE SED-EXPR: waits up to 20 s for a matching line, prints the capture
  local file=$1 expr=$2 found=""
  for _ in $(seq 200); do
    found=$(sed -n "$expr" "$file" 2>/dev/null | head -1)
    [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 0.1
  done
  echo "replicas_bench: nothing matched in $file:" >&2
  cat "$file" >&2
  return 1
}

# --- PostgreSQL 15, fsync on (a benchmark of durable commits), on a free loopback port.
[ -x "$pg_bin/initdb" ] || { echo "replicas_bench: $pg_bin/initdb missing (scripts/setup installs postgresql-15)" >&2; exit 1; }
pg_port=$(free_port)
"${as_pg[@]}" "$pg_bin/initdb" -D "$tmp/pg" -U netra --auth=trust -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg.log" -w \
  -o "-p $pg_port -k $tmp -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
pg_started=1
database_url="postgresql://netra@127.0.0.1:$pg_port/postgres"

# --- the fake Bot API and the three servers.
"$build_dir/bench/netra_bench_fake_telegram" >"$tmp/fake.out" 2>&1 &
pids+=($!)
telegram_port=$(wait_for_line "$tmp/fake.out" 's/^port \([0-9]*\)$/\1/p')
"$build_dir/netra" index --knowledge knowledge --out "$tmp/knowledge.db" >/dev/null
secret=bench-webhook-secret
# Started from this shell, not inside $(…): the server would inherit the substitution's pipe (which then never
# ends) and its pid would not reach `pids`.
start_netra() {  # NAME [VAR=VALUE…]: a netra serve with its own data dir, logging to $tmp/NAME.log
  local name=$1
  shift
  env -i PATH="$PATH" HOME="${HOME:-/tmp}" NETRA_BIND=127.0.0.1 NETRA_PORT=0 NETRA_DATA_DIR="$tmp/$name" \
    NETRA_KNOWLEDGE="$tmp/knowledge.db" NETRA_KNOWLEDGE_DIR="$PWD/knowledge" \
    NETRA_TELEGRAM_TOKEN=123456:bench NETRA_TELEGRAM_SECRET=$secret \
    NETRA_TELEGRAM_API_BASE="http://127.0.0.1:$telegram_port" NETRA_DRAIN_SECONDS=2 \
    NETRA_SECRET=0123456789abcdef0123456789abcdef "$@" \
    "$build_dir/netra" serve >/dev/null 2>"$tmp/$name.log" &
  pids+=($!)
}
port_of() { wait_for_line "$tmp/$1.log" 's/.*event=started address=127\.0\.0\.1:\([0-9]*\) .*/\1/p'; }
start_netra sqlite
start_netra replica-a NETRA_DATABASE_URL="$database_url"
start_netra replica-b NETRA_DATABASE_URL="$database_url"
sqlite_port=$(port_of sqlite)
replica_a=$(port_of replica-a)
replica_b=$(port_of replica-b)

replies_so_far() { curl -fsS "http://127.0.0.1:$telegram_port/count"; }
# Waits until no reply arrived for a second (at most 60 s); prints the count.
settle() {
  local last=-1 now
  for _ in $(seq 60); do
    now=$(replies_so_far)
    [ "$now" = "$last" ] && break
    last=$now
    sleep 1
  done
  replies_so_far
}
drive() {  # PORT CONNECTIONS SECONDS RUN: one wrk run on the webhook (RUN keeps update ids apart); its WRK line
  NETRA_WRK_MODE=telegram NETRA_WRK_RUN=$4 NETRA_WRK_SECRET=$secret NETRA_WRK_QUESTIONS=tests/data/dev.jsonl \
    wrk -t2 -c"$2" -d"${3}s" --timeout 10s -s bench/wrk/post.lua "http://127.0.0.1:$1/webhook/telegram" | grep '^WRK '
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# Warm-up (not measured): page cache, pooled connections, prepared statements.
drive "$sqlite_port" 8 1 1 >/dev/null
drive "$replica_a" 4 1 2 >/dev/null
drive "$replica_b" 4 1 3 >/dev/null
settle >/dev/null

# --- SQLite, one server.
before=$(replies_so_far)
started=$(date +%s%N)
sqlite_line=$(drive "$sqlite_port" "$connections" "$seconds" 4)
after=$(settle)
sqlite_span=$(awk -v ns=$(( $(date +%s%N) - started )) 'BEGIN {printf "%.3f", ns / 1e9 - 1}')  # minus settle's last second
sqlite_replies=$((after - before))

# --- PostgreSQL, two replicas at once, half the connections each.
before=$(replies_so_far)
started=$(date +%s%N)
drive "$replica_a" $((connections / 2)) "$seconds" 5 >"$tmp/a.wrk" &
wrk_a=$!
drive "$replica_b" $((connections / 2)) "$seconds" 6 >"$tmp/b.wrk" &
wrk_b=$!
wait "$wrk_a" "$wrk_b"
after=$(settle)
pg_span=$(awk -v ns=$(( $(date +%s%N) - started )) 'BEGIN {printf "%.3f", ns / 1e9 - 1}')
pg_replies=$((after - before))
a_line=$(cat "$tmp/a.wrk")
b_line=$(cat "$tmp/b.wrk")

rate() { awk -v n="$1" -v s="$2" 'BEGIN {printf "%.0f", n / s}'; }
sqlite_rps=$(rate "$(field requests "$sqlite_line")" "$(field seconds "$sqlite_line")")
pg_rps=$(awk -v a="$(field requests "$a_line")" -v b="$(field requests "$b_line")" -v s="$(field seconds "$a_line")" \
  'BEGIN {printf "%.0f", (a + b) / s}')
pg_p99=$(awk -v a="$(field p99_ms "$a_line")" -v b="$(field p99_ms "$b_line")" 'BEGIN {print (a > b ? a : b)}')
pg_p50=$(awk -v a="$(field p50_ms "$a_line")" -v b="$(field p50_ms "$b_line")" 'BEGIN {print (a + b) / 2}')
sqlite_delivered=$(rate "$sqlite_replies" "$sqlite_span")
pg_delivered=$(rate "$pg_replies" "$pg_span")
errors=$(( $(field non2xx "$sqlite_line") + $(field non2xx "$a_line") + $(field non2xx "$b_line") ))

echo
echo "Webhook path, $connections connections, ${seconds} s each, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %14s %10s %10s %16s %10s\n' "setup" "webhooks/s" "p50 ms" "p99 ms" "replies/s (e2e)" "replies"
printf '%-28s %14s %10s %10s %16s %10s\n' "SQLite x1" "$sqlite_rps" "$(field p50_ms "$sqlite_line")" \
  "$(field p99_ms "$sqlite_line")" "$sqlite_delivered" "$sqlite_replies"
printf '%-28s %14s %10s %10s %16s %10s\n' "PostgreSQL x2 (one server)" "$pg_rps" "$pg_p50" "$pg_p99" \
  "$pg_delivered" "$pg_replies"
echo "ratio PostgreSQL x2 / SQLite x1: webhooks/s $(awk -v a="$pg_rps" -v b="$sqlite_rps" 'BEGIN {printf "%.2f", a / b}')," \
  "replies/s $(awk -v a="$pg_delivered" -v b="$sqlite_delivered" 'BEGIN {printf "%.2f", a / b}')"
echo "non-2xx answers: $errors"
grep -h "event=database_ready" "$tmp/replica-a.log" | head -1
