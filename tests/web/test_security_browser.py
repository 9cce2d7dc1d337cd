"""Stored script is inert, checked in real headless Chromium against ``strikewatch serve``.

Articles whose text, title, outlet and URL carry ``<script>``, event-handler attributes, ``javascript:`` links and
template syntax are ingested; a reviewer writes the same into a strike's place and target and into a reason. Every
payload would set ``document.title`` to HACKED (or raise an alert) if it ran. On every page that shows them (article,
strike, table, audit, map popup, review page signed in) the title stays ours, no alert opens, the page holds no
element with an event-handler attribute and no inline script, the payload is shown as text, and the browser
reports no Content-Security-Policy violation (which would mean live markup had reached the DOM).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from browserkit import CHROMEDRIVER, CHROMIUM, Browser, free_port, make_driver, wait_http  # noqa: E402

pytestmark = pytest.mark.browser
PASSWORD = "reviewer-pass-456"
PWN = "document.title=String.fromCharCode(72,65,67,75,69,68)"  # sets "HACKED", a word no payload contains
PAYLOADS = [
    f"<script>{PWN}</script>",
    f'<img src=x onerror="{PWN}">',
    f"<svg onload={PWN}>",
    f'"><script>{PWN}</script>',
    f"'><img src=x onerror={PWN}>",
    f"</textarea></title><script>{PWN}</script>",
    f'<a href="javascript:{PWN}">click</a>',
    f"<iframe srcdoc=\"<script>parent.{PWN}</script>\"></iframe>",
    f"<body onload={PWN}>",
    f"<details open ontoggle={PWN}>",
    "{{7*7}} ${7*7} {% raw %}",
]
STRIKE = "A US drone strike killed four people in Datta Khel, North Waziristan, on Monday, officials said."
HANDLERS_JS = """
return Array.from(document.querySelectorAll('*')).filter(function (el) {
  if (el.tagName === 'SCRIPT' && !el.src) { return true; }
  if (el.tagName === 'IFRAME') { return true; }
  for (var i = 0; i < el.attributes.length; i++) {
    var a = el.attributes[i];
    if (/^on/i.test(a.name)) { return true; }
    if (/^\\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)) { return true; }
  }
  return false;
}).map(function (el) { return el.outerHTML.slice(0, 200); });
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        if os.environ.get("CI"):
            pytest.fail("Debian chromium and chromium-driver are required")
        pytest.skip("chromium / chromedriver not installed")
    from sqlalchemy import select

    from strikewatch.db import open_db, session_scope
    from strikewatch.db.engine import dispose_all
    from strikewatch.db.tables import Article, Strike
    from strikewatch.ingest.pipeline import ingest_sources
    from strikewatch.merge import review
    from strikewatch.web.auth import add_user

    tmp = tmp_path_factory.mktemp("xss")
    url = f"sqlite:///{tmp / 'xss.db'}"
    src = tmp / "in"
    src.mkdir()
    body = "\n\n".join([STRIKE, *PAYLOADS, "Officials said the " + PAYLOADS[1] + " house was destroyed."])
    (src / "hostile.txt").write_text(f"Drone strike {PAYLOADS[0]}\n\n{body}\n")
    lines = [{"id": f"x{i}", "text": f"{STRIKE} {p} Residents counted the dead on Tuesday.", "title": p, "outlet": p,
              "url": f"javascript:{PWN}" if i == 0 else f"https://example.org/{i}?q={p}", "published": "2014-06-16"}
             for i, p in enumerate(PAYLOADS[:4])]
    (src / "hostile.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    engine = open_db(url)
    rep = ingest_sources(engine, [str(src)], published=None)
    assert rep.merge_error is None and len(rep.stored) == 5, rep.to_dict()
    with session_scope(engine) as s:
        add_user(s, "rita", PASSWORD, "reviewer")
        sid = s.scalar(select(Strike.id).where(Strike.status == "active").order_by(Strike.id))
        assert sid is not None, "the hostile articles should still make a strike record"
    with session_scope(engine) as s:
        review.set_fields(s, sid, {"place": PAYLOADS[1], "target": PAYLOADS[2], "lat": "32.9", "lon": "69.9"},
                          by="rita", reason=PAYLOADS[0])
    with session_scope(engine) as s:
        titles = {a: t for a, t in s.execute(select(Article.id, Article.title).order_by(Article.id))}
        txt_id = s.scalar(select(Article.id).where(Article.source.endswith("hostile.txt")))
    dispose_all()
    env = {**os.environ, "STRIKEWATCH_DB": url, "STRIKEWATCH_SECRET": "xss-test-secret"}
    port = free_port()
    log = open(tmp / "serve.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "strikewatch", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--log-level", "warning"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/healthz", proc)
        yield {"base": base, "strike": sid, "articles": titles, "txt": txt_id}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def chromium() -> Iterator[Browser]:
    driver = make_driver(CHROMIUM, CHROMEDRIVER)
    b = Browser(driver)
    try:
        yield b
    finally:
        driver.quit()
        shutil.rmtree(driver._sw_profile, ignore_errors=True)


def _inert(b: Browser, what: str, shown: list[str]) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = b.d.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"{what}: an alert opened ({text!r})")
    except NoAlertPresentException:
        pass
    assert "HACKED" not in b.d.execute_script("return document.title"), what
    assert "HACKED" not in b.d.execute_script("return window.top.document.title"), what
    live = b.d.execute_script(HANDLERS_JS)
    assert live == [], f"{what}: live markup in the page: {live}"
    text = b.d.execute_script("return document.body.innerText")
    for p in shown:
        assert p in text, f"{what}: payload not shown as text: {p!r}"
    assert b.csp_violations() == [], what
    assert b.foreign_requests() == [], what


def test_stored_script_is_inert_on_every_page(hostile_site: dict[str, Any], chromium: Browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    b, base, sid = chromium, hostile_site["base"], hostile_site["strike"]
    pages = 0
    for aid, title in hostile_site["articles"].items():
        b.d.get(f"{base}/articles/{aid}")
        _inert(b, f"article {aid}", [title])  # each title is a payload, shown as text
        pages += 1
    b.d.get(f"{base}/articles/{hostile_site['txt']}")
    _inert(b, "article page", PAYLOADS)
    b.d.get(f"{base}/strikes/{sid}")
    _inert(b, "strike page", [PAYLOADS[1]])
    b.shot("xss-strike-page")
    b.d.get(f"{base}/strikes")
    _inert(b, "table", [])
    b.d.get(f"{base}/audit")
    _inert(b, "audit", [PAYLOADS[0]])
    b.d.get(f"{base}/timeline")
    WebDriverWait(b.d, 20).until(lambda d: d.find_element(By.ID, "timeline").get_attribute("data-ready") == "1")
    _inert(b, "timeline", [])
    pages += 5
    # the map: open the hostile record's popup, which the script builds from the API's JSON
    b.d.get(f"{base}/")
    WebDriverWait(b.d, 20).until(lambda d: d.find_element(By.ID, "map").get_attribute("data-ready") == "1")
    marker = WebDriverWait(b.d, 20).until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, f".sw-marker[data-strike-id='{sid}']")))
    b.d.execute_script("arguments[0].focus()", marker)
    marker.send_keys(Keys.ENTER)
    WebDriverWait(b.d, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".leaflet-popup-content")))
    _inert(b, "map popup", [])
    assert PAYLOADS[1] in b.d.find_element(By.CSS_SELECTOR, ".leaflet-popup-content").text
    b.shot("xss-map-popup")
    # signed in: the review pages show the same data with forms around it
    b.d.get(f"{base}/login?next=/review/strikes/{sid}")
    b.d.find_element(By.ID, "l-name").send_keys("rita")
    b.d.find_element(By.ID, "l-pass").send_keys(PASSWORD + Keys.ENTER)
    WebDriverWait(b.d, 20).until(EC.url_contains(f"/review/strikes/{sid}"))
    _inert(b, "review page", [PAYLOADS[1]])
    b.d.get(f"{base}/review")
    _inert(b, "review list", [])
    pages += 3
    out = Path(__file__).resolve().parents[2] / "artifacts" / "hardening"
    out.mkdir(parents=True, exist_ok=True)
    (out / "xss.json").write_text(json.dumps({"payloads": len(PAYLOADS), "pages": pages}))
