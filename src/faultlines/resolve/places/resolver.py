"""Document-level place resolution: each mention to one gazetteer entry, using what the text says.

Evidence, strongest first: the container the text names ("Sarwan (Aleppo)", "Hawija, in Kirkuk
province"), a descriptor ("Deir Ezzor province", "Aleppo countryside"), countries named or implied
in the sentence ("the Iraqi side"), the countries of the actors and of the other places in the
document, and, last, population.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from faultlines.resolve.places.gazetteer import (
    MAIN_MATCH,
    SKELETON_MATCH,
    Entry,
    Gazetteer,
    eponymous_regions,
    get_gazetteer,
    kind_fit,
    population_prior,
)
from faultlines.resolve.places.geo import distance_km
from faultlines.resolve.places.keys import fold, name_key, split_descriptor, wordset
from faultlines.resolve.places.model import (
    ACLED_PRECISION,
    ADMIN1,
    ADMIN2,
    COUNTRY,
    NEAR,
    PlaceCandidate,
    PlaceContext,
    PlaceMention,
)

# Below this score nothing is returned (a skeleton-only match with no supporting context).
MIN_SCORE = 0.75
# How much size speaks for a place when the context is silent ("Paris" is the French one).
POPULATION_WEIGHT = 0.5
# Extra weight for a town ten times larger than any namesake.
DOMINANCE_BONUS = 0.25
# A place said to be "in" a town or district lies within this distance of it.
CONTAINER_KM = 60.0
# What lying in the district of its own name gives a town no outer container places.
NAMESAKE_BONUS = 0.3
# What the entries of a country that has a district of the name gain when the text says "district".
DISTRICT_COUNTRY_BONUS = 0.4
_DISTRICT_WORDS = wordset("district subdistrict sub-district lga tehsil upazila raion rayon woreda mandal regency")
# What a region gains when its name closes the brackets after a place ("Alexandria (Virginia)").
BRACKETED_REGION_BONUS = 0.3
# A bracket opened after a place and still open: "Kouki (Nana-Bakassa, " or "Alexandria (".
_BRACKET_TAIL = re.compile(r"\w[\w'’.-]*\s?\([^()]*$")
# What a small place outside the document's countries loses, and what counts as small.
FOREIGN_PENALTY = 0.8
FOREIGN_CITY_POPULATION = 300_000
_WORD = re.compile(r"[^\W\d_]+")
_NEAR_BEFORE = re.compile(
    r"\b(?:near|outskirts of|outside(?: of)?|countryside of|rural|around|close to|vicinity of)\s*$",
    re.IGNORECASE,
)
_ACTOR_NOUNS = wordset("forces force army military troops soldiers jets aircraft drones navy police militants fighters")
_NOT_CONTAINERS = wordset("north south east west northeast northwest southeast southwest central upper lower")
_REGION_BEFORE = re.compile(r"\b(?:province|governorate|region|oblast|state) of\s*$", re.IGNORECASE)


@dataclass
class _Hints:
    """What a mention's own wording says about where it is."""

    bare: str
    implied: str | None
    regions: list[str]
    container_countries: set[str]
    sentence_countries: set[str]
    bracketed: bool = False
    """The name stands last in brackets after another place, where notes write the region: "(Virginia)"."""
    district: bool = False
    """The text calls the name a district ("Bardiya district", "Kwande LGA")."""


class _Evidence(NamedTuple):
    """What the other confidently resolved places of a document say about where a mention is."""

    countries: Counter[str]
    """The countries they lie in; a place named in a country says more than the country's name
    ("refugees from Ukraine"), so it counts twice."""
    regions: dict[tuple[str, str], float]
    """The share of each (country, region) among those that are not countries."""
    named_countries: set[str]
    """The countries named outright."""

    @classmethod
    def of(cls, others: list[Entry]) -> _Evidence:
        """The evidence of the ``others``, the entries of the mentions that vouch for a mention."""
        countries: Counter[str] = Counter()
        for c in others:
            countries[c.country] += 1 if c.feature == COUNTRY else 2
        regions = Counter((c.country, c.admin1_code) for c in others if c.feature != COUNTRY)
        shares = {key: n / sum(regions.values()) for key, n in regions.items()}
        return cls(countries, shares, {c.country for c in others if c.feature == COUNTRY})


