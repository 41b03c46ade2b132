#!/usr/bin/env bash
# Report benchmark (issue 7): a generated database of N deals (stage histories, activities),
# then funnel, stage-time, leaderboard and forecast timed three ways on the same file: the CLI
# (`pipecrm report NAME --format json`, a cold process each time), the API
# (`GET /api/v1/reports/NAME` on a running server, response cache off) and the same report
# written as SQL (bench/report_sql/NAME.sql) run by the sqlite3 tool. Each figure is the best
# of --runs runs, in milliseconds; the ratios are sqlite3 time / pipecrm time (above 1: pipecrm
# is faster). Before timing, `pipecrm report rebuild` builds the reports' derived data (the
# funnel's, the leaderboard's, stage-time's and the forecast's, docs/reports.md "Performance") once and its
# time is printed: a report served from derived data only folds in what changed since, which is
# nothing here.
# The server listens on 127.0.0.1 and is stopped at the end.
#
# usage: bench/report_bench.sh [--deals N] [--runs R] [--db EXISTING.db]
set -euo pipefail
cd "$(dirname "$0")/.."

deals=1000000
runs=3
db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --deals) deals=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    *) echo "usage: $0 [--deals N] [--runs R] [--db EXISTING.db]" >&2; exit 2 ;;
  esac
done

bin=build/release/pipecrm
generate=build/release/pipecrm_generate
for tool in "$bin" "$generate" sqlite3 curl python3; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "$tool" ] || {
    echo "report_bench: $tool is missing (build the release preset)" >&2; exit 2; }
done

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$db" ]; then
  db="$work/reports.db"
  echo "generating $deals deals (seed 7)..." >&2
  "$generate" --db "$db" --deals "$deals" --seed 7 2>/dev/null >&2
else
  deals=$(sqlite3 "$db" "SELECT COUNT(*) FROM deals")
fi
events=$(sqlite3 "$db" "SELECT COUNT(*) FROM deal_events")
live=$(sqlite3 "$db" "SELECT COUNT(*) FROM deals WHERE status <> 'deleted'")
token=$("$bin" token create --db "$db" --email bench@example.com)

now_ms() { date +%s%3N; }
rebuild_start=$(now_ms)
"$bin" report rebuild --db "$db" > /dev/null
rebuild_ms=$(( $(now_ms) - rebuild_start ))

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --db "$db" --listen "127.0.0.1:$port" --threads 2 --cache-mb 0 \
  > "$work/serve.out" 2> /dev/null &
server_pid=$!
for _ in $(seq 1 300); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done

# Best of $runs runs of the command, in milliseconds.
best() {
  local best_ms=""
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(now_ms)
    "$@" > /dev/null
    end=$(now_ms)
    local ms=$((end - start))
    if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
  done
  echo "$best_ms"
}

printf '\n%s deals (%s not deleted), %s events; report rebuild %s ms; best of %s runs, ms\n' \
  "$deals" "$live" "$events" "$rebuild_ms" "$runs"
printf '%-12s %10s %10s %10s %14s %14s\n' report "cli" "api" "sqlite3" "sqlite3/cli" "sqlite3/api"
for report in funnel stage-time leaderboard forecast; do
  cli=$(best "$bin" report "$report" --db "$db" --format json)
  api=$(best curl -sf -H "x-api-token: $token" "http://127.0.0.1:$port/api/v1/reports/$report")
  sql=$(best sqlite3 "$db" ".read bench/report_sql/$report.sql")
  awk -v r="$report" -v c="$cli" -v a="$api" -v s="$sql" 'BEGIN {
    printf "%-12s %10d %10d %10d %14.2f %14.2f\n", r, c, a, s, s / (c ? c : 1), s / (a ? a : 1) }'
done
