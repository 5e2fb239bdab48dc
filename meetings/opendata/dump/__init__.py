"""The whole archive as one download: the dump's format (format.py), writing it (export.py,
`manage.py export_archive`), and the /downloads/ page that publishes the newest one (views.py).
Loading a dump into a fresh database is a write, so it lives with the other writer:
meetings.ingest.dump (`manage.py import_archive`)."""