class PlaceResolver:
    """Resolves the place mentions of one document together; see :func:`resolve_places`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gz = gazetteer
        self._prior: dict[str, float] = {}
        self._outer_cache: dict[str, list[Entry]] = {}
        # Countries of the other places (not countries) the document names confidently.
        self._region_countries: set[str] = set()
        # Countries the document names outright ("Syria"): their towns are not foreign to it.
        self._named_countries: set[str] = set()

    # -- evidence -------------------------------------------------------------------------
    def hints(self, mention: PlaceMention) -> _Hints:
        bare, implied = split_descriptor(mention.text.strip())
        descriptor_first = implied is not None and not fold(mention.text.strip()).startswith(fold(bare))
        if (implied == "town" or descriptor_first) and self.gz.has_name(name_key(mention.text)):
            # "Morehead City", "Mexico City", "District of Columbia": the whole is the name
            bare, implied = mention.text.strip(), None
        before = self._text_before(mention)
        if implied is None and _REGION_BEFORE.search(before):
            implied = "region"
        elif _NEAR_BEFORE.search(before):
            implied = NEAR
        regions: list[str] = []
        container_countries: set[str] = set()
        for part in (mention.container or "").split(","):
            part_bare = self._bare(part.strip())
            if not part_bare or fold(part_bare) in _NOT_CONTAINERS or part_bare[0].islower():
                continue  # "(East)", "(coded to district level)"
            if name_key(part_bare) == name_key(bare) and "," not in mention.container:  # type: ignore[operator]
                continue  # "San Jose, San Jose": a lone district of the same name says nothing
            code = self.gz.country_code(part_bare)
            if code and not self._names_region(part_bare):
                container_countries.add(code)
            else:
                regions.append(part_bare)  # "Columbus (Georgia)", "Beni (Paikoro, Niger)": a region
        sentence_countries = self._sentence_countries(mention.sentence, bare)
        bracketed = implied is None and _BRACKET_TAIL.search(before) is not None and not mention.container
        district = fold(mention.text.split()[-1]) in _DISTRICT_WORDS if bare != mention.text.strip() else False
        return _Hints(bare, implied, regions, container_countries, sentence_countries, bracketed, district)

    def _bare(self, name: str) -> str:
        """``name`` without its descriptor, unless the whole is a known name ("City of Cape Town")."""
        bare = split_descriptor(name)[0]
        return name if bare != name and self.gz.has_name(name_key(name)) else bare

    def _exact(self, bare: str) -> list[Entry]:
        """Entries named ``bare``, and those named without its descriptor: "Hyderabad City" is an
        other name of the Pakistani Hyderabad only, but the Indian one is a city too."""
        found = self.gz.entries(bare, fuzzy=False)
        stripped = split_descriptor(bare)[0]
        if stripped != bare and not any(e.match == MAIN_MATCH for e in found):  # not "Iowa City"
            seen = {e.id for e in found}
            found += [
                e
                for e in self.gz.entries(stripped, fuzzy=False)
                if e.id not in seen and e.feature not in (ADMIN1, COUNTRY)
            ]
        return found

    def _placed(self, entry: Entry, hints: _Hints) -> bool:
        """True when the text says where the mention lies and ``entry`` lies there."""
        if hints.container_countries and entry.country not in hints.container_countries:
            return False
        if hints.regions:
            return self.fits_container(entry, hints)
        return bool(hints.container_countries)

    def _names_region(self, name: str) -> bool:
        """True when ``name`` is also a first-level region's name somewhere (Georgia, Niger)."""
        return any(e.feature == ADMIN1 for e in self.gz.entries(name, fuzzy=False))

    @staticmethod
    def _text_before(mention: PlaceMention) -> str:
        """The words of the mention's sentence before it (before this occurrence of its name, when
        the mention says where it stands)."""
        if mention.start is not None and mention.sentence_start is not None:
            at = mention.start - mention.sentence_start
        else:
            at = mention.sentence.find(mention.text)
        return mention.sentence[:at] if at > 0 else ""

    def _sentence_countries(self, sentence: str, bare: str) -> set[str]:
        """The countries the sentence's demonyms point at ("the Iraqi side"), but ``bare``'s own."""
        own = fold(bare)
        return {code for word, code in _demonyms(self.gz, sentence) if word != own}

    def entries(self, hints: _Hints, exact: list[Entry], context_countries: set[str]) -> list[Entry]:
        """Exact-key entries, plus skeleton ones when no exact one lies in a country the text suggests."""
        wanted = context_countries | hints.sentence_countries | hints.container_countries
        if exact and (not wanted or any(e.country in wanted for e in exact)):
            return exact
        if any(e.population >= FOREIGN_CITY_POPULATION for e in exact):
            return exact  # "Milano" is Milan, not a spelling variant of Malyn (Ukraine)
        seen = {e.id for e in exact}
        variants = [e for e in self.gz.entries_by_skeleton(hints.bare) if e.id not in seen]
        # A spelling variant is only worth trying where the text points: "Nijmeh" in a Lebanese note
        # is not Nanjing, nor "Gwacheon" (Korea) Wuhan, nor, in a note that names no country, "Kawlin"
        # (Myanmar) Lanzhou.
        return exact + [e for e in variants if e.country in wanted]

    def fits_container(self, entry: Entry, hints: _Hints) -> bool:
        """True when ``entry`` lies in a place the text puts it in (same region, or close by)."""
        return self.container_fit(entry, hints) is not None

    def container_fit(self, entry: Entry, hints: _Hints) -> int | None:
        """Index of the innermost container ``entry`` lies in ("Sarwan (Jabal, Aleppo)"), None if none."""
        own = name_key(split_descriptor(hints.bare)[0])
        namesakes = []
        for k, region in enumerate(hints.regions):
            if name_key(split_descriptor(region)[0]) == own and k + 1 < len(hints.regions):
                namesakes.append(k)
                continue  # "Hyderabad city (Hyderabad district, Telangana)": the outer one decides
            if self._lies_in(entry, region):
                return k
        # "Islamabad city (Islamabad, FCT)": when no outer container fits ("FCT" is Abuja's too), the
        # district of the town's own name still places it, as the last and weakest container
        return len(hints.regions) if any(self._in_district(entry, hints.regions[k]) for k in namesakes) else None

    def _in_district(self, entry: Entry, region: str) -> bool:
        """True when a district or region (not ``entry`` itself) of the name ``region`` holds ``entry``."""
        for outer in self._outer(region):
            if outer.id == entry.id or outer.country != entry.country or outer.feature not in (ADMIN1, ADMIN2):
                continue
            if outer.feature == ADMIN1 and outer.admin1_code == entry.admin1_code:
                return True
            if (
                outer.feature == ADMIN2
                and distance_km(outer.latitude, outer.longitude, entry.latitude, entry.longitude) <= CONTAINER_KM
            ):
                return True
        return False

    def _lies_in(self, entry: Entry, region: str) -> bool:
        """True when ``entry`` lies in the place the text calls ``region`` (same region, or close by)."""
        if self.gz.in_region(entry, name_key(region)):
            return True
        outers = self._outer(region)
        # "Tejalpa (Morelos)": a region of that name in the country means the region, not a town.
        regional = any(o.feature == ADMIN1 and o.country == entry.country for o in outers)
        for outer in outers:
            if outer.id == entry.id:
                return True  # the same place under two spellings: "Singa (Sinja locality, Sennar)"
            if outer.country != entry.country or (regional and outer.feature != ADMIN1):
                continue
            if outer.feature == ADMIN1 and outer.admin1_code == entry.admin1_code:
                return True
            near = distance_km(outer.latitude, outer.longitude, entry.latitude, entry.longitude)
            if outer.feature != ADMIN1 and near <= CONTAINER_KM:
                return True
        return False

    def _outer(self, region: str) -> list[Entry]:
        if region not in self._outer_cache:
            found = self.gz.entries(region, fuzzy=False)
            self._outer_cache[region] = [e for e in found if e.feature != COUNTRY]
        return self._outer_cache[region]

    # -- scoring --------------------------------------------------------------------------
    def score(
        self,
        entry: Entry,
        hints: _Hints,
        doc_countries: Counter[str],
        doc_regions: dict[tuple[str, str], float],
        eponymous: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
    ) -> float:
        """How well ``entry`` fits the mention (see the module docstring for the evidence)."""
        fit = kind_fit(entry.feature, hints.implied, (entry.country, entry.admin1_code) in eponymous)
        if hints.bracketed and entry.feature == ADMIN1 and (entry.country, entry.admin1_code) not in eponymous:
            fit += BRACKETED_REGION_BONUS  # "Alexandria (Virginia)": the US state, not Virginia (Free State)
        score: float = entry.match + POPULATION_WEIGHT * population_prior(entry.population) + fit
        score += 0.05 if entry.supplement else 0.0
        if entry.feature == COUNTRY and entry.match == MAIN_MATCH:
            score += 0.3  # "Iran" is the country, not Iraan (Texas)
        supported = (
            entry.country in doc_countries
            or entry.country in self._prior
            or entry.country in hints.sentence_countries
            or entry.country in hints.container_countries
        )
        if entry.match == SKELETON_MATCH and not supported:
            score -= 0.3
        if hints.regions:
            inside = self.container_fit(entry, hints)
            if inside == len(hints.regions):
                score += NAMESAKE_BONUS if entry.match > SKELETON_MATCH else 0.0
            elif inside is not None:
                # A spelling variant inside only the outer, broad region is weak evidence ("Henlow, England").
                score += 0.8 if inside == 0 or entry.match > SKELETON_MATCH else 0.0
            elif entry.feature != COUNTRY:
                score -= 0.3
        if hints.container_countries:
            score += 0.5 if entry.country in hints.container_countries else -0.5
        if entry.country in hints.sentence_countries:
            score += 0.2
        total = sum(doc_countries.values())
        if total:
            score += 0.6 * doc_countries[entry.country] / (total + 1.0)
        hinted = sum(self._prior.values())
        if hinted:
            score += 0.3 * self._prior.get(entry.country, 0.0) / hinted
        score -= self._foreign_penalty(entry, hints)
        region_share = doc_regions.get((entry.country, entry.admin1_code), 0.0)
        if entry.feature not in (ADMIN1, COUNTRY) and region_share:
            score += 0.1 + 0.45 * region_share
        return score

    def _foreign_penalty(self, entry: Entry, hints: _Hints) -> float:
        """What a small place loses for lying outside every country whose places the document names.

        "Shakhta ... Donetsk region" is not the Russian Shakhta; "Kani township ... Sagaing region"
        not the Japanese Kani. Large cities pay less: a report names them from afar.
        """
        region_countries = self._region_countries
        if not region_countries or entry.country in region_countries or entry.feature == COUNTRY:
            return 0.0
        if entry.country in hints.sentence_countries or entry.country in hints.container_countries:
            return 0.0
        if entry.country in self._named_countries:
            return 0.0
        return FOREIGN_PENALTY if entry.population < FOREIGN_CITY_POPULATION else FOREIGN_PENALTY / 3

    def best(
        self,
        hints: _Hints,
        entries: list[Entry],
        doc_countries: Counter[str],
        doc_regions: dict[tuple[str, str], float],
    ) -> tuple[Entry, float] | None:
        eponymous = eponymous_regions(entries)
        if hints.bracketed and sum(e.feature == ADMIN1 for e in entries) != 1:
            hints = replace(hints, bracketed=False)  # "(La Paz)": regions of Bolivia, El Salvador, ...
        scored = [(self.score(e, hints, doc_countries, doc_regions, eponymous), e) for e in entries]
        if not scored:
            return None
        dominant = _dominant(entries)
        if dominant is not None:
            scored = [(s + DOMINANCE_BONUS if e is dominant else s, e) for s, e in scored]
        if hints.district:
            # "Bardiya district": the country that has a district of that name, not a town abroad (Libya)
            countries = {e.country for e in entries if e.feature == ADMIN2}
            scored = [(s + DISTRICT_COUNTRY_BONUS if e.country in countries else s, e) for s, e in scored]
        score, entry = max(scored, key=lambda item: (item[0], item[1].population))
        return entry, score

    # -- document -------------------------------------------------------------------------
    def resolve(self, mentions: Sequence[PlaceMention], context: PlaceContext | None) -> list[PlaceCandidate | None]:
        context = context or PlaceContext()
        hints = [self.hints(m) for m in mentions]
        exact = [self._exact(h.bare) for h in hints]
        # Countries the document points at: those it names, its actors', its best-known places'.
        named = [max(found, key=lambda e: e.population).country if found else "" for found in exact]
        keys = [name_key(h.bare) for h in hints]
        bare = [not m.container and h.implied is None for m, h in zip(mentions, hints, strict=True)]

        def vouches(j: int, i: int) -> bool:
            """A name does not vouch for itself: "Hangu city (Hangu, KPK)" names one Hangu twice; a
            qualified one may ("Mandalay district (Mandalay region)")."""
            return mentions[j].text != mentions[i].text and (keys[j] != keys[i] or not bare[j])

        # Who vouches for a mention depends on its text alone (its key follows from the text).
        vouching: dict[str, list[int]] = {}

        def vouchers(i: int) -> list[int]:
            text = mentions[i].text
            if text not in vouching:
                vouching[text] = [j for j in range(len(mentions)) if vouches(j, i)]
            return vouching[text]

        likely_countries: dict[str, set[str]] = {}
        entries = []
        for i, (h, found) in enumerate(zip(hints, exact, strict=True)):
            if mentions[i].text not in likely_countries:
                likely = Counter(c.upper() for c in context.countries)
                likely.update(named[j] for j in vouchers(i) if named[j])
                top = max(likely.values(), default=0)
                likely_countries[mentions[i].text] = {c for c, n in likely.items() if n == top}
            entries.append(self.entries(h, found, likely_countries[mentions[i].text]))
        # The actors' countries are weaker evidence than the places named: forces fight abroad.
        self._prior = {}
        for code in context.countries:
            self._prior[code.upper()] = self._prior.get(code.upper(), 0.0) + 1.0
        if context.publication_country:
            code = context.publication_country.upper()
            self._prior[code] = self._prior.get(code, 0.0) + 0.5
        first = [self.best(h, e, Counter(), {}) for h, e in zip(hints, entries, strict=True)]
        confident = [
            r[0] if r and _confident(r[0], r[1], h, set(self._prior), self._placed(r[0], h)) else None
            for r, h in zip(first, hints, strict=True)
        ]
        resolved: list[PlaceCandidate | None] = []
        evidence: dict[str, _Evidence] = {}
        for i, (h, e) in enumerate(zip(hints, entries, strict=True)):
            if mentions[i].text not in evidence:
                others = [c for j in vouchers(i) if (c := confident[j]) is not None]
                evidence[mentions[i].text] = _Evidence.of(others)
            doc_countries, doc_regions, self._named_countries = evidence[mentions[i].text]
            self._region_countries = {country for country, _code in doc_regions}
            e = [x for x in e if x.match != SKELETON_MATCH or self._variant_allowed(x, h, doc_regions)]
            result = self.best(h, e, doc_countries, doc_regions)
            if result is None or result[1] < MIN_SCORE:
                resolved.append(self._container(h, doc_countries) if h.regions else None)
                continue
            entry, score = result
            precision = NEAR if h.implied == NEAR and entry.feature != COUNTRY else None
            inside = self.container_fit(entry, h) if h.regions else None
            # A spelling variant only inside the outer region ("Dong" -> Dengi, Plateau) is no match.
            if h.regions and (inside is None or (inside > 0 and entry.match == SKELETON_MATCH)):
                fallback = self._container(h, doc_countries)
                if fallback is not None:
                    resolved.append(fallback)
                    continue
            resolved.append(self.gz.candidate(entry, score, precision))
        return _one_place_per_name(mentions, _nearest_town_fallback(mentions, resolved), bare)

    def _variant_allowed(self, entry: Entry, hints: _Hints, doc_regions: dict[tuple[str, str], float]) -> bool:
        """Whether a spelling-variant (skeleton) match may stand for the mention.

        It must lie where the text puts the mention (in a container the gazetteer knows) or else in
        a region the document's other places lie in: "Ma Yoe Kone village, Myaung township (Sagaing
        region)" is not Mei Ya Kone near Yangon. With nothing to check it against it may stand.
        """
        if any(self._outer(region) for region in hints.regions):
            return self.container_fit(entry, hints) is not None
        if doc_regions:
            return (entry.country, entry.admin1_code) in doc_regions
        return True

    def _within_outer(self, entries: list[Entry], outer: _Hints) -> list[Entry]:
        """The ``entries`` inside the outer containers the text gives, when the gazetteer knows one of
        them: "Iworoko (Irepodun, Ekiti)" means the Irepodun of Ekiti, not the one of Kwara."""
        if not any(self._outer(region) for region in outer.regions):
            return entries
        return [e for e in entries if self.fits_container(e, outer)]

    def _container(self, hints: _Hints, doc_countries: Counter[str]) -> PlaceCandidate | None:
        """The region the text puts an unknown place in ("Pirque (Cochabamba)"), at precision near."""
        for k, region in enumerate(hints.regions):
            # "Mirtur (Bijapur, Chhattisgarh)": Bijapur is looked for in Chhattisgarh.
            outer = _Hints(
                region, "region", hints.regions[k + 1 :], hints.container_countries, hints.sentence_countries
            )
            candidates = self._within_outer(self.gz.entries(region, fuzzy=False), outer)
            expected = set(doc_countries) | set(self._prior) | hints.container_countries
            placed = [e for e in candidates if e.country in expected]
            # with no place to go by but the actors' countries, the container the text names stands
            # ("Tourou (Mokolo, Mayo-Tsanaga, Extreme-Nord) against Boko Haram attacks": Cameroon)
            candidates = placed or (candidates if not doc_countries and not hints.container_countries else [])
            result = self.best(outer, candidates, doc_countries, {})
            if result is not None and result[1] >= MIN_SCORE and result[0].feature != COUNTRY:
                return self.gz.candidate(result[0], result[1] - 0.5, NEAR)
        return None


