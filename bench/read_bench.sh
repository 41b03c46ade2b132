#!/usr/bin/env bash
# Read benchmark: one page of a stage (GET /api/v2/deals?stage_id=S&limit=50) from a database of
# 100k deals, served by pipecrm, next to nginx serving the very same bytes as a static file.
# wrk drives both the same way (64 connections, 10 s); the script prints req/s, p50 and p99
# and the ratios to nginx. Then the same page from the same data on PostgreSQL (the database
# copied with `pipecrm migrate` into a throwaway cluster), with the same client. Everything
# listens on 127.0.0.1 and stops at the end.
#
# usage: bench/read_bench.sh [--deals N] [--seconds S] [--connections C]
set -euo pipefail
cd "$(dirname "$0")/.."

deals=100000
seconds=10
connections=64
while [ $# -gt 0 ]; do
  case "$1" in
    --deals) deals=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "usage: $0 [--deals N] [--seconds S] [--connections C]" >&2; exit 2 ;;
  esac
done

bin=${PIPECRM_BINARY:-build/release/pipecrm}
generate=${PIPECRM_GENERATE:-build/release/pipecrm_generate}
for tool in "$bin" "$generate" wrk nginx curl; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "$tool" ] || {
    echo "read_bench: $tool is missing (run make bench)" >&2; exit 2; }
done

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "read_bench: no PostgreSQL server programs (run make bench)" >&2; exit 2; }

work=$(mktemp -d)
pgdir=""
server_pid=""
nginx_pid=""
# Runs a PostgreSQL program as the cluster's owner: `nobody` when we are root (PostgreSQL
# refuses to run as root), else ourselves.
as_pg() {
  if [ "$(id -u)" = 0 ]; then su nobody -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  [ -n "$pgdir" ] && as_pg "$pgbin/pg_ctl -D $pgdir/data -m immediate -w stop" >/dev/null 2>&1
  [ -n "$pgdir" ] && rm -rf "$pgdir"
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "generating $deals deals (seed 7)..." >&2
"$generate" --db "$work/read.db" --deals "$deals" --seed 7 2>/dev/null >&2
token=$("$bin" token create --db "$work/read.db" --email bench@example.com)

# Starts pipecrm on $db with extra serve flags; sets port and server_pid.
db="$work/read.db"
start_pipecrm() {
  port=$(free_port)
  : > "$work/serve.out"
  "$bin" serve --db "$db" --listen "127.0.0.1:$port" --threads 2 "$@" \
    > "$work/serve.out" 2> /dev/null &
  server_pid=$!
  for _ in $(seq 1 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
}
stop_pipecrm() {
  kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  server_pid=""
}

start_pipecrm

stage=2
path="/api/v2/deals?stage_id=$stage&limit=50"
mkdir -p "$work/www"
curl -sf -H "x-api-token: $token" "http://127.0.0.1:$port$path" -o "$work/www/page.json"
bytes=$(wc -c < "$work/www/page.json")
chmod -R a+rX "$work"  # nginx's workers run as an unprivileged user

nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /page.json { root $work/www; default_type application/json; }
  }
}
CONF
nginx -c "$work/nginx.conf" &
nginx_pid=$!
sleep 0.5

