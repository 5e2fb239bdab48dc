"""Database router for read replicas: a request reads from the replica its middleware chose
(meetings/http/replicas.py: one that has replayed the archive version the page claims, else the
primary); everything else — ingest, commands, writes and migrations — uses the primary."""

from __future__ import annotations

from meetings.http.replicas import PRIMARY, read_alias


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return read_alias() or PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY
