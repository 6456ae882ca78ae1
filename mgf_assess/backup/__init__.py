"""Backups proven to restore: ``mgf backup OUT`` copies the database and the stored files
while the application runs, with a manifest of checksums; ``mgf restore IN`` loads one into
an empty database and storage after checking it (see ``operations``)."""
