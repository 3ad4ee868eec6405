"""Join extracted event candidates with the resolved actors, places and dates of their document.

The extractor gives character spans; resolution gives mentions. An argument span takes the
resolved mention that overlaps it; a town the text marks as where things happened (after a locative,
or with its container in brackets as ACLED notes write it) beats an origin ("from X") or a country.
An event without a place of its own takes the nearest place mention of its sentence, then of the
sentences before it, then of the next one (``place_precision`` says ``inferred_from_context``); an event
without a time of its own takes the time in its sentence, or the publication date when it sits in
the lead of a dated report (news convention), and otherwise stays undated rather than borrowing
the article's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from faultlines.records import EventRecord, MentionRecord

LEAD_SENTENCES = 2


def _overlapping(mentions: list[MentionRecord], span: tuple[int, int]) -> MentionRecord | None:
    start, end = span
    hits = [m for m in mentions if m.start < end and start < m.end]
    return max(hits, key=lambda m: m.end - m.start) if hits else None


def _actor_ref(mention: MentionRecord | None) -> dict[str, Any] | None:
    if mention is None or not mention.value.get("actor_id"):
        return None
    return {**mention.value, "text": mention.text}


#: Event types whose sides are organisations: a person the text ties to an organisation (its leader,
#: commander, spokesman) stands for it there ("Baghdadi announced the merger" -> ISI).
ORGANISATION_TYPES = frozenset({
    "pledge_allegiance", "merger", "split", "disavowal", "alliance", "rivalry", "group_formed",
    "group_dissolved", "rename", "armed_clash", "nonstate_overtakes_territory", "government_regains_territory",
    "nonviolent_territory_transfer", "headquarters_established", "withdrawal", "air_strike", "shelling",
    "remote_explosive", "suicide_bomb", "chemical_weapon", "mobilize",
})  # fmt: skip


def as_organisation(ref: dict[str, Any] | None, actors: list[MentionRecord]) -> dict[str, Any] | None:
    """The organisation a person reference stands for (``via_person`` names the person); other
    references, and people with no organisation the store can name, come back unchanged."""
    if not ref or ref.get("kind") != "person" or not ref.get("organisation_id"):
        return ref
    org_id = ref["organisation_id"]
    for mention in actors:
        if mention.value.get("actor_id") == org_id and mention.value.get("kind") != "person":
            return {**mention.value, "text": mention.text, "via_person": ref["actor_id"]}
    if str(org_id).startswith("prov-"):
        return ref  # a discovered organisation not named in this document: nothing to store it by
    return {"actor_id": org_id, "provisional": False, "name": org_id, "kind": None, "text": ref.get("text"),
            "via_person": ref["actor_id"]}  # fmt: skip


def _actors(spans: tuple[tuple[int, int], ...], actors: list[MentionRecord], type_id: str = "") -> list[dict[str, Any]]:
    refs = [_actor_ref(_overlapping(actors, span)) for span in spans]
    if type_id in ORGANISATION_TYPES:
        refs = [as_organisation(ref, actors) for ref in refs]
    unique: dict[str, dict[str, Any]] = {}
    for ref in refs:
        if ref is not None:
            unique.setdefault(ref["actor_id"], ref)
    return list(unique.values())


#: Place precisions too coarse to stand for where a capture or withdrawal happened.
_COARSE = frozenset({"country", "region"})
#: Types whose place is the ground that changes hands.
TERRITORIAL_TYPES = frozenset({
    "nonstate_overtakes_territory", "government_regains_territory", "nonviolent_territory_transfer",
    "headquarters_established", "withdrawal", "pledge_allegiance",
})  # fmt: skip


def _event_places(places: list[MentionRecord], text: str) -> list[MentionRecord]:
    """The resolved places of the document that may be where an event happened (not streets, not
    the seats of sources)."""
    return [m for m in places if m.value.get("place") and not _street_name(m, text) and not _source_base(m, text)]


def _place(
    candidate: Any, resolved: list[MentionRecord], coded_places: list[tuple[MentionRecord, bool]], text: str
) -> tuple[dict[str, Any] | None, str | None]:
    """The event's place: its own place arguments (best first), else the nearest place of its
    sentence, else the last one the text named before it (``inferred_from_context``).

    ``resolved`` are the document's :func:`_event_places`, ``coded_places`` its :func:`_coded_places`.
    For territorial events a town named in the clause wins over a country in it, and a place
    argument the gazetteer cannot name ("the Iraqi side of the border crossing") points back to the
    last town the text named, never to a country."""
    coded = _coded_place(candidate, coded_places)
    if coded is not None and _abroad(coded, resolved):
        resolved = [m for m in resolved if m is not coded]
    elif coded is not None:
        return coded.value["place"], coded.value["place"].get("precision")
    territorial = candidate.type in TERRITORIAL_TYPES
    own = [hit for span in candidate.places if (hit := _own_mention(resolved, span, text)) is not None]
    if territorial:
        own = sorted(own, key=lambda m: m.value["place"].get("precision") in _COARSE)
    line = _line_of(candidate)
    same = [m for m in resolved if m.sentence == candidate.sentence_index and line[0] <= m.start < line[1]]
    if not territorial:
        own = sorted(own, key=lambda m: (_is_country(m), not _located(m, candidate, text)))
        # "gathered in Bordeaux ... heading to Paris", "In Irapuato, gunmen attacked ... in Colonia X",
        # "protested in front of the office of Mokolo (Mokolo, Extreme-Nord)": the town a locative or
        # a bracketed container marks, best in the clause's opening, is where it happened
        located = [m for m in same if m.value["place"]["precision"] not in _COARSE and _located(m, candidate, text)]
        opening = [m for m in located if _in_opening(m, candidate)]
        bracketed = [m for m in located if _qualified(m, resolved, text)]
        if opening:
            own = opening[:1] + own
        elif bracketed and not (own and _qualified(own[0], resolved, text)):
            # "drove into Halifax (Nova Scotia) ... in solidarity with the demonstration in Ottawa": the
            # town a note qualifies with its region in brackets is the one it reports on
            own = bracketed[:1] + own
        elif own and (not _located(own[0], candidate, text) or _is_country(own[0])):
            own = located[:1] + own
    if own and _is_country(own[0]):
        own = _town_of_country(own[0], same, candidate)[:1] + own
    if own:
        return _finest(own[0], same, candidate)
    antecedent = _pronoun_antecedent(candidate, resolved, text) if territorial else None
    if antecedent is not None:
        return _finest(antecedent, same, candidate)
    same = [m for m in same if not _is_country(m)]
    if same:
        nearest = min(same, key=lambda m: (not _located(m, candidate, text), abs(m.start - candidate.trigger[0])))
        return _finest(nearest, same, candidate)
    before = [m for m in resolved if m.sentence < candidate.sentence_index]
    if territorial and _definite_place_argument(candidate):
        before = [m for m in before if m.value["place"].get("precision") not in _COARSE] or before
        named = _named_before(candidate, before, text)
        if named is not None:
            return named.value["place"], "inferred_from_context"
    if before:
        return _context_place(before, text).value["place"], "inferred_from_context"
    after = _next_places(candidate, resolved, text)
    if after:
        # a lead with no place whose next sentence names one ("protesters gathered outside the
        # Marriott Hotel ... Cos. Inc. shareholders meeting in Hartford"): the nearest place the text ties to it
        marked = (m for m in after if _after_locative_in(m, text) or _opens_bracket(m, text))
        first = next(marked, after[0])
        return _contained(first, after).value["place"], "inferred_from_context"
    return None, None


#: Fewer words than this before a sentence end make a fragment the splitter cut off ("B.C. | highways.").
_FRAGMENT_WORDS = 4


def _next_places(candidate: Any, resolved: list[MentionRecord], text: str) -> list[MentionRecord]:
    """The places (not countries) of the first sentence after the event's that names one, when that
    is the next sentence or only a fragment the splitter cut off lies between ("... on B.C.
    highways. They drove from Surrey to Vancouver (British Columbia)")."""
    later = [m for m in resolved if m.sentence > candidate.sentence_index and not _is_country(m)]
    if not later:
        return []
    gap = text[candidate.sentence_span[1] : later[0].start]
    ends = list(_SENTENCE_END.finditer(gap))
    if len(ends) > 1 or (ends and len(gap[: ends[0].start()].split()) >= _FRAGMENT_WORDS):
        return []
    return [m for m in later if m.sentence == later[0].sentence]


def _context_place(before: list[MentionRecord], text: str) -> MentionRecord:
    """The place of the nearest earlier sentence that names one (a town, if one of the last three
    sentences names one): the town it marks as where things happened ("beat up a man in a bar of
    Torrevieja (Alicante) ... the invasion of Ukraine"), else its last town, else its last place."""
    towns = [m for m in before if not _is_country(m) and m.sentence >= before[-1].sentence - 2]
    sentence = (towns or before)[-1].sentence
    last = [m for m in before if m.sentence == sentence]
    finer = [m for m in last if not _is_country(m)]
    marked = [m for m in finer if _after_locative_in(m, text) or _BRACKETED_AFTER.match(text, m.end)]
    chosen = marked[-1] if marked else finer[-1] if finer else last[-1]
    return _contained(chosen, before)


def _town_of_country(country: MentionRecord, same: list[MentionRecord], candidate: Any) -> list[MentionRecord]:
    """The place of the event's line inside the country it names, nearest its trigger first: "a
    rocket attack on Kramatorsk, Donetsk, starting full-scale aggression against Ukraine" happened in
    Kramatorsk. A place in another country ("struck Ukraine from Belgorod") is no candidate."""
    code = country.value["place"].get("country")
    inside = [
        m for m in same if m.value["place"].get("precision") not in _COARSE and m.value["place"].get("country") == code
    ]
    return sorted(inside, key=lambda m: abs(m.start - candidate.trigger[0]))


def _is_country(mention: MentionRecord) -> bool:
    return bool(mention.value["place"].get("precision") == "country")


#: Words after a name that make it a street, square or estate, not the town it sounds like
#: ("Rosselli square", "Campo Novo farm").
_STREET_AFTER = re.compile(
    r"\s+(?:square|street|avenue|boulevard|lane|st\.|farm|ranch|estate|plantation|hotel|mall|stadium)(?!\w)", re.I
)


def _street_name(mention: MentionRecord, text: str) -> bool:
    """True when the name is a street's, square's or farm's ("in Rosselli square in Siena", "in Campo
    Novo farm"), not a town's."""
    return bool(text) and _STREET_AFTER.match(text, mention.end) is not None


#: Where a source or organisation is based is not where an event happened ("a monitoring group based in
#: Britain", "the London-based Observatory", "headquartered in Geneva").
_BASED_BEFORE = re.compile(r"\b(?:based|headquartered)\s+in\s+(?:the\s+)?$", re.I)
_BASED_AFTER = re.compile(r"[-\s]based\b", re.I)


def _source_base(mention: MentionRecord, text: str) -> bool:
    """True when the text names the place as the seat of a source or organisation, not of an event."""
    if not text:
        return False
    return bool(
        _BASED_BEFORE.search(text, max(mention.start - 30, 0), mention.start) or _BASED_AFTER.match(text, mention.end)
    )


def _own_mention(resolved: list[MentionRecord], span: tuple[int, int], text: str) -> MentionRecord | None:
    """The resolved place of an event's place argument; when the gazetteer does not know the argument,
    the place bracketed right after it, which holds it ("in Hissa-e-Awal (Khinj) district": Khinj)."""
    hit = _overlapping(resolved, span)
    if hit is not None or not text:
        return hit
    opening = re.match(r"\s*(?:village|town|area)?\s*[(\[]", text[span[1] : span[1] + 12], re.I)
    if opening is None:
        return None
    inside = span[1] + opening.end()
    return next((m for m in resolved if inside <= m.start <= inside + 1), None)


#: A container bracketed after a place, maybe after its place word, or a remark on its coding:
#: "Kandy (Central)", "Hays axis (Al Hudaydah)", "Haradh (coded to district level)".
_BRACKETED_AFTER = re.compile(
    r"\s?(?i:(?:town|village|city|county|district|axis|area|township|camp|junction|municipality)\s)?"
    r"\((?:[A-Z][^()]{1,80}|coded [^()]{1,80})\)"
)


def _located(mention: MentionRecord, candidate: Any, text: str) -> bool:
    """True when the text marks the place as where something happened: a locative word before it
    ("gathered in Bordeaux"), or its container bracketed after it ("Kandy (Kandy, Central)"), the
    way reports and ACLED notes name an event's town; never the origin in "from Katsina"."""
    if _after_locative(mention, candidate):
        return True
    if not text or _after_origin(mention, text):
        return False
    return _BRACKETED_AFTER.match(text, mention.end) is not None or _opens_bracket(mention, text)


def _qualified(mention: MentionRecord, resolved: list[MentionRecord], text: str) -> bool:
    """True when the note qualifies the place with brackets the way ACLED codes an event's location:
    its container bracketed after it ("Halifax (Nova Scotia)"), or it bracketed after a name or building
    the gazetteer lacks ("the Control Yuan (Taipei City)"); not the container of a place the gazetteer
    found ("in Hays axis (Al Hudaydah)", "in Montreal - West (Quebec)": Hays, Montreal)."""
    if _BRACKETED_AFTER.match(text, mention.end):
        return True
    owner = any(0 <= mention.start - m.end <= 16 for m in resolved if m is not mention)
    return _opens_bracket(mention, text) and not owner


_NAME_BRACKET_BEFORE = re.compile(r"[\w'’-]+\s?[(\[]$")


def _opens_bracket(mention: MentionRecord, text: str) -> bool:
    """True when the place opens a bracket right after a name or a building the gazetteer does not know:
    it holds that place ("the sub-prefecture of Mokolo (Mokolo, Mayo-Tsanaga)", "Nzanzibar village
    (Pandoro)", "in front of the party headquarters (Seoul City - Yeongdeungpo)")."""
    return _NAME_BRACKET_BEFORE.search(text, max(mention.start - 40, 0), mention.start) is not None


_ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?!to\b)[\w-]+\s+(?:of\s+)?){0,2}$", re.I)


