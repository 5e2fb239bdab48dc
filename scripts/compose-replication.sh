#!/bin/sh
# docker-compose: run once when the primary's volume is created (docker-entrypoint-initdb.d).
# Lets the replica service stream WAL from it with the archive user's password.
set -e
echo "host replication archive all scram-sha-256" >> "$PGDATA/pg_hba.conf"
