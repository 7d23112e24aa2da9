#!/usr/bin/env bash
# Home page throughput and latency at 64 connections with wrk, against the release binary.
# Usage: [MENTORA_LOG_LEVEL=warn] bench/http.sh [DATABASE_URL]   (default: SQLite, info logs)
# wrk runs on the same machine as the server: both share its cores.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
port=18081
data=$(mktemp -d)
env=(MENTORA_DATA_DIR="$data" MENTORA_LOG_LEVEL="${MENTORA_LOG_LEVEL:-info}")
[ -n "${1:-}" ] && env+=(DATABASE_URL="$1")
env "${env[@]}" target/release/mentora serve --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done

for path in / /healthz; do
  echo "== GET $path, 64 connections, 2 threads, 20 s (after 5 s warm-up)"
  wrk -t2 -c64 -d5s "http://127.0.0.1:$port$path" >/dev/null
  wrk -t2 -c64 -d20s --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors"
done
