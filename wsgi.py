"""WSGI entry point: ``flask --app wsgi ...`` and ``gunicorn wsgi:app``."""

from mgf_assess import create_app

app = create_app()
