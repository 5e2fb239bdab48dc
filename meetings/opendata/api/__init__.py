"""The read-only JSON API under /api/."""