@functools.lru_cache(maxsize=4096)
def _demonyms(gazetteer: Gazetteer, sentence: str) -> tuple[tuple[str, str], ...]:
    """The capitalised demonyms of a sentence that say where, not who ("Russian forces" says who
    acted): (folded word, country code) pairs. Cached: every place of a sentence asks."""
    found = []
    words = _WORD.findall(sentence)
    for word, following in zip(words, [*words[1:], ""], strict=False):
        if fold(following) in _ACTOR_NOUNS or not word[0].isupper():
            continue
        code = gazetteer.country_of_demonym(word)
        if code:
            found.append((fold(word), code))
    return tuple(found)


def _nearest_town_fallback(
    mentions: Sequence[PlaceMention], resolved: list[PlaceCandidate | None]
) -> list[PlaceCandidate | None]:
    """Replace a region-centre fallback by the nearest town named in the same sentence.

    "Rubeke village (Yei county, Central Equatoria state)": Rubeke is unknown and its container
    only resolves to the state, but Yei, named beside it and in that state, is far closer than
    the state's centre. The town is kept at precision ``near`` (ACLED's 2).
    """
    out = list(resolved)
    for i, result in enumerate(resolved):
        if result is None or result.feature != ADMIN1 or result.precision != NEAR or not mentions[i].container:
            continue
        towns = [
            (abs((mentions[j].start or 0) - (mentions[i].start or 0)), j)
            for j, other in enumerate(resolved)
            if other is not None
            and other.feature not in (ADMIN1, COUNTRY)
            and (other.country, other.admin1) == (result.country, result.admin1)
            and mentions[j].sentence == mentions[i].sentence
        ]
        if towns:
            town = resolved[min(towns)[1]]
            assert town is not None
            out[i] = replace(town, precision=NEAR, acled_precision=ACLED_PRECISION[NEAR], score=result.score)
    return out


