"""Casualties written without a numeral: "a man was killed", "погиб мужчина", "жінка та двоє дітей".

A noun naming one person (a resource's :class:`~mapper.extract.lang.schema.People`) counts as
one when it is the subject or the object of a casualty word in the same clause; people listed
with "and" are summed ("two men and a teenager" = 3), and people after "including" are part of
the total before it ("five people, including two children" = 5). Only the few words next to the
casualty words :mod:`mapper.extract.casualties` found are read.

    >>> from mapper.extract.casualties import find_figures
    >>> [(f.category, f.best, f.subject) for f in find_figures(
    ...     "A man was killed and his wife injured when a drone hit their house.")]
    [('killed', 1, 'A man'), ('wounded', 1, 'his wife')]
    >>> [(f.category, f.best) for f in find_figures("A man said the woman who was killed had left.")]
    []
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from gazetteer.morphology import analyzers
from gazetteer.normalize import is_cyrillic
from mapper.extract.ages import genitive_noun, without_ages
from mapper.extract.given_names import is_given_name
from mapper.extract.lang import LANGUAGES, words
from mapper.extract.lang.schema import Syntax
from mapper.extract.numbers import is_number_word, parse_number
from mapper.extract.verb_forms import active_transitive, plural_verb, takes_object

__all__ = ["implicit_figures", "with_implicit", "is_person_noun"]

_PEOPLE = [lang.people for lang in LANGUAGES]
_NOUNS = frozenset(words(p.nouns for p in _PEOPLE))
_COUPLES = frozenset(words(p.couples for p in _PEOPLE))
_PLURALS = frozenset(words(p.plurals for p in _PEOPLE))
_MODIFIERS = frozenset(words(p.modifiers for p in _PEOPLE))
_DETERMINERS = frozenset(words(p.determiners for p in _PEOPLE))
_JOINS = frozenset(words(p.joins for p in _PEOPLE))
_AUX = frozenset(words(p.auxiliaries for p in _PEOPLE))
_PLURAL_AUX = frozenset(words(p.plural_auxiliaries for p in _PEOPLE))
_INCLUDING = frozenset(words(p.inclusions for p in _PEOPLE))
_JOINED = _JOINS | _INCLUDING
_PREPOSITIONS = frozenset(words(p.prepositions for p in _PEOPLE))
_NEGATIONS = frozenset(words(lang.casualties.negations for lang in LANGUAGES)) | {"neither", "nor"}
#: A Cyrillic word holding a letter of one language only is read by that language's analyser.
_OWN_LETTERS = [(re.compile(f"[{lang.people.letters}]"), lang.code) for lang in LANGUAGES if lang.people.letters]
#: A letter written for another ("ё" for "е"): grammar's lemmas are compared folded.
_UNFOLD = str.maketrans({v: b for lang in LANGUAGES for v, b in lang.variants.items()})
_TOKEN = re.compile(r"[^\W_][\w'’ʼ-]*|[^\w\s]")
_AGE = re.compile(r"\d+-[^\W\d_]")
_WINDOW = 72  # enough for a list of three people and their words
_PEEK = 32  # enough to see the word before or after a casualty word
_PUNCT = ".,;:!?)(»«\"“”'’"
_SUBJECT_END, _OBJECT_START_EN = frozenset({"noun", "plural", "acc", "comma"}), frozenset({"det", "num"})
_OBJECT_START, _TAKES_PEOPLE_AFTER = frozenset({"det", "num", "mod", "noun", "plural", "acc"}), (
    Syntax.ACTIVE_VERB, Syntax.PERSON_OBJECT)  # English verbs with people after them: "killed a man", "executed a man"


class _Tok(NamedTuple):
    kind: str    # noun, plural, acc (a noun in the accusative only), num, mod, det, join, comma, aux, incl, prep, neg, stop
    start: int
    end: int
    value: int = 1


@lru_cache(maxsize=20_000)
def _kind(word: str) -> tuple[str, int]:
    """What a lower-cased token is to a list of people, and its value if it is a numeral."""
    if word == ",":
        return "comma", 0
    if not word[0].isalnum():
        return "stop", 0
    if word in _NEGATIONS:
        return "neg", 0
    if word in _INCLUDING:
        return "incl", 0
    if word in _JOINS:
        return "join", 0
    if word in _DETERMINERS:
        return "det", 0
    if word in _AUX:
        return "aux", 0
    if word in _NOUNS or word in _COUPLES:
        return "noun", 2 if word in _COUPLES else 1
    if word.endswith(("'s", "’s")) and _kind(word[:-2])[0] == "noun":
        return _kind(word[:-2])  # "a man's body", "the woman's son"
    if word in _PLURALS:
        return "plural", 0
    if _AGE.match(word) or word in _MODIFIERS or word.endswith("-year-old"):
        return "mod", 0
    if word.isdigit() or is_number_word(word):
        value = parse_number(word)
        return ("num", value) if value else ("stop", 0)
    if word in _PREPOSITIONS:
        return "prep", 0
    if is_cyrillic(word):
        return _cyrillic_kind(word)
    return "stop", 0


def _cyrillic_kind(word: str) -> tuple[str, int]:
    by_lang = {a.lang: a for a in analyzers()}
    own = next((by_lang[code] for letters, code in _OWN_LETTERS if code in by_lang and letters.search(word)), None)
    tags = own.parse(word) if own else [p for a in by_lang.values() for p in a.parse(word)[:4]]
    people = [p.tag for p in tags if p.normal_form.translate(_UNFOLD) in _NOUNS and "NOUN" in p.tag]
    if any(p.normal_form in _COUPLES and "NOUN" in p.tag and "nomn" in p.tag for p in tags):
        return "noun", 2
    if people:
        if all("plur" in t for t in people):
            return "plural", 0
        if any("nomn" in t for t in people):
            return "noun", 1
        return ("acc", 1) if any("accs" in t for t in people) else ("plural", 0)
    top = {str(p.tag).split(",")[0].split()[0] for p in tags[:1]}
    if "PREP" in top:  # a conjunction ("а", "но") opens a clause: its people are its own
        return "prep", 0
    if top & {"ADJF", "PRTF"}:
        return "mod", 0
    return "stop", 0


def is_person_noun(word: str) -> bool:
    """Whether ``word`` (any case) names one person or people: "man", "жінка", "мужчину", "civilians".

    >>> is_person_noun("Woman"), is_person_noun("мужчину"), is_person_noun("house")
    (True, True, False)
    """
    return _kind(word.lower())[0] in ("noun", "plural", "acc")


class _List(NamedTuple):
    count: int
    start: int
    end: int
    items: int
    numeral: bool


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        if m.start() == lo and lo and text[lo - 1].isalnum():
            continue  # a word cut by the window
        kind, value = _kind(m.group().lower())
        if kind == "stop" and _first_name(m.group()):
            kind, value = "noun", 1  # "Olena Koval was wounded", "погибла Любовь Ивановна": one person
        out.append(_Tok(kind, m.start(), m.end(), value))
    return out


def _first_name(word: str) -> bool:
    """A capitalised first name people are given (not a surname: "Koval" alone names no one here)."""
    return word[:1].isupper() and not word.isupper() and is_given_name(word)


def _parse(toks: list[_Tok], i: int, accusative: bool) -> tuple[_List | None, int]:
    """People listed from ``toks[i]`` on: their sum and the index after the list (None if none)."""
    count = items = 0
    numeral = False
    start = end = -1
    first: tuple | None = None  # the list up to its first comma
    sep = ""
    while i < len(toks):
        j, value, det = i, 0, False
        while j < len(toks) and toks[j].kind in ("det", "num", "mod"):
            value = toks[j].value if toks[j].kind == "num" else value
            det = det or toks[j].kind == "det"
            j += 1
        if j == len(toks) or toks[j].kind not in ("noun", "plural", "acc"):
            break
        while j + 1 < len(toks) and toks[j + 1].kind in ("noun", "plural", "acc") and toks[j].value < 2:
            j += 1  # "a local man": the last noun is the head; "подружжя пенсіонерів" is a couple
        noun = toks[j]
        if value:
            numeral = True
        elif noun.kind == "plural" or (noun.kind == "acc" and not accusative):
            return None, i
        count += value or noun.value
        items += 1
        start = toks[i].start if start < 0 else start
        end = noun.end
        i = j + 1
        if i < len(toks) and (toks[i].kind == "join" or (toks[i].kind == "comma" and not value)):
            sep = toks[i].kind
            if sep == "comma" and first is None:
                first = (_List(count, start, end, items, numeral), i)
            i += 1
            continue
        break
    if first and sep == "comma":
        return first  # "местный житель, мужчина 1967 года": a comma without "and" is apposition
    return (_List(count, start, end, items, numeral) if items else None), i


@lru_cache(maxsize=1)
def _people_prefixes() -> frozenset[str]:
    """The first letters of every form of the Cyrillic people nouns ("люд" of "человек"): a word
    starting otherwise is no person, told without grammar."""
    prefixes = set()
    for analyzer in analyzers():
        for lemma in _NOUNS | _COUPLES:
            for parse in analyzer.parse(lemma):
                if parse.normal_form == lemma and "NOUN" in parse.tag:
                    prefixes.update(form.word[:3].translate(_UNFOLD) for form in parse.lexeme)
    return frozenset(prefixes)


def _last_kind(text: str, end: int) -> tuple[str, bool]:
    """The kind of the last token before ``end`` that is no auxiliary ("aux" if there are only those),
    and whether an auxiliary stands right before ``end``; only people and commas matter."""
    aux = False
    named = 0  # a name or a genitive after the person's noun: "Тракторист Сергей Будков", "Жителька села"
    for n, raw in enumerate(reversed(text[max(0, end - 2 * _PEEK):end].split())):
        if raw[-1] == ",":
            return "comma", aux
        word = raw.strip(_PUNCT).lower() or raw
        if is_cyrillic(word) and word[:3].translate(_UNFOLD) not in _people_prefixes() and word not in _AUX:
            if _first_name(raw.strip(_PUNCT)):
                return "noun", aux  # "Любовь Ивановна погибла"
            if named < 3 and (raw[0].isupper() or not named and genitive_noun(word)):
                named += 1
                continue
            return "stop", aux
        kind = _kind(word)[0]
        if kind == "stop" and _first_name(raw.strip(_PUNCT)):
            return "noun", aux  # "Olena Koval was wounded"
        if kind == "stop" and named < 3 and raw[0].isupper():
            named += 1
            continue
        if kind != "aux":
            return kind, aux
        aux = aux or not n
    return ("aux" if aux else "stop"), aux


def _first_kind(text: str, start: int) -> str:
    """The kind of the first token from ``start`` on."""
    words = text[start:start + _PEEK].split(maxsplit=1)
    if not words or not text[start:start + 1].isspace():
        return "stop"
    word = words[0]
    if not word[0].isalnum():
        return "stop"
    kind = _kind(word.rstrip(_PUNCT).lower())[0]
    return "noun" if kind == "stop" and _first_name(word.rstrip(_PUNCT)) else kind


def _appositive(toks: list[_Tok], i: int) -> int:
    """Where the subject ends when ``toks[:i]`` close with ", <a person>," naming the subject again
    ("Водитель, мужчина 58 лет, погиб"): the opening comma's index; else ``i``."""
    if not i or toks[i - 1].kind != "comma":
        return i
    k = i - 2
    while k > 0 and toks[k].kind in ("det", "num", "mod", "noun", "acc") and i - k < 8:
        k -= 1
    if k < 1 or k == i - 2 or toks[k].kind != "comma" or toks[k - 1].kind not in ("noun", "stop"):
        return i
    found, end = _parse(toks, k + 1, False)
    return k if found and end == i - 1 and found.count == 1 else i


