"""`python -m checker.cli`: the console script without the installed entry point."""
from checker.cli import main

raise SystemExit(main())
