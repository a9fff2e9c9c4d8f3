"""Hip Explorer: understand hip pain after running."""

__version__ = "0.1.0"
