"""The strict YAML reader: types kept as text, hostile constructs refused with a line."""

from __future__ import annotations

import time

import pytest

from explorer.model.strict_yaml import MAX_FILE_BYTES, MAX_NODES, YamlError, parse


def test_yaml11_surprises_stay_text() -> None:
    doc = parse(b"country: NO\nanswer: yes\nswitch: on\nzip: 01234\ntime: 1:30\n"
                b"date: 2026-01-02\nversion: 1.10\ncount: 12\nflag: true\nnothing: null\n")
    assert doc.data == {
        "country": "NO", "answer": "yes", "switch": "on", "zip": "01234", "time": "1:30",
        "date": "2026-01-02", "version": 1.1, "count": 12, "flag": True, "nothing": None,
    }


def test_quoted_numbers_are_text() -> None:
    assert parse(b'sets: "3"\n').data == {"sets": "3"}


def test_lines_are_tracked() -> None:
    doc = parse(b"a: 1\nitems:\n  - x\n  - y: 2\n")
    assert doc.line_of(("items", 1, "y")) == 4
    assert doc.line_of(("items", 0)) == 3
    assert doc.line_of(("items", 5, "missing")) == 2  # falls back to the nearest parent


def _error(data: bytes) -> YamlError:
    with pytest.raises(YamlError) as info:
        parse(data)
    return info.value


def test_duplicate_key_names_both_lines() -> None:
    err = _error(b"name: A\nsummary: x\nname: B\n")
    assert err.line == 3
    assert "duplicate key 'name'" in err.message and "line 1" in err.message


def test_anchor_refused() -> None:
    err = _error(b"a: &x 1\nb: 2\n")
    assert err.line == 1 and "anchors" in err.message


def test_alias_bomb_refused_quickly() -> None:
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        .encode() for i in range(8)
    )
    start = time.perf_counter()
    err = _error(bomb)
    assert time.perf_counter() - start < 0.5
    assert err.line == 1


def value_flood(per_line: int = 30_000) -> bytes:
    """A small file (well under the size limit) with more than 50,000 values: the limit
    is crossed on its second line."""
    items = b", ".join(b"1" for _ in range(per_line))
    return b"a: [" + items + b"]\nb: [" + items + b"]\n"


def test_value_flood_refused_with_its_line() -> None:
    data = value_flood()
    assert len(data) < MAX_FILE_BYTES  # refused for its values, not its size
    err = _error(data)
    assert err.line == 2
    assert err.message == f"more than {MAX_NODES} values in one file"


def test_tags_refused() -> None:
    err = _error(b"ok: 1\nbad: !!python/object:os.system ls\n")
    assert err.line == 2 and "tags" in err.message


