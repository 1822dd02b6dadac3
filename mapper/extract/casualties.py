"""Casualty figures in a sentence: how many were killed, wounded, missing or captured.

Figures follow UCDP's low/best/high: an exact number gives low = best = high; a range gives
its ends and, as ACLED codes it, the low end as best ("8-12 wounded" is 8 wounded); a qualified
number ("at least 30") keeps the number for all three and records the qualifier for the caller (no bounds are invented).
Plural words take ACLED's values ("dozens" = 12, "hundreds" = 100, see :mod:`mapper.extract.numbers`).
English, Russian and Ukrainian; a figure never crosses a sentence or clause boundary.

    >>> f, = find_figures("Approximately 30 North Korean soldiers are believed to have been killed or wounded.")
    >>> f.category, (f.low, f.best, f.high), f.approximate, f.qualifier, f.subject
    ('killed_or_wounded', (30, 30, 30), True, 'Approximately', 'North Korean soldiers')
    >>> found = find_figures("3 killed and 8-12 wounded; 12 drones shot down")
    >>> [(f.category, f.low, f.best, f.high, f.text) for f in found]
    [('killed', 3, 3, 3, '3 killed'), ('wounded', 8, 8, 12, '8-12 wounded')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from gazetteer.morphology import top_grammemes
from gazetteer.normalize import is_cyrillic
from mapper.model.events import CATEGORIES, MAX_FIGURE
from mapper.extract.lang import LANGUAGES, words
from mapper.extract.lang.schema import RangeWord, Syntax
from mapper.extract.casualty_stems import (KEYWORD_PATTERN, KEYWORDS,
                                           keyword_matches as _keyword_matches, may_have_keyword as _may_have_keyword,
                                           names_people, names_things)
from mapper.extract.casualty_stems import KEYWORD_LOWER_RE as _KEYWORD_LOWER_RE  # noqa: F401 (read by tests)
from mapper.extract.numbers import find_numbers
from mapper.extract.increments import with_increments
from mapper.extract.quantities import _QUAL_RE  # noqa: F401 (read by tests)
from mapper.extract.quantities import (_INCREASE, _INCREASE_END_RE, _RANGE_WORDS, Quantity as _Quantity,
                                       casualty_words as _alt, CASUALTY_WORDS as _WORDS, quantities as _quantities)
from mapper.extract.implicit import is_person_noun, with_implicit
from mapper.extract.given_names import is_given_name
from mapper._internal.regex_prefix import compile_with_first_chars, prefix_forms, starts_as
from mapper._internal.regex_suffix import TailPattern
from mapper.extract.sentences import MAX_SENTENCE_CHARS, clause_spans

__all__ = ["CATEGORIES", "Figure", "find_figures", "MAX_FIGURE"]


@dataclass(frozen=True)
class Figure:
    """One casualty figure; ``text == s[start:end]`` for the string ``s`` that was searched."""

    category: str      # one of CATEGORIES
    low: int
    best: int
    high: int
    approximate: bool  # qualified ("about", "at least"), a range, or a plural word ("dozens")
    qualifier: str     # the qualifying words as written ("approximately", "between ... and") or ""
    text: str          # the matched phrase, from the number (or its qualifier) to the verb, or back
    start: int
    end: int
    subject: str       # who suffered, as written ("North Korean soldiers"), "" if not named
    increment: bool = False  # the day's addition written beside a running total ("596 690 (+1 230)")
    named: bool = False      # people named without a numeral ("a man", "Olena Koval"): each such figure is its own people


# --- casualty words: built from the language resources in mapper.extract.casualty_stems --------
#: On lower-cased text (three times as fast as re.I), tried only where a keyword's first letters stand.
_KEYWORD_RE = compile_with_first_chars(KEYWORD_PATTERN, re.I)
_KEYWORD_STARTS = prefix_forms(KEYWORD_PATTERN, re.I, size=4)  # a word not starting so is no keyword
#: Verbs whose number, once taken as their object, is not also their subject.
_TAKES_OBJECT = (Syntax.ACTIVE_VERB, Syntax.EITHER_SIDE)
#: Members read on every figure (a local name is read ten times faster than an Enum member).
_NOUN, _PARTICIPLE, _NAMED_OBJECT = Syntax.NOUN, Syntax.PARTICIPLE, Syntax.NAMED_OBJECT
_OBJECTS = (Syntax.NAMED_OBJECT, Syntax.PERSON_OBJECT)  # verbs whose number stands only after them
_AFTER_FROM = RangeWord.AFTER_FROM
#: (category, syntax) of each keyword group, by group name.
_GROUP_KINDS = {f"k{i}": (casualty.value, syntax) for i, (casualty, syntax, _) in enumerate(KEYWORDS)}


class _Keyword(NamedTuple):
    category: str
    syntax: Syntax
    start: int
    end: int


_new = tuple.__new__  # a keyword made without a named tuple's Python-level __new__ (one per casualty word)



# --- contexts that make a number something other than a head count ---------------------------
_MONTHS = _alt("months")
_PREV_EXCL_RE = TailPattern(rf"(?:(?<!\w)(?:{_MONTHS}|{_alt('before_not_count')})|[$€£₴₽№#])", r"\s*$", re.I)
#: After a number: a hyphenated word ("94-th", "30-year"), or a unit, time or money word after
#: optional spaces (tried where the spaces end, behind a look-ahead for the words' first letters).
_NEXT_HYPHEN_RE = re.compile(r"-[^\W\d_]")
_SPACES_RE = re.compile(r"\s*")
_NEXT_EXCL_RE = compile_with_first_chars(rf"(?:{_MONTHS}|{_alt('after_not_count')})(?![\w'’])", re.I)
_NEXT_EXCL_STARTS = prefix_forms(_NEXT_EXCL_RE.pattern, re.I)
_YEAR_PREV_RE = compile_with_first_chars(rf"(?<!\w)(?:{_alt('year_before')}|{_MONTHS})\s*$", re.I)
_YEAR_NEXT_RE = re.compile(rf"\s*(?:[,;:.!?)]|$|{_alt('year_after')})", re.I)
#: "lost over the day 230 soldiers", "потеряли «до 400 военнослужащих»": words or a quote between an
#: object verb and its number, taken only when the object is a word for people.
_OBJECT_GAP_RE = re.compile(r"(?:\s+[^\s\d.;:!?«»\"“”()]+){0,10}\s*[«\"“]?\s*", re.I)
#: "aged 9 and 12": a number joined to one that is no head count is none either.
_LIST_JOINS = "|".join(words(lang.places.list_joins for lang in LANGUAGES))
_LIST_JOIN_RE = re.compile(rf"\s*,\s*|\s+(?:{_LIST_JOINS})\s+", re.I)
_LIST_NEXT = frozenset(words(w.auxiliaries for w in _WORDS)) | set(_LIST_JOINS.split("|"))
_NOT_COUNT_PREV_RE = TailPattern(rf"(?<!\w)(?:{_alt('before_not_count')})", r"\s*$", re.I)
_EXCHANGE_RE = re.compile(_alt("exchange"), re.I)
_REPATRIATION_RE = re.compile(_alt("repatriation"), re.I)  # the dead handed back: no casualty event
_FOUND_ALIVE_RE = re.compile(rf"[^.;!?\n]*?(?<!\w)(?:{_alt('found_alive')})", re.I)  # "missing, but later found alive"

# --- what may stand between a number and its casualty word ------------------------------------
_BOUNDARY_RE = compile_with_first_chars(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<!\bLt)(?<!\bCol)(?<!\bGen)"
                          r"(?<!\bMaj)(?<!\bSgt)(?<!\bNo)(?<!\bapprox)[.!?…](?=[\"”»’]?(?:\s|$))|[;\n]")
_FILLERS = rf"(?:(?:{_alt('perfect')})\s+)?(?:{_INCREASE})\s+(?:{_alt('to')})|{_alt('fillers')}"
_VERB_GAP_RE = re.compile(rf"(?:\s*[:=‒–—-])?(?:\s+(?:{_FILLERS}))*\s*", re.I)
_COLON_GAP_RE = re.compile(r"\s*[:=‒–—-]\s*")
_AMOUNT = rf"{_INCREASE}|{_alt('amount')}|[:=‒–—-]"
_NOUN_GAP_RE = re.compile(rf"\s*[:=‒–—-]?\s*|\s+(?:{_alt('of')})\s+"
                          rf"|(?:\s+[^\s\d]+){{0,6}}?\s+(?:(?:{_alt('amount_lead')})\s+)?(?:{_AMOUNT})"
                          rf"(?:\s+(?:{_alt('amount_to')}))?\s*"  # "the death toll from the strike on X rose to"
                          rf"|(?:\s+[^\s\d]+){{0,12}}?\s+(?:(?:{_alt('perfect')})\s+)?(?:{_INCREASE})"
                          rf"\s+(?:{_alt('to')})\s*", re.I)
#: "the commander and two other servicemen were killed": three
_OTHERS_RE = re.compile(rf"\s+(?:{_alt('others')})(?!\w)", re.I)
_ONE_AND_RE = TailPattern(rf"(?<!\w)(?:{_alt('one_and')})", r"\s+$", re.I)
_PART_OF_RE = re.compile(rf"\s+(?:{_alt('part_of')})\s+", re.I)
_GAP_PUNCT_RE = re.compile(r"[:()\[\]\"“”«»]")
_WORD_RE = re.compile(r"[^\W\d_][\w'’ʼ.-]*")
_SPACED_WORD_RE = re.compile(rf"[^\S\n]+({_WORD_RE.pattern})")  # a word after spaces (group 1), on the same line
_AUX = frozenset(words(w.auxiliaries for w in _WORDS))
_JOINED_RE = re.compile(rf"\s+(?:{_LIST_JOINS})\s+(?:(?:{'|'.join(map(re.escape, sorted(_AUX)))})\s+)?", re.I)
_NOT_JOINED = (Syntax.NOUN, Syntax.NAMED_OBJECT, Syntax.PERSON_OBJECT)
_BREAKERS = frozenset(words(w.breakers for w in _WORDS))
_DETERMINERS = frozenset(words(w.determiners for w in _WORDS))
_NEGATIONS = frozenset(words(w.negations for w in _WORDS))
_BREAKS_SUBJECT = _BREAKERS | _NEGATIONS
_NOUN_ADJ = frozenset(words(w.noun_adjectives for w in _WORDS))
_SUBJECT_STOP = frozenset(words(w.subject_stops for w in _WORDS))


#: "A man, 45, was killed", "Olena Koval, 61, was hurt": a number alone between commas after a word
#: for a person or a person's name is that person's age.
_AGE_BEFORE_RE = re.compile(r"(?:([^\W\d_][\w'’ʼ-]*)\s+)?([^\W\d_][\w'’ʼ-]*)\s*,\s*$")
_AGE_AFTER_RE = re.compile(rf"(?:(?:\s*,\s*|\s+(?:{_LIST_JOINS})\s+)\d{{1,3}})*\s*,", re.I)  # "45 and 50, were hurt"
_MAX_AGE = 120


def _age_between_commas(text: str, q: _Quantity) -> bool:
    if q.low != q.high or q.low > _MAX_AGE or q.qstart != q.start or not _AGE_AFTER_RE.match(text, q.end):
        return False
    before = _AGE_BEFORE_RE.search(text, max(0, q.start - 60), q.start)
    if before is None:
        return False
    first, last = before.groups()
    return is_person_noun(last) or is_given_name(last) or (
        first is not None and first[0].isupper() and last[0].isupper() and is_given_name(first))


def _excluded(text: str, q: _Quantity) -> bool:
    """Dates, years, times, ages, distances, money, percentages, unit numbers, implausible sizes..."""
    if q.high > MAX_FIGURE or q.total or _NEXT_HYPHEN_RE.match(text, q.end) or _age_between_commas(text, q) or (
            starts_as(text, after := _SPACES_RE.match(text, q.end).end(), _NEXT_EXCL_STARTS)
            and _NEXT_EXCL_RE.match(text, after)) or _PREV_EXCL_RE.search(text, max(0, q.start - 30), q.start) or (
            q.qstart != q.start and _PREV_EXCL_RE.search(text, max(0, q.qstart - 30), q.qstart)):
        return True
    token = text[q.start:q.end]
    return (q.low == q.high and len(token) == 4 and token.isdigit() and 1900 <= q.low <= 2100
            and bool(_YEAR_PREV_RE.search(text, max(0, q.start - 20), q.start) or _YEAR_NEXT_RE.match(text, q.end)))


def _clear(text: str, lo: int, hi: int, heads: list[int]) -> bool:
    """No sentence boundary and no other head count (``heads``: where they start, in order)
    between ``lo`` and ``hi``."""
    if hi - lo > 120 or _BOUNDARY_RE.search(text, lo, hi):
        return False
    i = bisect_left(heads, lo)
    return i == len(heads) or heads[i] >= hi


def _backward(text: str, kw: _Keyword, q: _Quantity) -> _Quantity | None:
    """``q`` as the object of ``kw`` ("killed 12", "death toll rose to 7"); maybe without "до"."""
    gap = text[kw.end:q.qstart]
    if _RANGE_WORDS.get(q.qualifier.lower()) is _AFTER_FROM and _INCREASE_END_RE.search(gap):
        q = q._replace(qstart=q.start, qualifier="", approximate=False)
        gap = text[kw.end:q.qstart]
    gap_re = _NOUN_GAP_RE if kw.syntax is _NOUN else _COLON_GAP_RE if kw.syntax is _PARTICIPLE else _VERB_GAP_RE
    return q if gap_re.fullmatch(gap) else None


def _subject_after(text: str, pos: int) -> tuple[str, int]:
    """Up to four words naming people after a number ("12 Ukrainian soldiers in ..." -> soldiers)."""
    first = -1  # where the first word starts
    at = pos
    n = 0
    while n < 4 and (m := _SPACED_WORD_RE.match(text, at)):
        word = m.group(1)
        low = word.lower().rstrip(".")
        if low == "of" and not n:
            at = m.end()
            continue
        if low in _SUBJECT_STOP or (len(low) > 4 and low.endswith("ing") and low.isascii()) or (  # "repelling an assault"
                starts_as(word, 0, _KEYWORD_STARTS) and _KEYWORD_RE.fullmatch(word)) or (
                n and text[at - 1] == "." and word[0].isupper()):  # "... two fighters. Neither ..."
            break
        if not n:
            first = m.start(1)
        n += 1
        at = m.end()
    if not n:
        return "", pos
    subject = text[first:at].rstrip(".")
    return subject, first + len(subject)


def _forward(text: str, q: _Quantity, kw: _Keyword) -> str | None:
    """The subject (maybe "") if ``q`` is the subject of ``kw`` ("30 soldiers are believed to have been killed")."""
    if _GAP_PUNCT_RE.search(text, q.qend, kw.start) or _PART_OF_RE.fullmatch(text, q.qend, kw.start):
        return None  # "six of the injured": part of a count given before
    words = list(_WORD_RE.finditer(text, q.qend, kw.start))
    noun = kw.syntax is _NOUN
    if noun and (len(words) > 3 or "," in text[q.qend:kw.start]):
        return None
    if len(words) > 10:
        return None
    noun_phrase: list[re.Match] = []
    in_aux = comma = False
    for w in words:
        low = w.group().lower().rstrip(".")
        if low in _BREAKS_SUBJECT or low.endswith(("n't", "n’t")):
            return None
        if (low == "of" and not noun_phrase) or (noun and low in _NOUN_ADJ):
            continue
        if low in _AUX:
            if noun:
                return None
            in_aux = True
        elif in_aux or (noun and low.endswith("ed")):
            return None
        elif not comma:
            noun_phrase.append(w)
            comma = "," in text[w.end():w.end() + 1]
    if all(w.group().lower() in _DETERMINERS for w in noun_phrase):
        return ""
    return text[noun_phrase[0].start():noun_phrase[-1].end()].rstrip(".,")


def _passive(text: str, kw: _Keyword) -> bool:
    """A verb whose people are its object, in the passive: "уничтожены", "знищено" (pymorphy3's
    passive or impersonal forms), or after an auxiliary ("were executed")."""
    before = text[max(0, kw.start - 12):kw.start].split()
    return bool(before) and before[-1].lower() in _AUX or _passive_form(text[kw.start:kw.end].lower())


@lru_cache(maxsize=2_000)
def _passive_form(word: str) -> bool:
    return is_cyrillic(word) and any({"pssv", "Impe"} & tag for tag in top_grammemes(word))


def _sentence(text: str, start: int, end: int) -> str:  # to the clause's end: "7 surrendered, 5 were freed"
    lo = max((m.end() for m in _BOUNDARY_RE.finditer(text, 0, start)), default=0)
    hi = next((m.start() for m in _BOUNDARY_RE.finditer(text, end)), len(text))
    return text[lo:hi if (comma := text.find(",", end, hi)) < 0 else comma]


def find_figures(text: str) -> list[Figure]:
    """Every casualty figure in ``text`` (a sentence or more), in order of appearance.

    >>> find_figures("North Korea reportedly sent between 10,000 and 12,000 troops to support Russian efforts.")
    []

    Text longer than a sentence can be is read clause by clause (see
    :func:`mapper.extract.sentences.clause_spans`), so time grows with its length.
    """
    if len(text) > MAX_SENTENCE_CHARS:
        return [replace(f, start=f.start + a, end=f.end + a)
                for a, b in clause_spans(text, 0, len(text)) for f in with_increments(text[a:b], _figures_in(text[a:b]))]
    return list(_sentence_figures(text))


@lru_cache(maxsize=64)
def _sentence_figures(text: str) -> tuple[Figure, ...]:
    """The figures of one sentence, read once however often it is told (a headline restated in the
    lead, a post reposted): they depend on its words alone, and a figure is immutable."""
    return tuple(with_increments(text, _figures_in(text)))


def _figures_in(text: str) -> list[Figure]:
    lowered = text.lower()
    if len(lowered) == len(text):  # every keyword holds a stem: no separate test for one
        found = _keyword_matches(lowered)
    elif _may_have_keyword(lowered):
        found = _KEYWORD_RE.finditer(text)
    else:
        return []
    keywords = [_new(_Keyword, (*_GROUP_KINDS[m.lastgroup], *m.span())) for m in found]
    if not keywords:
        return []
    nums = find_numbers(text, lowered)
    if not nums:
        return with_implicit(text, keywords, [], Figure)
    qs = _quantities(text, nums)
    live, listed = [], None  # listed: the last number of a list after "aged" ("aged 9, 12 and 14")
    for q in qs:
        if listed and _LIST_JOIN_RE.fullmatch(text, listed.end, q.start) and (
                (w := _SPACED_WORD_RE.match(text, q.end)) is None or w[1].lower() in _LIST_NEXT):
            listed = q  # "aged 47 and 62 were hurt", not "aged 60 and two children"
        elif _excluded(text, q):
            listed = q if _NOT_COUNT_PREV_RE.search(text, max(0, q.qstart - 30), q.qstart) or (
                _age_between_commas(text, q)) else None
        else:
            live.append(q)
            listed = None
    heads = [q.start for q in live if not q.total]
    starts, ends = [kw.start for kw in keywords], [kw.end for kw in keywords]  # in order, never overlapping
    # 1. numbers written after a casualty word ("killed 12", "casualties: 30")
    pairs: dict[int, tuple[_Quantity, _Keyword, str, int]] = {}
    objected: set[int] = set()
    for n, q in enumerate(live):
        k = bisect_right(ends, q.qstart) - 1  # the last keyword before the number
        if k < 0 or not _clear(text, keywords[k].end, q.qstart, heads):
            continue
        kw = keywords[k]
        found = _backward(text, kw, q)
        if found and kw.syntax is not _NOUN and ":" in text[kw.end:q.qstart] and n - 1 not in pairs and n and (
                p := live[n - 1]).qend <= kw.start and (not k or ends[k - 1] <= p.qstart) and _clear(
                text, p.qend, kw.start, heads) and _forward(text, p, kw) is not None:
            continue  # "two men were injured: one has a burn, ...": counted before the colon, listed after it
        needs_people = kw.syntax is Syntax.PERSON_OBJECT
        if found is None and kw.syntax in _OBJECTS and _OBJECT_GAP_RE.fullmatch(text, kw.end, q.qstart):
            found, needs_people = q, True
        if found:
            objected.add(k)
            subject, subject_end = _subject_after(text, found.qend)
            if needs_people and not names_people(subject):
                continue
            if kw.category == "killed_or_wounded" and k + 1 < len(keywords) and (
                    nxt := keywords[k + 1]).syntax not in _OBJECTS and _clear(text, found.qend, nxt.start, heads) and (
                    _forward(text, found, nxt) is not None):  # "lost 52 men killed": the word after tells
                kw, subject_end = nxt, max(subject_end, nxt.end)
                subject = _forward(text, found, nxt) or subject
            pairs[n] = (found, kw, subject, subject_end)
    # 2. numbers written before one ("30 soldiers were killed"), unless that word took an object
    for n, q in enumerate(live):
        if n in pairs:
            continue
        k = bisect_left(starts, q.qend)  # the first keyword after the number
        if k == len(keywords):
            continue
        kw = keywords[k]
        passive = kw.syntax is Syntax.PERSON_OBJECT and _passive(text, kw)  # "40 военных уничтожены"
        if (kw.syntax in _OBJECTS and not passive) or (k in objected and kw.syntax in _TAKES_OBJECT) or not _clear(
                text, q.qend, kw.start, heads):
            continue
        subject = _forward(text, q, kw)
        if passive and not (subject and names_people(subject)):
            continue  # "3 танка уничтожены": things
        if subject is None and kw.category == "wounded" and k + 1 < len(keywords) and (
                nxt := keywords[k + 1]).category == "killed" and _PART_OF_RE.fullmatch(text, q.qend, kw.start) and (
                _clear(text, kw.end, nxt.start, heads)) and len(text[kw.end:nxt.start].split()) <= 3:
            pairs[n] = (q, nxt, "", nxt.end)  # "one of the wounded died": dead among the wounded counted before
        elif subject == "" and kw.syntax is not _NOUN:  # "3 wounded soldiers": the subject after the word
            pairs[n] = (q, kw, *_subject_after(text, kw.end))
        elif subject is not None:
            if kw.category == "captured" and kw.syntax is _NOUN and (  # "93 prisoners were executed": killed
                    (k + 1 < len(keywords) and (nxt := keywords[k + 1]).category == "killed" and nxt.syntax is not _NOUN
                     and len(text[kw.end:nxt.start].split()) <= 4 and _clear(text, kw.end, nxt.start, heads)) or (
                    k and (nxt := keywords[k - 1]).category == "killed" and nxt.syntax in _OBJECTS  # "executed 5 POWs"
                    and _OBJECT_GAP_RE.fullmatch(text, nxt.end, q.qstart))):
                kw = _Keyword("killed", nxt.syntax, min(kw.start, nxt.start), max(kw.end, nxt.end))
            pairs[n] = (q, kw, subject, q.qend)
    figures, used = [], {pair[1].start for pair in pairs.values()}
    for n in sorted(pairs):
        q, kw, subject, subject_end = pairs[n]
        if (subject and names_things(subject)) or (
                kw.syntax is _NAMED_OBJECT and set(subject.lower().split()) <= _DETERMINERS):
            continue
        k = bisect_left(starts, kw.end)  # "one was wounded and taken prisoner": the joined word counts him too
        also = keywords[k] if q.qend <= kw.start and k < len(keywords) and keywords[k].start not in used and (
            keywords[k].category != kw.category and keywords[k].syntax not in _NOT_JOINED) and _JOINED_RE.fullmatch(
            text, kw.end, keywords[k].start) else None
        if q.qend <= kw.start and _OTHERS_RE.match(text, q.end) and (
                one := _ONE_AND_RE.search(text, max(0, q.qstart - 50), q.qstart)) and (
                bisect_left(starts, one.start()) == bisect_left(starts, q.qstart)):  # "One died and two others": 2
            q = q._replace(low=q.low + 1, high=q.high + 1, qstart=one.start())
        for word in (kw, also) if also else (kw,):
            start, end = min(q.qstart, word.start), max(q.qend, word.end, subject_end)
            if word.category == "captured" and _EXCHANGE_RE.search(_sentence(text, start, end)) or (
                    word.category == "missing" and _FOUND_ALIVE_RE.match(text, end)):
                continue
            figures.append(Figure(word.category, q.low, q.low, q.high, q.approximate, q.qualifier,
                                  text[start:end], start, end, subject))
    figures = with_implicit(text, keywords, figures, Figure)
    if any(f.category == "killed" for f in figures) and _REPATRIATION_RE.search(text):  # the dead handed back
        return [f for f in figures if f.category != "killed" or not _REPATRIATION_RE.search(_sentence(text, f.start, f.end))]
    return figures
