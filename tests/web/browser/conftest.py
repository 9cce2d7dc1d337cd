"""Browser-test fixtures: a real ``strikewatch serve`` on 127.0.0.1 and a real headless Debian Chromium.

Selenium is pointed at /usr/bin/chromedriver and /usr/bin/chromium, so Selenium Manager never downloads anything.
Every test's network log is checked: no request may leave 127.0.0.1. Screenshots go to artifacts/browser/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))  # tests/, for swtest

from browserkit import CHROMEDRIVER, CHROMIUM, Browser, free_port, make_driver, wait_http  # noqa: E402
from support.webdata import seed  # noqa: E402

PASSWORD = "reviewer-pass-123"


@pytest.fixture(scope="session")
def chromium_paths() -> tuple[str, str]:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        if os.environ.get("CI"):
            pytest.fail("Debian chromium and chromium-driver are required (scripts/setup.sh --with-test-services)")
        pytest.skip("chromium / chromedriver not installed")
    return CHROMIUM, CHROMEDRIVER


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A seeded SQLite database, a reviewer account made with the real CLI, and ``strikewatch serve``."""
    from strikewatch.db import open_db
    from strikewatch.db.engine import dispose_all

    tmp = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{tmp / 'web.db'}"
    ids = seed(open_db(url), extra=12)
    dispose_all()
    env = {**os.environ, "STRIKEWATCH_DB": url, "STRIKEWATCH_SECRET": "browser-test-secret"}
    add = subprocess.run([sys.executable, "-m", "strikewatch", "user", "add", "rita", "--role", "reviewer",
                          "--password-stdin"], input=PASSWORD + "\n", text=True, capture_output=True, env=env,
                         timeout=60)
    assert add.returncode == 0, add.stderr
    port = free_port()
    log = open(tmp / "serve.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "strikewatch", "serve", "--host", "127.0.0.1", "--port",
                             str(port), "--log-level", "warning"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/healthz", proc)
        yield {"base": base, "ids": ids, "db": url, "tmp": tmp, "env": env}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def browser(chromium_paths: tuple[str, str]) -> Iterator[Browser]:
    driver = make_driver(*chromium_paths)
    b = Browser(driver)
    try:
        yield b
        assert b.foreign_requests() == [], "requests left 127.0.0.1"
        assert b.csp_violations() == []
    finally:
        driver.quit()
        shutil.rmtree(driver._sw_profile, ignore_errors=True)
