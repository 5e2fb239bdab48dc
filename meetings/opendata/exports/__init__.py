"""Exports of meetings and people, one module per format."""
