FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/opt/venv
# WeasyPrint needs Pango (and HarfBuzz's subsetter); exports use DejaVu Serif (Latin, Cyrillic).
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 \
        libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv && useradd --create-home tesigo
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN uv sync --no-dev --no-editable && chown -R tesigo /app
USER tesigo
ENV PATH=/opt/venv/bin:$PATH ENVIRONMENT=production
EXPOSE 8000
CMD ["tesigo", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-worker"]
