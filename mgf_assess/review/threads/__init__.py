"""Threads of queries and comments on a question: ``operations`` (open, reply, resolve,
reopen: each locked, checked and audited) and ``queries`` (the threads a user may see, open
query counts per question, area and domain)."""
