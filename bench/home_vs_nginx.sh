#!/usr/bin/env bash
# The anonymous pages served from memory against nginx serving the same bytes from a file
# (issue 23): `/` and `/login` as a first visit (no cookies, so each answer also sets the
# pre-session CSRF cookie), 64 connections, 15 s each; wrk, nginx and Mentora share the
# two cores.
# Usage: [BINARY=path] bench/home_vs_nginx.sh      (needs nginx: apt-get install nginx-light)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "install nginx: apt-get install nginx-light" >&2; exit 1; }
port=18084
nginx_port=18085
source bench/lib.sh

env "${bench_env[@]}" "$binary" serve --demo --addr 127.0.0.1:$port >/dev/null 2>&1 &
pid=$!
bench_wait_ready

site=$(mktemp -d)
stop_nginx() { nginx -c "$site/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$site"; bench_cleanup; }
trap stop_nginx EXIT
mkdir -p "$site/www/login"
curl -sf "http://127.0.0.1:$port/" -o "$site/www/index.html"
curl -sf "http://127.0.0.1:$port/login" -o "$site/www/login/index.html"
chmod -R a+rX "$site"   # nginx's workers run as another user
cat > "$site/nginx.conf" <<CONF
worker_processes auto;
pid $site/nginx.pid;
error_log $site/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  client_body_temp_path $site/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $site/www;
    location = /login { try_files /login/index.html =404; }
  }
}
CONF
nginx -c "$site/nginx.conf"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$nginx_port/" >/dev/null && break; sleep 0.05; done
curl -sf "http://127.0.0.1:$nginx_port/" >/dev/null || { echo "nginx does not serve the page: $(cat "$site/error.log")" >&2; exit 1; }
echo "bytes: / $(wc -c < "$site/www/index.html"), /login $(wc -c < "$site/www/login/index.html")"

echo "| GET | server | req/s | p50 | p99 | non-2xx | vs nginx |"
echo "|---|---|---|---|---|---|---|"
for path in / /login; do
  saved_port=$port
  port=$nginx_port
  bench_row 64 "\`$path\` | nginx (anchor)" "$path"; anchor=$bench_rate; echo " |"
  port=$saved_port
  bench_row 64 "\`$path\` | Mentora" "$path"
  awk -v a="$bench_rate" -v b="$anchor" 'BEGIN {printf " %.2f × |\n", a / b}'
done
