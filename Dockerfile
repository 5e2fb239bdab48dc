FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first (better layer caching), then the code.
COPY pyproject.toml ./
COPY archive/ archive/
COPY meetings/ meetings/
RUN pip install .

COPY . .

# Static files are collected at build time; the key is a throwaway build-only value.
RUN SECRET_KEY=collectstatic-build-only python manage.py collectstatic --noinput -v0

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
USER app

EXPOSE 8000
CMD ["gunicorn", "archive.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-"]
