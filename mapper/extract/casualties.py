"""Casualty figures in a sentence: how many were killed, wounded, missing or captured.

Figures follow UCDP's low/best/high: an exact number gives low = best = high; a range gives
its ends and the midpoint (rounded down) as best; a qualified number ("at least 30") keeps the
number for all three and records the qualifier for the caller (no bounds are invented).
Plural words take ACLED's values ("dozens" = 12, "hundreds" = 100, see :mod:`mapper.extract.numbers`).
English, Russian and Ukrainian; a figure never crosses a sentence or clause boundary.

    >>> f, = find_figures("Approximately 30 North Korean soldiers are believed to have been killed or wounded.")
    >>> f.category, (f.low, f.best, f.high), f.approximate, f.qualifier, f.subject
    ('killed_or_wounded', (30, 30, 30), True, 'Approximately', 'North Korean soldiers')
    >>> found = find_figures("3 killed and 8-12 wounded; 12 drones shot down")
    >>> [(f.category, f.low, f.best, f.high, f.text) for f in found]
    [('killed', 3, 3, 3, '3 killed'), ('wounded', 8, 10, 12, '8-12 wounded')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from mapper.model.events import CATEGORIES, MAX_FIGURE
from mapper.extract.casualty_stems import may_have_keyword as _may_have_keyword
from mapper.extract.numbers import NumberMatch, find_numbers
from mapper._internal.regex_prefix import compile_with_first_chars
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


# --- casualty words -------------------------------------------------------------------------
# Roles: "a" English active verb, the number before it (subject) or after it (object); "o" a verb
# whose object is a figure only when it names who ("lost 30 soldiers", never "lost 30");
# "p" participle/adjective, the number before it (or after ":"/"-"); "n" noun, the number just
# before it or after "of", ":", "rose to"...; "c" Russian/Ukrainian verb or participle, either side.
_KEYWORDS = [
    ("killed_or_wounded", "a", r"killed\s+(?:or|and|&)\s+(?:wounded|injured)"
                               r"|(?:wounded|injured)\s+(?:or|and)\s+killed"),
    ("killed_or_wounded", "p", r"dead\s+(?:or|and|&)\s+(?:wounded|injured)"),
    ("killed_or_wounded", "c", r"(?:убит|погибш|вбит|загибл)(?:ыми|ых|ими|их|ы|і)\s+(?:и|или|і|й|та|або)\s+"
                               r"(?:ранен|поранен)(?:ыми|ых|ими|их|ы|і)"),
    ("killed_or_wounded", "n", r"casualties|casualty\s+toll|losses|потер(?:и|ь|ям|ями|ях)|втрат(?:и|а|ах|ами)?"
                               r"|личного\s+состава|особового\s+складу"),
    ("missing", "p", r"missing(?:\s+in\s+action)?|unaccounted\s+for"),
    ("missing", "c", r"(?:пропал[иоа]?|пропавш(?:их|ими|ие))\s+без\s+вести|безвести\s+пропавш(?:их|ими|ие)"
                     r"|(?:зник(?:ли|ло|ла)?|зникл(?:их|ими|і))\s+безвісти|безвісти\s+зникл(?:их|ими|і)"),
    ("captured", "a", r"captured|capturing|took\s+(?:prisoner|captive)|taking\s+(?:prisoner|captive)"),
    ("captured", "p", r"taken\s+(?:prisoner|captive)|surrendered"),
    ("captured", "n", r"prisoners(?:\s+of\s+war)?|pows|военнопленных|(?:військово)?полонених|пленных"),
    ("captured", "c", r"(?:взят[ыоиі]|взяли|попал[иоа]?|потрапил[иоа]|сдал(?:ись|ось|ся)|здал(?:ися|ось|ся))\s+"
                      r"(?:в|у)\s+(?:плен|полон)|(?:в|у)\s+(?:плен|полон)\s+(?:сдал(?:ись|ось|ся)|здал(?:ися|ось|ся)"
                      r"|взят[ыоиі]|взяли|попал[иоа]?|потрапил[иоа])|в\s+плену|у\s+полоні|полонили|пленили"
                      r"|полонен[іо]"),
    ("killed", "p", r"killed\s+in\s+action|dead|died|perished|slain|lost\s+their\s+lives"),
    ("killed", "a", r"killed|killing|kills|eliminated|liquidated"),
    ("killed", "n", r"deaths|fatalities|death\s+toll|погибш(?:их|ие|ими)|загибл(?:их|ими|і)|убитых|вбитих"),
    ("killed", "c", r"убит[ыоа]?|убили|погиб(?:ли|ло|ла)?|загинул[иоа]|загинув|вбит[оіа]|вбили"
                    r"|ліквідован[оі]|ліквідували|ликвидирован[оы]?|ликвидировали"),
    ("wounded", "a", r"wounded|wounding|injured|injuring"),
    ("wounded", "p", r"(?:sustained|suffered|received)\s+(?:(?:serious|minor|severe|shrapnel)\s+)?(?:injuries|wounds)"),
    ("wounded", "c", r"(?:получил[аио]?|отримал[аио]?|отримав|зазнал[аио]?|зазнав)\s+"
                     r"(?:ранени[яей]|поранення|поранень|травм[ыи])"),
    ("wounded", "n", r"раненых|раненые|ранения|поранених|поранення|поранень|постраждалих|пострадавших"),
    ("wounded", "c", r"ранен[ыоа]?|ранили|поранен[іоа]|поранили|травмован[іоа]|постраждал[иоа]|пострадал[иоа]"),
    ("killed_or_wounded", "o", r"lost|loses|losing|потерял[аио]?|потеряли|втратил[аио]?|втратили|втратив"),
]
_KEYWORD_PATTERN = "|".join(f"(?P<k{i}>{p})" for i, (_, _, p) in enumerate(_KEYWORDS)).join(
    [r"(?<![\w-])(?:", r")(?![\w'’])"])
_KEYWORD_LOWER_RE = compile_with_first_chars(_KEYWORD_PATTERN)  # on lower-cased text: three times as fast as re.I
_KEYWORD_RE = compile_with_first_chars(_KEYWORD_PATTERN, re.I)


#: (category, role) of each keyword group, by group name.
_GROUP_KINDS = {f"k{i}": (category, role) for i, (category, role, _) in enumerate(_KEYWORDS)}


class _Keyword(NamedTuple):
    category: str
    role: str
    start: int
    end: int


class _Quantity(NamedTuple):
    low: int
    high: int
    start: int       # the number (or range) itself
    end: int
    qstart: int      # with a qualifier before it
    qend: int        # with a qualifier after it ("or more")
    qualifier: str
    approximate: bool
    total: bool = False  # "of the 100": a total the figure is part of, never a figure itself


# --- qualifiers and ranges ------------------------------------------------------------------
_QUAL_RE = compile_with_first_chars(
    r"(?<!\w)(?P<q>no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|no\s+more\s+than|not\s+more\s+than"
    r"|at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|up\s+to|as\s+many\s+as|as\s+few\s+as"
    r"|an\s+estimated|estimated|approximately|approx\.|about|around|some|roughly|nearly|almost|just\s+over"
    r"|well\s+over|over|close\s+to|upwards\s+of|in\s+excess\s+of|a\s+minimum\s+of|a\s+maximum\s+of"
    r"|не\s+менее|не\s+меньше|по\s+меньшей\s+мере|как\s+минимум|минимум|более|больше|свыше|около|примерно"
    r"|приблизительно|порядка|почти|не\s+менше|щонайменше|принаймні|як\s+мінімум|мінімум|понад|більш\s+ніж"
    r"|більше|близько|приблизно|орієнтовно|майже|до)\s*$", re.I)
_POSTQUAL_RE = re.compile(r"\s*(?:or\s+more|or\s+so|\+|plus|и\s+более|і\s+більше|с\s+лишним|з\s+лишком)(?!\w)", re.I)
_RANGE_RE = re.compile(r"\s*(?P<dash>[-–—])\s*|\s+(?P<word>to|and|or|до|и|і|та|или|або|чи)\s+", re.I)
_RANGE_LEAD_RE = compile_with_first_chars(r"(?<!\w)(?P<lead>between|from|между|між|от|від)\s+$", re.I)
_INCREASE = (r"rose|risen|climbed|jumped|increased|grew|grown|возросл[аои]|выросл[аои]|увеличил(?:ось|ась|ись)"
             r"|зросл[аои]|збільшил(?:ася|ося|ися)")
_INCREASE_END_RE = compile_with_first_chars(rf"(?<!\w)(?:{_INCREASE})\s+$", re.I)

# --- contexts that make a number something other than a head count ---------------------------
_MONTHS = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
           r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]"
           r"|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|січ(?:ня|ень|ні)"
           r"|лют(?:ого|ий|ому)|берез(?:ня|ень|ні)|квіт(?:ня|ень|ні)|трав(?:ня|ень|ні)|черв(?:ня|ень|ні)"
           r"|лип(?:ня|ень|ні)|серп(?:ня|ень|ні)|верес(?:ня|ень|ні)|жовт(?:ня|ень|ні)|листопад[аі]?|груд(?:ня|ень|ні)")
_PREV_EXCL_RE = compile_with_first_chars(
    rf"(?:(?<!\w)(?:{_MONTHS}|aged|age|ages|No\.?|Nos\.?|number|article|art\.|part|section|paragraph|page|day"
    r"|brigade|regiment|battalion|division|unit|corps|route|highway|flight|US\$|USD|EUR|UAH|RUB|в\s+возрасте"
    r"|возрастом|віком|статья|статьи|стаття|статті|частина|часть|пункт|бригада|полк|батальон|дивизия|дивізія"
    r"|в/ч|військова\s+частина|воинская\s+часть)|[$€£₴₽№#])\s*$", re.I)
#: After a number: a hyphenated word ("94-th", "30-year"), or a unit, time or money word after
#: optional spaces (tried where the spaces end, behind a look-ahead for the words' first letters).
_NEXT_HYPHEN_RE = re.compile(r"-[^\W\d_]")
_SPACES_RE = re.compile(r"\s*")
_NEXT_EXCL_RE = compile_with_first_chars(
    rf"(?:{_MONTHS}|%|‰|km²?|kms|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s?|mm|cm|ft|feet|yards?"
    r"|hectares?|ha|sq|square|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|days?|nights?|weeks?|months?|years?"
    r"|yrs?|decades?|a\.m\.?|p\.m\.?|am|pm|o['’]clock|GMT|UTC|local\s+time|percent|per\s+cent|percentage"
    r"|dollars?|euros?|pounds?|rubles?|roubles?|hryvni?as?|UAH|USD|EUR|RUB|bn|billion|times|tonnes?|tons?|kg"
    r"|litres?|liters?|brigades?|regiments?|battalions?|divisions?|corps|км|кілометр\w*|километр\w*|м|метр\w*|мм"
    r"|см|час\w*|годин\w*|минут\w*|хвилин\w*|секунд\w*|дн(?:я|ей|і|ів)|день|суток|сутки|доби|діб|недел\w*"
    r"|тижн\w*|тиждень|месяц\w*|місяц\w*|лет|год|года|году|рок(?:у|ів|и)|рік|р\.|г\.|процент\w*|відсот\w*"
    r"|рубл\w*|гривень|гривн\w*|грн|доллар\w*|долар\w*|евро|євро|раз|рази|разів|тонн\w*|бригад\w*|полк\w*"
    r"|батальон\w*|дивизи\w*|дивізі\w*|ОМБр|ОШБр)(?![\w'’])", re.I)
_YEAR_PREV_RE = compile_with_first_chars(
    rf"(?<!\w)(?:in|since|by|until|till|from|of|during|before|after|early|late|mid|year|summer|winter|spring|autumn"
    rf"|fall|в|во|у|с|з|із|до|от|від|по|{_MONTHS})\s*$", re.I)
_YEAR_NEXT_RE = re.compile(r"\s*(?:[,;:.!?)]|$|years?\b|г\.|гг\.|года\b|году\b|год\b|рік\b|року\b|р\.)", re.I)
_OF_RE = re.compile(r"\s+of\s+", re.I)
_TOTAL_PREV_RE = compile_with_first_chars(r"(?<!\w)(?:of\s+the|out\s+of|из|із|зі|з)\s+$", re.I)
_NONPERSON_RE = re.compile(
    r"(?<![\w-])(?:tanks?|vehicles?|APCs?|IFVs?|MRAPs?|drones?|UAVs?|aircraft|planes?|jets?|helicopters?|missiles?"
    r"|rockets?|shells?|rounds|bombs?|mines|munitions|guns|howitzers?|artillery|launchers?|systems?|MLRS|radars?"
    r"|trucks?|cars?|boats?|ships?|vessels?|equipment|hardware|weapons?|pieces|units|depots?|warehouses?|bridges?"
    r"|buildings?|houses?|homes?|apartments?|villages?|towns?|settlements?|localities|locality|cities|city|hamlets?"
    r"|positions?|districts?|regions?|areas?|directions?|sectors?|targets?|facilities|km|miles?|attacks?|assaults?"
    r"|strikes?|airstrikes?|shellings?|clashes|engagements?|firefights?|battles?|raids?|sorties|offensives?"
    r"|attempts?|operations?|times|days?|hours?|weeks?|months?|years?|танк\w*|бмп|бтр|ббм|бронетехн\w*|техник\w*"
    r"|техні\w*|автомобил\w*|автомобіл\w*|автотехн\w*|машин\w*|беспилотник\w*|безпілотник\w*|бпла|дрон\w*"
    r"|ракет\w*|снаряд\w*|самол[её]т\w*|літак\w*|вертол[её]т\w*|гелікоптер\w*|артсистем\w*|артилер\w*"
    r"|артиллер\w*|систем\w*|гармат\w*|оруди\w*|рсзв|рсзо|зрк|катер\w*|корабл\w*|човн\w*|единиц\w*|одиниц\w*"
    r"|населенн?\w*|сел[ао]?|сёл|сіл|селищ\w*|посел\w*|город(?:а|ов|ам)?|міст[аоі]?|позиц\w*|атак\w*|штурм\w*"
    r"|удар\w*|обстрел\w*|обстріл\w*|боестолкновени\w*|боєзіткнен\w*|зіткнен\w*|столкновени\w*|напрям\w*"
    r"|направлени\w*|будин\w*)(?!\w)", re.I)
_EXCHANGE_RE = re.compile(r"exchang|swap|releas|freed|repatriat|returned\s+home|обмен|обмін|освобо|звільн"
                          r"|верну|поверну", re.I)

# --- what may stand between a number and its casualty word ------------------------------------
_BOUNDARY_RE = compile_with_first_chars(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<!\bLt)(?<!\bCol)(?<!\bGen)(?<!\bMaj)"
                          r"(?<!\bSgt)(?<!\bNo)(?<!\bapprox)[.!?…](?=[\"”»’]?(?:\s|$))|[;\n]")
_FILLERS = (rf"(?:(?:has|have|had)\s+)?(?:{_INCREASE})\s+(?:to|до)|a\s+further|another|an\s+additional|additional"
            r"|a\s+total\s+of|in\s+total|also|reportedly|allegedly"
            r"|only|just|were|was|are|is|ещё|еще|ще|также|також|всего|усього|загалом|в\s+общей\s+сложности|уже|вже")
_VERB_GAP_RE = re.compile(rf"(?:\s*[:=–—-])?(?:\s+(?:{_FILLERS}))*\s*", re.I)
_COLON_GAP_RE = re.compile(r"\s*[:=–—-]\s*")
_AMOUNT = (rf"{_INCREASE}|reached|hit|totall?ed|totall?ing|numbered|numbering|amounted|amounting|stands?|stood|is|was"
           r"|are|were|of|at|составил[аио]?|составляют|составляет|достигл[аио]|достигает|склал[аио]?|складають"
           r"|становлять|становить|сягнул[аио]|досягл[аио]|сягає|досягає|[:=–—-]")
_NOUN_GAP_RE = re.compile(rf"\s*[:=–—-]?\s*|\s+(?:of|at|от)\s+"
                          rf"|(?:\s+[^\s\d]+){{0,6}}?\s+(?:(?:has|have|had|now)\s+)?(?:{_AMOUNT})"
                          r"(?:\s+(?:to|at|of|до))?\s*", re.I)
_GAP_PUNCT_RE = re.compile(r"[:()\[\]\"“”«»]")
_WORD_RE = re.compile(r"[^\W\d_][\w'’ʼ.-]*")
_SPACE_RE = re.compile(r"\s+")
_AUX = frozenset("""are is was were be been being have has had who that to reportedly allegedly believed thought said
    feared reported confirmed estimated presumed assessed known understood alleged claimed likely possibly probably
    apparently may might could would will must should also all both now still already currently later subsequently
    eventually initially officially got get became become remain remains remained went gone found declared listed as
    left considered deemed counted seriously critically severely badly lightly slightly mortally fatally each
    были был была было будут є були був була було ещё еще ще также також вероятно ймовірно імовірно
    предположительно нібито якобы уже вже всего усього всі все считаются вважаються числятся значаться получили
    отримали зазнали стали оказались опинилися тяжело легко важко смертельно""".split())
_BREAKERS = frozenset("""where while but after before when because although though whereas since until unless if so
    then whom which whose many most some several few none а но але однак однако где де когда коли после після
    пока поки хотя хоча""".split())
_DETERMINERS = frozenset("the a an its their his her our them these those".split())
_NEGATIONS = frozenset("not never no не ни ні".split())
_NOUN_ADJ = frozenset("confirmed reported estimated combined additional further total new more".split())
_SUBJECT_STOP = frozenset("""in on at near from during and or with including while as by after before when for to of
    who that which were was are is has have had since across among inside outside into around amid against over
    в во у на под під при з с со и і та й от від после після за до по около біля возле поблизу вблизи среди серед
    которые які що а но але был были було були""".split())


def _quantities(text: str, nums: list[NumberMatch]) -> list[_Quantity]:
    """Numbers joined into ranges, with qualifiers before and after, and totals marked."""
    out: list[_Quantity] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        low = high = a.value
        start, end, qualifier, approx = a.start, a.end, "", a.approximate
        qstart = start
        b = nums[i + 1] if i + 1 < len(nums) else None
        conn = _RANGE_RE.fullmatch(text, a.end, b.start) if b else None
        lead = _RANGE_LEAD_RE.search(text, max(0, a.start - 12), a.start)
        word = (conn["word"] or "").lower() if conn else ""
        if b and conn and a.value < b.value and (
                conn["dash"] or word in ("to", "or", "или", "або", "чи")
                or (lead and word in ("and", "и", "і", "та") and lead["lead"].lower() in ("between", "между", "між"))
                or (lead and word == "до" and lead["lead"].lower() in ("from", "от", "від"))):
            i += 1
            if lead and _INCREASE_END_RE.search(text, max(0, lead.start() - 20), lead.start()):
                # "the toll rose from 5 to 7": the figure is 7
                low, start, qstart, approx = b.value, b.start, lead.start(), b.approximate
            else:
                low, approx = a.value, True
                if lead:
                    qstart, qualifier = lead.start(), f"{lead['lead']} ... {conn['word'] or conn['dash']}"
                else:
                    qualifier = f"...{conn['dash']}..." if conn["dash"] else f"... {conn['word']} ..."
            high, end = b.value, b.end
        i += 1
        if not qualifier:
            q = _QUAL_RE.search(text, max(0, qstart - 40), qstart)
            if q:
                qstart, qualifier, approx = q.start(), q["q"], True
        post = _POSTQUAL_RE.match(text, end)
        qend = post.end() if post else end
        if post:
            qualifier, approx = (qualifier + " " if qualifier else "") + post.group().strip(), True
        if not qualifier and approx:
            qualifier = text[start:end] if low == high else ""
        total = bool(_TOTAL_PREV_RE.search(text, max(0, start - 12), start)) or (
            bool(out) and _OF_RE.fullmatch(text, out[-1].end, start) is not None)
        out.append(_Quantity(low, high, start, end, qstart, qend, qualifier, approx, total))
    return out


def _excluded(text: str, q: _Quantity) -> bool:
    """Dates, years, times, ages, distances, money, percentages, unit numbers, implausible sizes..."""
    if q.high > MAX_FIGURE or q.total or _NEXT_HYPHEN_RE.match(text, q.end) or _NEXT_EXCL_RE.match(
            text, _SPACES_RE.match(text, q.end).end()) or any(
            _PREV_EXCL_RE.search(text, max(0, at - 30), at) for at in {q.start, q.qstart}):
        return True
    token = text[q.start:q.end]
    return (q.low == q.high and len(token) == 4 and token.isdigit() and 1900 <= q.low <= 2100
            and bool(_YEAR_PREV_RE.search(text, max(0, q.start - 20), q.start) or _YEAR_NEXT_RE.match(text, q.end)))


def _clear(text: str, lo: int, hi: int, qs: list[_Quantity]) -> bool:
    """No sentence boundary and no other head count between ``lo`` and ``hi``."""
    if hi - lo > 120 or _BOUNDARY_RE.search(text, lo, hi):
        return False
    return not any(lo <= q.start < hi and not q.total for q in qs)


def _backward(text: str, kw: _Keyword, q: _Quantity) -> _Quantity | None:
    """``q`` as the object of ``kw`` ("killed 12", "death toll rose to 7"); maybe without "до"."""
    gap = text[kw.end:q.qstart]
    if q.qualifier.lower() == "до" and _INCREASE_END_RE.search(gap):
        q = q._replace(qstart=q.start, qualifier="", approximate=False)
        gap = text[kw.end:q.qstart]
    gap_re = {"a": _VERB_GAP_RE, "c": _VERB_GAP_RE, "o": _VERB_GAP_RE, "n": _NOUN_GAP_RE, "p": _COLON_GAP_RE}[kw.role]
    return q if gap_re.fullmatch(gap) else None


def _subject_after(text: str, pos: int) -> tuple[str, int]:
    """Up to four words naming people after a number ("12 Ukrainian soldiers in ..." -> soldiers)."""
    words: list[re.Match] = []
    at = pos
    while len(words) < 4 and (m := _SPACE_RE.match(text, at)) and (w := _WORD_RE.match(text, m.end())):
        low = w.group().lower().rstrip(".")
        if low == "of" and not words:
            at = w.end()
            continue
        if low in _SUBJECT_STOP or _KEYWORD_RE.fullmatch(w.group()):
            break
        words.append(w)
        at = w.end()
    if not words:
        return "", pos
    subject = text[words[0].start():words[-1].end()].rstrip(".")
    return subject, words[0].start() + len(subject)


def _forward(text: str, q: _Quantity, kw: _Keyword) -> str | None:
    """The subject (maybe "") if ``q`` is the subject of ``kw`` ("30 soldiers are believed to have been killed")."""
    if _GAP_PUNCT_RE.search(text, q.qend, kw.start):
        return None
    words = list(_WORD_RE.finditer(text, q.qend, kw.start))
    if kw.role == "n" and (len(words) > 3 or "," in text[q.qend:kw.start]):
        return None
    if len(words) > 10:
        return None
    noun_phrase: list[re.Match] = []
    in_aux = comma = False
    for w in words:
        low = w.group().lower().rstrip(".")
        if low in _BREAKERS or low in _NEGATIONS or low.endswith(("n't", "n’t")):
            return None
        if (low == "of" and not noun_phrase) or (kw.role == "n" and low in _NOUN_ADJ):
            continue
        if low in _AUX:
            if kw.role == "n":
                return None
            in_aux = True
        elif in_aux or (kw.role == "n" and low.endswith("ed")):
            return None
        elif not comma:
            noun_phrase.append(w)
            comma = "," in text[w.end():w.end() + 1]
    if all(w.group().lower() in _DETERMINERS for w in noun_phrase):
        return ""
    return text[noun_phrase[0].start():noun_phrase[-1].end()].rstrip(".,")


def _sentence(text: str, start: int, end: int) -> str:
    lo = max((m.end() for m in _BOUNDARY_RE.finditer(text, 0, start)), default=0)
    hi = next((m.start() for m in _BOUNDARY_RE.finditer(text, end)), len(text))
    return text[lo:hi]


def find_figures(text: str) -> list[Figure]:
    """Every casualty figure in ``text`` (a sentence or more), in order of appearance.

    >>> find_figures("North Korea reportedly sent between 10,000 and 12,000 troops to support Russian efforts.")
    []

    Text longer than a sentence can be is read clause by clause (see
    :func:`mapper.extract.sentences.clause_spans`), so time grows with its length.
    """
    if len(text) > MAX_SENTENCE_CHARS:
        return [replace(f, start=f.start + a, end=f.end + a)
                for a, b in clause_spans(text, 0, len(text)) for f in _figures_in(text[a:b])]
    return _figures_in(text)


def _figures_in(text: str) -> list[Figure]:
    lowered = text.lower()
    if not _may_have_keyword(lowered):
        return []
    finder, haystack = (_KEYWORD_LOWER_RE, lowered) if len(lowered) == len(text) else (_KEYWORD_RE, text)
    keywords = [_Keyword(*_GROUP_KINDS[m.lastgroup], *m.span()) for m in finder.finditer(haystack)]
    if not keywords:
        return []
    nums = find_numbers(text)
    if not nums:
        return []
    qs = _quantities(text, nums)
    live = [q for q in qs if not _excluded(text, q)]
    # 1. numbers written after a casualty word ("killed 12", "casualties: 30")
    pairs: dict[int, tuple[_Quantity, _Keyword, str, int]] = {}
    objected: set[int] = set()
    for n, q in enumerate(live):
        k = next((k for k in range(len(keywords) - 1, -1, -1) if keywords[k].end <= q.qstart), None)
        if k is None or not _clear(text, keywords[k].end, q.qstart, live):
            continue
        found = _backward(text, keywords[k], q)
        if found:
            objected.add(k)
            pairs[n] = (found, keywords[k], *_subject_after(text, found.qend))
    # 2. numbers written before one ("30 soldiers were killed"), unless that word took an object
    for n, q in enumerate(live):
        if n in pairs:
            continue
        k = next((k for k, kw in enumerate(keywords) if kw.start >= q.qend), None)
        if k is None:
            continue
        kw = keywords[k]
        if kw.role == "o" or (k in objected and kw.role in "ac") or not _clear(text, q.qend, kw.start, live):
            continue
        subject = _forward(text, q, kw)
        if subject == "" and kw.role != "n":  # "3 wounded soldiers": the subject after the word
            pairs[n] = (q, kw, *_subject_after(text, kw.end))
        elif subject is not None:
            pairs[n] = (q, kw, subject, q.qend)
    figures = []
    for n in sorted(pairs):
        q, kw, subject, subject_end = pairs[n]
        who = subject.lower().split()
        if (subject and _NONPERSON_RE.search(subject)) or (kw.role == "o" and set(who) <= _DETERMINERS):
            continue
        start, end = min(q.qstart, kw.start), max(q.qend, kw.end, subject_end)
        if kw.category == "captured" and _EXCHANGE_RE.search(_sentence(text, start, end)):
            continue
        figures.append(Figure(kw.category, q.low, (q.low + q.high) // 2, q.high, q.approximate, q.qualifier,
                              text[start:end], start, end, subject))
    return figures
