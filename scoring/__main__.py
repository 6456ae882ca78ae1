"""``python -m scoring COMMAND ...``: the command line lives in ``scoring.cli``."""

import sys

from scoring.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
