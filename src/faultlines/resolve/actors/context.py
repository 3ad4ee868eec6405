"""Document context for resolution: dates, countries in play, casing, sentence lookup."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from faultlines.kb.actor_kb import ActorKB
from faultlines.kb.model import Actor

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
    _starts: list[int] = field(default_factory=list)
    _cased: list[bool] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, kb: ActorKB, published: date | None, country: str | None = None) -> DocContext:
        """Context of ``doc``; ``country`` (ISO2) is the country the document is about, if known."""
        ctx = cls(doc, kb, published)
        for sent in doc.sents:
            ctx._starts.append(sent.start_char)
            ctx._cased.append(_is_cased(sent))
        counts = _doc_countries(doc, kb)
        ctx.countries = set(counts) | ({country} if country else set())
        # without a given country, unqualified forces ("the army") are resolved only when the
        # text names a single country
        ctx.country = country or (next(iter(counts)) if len(counts) == 1 else None)
        return ctx

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


def _is_cased(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha][1:]
    if len(words) < 4:
        return True
    return sum(t.text[0].isupper() for t in words) / len(words) >= 0.04


def _doc_countries(doc: Doc, kb: ActorKB) -> Counter[str]:
    """Countries named in the document (GPE and NORP entities that name a state), with counts."""
    found: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP"):
            continue
        for text in (f"Government of {ent.text}", f"{ent.text} government"):
            actor = next((a for a in kb.lookup(text) if a.role == "government" and a.country), None)
            if actor is not None:
                found[actor.country or ""] += 1
                break
    return found
