"""Helpers of the browser tests: a real headless Debian Chromium driven by Selenium, and what it requested.

Selenium is pointed at /usr/bin/chromedriver and /usr/bin/chromium, so Selenium Manager never downloads anything.
"""

from __future__ import annotations

import json
import socket
import tempfile
import time
from pathlib import Path
from subprocess import Popen
from typing import Any
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
LOCAL_SCHEMES = ("data:", "blob:", "about:", "chrome:", "chrome-extension:", "devtools:")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: Popen[bytes], timeout: float = 30) -> None:
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


def make_driver(chromium: str, chromedriver: str, width: int = 1280, height: int = 900) -> Any:
    import os

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never fetch a browser or driver
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
