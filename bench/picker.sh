#!/usr/bin/env bash
# What the slot picker costs on a profile: the month calendar marks the days with free
# times, so one slot search covers the week and the rest of its month (up to 38 days, not
# 7). The anonymous home page is the anchor in the same run; the htmx swap asks for the
# same page (it keeps only the picker). Demo data, 32 connections, the release binary (or
# BINARY=path for a before/after); wrk shares the two cores with the server.
# Usage: bench/picker.sh [ADMIN_POSTGRES_URL]   (default: SQLite in a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
port=18089
source bench/lib.sh

env "${bench_env[@]}" "$binary" serve --demo --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
bench_wait_ready
slug=$(curl -sf "http://127.0.0.1:$port/experts?q=Dalia" | sed -n 's/.*href="\/experts\/\([a-z0-9-]*\)".*/\1/p' | head -1)
[ -n "$slug" ] || { echo "no demo expert found" >&2; exit 1; }
# A week starting on the 1st of next month: its month is searched whole.
next_month=$(date -u -d "$(date -u +%Y-%m-01) +1 month" +%F)

bench_measure 32 "anchor: the anonymous home page" /
bench_measure 32 "a profile, this week (UTC)" "/experts/$slug"
bench_measure 32 "a profile, the week from the 1st of next month, in Tokyo" "/experts/$slug?tz=Asia/Tokyo&week=$next_month&duration=60"
