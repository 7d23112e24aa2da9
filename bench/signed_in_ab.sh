#!/usr/bin/env bash
# Two builds on the same signed-in pages, one server at a time, in alternating rounds
# (issue 23): on a shared two-core machine the rate of one page moves by a third between
# runs minutes apart, so a before/after taken as two whole runs says little. Each round
# starts each build on a fresh demo (SQLite, or PostgreSQL with POSTGRES), signs the demo
# learner in and measures every path for 6 s at 32 connections; the means per build and
# path come last.
# Usage: BEFORE=path/to/old/mentora [AFTER=target/release/mentora] [ROUNDS=4]
#          [POSTGRES=admin-url REDIS_URL=redis://…] bench/signed_in_ab.sh [PATH...]
#   default paths: / (anonymous), /sessions?tab=past and /account/profile (signed in);
#   a path under /api/ is asked with the learner's access token
#   POSTGRES: each round's servers run on a fresh database of their own made through that
#   URL (postgres://user@host:port/database; dropped after), with Redis when REDIS_URL is
#   given (PostgreSQL keeps signed-in viewers only with Redis, as more instances run).
#   Redis is not flushed: it may be shared, and the rate limits it keeps are lifted here.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
[ -n "${BEFORE:-}" ] || { echo "BEFORE=path to the older build's binary" >&2; exit 1; }
if [ -n "${POSTGRES:-}" ]; then
  command -v psql >/dev/null || { echo "POSTGRES needs psql" >&2; exit 1; }
  [[ "${POSTGRES%%\?*}" =~ ^postgres(ql)?://[^/]+/[^/]+$ ]] \
    || { echo "POSTGRES=postgres://user@host:port/database (with the database)" >&2; exit 1; }
fi
after="${AFTER:-target/release/mentora}"
rounds="${ROUNDS:-4}"
port=18086
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/ "/sessions?tab=past" /account/profile)
base="http://127.0.0.1:$port"
source bench/page_login.sh
pid=""
data=""
database=""
stop() {
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  [ -z "$data" ] || rm -rf "$data"
  # The server has stopped: nothing holds the database. A drop that fails leaves it behind
  # with a warning rather than ending the run.
  [ -z "$database" ] || psql "$POSTGRES" -qc "DROP DATABASE IF EXISTS $database" \
    || echo "warning: database $database was not dropped" >&2
  pid=""
  data=""
  database=""
}
trap stop EXIT

# serve BINARY: a fresh demo on $port, the learner's page cookie in $session and, when a
# path is under /api/, her access token in $access.
serve() {
  data=$(mktemp -d)
  local url="sqlite://$data/mentora.db" redis=()
  if [ -n "${POSTGRES:-}" ]; then
    database="mentora_ab_$$"
    psql "$POSTGRES" -qc "CREATE DATABASE $database"
    local admin="${POSTGRES%%\?*}"
    url="${admin%/*}/$database${POSTGRES#"$admin"}"
    [ -z "${REDIS_URL:-}" ] || redis=(MENTORA_REDIS_URL="$REDIS_URL")
  fi
  env -u DATABASE_URL -u REDIS_URL -u MENTORA_REDIS_URL -u MENTORA_DATABASE_URL \
    MENTORA_DATA_DIR="$data" MENTORA_LOG_LEVEL=warn MENTORA_RATE_LIMIT_SCALE=1000 \
    DATABASE_URL="$url" "${redis[@]}" "$1" serve --demo --addr 127.0.0.1:$port >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1200); do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped (port $port taken?)" >&2; exit 1; }
    curl -sf "$base/readyz" >/dev/null && break
    sleep 0.05
  done
  session=$(page_login "$base")
  [ -n "$session" ] || { echo "page login failed" >&2; exit 1; }
  access=""
  [[ " ${paths[*]} " == *" /api/"* ]] || return 0
  access=$(api_login "$base")
  [ -n "$access" ] || { echo "API login failed" >&2; exit 1; }
}

results=$(mktemp)
for round in $(seq "$rounds"); do
  for build in before after; do
    binary=$BEFORE
    [ "$build" = before ] || binary=$after
    serve "$binary"
    for path in "${paths[@]}"; do
      # `/` is measured anonymous (the anchor of the issue's ratios); the rest signed in:
      # the API with the learner's access token, pages with her cookie.
      cookie=()
      case "$path" in
        /) ;;
        /api/*) cookie=(-H "Authorization: Bearer $access") ;;
        *) cookie=(-H "Cookie: mentora_session=$session") ;;
      esac
      wrk -t2 -c32 -d2s "${cookie[@]}" "$base$path" >/dev/null
      rate=$(wrk -t2 -c32 -d6s "${cookie[@]}" "$base$path" | awk '/Requests\/sec/ {printf "%d", $2}')
      echo "$round $build $path $rate" | tee -a "$results" >&2
    done
    stop
  done
done
# Each build's mean per path, the ratio between builds, and (when `/` was measured) each
# build's ratio to its own anonymous home page.
echo "| GET | before (mean req/s) | after | after ÷ before | before ÷ \`/\` | after ÷ \`/\` |"
echo "|---|---|---|---|---|---|"
for path in "${paths[@]}"; do
  awk -v p="$path" '{ sum[$2 " " $3] += $4; n[$2 " " $3]++ }
    END { b = sum["before " p] / n["before " p]; a = sum["after " p] / n["after " p];
          hb = n["before /"] ? sum["before /"] / n["before /"] : 0;
          ha = n["after /"] ? sum["after /"] / n["after /"] : 0;
          printf "| `%s` | %d | %d | %.2f × | %s | %s |\n", p, b, a, a / b,
            hb ? sprintf("%.2f ×", b / hb) : "—", ha ? sprintf("%.2f ×", a / ha) : "—" }' "$results"
done
rm -f "$results"
