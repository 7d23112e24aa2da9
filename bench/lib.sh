# Shared by the bench scripts (sourced): a temporary data folder, and with an admin
# PostgreSQL URL as $1 a database of the bench's own; `bench_env` is the server's
# environment; `bench_cleanup` stops `$pid` and removes what was made.
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
# Only what the bench says configures the server: no ./mentora.toml, no database or Redis
# from the caller's environment.
[ ! -e mentora.toml ] || { echo "bench: ./mentora.toml would configure the server; move it away" >&2; exit 1; }
data=$(mktemp -d)
# Lift the per-address limits: every request comes from 127.0.0.1 here.
bench_env=(-u DATABASE_URL -u REDIS_URL -u MENTORA_REDIS_URL -u MENTORA_DATABASE_URL
  MENTORA_DATA_DIR="$data" MENTORA_LOG_LEVEL=warn MENTORA_RATE_LIMIT_SCALE=1000)
bench_admin_url="${1:-}"
bench_db=""
bench_url=""
if [ -n "$bench_admin_url" ]; then
  bench_db="mentora_bench_$$"
  psql "$bench_admin_url" -qc "CREATE DATABASE $bench_db"
  base="${bench_admin_url%%\?*}"; query="${bench_admin_url#"$base"}"
  bench_url="${base%/*}/$bench_db$query"
  bench_env+=(DATABASE_URL="$bench_url")
else
  bench_env+=(DATABASE_URL="sqlite://$data/mentora.db")
fi
pid=""
bench_cleanup() {
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  rm -rf "$data"
  [ -z "$bench_db" ] || psql "$bench_admin_url" -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)"
}
trap bench_cleanup EXIT

# The build measured: BINARY=path runs another (an older build, for a before/after).
binary="${BINARY:-target/release/mentora}"

# bench_serve_experts N: seeds N generated experts, then serves them on $port (the
# server's pid in $pid).
bench_serve_experts() {
  env "${bench_env[@]}" "$binary" demo seed --synthetic-experts "$1" | grep Added
  # After a bulk load, statistics and the visibility map first (PostgreSQL's advice; else
  # autovacuum does it in the middle of the measurements).
  [ -z "$bench_db" ] || psql "$bench_url" -qc "VACUUM ANALYZE"
  env "${bench_env[@]}" "$binary" serve --addr 127.0.0.1:$port >/dev/null 2>&1 &
  pid=$!
  bench_wait_ready
}

# bench_wait_ready: until the server ($pid on $port) answers; fails if it died or takes
# over a minute.
bench_wait_ready() {
  for _ in $(seq 1200); do
    kill -0 "$pid" 2>/dev/null || { echo "bench: the server stopped (port $port taken?)" >&2; exit 1; }
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0
    sleep 0.05
  done
  echo "bench: the server did not answer within a minute" >&2
  exit 1
}

# A server left on the port would be measured instead of this build.
if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
  echo "bench: something already answers on port $port" >&2
  exit 1
fi

# bench_row CONNECTIONS LABEL PATH [WRK ARGS...]: 3 s of warm-up, 15 s measured, printed
# as a table row (req/s, p50, p99, non-2xx); the req/s also lands in $bench_rate.
bench_rate=0
bench_row() {
  local connections=$1 label=$2 path=$3; shift 3
  wrk -t2 -c"$connections" -d3s "$@" "http://127.0.0.1:$port$path" >/dev/null
  local out
  out=$(wrk -t2 -c"$connections" -d15s --latency "$@" "http://127.0.0.1:$port$path")
  bench_rate=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
  local p50 p99 bad
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '| %s | %s | %s | %s | %s |' "$label" "$bench_rate" "$p50" "$p99" "${bad:-0}"
}

# bench_measure CONNECTIONS LABEL PATH [WRK_LUA]: 3 s of warm-up, then 15 s measured.
bench_measure() {
  local script=()
  [ -z "${4:-}" ] || script=(-s "$4")
  echo "== $2: GET $3, $1 connections, 2 threads, 15 s (after 3 s warm-up)"
  wrk -t2 -c"$1" -d3s "${script[@]}" "http://127.0.0.1:$port$3" >/dev/null
  wrk -t2 -c"$1" -d15s --latency "${script[@]}" "http://127.0.0.1:$port$3" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}
