#!/usr/bin/env bash
# Sustained booking creation over HTTP, next to pgbench (TPC-B) on the same machine and
# the same PostgreSQL, run the same way: 8 clients, 2 threads, 30 s.
#
# The 30 demo experts open around the clock (UTC, hour-long sessions on the hour, a year
# ahead) and book each other: request i has expert (i+1) mod 30 hold hour i/30 with expert
# i mod 30 as the learner, so every request asks for a distinct free slot and no learner
# ever overlaps themself. Every answer must be 201. Against the release binary; wrk,
# pgbench and PostgreSQL share the two cores with the server.
# Usage: bench/bookings.sh ADMIN_POSTGRES_URL   (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${1:-}" ] || { echo "usage: $0 ADMIN_POSTGRES_URL" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "install pgbench: apt-get install postgresql-contrib" >&2; exit 1; }
port=18085
source bench/lib.sh
# Each demo learner places over a thousand unpaid holds here: lift the per-learner cap.
bench_env+=(MENTORA_BOOKING_MAX_HOLDS=1000000)

env "${bench_env[@]}" target/release/mentora demo seed >/dev/null
env "${bench_env[@]}" target/release/mentora serve --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
api="http://127.0.0.1:$port/api/v1"

weekly=$(for d in mon tue wed thu fri sat sun; do printf '{"weekday":"%s","start":"00:00","end":"24:00"},' "$d"; done)
rules="{\"time_zone\":\"UTC\",\"weekly\":[${weekly%,}],\"min_notice_minutes\":0,\"horizon_days\":365,\"durations\":[60],\"slot_step_minutes\":60}"
tokens=(); experts=()
for n in $(seq 1 30); do
  token=$(curl -sf -H 'content-type: application/json' \
    -d "{\"email\":\"expert$n@demo.mentora.test\",\"password\":\"mentora-demo-pass\"}" "$api/auth/login" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  curl -sf -X PUT -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d "$rules" "$api/experts/me/availability" >/dev/null
  id=$(curl -sf -H "authorization: Bearer $token" "$api/me" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
  tokens+=("$token"); experts+=("$id")
done
first_hour=$(( ($(date +%s) / 3600 + 2) * 3600 ))

lua=$(mktemp --suffix .lua)
{
  echo "tokens = {"; printf '"%s",\n' "${tokens[@]}"; echo "}"
  echo "experts = {"; printf '"%s",\n' "${experts[@]}"; echo "}"
  cat <<LUA
first_hour = $first_hour
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  n = 0
  wrk.method = "POST"
end
function request()
  local i = n * 2 + id
  n = n + 1
  local learner = i % 30
  local expert = (i + 1) % 30
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", first_hour + math.floor(i / 30) * 3600)
  wrk.headers["authorization"] = "Bearer " .. tokens[learner + 1]
  wrk.headers["content-type"] = "application/json"
  local body = '{"expert_id":"' .. experts[expert + 1] .. '","start":"' .. start .. '","duration_minutes":60}'
  return wrk.format(nil, "/api/v1/bookings", nil, body)
end
LUA
} >"$lua"

echo "== booking holds over HTTP: 8 connections, 2 threads, 30 s, distinct free slots"
wrk -t2 -c8 -d30s --latency -s "$lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors|requests in"
held=$(psql "$bench_url" -Atc "SELECT count(*) FROM bookings WHERE status = 'held'")
echo "holds stored: $held"
rm -f "$lua"

echo "== pgbench TPC-B: 8 clients, 2 threads, 30 s (scale 10)"
psql "$bench_admin_url" -qc "CREATE DATABASE ${bench_db}_tpcb"
base="${bench_admin_url%%\?*}"; query="${bench_admin_url#"$base"}"
tpcb="${base%/*}/${bench_db}_tpcb$query"
pgbench -q -i -s 10 "$tpcb" >/dev/null 2>&1
pgbench -c 8 -j 2 -T 30 "$tpcb" 2>/dev/null | grep -E "^tps|latency average"
psql "$bench_admin_url" -qc "DROP DATABASE IF EXISTS ${bench_db}_tpcb WITH (FORCE)"
