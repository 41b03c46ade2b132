#!/usr/bin/env bash
# Import throughput: a generated deals CSV (ROWS rows, ~2% of them repeating an earlier row's
# person email) imported by `pipecrm import deals` (validation, dedupe, deals with their events,
# organizations and persons created once), next to `sqlite3 .import` of the same file into a bare
# table, in the same temporary directory. Prints rows/s for both and the ratio, and the CPU
# seconds each took (user + system: on a machine loaded by other work the wall-clock rates move
# with the load, the CPU times much less). Then the floor: SQLite inserting the rows the import
# wrote, with nothing else to do.
#
#   bench/import_bench.sh [ROWS] [PIPECRM_BINARY]      (defaults: 1000000, build/release/pipecrm)
set -euo pipefail
rows=${1:-1000000}
binary=${2:-build/release/pipecrm}
dir=$(mktemp -d "${TMPDIR:-/tmp}/pipecrm-import-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
echo "disk path: $dir"

python3 - "$rows" "$dir/deals.csv" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(8)
stages = ["Prospecting", "Nurturing", "Segmenting", "Relationship & negotiation", "Closing"]
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("title,value,currency,stage,status,organization,person,person_email,add_time,won_time\n")
    for i in range(rows):
        # About 2% of the rows name a person an earlier row named (same email).
        p = rng.randrange(max(i, 1)) if i and rng.random() < 0.02 else i
        org = p // 4
        day = 1 + (i % 28)
        won = rng.random() < 0.3
        f.write(f"Deal {i},{rng.randrange(1, 500000)}.{rng.randrange(100):02d},USD,"
                f"{stages[i % 5]},{'won' if won else 'open'},Company {org},"
                f"Person {p},person{p}@example.com,2025-03-{day:02d},"
                f"{'2025-04-%02d' % day if won else ''}\n")
PY
echo "file: $(wc -l < "$dir/deals.csv") lines, $(du -h "$dir/deals.csv" | cut -f1)"

PIPECRM_ADMIN_PASSWORD=bench-password "$binary" init --db "$dir/crm.db" \
    --admin-email bench@example.com > /dev/null
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$dir/import.cpu" \
    "$binary" import deals "$dir/deals.csv" --db "$dir/crm.db" 2> "$dir/progress.log" | sed "s/^/  /"
end=$(date +%s.%N)
import_seconds=$(echo "$end - $start" | bc -l)

start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$dir/sqlite.cpu" sqlite3 "$dir/bare.db" > /dev/null <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
CREATE TABLE deals(title TEXT, value TEXT, currency TEXT, stage TEXT, status TEXT,
                   organization TEXT, person TEXT, person_email TEXT, add_time TEXT,
                   won_time TEXT);
.mode csv
.import --skip 1 $dir/deals.csv deals
SQL
end=$(date +%s.%N)
sqlite_seconds=$(echo "$end - $start" | bc -l)

# The floor: SQLite itself inserting the rows the import wrote (organizations, persons, their
# contacts, deals, deal events) into a fresh database with the same schema, indexes and seed
# rows, in one transaction, foreign-key checks off, with the settings of the .import run. The
# rows are read back from the imported database ("WHERE id > 0" keeps SQLite from copying the
# records and index entries as they are, its transfer optimization: each row is inserted as an
# import inserts it), and the time a query takes to read them (every column of every row) is
# taken off. This is about as fast as SQLite writes these rows, with no file to parse or check.
PIPECRM_ADMIN_PASSWORD=bench-password "$binary" init --db "$dir/floor.db" \
    --admin-email bench@example.com > /dev/null
tables="organizations persons person_contacts deals deal_events"
reads=$(for table in $tables; do
    echo "SELECT COUNT(*) FROM (SELECT * FROM $table WHERE id > 0 LIMIT -1);"
done)
copies=$(for table in $tables; do
    echo "INSERT INTO $table SELECT * FROM imported.$table WHERE id > 0;"
done)
start=$(date +%s.%N)
sqlite3 "$dir/crm.db" <<< "$reads" > /dev/null
end=$(date +%s.%N)
read_seconds=$(echo "$end - $start" | bc -l)
start=$(date +%s.%N)
sqlite3 "$dir/floor.db" > /dev/null <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
PRAGMA foreign_keys=OFF;
PRAGMA cache_size=-131072;
ATTACH '$dir/crm.db' AS imported;
BEGIN;
$copies
COMMIT;
SQL
end=$(date +%s.%N)
floor_seconds=$(echo "$end - $start - $read_seconds" | bc -l)
floor_deals=$(sqlite3 "$dir/floor.db" "SELECT COUNT(*) FROM deals")

imported=$(sqlite3 "$dir/crm.db" "SELECT COUNT(*) FROM deals")
persons=$(sqlite3 "$dir/crm.db" "SELECT COUNT(*) FROM persons")
bare=$(sqlite3 "$dir/bare.db" "SELECT COUNT(*) FROM deals")
import_rate=$(echo "$rows / $import_seconds" | bc -l)
sqlite_rate=$(echo "$rows / $sqlite_seconds" | bc -l)
cpu() { awk '{ printf "%.1f", $1 + $2 }' "$1"; }
printf '%-28s %10s rows %8.1f s %10.0f rows/s  (%s CPU s)\n' "pipecrm import deals" "$imported" \
    "$import_seconds" "$import_rate" "$(cpu "$dir/import.cpu")"
printf '%-28s %10s rows %8.1f s %10.0f rows/s  (%s CPU s)\n' "sqlite3 .import (bare)" "$bare" \
    "$sqlite_seconds" "$sqlite_rate" "$(cpu "$dir/sqlite.cpu")"
floor_rate=$(echo "$rows / $floor_seconds" | bc -l)
printf '%-28s %10s rows %8.1f s %10.0f rows/s  (%.1f s of reading them taken off)\n' \
    "SQLite floor (same rows)" "$floor_deals" "$floor_seconds" "$floor_rate" "$read_seconds"
printf 'persons created: %s (duplicate emails matched to the first)\n' "$persons"
printf 'ratio: %.3f x the sqlite3 .import rate (target 0.3)\n' "$(echo "$import_rate / $sqlite_rate" | bc -l)"
printf 'floor: %.3f x the sqlite3 .import rate; the import runs at %.3f x the floor\n' \
    "$(echo "$floor_rate / $sqlite_rate" | bc -l)" "$(echo "$import_rate / $floor_rate" | bc -l)"
