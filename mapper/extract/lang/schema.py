"""The shape of a language resource: typed entries the extract modules build their regexes from.

A resource is one :class:`Language`; its parts hold words (plain strings) or small regex fragments
(``pattern`` fields, written for lower-cased text, matched with ``re.IGNORECASE`` where the caller says
so). Where two entries could match at one place, the earlier wins: a language lists longer phrases first.

    >>> kw = CasualtyKeyword(Casualty.KILLED, Syntax.NOUN, r"deaths|fatalities")
    >>> kw.casualty.value, kw.syntax.name
    ('killed', 'NOUN')
    >>> Qualifier("at least", Sense.AT_LEAST).pattern
    'at\\\\s+least'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

__all__ = ["Casualty", "Syntax", "Sense", "NumberKind", "RangeWord", "RangeLead", "NumberWord", "Multiplier",
           "VagueAmount", "CasualtyKeyword", "Qualifier", "Numbers", "Casualties", "Dates", "Attribution",
           "Places", "Sides", "People", "Language", "phrase_pattern", "NotPlace", "WordClass", "EventKinds"]


class Casualty(Enum):
    """What a casualty keyword counts; the value is the event field it fills."""

    KILLED = "killed"
    WOUNDED = "wounded"
    MISSING = "missing"
    CAPTURED = "captured"
    CASUALTIES = "killed_or_wounded"  # "casualties", "losses": killed and wounded together


class Syntax(Enum):
    """Where a keyword's number stands."""

    ACTIVE_VERB = "active verb"        # before it (subject) or after it (object): "killed 12", "12 killed"
    NAMED_OBJECT = "named object"      # after it, and only when the object names who: "lost 30 soldiers"
    PARTICIPLE = "participle"          # before it, or after ":" / "-": "30 dead", "dead: 30"
    NOUN = "noun"                      # just before it, or after "of", ":", "rose to": "casualties rose to 30"
    EITHER_SIDE = "either side"        # a verb or participle of a language with free word order: "убиты 3"
    PERSON_OBJECT = "person object"    # after it, only when the object is a word for people: "уничтожено 40 военных"


class Sense(Enum):
    """What a qualifier says about its number (the deck's words for it are the values)."""

    AT_LEAST = "at least"
    UP_TO = "up to"
    MORE_THAN = "more than"
    FEWER_THAN = "fewer than"
    ABOUT = "about"
    NEARLY = "nearly"


class NumberKind(Enum):
    """The part a number word plays in a written number ("two hundred and five")."""

    UNIT = "unit"            # 0-9
    TEEN = "teen"            # 10-19
    TENS = "tens"            # 20, 30 ... 90
    HUNDRED = "hundred"      # "hundred": multiplies the unit before it
    HUNDREDS = "hundreds"    # a word that is itself 100-900 ("двести")
    SCALE = "scale"          # thousand, million
    DOZEN = "dozen"
    A = "a"                  # "a" in "a hundred"
    COLLECTIVE = "coll"      # a whole count of people on its own ("двое", "п'ятеро")


class RangeWord(Enum):
    """When a word between two numbers makes them a range."""

    ALWAYS = "always"                # "8 to 12", "8 or 12"
    AFTER_BETWEEN = "after between"  # "between 8 and 12"
    AFTER_FROM = "after from"        # "от 8 до 12"


class RangeLead(Enum):
    """A word opening a range."""

    BETWEEN = "between"
    FROM = "from"


def phrase_pattern(phrase: str) -> str:
    """A regex for a phrase: its words escaped, any run of spaces between them.

    >>> phrase_pattern("approx."), phrase_pattern("не  менее")
    ('approx\\\\.', 'не\\\\s+менее')
    """
    return r"\s+".join(re.escape(word) for word in phrase.split())


@dataclass(frozen=True)
class NumberWord:
    """One number word: every form of it the language writes (cases, genders)."""

    kind: NumberKind
    value: int
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Multiplier:
    """A word after digits that multiplies them ("1.5 million", "10 тыс.")."""

    pattern: str
    value: int


@dataclass(frozen=True)
class VagueAmount:
    """A plural or vague amount and the conventional value it is read as ("dozens" = 12)."""

    pattern: str
    value: int
    approximate: bool = True