# Prints "req/s p50_ms p99_ms" for one wrk run.
measure() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" |
    awk '
      function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
      /Requests\/sec/ { rps = $2 }
      $1 == "50%" { p50 = ms($2) }
      $1 == "99%" { p99 = ms($2) }
      /Non-2xx/ { bad = $NF }
      END { printf "%.0f %.3f %.3f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}

echo "wrk: $connections connections, ${seconds}s each, page of $bytes bytes..." >&2
read -r n_rps n_p50 n_p99 n_bad < <(measure "http://127.0.0.1:$nginx_port/page.json")
read -r p_rps p_p50 p_p99 p_bad < <(measure -H "x-api-token: $token" "http://127.0.0.1:$port$path")
# The same server with its GET response cache off: every request authenticates, queries
# SQLite and renders the JSON. Shown for comparison; the targets are for the default set-up.
stop_pipecrm
start_pipecrm --cache-mb 0
read -r u_rps u_p50 u_p99 u_bad < <(measure -H "x-api-token: $token" "http://127.0.0.1:$port$path")
stop_pipecrm

# The same data on PostgreSQL: a throwaway cluster (default durability; reads do not care),
# the SQLite file copied into it by pipecrm migrate, the same page, the same wrk runs.
echo "PostgreSQL: a throwaway cluster and pipecrm migrate..." >&2
pgdir=$(mktemp -d)
[ "$(id -u)" = 0 ] && chown nobody "$pgdir"
pg_port=$(free_port)
as_pg "$pgbin/initdb -D $pgdir/data -U pipecrm -A trust -E UTF8 --locale=C --no-sync" >/dev/null
as_pg "$pgbin/pg_ctl -D $pgdir/data -l $pgdir/server.log -w -o '-c listen_addresses=127.0.0.1 -p $pg_port -k $pgdir' start" >/dev/null
as_pg "$pgbin/createdb -h 127.0.0.1 -p $pg_port -U pipecrm read"
db="postgresql://pipecrm@127.0.0.1:$pg_port/read"
"$bin" migrate --from "$work/read.db" --to "$db" > "$work/migrate.out" 2>/dev/null || {
  echo "read_bench: pipecrm migrate failed:" >&2; cat "$work/migrate.out" >&2; exit 1; }
start_pipecrm
read -r g_rps g_p50 g_p99 g_bad < <(measure -H "x-api-token: $token" "http://127.0.0.1:$port$path")
stop_pipecrm
start_pipecrm --cache-mb 0
read -r h_rps h_p50 h_p99 h_bad < <(measure -H "x-api-token: $token" "http://127.0.0.1:$port$path")
stop_pipecrm

printf '\n%-34s %10s %10s %10s %8s\n' "GET $path" "req/s" "p50 ms" "p99 ms" "non-2xx"
printf '%-34s %10s %10s %10s %8s\n' "nginx, static file of same bytes" "$n_rps" "$n_p50" "$n_p99" "$n_bad"
printf '%-34s %10s %10s %10s %8s\n' "pipecrm ($deals deals)" "$p_rps" "$p_p50" "$p_p99" "$p_bad"
printf '%-34s %10s %10s %10s %8s\n' "pipecrm, --cache-mb 0" "$u_rps" "$u_p50" "$u_p99" "$u_bad"
printf '%-34s %10s %10s %10s %8s\n' "pipecrm on PostgreSQL" "$g_rps" "$g_p50" "$g_p99" "$g_bad"
printf '%-34s %10s %10s %10s %8s\n' "pipecrm on PostgreSQL, no cache" "$h_rps" "$h_p50" "$h_p99" "$h_bad"
awk -v pr="$p_rps" -v nr="$n_rps" -v pp="$p_p99" -v np="$n_p99" 'BEGIN {
  r = pr / nr; l = pp / np;
  printf "\nreq/s: %.2fx nginx (target >= 0.5x) %s\n", r, (r >= 0.5 ? "met" : "NOT met");
  printf "p99:   %.2fx nginx (target <= 3x) %s\n", l, (l <= 3 ? "met" : "NOT met");
}'
awk -v ur="$u_rps" -v nr="$n_rps" 'BEGIN { printf "without the cache: %.2fx nginx req/s\n", ur / nr }'
awk -v gr="$g_rps" -v hr="$h_rps" -v pr="$p_rps" -v ur="$u_rps" 'BEGIN {
  printf "PostgreSQL vs SQLite req/s: %.2fx with the cache, %.2fx without\n", gr / pr, hr / ur }'
if [ "$p_bad" != "0" ] || [ "$u_bad" != "0" ] || [ "$g_bad" != "0" ] || [ "$h_bad" != "0" ]; then
  echo "read_bench: pipecrm answered non-2xx responses ($p_bad cached, $u_bad uncached;" \
       "PostgreSQL $g_bad cached, $h_bad uncached)" >&2
  exit 1
fi
