#!/usr/bin/env bash
# Accounts under load, against the release binary: password logins per second (argon2id
# bound), and an authenticated API request (JWT check + account load) next to the same
# route refused without a token and to the DB-free liveness probe.
# Usage: bench/auth.sh [ADMIN_POSTGRES_URL]   (SQLite in a temporary folder by default)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
port=18082
data=$(mktemp -d)
# Lift the per-address limits: every request comes from 127.0.0.1 here.
env=(MENTORA_DATA_DIR="$data" MENTORA_LOG_LEVEL=warn MENTORA_RATE_LIMIT_SCALE=1000)
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
  kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$script"
  [ -z "$bench_db" ] || psql "$1" -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)"
}
script=$(mktemp --suffix=.lua)
trap 'cleanup "${1:-}"' EXIT
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done

cat > "$script" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"learner@demo.mentora.test","password":"mentora-demo-pass"}'
LUA
echo "== logins: POST /api/v1/auth/login, 8 connections, 20 s"
wrk -t2 -c8 -d20s --latency -s "$script" "http://127.0.0.1:$port/api/v1/auth/login" \
  | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors"

token=$(curl -s -H 'content-type: application/json' \
  -d '{"email":"learner@demo.mentora.test","password":"mentora-demo-pass"}' \
  "http://127.0.0.1:$port/api/v1/auth/login" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "login failed" >&2; exit 1; }
measure() { # label, path, extra wrk args...
  local label=$1 path=$2; shift 2
  echo "== $label: GET $path, 64 connections, 20 s (after 5 s warm-up)"
  wrk -t2 -c64 -d5s "$@" "http://127.0.0.1:$port$path" >/dev/null
  wrk -t2 -c64 -d20s --latency "$@" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors"
}
measure "authenticated (bearer token)" /api/v1/me -H "Authorization: Bearer $token"
measure "anonymous, refused with 401" /api/v1/me
measure "liveness, no auth at all" /healthz
