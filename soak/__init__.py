"""Load and fault checks of a served mgf-assess: ``make soak`` (``python -m soak``).

Simulated users drive gunicorn on 127.0.0.1 with page views, answer saves, evidence uploads and
report downloads, on SQLite and on a scratch PostgreSQL database; a crash run kills the server's
whole process group midway and restarts it. Afterwards every acknowledged write is looked up in
the database. Never part of ``make test``.
"""
