FROM python:3.12-slim-bookworm

# Pango and fonts for WeasyPrint; nothing else is needed at run time.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
    fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    VAR_DIR=/app/var MEDIA_ROOT=/app/var/media STATIC_ROOT=/app/staticfiles
WORKDIR /app

COPY . .
RUN pip install . \
 && DEBUG=0 SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput \
 && useradd --system --uid 1000 --home-dir /app roadmap \
 && mkdir -p /app/var/media \
 && chown -R roadmap /app/var

USER roadmap
EXPOSE 8000
# docker-compose.yml gives each service its command; this default is the web's.
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--timeout", "60", "--access-logfile", "-", "--error-logfile", "-"]