def _one_place_per_name(
    mentions: Sequence[PlaceMention], resolved: list[PlaceCandidate | None], bare: list[bool]
) -> list[PlaceCandidate | None]:
    """Give every bare repetition of a name the place its best-supported bare occurrence got.

    A report that says "Kobani" seven times means one town; the occurrence next to "Syrian" or
    "the border with Turkey" decides for the others. Only ``bare`` mentions take part: one the text
    places (a container) or qualifies ("the province of Aleppo", "Aleppo countryside") keeps its own.
    """
    best: dict[str, PlaceCandidate] = {}
    for mention, result, plain in zip(mentions, resolved, bare, strict=True):
        if result is None or not plain:
            continue
        key = name_key(mention.text)
        if key not in best or result.score > best[key].score:
            best[key] = result
    return [best.get(name_key(m.text), r) if plain else r for m, r, plain in zip(mentions, resolved, bare, strict=True)]


def _dominant(entries: list[Entry]) -> Entry | None:
    """The one entry far larger than every other of the same name (Donetsk city, not Donetsk, Rostov)."""
    towns = sorted((e for e in entries if e.feature != ADMIN1), key=lambda e: -e.population)
    if not towns or towns[0].population < 20_000:
        return None
    if len(towns) > 1 and towns[0].population < 10 * towns[1].population:
        return None
    return towns[0]


