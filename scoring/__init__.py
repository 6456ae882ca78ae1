"""Pure scoring library of mgf-assess: definitions, validation, scores, gaps, comparisons.

No web framework, no database, no clock and no configuration: everything here is a function
of its arguments, so it runs the same in the application, on the command line and in a notebook.
"""

ENGINE_VERSION = "1.0.0"
