"""Benchmarks of mgf-assess: ``make bench`` (``python -m bench``)."""
