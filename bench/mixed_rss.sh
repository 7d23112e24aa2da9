#!/usr/bin/env bash
# Memory after a minute of mixed traffic (issue 23): 10,000 experts, then 60 s at 32
# connections of the anonymous home page, directory pages and API searches that never
# repeat (each fills the result cache), and profiles; the server's resident memory is read
# from /proc before, right after, and 3 s after (once the allocator has handed back the
# pages freed in the last second). RssAnon is the process's own memory; RssFile counts
# mapped files (mostly the binary's own code: 32–37 MiB, moving a few MiB between runs).
# Usage: [BINARY=path] [EXPERTS=N] bench/mixed_rss.sh [ADMIN_POSTGRES_URL]
set -euo pipefail
cd "$(dirname "$0")/.."
port=18086
experts=${EXPERTS:-10000}
source bench/lib.sh

bench_serve_experts "$experts"
memory() { awk '/^(VmRSS|RssAnon|RssFile)/ {printf "%s %.1f MiB  ", $1, $2 / 1024} END {print ""}' "/proc/$pid/status"; }
echo "idle:  $(memory)"

paths=$(mktemp)
trap 'rm -f "$paths"; bench_cleanup' EXIT
{
  echo "/"
  for word in rust python guitar design data music math spanish systems cloud; do
    echo "/experts?q=$word&max_price="
    echo "/api/v1/experts?q=$word&currency=USD&max_price="
  done
  echo "/api/v1/experts?sort=price&currency=EUR&min_price="
  echo "/experts?sort=rating"
  curl -s "http://127.0.0.1:$port/api/v1/experts?limit=50" \
    | grep -o '"slug":"[^"]*"' | sed 's/"slug":"\(.*\)"/\/experts\/\1/'
} > "$paths"
echo "$(wc -l < "$paths") paths"
MIXED_PATHS="$paths" wrk -t2 -c32 -d60s -s bench/mixed.lua "http://127.0.0.1:$port/" \
  | grep -E "Requests/sec|Non-2xx|Socket errors"
echo "after: $(memory)"
# The allocator hands pages freed in the last second back a moment later (crates/mentora/src/allocator.rs).
sleep 3
echo "3 s later: $(memory)"
curl -s "http://127.0.0.1:$port/metrics" | grep -E "^directory_cache_bytes" || true
