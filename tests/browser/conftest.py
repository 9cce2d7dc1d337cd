"""Browser-test fixtures: a real ``strikewatch serve`` on 127.0.0.1 and a real headless Debian Chromium.

Selenium is pointed at /usr/bin/chromedriver and /usr/bin/chromium, so Selenium Manager never downloads anything.
Every test's network log is checked: no request may leave 127.0.0.1. Screenshots go to artifacts/browser/.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from test_web_data import seed  # noqa: E402

ROOT = TESTS.parent
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PASSWORD = "reviewer-pass-123"
LOCAL_SCHEMES = ("data:", "blob:", "about:", "chrome:", "chrome-extension:", "devtools:")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


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


def make_driver(chromium: str, chromedriver: str, width: int = 1280, height: int = 900) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="sw-chromium-")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-default-apps", "--disable-extensions", f"--user-data-dir={profile}",
                f"--window-size={width},{height}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=opts)
    driver.set_page_load_timeout(30)
    driver._sw_profile = profile  # type: ignore[attr-defined]
    return driver


class Browser:
    """A Chromium session that records every URL it requested and every console message."""

    def __init__(self, driver: Any) -> None:
        self.d = driver
        self.urls: list[str] = []
        self.console: list[dict[str, Any]] = []

    def drain_logs(self) -> None:
        for entry in self.d.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.requestWillBeSent":
                self.urls.append(msg["params"]["request"]["url"])
        self.console.extend(self.d.get_log("browser"))

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.d.save_screenshot(str(path))
        return path

    def foreign_requests(self) -> list[str]:
        self.drain_logs()
        return [u for u in self.urls if not u.startswith("http://127.0.0.1:") and not u.startswith(LOCAL_SCHEMES)]

    def csp_violations(self) -> list[str]:
        self.drain_logs()
        return [c["message"] for c in self.console if "Content Security Policy" in c.get("message", "")]


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