def _after_origin(mention: MentionRecord, text: str) -> bool:
    """True when "from" introduces the place ("walked from Colombo", "from the villages of X")."""
    return _ORIGIN_BEFORE.search(text, max(mention.start - 30, 0), mention.start) is not None


_CODED = re.compile(r"\bcoded (?:to|as|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)


def _coded_places(resolved: list[MentionRecord], text: str) -> list[tuple[MentionRecord, bool]]:
    """The places (not countries) an ACLED-style note says an event is coded to ("across Bihar state
    (coded as Patna)", "Coded as provincial capital Baquba city"), in text order, each with whether
    the note closes with it ("... (Coded to Banja Luka)", "Location coded at Pyongyang.")."""
    found = []
    for mention in resolved:
        before = text[max(mention.start - 40, 0) : mention.start]
        coded = _CODED.search(before)
        if coded is None or mention.value["place"].get("precision") == "country":
            continue
        if _OTHER_CODING.search(before[: coded.start()]) or text.startswith(" event", mention.end):
            continue  # "(fatalities coded to Novotroitske event)" codes another event
        cue = before[: coded.start()]
        closing = cue.rstrip().endswith(("(", "[")) or _LOCATION_WORD.search(cue) is not None
        found.append((mention, closing))
    return found


def _coded_place(candidate: Any, coded_places: list[tuple[MentionRecord, bool]]) -> MentionRecord | None:
    """The coded place (see :func:`_coded_places`) of the event's sentence or the next, or one a
    later note closes with."""
    for mention, closing in coded_places:
        after = mention.sentence - candidate.sentence_index
        if after >= 0 and (after <= 1 or closing):
            return mention
    return None


#: "Location coded at Pyongyang.": a note's closing remark on where its event is coded.
_LOCATION_WORD = re.compile(r"\blocation\s+$", re.I)
_OTHER_CODING = re.compile(r"\b(?:fatalities|casualties|deaths)\s+$", re.I)


def _abroad(mention: MentionRecord, resolved: list[MentionRecord]) -> bool:
    """True when two or more other places of its sentence and the next, or one town, agree on a country
    that is not ``mention``'s: the gazetteer took a namesake abroad ("west of Taizz (coded to Barh axis)
    (Maqbanah, Taizz)": not Barh in India; "in Lal Wa Sar Jangal [location coded to Kamran], Ghor": not
    Cam Ranh in Vietnam)."""
    near = [m for m in resolved if m is not mention and abs(m.sentence - mention.sentence) <= 1]
    others = [m.value["place"].get("country") for m in near]
    enough = len(others) >= 2 or (len(others) == 1 and near[0].value["place"].get("precision") not in _COARSE)
    return enough and len(set(others)) == 1 and mention.value["place"].get("country") not in others


def _finest(chosen: MentionRecord, same: list[MentionRecord], candidate: Any) -> tuple[dict[str, Any], str | None]:
    """The chosen place, or when it is a region (or its countryside), the nearest town of the same line
    inside it: "a march in Aracaju (Sergipe)", "an airstrike in Ar Rutba ... of Anbar" happened in the town."""
    chosen = _contained(chosen, same)
    place = chosen.value["place"]
    # "near Al-Bukamal crossing in Deir ez Zor countryside": a region's countryside is still the region
    if place.get("precision") != "region" and place.get("feature") != "admin1 region":
        return place, place.get("precision")
    inside = [
        m
        for m in same
        if m.value["place"].get("precision") not in _COARSE
        and m.value["place"].get("country") == place.get("country")
        and m.value["place"].get("admin1") == place.get("admin1")
    ]
    if not inside:
        return place, place.get("precision")
    town = min(inside, key=lambda m: abs(m.start - candidate.trigger[0]))
    return town.value["place"], town.value["place"].get("precision")


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|around|inside|in front of)\s+(?:the\s+)?(?:town of\s+|city of\s+)?$", re.I
)


