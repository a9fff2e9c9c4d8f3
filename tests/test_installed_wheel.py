"""content/ and resources/ must work from an installed wheel, not only a checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_installs_and_validates_outside_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("hip_explorer-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # Dependencies come from this test run's environment (no network, no 300 MB Qt copy):
    # a .pth file puts its site-packages after the fresh venv's own.
    fresh_site = subprocess.run([str(python), "-c", "import sysconfig; "
                                 "print(sysconfig.get_paths()['purelib'])"],
                                capture_output=True, text=True, check=True).stdout.strip()
    Path(fresh_site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True, timeout=300)
    desktop = env_dir / "share" / "applications" / "hip-explorer.desktop"
    assert "Exec=hip-explorer" in desktop.read_text()
    assert (env_dir / "share/icons/hicolor/scalable/apps/hip-explorer.svg").is_file()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "HIP_EXPLORER_USER_CONTENT": str(tmp_path / "none")}
    command = env_dir / "bin" / "hip-explorer"
    result = subprocess.run([str(command), "validate"], cwd=outside, env=env,
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout
    listed = subprocess.run([str(command), "conditions", "--region", "back", "--json"],
                            cwd=outside, env=env, capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and json.loads(listed.stdout)
    where = subprocess.run([str(python), "-c", "import explorer.paths as p; "
                            "print(p.builtin_content_dir()); print(p.diagram_svg())"],
                           cwd=outside, env=env, capture_output=True, text=True, check=True)
    content_dir, svg = where.stdout.split()
    assert content_dir.startswith(fresh_site) and Path(svg).is_file()


def test_the_source_distribution_holds_what_the_readme_uses(tmp_path: Path) -> None:
    """The sdist lacked main.py, the Makefile, docs/ (the worked example, the sample
    handout, the screenshots) and a licence file, although the project says MIT."""
    import tarfile
    import zipfile

    subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--no-isolation",
                    "--outdir", str(tmp_path), str(ROOT)], check=True, capture_output=True,
                   timeout=300)
    with tarfile.open(next(tmp_path.glob("hip_explorer-*.tar.gz"))) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in ("LICENSE", "main.py", "Makefile", "docs/sample-handout.json",
                   "docs/example-clinic", "docs/window-outer.png", "content/regions.yaml"):
        assert needed in names, needed
    assert not any("__pycache__" in name for name in names)
    with zipfile.ZipFile(next(tmp_path.glob("hip_explorer-*.whl"))) as wheel:
        assert any(name.endswith(".dist-info/licenses/LICENSE") for name in wheel.namelist())
