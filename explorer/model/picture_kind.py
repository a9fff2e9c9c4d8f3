"""What kind of picture a file holds, told by its first bytes, whatever its name says: a
picture saved under another kind's name (an SVG drawing as logo.png) is read as what it
is, or a message says what it is. Pure Python: no Qt."""

from __future__ import annotations

from pathlib import Path

# each kind's name endings, the usual one first
SUFFIXES = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg"), "SVG": (".svg", ".svgz"),
            "GIF": (".gif",), "WebP": (".webp",), "HEIC": (".heic",), "PDF": (".pdf",)}
_STARTS = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
           (b"%PDF", "PDF"))


def picture_kind(path: Path) -> str | None:
    """The key of SUFFIXES for what `path` holds ("SVG" for a drawing named logo.png);
    None if it holds none of them, or cannot be read."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError:
        return None
    kind = next((kind for start, kind in _STARTS if head.startswith(start)), None)
    if kind:
        return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1"):  # an iPhone's
        return "HEIC"
    return "SVG" if b"<svg" in head else None