def _after_locative_in(mention: MentionRecord, text: str) -> bool:
    """True when a locative word introduces the place in the document ``text``."""
    return bool(_LOCATIVE_BEFORE.search(text[max(mention.start - 24, 0) : mention.start]))


def _after_locative(mention: MentionRecord, candidate: Any) -> bool:
    """True when a locative word introduces the place ("gathered in Bordeaux"), not "from Katsina"."""
    text, offset = candidate.evidence or "", candidate.sentence_span[0]
    before = text[max(mention.start - offset - 24, 0) : max(mention.start - offset, 0)]
    return bool(_LOCATIVE_BEFORE.search(before))


def _named_before(candidate: Any, before: list[MentionRecord], text: str) -> MentionRecord | None:
    """The last earlier place the text named with a head noun of the event's definite place argument
    (or of its "of" phrase): "the Iraqi side of the border crossing" -> "the Al-Qaim border crossing"."""
    heads: set[str] = set()
    for start, end in candidate.places:
        words = re.findall(r"[a-z]+", text[start:end].lower())[-1:]
        of = re.match(r"\s+of\s+(?:the\s+)?((?:[a-z-]+\s*){1,3})", text[end : end + 40].lower())
        words += of.group(1).split() if of else []
        heads.update(w for w in words if len(w) > 3)
    for mention in reversed(before):
        following = re.findall(r"[a-z]+", text[mention.end : mention.end + 30].lower())[:3]
        if heads.intersection(following):
            return mention
    return None


