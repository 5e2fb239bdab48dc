"""Ingest, the archive's only writer: read and parse files, resolve people, write meetings and turns.

- files.py: the transcript files under the paths given;
- prepare.py: reading, hashing, parsing and topic phrases, without Django (worker processes);
- single.py: the per-file writer (`Ingester`), one transaction per file: edits, reposts, merges;
- batch.py: the batch writer (`BatchWriter`), new meetings many to a transaction, same result;
- slugs.py: slugs taken, checked in bulk for a batch;
- people.py: the database side of resolving people (the rules: meetings.core.identity);
- sources.py: the source files the archive holds, as a run first finds them;
- report.py: what ingest says about each file;
- run.py: one run of `manage.py ingest_transcripts`, from the paths to the summary.

Raw SQL of ingest is in meetings.sql.ingest, the advisory lock in meetings.sql.locks.
"""
