#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 with trust auth and a
# `test` database, installing Debian's postgresql and starting it when needed.
# The store tests run against it (BRIEFGRAPH_TEST_DATABASE_URL overrides).
set -euo pipefail
host=127.0.0.1; port=5432

ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  if ! ready 2>/dev/null; then
    echo "ensure_postgres: installing Debian's postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  fi
fi

if ! ready; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  if ! grep -q "briefgraph-trust" "$hba" 2>/dev/null; then
    # local test server only: trust connections from this machine
    sed -i '1i host all all 127.0.0.1/32 trust # briefgraph-trust\nhost all all ::1/128 trust # briefgraph-trust\nlocal all all trust # briefgraph-trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do ready && break; sleep 1; done
fi

ready || { echo "ensure_postgres: PostgreSQL does not answer on $host:$port" >&2; exit 1; }
psql -h "$host" -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
  || psql -h "$host" -p "$port" -U postgres -c "CREATE DATABASE test" >/dev/null 2>&1 \
  || createdb -h "$host" -p "$port" -U postgres test 2>/dev/null || true
echo "ensure_postgres: PostgreSQL ready on $host:$port" >&2