def _in_opening(mention: MentionRecord, candidate: Any) -> bool:
    """True when the place sits in the sentence's opening adverbial, before its trigger and agent
    ("On 26 April 2022, in Irapuato, Guanajuato, armed individuals attacked ...")."""
    first = min([candidate.trigger[0], *(start for start, _ in candidate.actor1)])
    return mention.end <= first


def _contained(chosen: MentionRecord, same: list[MentionRecord]) -> MentionRecord:
    """The place ``chosen`` qualifies when it only names its container ("in Cuautla, Morelos",
    "Ratodero town (Larkana, Sindh)": Cuautla, Ratodero); else ``chosen`` itself."""
    for _ in range(len(same)):
        holder = next((m for m in same if m is not chosen and _holds(m, chosen)), None)
        if holder is None:
            break
        chosen = holder
    return chosen


def _holds(mention: MentionRecord, other: MentionRecord) -> bool:
    """True when ``other`` sits in the container text written right after ``mention``."""
    container = str(mention.value.get("container") or "")
    return bool(container) and mention.end <= other.start and other.end <= mention.end + len(container) + 4


def _sibling_place(
    candidate: Any, candidates: list[Any], records: list[EventRecord]
) -> tuple[dict[str, Any] | None, str | None] | None:
    """A territorial event with no place argument in the sentence of another that has one shares its
    place ("seized the Iraqi side of the border crossing ... following the withdrawal of security forces")."""
    for other, record in zip(candidates, records, strict=False):
        same_sentence = other.sentence_index == candidate.sentence_index
        if same_sentence and other.places and record.type in TERRITORIAL_TYPES and record.place is not None:
            return record.place, record.place_precision
    return None