def _confident(entry: Entry, score: float, hints: _Hints, prior: set[str], placed: bool) -> bool:
    """Whether a first-pass result may inform the other mentions of the document.

    ``placed``: the text puts the mention somewhere and the entry lies there. A town outside the
    actors' countries (``prior``) does not count unless placed: the "Green" of "CDU, Green party"
    must not pull Bonn to the United States, nor Muse (Pennsylvania) "Muse district (Shan State)".
    """
    if score < MIN_SCORE or entry.match < MAIN_MATCH - 0.15:
        return False
    if prior and entry.country not in prior and entry.feature != COUNTRY and not placed:
        # "Ver" (of "Ver.di", a union) is an alias of Veracruz: only main names of regions count.
        notable = entry.feature == ADMIN1 or entry.population >= FOREIGN_CITY_POPULATION
        return notable and entry.match == MAIN_MATCH
    notable = entry.feature in (COUNTRY, ADMIN1) or entry.supplement or entry.population >= 10_000
    return notable or placed


def resolve_places(
    mentions: Sequence[PlaceMention],
    *,
    context: PlaceContext | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[PlaceCandidate | None]:
    """Resolve the place mentions of one document together, one result per mention (None: unknown).

    The mentions inform each other: the countries and regions of the confidently resolved ones
    pull the ambiguous ones ("Taji" beside "Abu Ghraib" and "Mosul" is the Iraqi Taji).
    """
    return PlaceResolver(gazetteer or get_gazetteer()).resolve(mentions, context)
