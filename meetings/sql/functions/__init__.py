"""The SQL functions search relies on, one `.sql` file each: read by the migration that creates
them and by the test that checks the database holds exactly these definitions.

A database migrated before a file changed keeps the old definition: a change needs a new
migration that runs create_sql again (each file is CREATE OR REPLACE)."""

from importlib.resources import files

# In the order they must be created: archive_search_text calls archive_unmarked and
# archive_british, archive_text_vector calls archive_search_text.
FUNCTIONS = {
    "archive_unmarked": "archive_unmarked(text)",
    "archive_british": "archive_british(text)",
    "archive_search_text": "archive_search_text(text)",
    "archive_text_vector": "archive_text_vector(text)",
    "archive_acronym_vector": "archive_acronym_vector(text)",
}


def create_sql(name: str) -> str:
    """The CREATE OR REPLACE FUNCTION statement of one function, as its file holds it."""
    return files(__package__).joinpath(f"{name}.sql").read_text(encoding="utf-8")


def drop_sql(name: str) -> str:
    return f"DROP FUNCTION IF EXISTS {FUNCTIONS[name]}"
