"""Distances and directions from a reference place ("45 km west of Miranshah") move the strike's estimated point."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.geo import find_places, lookup, resolve
from strikewatch.geo.gazetteer import haversine_km
from strikewatch.geo.offsets import KM_PER_MILE, destination, initial_bearing, parse_offset
from strikewatch.schema import GeoResult

COMPASS = {
    "north": 0.0, "north-east": 45.0, "northeast": 45.0, "north east": 45.0, "east": 90.0, "south-east": 135.0,
    "southeast": 135.0, "south": 180.0, "south-west": 225.0, "southwest": 225.0, "west": 270.0,
    "north-west": 315.0, "northwest": 315.0, "North-West": 315.0,
}
UNITS = {"km": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kms": 1.0, "miles": KM_PER_MILE, "mile": KM_PER_MILE}
TOWNS = ["Miranshah", "Mir Ali", "Wana", "Datta Khel", "Razmak"]


def site(text: str) -> GeoResult | None:
    return resolve(text, 0, len(text))


def angle_between(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


def point_of(name: str) -> tuple[float, float]:
    r = lookup(name)[0]
    assert r.lat is not None and r.lon is not None
    return r.lat, r.lon


# --- the phrase ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "km", "bearing"),
    [
        ("A drone hit a car 45 kilometres west of ", 45.0, 270.0),
        ("missiles struck a compound about 30 km (20 miles) north-east of ", 30.0, 45.0),
        ("the vehicle was hit 20 miles south of ", 20 * KM_PER_MILE, 180.0),
        ("a house some 10 km from ", 10.0, None),
        ("a compound 30 to 40 km to the north-west of the town of ", 35.0, 315.0),
        ("a car 12km north of ", 12.0, 0.0),
        ("a madrassa 2.5 km southwest of ", 2.5, 225.0),
    ],
)
def test_reads_distance_and_direction(before: str, km: float, bearing: float | None) -> None:
    off = parse_offset(before)
    assert off is not None
    assert off.km == pytest.approx(km)
    assert off.bearing == bearing


@pytest.mark.parametrize(
    "before",
    [
        "a compound a few kilometres from ",  # no number: no distance to apply
        "a car west of ",  # a direction with no distance
        "four people travelling from ",
        "the 12 men who came from ",  # a number that is not a distance
        "in 2009, 45 km west of Miranshah; later that day in ",  # the phrase belongs to another name
    ],
)
def test_no_distance_no_offset(before: str) -> None:
    assert parse_offset(before) is None


@given(
    n=st.integers(min_value=1, max_value=400),
    unit=st.sampled_from(sorted(UNITS)),
    word=st.sampled_from(sorted(COMPASS)),
    about=st.sampled_from(["", "about ", "some ", "roughly "]),
    to_the=st.booleans(),
)
def test_phrase_property(n: int, unit: str, word: str, about: str, to_the: bool) -> None:
    before = f"the strike hit a house {about}{n} {unit} {'to the ' if to_the else ''}{word} of "
    off = parse_offset(before)
    assert off is not None
    assert off.km == pytest.approx(n * UNITS[unit])
    assert off.bearing == COMPASS[word]


# --- the geometry ----------------------------------------------------------------------------------------------


@given(
    lat=st.floats(min_value=-70, max_value=70),
    lon=st.floats(min_value=-179.9, max_value=179.9),
    km=st.floats(min_value=0.5, max_value=800),
    bearing=st.sampled_from(sorted(set(COMPASS.values()))),
)
def test_destination_is_the_stated_distance_and_bearing(lat: float, lon: float, km: float, bearing: float) -> None:
    lat2, lon2 = destination(lat, lon, km, bearing)
    assert -90 <= lat2 <= 90 and -180 <= lon2 <= 180
    assert haversine_km(lat, lon, lat2, lon2) == pytest.approx(km, rel=0.01)
    assert angle_between(initial_bearing(lat, lon, lat2, lon2), bearing) < 0.5


# --- the resolver ----------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    town=st.sampled_from(TOWNS),
    n=st.integers(min_value=2, max_value=60),
    unit=st.sampled_from(["km", "kilometres", "miles"]),
    word=st.sampled_from(["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]),
    template=st.sampled_from(
        [
            "A US drone fired two missiles at a vehicle {d} of {t} on Tuesday, killing four suspected militants.",
            "PESHAWAR: Missiles struck a compound about {d} of {t}, intelligence officials said.",
            "The strike, {d} of {t}, destroyed a house, residents told reporters by telephone.",
        ]
    ),
)
def test_reference_offset_moves_the_point(town: str, n: int, unit: str, word: str, template: str) -> None:
    text = template.format(d=f"{n} {unit} {word}", t=town)
    r = site(text)
    ref = lookup(town)[0]
    rlat, rlon = point_of(town)
    km = n * UNITS[unit]
    assert r is not None and r.lat is not None and r.lon is not None
    assert r.place is None and r.geo_precision == "admin2"
    assert r.admin2 == ref.admin2 and r.country == "PK"  # the reference's agency is kept
    assert haversine_km(rlat, rlon, r.lat, r.lon) == pytest.approx(km, rel=0.01)
    assert angle_between(initial_bearing(rlat, rlon, r.lat, r.lon), COMPASS[word]) < 1.0
    assert r.source is not None and "(offset applied)" in r.source and "estimate" in r.source
    assert text[r.start : r.end] == town  # type: ignore[index]


def test_wire_copy_sentence() -> None:
    text = (
        "MIRANSHAH, Pakistan (AP) — A suspected US drone fired two missiles at a pickup truck 45 kilometres west of "
        "Miranshah early on Monday, killing three people, two intelligence officials said."
    )
    r = site(text)
    assert r is not None and r.admin2 == "North Waziristan" and r.geo_precision == "admin2"
    mlat, mlon = point_of("Miranshah")
    assert r.lat is not None and r.lon is not None
    assert r.lon < mlon - 0.4 and abs(r.lat - mlat) < 0.01  # 45 km due west: about 0.48 degrees of longitude
    assert r.source is not None and "45 kilometres west of Miranshah (offset applied)" in r.source


def test_miles_with_kilometres_in_brackets() -> None:
    text = "The missiles hit a car about 30 km (20 miles) north-east of Wana, a tribal elder said."
    r = site(text)
    assert r is not None and r.admin2 == "South Waziristan"
    wlat, wlon = point_of("Wana")
    assert r.lat is not None and r.lon is not None
    assert haversine_km(wlat, wlon, r.lat, r.lon) == pytest.approx(30.0, rel=0.01)  # the first figure counts
    assert r.lat > wlat and r.lon > wlon


def test_distance_without_direction_keeps_the_reference_point() -> None:
    text = "A drone struck a house some 10 km from Mir Ali late on Thursday."
    r = site(text)
    assert r is not None and r.admin2 == "North Waziristan" and r.geo_precision == "admin2"
    assert (r.lat, r.lon) == point_of("Mir Ali")
    assert r.source is not None and "no direction given" in r.source and "offset applied" not in r.source


def test_named_site_beats_the_offset() -> None:
    text = (
        "A drone fired two missiles at a house in the Gorwaik area of Datta Khel town, 45 kilometres west of "
        "Miranshah, killing four people."
    )
    r = site(text)
    assert r is not None and r.place == "Gurwak" and r.geo_precision == "place"
    assert (r.lat, r.lon) == point_of("Gurwak")
    assert r.source is not None and "offset" not in r.source
    # the reference still carries its offset for whoever reads the mentions
    miranshah = [m for m in find_places(text) if m.text == "Miranshah"]
    assert miranshah and miranshah[0].role == "reference" and miranshah[0].offset is not None
    assert miranshah[0].offset.km == 45.0 and miranshah[0].offset.bearing == 270.0


def test_agency_site_takes_the_offset_point_over_its_centre() -> None:
    text = "The drone struck a vehicle in North Waziristan, 20 km west of Mir Ali, on Friday."
    r = site(text)
    assert r is not None and r.admin2 == "North Waziristan" and r.place is None and r.geo_precision == "admin2"
    alat, alon = point_of("Mir Ali")
    assert r.lat is not None and r.lon is not None
    assert haversine_km(alat, alon, r.lat, r.lon) == pytest.approx(20.0, rel=0.01)


def test_second_place_of_between_is_not_offset() -> None:
    text = "The drone struck a car 10 km north of Mir Ali, between Darga Mandi and Ghulam Khan."
    offsets = {m.text: m.offset for m in find_places(text)}
    assert offsets["Mir Ali"] is not None and offsets["Mir Ali"].bearing == 0.0
    assert offsets["Darga Mandi"] is None and offsets["Ghulam Khan"] is None


def test_extraction_carries_the_estimated_point() -> None:
    from strikewatch.extract import extract_article

    text = (
        "A US drone fired two missiles at a vehicle 30 km south of Miranshah on Tuesday, killing four suspected "
        "militants, officials said."
    )
    events = [e for e in extract_article(text).events if e.role == "main"]
    assert events
    e = events[0]
    mlat, mlon = point_of("Miranshah")
    assert e.admin2 == "North Waziristan" and e.geo_precision == "admin2"
    assert e.lat is not None and e.lon is not None
    assert haversine_km(mlat, mlon, e.lat, e.lon) == pytest.approx(30.0, rel=0.01) and e.lat < mlat
