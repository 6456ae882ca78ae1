"""Data portability: one assessment, everything stored about it, in one zip archive with a
README (``mgf export-assessment``)."""
