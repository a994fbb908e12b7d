# The archive in one container: the same Makefile targets as a developer's machine, served by gunicorn.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ARCHIVE_DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=8000 \
    WEB_CONCURRENCY=4

RUN apt-get update && apt-get install -y --no-install-recommends make curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 archive \
    && mkdir /data && chown archive:archive /data

WORKDIR /app
COPY --chown=archive:archive requirements.txt Makefile ./
USER archive
RUN make install
COPY --chown=archive:archive . .
RUN make static

VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1
CMD ["make", "serve"]
