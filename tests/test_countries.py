from __future__ import annotations

import pytest

from natospend import countries


@pytest.mark.parametrize("name,iso3", [
    ("U.K.", "GBR"), ("Britain", "GBR"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
    ("Czechia", "CZE"), ("the Czech Republic", "CZE"), ("North Macedonia", "MKD"),
    ("the Netherlands", "NLD"), ("Holland", "NLD"), ("America", "USA"), ("the U.S.", "USA"),
    ("Polish", "POL"), ("poland", "POL"), ("Slovak Republic", "SVK"), ("European allies", "EUROPE"),
])
def test_news_spellings_resolve(name, iso3):
    assert countries.resolve(name) == iso3


def test_unknown_country_suggests_close_names():
    with pytest.raises(countries.UnknownCountryError, match="did you mean Poland"):
        countries.resolve("Polan")
    with pytest.raises(countries.UnknownCountryError, match="unknown country 'Narnia'"):
        countries.resolve("Narnia")


def test_groups_have_the_right_members():
    g = countries.groups()
    assert len(g["NATO"].members) == 32
    assert "USA" not in g["NATO_EUROPE_CANADA"].members and "CAN" in g["NATO_EUROPE_CANADA"].members
    assert len(g["EU"].members) == 23
    assert "CAN" not in g["EUROPE"].members


def test_members_on_a_date_follow_accessions():
    from datetime import date

    assert "FIN" not in countries.members_on(date(2023, 4, 3))
    assert "FIN" in countries.members_on(date(2023, 4, 4))
    assert len(countries.members_on(date(2024, 3, 7))) == 32
