"""Exports of meetings and people (plain text, JSON, Akoma Ntoso, Popolo)."""

urlpatterns: list = []
