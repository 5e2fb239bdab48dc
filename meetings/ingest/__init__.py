"""Ingest, the archive's only writer: read and parse files, resolve people, write meetings and turns."""
