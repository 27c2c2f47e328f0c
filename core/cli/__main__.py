"""`python -m hashiye.core.cli`."""

from .main import main

raise SystemExit(main())
