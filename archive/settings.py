"""Django settings for the meeting archive.

12-factor: everything environment-specific comes from environment variables.

  DATABASE_URL   postgres://user:pass@host:port/db
                 (default postgres://postgres@127.0.0.1:5432/archive)
  SECRET_KEY     set it for any real deployment. The default below is a
                 publicly known, INSECURE development key (the archive has no
                 sessions or auth, but anything signed would be forgeable).
  DEBUG          off unless set to 1/true/yes/on (case-insensitive)
  ALLOWED_HOSTS  comma-separated host names
                 (default 127.0.0.1,localhost,[::1]; "testserver" is always added)
  SITE_URL       the archive's canonical origin, scheme://host[:port]
                 (default http://127.0.0.1:8000)
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUTHY = {"1", "true", "yes", "on"}
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/archive"
DEFAULT_ALLOWED_HOSTS = "127.0.0.1,localhost,[::1]"
DEFAULT_SITE_URL = "http://127.0.0.1:8000"
INSECURE_DEV_SECRET_KEY = "dev-insecure-meeting-archive-do-not-use-in-production"


def env_bool(name: str, default: bool = False, environ=None) -> bool:
    """True when the variable is one of 1/true/yes/on (any case, whitespace ignored)."""
    environ = os.environ if environ is None else environ
    value = environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in _TRUTHY


def env_list(name: str, default: str = "", environ=None) -> list[str]:
    """Comma-separated list; blanks and surrounding whitespace are dropped."""
    environ = os.environ if environ is None else environ
    value = environ.get(name)
    if value is None:
        value = default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_config(environ=None) -> dict:
    """The DATABASES['default'] dict built from DATABASE_URL."""
    environ = os.environ if environ is None else environ
    url = environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)


def site_url(environ=None) -> str:
    """SITE_URL without a trailing slash; an origin only (scheme, host, port), never a path."""
    environ = os.environ if environ is None else environ
    value = (environ.get("SITE_URL") or DEFAULT_SITE_URL).strip().rstrip("/")
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(
            f"SITE_URL must be an origin such as https://archive.example.org, not {value!r}"
        )
    return value


def allowed_hosts(environ=None) -> list[str]:
    hosts = env_list("ALLOWED_HOSTS", DEFAULT_ALLOWED_HOSTS, environ)
    if "testserver" not in hosts:
        hosts.append("testserver")
    return hosts


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or INSECURE_DEV_SECRET_KEY
ALLOWED_HOSTS = allowed_hosts()

# The archive's public identity, whatever host name or scheme a request arrives by: canonical
# links, OpenGraph, sitemaps, feeds and exports are absolute URLs on SITE_URL, and Atom entry ids
# are tag: URIs (RFC 4151) of TAG_AUTHORITY (a domain or e-mail address the publisher held on
# TAG_DATE). Set TAG_AUTHORITY once and never change it: a feed reader knows an entry by its id.
SITE_URL = site_url()
TAG_AUTHORITY = os.environ.get("TAG_AUTHORITY") or (urlsplit(SITE_URL).hostname or "localhost")
TAG_DATE = os.environ.get("TAG_DATE") or "2026"

# Where `manage.py export_archive` dumps are published: /downloads/ links the newest one in it.
DUMPS_DIR = Path(os.environ.get("DUMPS_DIR") or BASE_DIR / "dumps")
# The licence written into every dump (README.md, LICENCE.txt): a text file, or a CC BY 4.0 notice.
DATA_LICENCE_FILE = os.environ.get("DATA_LICENCE_FILE", "")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "meetings",
]

MIDDLEWARE = [
    "meetings.http.middleware.DatabaseUnavailableMiddleware",
    "meetings.http.middleware.QueryStringLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "meetings.http.middleware.ReadOnlyMiddleware",  # 405 for any method but GET and HEAD
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",  # (no unsafe method reaches it)
    "meetings.http.caching.ArchiveCacheMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "meetings.web.context.archive",
                "meetings.http.origin.public_origin",
            ],
            # The template tags live with the pages (meetings/web/), not at the app's top level.
            "libraries": {"transcript": "meetings.web.templatetags.transcript"},
        },
    },
]

DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files: whitenoise serves them; the manifest storage needs
# `manage.py collectstatic` to have run (make run / make test / Dockerfile do).
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# A missing manifest entry falls back to the unhashed name instead of a 500.
WHITENOISE_MANIFEST_STRICT = False

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: only this site's own files; no inline script or style anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Behind TLS (a deployment with HTTPS in front), one variable switches on the HTTPS-only
# settings: redirect to HTTPS, HSTS, secure cookies, and trust of the proxy's X-Forwarded-Proto.
HTTPS = env_bool("HTTPS", False)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Visitors' query strings are capped (414 past this many characters).
MAX_QUERY_STRING = 2048

# The archive's name (page header, footer, citations) and where its texts come from (the About page,
# the footer, the exports): the attribution a source's licence requires, the licence, a link.
# The dev archive's texts ask for SOURCE_ATTRIBUTION="Kremlin.ru" (see README, "About and citing").
ARCHIVE_NAME = os.environ.get("ARCHIVE_NAME", "Transcript Archive")
SOURCE_ATTRIBUTION = os.environ.get("SOURCE_ATTRIBUTION", "")
SOURCE_LICENCE = os.environ.get("SOURCE_LICENCE", "")
SOURCE_URL = os.environ.get("SOURCE_URL", "")

# Editors' corrections of people (merges, splits, labels that are not people), applied at every
# ingest; `ingest_transcripts --people FILE` names another file for one run.
PEOPLE_FILE = os.environ.get("PEOPLE_FILE", "")

# Caching (see meetings/http/caching.py): local memory per process by default; CACHE_URL=redis://…
# shares one cache between every gunicorn worker and host.
ARCHIVE_CODE_VERSION = "0.1.0"
RELEASE = os.environ.get("RELEASE", "")
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL == "dummy://":  # no caching at all (benchmarks of the uncached path)
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_PREFIX", "archive"),
            # A cache that does not answer must not hold pages up: the page is served uncached.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Read replicas: DATABASE_REPLICA_URLS (comma-separated) adds read-only copies (streaming
# standbys) that pages read from once they have replayed the archive version the page claims,
# else the primary (meetings/http/replicas.py); ingest and commands use the primary only
# (archive/routers.py). A replica that does not answer within 2 s is left out for a while.
REPLICA_URLS = env_list("DATABASE_REPLICA_URLS", "")
for _i, _url in enumerate(REPLICA_URLS, start=1):
    _replica = dj_database_url.parse(_url, conn_max_age=60, conn_health_checks=True)
    _replica["OPTIONS"] = {"connect_timeout": 2, **_replica.get("OPTIONS", {})}
    DATABASES[f"replica{_i}"] = {**_replica, "TEST": {"MIRROR": "default"}}
if REPLICA_URLS:
    DATABASE_ROUTERS = ["archive.routers.ReplicaRouter"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


# The read-only JSON API (meetings/opendata/api/): JSON only, GET only, paginated, described by OpenAPI 3.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Transcript Archive API",
    "DESCRIPTION": "Read-only access to meetings, participants, remarks (turns), topics and search.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # OpenAPI 3.1: schemas are JSON Schema 2020-12, so a nullable object is
    # `oneOf: [{$ref}, {type: "null"}]`, which strict validators read as written (3.0's
    # `nullable: true` beside `allOf` is not nullable to them).
    "OAS_VERSION": "3.1.0",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "meetings.opendata.api.schema.strict_nullable",
    ],
}
