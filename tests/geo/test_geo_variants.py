"""Spelling variants collected from the reference sheets must resolve to the right agency.

``VARIANTS`` rows are (spelling, agency, where it was seen). ``summary`` spellings occur only in the dev file's
``bij_summary_short`` texts, which the gazetteer build never reads, so they exercise normalisation and fuzzy matching;
``sheet`` spellings occur in the TBIJ / New America / Dronestream location columns the table is built from.
bench/geo_eval.py reports the same list.
"""

from __future__ import annotations

import pytest

from strikewatch.geo import lookup

NW, SW = "North Waziristan", "South Waziristan"

VARIANTS: list[tuple[str, str, str]] = [
    # North Waziristan
    ("Miramshah", NW, "summary"),
    ("Miram Shah", NW, "sheet"),
    ("Miran Shah", NW, "summary"),
    ("Miransha", NW, "summary"),
    ("Miranshah", NW, "sheet"),
    ("Mirali", NW, "sheet"),
    ("Mir Ail", NW, "sheet"),
    ("Dattakhel", NW, "sheet"),
    ("Datakhel", NW, "issue"),
    ("Datta Khel Kalai", NW, "sheet"),
    ("Dandey Darpa Khel", NW, "sheet"),
    ("Danday Darpakhel", NW, "sheet"),
    ("Dandi Darpakhel", NW, "sheet"),
    ("Dargmandi", NW, "summary"),
    ("Dargi Mandi", NW, "summary"),
    ("Derga Mandai", NW, "summary"),
    ("Dargha Mandi", NW, "summary"),
    ("Derga Mandy", NW, "sheet"),
    ("Deghan", NW, "summary"),
    ("Degan", NW, "summary"),
    ("Gorwek", NW, "summary"),
    ("Gorwick", NW, "sheet"),
    ("Gorwaik", NW, "issue"),
    ("Momadkhel", NW, "summary"),
    ("Muhammad Khel", NW, "summary"),
    ("Madakhel", NW, "summary"),
    ("Mada Khel", NW, "summary"),
    ("Kaisore", NW, "summary"),
    ("Khysore", NW, "sheet"),
    ("Khisoor", NW, "sheet"),
    ("Hurmaz", NW, "summary"),
    ("Naurak", NW, "summary"),
    ("Spalga", NW, "summary"),
    ("Aspalga", NW, "sheet"),
    ("Machikhel", NW, "sheet"),
    ("Mossaki", NW, "sheet"),
    ("Mosakki", NW, "sheet"),
    ("Kutabkhel", NW, "summary"),
    ("Qutabkhel", NW, "summary"),
    ("Qutub Khel", NW, "sheet"),
    ("Toor Khel", NW, "summary"),
    ("Toorkhel", NW, "sheet"),
    ("Khushali Toorikhel", NW, "summary"),
    ("Khushali Khel", NW, "summary"),
    ("Hyder Khel", NW, "sheet"),
    ("Hassokhel", NW, "sheet"),
    ("Hisukhel", NW, "sheet"),
    ("Shanakhora", NW, "summary"),
    ("Shnakhura", NW, "sheet"),
    ("Sherani", NW, "summary"),
    ("Ismael Khel", NW, "sheet"),
    ("Payakhel", NW, "summary"),
    ("Payekhel", NW, "sheet"),
    ("Amboor Shagal", NW, "summary"),
    ("Ambur Shaga", NW, "sheet"),
    ("Lawra Mandi", NW, "summary"),
    ("Lowari Mandi", NW, "summary"),
    ("Neway Adda", NW, "sheet"),
    ("Spin Wam", NW, "sheet"),
    ("Spinwan", NW, "sheet"),
    ("Saigdai", NW, "summary"),
    ("Charkhel", NW, "summary"),
    ("Tapi Tool", NW, "summary"),
    ("Shawal Valley", NW, "sheet"),
    ("NWA", NW, "issue"),
    ("North Waziristan Agency", NW, "sheet"),
    ("North Waziristan District", NW, "issue"),
    # South Waziristan
    ("Azam Warzak", SW, "summary"),
    ("Shin Warzak", SW, "summary"),
    ("Sheen Warsak", SW, "sheet"),
    ("Karikot", SW, "summary"),
    ("Gangi Khel", SW, "summary"),
    ("Ganghikhel", SW, "sheet"),
    ("Maken", SW, "summary"),
    ("Makin", SW, "sheet"),
    ("Laddha", SW, "summary"),
    ("Kanigram", SW, "summary"),
    ("Kani Guram", SW, "sheet"),
    ("Tapargai", SW, "summary"),
    ("Tapar Ghai", SW, "summary"),
    ("Bhagar", SW, "summary"),
    ("Angor Adda", SW, "sheet"),
    ("Angur Adda", SW, "issue"),
    ("Mizai Nara", SW, "summary"),
    ("Sheen Warsak", SW, "sheet"),
    ("Sarorogha", SW, "sheet"),
    ("Tabbi Langar Khel", SW, "sheet"),
    ("Tiyarza", SW, "sheet"),
    ("Barmal", SW, "sheet"),
    ("Kaza Panga", SW, "sheet"),
    ("SWA", SW, "issue"),
    ("South Waziristan Lower", SW, "issue"),
    # other agencies and frontier regions
    ("Chenegai", "Bajaur", "sheet"),
    ("Chinagai", "Bajaur", "issue"),
    ("Damadola", "Bajaur", "summary"),
    ("Bajaur Agency", "Bajaur", "sheet"),
    ("Sarpal, Kurram Agency", "Kurram", "summary"),
    ("Sur Pul", "Kurram", "sheet"),
    ("Barjo", "Kurram", "summary"),
    ("Kurram Agency", "Kurram", "sheet"),
    ("Tirah valley", "Khyber", "summary"),
    ("Speen Drang", "Khyber", "summary"),
    ("Spin Drand", "Khyber", "sheet"),
    ("Khyber Agency", "Khyber", "sheet"),
    ("Khadezai", "Orakzai", "summary"),
    ("Bulandkhel", "Orakzai", "sheet"),
    ("Orakzai Agency", "Orakzai", "sheet"),
    ("Janni Khel", "FR Bannu", "summary"),
    ("Jani Khel", "FR Bannu", "sheet"),
    ("Bannu Frontier Region", "FR Bannu", "sheet"),
]


def test_list_is_large_enough_and_mostly_not_in_the_table_verbatim() -> None:
    assert len(VARIANTS) >= 60
    assert sum(1 for _, _, where in VARIANTS if where == "summary") >= 30


@pytest.mark.parametrize(("spelling", "agency", "where"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variant_resolves_to_agency(spelling: str, agency: str, where: str) -> None:
    results = lookup(spelling)
    assert results, f"{spelling!r} ({where}) found nothing"
    if results[0].geo_precision == "admin2" and results[0].admin2 != agency:
        # the name of a district elsewhere too (Sherani, Balochistan): the report's agency settles it
        assert any(r.admin2 == agency for r in results), f"{spelling!r}: no row in {agency}"
        results = lookup(f"{spelling}, {agency}")
    assert results[0].admin2 == agency, f"{spelling!r} -> {results[0]}"
    assert results[0].country == "PK"
