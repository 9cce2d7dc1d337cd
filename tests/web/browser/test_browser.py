"""The pages in real headless Chromium: map + marker, timeline, strike page evidence, reviewer merge, phone width,
the static export. Each test also asserts that no request left 127.0.0.1 and that the CSP was never violated."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any
from urllib.request import urlopen

import pytest
from browserkit import Browser, free_port, make_driver, wait_http
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser


def wait(b: Browser, cond: Any, timeout: float = 20) -> Any:
    return WebDriverWait(b.d, timeout).until(cond)


def test_map_marker_popup_to_strike_page_with_evidence(live: dict[str, Any], browser: Browser) -> None:
    b, ids = browser, live["ids"]
    b.d.get(live["base"] + "/")
    wait(b, lambda d: d.find_element(By.ID, "map").get_attribute("data-ready") == "1")
    wait(b, lambda d: d.find_element(By.ID, "map").get_attribute("data-admin1") == "1")
    assert int(b.d.find_element(By.ID, "map").get_attribute("data-markers")) == 16  # 17 records, 1 without place
    assert b.d.find_elements(By.CSS_SELECTOR, "path.leaflet-interactive, .leaflet-overlay-pane path")  # boundaries
    assert "without coordinates" in b.d.find_element(By.ID, "map-status").text
    b.shot("map")
    # the Yemen record stands alone: open it from the keyboard, then follow the popup's link
    marker = wait(b, EC.presence_of_element_located((By.CSS_SELECTOR, f".sw-marker[data-strike-id='{ids['bayda']}']")))
    with urlopen(live["base"] + f"/api/strikes/{ids['bayda']}") as resp:
        grade = json.load(resp)["grade"]
    assert f"g-{grade}" in marker.get_attribute("class")  # coloured by grade
    b.d.execute_script("arguments[0].focus()", marker)
    marker.send_keys(Keys.ENTER)
    link = wait(b, EC.element_to_be_clickable((By.CSS_SELECTOR, ".leaflet-popup-content a.open-strike")))
    assert grade.capitalize() in b.d.find_element(By.CSS_SELECTOR, ".leaflet-popup-content").text
    b.shot("map-popup")
    link.click()
    wait(b, EC.url_contains(f"/strikes/{ids['bayda']}"))
    marks = b.d.find_elements(By.CSS_SELECTOR, "mark.evidence")
    assert "Two men were killed" in [m.text for m in marks]
    # back on the map, a cluster opens into its markers when clicked
    b.d.back()
    wait(b, lambda d: d.find_element(By.ID, "map").get_attribute("data-ready") == "1")
    before = len(b.d.find_elements(By.CSS_SELECTOR, ".sw-marker"))
    wait(b, EC.element_to_be_clickable((By.CSS_SELECTOR, ".sw-cluster"))).click()
    wait(b, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".sw-marker")) > before)
    b.shot("map-cluster-opened")


def test_timeline_bands_and_week_view(live: dict[str, Any], browser: Browser) -> None:
    b = browser
    b.d.get(live["base"] + "/timeline")
    box = wait(b, EC.presence_of_element_located((By.CSS_SELECTOR, "#timeline[data-ready='1']")))
    months = int(box.get_attribute("data-bars"))
    assert months >= 4
    assert b.d.find_elements(By.CSS_SELECTOR, "#timeline polygon.band")
    assert b.d.find_elements(By.CSS_SELECTOR, "#timeline polyline.civ")
    assert "strikes from" in b.d.find_element(By.ID, "timeline-caption").text
    b.shot("timeline-month")
    b.d.find_element(By.CSS_SELECTOR, "button[data-period='week']").click()
    wait(b, lambda d: d.find_element(By.CSS_SELECTOR, "button[data-period='week']").get_attribute("aria-pressed")
         == "true" and d.find_element(By.ID, "timeline").get_attribute("data-ready") == "1")
    # bars are focusable and describe themselves
    bar = b.d.find_element(By.CSS_SELECTOR, "#timeline rect.bar[tabindex='0']")
    assert " strike" in bar.get_attribute("aria-label")  # "1 strike", "3 strikes"
    b.shot("timeline-week")


def test_strike_page_highlights_evidence_in_context(live: dict[str, Any], browser: Browser) -> None:
    b, ids = browser, live["ids"]
    b.d.get(live["base"] + f"/strikes/{ids['miranshah']}")
    assert "4–6" in b.d.find_element(By.CSS_SELECTOR, "table.counts").text
    assert "Fair" in b.d.find_element(By.CSS_SELECTOR, ".facts").text  # two independent sources agree
    assert len(b.d.find_elements(By.CSS_SELECTOR, "article.source")) == 2
    marks = {m.text for m in b.d.find_elements(By.CSS_SELECTOR, "blockquote mark.evidence")}
    assert {"At least four people were killed", "Six people were killed", "two of the dead were civilians"} <= marks
    bg = b.d.find_element(By.CSS_SELECTOR, "mark.evidence").value_of_css_property("background-color")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    b.d.set_window_size(1280, 1600)
    b.shot("strike-page")
    b.d.find_element(By.CSS_SELECTOR, "blockquote footer a").click()
    wait(b, EC.url_contains("/articles/"))
    target = b.d.execute_script("var t = document.querySelector(':target'); return t && t.textContent")
    assert target and target in marks
    b.shot("article-page")


def test_reviewer_signs_in_merges_and_sees_audit(live: dict[str, Any], browser: Browser) -> None:
    b, ids = browser, live["ids"]
    b.d.get(live["base"] + "/review")
    wait(b, EC.url_contains("/login"))
    b.d.find_element(By.ID, "l-name").send_keys("rita")
    b.d.find_element(By.ID, "l-pass").send_keys("reviewer-pass-123" + Keys.ENTER)
    wait(b, EC.url_contains("/review"))
    assert "rita" in b.d.find_element(By.CSS_SELECTOR, ".who").text
    cookies = {c["name"]: c for c in b.d.get_cookies()}
    assert cookies["sw_session"]["httpOnly"] and cookies["sw_session"]["sameSite"] == "Strict"
    b.d.find_element(By.ID, f"sel-{ids['miranshah']}").click()
    b.d.find_element(By.ID, f"sel-{ids['dande']}").click()
    b.d.find_element(By.ID, "m-reason").send_keys("The 19 June date is a misreading: one strike at Miranshah")
    b.shot("review-before-merge")
    b.d.find_element(By.ID, "merge-button").click()
    wait(b, EC.url_contains("reviewed=merge"))
    kept = min(ids["miranshah"], ids["dande"])
    assert f"/strikes/{kept}" in b.d.current_url
    assert len(b.d.find_elements(By.CSS_SELECTOR, "article.source")) == 3
    entry = b.d.find_element(By.CSS_SELECTOR, "ol.audit li.audit-entry").text
    assert "merge" in entry and "rita" in entry and "one strike" in entry
    b.d.set_window_size(1280, 1800)
    b.shot("review-after-merge")
    other = max(ids["miranshah"], ids["dande"])
    b.d.get(live["base"] + f"/strikes/{other}")
    assert "merged" in b.d.find_element(By.CSS_SELECTOR, ".notice").text
    b.d.get(live["base"] + "/audit")
    assert "one strike" in b.d.find_element(By.CSS_SELECTOR, "table.audit-table").text
    b.shot("audit")


def test_phone_width_table_and_keyboard(live: dict[str, Any], browser: Browser) -> None:
    b = browser
    b.d.set_window_size(390, 844)
    b.d.get(live["base"] + "/strikes?country=PK")
    overflow = b.d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than a phone screen"
    rows = b.d.find_elements(By.CSS_SELECTOR, "#strike-table tbody tr")
    assert 1 <= len(rows) <= 4
    # the first Tab reaches the skip link, which jumps to the content
    b.d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = b.d.switch_to.active_element
    assert active.get_attribute("class") == "skip"
    b.shot("phone-table")
    b.d.get(live["base"] + "/")
    wait(b, lambda d: d.find_element(By.ID, "map").get_attribute("data-ready") == "1")
    assert b.d.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 1
    b.shot("phone-map")


def test_static_export_serves_from_any_static_host(live: dict[str, Any], chromium_paths: tuple[str, str]) -> None:
    out = live["tmp"] / "site"
    r = subprocess.run([sys.executable, "-m", "strikewatch", "export-site", str(out)], env=live["env"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    port = free_port()
    host = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
                             str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    b = Browser(make_driver(*chromium_paths))
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(base + "/index.html", host)
        b.d.get(base + "/index.html")
        wait(b, lambda d: d.find_element(By.ID, "map").get_attribute("data-ready") == "1")
        assert int(b.d.find_element(By.ID, "map").get_attribute("data-markers")) >= 15
        b.d.get(base + "/strikes.html")
        box = b.d.find_element(By.ID, "quick-filter")
        box.send_keys("yemen")
        visible = [r for r in b.d.find_elements(By.CSS_SELECTOR, "#strike-table tbody tr") if r.is_displayed()]
        assert len(visible) == 1
        visible[0].find_element(By.TAG_NAME, "a").click()
        wait(b, EC.url_contains("/strikes/"))
        assert b.d.find_elements(By.CSS_SELECTOR, "mark.evidence")
        b.shot("static-strike")
        b.d.get(base + "/timeline.html")
        wait(b, EC.presence_of_element_located((By.CSS_SELECTOR, "#timeline[data-ready='1']")))
        assert b.foreign_requests() == []
        assert b.csp_violations() == []
    finally:
        b.d.quit()
        host.terminate()
        host.wait(timeout=10)


def test_api_docs_render_from_local_assets(live: dict[str, Any], browser: Browser) -> None:
    b = browser
    b.d.get(live["base"] + "/docs")
    wait(b, EC.presence_of_element_located((By.CSS_SELECTOR, ".swagger-ui .opblock-tag")))
    text = b.d.find_element(By.ID, "swagger-ui").text
    assert "/api/strikes" in text and "/api/review/merge" in text
    b.shot("api-docs")
