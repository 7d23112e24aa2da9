#!/usr/bin/env bash
# Directory search with 10,000 bookable experts: p50/p99 and req/s at 32 connections, for
# the queries learners make (first page, text search, filters with a price sort, a later
# page by cursor). Against the release binary.
# Usage: [BINARY=path] [ONLY_SEARCH=1] bench/directory.sh [ADMIN_POSTGRES_URL]
#   default: SQLite in a temporary folder. ONLY_SEARCH=1 measures only the first-time text
#   search and its anchor, the same SQL run raw (pgbench, or bench/search_raw_sqlite.py).
# EXPERTS=N changes the number of generated experts. wrk shares the two cores with the server.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18082
experts=${EXPERTS:-10000}
source bench/lib.sh

bench_serve_experts "$experts"
api="http://127.0.0.1:$port/api/v1/experts"
cursor=$(curl -s "$api?sort=price&currency=EUR" | sed -n 's/.*"next_cursor":"\([^"]*\)".*/\1/p')
[ -n "$cursor" ] || { echo "no second page" >&2; exit 1; }

# The first-time search against its anchor, the same SQL run raw. The search has a price
# ceiling above every price, different on each request: the same matches to rank, never
# the same query, so every request misses the result cache.
echo "== anchor: the search's SQL, raw, 32 clients, 15 s"
if [ -n "$bench_db" ]; then
  pgbench -n -M prepared -c 32 -j 2 -T 15 -f bench/search_raw_postgres.sql "$bench_url" | grep -E "tps|latency"
else
  python3 bench/search_raw_sqlite.py "$data/mentora.db" 15 32
fi
bench_measure 32 "text search, a new query each time (cache misses)" "/api/v1/experts?q=rust%20systems" bench/distinct-queries.lua
[ -z "${ONLY_SEARCH:-}" ] || exit 0
bench_measure 32 "first page, best rated" "/api/v1/experts"
bench_measure 32 "text search, two words" "/api/v1/experts?q=rust%20systems"
bench_measure 32 "specialty + language + price range in EUR, by price" "/api/v1/experts?specialty=python&language=es&min_price=20&max_price=80&currency=EUR&sort=price"
bench_measure 32 "available this week, soonest first" "/api/v1/experts?available=1&sort=soonest"
bench_measure 32 "page 2 by cursor" "/api/v1/experts?sort=price&currency=EUR&cursor=$cursor"
bench_measure 32 "the directory page (HTML)" "/experts?q=guitar"
