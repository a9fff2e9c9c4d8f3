"""Property-based fuzzing of the content loader: whatever a content file holds, the
loader returns content plus problems, never raises, never hangs, and never loses the
good files of the folder. A longer run: HYPOTHESIS_PROFILE=long (see README)."""

from __future__ import annotations

import os
import shutil
import time

from conftest import DIAGRAM, FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.model import load_content

settings.register_profile("default", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

GOOD = {p.name: p.read_bytes() for p in (FIXTURES / "mini" / "conditions").glob("*.yaml")}
SEED = (FIXTURES / "mini" / "conditions" / "lateral-thing.yaml").read_bytes()

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=50))
yaml_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=30)


def _yaml_dump(value: object) -> bytes:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True).encode("utf-8")


mutations = st.one_of(
    st.binary(max_size=2000),  # random bytes
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    yaml_values.map(_yaml_dump),  # random YAML documents
    st.integers(0, len(SEED)).map(lambda n: SEED[:n]),  # truncated files
    st.tuples(st.integers(0, len(SEED)), st.binary(min_size=1, max_size=20)).map(
        lambda t: SEED[:t[0]] + t[1] + SEED[t[0]:]),  # bytes spliced in
    st.integers(50, 5000).map(lambda n: b"a: " + b"[" * n + b"]" * n),  # deep nesting
    st.integers(1, 400_000).map(lambda n: b"summary: " + b"x" * n + b"\n"),  # huge strings
    st.sampled_from([b"a: &x [1]\nb: *x\n", b"!!python/object/apply:os.system ['ls']\n",
                     b"\xef\xbb\xbf\x00\x00", b"- - - - -\n", b"? [a]\n: b\n"]),
)


@given(data=mutations)
def test_any_file_gives_content_and_problems(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(FIXTURES / "mini", folder, dirs_exist_ok=True)
    (folder / "conditions" / "zz-fuzz.yaml").write_bytes(data)
    start = time.perf_counter()
    content = load_content([folder], svg_file=DIAGRAM)  # must not raise
    assert time.perf_counter() - start < 5.0
    assert {f"{c}.yaml" for c in content.conditions} >= set(GOOD)  # good files still load
    for problem in content.problems:
        assert problem.line >= 1 and str(problem)


@given(data=mutations)
def test_any_shared_file_never_raises(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("fuzz-shared")
    shutil.copytree(FIXTURES / "mini", folder, dirs_exist_ok=True)
    (folder / "regions.yaml").write_bytes(data)
    content = load_content([folder], svg_file=DIAGRAM)
    assert set(content.exercises) == {"clam"}  # other files are unaffected
    for problem in content.problems:  # each says where: a file of this folder, a line
        assert problem.path.is_relative_to(folder) and problem.line >= 1, str(problem)
    if content.problems:  # a damaged region file is named among them
        assert any(p.path.name == "regions.yaml" for p in content.problems)


