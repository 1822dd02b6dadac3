"""Spot place names in report text: gazetteer-driven multi-pattern matching plus cue phrases.

Every name key of the gazetteer goes into one Aho-Corasick automaton; the text
is reduced token by token to the same keys, so one pass finds every spelling,
script and multi-word name. Cyrillic words the automaton misses are tried in
their nominative forms (в Плёхове → Плёхово). Names that follow a place cue
("the villages of X, Y and Z", "near X", "в селе X", "під X") are kept even
when the gazetteer does not know them::

    >>> spotter = ToponymSpotter(Gazetteer.default())                          # doctest: +SKIP
    >>> [m.text for m in spotter.spot("Clashes near Plekhovo and в Плёхове.")]  # doctest: +SKIP
    ['Plekhovo', 'в Плёхове']

Capitalised words that are people, organisations or ordinary words are not
places: acronyms (GUR, ISW), names after titles (President Zelenskyy, Maj. Gen.
Pat Ryder), parts of longer capitalised names (Kim Jong Un, Main Directorate),
and sentence-initial common words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gazetteer import Gazetteer
from gazetteer.context import COUNTRY_WORDS, district_phrase_spans, lowered, region_phrase_spans
from gazetteer.morphology import nominative_candidates
from gazetteer.normalize import is_cyrillic, name_key

__all__ = ["SpottedName", "ToponymSpotter"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ](?![sS]\b)[^\W\d_]+)*")
#: Capitalised words that begin sentences or phrases without being names.
_FUNCTION_WORDS = frozenset(
    """a an the in on at near from to of and or but for with by as into over after before during since
    despite while if this that these those there their its it he she they we our his her north south east
    west northern southern eastern western central upper lower new old greater
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    hundreds thousand thousands dozen dozens more most some many several another other all both each every
    no not only also however meanwhile earlier later today yesterday overnight last next what when where who
    why how according officials residents analysts local
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    в во у на под під біля около возле из із з от від до по за над при между після после и та і а но
    однако также ещё еще ще уже вже всего всього""".split()
)
#: Words that make a preceding capitalised run a place ("Sudzha District").
_PLACE_WORDS = frozenset(
    "oblast region district raion rayon province city town village river krai okrug hromada "
    "область район город село посёлок поселок селище місто район громада".split()
)
_TITLES = frozenset(
    """president minister gen general maj major col colonel lt lieutenant capt captain sgt mr mrs ms dr
    spokesperson spokesman spokeswoman commander leader governor mayor chief secretary senator pope king
    prime analyst correspondent reporter journalist blogger
    президент министр генерал губернатор глава мэр командующий спикер пресс-секретарь міністр голова""".split()
)
#: Verbs right after a capitalised word that make it a person ("Ryder said").
_PERSON_VERBS = frozenset(
    """said says stated added told noted wrote claimed warned confirmed announced echoed urged
    заявил сообщил написал заявив повідомив написав""".split()
)
#: Country names are not gazetteer places (they hold no point); the theatre's own
#: come from the context module, the rest are the ones reports on this war name.
_COUNTRIES = frozenset(
    {w for words in COUNTRY_WORDS.values() for w in words}
    | set("""korea america china iran turkey poland germany france britain israel syria georgia moldova
    lithuania latvia estonia finland kazakhstan japan india корея кндр сша китай иран""".split())
)
_ORG_NEIGHBOURS = frozenset(
    """ukrainska pravda komsomolskaya novaya gazeta ria tass interfax reuters agency ministry news media
    newspaper channel telegram times post journal""".split()
)
#: Words after a place name that make it the name of an authority, not a place of events
#: ("the Sumy regional military administration", "Kursk governor").
_AUTHORITY_WORDS = frozenset(
    """regional governor administration authorities council mayor ova ова""".split()
)
_CUE = re.compile(  # matched on lower-cased text
    r"(?:\b(?:villages?|towns?|settlements?|cities|city|hamlets?) of|\bnear|\boutside|\baround|\bin the area of"
    r"|\bв (?:селе|сёлах|поселке|посёлке|деревне|городе|районе|селах)|\bу (?:селі|селах|місті|районі)"
    r"|\bсел[оау]|\bселищ[еау]|\bпос[её]л(?:ок|ка)|\bдеревн[яюи]|\bхутор[ау]?"
    r"|\bпод|\bпід|\bбіля|\bвозле|\bоколо)\s+"
)
_CUE_LIST = re.compile(
    r"([A-ZА-ЯЁІЇЄҐ][\w'’ʼ-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’ʼ-]+)?)((?:\s*,\s*(?:and\s+|і\s+|и\s+|та\s+)?|\s+(?:and|і|и|та)\s+)"
    r"(?=[A-ZА-ЯЁІЇЄҐ]))?"
)


@dataclass(frozen=True, slots=True)
class SpottedName:
    """A stretch of text that names a place (or, after a cue, probably does)."""

    start: int
    end: int
    text: str
    how: str          # "gazetteer", "inflected", "region", "district" or "cue"
    key: str = ""     # the name key matched; for regions the phrase to resolve ("Kursk region")

    @property
    def query(self) -> str:
        """What to resolve: the words as written, or the plain region / district phrase."""
        return self.key if self.how in ("region", "district") else self.text


_AUTOMATA: dict[tuple[str, int], object] = {}


def _automaton(index):
    """One automaton of every name key per index (and per import into it), built in ~0.2 s."""
    key = (str(index.path), index.version)
    if key not in _AUTOMATA:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for name in index.keys():
            automaton.add_word(f" {name} ", name)
        automaton.make_automaton()
        _AUTOMATA.clear()
        _AUTOMATA[key] = automaton
    return _AUTOMATA[key]


@lru_cache(maxsize=200_000)
def _token_key(token: str) -> str:
    return name_key(token) or "_"


class ToponymSpotter:
    """Finds place-name mentions in text using a :class:`~gazetteer.Gazetteer`'s keys."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._automaton = _automaton(gazetteer.index)

    def spot(self, text: str) -> list[SpottedName]:
        """Place-name mentions in ``text``, in order, without overlaps."""
        tokens = [m.span() for m in _TOKEN.finditer(text)]
        persons = _person_names(text, tokens)
        found: list[SpottedName] = []
        found += self._regions(text)
        found += self._gazetteer_matches(text, tokens, persons)
        found += self._inflected(text, tokens, found, persons)
        found += self._cued(text, found, persons)
        return _without_overlaps(found)

    # -- the automaton pass ------------------------------------------------
    def _gazetteer_matches(self, text: str, tokens: list[tuple[int, int]], persons: set[str]) -> list[SpottedName]:
        # Names start with a capital; a lower-case word can only continue one ("Rostov-na-Donu"),
        # so other lower-case words are blanked and never start a match.
        keys = []
        previous_upper = False
        for s, e in tokens:
            upper = text[s].isupper()
            keys.append(_token_key(text[s:e]) if upper or previous_upper else "_")
            previous_upper = upper
        haystack_starts = []
        pos = 0
        for key in keys:
            haystack_starts.append(pos)
            pos += len(key) + 1
        haystack = " " + " ".join(keys) + " "
        start_to_token = {p: i for i, p in enumerate(haystack_starts)}
        out = []
        for end_index, key in self._automaton.iter(haystack):
            first = start_to_token.get(end_index - len(key) - 1)
            if first is None:
                continue
            last = first + key.count(" ")
            start, end = tokens[first][0], tokens[last][1]
            if not _joined_by_spaces(text, tokens, first, last):
                continue
            if self._looks_like_a_name_of_place(text, tokens, first, last, persons):
                out.append(SpottedName(start, end, text[start:end], "gazetteer", key))
        return out

    def _looks_like_a_name_of_place(self, text: str, tokens, first: int, last: int, persons: set[str]) -> bool:
        word = text[tokens[first][0]:tokens[first][1]]
        if not word[:1].isupper():
            return False
        if word.isupper() and len(word) <= 5 and last == first:
            return False  # acronyms: GUR, ISW, HUR, ЗСУ
        if word.casefold() in _FUNCTION_WORDS or word.casefold() in _COUNTRIES or word in persons:
            return False
        before = _word_before(text, tokens, first)
        if before and before.casefold().rstrip(".") in _TITLES:
            return False
        after = _word_after(text, tokens, last)
        if after and after.casefold() in _PERSON_VERBS and not is_cyrillic(word):
            return False
        if (before and before.casefold() in _ORG_NEIGHBOURS) or (after and after.casefold() in _ORG_NEIGHBOURS):
            return False
        if after and after.casefold() in _AUTHORITY_WORDS:
            return False
        # Part of a longer run of capitalised words ("Kim Jong Un", "Main Directorate of Intelligence").
        if _capitalised(before) and before.casefold() not in _FUNCTION_WORDS and not _at_sentence_start(
                text, tokens, first - 1):
            return False
        if (_capitalised(after) and after.casefold() not in _PLACE_WORDS and not _district_adjective(after)
                and _same_run(text, tokens, last)):
            return False
        if _at_sentence_start(text, tokens, first) and last == first and self._is_common_word(word):
            return False
        return True

    @staticmethod
    @lru_cache(maxsize=20_000)
    def _is_common_word(word: str) -> bool:
        """A sentence-initial word that Russian or Ukrainian grammar knows as an ordinary noun or
        adjective (Мирные, Бої), not a place or person name."""
        if not is_cyrillic(word):
            return False
        from gazetteer.morphology import analyzers

        for analyzer in analyzers():
            parses = analyzer.parse(word)
            if not parses or parses[0].score <= 0.5 or "UNKN" in parses[0].tag.grammemes:
                continue
            grammemes = parses[0].tag.grammemes
            if grammemes & {"ADJF", "NOUN"} and not grammemes & {"Geox", "Name", "Surn"}:
                return True
        return False

    # -- Cyrillic inflections --------------------------------------------------
    def _inflected(self, text: str, tokens, found: list[SpottedName], persons: set[str]) -> list[SpottedName]:
        if not is_cyrillic(text):
            return []
        covered = _covered(found)
        out = []
        for i, (start, end) in enumerate(tokens):
            word = text[start:end]
            if start in covered or not word[:1].isupper() or not is_cyrillic(word):
                continue
            if word.casefold() in _FUNCTION_WORDS or (word.isupper() and len(word) <= 5):
                continue
            if word.casefold() in _COUNTRIES or word in persons:
                continue
            if _at_sentence_start(text, tokens, i) and self._is_common_word(word):
                continue
            for last in (i + 1, i):  # adjective + noun first ("Большом Солдатском")
                if last >= len(tokens) or not _joined_by_spaces(text, tokens, i, last):
                    continue
                phrase = text[start:tokens[last][1]]
                if last > i and not phrase.split()[-1][:1].isupper():
                    continue
                if any(self.gazetteer.index.lookup(name_key(form)) for form in nominative_candidates(phrase)[1:]):
                    out.append(SpottedName(start, tokens[last][1], phrase, "inflected"))
                    covered.update(range(start, tokens[last][1]))
                    break
        return out

    # -- regions and cues ------------------------------------------------------
    @staticmethod
    def _regions(text: str) -> list[SpottedName]:
        return [SpottedName(start, end, text[start:end], "region", phrase)
                for start, end, phrase in region_phrase_spans(text)] + [
                SpottedName(start, end, text[start:end], "district", phrase)
                for start, end, phrase in district_phrase_spans(text)]

    def _cued(self, text: str, found: list[SpottedName], persons: set[str]) -> list[SpottedName]:
        covered = _covered(found)
        out = []
        for cue in _CUE.finditer(lowered(text)):
            pos = cue.end()
            while True:
                m = _CUE_LIST.match(text, pos)
                if not m:
                    break
                name = m.group(1)
                first_word = name.split()[0]
                if len(name.split()) == 2 and _district_adjective(name.split()[1]):
                    name = first_word  # "Головчино Грайворонского (округа)": the village alone
                following = text[m.end(1):m.end(1) + 40].split()
                next_word = following[0].strip(",.;:").casefold() if following else ""
                if (m.start(1) not in covered and first_word.casefold() not in _FUNCTION_WORDS
                        and not (first_word.isupper() and len(first_word) <= 5)
                        and first_word.casefold() not in _COUNTRIES
                        and not any(w in persons for w in name.split())
                        and next_word not in _PERSON_VERBS and next_word not in _AUTHORITY_WORDS):
                    out.append(SpottedName(m.start(1), m.start(1) + len(name), name, "cue"))
                if not m.group(2):
                    break
                pos = m.end()
        return out