def test_oversized_file_refused() -> None:
    err = _error(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    assert "KiB" in err.message


def test_non_utf8_names_line() -> None:
    err = _error(b"a: fine\nb: caf\xe9\n")
    assert err.line == 2 and "UTF-8" in err.message


def test_tab_indentation_explained() -> None:
    err = _error(b"a:\n\t- x\n")
    assert err.line == 2 and "tabs" in err.message
    err = _error(b"a:\n  b: x\n  \tc: y\n")  # after spaces, still indentation
    assert err.line == 3 and "indent with spaces, not tabs" in err.message


def test_a_tab_within_a_line_is_read_as_yaml_reads_it() -> None:
    """PyYAML refuses every tab outside quotes, and the message said "indent with
    spaces" of a tab between words. YAML allows one anywhere but in the indentation."""
    doc = parse(b"name:\tClam\nnote: Two or three\teasy days\t# to check\n"
                b"steps:\n  - Lie\tdown \t\n\t\n  -\tHold\nsets:\t3\n")
    assert doc.data == {"name": "Clam", "note": "Two or three\teasy days",
                        "steps": ["Lie\tdown", "Hold"], "sets": 3}
    assert doc.line_of(("sets",)) == 7


def test_deep_nesting_refused() -> None:
    err = _error(b"a: " + b"[" * 200 + b"]" * 200 + b"\n")
    assert "nested" in err.message


def test_syntax_error_line() -> None:
    """The line where reading stopped, and the line where the open bracket is."""
    err = _error(b"a: 1\nb: [unclosed\nc: 2\n")
    assert err.line == 3 and err.message.startswith("YAML syntax")
    assert "[ ] list that starts on line 2" in err.message
    err = _error(b"id: x\nname: [oops\n")
    assert err.line == 3 and "got the end of the file" in err.message
    assert "starts on line 2" in err.message


def test_control_character_names_line() -> None:
    err = _error(b"a: fine\nb: bad\x01char\n")
    assert err.line == 2 and "not allowed" in err.message


@pytest.mark.parametrize(("text", "written"), [
    # QA: the standard tags were read although the content guide says no tags
    (b"ok: 1\nsets: !!str 3\n", "!!str"),
    (b"ok: 1\ndose: !!map {sets: 3}\n", "!!map"),
    (b"ok: 1\nsteps: !!seq [a, b]\n", "!!seq"),
    (b"ok: 1\nreps: ! 10\n", "!"),
    (b"ok: 1\nreps: !!int 10\n", "!!int"),
    (b"ok: 1\nname: !local x\n", "!local"),
])
def test_every_tag_is_refused_as_written(text: bytes, written: str) -> None:
    err = _error(text)
    assert err.line == 2
    assert err.message == (f"tags ({written}) are not allowed; remove it "
                           "(to keep a value as text, put it in quotes)")


def test_quotes_keep_a_value_as_text_without_a_tag() -> None:
    assert parse(b"a: '01234'\nb: \"3\"\nc: 01234\n").data == {"a": "01234", "b": "3",
                                                             "c": "01234"}


NBSP_SAYS = ("a non-breaking space (U+00A0, as pasted from Word or a web page) stands "
             "where an ordinary space is needed: delete it and type a space")


@pytest.mark.parametrize(("text", "line"), [
    # QA: reported on line 5, as "could not find expected ':' (while scanning a simple
    # key that starts on line 4)"
    ("id: x\nname: X\nsummary: s\nurgency:\u00a0routine\nhow_common: common\n", 4),
    ("id: x\nname: X\nurgency:\u00a0routine\n", 3),  # the last line
    ("id: x\nurgency: \u00a0routine\nsummary: s\n", 2),  # read as "\u00a0routine"
    ("id: x\nurgency\u00a0: routine\n", 2),  # a field "urgency\u00a0", unknown
    ("id: x\ndose:\n\u00a0 sets: 3\n  reps: 4\n", 3),  # indenting
    ("id: x\ndose:\n  sets: 3\n\u00a0 reps: 4\n", 4),
    ("id: x\nsteps:\n  -\u00a0one\n  - two\n", 3),  # read as the text "-\u00a0one - two"
    ("id: x\ndose: {sets:\u00a03}\n", 2),
])
def test_a_non_breaking_space_where_yaml_needs_a_space_is_named_at_its_line(
        text: str, line: int) -> None:
    err = _error(text.encode())
    assert (err.line, err.message) == (line, NBSP_SAYS)


def test_a_non_breaking_space_between_words_is_text() -> None:
    doc = parse("name: Knee\u00a0drive\nnote: \"Attention\u00a0: x\"\n".encode())
    assert doc.data == {"name": "Knee\u00a0drive", "note": "Attention\u00a0: x"}


def test_the_usual_slips_are_explained_where_they_are() -> None:
    """QA as a clinic's physio: raw parser messages ("mapping values are not allowed
    here") with no hint, and a quote left open on line 3 reported at the next field,
    line 6, as "expected <block end>, but found '<scalar>'"."""
    err = _error(b"id: x\nnote: Stop sprints: easy flat running is fine.\n")
    assert err.line == 2
    assert err.message.endswith("put the text in double quotes, or indent this line as "
                                "the one above it")
    err = _error(b"id: x\nsteps:\n  - a: 1\n   b: 2\n")  # three spaces, not four
    assert err.line == 4 and "not lined up with the lines above it" in err.message
    err = _error(b'id: x\nname: Y\nsummary: "It starts\n  and goes on.\nurgency: routine\n'
                 b'regions: [front]\n')
    assert err.line == 3
    assert err.message.startswith("text in double quotes begins on this line and is not "
                                  'closed: end it with "')
    # a quote that is closed on a later line is a quote, and 5" in plain text none
    assert parse(b'a: "one\n  two"\nb: 5" tall\n').data == {"a": "one two", "b": '5" tall'}


def test_utf16_without_its_mark_is_named_as_not_utf8() -> None:
    """It said "file contains a NUL byte" (with the mark: "not UTF-8 text")."""
    for codec in ("utf-16-le", "utf-16-be"):
        err = _error("id: x\nname: Zoe\n".encode(codec))
        assert (err.line, err.message) == (
            1, "file is not UTF-8 text (UTF-16, it seems; save it as UTF-8)")
    assert _error(b"id: x\nname: a\x00b\n").message == "file contains a NUL byte"
