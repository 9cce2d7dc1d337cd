"""Namesakes settled by the country the whole article is about (our own sentences)."""

from __future__ import annotations

from strikewatch.geo import find_places, get_gazetteer, resolve
from strikewatch.geo.context import article_countries, dominant
from strikewatch.schema import GeoResult


def in_sentence(text: str, sentence: str) -> GeoResult | None:
    """The site of one sentence of an article, read as the extractor reads it (the whole text, one stretch)."""
    start = text.index(sentence)
    return resolve(text, start, start + len(sentence))


STRIKE_YE = "The strike hit a pickup truck in Bayda on Sunday night."


def test_bayda_province_in_a_yemen_story_is_yemen() -> None:
    text = (
        "A US drone strike killed three suspected AQAP members, Yemeni security officials said. "
        + STRIKE_YE
        + " Residents in Sanaa said the men were local tribesmen."
    )
    r = in_sentence(text, STRIKE_YE)
    assert r is not None and r.country == "YE" and r.admin1 == "Al Bayda"
    # the same sentence with no country anywhere else is still the other namesake: the article decided it
    bare = in_sentence(STRIKE_YE, STRIKE_YE)
    assert bare is not None and bare.country == "LY"
    # "Bayda province" names Yemen's governorate (Libya's Al Bayda is a city), whatever the article
    province = "The strike hit a pickup truck in Bayda province on Sunday night."
    r = in_sentence(province, province)
    assert r is not None and r.country == "YE" and r.admin1 == "Al Bayda"


def test_a_country_as_actor_still_tells_the_story_country() -> None:
    text = "Yemen condemned the attack and Sanaa demanded an inquiry. " + STRIKE_YE
    places = find_places(text)
    assert [m.role for m in places if m.text == "Yemen"] == ["actor"]
    r = in_sentence(text, STRIKE_YE)
    assert r is not None and r.country == "YE"


def test_barmal_in_an_afghan_story_and_birmal_in_a_pakistani_one() -> None:
    strike_af = "A drone strike hit a compound in Barmal district on Friday, killing four fighters."
    af = (
        "Afghan officials in Paktika said the dead were Taliban commanders. "
        + strike_af
        + " The Afghan interior ministry confirmed the toll."
    )
    r = in_sentence(af, strike_af)
    assert r is not None and r.country == "AF" and r.admin1 == "Paktika"

    strike_pk = "The missiles struck a house in Birmal on Friday, killing four fighters."
    pk = (
        "Pakistani intelligence officials in Wana described the dead as foreign fighters. "
        + strike_pk
        + " The area lies close to the Afghan border."
    )
    r = in_sentence(pk, strike_pk)
    assert r is not None and r.country == "PK" and r.admin2 == "South Waziristan"
    # a border is where the story is not: "the Afghan border" does not count for Afghanistan
    assert dominant(article_countries(pk, get_gazetteer())) == "PK"


def test_the_sentence_settles_before_the_article() -> None:
    # an Afghan-heavy article whose strike sentence itself places Barmal in Pakistan
    strike = "A second drone struck Barmal, South Waziristan, hours later."
    text = (
        "Afghan officials said two strikes hit Afghanistan's east. Kabul condemned them and Afghan forces "
        "were on alert in Paktika. " + strike
    )
    r = in_sentence(text, strike)
    assert r is not None and r.country == "PK" and r.admin2 == "South Waziristan"


def test_unambiguous_site_stays_in_an_article_naming_both_countries() -> None:
    strike = "Missiles hit a house in Datta Khel on Tuesday."
    text = (
        "Afghan and Pakistani officials met in Kabul to discuss Afghanistan and Afghan refugees in Pakistan. "
        + strike
        + " Afghanistan's foreign ministry said it had not been told."
    )
    assert dominant(article_countries(text, get_gazetteer())) == "AF"
    r = in_sentence(text, strike)
    assert r is not None and r.country == "PK" and r.admin2 == "North Waziristan" and r.place == "Datta Khel"


def test_a_namesake_only_abroad_is_not_the_site_of_an_afghan_story() -> None:
    strike = "The strike hit a house in Qush Tepa district on Monday."
    text = (
        "Afghan officials in Jowzjan said six militants died. " + strike
        + " Afghanistan's defence ministry confirmed the raid."
    )
    r = in_sentence(text, strike)
    assert r is None or r.country == "AF"
    # with the province in the sentence the answer is the Afghan province, not Iraq's Qushtepe
    chained = "Afghan officials said the strike hit a house in Qush Tepa district of Jowzjan province."
    r = in_sentence(chained, chained)
    assert r is not None and r.country == "AF" and r.admin1 == "Jowzjan"
    # a name that is a province abroad (Iraq's Basra) is no more the site of an Afghan story
    basra = "A drone hit a house in Basra village on Monday."
    text = "Afghan officials in Helmand said two men died. " + basra + " Afghanistan's army confirmed it."
    r = in_sentence(text, basra)
    assert r is None or r.country == "AF"
    # while in an Iraqi story Basra stays Iraq's
    iraq = "Iraqi officials said two men died. " + basra + " Baghdad confirmed it."
    r = in_sentence(iraq, basra)
    assert r is not None and r.country == "IQ"


def test_ordinary_words_do_not_become_places_through_context() -> None:
    strike = "Hit by two missiles, the compound collapsed and the strike killed five people."
    text = "Iraqi officials in Anbar said the strike was American. " + strike + " Iraq protested."
    assert dominant(article_countries(text, get_gazetteer())) == "IQ"
    assert not [m for m in find_places(text) if m.text == "Hit"]
    assert in_sentence(text, strike) is None
    tank = "Tank crews fired on the compound before the drone strike killed two men."
    pk = "Pakistani officials in North Waziristan said the dead were militants. " + tank
    assert in_sentence(pk, tank) is None
