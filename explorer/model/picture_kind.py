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
HEAD_BYTES = 2048  # as much of a file as telling its kind reads


def picture_kind(path: Path) -> str | None:
    """The key of SUFFIXES for what `path` holds ("SVG" for a drawing named logo.png);
    None if it holds none of them, or cannot be read."""
    try:
        with path.open("rb") as handle:
            return kind_of(handle.read(HEAD_BYTES))
    except OSError:
        return None


def kind_of(head: bytes) -> str | None:
    """The kind of picture a file starting with `head` holds (see picture_kind)."""
    kind = next((kind for start, kind in _STARTS if head.startswith(start)), None)
    if kind:
        return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1"):  # an iPhone's
        return "HEIC"
    return "SVG" if b"<svg" in head else None


def kind_named(path: Path, kind: str) -> str:
    """What `path` is, for a message: "an SVG file named .png", or "a PDF file" when its
    name says so."""
    article = "an" if kind == "SVG" else "a"  # the only kind here said with a vowel first
    named = "" if path.suffix.lower() in SUFFIXES[kind] else f" named {path.suffix or path.name}"
    return f"{article} {kind} file{named}"
