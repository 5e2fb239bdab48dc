"""Raw SQL in one place: the statements the ORM cannot say well, with table names read from the models."""

from functools import cache


@cache
def table(model_name: str) -> str:
    """The database table of one of this app's models, e.g. table("Turn")."""
    from django.apps import apps

    return apps.get_model("meetings", model_name)._meta.db_table
