"""Publication dates the file gives itself (a dateline, a published/updated line, the URL, the page's metadata),
used when no --published is given, and said by `ingest` and `extract`. Sentences are our own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.ingest.pubdate import date_from_url, dateline, published_line, text_dates
from strikewatch.ingest.read import Input, ReadOptions, read_input
from strikewatch.schema import ArticleIn

BODY = ("A US drone fired two missiles at a compound in North Waziristan on Sunday, killing at least four suspected "
        "militants, local officials said.\n\nThe strike hit a house in the village of Datta Khel. Two others were "
        "injured, a resident said.")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _read(path: Path, published: dt.date | None = None) -> ArticleIn:
    kind = {".txt": "text", ".html": "html", ".jsonl": "jsonl"}[path.suffix]
    items = list(read_input(Input(str(path), kind), ReadOptions(published=published)))  # type: ignore[arg-type]
    assert len(items) == 1 and isinstance(items[0], ArticleIn), items
    return items[0]


def test_dateline_forms() -> None:
    for opening, want in [
        ("MIRANSHAH, March 3, 2013 — ", dt.date(2013, 3, 3)),
        ("PESHAWAR, Pakistan, 3 March 2013: ", dt.date(2013, 3, 3)),
        ("Sanaa (AP), 14th of June, 2014 - ", dt.date(2014, 6, 14)),
        ("ISLAMABAD: Sept. 9, 2012 – ", dt.date(2012, 9, 9)),
        ("WANA, Tuesday, 2011-07-12 — ", dt.date(2011, 7, 12)),
    ]:
        found = dateline(opening + BODY)
        assert found is not None and found.date == want and found.basis == "dateline", opening
    # a dateline without a year leaves the year open: no date
    assert dateline("MIRANSHAH, March 3 — " + BODY) is None
    # a date inside the story is not a dateline
    assert dateline(BODY + "\n\nThe previous strike, on March 3, 2013 — a Sunday — killed two.") is None


def test_published_lines_and_their_order() -> None:
    head = "Drone strike kills four in North Waziristan\n\n"
    found = published_line(head + "Published: 4 March 2013 09:10 PKT\n\n" + BODY)
    assert found is not None and found.date == dt.date(2013, 3, 4)
    # first publication wins over an update, whichever comes first in the text
    both = published_line(head + "Updated March 6, 2013\nFirst published on Mon 4 Mar 2013\n\n" + BODY)
    assert both is not None and both.date == dt.date(2013, 3, 4)
    only_update = published_line(head + "Last updated: 6 March 2013\n\n" + BODY)
    assert only_update is not None and only_update.date == dt.date(2013, 3, 6)
    byline = published_line(head + "By Amina Khan | March 5, 2013\n\n" + BODY)
    assert byline is not None and byline.date == dt.date(2013, 3, 5)
    alone = published_line(head + "March 5, 2013\n\n" + BODY)
    assert alone is not None and alone.date == dt.date(2013, 3, 5)
    foot = published_line(head + BODY + "\n\n" + "More of the same report. " * 80 + "\n\nPosted 7 March 2013")
    assert foot is not None and foot.date == dt.date(2013, 3, 7)
    # not a date line: a sentence that has a date in it
    assert published_line(head + BODY + " The army said on March 3, 2013 that it would respond.") is None
    # implausible dates are no publication date
    assert published_line(head + f"Published: 1 January {dt.date.today().year + 2}\n\n" + BODY) is None


def test_url_dates() -> None:
    assert date_from_url("https://news.example.org/2013/03/03/drone-strike") == dt.date(2013, 3, 3)
    assert date_from_url("https://news.example.org/world/2013-03-03-drone-strike.html") == dt.date(2013, 3, 3)
    assert date_from_url("https://news.example.org/story/20130303/drone") == dt.date(2013, 3, 3)
    assert date_from_url("https://news.example.org/2013/13/40/x") is None
    assert date_from_url("https://news.example.org/story/123456789") is None


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2024, 12, 31)),
       st.sampled_from(["MIRANSHAH", "Sanaa", "KABUL, Afghanistan", "Mogadishu"]),
       st.sampled_from(["mdy", "dmy", "iso"]), st.sampled_from([" — ", " - ", ": ", " – "]))
def test_dateline_property(day: dt.date, place: str, form: str, sep: str) -> None:
    written = {"mdy": f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
               "dmy": f"{day.day} {MONTHS[day.month - 1]} {day.year}", "iso": day.isoformat()}[form]
    text = f"Drone strike\n\n{place}, {written}{sep}{BODY}"
    found = text_dates(text)
    assert found and found[0].date == day and found[0].basis == "dateline"


def test_ingest_uses_the_dates_the_file_gives(tmp_path: Path) -> None:
    (tmp_path / "dl.txt").write_text("MIRANSHAH, March 3, 2013 — " + BODY)
    art = _read(tmp_path / "dl.txt")
    assert (art.published, art.published_basis) == (dt.date(2013, 3, 3), "dateline")
    # --published is for inputs that carry no date of their own
    assert _read(tmp_path / "dl.txt", dt.date(2020, 1, 1)).published_basis == "dateline"
    (tmp_path / "plain.txt").write_text(BODY)
    art = _read(tmp_path / "plain.txt", dt.date(2013, 3, 4))
    assert (art.published, art.published_basis) == (dt.date(2013, 3, 4), "cli")
    assert _read(tmp_path / "plain.txt").published_basis == "unknown"
    # a published line beats the dateline (it dates the page; a dateline may be an agency's earlier filing)
    (tmp_path / "both.txt").write_text("Four killed\n\nPublished: 4 March 2013\n\nMIRANSHAH, March 3, 2013 — " + BODY)
    assert _read(tmp_path / "both.txt").published == dt.date(2013, 3, 4)
    # HTML: the page's metadata (htmldate) first; without any, the dateline of its body
    paras = "".join(f"<p>{p}</p>" for p in ("MIRANSHAH, March 3, 2013 — " + BODY).split("\n\n"))
    (tmp_path / "page.html").write_text("<html><head><title>Four killed</title></head><body><article>"
                                        f"<h1>Four killed</h1>{paras}</article></body></html>")
    art = _read(tmp_path / "page.html")
    assert (art.published, art.published_basis) == (dt.date(2013, 3, 3), "dateline")
    (tmp_path / "meta.html").write_text('<html><head><title>Four killed</title><meta property="article:published_'
                                        'time" content="2013-03-04T08:00:00Z"></head><body><article>'
                                        f"<h1>Four killed</h1>{paras}</article></body></html>")
    art = _read(tmp_path / "meta.html")
    assert (art.published, art.published_basis) == (dt.date(2013, 3, 4), "html-meta")
    # JSONL: the line's own field first, then what its text and url give
    lines = [{"id": "a", "text": BODY, "url": "https://x.example.org/2013/03/05/strike", "published": "2013-03-06"},
             {"id": "b", "text": BODY, "url": "https://x.example.org/2013/03/05/strike"},
             {"id": "c", "text": "WANA, 5 March 2013 - " + BODY}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    items = list(read_input(Input(str(tmp_path / "in.jsonl"), "jsonl"), ReadOptions()))
    got = [(a.published, a.published_basis) for a in items if isinstance(a, ArticleIn)]
    assert got == [(dt.date(2013, 3, 6), "jsonl"), (dt.date(2013, 3, 5), "url"), (dt.date(2013, 3, 5), "dateline")]


def test_extract_command_says_which_date_it_used(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "dl.txt").write_text("MIRANSHAH, March 3, 2013 — " + BODY)
    res = cli("extract", str(tmp_path / "dl.txt"))
    assert res.returncode == 0, res.stderr
    assert "published 2013-03-03 (the dateline 'MIRANSHAH, March 3, 2013 —')" in res.stderr
    out = json.loads(res.stdout)
    assert (out["published"], out["published_basis"]) == ("2013-03-03", "dateline")
    given_ = cli("extract", str(tmp_path / "dl.txt"), "--published", "2013-03-04")
    assert "published 2013-03-04 (--published)" in given_.stderr
    assert json.loads(given_.stdout)["published_basis"] == "cli"
    (tmp_path / "plain.txt").write_text(BODY)
    none = cli("extract", str(tmp_path / "plain.txt"))
    assert "published unknown (none found in the text" in none.stderr and "--published" in none.stderr
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": 1, "text": "WANA, 5 March 2013 - " + BODY}) + "\n")
    line = json.loads(cli("extract", "--jsonl", str(tmp_path / "in.jsonl")).stdout)
    assert (line["published"], line["published_basis"]) == ("2013-03-05", "dateline")