def _person_names(text: str, tokens) -> set[str]:
    """Capitalised words that follow a title ("Maj. Gen. Pat Ryder" → Pat, Ryder): people all
    through the document."""
    names: set[str] = set()
    low = lowered(text)
    titles = [i for i, (s, e) in enumerate(tokens) if low[s:e] in _TITLES]
    for i in titles:
        j = i + 1
        while j < len(tokens) and j <= i + 4:
            word = text[tokens[j][0]:tokens[j][1]]
            between = text[tokens[j - 1][1]:tokens[j][0]]
            if between.strip(" .") or not word[:1].isupper():
                break
            if word.casefold() not in _TITLES:
                names.add(word)
            j += 1
    return names


def _district_adjective(word: str) -> bool:
    """A Cyrillic adjective in an oblique case, as in "Головчино Грайворонского округа"."""
    return is_cyrillic(word) and word.casefold().endswith(("ского", "ського", "ской", "ської", "ого", "ому"))


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[:1].isupper()


def _word_before(text: str, tokens, i: int) -> str | None:
    if i == 0:
        return None
    s, e = tokens[i - 1]
    between = text[e:tokens[i][0]]
    return text[s:e] if between.strip(" .") == "" else None


def _word_after(text: str, tokens, i: int) -> str | None:
    if i + 1 >= len(tokens):
        return None
    s, e = tokens[i + 1]
    return text[s:e] if text[tokens[i][1]:s].strip() == "" else None


