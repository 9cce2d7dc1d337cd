"""geo_news reads the real-news set through news_set.load, scores each split apart, English articles apart, and
never lists a test article. The set here is written by us in a temporary folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from strikewatch.evaluate import geo_news
from strikewatch.evaluate.splits import news_split

DEV_URL = "https://example.org/news/1"
TEST_URL = "https://example.org/news/9"


def _strike(**place: str | None) -> dict[str, object]:
    return {"role": "news", "type": "drone_strike", "killed_min": 3, "killed_max": 3, **place}


def _write(root: Path, rows: list[tuple[str, str, str, list[dict[str, object]]]]) -> None:
    (root / "labels").mkdir(parents=True)
    (root / "texts").mkdir()
    lines = []
    for ident, url, text, strikes in rows:
        raw = text.encode("utf-8")
        (root / "texts" / f"{ident}.txt").write_bytes(raw)
        lines.append(json.dumps({"id": ident, "url": url, "text_sha256": hashlib.sha256(raw).hexdigest(),
                                 "chars": len(text), "reports_strike": bool(strikes), "strikes": strikes}))
    (root / "labels" / "t.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_splits_english_and_misses(tmp_path: Path) -> None:
    assert news_split(DEV_URL) == "dev" and news_split(TEST_URL) == "test"
    en = ("PESHAWAR: A drone fired two missiles at a compound in Mir Ali in North Waziristan on Sunday, killing "
          "three people, officials said in Peshawar.")
    wrong = "ISLAMABAD: A drone strike killed three people in the tribal areas, officials in Islamabad said."
    other = "Ein Drohnenangriff hat im Bezirk Mir Ali in Nordwasiristan drei Menschen getötet, hieß es am Sonntag."
    pk = _strike(country="PK", admin1="FATA", admin2="North Waziristan", place="Mir Ali")
    _write(tmp_path, [("a", DEV_URL, en, [pk]), ("b", "https://example.org/news/2", wrong, [pk]),
                      ("c", "https://example.org/news/3", other, [pk]), ("d", TEST_URL, wrong, [pk]),
                      ("e", "https://example.org/news/4", "Nothing about strikes here at all, only a court case.", [])])
    misses: list[dict[str, object]] = []
    res = geo_news.score(tmp_path, "both", misses=misses)
    assert res["dev:PK"]["n"] == 3 and res["dev:PK"]["exact"] >= 1
    assert res["dev:en:PK"]["n"] == 2  # the German article is not read as English
    assert res["test:PK"]["n"] == 1 and res["test:PK"]["exact"] == 0
    assert {m["id"] for m in misses} <= {"b", "c"}  # never the test article
    assert "b" in {m["id"] for m in misses}
    assert res["dev:all"]["dateline_or_statement_city_as_site"] == 0
    pooled = geo_news.score(tmp_path, "all")
    assert pooled["all:PK"]["n"] == 4


@pytest.mark.parametrize(
    ("text", "cc", "label"),
    [
        ("A US air strike hit a camp near Adado in Galguduud region of Somalia, killing four fighters.", "SO",
         "Galmudug"),
        ("An air strike hit a house in Khan Younis in the south of the Gaza Strip, killing three people.", "PS",
         "Gaza Strip"),
    ],
)
def test_label_regions_accept_any_of_their_provinces(tmp_path: Path, text: str, cc: str, label: str) -> None:
    _write(tmp_path, [("s", DEV_URL, text, [_strike(country=cc, admin1=label, admin2=None, place=None)])])
    assert geo_news.score(tmp_path, "dev")["dev:other"]["exact"] == 1


def test_main_reports_missing_set(tmp_path: Path) -> None:
    assert geo_news.main(["--root", str(tmp_path)]) == 2
