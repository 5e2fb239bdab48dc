"""Settings for the test suite: production settings, with static files served unhashed.

The live server of browser tests finds static files by their source names, so hashed names
(the manifest storage used in production) would not resolve there; tests/project/test_infra.py runs
collectstatic with the production storage to check the manifest separately.
"""

from archive.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Absolute URLs in pages, feeds and exports on the test client's default host (tests of other
# origins override it).
SITE_URL = "http://testserver"
TAG_AUTHORITY = "testserver"
