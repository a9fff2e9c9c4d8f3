"""Thin launcher: `python main.py [command]` is the same as the `hip-explorer` command."""

from explorer.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
