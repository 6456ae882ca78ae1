"""The command line of the library, ``python -m scoring COMMAND ...``.

``main`` parses the arguments and hands over to ``validate`` (``validate``, ``schema``) or
``score`` (``score``, ``explain``, ``carry-forward``), each imported only when its command runs.
"""
