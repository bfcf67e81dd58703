#!/usr/bin/env bash
# scripts/check-layering on small scratch trees: a clean tree passes, and each kind of violation fails it — so the
# lint test on the real tree cannot pass merely because the check looks at nothing.
#   tests/lint/check_layering_test.sh PATH/TO/scripts/check-layering
set -euo pipefail
check=$1
scratch=$(mktemp -d /tmp/netra-layering-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
failures=0

# A tree that keeps every rule.
clean_tree() {
  rm -rf "$scratch/tree"
  mkdir -p "$scratch/tree/bot" "$scratch/tree/knowledge" "$scratch/tree/adapters/http"
  printf '#include "knowledge/index.h"\n' >"$scratch/tree/bot/answer.cpp"
  printf '#include <string>\n' >"$scratch/tree/knowledge/index.h"
  printf '#include <httplib.h>\n#include "bot/answer.h"\n' >"$scratch/tree/adapters/http/http_server.cpp"
}

expect() {
  local want=$1 name=$2 got=0
  "$check" "$scratch/tree" >/dev/null 2>&1 || got=$?
  if { [ "$want" = pass ] && [ "$got" -ne 0 ]; } || { [ "$want" = fail ] && [ "$got" -eq 0 ]; }; then
    echo "FAILED: $name (expected the check to $want, exit $got)" >&2
    failures=$((failures + 1))
  else
    echo "ok: $name"
  fi
}

clean_tree
expect pass "a tree that keeps the rules passes"

clean_tree
printf '#include "adapters/channels/channel.h"\n' >>"$scratch/tree/bot/answer.cpp"
expect fail "bot/ including adapters/ fails"

clean_tree
printf '#include "bot/answer.h"\n' >>"$scratch/tree/knowledge/index.h"
expect fail "knowledge/ including bot/ fails"

clean_tree
printf '  #  include <adapters/app/config.h>\n' >>"$scratch/tree/knowledge/index.h"
expect fail "knowledge/ including adapters/ fails, however the include is spaced"

clean_tree
printf '#include <httplib.h>\n' >>"$scratch/tree/bot/answer.cpp"
expect fail "httplib.h outside adapters/ fails"

clean_tree
seq 1 401 | sed 's#^#// line #' >"$scratch/tree/adapters/http/long.cpp"
expect fail "a 401-line file fails"

clean_tree
seq 1 400 | sed 's#^#// line #' >"$scratch/tree/adapters/http/long.cpp"
expect pass "a 400-line file passes"

[ "$failures" -eq 0 ]
