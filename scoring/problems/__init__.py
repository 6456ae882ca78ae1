"""Problems the library reports, and the exceptions that carry them (``problem``)."""
