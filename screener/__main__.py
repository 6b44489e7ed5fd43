"""Entry point for ``python -m screener``."""

import sys

from .cli import main

sys.exit(main())