def _pronoun_antecedent(candidate: Any, resolved: list[MentionRecord], text: str) -> MentionRecord | None:
    """The town a pronoun place argument points back to: the last one named before the trigger in the
    same sentence ("forces abandoned Al-Qaim ... and ISIL seized it": Al-Qaim, not the town the sentence
    opened with)."""
    if not any(text[start:end].lower() == "it" for start, end in candidate.places):
        return None
    earlier = [
        m
        for m in resolved
        if m.sentence == candidate.sentence_index and m.end <= candidate.trigger[0] and not _is_country(m)
    ]
    return max(earlier, key=lambda m: m.start) if earlier else None


def _definite_place_argument(candidate: Any) -> bool:
    """True when the event names its ground as something the text spoke of before ("the Iraqi side of
    the border crossing", "the city"), not when it names none or a generic one ("territory")."""
    text, offset = candidate.evidence or "", candidate.sentence_span[0]
    return any(
        text[max(start - offset - 4, 0) : end - offset].lower().lstrip().startswith("the ")
        for start, end in candidate.places
    )


def _line_of(candidate: Any) -> tuple[int, int]:
    """The line of the event's sentence that holds its trigger (a joined heading is not context)."""
    start, end = candidate.sentence_span
    text = candidate.evidence or ""
    trigger = candidate.trigger[0] - start
    line_start = text.rfind("\n", 0, max(trigger, 0)) + 1
    line_end = text.find("\n", trigger)
    return start + line_start, start + (line_end if line_end >= 0 else end - start)


