"""Layering rules: the model and the renderer never import Qt; start-up stays lean."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "explorer"
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "numpy")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", ["model", "render"])
def test_pure_layers_do_not_import_qt(layer: str) -> None:
    files = sorted((PACKAGE / layer).glob("*.py"))
    assert files, f"explorer/{layer} has no modules"
    for path in files:
        bad = [n for n in _imports(path) if n.split(".")[0] in QT_MODULES]
        assert not bad, f"{path.name} imports {bad}"


def test_model_import_loads_no_qt_at_runtime() -> None:
    code = ("import sys, explorer.model, explorer.cli; "
            "print([m for m in sys.modules if m.split('.')[0] in "
            f"{QT_MODULES!r}])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