@dataclass(frozen=True)
class CasualtyKeyword:
    """A casualty word or phrase (a regex on lower-cased text), what it counts and where its number stands."""

    casualty: Casualty
    syntax: Syntax
    pattern: str


@dataclass(frozen=True)
class Qualifier:
    """A phrase qualifying a figure ("at least", "около"); ``sense`` None reads as "approx."."""

    phrase: str
    sense: Sense | None

    @property
    def pattern(self) -> str:
        return phrase_pattern(self.phrase)


@dataclass(frozen=True)
class Numbers:
    """How the language writes numbers."""

    words: tuple[NumberWord, ...] = ()
    singular_scales: tuple[str, ...] = ()      # a scale word that is a number alone ("тысяча" = 1,000)
    multipliers: tuple[Multiplier, ...] = ()
    vague: tuple[VagueAmount, ...] = ()        # tried in order, before plain words
    digit_suffixes: tuple[str, ...] = ()       # case endings written after digits ("5-ти")


@dataclass(frozen=True)
class Casualties:
    """Casualty words and the words around figures (see :mod:`mapper.extract.casualties`).
    Fields named as words hold plain words; the others are regex fragments (alternations)."""

    keywords: tuple[CasualtyKeyword, ...] = ()
    qualifiers: tuple[Qualifier, ...] = ()        # before a number
    post_qualifiers: tuple[Qualifier, ...] = ()   # after it ("or more")
    range_words: dict[str, RangeWord] = field(default_factory=dict)
    range_leads: dict[str, RangeLead] = field(default_factory=dict)
    increase: str = ""             # "the toll rose"
    to: str = ""                   # "rose to"
    perfect: str = ""              # "has" in "has risen to"
    fillers: str = ""              # other words between a verb and its number ("a further")
    amount_lead: str = ""          # "has", "now" before an amount verb
    amount: str = ""               # "losses amounted to", besides the increase verbs
    amount_to: str = ""            # "to", "at" after an amount verb
    of: str = ""                   # "losses of 30"
    months: str = ""               # month words next to a number: a date, no head count
    before_not_count: str = ""     # words before a number that make it no head count (ages, units)
    after_not_count: str = ""      # units, times, money after a number
    year_before: str = ""          # words before a year
    year_after: str = ""           # year abbreviations after a year
    total_before: str = ""         # "of the 100"
    not_people: str = ""           # subjects that are no people (tanks, villages)
    part_of: str = ""              # "of the" in "six of the injured": a part of a count already given
    one_and: str = ""              # "the commander and" before "two other(s)": one more than the number
    others: str = ""               # "other", "others" after that number
    people: str = ""               # nouns that are people (soldiers, personnel): an object a PERSON_OBJECT verb needs
    exchange: str = ""             # stems of a prisoner exchange
    repatriation: str = ""         # the dead handed back ("bodies of 900 soldiers repatriated"): no casualty event
    additive: str = ""             # "another", "ещё": a figure on top of one told before, never its restatement
    condition: str = ""            # where or how the wounded are ("in hospital", "в тяжёлом состоянии"): a count told before
    found_alive: str = ""          # "later found alive": the missing are missing no more
    of_wounded: str = ""           # "of them" in "one of them later died": a death among the wounded counted before
    auxiliaries: tuple[str, ...] = ()
    breakers: tuple[str, ...] = ()     # words that end a subject clause
    determiners: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    noun_adjectives: tuple[str, ...] = ()
    subject_stops: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dates:
    """Date words (see :mod:`mapper.extract.dates`). ``months`` and ``weekdays`` hold 12 and 7
    space-separated lists of forms, ``numbers`` the words for 1, 2, 3 ...; ``slots`` fill the
    named places of the date rules with this language's regex fragment (the rules join the
    languages' fragments for a slot into one alternation)."""

    months: tuple[str, ...] = ()
    weekdays: tuple[str, ...] = ()
    weekday_adjectives: tuple[str, ...] = ()   # 7 lists of stems of weekday adjectives ("воскресн")
    adjective_endings: str = ""              # the endings of those stems, every case and gender
    day_adjectives: dict[str, int] = field(default_factory=dict)  # "вчерашн": -1 (days from publication)
    weekday_needs_preposition: bool = False  # "среду" alone is "environment": a weekday needs "в" or a modifier
    month_verbs: tuple[str, ...] = ()        # month words that are verbs in lower case ("may")
    numbers: tuple[str, ...] = ()
    ordinals: tuple[str, ...] = ()           # "first second third ...": the words for the 1st, 2nd, 3rd ...
    day_offsets: dict[str, int] = field(default_factory=dict)
    next_stems: tuple[str, ...] = ()         # stems of modifiers meaning "next"
    last_stems: tuple[str, ...] = ()         # stems of modifiers meaning "last"
    week_stems: tuple[str, ...] = ()         # stems that make "recent" a week
    slots: dict[str, str] = field(default_factory=dict)
    anchors: tuple[str, ...] = ()            # words every relative expression holds
    leads: tuple[str, ...] = ()              # words a date expression may start with
    lead_stems: tuple[str, ...] = ()
    dateline_published: tuple[str, ...] = ()  # "published:" before a dateline
    dateline_months: tuple[str, ...] = ()     # month names in a "16 декабря" dateline
    dateline_year_suffix: str = ""            # regex


