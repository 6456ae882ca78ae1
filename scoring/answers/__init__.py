"""Answers and overrides of one assessment: checked, typed, and read from or written to files.

``model`` holds the types (``Answer``, ``Override``, ``AnswerSet``); ``check`` checks a whole
document or a single save; ``coerce`` types one raw value for its question; ``documents``
reads answers files and turns answers back into plain data.
"""
