#!/usr/bin/env bash
# The slots endpoint under load: one expert with three intervals a day and 700 busy
# intervals over the next 60 days (500 from a calendar, and 200 standing in for bookings
# until the booking lifecycle stores them: the engine merges both the same way), asked for
# a week (what the profile's picker asks) and for 60 days, at 64 connections. Against the
# release binary; wrk shares the two cores with the server.
# Usage: bench/slots.sh [ADMIN_POSTGRES_URL]   (default: SQLite in a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
port=18083
source bench/lib.sh

start_server() {
  env "${bench_env[@]}" target/release/mentora serve --addr 127.0.0.1:$port >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

env "${bench_env[@]}" target/release/mentora demo seed >/dev/null
start_server
api="http://127.0.0.1:$port/api/v1"
token=$(curl -sf -H 'content-type: application/json' \
  -d '{"email":"expert1@demo.mentora.test","password":"mentora-demo-pass"}' "$api/auth/login" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
weekly=$(for d in mon tue wed thu fri sat sun; do
  printf '{"weekday":"%s","start":"08:00","end":"11:00"},{"weekday":"%s","start":"12:00","end":"15:00"},{"weekday":"%s","start":"16:00","end":"19:00"},' "$d" "$d" "$d"
done)
curl -sf -X PUT -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"time_zone\":\"Europe/Madrid\",\"weekly\":[${weekly%,}],\"min_notice_minutes\":0,\"horizon_days\":60,\"buffer_after_minutes\":10,\"daily_cap\":8}" \
  "$api/experts/me/availability" >/dev/null
expert=$(curl -sf "$api/experts?q=Ana%20Garcia" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
stop_server

# 700 busy intervals of 45 minutes spread over the next 60 days, inserted as a calendar
# sync would leave them.
now=$(date +%s)
if [ -n "$bench_db" ]; then
  psql "$bench_url" -qc "INSERT INTO expert_busy_times (id, user_id, source, starts_at, ends_at)
    SELECT gen_random_uuid(), '$expert', 'bench', $now + i * 7405, $now + i * 7405 + 2700
    FROM generate_series(1, 700) AS i"
else
  python3 - "$data/mentora.db" "$expert" "$now" <<'PY'
import sqlite3, sys, uuid, os
db, expert, now = sys.argv[1], uuid.UUID(sys.argv[2]).bytes, int(sys.argv[3])
c = sqlite3.connect(db)
c.executemany(
    "INSERT INTO expert_busy_times (id, user_id, source, starts_at, ends_at) VALUES (?, ?, 'bench', ?, ?)",
    [(os.urandom(16), expert, now + i * 7405, now + i * 7405 + 2700) for i in range(1, 701)],
)
c.commit()
PY
fi
start_server

week_from=$(date -u -d '+1 day' +%Y-%m-%d); week_to=$(date -u -d '+8 days' +%Y-%m-%d)
long_to=$(date -u -d '+61 days' +%Y-%m-%d)
week="/api/v1/experts/$expert/slots?from=$week_from&to=$week_to&tz=America/New_York&duration=60"
long="/api/v1/experts/$expert/slots?from=$week_from&to=$long_to&tz=America/New_York&duration=60"
count() { curl -sf "http://127.0.0.1:$port$1" | grep -o '"start"' | wc -l; }
echo "slots: $(count "$week") in the week, $(count "$long") in 60 days"

bench_measure 64 "a week of slots (the profile's picker)" "$week"
bench_measure 64 "60 days of slots" "$long"
bench_measure 64 "the profile page with its picker (HTML)" "/experts/$expert?tz=America/New_York"
