"""The date finder's fast path (lower-cased ASCII text, case-sensitive patterns) finds exactly what
the case-insensitive patterns find in the original text."""

from __future__ import annotations

import re
from datetime import date

from faultlines.resolve.dates import find_time_expressions
from faultlines.resolve.dates.finder import _candidates, _folded
from faultlines.resolve.dates.grammar import PATTERNS

TEXT = (
    "On Tuesday, 21 June 2014, ISIL seized Al-Qaim; two days later it took Rutba. Since MARCH 2013 the "
    "group has held Raqqa, and in the first half of 2015 it lost ground. Last Night's shelling of Mosul "
    "killed 17, three weeks ago a truce failed, and From 3 to 5 May 2016 talks were held in Geneva. "
    "The Q3 2014 report said fighting in the spring of 2014 was fierce; EARLY 2000S. Yesterday, the army "
    "said it would attack Hawija next month (2014)."
)


def _slow(text: str) -> list[tuple[int, int, int, dict[str, str | None]]]:
    found = []
    for order, pattern in enumerate(PATTERNS):
        for match in pattern.regex.finditer(text):
            if pattern.accept is None or pattern.accept(match, text):
                groups = {k: v.lower() if v else v for k, v in match.groupdict().items()}
                found.append((match.start(), match.end(), order, groups))
    return found


def test_fast_path_finds_the_same_matches_in_any_case() -> None:
    for text in (TEXT, TEXT.upper(), TEXT.lower(), TEXT.title(), TEXT.replace("June", "JUNÉ")):
        fast = [(c.match.start(), c.match.end(), c.order, c.match.groupdict()) for c in _candidates(text)]
        assert fast == _slow(text)
        assert len(fast) > 15


def test_expressions_keep_the_original_spelling_and_offsets() -> None:
    found = find_time_expressions(TEXT, date(2016, 6, 1))
    texts = [t.text for t in found]
    assert "Tuesday, 21 June 2014" in texts and "MARCH 2013" in texts and "Last Night" in texts
    assert all(TEXT[t.char_start : t.char_end] == t.text for t in found)
    # accents and typographic quotes lower-case safely; a dotted capital I (two characters
    # lower-cased) or a long s (which matches "s" case-insensitively) sends the text down the slow path
    assert _folded("“ÉTAT” — Café") == "“état” — café"
    assert _folded("İdlib") is None and _folded("Tueſday") is None
    for tail in (" “CAFÉ” — Café.", " İdlib."):
        other = find_time_expressions(TEXT + tail, date(2016, 6, 1))
        assert [t.to_dict() for t in other] == [t.to_dict() for t in found]


#: Phrases each matched by a pattern that names words it needs (``Pattern.needs``).
GATED = (
    "From 3 to 5 May 2016, then 7th-9th of June.",
    "On May 3-5, 2016 and between March and May 2014; March-May 2014.",
    "From 2011 to 2014, between Monday and Thursday, from Friday to Sunday.",
    "The 3rd of June; June 3rd, 2014; JUNE 2014; last June; in July; since the month of August.",
    "In the spring of 2014, in the Fall, last winter; Q3 2014; the third quarter of 2014.",
    "The first half of 2015; on Tuesday morning; last night; yesterday; this evening; overnight.",
    "Over the past three weeks, in recent months, two years ago; later that day, earlier the same week.",
    "In 2014, since 2011 (2013), the 1990s, 2013-14, 2013–2015.",
)


def test_patterns_match_only_texts_that_hold_their_needed_words() -> None:
    """The finder skips a pattern on a text that lacks a word it needs: only where it cannot match."""
    matched = set()
    for text in (TEXT, *GATED, *(phrase.upper() for phrase in GATED)):
        words = set(re.findall(r"[a-z]+|[0-9]+", text.lower()))
        for order, pattern in enumerate(PATTERNS):
            if pattern.needs and pattern.regex.search(text):
                assert pattern.may_match(words), (pattern.kind, text)
                matched.add(order)
    assert matched == {order for order, pattern in enumerate(PATTERNS) if pattern.needs}
