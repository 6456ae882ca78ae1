"""Problems the library reports: one ``Problem`` type, and the catalog of every code.

``catalog`` lists each problem with its code, message template and fix; ``problem`` holds the
``Problem`` type and the exceptions that carry several (``DefinitionError``, ``AnswersError``).
"""
