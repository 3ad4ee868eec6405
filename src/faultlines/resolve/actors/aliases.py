"""Names the text itself declares to be one group's: "Jaysh al-Fateh, or the Army of Conquest",
"the Levant Front (al-Jabha al-Shamiya)", "X, also known as Y", "Y, known in Arabic as X",
"X, which calls itself Y".

Two findings joined by such a naming frame become one actor: a KB actor's when one side is
known (the other name is then a new alias of it), else the first name's provisional actor.
A bare "or" is a choice between groups ("the FSA or al-Nusra"), never a naming frame: only a
comma, "or" and an article or a closing comma, brackets or a naming verb join two names.
Every other mention of the renamed name in the document follows.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from itertools import pairwise

from faultlines.kb.normalise import normalise_alias
from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.found import Found

log = logging.getLogger(__name__)

# What may stand between the first name and the second one.
_BETWEEN = re.compile(
    r"""^\s*(?:
        ,\s*or\s+(?:the\s+)?                                            # "X, or the Y"
      | \(\s*(?:the\s+)?                                                # "X (Y)"
      | ,?\s*(?:also\s+|otherwise\s+|better\s+|widely\s+)?known\s+
        (?:in\s+[A-Z][a-z]+\s+)?as\s+(?:the\s+)?                        # "X, also known as Y", "known in Arabic as"
      | ,?\s*a\.?k\.?a\.?\s+(?:the\s+)?                                 # "X, aka Y"
      | ,?\s*(?:which|that|who)\s+(?:now\s+)?(?:calls|called|call)\s+
        (?:itself|themselves)\s+(?:the\s+)?                             # "X, which calls itself Y"
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
# What must follow the second name for "X, or the Y" and "X (Y)" to be a naming (not a list).
_CLOSE_OR = re.compile(r"^\s*(?:[,;.:)]|—|–|$)")
_CLOSE_BRACKET = re.compile(r"^\s*\)")
_UNMERGEABLE = frozenset({"person", "state_forces"})


def _joined(ctx: DocContext, first: Found, second: Found) -> bool:
    """Whether the text between and after the two findings is a naming frame."""
    between = ctx.text[first.end : second.start]
    if "\n" in between or len(between) > 40:
        return False
    match = _BETWEEN.match(between)
    if match is None:
        return False
    after = ctx.text[second.end : second.end + 3]
    if "(" in between:  # a bracketed acronym is a definition or a parent's ("Katiba Gourma (JNIM)")
        return bool(_CLOSE_BRACKET.match(after)) and not second.text.isupper()
    if re.match(r"^\s*,\s*or\b", between, re.IGNORECASE):
        return bool(_CLOSE_OR.match(after))
    return True


def _mergeable(first: Found, second: Found) -> bool:
    """Two names of one group: at most one known to the KB, neither a person nor a state's forces."""
    if first.kind in _UNMERGEABLE or second.kind in _UNMERGEABLE:
        return False
    if first.actor is not None and second.actor is not None:
        return False  # the KB already knows both: it knows whether they are one
    return first.actor is not None or second.actor is not None or first.method == second.method == "discovered"


def _key(item: Found) -> str:
    return normalise_alias(item.provisional_name or item.text)


def unify_aliases(ctx: DocContext, found: list[Found]) -> list[Found]:
    """``found`` (in text order, not overlapping) with the names joined by a naming frame resolved
    to one actor; see the module docstring."""
    ordered = sorted(found, key=lambda f: f.start)
    targets: dict[str, Found] = {}
    for first, second in pairwise(ordered):
        if not _mergeable(first, second) or not _joined(ctx, first, second):
            continue
        known, other = (second, first) if second.actor is not None else (first, second)
        target = targets.get(_key(known), known)
        targets[_key(other)] = target
        log.debug("%r and %r name one group", first.text, second.text)
    if not targets:
        return found
    return [_renamed(item, targets.get(_key(item))) for item in found]


def _renamed(item: Found, target: Found | None) -> Found:
    if target is None or target is item or (item.actor is not None and item.actor is target.actor):
        return item
    if target.actor is not None:
        return replace(item, actor=target.actor, provisional_name=None, kind=target.kind)
    return replace(item, provisional_name=target.provisional_name or target.text, kind=target.kind)