_SENTENCE_END = re.compile(r"""[.!?]["'”’)]*\s""")


def _in_lead(candidate: Any, text: str) -> bool:
    """True when the event's sentence is a headline line or the first full sentence of the text
    (no sentence-final punctuation before it), however the text was split into sentences."""
    return _SENTENCE_END.search(text, 0, candidate.sentence_span[0]) is None


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _datelines(times: list[MentionRecord], text: str) -> set[int]:
    """Start offsets of the day-precise dates that stand alone on their line, as a dateline does."""
    starts = set()
    for mention in times:
        if mention.value.get("precision") != "day":
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        rest = line.replace(mention.text, "")
        if sum(ch.isalpha() for ch in rest) <= 3:
            starts.add(mention.start)
    return starts


def _dateline_before(
    candidate: Any, times: list[MentionRecord], datelines: set[int], text: str
) -> MentionRecord | None:
    """A dateline (see :func:`_datelines`) just before the event's sentence: that of a report inside
    a digest ("The Daily Star (Lebanon)\n25 June, 2014\n\nThe move ...")."""
    start = candidate.sentence_span[0]
    before = [m for m in times if m.end <= start]
    for mention in reversed(before):
        if len(_PARAGRAPH_BREAK.findall(text, mention.end, start)) > 1:
            return None  # only the paragraph right after the dateline
        if mention.start in datelines:
            return mention
    return None


def _when(
    candidate: Any, resolved: list[MentionRecord], datelines: set[int], published: date | None, text: str
) -> tuple[str | None, str | None, str | None]:
    """The event's dates from the ``resolved`` time mentions (those with a date; ``datelines`` from
    :func:`_datelines`), else the publication date in the lead; start, end and precision."""
    hit = _overlapping(resolved, candidate.time) if candidate.time else None
    if hit is None:
        same = [m for m in resolved if m.sentence == candidate.sentence_index]
        hit = min(same, key=lambda m: abs(m.start - candidate.trigger[0])) if same else None
    if hit is None:
        hit = _dateline_before(candidate, resolved, datelines, text)
    if hit is not None:
        return hit.value["start"], hit.value["end"], hit.value["precision"]
    if published is not None and (candidate.sentence_index < LEAD_SENTENCES or _in_lead(candidate, text)):
        return published.isoformat(), published.isoformat(), "day"
    return None, None, None


