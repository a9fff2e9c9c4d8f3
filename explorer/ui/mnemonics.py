"""Alt-letters for menu items made from content (a clinic's page titles): each takes a
letter no other item in its menu has, so Alt and that letter opens the one meant."""

from __future__ import annotations


def mnemonic(text: str) -> str:
    """The Alt-letter marked in a menu item's `text` with "&", in lower case, or ""."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1  # "&&" is a shown "&"
        i += 1
    return ""


def with_mnemonic(title: str, taken: set[str]) -> str:
    """`title` as a menu item's text ("&" shown as is), its Alt-letter the first one not
    `taken`: a word's first letter if one is free, else any letter; none if all are."""
    letters = [i for i, c in enumerate(title) if c.isalnum()]
    starts = [i for i in letters if i == 0 or not title[i - 1].isalnum()]
    others = [i for i in letters if i not in starts]
    free = next((i for i in (*starts, *others) if title[i].lower() not in taken), None)
    if free is None:
        return title.replace("&", "&&")
    return title[:free].replace("&", "&&") + "&" + title[free:].replace("&", "&&")
