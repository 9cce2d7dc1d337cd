"""Tracker place names are read through the gazetteer; places.py keeps only the spellings the gazetteer lacks."""

from __future__ import annotations

import pytest

from strikewatch.analyse import places
from strikewatch.geo import get_gazetteer


@pytest.mark.parametrize("spelling", [*places._ADMIN2_SPELLINGS, *places._ADMIN1_SPELLINGS])
def test_places_keeps_no_spelling_the_gazetteer_has(spelling: str) -> None:
    """Once the gazetteer knows a spelling as a district or province, its line in places.py is to be deleted."""
    known = [p for p in get_gazetteer().exact(spelling) if p.kind in ("admin1", "admin2")]
    assert known == [], f"the gazetteer has {spelling!r} now: delete it from strikewatch/analyse/places.py"


def test_trackers_spellings_come_out_as_the_gazetteers_names() -> None:
    kp = "Khyber Pakhtunkhwa"
    assert places.normalize_area("N. Waziristan Agency") == (kp, "North Waziristan")  # a gazetteer alias
    assert places.normalize_area("Lower Kurram Agency") == (kp, "Kurram")  # a spelling kept here
    assert places.normalize_area("Frontier Region Bannu") == (kp, "FR Bannu")  # the gazetteer keeps FRs apart
    assert places.normalize_area("NWFP") == (kp, None)
    assert places.admin1_of("Chagai") == "Balochistan"
    assert places.known_admin2("Hungu") == (kp, "Hangu")
    assert [places.country_code(n) for n in ("Pakistan", "Yemen ", "Mali", "Atlantis")] == ["PK", "YE", "ML", None]
