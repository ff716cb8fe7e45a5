#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL cluster, then removes it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/integra-pg.XXXXXX)
chmod 755 "$work"
trap 'bash "$here/pg-cluster.sh" stop "$work/pg"; rm -rf "$work"' EXIT
DATABASE_URL=$(bash "$here/pg-cluster.sh" start "$work/pg")
export DATABASE_URL
echo "PostgreSQL test cluster: $DATABASE_URL"
"$@"
