#!/usr/bin/env bash
# `make bench`: seed a million demo people and time person search and person pages, first on
# SQLite (var/bench.sqlite3, reused between runs), then on a throwaway PostgreSQL cluster
# (seeded each time). Figures are written to docs/benchmarks.md, one section per database.
#   BENCH_PERSONS=100000 bash scripts/bench.sh     # a smaller registry
#   BENCH_DATABASES=sqlite bash scripts/bench.sh   # only one database (sqlite or postgresql)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
py="$root/.venv/bin/python"
persons=${BENCH_PERSONS:-1000000}
export INTEGRA_DEMO_PASSWORD=${INTEGRA_DEMO_PASSWORD:-integra-demo-2026}

people_count() {
  "$py" manage.py shell -v0 -c \
    "from people.models import Person; print(Person.objects.count())" 2>/dev/null | tail -n 1
}

seed_and_bench() {  # uses DATABASE_URL; $1: "reuse" keeps an already seeded registry
  "$py" manage.py migrate --noinput -v0
  local have note
  have=$(people_count)
  if [ "$1" = reuse ] && [ "$have" -ge "$persons" ]; then
    note="reused an existing registry of $have people"
  else
    local started
    started=$(date +%s)
    "$py" manage.py seed --persons "$persons" --seed 1
    note="$persons people in $(($(date +%s) - started)) s (\`manage.py seed --persons $persons --seed 1\`)"
    if [[ "$DATABASE_URL" == postgres* ]]; then
      # A freshly bulk-loaded table, as autovacuum would leave it before real use.
      "$py" manage.py shell -v0 -c "from django.db import connection
cursor = connection.cursor()
cursor.execute('VACUUM ANALYZE')
cursor.execute('CHECKPOINT')"
    fi
  fi
  echo "Seeding: $note"
  "$py" manage.py bench --seeding "$note" --command "make bench"
  # The indicator catalogue over the same registry (pathway records added once if missing).
  "$py" manage.py bench_catalogue --add-pathways --command "make bench"
}

if [ "${1:-}" = --postgres-inner ]; then
  seed_and_bench fresh
  exit 0
fi

databases=${BENCH_DATABASES:-sqlite postgresql}
if [[ " $databases " == *" sqlite "* ]]; then
  mkdir -p var
  export DATABASE_URL="sqlite:///$root/var/bench.sqlite3"
  if [ -e var/bench.sqlite3 ] && [ "$(DATABASE_URL=$DATABASE_URL people_count || echo 0)" -lt "$persons" ]; then
    rm -f var/bench.sqlite3 var/bench.sqlite3-wal var/bench.sqlite3-shm  # partial: start again
  fi
  echo "== SQLite: $DATABASE_URL"
  seed_and_bench reuse
fi
if [[ " $databases " == *" postgresql "* ]]; then
  echo "== PostgreSQL (throwaway cluster)"
  unset DATABASE_URL
  bash "$here/with-postgres.sh" bash "$here/bench.sh" --postgres-inner
fi
