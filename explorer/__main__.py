"""`python -m explorer` runs the same command line as `hip-explorer`."""

from explorer.cli import main

raise SystemExit(main())