def _same_run(text: str, tokens, i: int) -> bool:
    return i + 1 < len(tokens) and text[tokens[i][1]:tokens[i + 1][0]] == " "


def _at_sentence_start(text: str, tokens, i: int) -> bool:
    if i < 0:
        return False
    before = text[:tokens[i][0]].rstrip(" \"'“«(")
    if not before:
        return True
    if before[-1] == "." and i > 0:
        previous = text[tokens[i - 1][0]:tokens[i - 1][1]].casefold()
        if previous in _TITLES or len(previous) == 1:
            return False  # "Maj. Gen. Pat": an abbreviation, not a sentence end
    return before[-1] in ".!?…\n:"


def _joined_by_spaces(text: str, tokens, first: int, last: int) -> bool:
    return all(text[tokens[j][1]:tokens[j + 1][0]] in (" ", "-", "- ", " - ") for j in range(first, last))


def _covered(found: list[SpottedName]) -> set[int]:
    return {p for f in found for p in range(f.start, f.end)}


def _without_overlaps(found: list[SpottedName]) -> list[SpottedName]:
    rank = {"region": 0, "district": 0, "gazetteer": 1, "inflected": 2, "cue": 3}
    chosen: list[SpottedName] = []
    taken: set[int] = set()
    for f in sorted(found, key=lambda f: (rank[f.how], -(f.end - f.start), f.start)):
        if taken.isdisjoint(range(f.start, f.end)):
            chosen.append(f)
            taken.update(range(f.start, f.end))
    return sorted(chosen, key=lambda f: f.start)
