#!/usr/bin/env bash
# Directory search with 10,000 bookable experts: p50/p99 and req/s at 32 connections, for
# the queries learners make (first page, text search, filters with a price sort, a later
# page by cursor). Against the release binary.
# Usage: bench/directory.sh [ADMIN_POSTGRES_URL]   (default: SQLite in a temporary folder)
# EXPERTS=N changes the number of generated experts. wrk shares the two cores with the server.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
port=18082
experts=${EXPERTS:-10000}
data=$(mktemp -d)
env=(MENTORA_DATA_DIR="$data" MENTORA_LOG_LEVEL=warn)
bench_db=""
if [ -n "${1:-}" ]; then
  bench_db="mentora_bench_$$"
  psql "$1" -qc "CREATE DATABASE $bench_db"
  base="${1%%\?*}"; query="${1#"$base"}"
  bench_url="${base%/*}/$bench_db$query"
  env+=(DATABASE_URL="$bench_url")
fi
pid=""
cleanup() {
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  rm -rf "$data"
  [ -z "$bench_db" ] || psql "$1" -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)"
}
trap 'cleanup "${1:-}"' EXIT

env "${env[@]}" target/release/mentora demo seed --synthetic-experts "$experts" | grep Added
# After a bulk load, statistics and the visibility map first (PostgreSQL's advice; else
# autovacuum does it in the middle of the measurements).
[ -z "$bench_db" ] || psql "$bench_url" -qc "VACUUM ANALYZE"
env "${env[@]}" target/release/mentora serve --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
api="http://127.0.0.1:$port/api/v1/experts"
cursor=$(curl -s "$api?sort=price&currency=EUR" | sed -n 's/.*"next_cursor":"\([^"]*\)".*/\1/p')
[ -n "$cursor" ] || { echo "no second page" >&2; exit 1; }

measure() { # label, path
  echo "== $1: GET $2, 32 connections, 2 threads, 15 s (after 3 s warm-up)"
  wrk -t2 -c32 -d3s "http://127.0.0.1:$port$2" >/dev/null
  wrk -t2 -c32 -d15s --latency "http://127.0.0.1:$port$2" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}
measure "first page, best rated" "/api/v1/experts"
measure "text search, two words" "/api/v1/experts?q=rust%20systems"
measure "specialty + language + price range in EUR, by price" "/api/v1/experts?specialty=python&language=es&min_price=20&max_price=80&currency=EUR&sort=price"
measure "available this week, soonest first" "/api/v1/experts?available=1&sort=soonest"
measure "page 2 by cursor" "/api/v1/experts?sort=price&currency=EUR&cursor=$cursor"
measure "the directory page (HTML)" "/experts?q=guitar"
