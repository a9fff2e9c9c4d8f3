"""`hip-explorer export`: printing to PDF without a window."""

from __future__ import annotations

import argparse
import sys

from explorer.model import Content


def run_export(args: argparse.Namespace, content: Content) -> int:
    print("hip-explorer: export is not available yet", file=sys.stderr)
    return 1
