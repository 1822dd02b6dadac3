"""Whose own voice a post is written in: the author of the figures it credits to no one.

A post that names no claimant for a figure still has an author, and its words tell which kind
(the words are the language resources', ``Attribution.voice``, ``digest`` and ``community_demonym``;
who each kind of author is, the theatre's claimant rows with a ``voice``)::

    >>> voice_of("Наши штурмовики закрепились у Махновки. Противник потерял до 40 человек.")
    'front'
    >>> voice_of("Shelling hits border villages\\n\\nTwo people were killed in Tyotkino.")
    'news'
    >>> voice_of("Morning digest\\n\\n- Kursk: two wounded.\\n- Sumy: one killed.")
    'digest'

- "community": a community head addressing residents ("наша громада", "Шановні краснопільці!"),
  named for its community where the post names it (:func:`community_head`);
- "authority": a governor's or a military administration's post ("Информация уточняется");
- "front": a fighter or a military blogger writing of "our guys", "наши штурмовики": its side's
  milblogger, the side being the one opposite the forces the post names (:func:`author_side`);
- "digest": a news digest (a heading with a digest word, or items in a list under a heading);
- "news": a news story (a headline, then its text) that credits a figure to no one: the outlet's.

Each is read once per document, never once per claim.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from gazetteer.normalize import is_cyrillic, transliterate
from gazetteer.theatre import Claimant
from mapper._internal.anchored import CASELESS_SIZE, AnchoredPattern
from mapper._internal.regex_parts import case_forms, class_chars, parse_items
from mapper._internal.regex_prefix import compile_with_first_chars, folded_prefixes
from mapper.extract import document_scan
from mapper.extract.lang import LANGUAGES, alternation, alternatives

__all__ = ["voice_of", "community_head", "author_side", "home_side", "voice_words", "heading_of", "HOME_LETTERS"]

_ATTRIBUTION = [lang.attribution for lang in LANGUAGES]


class _Words:
    """Alternatives whose first match in a text is looked for: those with literal prefixes tried only
    where one begins (read with the report's one pass, :mod:`~mapper.extract.document_scan`), the
    others (a line's head, "^Краснопільці,": any letter may begin one) by the regex engine; the
    first match is the one the whole alternation gives (matched at the first place either found)."""

    def __init__(self, alternatives: list[str]):
        self.regex = re.compile("|".join(alternatives))
        loose = [a for a in alternatives if not (p := folded_prefixes(a, CASELESS_SIZE)) or min(map(len, p)) < 2]
        rest = [a for a in alternatives if a not in loose]
        self.anchored = AnchoredPattern("|".join(rest)) if rest else None
        self.loose = re.compile("|".join(loose)) if loose else None
        if any(p is not None and getattr(p, "regex", p).flags != self.regex.flags for p in (self.anchored, self.loose)):
            self.anchored, self.loose = AnchoredPattern(self.regex.pattern), None  # a flag for the whole: kept whole
        if self.anchored is not None and self.anchored.caseless:
            document_scan.read_together(self.anchored)

    def search(self, text: str) -> re.Match | None:
        """``regex.search(text)``."""
        starts = [m.start() for m in (document_scan.search(self.anchored, text) if self.anchored else None,
                                      self.loose.search(text) if self.loose else None) if m]
        return self.regex.match(text, min(starts)) if starts else None


_VOICE = {kind: _Words(alternatives(a.voice[kind] for a in _ATTRIBUTION if kind in a.voice))
          for kind in ("authority", "community", "front")}
_COMMUNITY = tuple(re.compile(a.community_name) for a in _ATTRIBUTION if a.community_name)
_DEMONYMS = tuple((re.compile(a.community_demonym[0]), a.community_demonym[1])
                  for a in _ATTRIBUTION if a.community_demonym)
_DIGEST = re.compile(alternation(a.digest for a in _ATTRIBUTION if a.digest), re.IGNORECASE)
_SIDE_NAMES = tuple(dict.fromkeys(side for lang in LANGUAGES for table in (lang.sides.forces, lang.sides.states)
                                  for side in table))
_SIDE_WORDS = compile_with_first_chars(r"(?i)(?<!\w)(?:" + "|".join(
    f"(?P<s{i}>{alternation(t[side] for lang in LANGUAGES for t in (lang.sides.forces, lang.sides.states) if side in t)})"
    for i, side in enumerate(_SIDE_NAMES)) + r")(?!\w)")
#: (letters only a language writes, the side a text in them speaks for), per language that has such letters
HOME_LETTERS = [(re.compile(f"[{lang.sides.letters}]", re.I), lang.sides.home_side)
                for lang in LANGUAGES if lang.sides.letters and lang.sides.home_side]


def _letters_of(rx: re.Pattern[str]) -> tuple[str, ...]:
    """Every character a one-letter class matches, case-blind: each letter it lists, that letter's
    other cases and the further characters the regex engine takes for it (ᲆ for ъ)."""
    items = parse_items(rx.pattern)
    listed = class_chars(items[0][1]) if items and len(items) == 1 else None
    if listed is None:  # pragma: no cover - a class the letters field does not write
        raise ValueError(f"letters class {rx.pattern!r}")
    pool = {form for c in listed for form in case_forms(c)}
    return tuple(sorted(c for c in pool if rx.fullmatch(c)))


#: HOME_LETTERS as the characters each class matches: a text's letters are counted, not searched for
_HOME_COUNTS = [(_letters_of(rx), side) for rx, side in HOME_LETTERS]
_HEADLINE = 120     # a first line this short, with no final stop, followed by more text: the post's heading
_HEADLINE_WORDS = 3  # ... of this many words at least, a news story's headline
_ITEMS = re.compile(r"(?m)^\s*(?:[-•*–—]|\d{1,2}[.)])\s+\S")


@lru_cache(maxsize=256)
def voice_of(document: str) -> str:
    """The kind of author a post has (see the module doc), or "" when its words do not say."""
    if _VOICE["community"].search(document) or community_head(document, heading=True):
        return "community"
    if _VOICE["authority"].search(document):
        return "authority"
    if _VOICE["front"].search(document):
        return "front"
    heading = heading_of(document)
    if heading and (_DIGEST.search(heading) or len(_ITEMS.findall(document)) >= 2):
        return "digest"
    return "news" if len(heading.split()) >= _HEADLINE_WORDS else ""  # not a label ("Белгородский район")


def voice_words(document: str) -> str:
    """The words that show a post's voice ("" for a heading's)."""
    for kind in ("community", "authority", "front"):
        found = _VOICE[kind].search(document)
        if found:
            return found.group()
    return ""


def heading_of(document: str) -> str:
    """The post's first line, if it is a heading: short, with no final stop, and more text after it."""
    lines = document.strip().split("\n", 1)
    first = lines[0].strip()
    if len(lines) < 2 or not lines[1].strip() or not first or len(first) > _HEADLINE or first.startswith("["):
        return ""
    return "" if re.search(r"[.!?…;,:]$", first) else first


def community_head(document: str, *, heading: bool = False) -> tuple[str, str] | None:
    """A community head's post, named for its community: a post opening with its community's name
    ("Великописарівська громада. ..." -> "Velykopysarivska hromada head"), or, unless ``heading``,
    one addressing residents by its demonym ("Шановні краснопільці!" -> "Krasnopilska hromada head").
    ``heading``: only a post opening with the name alone, as its heading ("Липецька громада, 12 травня.",
    not "...: "). Returns the name and the words it is read from."""
    opening = document.lstrip()[:80]
    hits = [hit for rx in _COMMUNITY if (hit := rx.match(opening) if heading else rx.search(opening))]
    if heading:
        hits = [hit for hit in hits if opening[hit.end():hit.end() + 1] in (".", ",")]
    if hits:
        found = min(hits, key=lambda hit: hit.start())
        return _hromada(found.group("name")), found.group()
    if heading:
        return None
    for rx, suffix in _DEMONYMS:
        found = rx.search(document[:300])
        if found:
            return _hromada(found.group("name") + suffix), found.group().strip()
    return None


def _hromada(name: str) -> str:
    latin = transliterate(name.lower()).replace("'", "").replace("’", "") + ("a" if is_cyrillic(name) else "")
    return f"{latin[:1].upper()}{latin[1:]} hromada head"


@lru_cache(maxsize=256)
def _sides_named(document: str) -> Counter:
    return Counter(_SIDE_NAMES[int(m.lastgroup[1:])] for m in _SIDE_WORDS.finditer(document))


def author_side(document: str, claimants: Iterable[Claimant]) -> str:
    """The side a fighter's or a military blogger's post speaks for: the one opposite the side whose
    forces it names most ("the Russians tried to crawl up to our positions": Ukrainian; the two sides
    are the first two the theatre's ``claimants`` speak for), else the side its language's letters
    speak for; "" when neither says."""
    camps = list(dict.fromkeys(c.side for c in claimants if c.side))[:2]
    opponents = dict(zip(camps, reversed(camps))) if len(camps) == 2 else {}
    ranked = sorted(((n, side) for side, n in _sides_named(document).items() if side in opponents), reverse=True)
    if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
        return opponents[ranked[0][1]]
    return home_side(document)


@lru_cache(maxsize=256)
@lru_cache(maxsize=16)  # asked once per claim: a report is read once
def home_side(document: str) -> str:
    """The side a text in a side's own letters speaks for (Ukrainian "і", Russian "ы"), or ""."""
    counts = [(sum(map(document.count, letters)), side) for letters, side in _HOME_COUNTS]
    count, side = max(counts, default=(0, ""))
    return side if count else ""
