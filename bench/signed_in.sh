#!/usr/bin/env bash
# Signed-in pages against the anonymous home page in the same run (issue 23): the demo
# learner's cookie on `/`, "My sessions", their account profile and an expert's profile,
# and `GET /api/v1/me` with an access token; 32 connections, 15 s each, wrk sharing the two cores with the server.
# Usage: [BINARY=path] [REDIS_URL=redis://…] bench/signed_in.sh [ADMIN_POSTGRES_URL]
#   default: SQLite in a temporary folder. On PostgreSQL, signed-in viewers are kept only
#   with Redis (the way more instances run): pass REDIS_URL to measure that.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18083
source bench/lib.sh
[ -z "${REDIS_URL:-}" ] || bench_env+=(MENTORA_REDIS_URL="$REDIS_URL")

env "${bench_env[@]}" "$binary" serve --demo --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
bench_wait_ready
base="http://127.0.0.1:$port"

source bench/page_login.sh
session=$(page_login "$base")
[ -n "$session" ] || { echo "page login failed" >&2; exit 1; }
access=$(api_login "$base")
[ -n "$access" ] || { echo "API login failed" >&2; exit 1; }
slug=$(curl -sf "$base/experts?q=Aiko" | sed -n 's/.*href="\/experts\/\([a-z0-9-]*\)".*/\1/p' | head -1)
[ -n "$slug" ] || { echo "no demo expert found" >&2; exit 1; }

cookie=(-H "Cookie: mentora_session=$session")
# PERF_ONLY=path: only keeps the server busy on that signed-in page for 40 s (for `perf
# record -p` from another shell), measuring nothing.
if [ -n "${PERF_ONLY:-}" ]; then
  echo "server pid $pid"
  wrk -t2 -c32 -d40s "${cookie[@]}" "$base$PERF_ONLY" | grep Requests/sec
  exit 0
fi
# Signed in for real: else `/` would be the anonymous page and `/sessions` a redirect.
[ "$(curl -s -o /dev/null -w '%{http_code}' "${cookie[@]}" "$base/sessions")" = 200 ] \
  || { echo "the page cookie does not sign in" >&2; exit 1; }
echo "| GET | req/s | p50 | p99 | non-2xx | vs anchor |"
echo "|---|---|---|---|---|---|"
bench_row 32 "\`/\` anonymous (anchor)" /; anchor=$bench_rate; echo " |"
ratio() { awk -v a="$bench_rate" -v b="$anchor" 'BEGIN {printf " %.2f × |\n", a / b}'; }
bench_row 32 "\`/\` signed in" / "${cookie[@]}"; ratio
bench_row 32 "\`/sessions\` (My sessions)" /sessions "${cookie[@]}"; ratio
# "My sessions" opens on upcoming sessions, none for the demo learner; her past ones are three.
bench_row 32 "\`/sessions?tab=past\` (three sessions)" "/sessions?tab=past" "${cookie[@]}"; ratio
bench_row 32 "\`/account/profile\`" /account/profile "${cookie[@]}"; ratio
bench_row 32 "\`/experts/$slug\` signed in" "/experts/$slug" "${cookie[@]}"; ratio
bench_row 32 "\`/experts/$slug\` anonymous" "/experts/$slug"; ratio
bench_row 32 "\`/api/v1/me\` (bearer)" /api/v1/me -H "Authorization: Bearer $access"; ratio
