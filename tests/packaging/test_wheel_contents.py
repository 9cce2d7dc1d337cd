"""The built wheel ships what the application runs, not the test/benchmark/build tools that live in swdev/."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Modules the application never runs; each lives (or is moving) under swdev/.
NOT_SHIPPED = ["synth/", "fixtures.py", "build_table.py"]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """File names inside a wheel built offline from a copy of the tree (the repository itself is not written to)."""
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("strikewatch", "swdev"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(src)],
        check=True, capture_output=True, cwd=src,
    )
    (whl,) = out.glob("strikewatch-*.whl")
    with zipfile.ZipFile(whl) as z:
        return z.namelist()


def test_wheel_ships_the_runtime_package(wheel_names: list[str]) -> None:
    assert "strikewatch/cli/__init__.py" in wheel_names
    assert any(n.startswith("strikewatch/geo/data/") for n in wheel_names)
    assert any(n.startswith("strikewatch/db/migrations/versions/") for n in wheel_names)
    assert any(n.startswith("strikewatch/db/migrations/legacy/") for n in wheel_names)  # for pre-squash databases
    assert "strikewatch/model_types.pyi" in wheel_names  # mypy's view of the derived fields, for py.typed users
    assert not [n for n in wheel_names if n.startswith(("swdev/", "tests/", "bench/"))]


@pytest.mark.parametrize("name", NOT_SHIPPED)
def test_wheel_has_no_dev_tools(wheel_names: list[str], name: str) -> None:
    if name == "build_table.py" and (ROOT / "strikewatch/geo/build_table.py").exists():
        pytest.xfail("the geo helper (#13) moves geo/build_table.py to swdev/")
    shipped = [n for n in wheel_names if f"/{name}" in n]
    assert shipped == []