def _names(text: str, toks: list[_Tok], i: int) -> int:
    """Where a person's noun ends when a name follows it ("Тракторист Сергей Будков", up to three
    capitalised words) or a noun in the genitive ("Жителька села", "Пассажирка автомобиля"); else ``i``."""
    j = i
    while j and i - j < 3 and toks[j - 1].kind == "stop" and text[toks[j - 1].start].isupper():
        j -= 1
    if j == i and i > 1 and toks[i - 1].kind == "stop" and genitive_noun(text[toks[i - 1].start:toks[i - 1].end]):
        j = i - 1
    return j if j < i and j and toks[j - 1].kind in ("noun", "acc") else i


def _before(text: str, toks: list[_Tok], kw_ends: set[int], english: bool, verb: bool,
            accusative: bool = False) -> _List | None:
    """The people just before a casualty word (``toks`` end there): its subject, or the object put
    first of a verb taking its people in the accusative ("Мужчину ранили", "Жінку поранено")."""
    i = len(toks)
    aux = 0
    plural = False  # "Olha and her son were wounded": more people than the list names
    while i and toks[i - 1].kind == "aux":
        i, aux = i - 1, aux + 1
        plural = plural or text[toks[i].start:toks[i].end].lower() in _PLURAL_AUX
    i = _appositive(toks, i)
    i = _names(text, toks, i)
    comma = bool(i) and toks[i - 1].kind == "comma"  # "five people, including two children, were killed"
    i -= comma
    j = i
    while j and toks[j - 1].kind in ("det", "num", "mod", "noun", "plural", "acc", "join", "comma"):
        j -= 1
    while j < i and toks[j].kind in ("join", "comma"):
        j += 1
    if j == i or any(t.kind == "neg" for t in toks[max(0, j - 2):]):
        return None
    found, end = _parse(toks, j, accusative)
    if (not found or end != i) and (k := max((n for n in range(j, i) if toks[n].kind == "comma"), default=-1)) >= j:
        j = k + 1  # "погиб мужчина, его жена получила ранения": the people after the last comma
        found, end = _parse(toks, j, accusative)
    if not found or end != i:
        return None
    prev = toks[j - 1] if j else None
    if prev and prev.kind == "incl":
        return _total(toks[:j], found)
    if comma:
        return None  # "сообщил мужчина, погиб ...": the people before a comma are another clause's
    if (prev and prev.kind == "prep") or (found.numeral and found.items == 1) or (plural and found.count == 1):
        return None
    if english and verb and not aux and not (prev and prev.kind in ("join", "comma") and j > 1
                                             and toks[j - 2].end in kw_ends):
        return None  # "a man killed ...": the killer, or a reduced relative clause; "and his wife injured" is gapped
    return found


