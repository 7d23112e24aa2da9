#!/usr/bin/env bash
# Home page throughput and latency at 64 connections with wrk, against the release binary.
# Usage: [MENTORA_LOG_LEVEL=warn] bench/http.sh [ADMIN_POSTGRES_URL]
#   default: SQLite in a temporary folder, info logs; with a PostgreSQL URL, a fresh database
#   is created from it for the run and dropped after.
# wrk runs on the same machine as the server: both share its cores.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
port=18081
data=$(mktemp -d)
env=(MENTORA_DATA_DIR="$data" MENTORA_LOG_LEVEL="${MENTORA_LOG_LEVEL:-info}")
bench_db=""
if [ -n "${1:-}" ]; then
  bench_db="mentora_bench_$$"
  psql "$1" -qc "CREATE DATABASE $bench_db"
  base="${1%%\?*}"; query="${1#"$base"}"
  env+=(DATABASE_URL="${base%/*}/$bench_db$query")
fi
env "${env[@]}" target/release/mentora serve --demo --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
cleanup() {
  kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"
  [ -z "$bench_db" ] || psql "$1" -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)"
}
trap 'cleanup "${1:-}"' EXIT
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done

measure() { # label, path, extra wrk args...
  local label=$1 path=$2; shift 2
  echo "== $label: GET $path, 64 connections, 2 threads, 20 s (after 5 s warm-up)"
  wrk -t2 -c64 -d5s "$@" "http://127.0.0.1:$port$path" >/dev/null
  wrk -t2 -c64 -d20s --latency "$@" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors"
}
measure "anonymous first visit (no cookies)" /
measure "liveness" /healthz

# Log in as the demo learner like a browser: fetch the form's CSRF token, post the form.
jar=$(mktemp)
token=$(curl -s -c "$jar" "http://127.0.0.1:$port/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null \
  --data-urlencode "csrf=$token" --data-urlencode "email=learner@demo.mentora.test" \
  --data-urlencode "password=mentora-demo-pass" "http://127.0.0.1:$port/login"
session=$(awk '$6 == "mentora_session" {print $7}' "$jar")
rm -f "$jar"
[ -n "$session" ] || { echo "login failed" >&2; exit 1; }
measure "logged in (session lookup per request)" / -H "Cookie: mentora_session=$session"
