#!/usr/bin/env bash
# What the learning record costs where it is read most: a profile page now carries the
# expert's rating spread and newest reviews (three more statements, uncached), next to the
# anonymous home page as the anchor in the same run; the public reviews API; and the
# directory's rating order. Demo data (Aiko Suzuki has reviews), 32 connections, against
# the release binary; wrk shares the two cores with the server.
# Usage: bench/learning.sh [ADMIN_POSTGRES_URL]   (default: SQLite in a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
port=18087
source bench/lib.sh

env "${bench_env[@]}" target/release/mentora serve --demo --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
slug_of() { curl -sf "http://127.0.0.1:$port/experts?q=$1" | sed -n 's/.*href="\/experts\/\([a-z0-9-]*\)".*/\1/p' | head -1; }
slug=$(slug_of Aiko)         # 11 reviews
plain=$(slug_of Dalia)       # no reviews: the same page less the reviews' reads
[ -n "$slug" ] && [ -n "$plain" ] || { echo "no demo expert found" >&2; exit 1; }

bench_measure 32 "anchor: the anonymous home page" /
bench_measure 32 "a profile without reviews (HTML)" "/experts/$plain"
bench_measure 32 "a profile with its reviews (HTML)" "/experts/$slug"
bench_measure 32 "the reviews API, newest first" "/api/v1/experts/$slug/reviews"
bench_measure 32 "the reviews API, most helpful first" "/api/v1/experts/$slug/reviews?order=helpful"
bench_measure 32 "the directory by rating (its result cache warm)" "/experts?sort=rating"
