"""Entry point for `python -m generator`."""

from __future__ import annotations

import sys

from generator.cli import main

# Guarded, because the processes that build shares of the site (write/mkdocs_build.py) import this module again.
if __name__ == "__main__":
    sys.exit(main())
