"""Replacing whole tables without making readers wait: new copies are filled while readers go on
reading the old tables, then put in their place in one short step.

Each shadow table starts as `CREATE TABLE … (LIKE …)`: columns, defaults, identity, NOT NULL and
CHECK constraints. After the load it gets the live table's primary key, unique constraints and
indexes (same definitions, temporary names) and foreign keys (same names; those between the
replaced tables point at the shadows). `swap` drops the live tables and renames the shadows and
their indexes to the live names, so the schema ends as the migrations left it."""

from __future__ import annotations

import re

SUFFIX = "__next"  # of every shadow table and of the temporary names of its indexes


class ShadowTables:
    """A new, empty copy of each of `tables`, made on the psycopg cursor `cur` inside the
    caller's transaction: fill them (by the names `self[table]` gives), then `finish` and `swap`."""

    def __init__(self, cur, tables: list[str]):
        self.cur = cur
        self.tables = list(tables)
        self.renames: list[tuple[str, str]] = []  # (temporary index name, live name)
        self.schema: dict[str, tuple] = {}
        for table in self.tables:
            cur.execute(
                "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') ORDER BY contype DESC, conname",
                [table],
            )
            constraints = cur.fetchall()
            cur.execute(
                "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                " WHERE i.indrelid = %s::regclass"
                " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY c.relname",
                [table],
            )
            self.schema[table] = (constraints, cur.fetchall())
            shadow = table + SUFFIX
            cur.execute(f"DROP TABLE IF EXISTS {shadow}")
            cur.execute(
                f"CREATE TABLE {shadow} (LIKE {table} INCLUDING DEFAULTS INCLUDING IDENTITY "
                "INCLUDING CONSTRAINTS INCLUDING STORAGE)"
            )

    def __getitem__(self, table: str) -> str:
        """The shadow of a live table."""
        return table + SUFFIX

    def _temporary(self, name: str) -> str:
        return name[: 63 - len(SUFFIX)] + SUFFIX

    def _retarget(self, definition: str) -> str:
        """A foreign key's definition, pointing at the shadow when it names another replaced table."""
        return re.sub(
            r"REFERENCES (\w+)\(",
            lambda m: f"REFERENCES {m.group(1) + SUFFIX if m.group(1) in self.tables else m.group(1)}(",
            definition,
        )

    def finish(self) -> None:
        """Keys, indexes, foreign keys, identity sequences and statistics, all built once after
        the load and all off the live tables."""
        cur = self.cur
        for table in self.tables:
            shadow = table + SUFFIX
            constraints, indexes = self.schema[table]
            for name, kind, definition in constraints:  # unique ones ('u', 'p') before foreign keys
                if kind in ("p", "u"):
                    temporary = self._temporary(name)
                    cur.execute(f'ALTER TABLE {shadow} ADD CONSTRAINT "{temporary}" {definition}')
                    self.renames.append((temporary, name))
            for name, definition in indexes:
                temporary = self._temporary(name)
                head = re.match(r"CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ ", definition)
                if head is None:
                    raise RuntimeError(f"unexpected index definition: {definition}")
                cur.execute(
                    f'CREATE {head.group(1) or ""}INDEX "{temporary}" ON {shadow} {definition[head.end() :]}'
                )
                self.renames.append((temporary, name))
        for table in self.tables:  # every shadow has its keys by now
            for name, kind, definition in self.schema[table][0]:
                if kind == "f":
                    cur.execute(
                        f'ALTER TABLE {table + SUFFIX} ADD CONSTRAINT "{name}" {self._retarget(definition)}'
                    )
        for table in self.tables:
            shadow = table + SUFFIX
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{shadow}', 'id'), "
                f"coalesce((SELECT max(id) FROM {shadow}), 0) + 1, false)"
            )
            cur.execute(f"ANALYZE {shadow}")

    def swap(self) -> None:
        """Drop the live tables and give the shadows their names: the only moment readers wait."""
        cur = self.cur
        # Tables that others among them refer to go last.
        referenced = {
            m.group(1)
            for constraints, _ in self.schema.values()
            for _, kind, definition in constraints
            if kind == "f" and (m := re.search(r"REFERENCES (\w+)\(", definition))
        }
        for table in sorted(self.tables, key=lambda t: t in referenced):
            cur.execute(f"DROP TABLE {table}")
        for table in self.tables:
            shadow = table + SUFFIX
            cur.execute(f"ALTER TABLE {shadow} RENAME TO {table}")
            cur.execute(f"SELECT pg_get_serial_sequence('{table}', 'id')")
            sequence = cur.fetchone()[0]
            if sequence:
                cur.execute(f"ALTER SEQUENCE {sequence} RENAME TO {table}_id_seq")
        for temporary, name in self.renames:
            cur.execute(f'ALTER INDEX "{temporary}" RENAME TO "{name}"')
