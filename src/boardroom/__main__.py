"""Allow ``python -m boardroom`` to behave exactly like the ``boardroom`` command."""

import sys

from boardroom.cli import main

sys.exit(main())