@dataclass(frozen=True)
class Attribution:
    """Reporting verbs and phrases (see :mod:`mapper.extract.claimants`)."""

    reporting: str = ""                                   # reporting verbs and phrases, lower case
    according_to: tuple[str, ...] = ()                    # "according to": the claimant follows
    # Offices named without their region ("the governor said", "губернатор", "ОВА"): office kind (a
    # theatre claimant's ``office``) -> regex, matched case-sensitively as written.
    offices: dict[str, str] = field(default_factory=dict)
    # Words only a post's own author writes, case-sensitive regexes: "authority" (a governor's or a
    # military administration's post: "выражаю соболезнования", "Інформація уточнюється") makes a post
    # naming no claimant its region's authority's; "community" (a hromada or town head addressing
    # residents: "наша громада") its community head's; "front" (a fighter or a military blogger writing
    # of its own side: "our guys", "наши штурмовики") its side's milblogger's (see mapper.extract.voices).
    voice: dict[str, str] = field(default_factory=dict)
    # Words of a news digest's heading ("Daily brief", "Дайджест"), case-insensitive: the figures no one
    # is credited with in a post under such a heading are the digest's own.
    digest: str = ""
    # Residents addressed by their community's demonym ("Шановні краснопільці!"): a regex whose group
    # ``name`` is the stem, and the suffix that makes the stem the community's adjective stem ("ськ").
    community_demonym: tuple[str, str] = ()
    # Units speaking for themselves ("the 47th Brigade said", "по данным 155-й бригады"): the English
    # noun of each kind of unit -> a regex of this language's noun (its stem: case endings follow); the
    # unit's number as written (group ``n``: "47th", "155-й"); the words a numbered unit's name may have
    # between its number and its noun ("Separate Mechanised", "окремої механізованої").
    # What "according to" may be followed by that names no new source ("preliminary data", "the service",
    # named before), case-insensitive: a figure "according to local residents" is theirs, not another
    # sentence's claimant's; one "according to preliminary data" may still be.
    unnamed: str = ""
    units: dict[str, str] = field(default_factory=dict)
    unit_number: str = ""
    unit_words: str = ""
    # The author's own sources ("по нашим данным", "according to our sources"): the post's author claims it.
    own: str = ""
    # A community named where its head's post opens ("Великописарівська громада."): group ``name``, the
    # name as written in Latin script, or the stem of its Cyrillic adjective (named as "<stem>a hromada").
    community_name: str = ""