def _shift_back(candidate: Any, start: str | None, end: str | None, precision: str | None) -> tuple[Any, Any]:
    """Move a day-precise date back by the candidate's ``days_before`` when its time is the governing
    clause's ("overran Tikrit on Wednesday ..., a day after they seized Mosul" -> Mosul on Tuesday)."""
    days = getattr(candidate, "days_before", None)
    clause = getattr(candidate, "clause_span", None)
    own = candidate.time is not None and clause is not None and clause[0] <= candidate.time[0] < clause[1]
    if not days or own or precision != "day" or start is None or start != end:
        return start, end
    shifted = (date.fromisoformat(start) - timedelta(days=days)).isoformat()
    return shifted, shifted


def _earlier_report(candidate: Any, records: list[EventRecord]) -> tuple[str | None, str | None, str | None]:
    """The date of a restated event ("Al-Nusra's oath ... comes days after ..."): that of the last
    earlier event of its type, else none (the date of the clause it is compared with is another event's)."""
    for record in reversed(records):
        if record.type == candidate.type and record.date_start is not None:
            return record.date_start, record.date_end, record.date_precision
    return None, None, None


def _own_time(candidate: Any, times: list[MentionRecord]) -> bool:
    """True when a time expression sits in the event's own sentence."""
    return candidate.time is not None or any(m.sentence == candidate.sentence_index for m in times)


def _lead_twin_date(
    candidate: Any, candidates: list[Any], resolved: list[MentionRecord]
) -> tuple[str | None, str | None, str | None] | None:
    """A headline states the event its lead dates: "Nusra unit swears loyalty to ISIL" takes the
    "on Wednesday" of the next sentence's pledge rather than the publication date (``resolved``:
    the time mentions with a date)."""
    for other in candidates:
        close = 0 < other.sentence_index - candidate.sentence_index <= LEAD_SENTENCES
        if other.type == candidate.type and close and other.time is not None:
            hit = _overlapping(resolved, other.time)
            if hit is not None:
                return hit.value["start"], hit.value["end"], hit.value["precision"]
    return None


_PRONOUNS = frozenset({"they", "it", "we"})


def _pronoun_agent(candidate: Any, text: str) -> bool:
    """True when the event's agent is a bare pronoun ("a day after they seized Mosul"): it then
    stands for the agent of the last event of the same type (same or previous sentence)."""
    return len(candidate.actor1) == 1 and text[slice(*candidate.actor1[0])].lower() in _PRONOUNS


