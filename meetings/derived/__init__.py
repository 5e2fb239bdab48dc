"""Data derived from the stored turns and rebuilt at ingest: aggregates, the topic index, search."""