@dataclass(frozen=True)
class Sides:
    """Words that say whose casualties a figure counts (see :mod:`mapper.extract.sides`): regex
    fragments, matched case-insensitively as whole words; side names are the theatre's."""

    forces: dict[str, str] = field(default_factory=dict)  # side -> its forces or people ("Russian", "ВСУ", "окупанти")
    states: dict[str, str] = field(default_factory=dict)  # side -> its state or capital ("Russia", "Kyiv"): loses, never bleeds
    military: str = ""        # fighters and units ("soldiers", "военнослужащих"): no civilians
    civilians: str = ""       # civilians by name ("civilians", "мирные жители")
    people: str = ""          # people with no military noun ("a man", "жінка", "workers"): civilians unless a side is said
    enemy: str = ""           # the speaker's opponent ("the enemy", "противник", saboteurs)
    own: str = ""             # the speaker's own side ("our", "наши")
    losses: str = ""          # loss nouns: the side next to them lost ("Ukrainian losses", "потери ВСУ")
    lost: str = ""            # loss verbs: their subject lost ("Russia lost", "противник потерял")
    weapons: str = ""         # attack nouns: a side before them (or right after, in the genitive) attacks
    attacks: str = ""         # attack verbs: a side before them attacks ("Russian forces struck")
    agents: str = ""          # words before a side that make it the agent ("by", "в плен к")
    speakers: str = ""        # nouns next to a side that make it the source ("officials", "Генштаб")
    offices: str = ""         # phrases with a military word naming an office or a source, never a side
    linkers: tuple[str, ...] = ()  # words between a figure and its side ("of the", "серед")
    letters: str = ""         # a character class of letters only this language writes
    home_side: str = ""       # whom a report written with those letters speaks for when no claimant is named


class NotPlace(Enum):
    """A kind of capitalised word that is never a place name."""

    COMMON = "common word"     # sentence openers grammar tags miss ("Дані", "Today")
    WEAPON = "weapon"          # КАБ, Iskander, Grad, Shahed: written as lemmas, inflected forms are found
    UNIT = "unit"              # named formations and groups of forces ("Ахмат", "Wagner")


@dataclass(frozen=True)
class WordClass:
    """Words of one :class:`NotPlace` kind, in the nominative singular (lower case): an inflected
    form ("КАБом", "Шахедами", "Iskanders") is matched through its nominatives.

    >>> WordClass(NotPlace.WEAPON, ("каб",)).kind.value
    'weapon'
    """

    kind: NotPlace
    words: tuple[str, ...]


@dataclass(frozen=True)
class Places:
    """Words around place names (toponyms, sentences and the extractor)."""

    function_words: tuple[str, ...] = ()
    place_words: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    person_verbs: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    authority_words: tuple[str, ...] = ()
    cues: str = ""                      # regex before a place name ("near", "під")
    list_joins: tuple[str, ...] = ()    # "and" in "X, Y and Z"
    adjective_endings: tuple[str, ...] = ()   # oblique-case adjective endings ("Грайворонского")
    near: str = ""                      # regex: words that make a place "near"
    near_nouns: str = ""                # regex: "village of" between those and the name
    by_preposition: str = ""            # a preposition meaning "by" before a genitive ("у")
    genitive_endings: str = ""          # last letters of a genitive after it
    anaphora: str = ""                  # regex: words of a sentence placing casualties told elsewhere
    unharmed: str = ""                  # regex: "no casualties", "пострадавших нет": its places lend no claim
    here: str = ""                      # regex: a claim's words for places just named ("here", "тут", "на этом участке")
    sectors: str = ""                   # regex: front sectors named together ("on the Pokrovsk and Kursk axes"):
                                        # no region a claim elsewhere in the report falls back on
    destination: str = ""               # regex ending where a place follows: where the wounded were taken or the
                                        # enemy came from ("госпитализирован в", "со стороны"): no place of the claim
    abbreviations: tuple[str, ...] = ()  # that never end a sentence
    not_places: tuple[WordClass, ...] = ()    # capitalised words that are never places
    # Head words that make a place name part of an organisation, title or vessel name: after the
    # name ("Kursk Group of Forces", "Sumy regional military administration", "Kursk governor"),
    # or before it ("the submarine Kursk"). Lower case; phrases allowed.
    organisation_heads: tuple[str, ...] = ()
    vessel_heads: tuple[str, ...] = ()
    # Head words before a name that make it a street's or square's name ("улица Куйбышева", "майдан
    # Свободи"), a source of a claim ("according to", "за версією Москви") or a broadcaster ("Radio
    # Liberty"), not a place of events. Lower case; phrases allowed; matched like vessel heads.
    street_heads: tuple[str, ...] = ()
    source_heads: tuple[str, ...] = ()
    # Adjectives of nationality (lemmas, lower case) that open sentences as ordinary words
    # ("Українська сторона", "Украинские источники"): never a place at a sentence start.
    nationality_adjectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventKinds:
    """Words that say how casualties were caused (ACLED's sub-event types) and words that make a
    figure a running total (see :mod:`mapper.extract.event_type` and :mod:`mapper.extract.cumulative`).

    Every field is a regex fragment on lower-cased text; each alternative is a whole word or phrase
    (the modules add the word boundaries), so stems carry their own endings (``дрон\\w*``).
    """

    air: str = ""           # drones, glide bombs, air strikes: Air/drone strike
    shelling: str = ""      # artillery, MLRS, shelling, missiles: Shelling/artillery/missile attack
    explosive: str = ""     # mines, IEDs, unexploded ordnance: Remote explosive/landmine/IED
    clash: str = ""         # fighting, battles, assaults: Battles / Armed clash
    attack: str = ""        # shooting or executing civilians or prisoners: Violence against civilians / Attack
    abduction: str = ""     # abductions, deportations: Abduction/forced disappearance
    gunfire: str = ""       # small-arms fire, a sabotage group's raid: an Attack on civilians, else a clash
    since: str = ""         # a period running from a date or a start up to the report: "since August 6", "с начала
    #                         операции"; a total however short ("since Tuesday")
    totals: str = ""        # a period a figure is summed over: "during the operation", "за тиждень", "between
    #                         May and June"; a week or less sums only civilians' casualties (see cumulative.py)
    weeks: str = ""         # a week's period: "over the past week", "за неделю", "протягом тижня" (as totals, a
    #                         week's tally, short however the dates resolve)
    weak_totals: str = ""   # "in total", "всего": a running total only beside a losses word
    losses: str = ""        # the losses words that make a weak total one ("losses", "потери")
    per_day: str = ""       # one day's bulletin ("over the past day", "за минулу добу"): never a running total
    not_totals: str = ""    # words right before a total's words that make it a comparison ("deadliest ... since")
    as_of: str = ""            # "as of today" ("на сегодня"): a standing count of the missing or held, not a toll
    accrued: str = ""          # a perfect that sums up to now ("have suffered"): a force's thousands with no date
    week_headings: str = ""    # a report's heading that makes it a week's summary ("weekly update", "підсумки тижня")
    period_headings: str = ""  # a heading of a longer period's summary ("monthly", "September 2024", "итоги года")


