# syntax=docker/dockerfile:1
# Two stages: the first builds the virtual environment with uv, the second runs it as a
# user without privileges, with only the system libraries the service needs at run time.

FROM python:3.11-slim AS build
ENV PYTHONDONTWRITEBYTECODE=1 UV_PROJECT_ENVIRONMENT=/opt/venv UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
# Versions are pinned in pyproject.toml ([tool.uv] constraint-dependencies).
RUN uv sync --no-dev --no-editable

FROM python:3.11-slim AS run
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH \
    ENVIRONMENT=production STORAGE_DIR=/data/storage
# WeasyPrint needs Pango (and HarfBuzz's subsetter); exports use DejaVu Serif (Latin and
# Cyrillic); `tesigo backup` and `restore` call pg_dump and pg_restore.
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 \
        libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 tesigo \
    && useradd --system --uid 10001 --gid tesigo --home-dir /app --shell /usr/sbin/nologin tesigo \
    && mkdir -p /data/storage && chown tesigo:tesigo /data/storage
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2).status == 200 else 1)"]
CMD ["tesigo", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-worker"]