def _after(toks: list[_Tok], accusative: bool) -> _List | None:
    """The people just after a casualty word (``toks`` start there): its object, or a Slavic subject."""
    if not toks or any(t.kind == "neg" for t in toks[:2]):
        return None
    found, end = _parse(toks, 0, accusative)
    if not found or (found.numeral and found.items == 1):
        return None
    if end < len(toks) and toks[end].kind in ("noun", "plural", "acc", "mod") and not (
            toks[end].kind == "plural" and toks[end - 1].value == 2):  # "подружжя пенсіонерів"
        return None
    return found


def _total(toks: list[_Tok], found: _List) -> _List | None:
    """"five people, including two children": the total before "including" (``toks`` end there)."""
    i = len(toks)
    while i and toks[i - 1].kind in ("incl", "prep"):
        i -= 1
    if i < 3 or toks[i - 1].kind != "comma" or toks[i - 2].kind not in ("noun", "plural"):
        return None
    j = i - 3
    while j >= 0 and toks[j].kind == "mod":
        j -= 1
    if j < 0 or toks[j].kind != "num" or toks[j].value < found.count:
        return None
    return _List(toks[j].value, toks[j].start, found.end, 2, True)


def implicit_figures(text: str, keywords, make) -> list:
    """(figure, list) of the people named without a numeral next to ``keywords`` (casualty words
    as :mod:`mapper.extract.casualties` finds them: category, syntax, start, end); ``make`` builds
    a figure (casualties' ``Figure``, passed in: that module imports this one)."""
    kw_ends = {kw.end for kw in keywords}
    out = []
    for kw in keywords:
        if kw.syntax in (Syntax.NOUN, Syntax.NAMED_OBJECT):
            continue
        word = text[kw.start:kw.end].lower()
        english = not is_cyrillic(word)
        lo = max(0, kw.start - _WINDOW)
        read = without_ages(text, lo, kw.start)
        last, passive = _last_kind(read, kw.start)  # most casualty words have no people next: a quick look first
        found = None
        head = word.split()[0]
        # "ранили", "с ранениями доставили", "поранено": the verb of the phrase takes its people as object
        object_verb = english or any(takes_object(w) for w in word.split() if w.isalpha())
        if last in _SUBJECT_END and (last != "plural" or _JOINED & set(
                read[lo:kw.start].lower().split())):  # "12 soldiers were killed": no sum
            found = _before(read, _tokens(read, lo, kw.start), kw_ends, english, kw.syntax is Syntax.ACTIVE_VERB,
                            not english and object_verb)
        if found and not english and " " not in word and active_transitive(head) and (
                _kind(read[found.start:found.end].split()[-1].lower())[0] == "noun"):
            found = None  # "Мужчина ранил соседа": the one in the nominative before an active verb is its agent
        if found and found.count == 1 and not english and plural_verb(head) and not (
                object_verb and _kind(read[found.start:found.end].split()[-1].lower())[0] == "acc"):
            found = None  # "Ольга и ее сын ранены": one person is too few for a plural verb ("Мужчину ранили": no subject)
        if not found and (not english or kw.syntax in _TAKES_PEOPLE_AFTER) and not (english and passive) and (
                _first_kind(text, kw.end) in (_OBJECT_START_EN if english else _OBJECT_START)):
            after = _tokens(text, kw.end, min(len(text), kw.end + _WINDOW))
            found = _after(after, object_verb)
            if found and found.count == 1 and not object_verb and plural_verb(head):
                found = None
        if not found:
            continue
        start, end = min(found.start, kw.start), max(found.end, kw.end)
        out.append((make(kw.category, found.count, found.count, found.count, False, "", text[start:end], start,
                           end, text[found.start:found.end], named=not found.numeral), found))
    return out


def with_implicit(text: str, keywords, figures: list, make) -> list:
    """``figures`` (found with numerals) and the people named without one, in order: a list that
    sums a numeral's people with others replaces the numeral's figure, and people a figure
    already counts are not counted again."""
    extra = implicit_figures(text, keywords, make) if keywords else []
    if not extra:
        return figures
    figures = list(figures)
    for figure, found in extra:
        same = [f for f in figures if f.category == figure.category and f.start < figure.end and figure.start < f.end]
        if same and (not (found.numeral and found.items > 1) or all(f.best == figure.best for f in same)):
            continue  # the numeral's figure counts these people already
        figures = [f for f in figures if f not in same]
        figures.append(figure)
    return sorted(figures, key=lambda f: f.start)