@dataclass(frozen=True)
class People:
    """Nouns naming people, counted without a numeral ("a man was killed" is one killed; see
    :mod:`mapper.extract.implicit`). Plain lower-case words; Russian and Ukrainian nouns are lemmas
    (nominative singular) whose forms grammar finds, English ones are listed in both numbers."""

    nouns: tuple[str, ...] = ()         # one person each: singular forms (or lemmas)
    plurals: tuple[str, ...] = ()       # counted only after a numeral ("two men"); English
    couples: tuple[str, ...] = ()       # two people each ("an elderly couple")
    modifiers: tuple[str, ...] = ()     # adjectives before the noun ("elderly"); grammar finds Cyrillic ones
    determiners: tuple[str, ...] = ()   # words opening one person's noun phrase ("a", "his")
    joins: tuple[str, ...] = ()         # "and" between people listed
    auxiliaries: tuple[str, ...] = ()   # words between the people and their casualty word ("also", "был")
    plural_auxiliaries: tuple[str, ...] = ()  # those of them that say more than one ("were"): one person is too few
    inclusions: tuple[str, ...] = ()    # "including": the people after it are part of a total before it
    prepositions: tuple[str, ...] = ()  # a noun after one is no subject ("the son of a man"); English
    letters: str = ""                   # letters only this language writes: grammar reads a word with one as its
    #: regular expressions for a person's age or birth year after their noun ("born in 1956", "1958 года
    #: рождения", "45 років"): read over, never counted, between the people and their casualty word
    ages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Language:
    """Everything the extractor knows about one language."""

    code: str                  # ISO 639-1
    name: str
    uppercase: str             # a regex character-class body of its capital letters ("A-Z")
    lowercase: str
    variants: dict[str, str] = field(default_factory=dict)   # a letter written for another: "ё" -> "е"
    numbers: Numbers = Numbers()
    casualties: Casualties = Casualties()
    dates: Dates = Dates()
    attribution: Attribution = Attribution()
    places: Places = Places()
    kinds: EventKinds = EventKinds()
    sides: Sides = Sides()
    people: People = People()