def _nearest_organisation_before(
    candidate: Any, actors: list[MentionRecord], actor2: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """For "it"/"they" with no earlier event to lean on: the nearest organisation named before the
    pronoun in its sentence that is not the event's other side ("advances by ISIL in Deir ez-Zor,
    where it has been battling the Nusra Front")."""
    others = {ref["actor_id"] for ref in actor2}
    before = [
        m
        for m in actors
        if m.sentence == candidate.sentence_index
        and m.end <= candidate.actor1[0][0]
        and m.value.get("kind") != "person"
        and m.value.get("actor_id") not in others
    ]
    return _actors(((before[-1].start, before[-1].end),), actors, candidate.type) if before else []


def _possessive_agent(candidate: Any, text: str) -> bool:
    """True when the agent opens its sentence with a possessive pronoun ("Its fighters have fought
    alongside ISIL"): the group is the one the previous sentence was about."""
    if len(candidate.actor1) != 1:
        return False
    words = text[slice(*candidate.actor1[0])].split()
    sentence_start = text[candidate.sentence_span[0] : candidate.actor1[0][0]].strip() == ""
    return sentence_start and len(words) > 1 and words[0].lower() in ("its", "their")


def _first_actor_before(candidate: Any, actors: list[MentionRecord], type_id: str) -> list[dict[str, Any]]:
    """The first organisation named in the sentence before the event's (its topic, usually its subject)."""
    previous = [m for m in actors if m.sentence == candidate.sentence_index - 1 and m.value.get("kind") != "person"]
    refs = _actors(tuple((m.start, m.end) for m in previous[:1]), actors, type_id)
    return refs[:1]


def _evidence_span(candidate: Any, candidates: list[Any]) -> tuple[int, int]:
    """The text that reports the event: its sentence, or only the trigger's line of it when the
    splitter joined a heading to it; its own clause when that text reports another event of the same
    type ("ISIL overran Tikrit ..., a day after they seized Mosul"), so that each is quoted and stored apart."""
    line = _line_of(candidate)
    twins = [
        c
        for c in candidates
        if c is not candidate
        and c.type == candidate.type
        and c.sentence_index == candidate.sentence_index
        and _line_of(c) == line
    ]
    clause = getattr(candidate, "clause_span", None)
    if twins and clause is not None and all(getattr(t, "clause_span", None) != clause for t in twins):
        return clause
    text = candidate.evidence or ""
    if (
        "\n" in text.strip()
        and text[line[0] - candidate.sentence_span[0] : line[1] - candidate.sentence_span[0]].strip()
    ):
        return line
    start, end = candidate.sentence_span
    return start, end


def join_events(
    candidates: list[Any], text: str, published: date | None, mentions: list[MentionRecord]
) -> list[EventRecord]:
    """Resolved events for ``candidates`` (from :func:`faultlines.extract.extract_events`)."""
    actors = [m for m in mentions if m.kind == "actor"]
    places = [m for m in mentions if m.kind == "place"]
    times = [m for m in mentions if m.kind == "time"]
    # Per document, not per event: the places an event may take and the dates it may borrow.
    event_places = _event_places(places, text)
    coded_places = _coded_places(event_places, text)
    dated = [m for m in times if m.value.get("start")]
    datelines = _datelines(dated, text)
    records: list[EventRecord] = []
    last: dict[str, tuple[int, list[dict[str, Any]]]] = {}
    for c in candidates:
        actor1, actor2 = _actors(c.actor1, actors, c.type), _actors(c.actor2, actors, c.type)
        previous = last.get(c.type)
        if not actor1 and _pronoun_agent(c, text):
            if previous and c.sentence_index - previous[0] <= 1:
                actor1 = previous[1]
            else:
                actor1 = _nearest_organisation_before(c, actors, actor2)
        if not actor1 and _possessive_agent(c, text):
            actor1 = _first_actor_before(c, actors, c.type)
        if actor1:
            last[c.type] = (c.sentence_index, actor1)
        place, place_precision = _place(c, event_places, coded_places, text)
        if c.type in TERRITORIAL_TYPES and not c.places:
            place, place_precision = _sibling_place(c, candidates, records) or (place, place_precision)
        if getattr(c, "restated", False) and c.time is None:
            start, end, precision = _earlier_report(c, records)
        else:
            start, end, precision = _when(c, dated, datelines, published, text)
        start, end = _shift_back(c, start, end, precision)
        if published is not None and start == published.isoformat() and not _own_time(c, times):
            start, end, precision = _lead_twin_date(c, candidates, dated) or (start, end, precision)
        start_char, end_char = _evidence_span(c, candidates)
        records.append(
            EventRecord(
                type=c.type,
                acled_event_type=c.acled_event_type,
                acled_sub_event_type=c.acled_sub_event_type,
                plover_type=c.plover_type,
                actor1=actor1[0] if actor1 else None,
                actor2=actor2[0] if actor2 else None,
                assoc_actors1=actor1[1:],
                assoc_actors2=actor2[1:],
                place=place,
                place_precision=place_precision,
                date_start=start,
                date_end=end,
                date_precision=precision,
                fatalities=c.fatalities.to_dict() if c.fatalities else None,
                modality=c.modality,
                attribution=text[c.attribution[0] : c.attribution[1]] if c.attribution else None,
                confidence=c.confidence,
                sentence=c.sentence_index,
                start=start_char,
                end=end_char,
                text=text[start_char:end_char],
            )
        )
    return records
