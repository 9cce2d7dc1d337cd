"""Build step of the wheel (pyproject.toml holds everything else): a built strikewatch carries its web assets and
its example reports, so that a plain ``pip install .`` serves the map and runs ``strikewatch demo``.

The web assets (Leaflet, markercluster, topojson-client, Natural Earth boundaries, Swagger UI) are installed from the
npm registry at build time by ``scripts/fetch_assets.sh`` (``npm ci`` against package-lock.json: the same files
every build) and copied into the wheel's ``strikewatch/web/static/vendor/``; nothing is fetched at run time and
nothing from a CDN. An editable install (``scripts/setup.sh``) reads them from the source tree instead.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
VENDOR = ROOT / "strikewatch" / "web" / "static" / "vendor"
EXAMPLES = ROOT / "examples" / "articles"


class BuildWithAssets(build_py):
    """build_py, then the web assets and the example reports into the build tree (not for editable installs)."""

    def run(self) -> None:
        editable = getattr(self, "editable_mode", False)
        if not editable:  # a stale build/lib (a module since removed or renamed) must never reach the wheel
            shutil.rmtree(Path(self.build_lib) / "strikewatch", ignore_errors=True)
        super().run()
        if editable:
            return
        self._vendor()
        self._examples()

    def _vendor(self) -> None:
        try:
            subprocess.run(["bash", str(ROOT / "scripts" / "fetch_assets.sh")], check=True, cwd=ROOT)
        except (OSError, subprocess.CalledProcessError) as exc:
            if not (VENDOR / "leaflet" / "leaflet.js").exists():
                raise SystemExit(
                    "building strikewatch needs Node.js and npm: the web assets come from the npm registry "
                    f"(scripts/fetch_assets.sh failed: {exc})"
                ) from None
        dst = Path(self.build_lib) / "strikewatch" / "web" / "static" / "vendor"
        if dst.exists():
            shutil.rmtree(dst)
        shutil.copytree(VENDOR, dst, ignore=shutil.ignore_patterns(".stamp"))

    def _examples(self) -> None:
        if not EXAMPLES.is_dir():
            return
        dst = Path(self.build_lib) / "strikewatch" / "_examples" / "articles"
        if dst.exists():
            shutil.rmtree(dst)
        shutil.copytree(EXAMPLES, dst)


setup(cmdclass={"build_py": BuildWithAssets})
