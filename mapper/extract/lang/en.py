"""English: number words, casualty words, qualifiers, date words, sides and the words around place names.

    >>> LANGUAGE.code, LANGUAGE.numbers.words[0].forms
    ('en', ('zero',))
"""

from __future__ import annotations

from mapper.extract.lang.schema import (Attribution, Casualties, Casualty, CasualtyKeyword, Dates, Language,
                                        Multiplier, NotPlace, NumberKind, NumberWord, Numbers, People, Places, Qualifier, RangeLead,
                                        RangeWord, Sense, Sides, Syntax, VagueAmount, WordClass, EventKinds)

__all__ = ["LANGUAGE"]

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

NUMBERS = Numbers(
    words=(*(NumberWord(NumberKind.UNIT, i, (w,)) for i, w in enumerate(_UNITS)),
           *(NumberWord(NumberKind.TEEN, 10 + i, (w,)) for i, w in enumerate(_TEENS)),
           *(NumberWord(NumberKind.TENS, 20 + 10 * i, (w,)) for i, w in enumerate(_TENS)),
           NumberWord(NumberKind.HUNDRED, 100, ("hundred",)), NumberWord(NumberKind.SCALE, 1000, ("thousand",)),
           NumberWord(NumberKind.SCALE, 1_000_000, ("million",)), NumberWord(NumberKind.DOZEN, 12, ("dozen",)),
           NumberWord(NumberKind.A, 1, ("a",))),
    multipliers=(Multiplier(r"million|mln", 10**6), Multiplier(r"bn|billion", 10**9), Multiplier(r"thousand", 1000)),
    vague=(VagueAmount(r"tens\s+of\s+thousands", 10_000), VagueAmount(r"hundreds\s+of\s+thousands", 100_000),
           VagueAmount(r"(?:several|a\s+few)\s+dozen", 12), VagueAmount(r"(?:several|a\s+few)\s+hundred", 100),
           VagueAmount(r"(?:several|a\s+few)\s+thousand", 1000), VagueAmount(r"half\s+a\s+dozen", 6, False),
           VagueAmount(r"dozens", 12), VagueAmount(r"scores(?=\s+of\b)", 20), VagueAmount(r"hundreds", 100),
           VagueAmount(r"thousands", 1000), VagueAmount(r"a\s+couple(?=\s+of\b)", 2)),
)

_INCREASE = r"rose|risen|climbed|jumped|increased|grew|grown"
_MONTHS = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
           r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")

CASUALTIES = Casualties(
    keywords=(
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.ACTIVE_VERB, r"killed\s+(?:or|and|&)\s+(?:wounded|injured)"
                                                                 r"|(?:wounded|injured)\s+(?:or|and)\s+killed"),
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.PARTICIPLE, r"dead\s+(?:or|and|&)\s+(?:wounded|injured)"),
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.NOUN, r"casualties|casualty\s+toll|losses"
                        # a loss bulletin's line: a total and the day's addition ("personnel ‒ about 870,120 (+1,310)")
                        r"|personnel(?=\s*[‒–—:-]\s*(?:about|approximately|around|some)?\s*[\d\s,.]+\(\+)"),
        CasualtyKeyword(Casualty.MISSING, Syntax.PARTICIPLE, r"missing(?:\s+in\s+action)?|unaccounted\s+for"),
        # "the fate of two residents is unknown": the people whose fate is unknown are missing
        CasualtyKeyword(Casualty.MISSING, Syntax.NOUN, r"(?:fate|whereabouts)(?=\s+of\s[^.!?;]{0,80}?\b(?:unknown|unclear)\b)"),
        CasualtyKeyword(Casualty.CAPTURED, Syntax.ACTIVE_VERB,
                        r"captured|capturing|took\s+(?:prisoner|captive)|taking\s+(?:prisoner|captive)"),
        CasualtyKeyword(Casualty.CAPTURED, Syntax.PARTICIPLE, r"taken\s+(?:prisoner|captive)|surrendered"
                                                              r"|prisoner(?!\s+(?:of|exchanges?|swaps?))|captive"),
        CasualtyKeyword(Casualty.CAPTURED, Syntax.NOUN, r"prisoners(?:\s+of\s+war)?|pows"),
        CasualtyKeyword(Casualty.KILLED, Syntax.PARTICIPLE,
                        r"killed\s+in\s+action|died\s+of\s+(?:(?:his|her|their)\s+)?(?:wounds|injuries)|dead|died"
                        r"|perished|slain|lost\s+their\s+lives|shot\s+dead|shot\s+and\s+killed|gunned\s+down"
                        r"|(?:beaten|burned|burnt|stabbed)\s+to\s+death"),
        CasualtyKeyword(Casualty.KILLED, Syntax.ACTIVE_VERB, r"killed|killing|kills|eliminated|liquidated"
                        r"|(?:dead\s+)?body\s+of"),  # "the body of a woman was found": one dead
        CasualtyKeyword(Casualty.KILLED, Syntax.PERSON_OBJECT, r"executed|executing|executes"
                        r"|body(?<=['’]s\sbody)"  # "a man's body was found": one dead, never a number's
                        r"|(?:claim|take|took|taken|taking)(?:ed|ing|s)?\s+the\s+(?:lives|life)\s+of"),  # "claimed the lives of 35"
        CasualtyKeyword(Casualty.KILLED, Syntax.NOUN, r"deaths|fatalities|death\s+toll"
                        # dead bodies (not "three government bodies said"); killed in action (not a Kia car)
                        r"|bodies(?=\s+(?:of|were|are|had|have|lay|lie|lying|found|recovered|retrieved|in|on|at|near"
                        r"|from|under|along)\b|\s*(?:[.,;:)]|$))"
                        r"|kia(?![\s-]+(?:rio|sportage|sorento|ceed|picanto|soul|optima|cars?|sedans?|suvs?|motors)\b)"
                                                     r"|number\s+of\s+(?:people\s+|those\s+)?(?:killed|dead)"
                        r"|[\"“]?two-hundreds"),   # soldiers' slang for the dead ("cargo 200"; Russian двухсотые)
        CasualtyKeyword(Casualty.WOUNDED, Syntax.ACTIVE_VERB, r"wounded|wounding|injured|injuring"),
        CasualtyKeyword(Casualty.WOUNDED, Syntax.PARTICIPLE,
                        r"(?:sustained|suffered|received)\s+(?:an?\s+)?(?:(?:serious|minor|severe|light|shrapnel"
                        r"|gunshot|head|leg|blast|multiple)\s+)?(?:injur(?:y|ies)|wounds?|concussions?|burns)"
                        r"|hurt|hospitali[sz]ed"
                        r"|taken\s+to\s+hospital|(?:sought|needed|required)\s+medical\s+(?:help|attention|assistance"
                        r"|care|treatment)"),
        CasualtyKeyword(Casualty.WOUNDED, Syntax.NOUN,
                        r"number\s+of\s+(?:people\s+|those\s+)?(?:injured|wounded)"
                        r"|[\"“]?three-hundreds"),  # ... and for the wounded ("cargo 300"; трёхсотые)
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.NAMED_OBJECT, r"lost|loses|losing"),
    ),
    qualifiers=(
        *(Qualifier(p, Sense.AT_LEAST) for p in ("no fewer than", "no less than", "not less than")),
        *(Qualifier(p, Sense.UP_TO) for p in ("no more than", "not more than")),
        Qualifier("at least", Sense.AT_LEAST), Qualifier("at most", Sense.UP_TO),
        Qualifier("more than", Sense.MORE_THAN), Qualifier("fewer than", Sense.FEWER_THAN),
        Qualifier("less than", Sense.FEWER_THAN), Qualifier("up to", Sense.UP_TO), Qualifier("as many as", Sense.UP_TO),
        Qualifier("as few as", None), Qualifier("an estimated", Sense.ABOUT), Qualifier("estimated", Sense.ABOUT),
        *(Qualifier(p, Sense.ABOUT) for p in ("approximately", "approx.", "about", "around", "some", "roughly")),
        Qualifier("nearly", Sense.NEARLY), Qualifier("almost", Sense.NEARLY),
        *(Qualifier(p, Sense.MORE_THAN) for p in ("just over", "well over", "over")),
        Qualifier("close to", Sense.ABOUT), Qualifier("upwards of", Sense.MORE_THAN),
        Qualifier("in excess of", Sense.MORE_THAN), Qualifier("a minimum of", Sense.AT_LEAST),
        Qualifier("a maximum of", Sense.UP_TO),
    ),
    post_qualifiers=(Qualifier("or more", Sense.AT_LEAST), Qualifier("or so", Sense.ABOUT),
                     Qualifier("+", Sense.AT_LEAST), Qualifier("plus", Sense.AT_LEAST)),
    range_words={"to": RangeWord.ALWAYS, "and": RangeWord.AFTER_BETWEEN, "or": RangeWord.ALWAYS},
    range_leads={"between": RangeLead.BETWEEN, "from": RangeLead.FROM},
    increase=_INCREASE,
    months=_MONTHS,
    before_not_count=(r"aged|age|ages|No\.?|Nos\.?|number|article|art\.|part|section|paragraph|page|day"
                      r"|brigade|regiment|battalion|division|unit|corps|route|highway|flight|US\$|USD|EUR|UAH|RUB"),
    after_not_count=(r"%|‰|km²?|kms|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s?|mm|cm|ft|feet|yards?"
                     r"|hectares?|ha|sq|square|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|days?|nights?|weeks?|months?"
                     r"|years?|yrs?|decades?|a\.m\.?|p\.m\.?|am|pm|o['’]clock|GMT|UTC|local\s+time|percent|per\s+cent"
                     r"|percentage|dollars?|euros?|pounds?|rubles?|roubles?|hryvni?as?|UAH|USD|EUR|RUB|bn|billion|times"
                     r"|tonnes?|tons?|kg|litres?|liters?|brigades?|regiments?|battalions?|divisions?|corps"),
    year_before=(r"in|since|by|until|till|from|of|during|before|after|early|late|mid|year|summer|winter|spring"
                 r"|autumn|fall"),
    year_after=r"years?\b",
    total_before=r"of\s+the|out\s+of",
    not_people=(r"tanks?|vehicles?|APCs?|IFVs?|MRAPs?|drones?|UAVs?|aircraft|planes?|jets?|helicopters?|missiles?"
                r"|rockets?|shells?|rounds|bombs?|mines|munitions|guns|howitzers?|artillery|launchers?|systems?|MLRS"
                r"|radars?|trucks?|cars?|boats?|ships?|vessels?|equipment|hardware|weapons?|pieces|units|depots?"
                r"|warehouses?|bridges?|buildings?|houses?|homes?|apartments?|villages?|towns?|settlements?|localities"
                r"|locality|cities|city|hamlets?|positions?|districts?|regions?|areas?|directions?|sectors?|targets?"
                r"|facilities|platoons?|compan(?:y|ies)|battalions?|brigades?|regiments?|squads?|detachments?"
                r"|km|miles?|attacks?|assaults?|strikes?|airstrikes?|shellings?|clashes|engagements?"
                r"|firefights?|battles?|raids?|sorties|offensives?|attempts?|operations?|times|days?|hours?|weeks?"
                r"|months?|years?"),
    exchange=r"exchang|swap|releas|freed|repatriat|returned\s+home",
    repatriation=(r"repatriat\w*|(?:returned|handed\s+over|handed\s+back|exchanged|received)\s+(?:the\s+)?"
                  r"(?:bodies|remains)|(?:bodies|remains)(?:\s+of(?:\s+\S+){1,4}?)?\s+(?:were\s+|have\s+been\s+)?(?:returned|handed\s+over"
                  r"|repatriated|exchanged)"),
    additive=r"another|a\s+further|an\s+additional|more(?!\s+than)|others?",
    condition=(r"in\s+(?:a\s+)?(?:hospitals?|intensive\s+care|(?:serious|critical|grave|stable|moderate)\s+condition)"
               r"|(?:remain|are|were|is|was)\s+(?:still\s+)?(?:hospitali[sz]ed|in\s+hospital)"),
    found_alive=r"(?:found|turned\s+up|located|discovered|returned)\s+(?:\w+\s+){0,2}?(?:alive|safe)",
    of_wounded=r"of\s+(?:them|the\s+(?:wounded|injured|victims)|those\s+(?:wounded|injured|hurt))",
    one_and=r"(?:the|a|an|one)\s+(?:[\w'’-]+\s+){0,2}?and",
    others=r"others?",
    part_of=r"of\s+(?:the|those|these)|among\s+(?:the|those)",
    people=(r"soldiers?|servicem[ae]n|servicewom[ae]n|service\s+members?|troops|personnel|men|fighters?|militants?"
            r"|mercenaries|mercenary|saboteurs?|infantrym[ae]n|paratroopers?|marines?|officers?|conscripts?"
            r"|people|civilians?|attackers?|occupiers?|invaders?|prisoners?|captives?|pows|hostages?"),
    to=r"to",
    perfect=r"has|have|had",
    fillers=(r"a\s+further|another|an\s+additional|additional|a\s+total\s+of|in\s+total|also|reportedly|allegedly"
             r"|only|just|were|was|are|is"),
    amount_lead=r"has|have|had|now",
    amount=(r"reached|hit|totall?ed|totall?ing|numbered|numbering|amounted|amounting|stands?|stood|is|was|are|were"
            r"|of|at"),
    amount_to=r"to|at|of",
    of=r"of|at",
    auxiliaries=tuple("""are is was were be been being have has had who that to reportedly allegedly believed thought
        said feared reported confirmed estimated presumed assessed known understood alleged claimed likely possibly
        probably apparently may might could would will must should also all both now still already currently later
        subsequently eventually initially officially got get became become remain remains remained went gone found
        declared listed as left considered deemed counted seriously critically severely badly lightly slightly
        mortally fatally each""".split()),
    breakers=tuple("""where while but after before when because although though whereas since until unless if so
        then whom which whose many most some several few none""".split()),
    determiners=tuple("the a an its their his her our them these those".split()),
    negations=("not", "never", "no"),
    noun_adjectives=tuple("confirmed reported estimated combined additional further total new more".split()),
    subject_stops=tuple("""in on at near from during and or with including while as by after before when for to of
        who that which were was are is has have had since across among inside outside into around amid against
        over""".split()),
)

ATTRIBUTION = Attribution(
    reporting=(r"according to|said|says|say|stated|states|claimed|claims|reported|reports|wrote|writes|announced|"
               r"noted|indicated|detailed|confirmed|per|citing|told|tells|added|adding|saying|posted|informed|put|estimated|"
               r"recorded|verified|update|statement|bulletin|summary|translation|telegram|assessed|acknowledged"),
    according_to=("according to", "per", "citing"),
    offices={"police": r"(?i:(?:regional\s+|local\s+)?police(?!\s+(?:officers?|station|stations|cars?|building|department)))",
             "governor": r"(?i:(?:regional\s+)?governor)",
             "military administration": (r"(?i:(?:regional|oblast)\s+(?:military\s+|state\s+)?administration|"
                                         r"(?<=the )administration|(?:regional|oblast)\s+(?:officials|authorities|head))"),
             "city military administration": r"(?i:city\s+(?:military\s+)?administration)",
             "defence ministry": r"(?i:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|(?<=the )ministry)"},
    voice={"authority": (r"(?i:my (?:deepest |sincere )?condolences|I express my condolences|operational and emergency "
                         r"services are working|information (?:is being|about .{0,40}? is being) clarified|stay in shelters)"),
           "community": r"(?i:our (?:community|hromada|village)|dear (?:residents|fellow villagers))",
           # (words an official would not write: "our troops", "our positions" are not among them)
           "front": (r"(?i:\bour (?:own )?(?:guys|boys|lads|losses|assault (?:groups?|units?)|stormtroopers|gunners"
                     r"|drone operators|Iskanders?)\b|(?<!\w)(?:ours|our side):)")},
    digest=(r"digest|daily brief|(?:daily|weekly|morning|evening|monday|friday) briefing|weekly|round-?up|what we know"
            r"|newsletter|\bmonitor\b(?= *[|:–—-])"),
    own=r"(?i:according to our (?:data|sources|information)|our (?:sources|data) (?:say|said|report))",
    community_name=r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:community|hromada)\b",
    unnamed=(r"(?:the\s+)?(?:preliminary|initial|early|first|updated|latest|available|official|unconfirmed)\b"
             r"|the\s+[\w'’-]+$"),  # ... or one named before ("according to the service")
    units={"brigade": r"[Bb]rigade", "regiment": r"[Rr]egiment", "battalion": r"[Bb]attalion", "corps": r"[Cc]orps",
           "division": r"[Dd]ivision"},
    unit_number=r"(?P<n>\d{1,3})(?:st|nd|rd|th)",
    unit_words=r"(?:[A-Z][\w-]*\s+){0,5}",
)

DATES = Dates(
    months=("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
            "september sept sep", "october oct", "november nov", "december dec"),
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    numbers=("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    ordinals=("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    day_offsets={"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1},
    month_verbs=("may", "mar", "march"),
    next_stems=("next", "coming", "upcoming"),
    last_stems=("last", "past", "previous"),
    week_stems=("week",),
    slots={
        "modifier": r"this\s+past|this\s+coming|the|this|last|past|recent|previous|next|coming|upcoming",
        "day_suffix": r"st|nd|rd|th",
        "range_join": r"to|and|through|until|till",
        "range_from": r"from|between", "month_first_from": r"from|between",
        "few": r"a\s+few|few|several|a\s+couple\s+of|couple\s+of",
        "on": r"on\s+(?:the\s+)?", "night_of": r"(?:on\s+|during\s+)?the\s+night\s+of\s+", "of": r"of",
        "on_date": r"on",
        # "overnight into", "the night of Friday to", "overnight on": the night before the day that follows
        "night_into_weekday": (r"(?:overnight|(?:on\s+|during\s+)?the\s+night)(?:\s+(?:of\s+|from\s+)?(?:monday|tuesday"
                               r"|wednesday|thursday|friday|saturday|sunday))?\s+(?:in)?to|overnight\s+on"),
        "month_prep": r"in|during", "month_part": r"early|mid|late",
        "weekend_prep": r"over|during|at|on|in", "weekend": r"weekend",
        "weekday_before": r"late|early", "weekday_prep": r"on", "since": r"since",
        "time_of_day": r"morning|afternoon|evening|night",
        # "A difficult night for Belgorod." opening a governor's morning post: the night just past
        "overnight": (r"(?:late\s+)?last\s+night|overnight|during\s+the\s+night"
                      r"|an?\s+(?:difficult|sleepless|restless|tense|turbulent|tough|anxious|troubled)\s+night"
                      r"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:24\s+hours|day)"),
        "dayword": (r"the\s+day\s+before\s+yesterday|(?:earlier\s+)?today|this\s+(?:morning|afternoon|evening)"
                    r"|yesterday|tomorrow"),
        "week": r"\b(?:(?:earlier\s+)?this|last|next)\s+week\b(?!end)",
        "monthrel": r"\b(?:(?:earlier\s+)?this|last|next)\s+month\b",
        "days": r"days?", "ago": r"ago",
        "recent_lead": r"(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)", "recent_days": r"days",
        # "in three days of fighting", "over two days": the days before publication ("in two days' time" is to come)
        "span_lead": r"in|over|during", "span_days": r"days(?!['’]|\s+(?:time|before|after|later|earlier|ahead))",
        # "for the third straight day"
        "nth_day_lead": r"for\s+(?:a|the)\s+", "nth_day": r"(?:(?:straight|consecutive|successive)\s+)?day",
        "recent": (r"(?:in|over|during)\s+the\s+(?:past|last)\s+week"
                   r"|(?:over|during)\s+the\s+week(?!\s+(?:before|after|of|to|ending|that|when))"),
        "reporting": (r"said|says|say|stated|stating|states|told|announced|announcing|reported|reporting|wrote"
                      r"|writing|claimed|added"),
        "reporting_where": (r"late|early|in\s+(?:a|an|his|her|its|their)\s+(?:\w+\s+)?(?:statement|address|post|briefing)"
                            r"|on\s+(?:telegram|x|twitter|facebook|its\s+website)|(?:to\s+)?(?:reporters|journalists)"),
    },
    anchors=tuple("""weekend night overnight hours yesterday today tomorrow morning afternoon evening week month day
        days""".split()),
    leads=tuple("""on in at over during the this last past recent previous next coming upcoming late early earlier
        from between a few several couple since for""".split()),
    dateline_published=("published", "posted"),
)

SIDES = Sides(
    forces={"North Korean forces": r"north\s+koreans?|dprk|korean\s+people's\s+army|kpa|(?<!south\s)koreans?",
            "Russian forces": r"russians?|occupiers|invaders|rashists?",
            "Ukrainian forces": r"ukrainians?|afu|zsu"},
    states={"North Korean forces": r"north\s+korea(?:['’]s)?|pyongyang(?:['’]s)?",
            "Russian forces": r"russia(?:['’]s)?|moscow(?:['’]s)?|the\s+kremlin|russian\s+federation",
            "Ukrainian forces": r"ukraine(?:['’]s)?|kyiv(?:['’]s)?|kiev(?:['’]s)?"},
    military=(r"soldiers?|troops?|servicem[ae]n|servicewom[ae]n|service\s+members?|military|army|armed\s+forces"
              r"|forces?|fighters?|units?|personnel|formations?|brigades?|battalions?|regiments?|divisions?"
              r"|companies|platoons?|squads?|marines?|paratroopers?|infantry(?:men)?|conscripts?|mercenar(?:y|ies)"
              r"|commanders?|officers?|sergeants?|lieutenants?|border\s+guards?|guardsmen|contingent|garrison"
              r"|assault\s+(?:groups?|units?|troops|detachments?)|sabotage\s+groups?|drgs?|combatants?|militants?"
              r"|militia(?:men)?|self-defen[cs]e|defenders|kia|pows?|prisoners(?:\s+of\s+war)?|captives?|afu|kpa"
              r"|occupiers|invaders|nationalists"),
    civilians=r"civilians?|non-?combatants?|residents?|inhabitants?|villagers?|passers?-?by|townspeople",
    people=(r"people|persons?|man|men|woman|women|child|children|boys?|girls?|teen(?:ager)?s?|infants?|bab(?:y|ies)"
            r"|toddlers?|pensioners?|elderly|couple|famil(?:y|ies)|husband|wife|son|daughter|mother|father"
            r"|grand(?:mother|father|son|daughter)s?|neighbou?rs?|drivers?|passengers?|workers?|employees?"
            r"|paramedics?|medics?|doctors?|nurses?|rescuers?|firefighters?|deminers?|electricians?|journalists?"
            r"|reporters?|farmers?|teachers?|students?|priests?"),
    enemy=r"enemy(?:['’]s)?|adversary|foe|saboteurs?|drgs?|sabotage\s+groups?|attackers|assailants|raiders|infiltrators",
    own=r"our|ours",
    losses=r"losses|casualties|casualty",
    lost=r"lost|loses|losing|lose|suffered|suffers|suffering|sustained|sustains|incurred",
    weapons=(r"drones?|uavs?|fpvs?|shaheds?|missiles?|rockets?|shells?|shelling|strikes?|airstrikes?|attacks?"
             r"|bombs?|bombing|bombardment|artillery|mortars?|fire|barrage|aircraft|aviation|jets?|helicopters?"
             r"|iskanders?|munitions?|mines?|mlrs|launchers?|assaults?|offensive|incursion|raids?|counterattacks?"),
    attacks=(r"struck|strikes|hit|hits|hitting|shelled|shells|attacked|attacking|fired|fires|firing|launched"
             r"|launches|dropped|drops|bombed|bombs|targeted|targets|opened\s+fire|pounded|raided|ambushed|executed"
             r"|shooting|shot|repelled|repel|destroyed|crossed|entered|invaded|seized|took|captured"),
    agents=r"by",
    speakers=(r"officials?|authorities|media|outlets?|sources?|bloggers?|milbloggers?|channels?|ministry|staff"
              r"|intelligence|command|government|spokes(?:man|woman|person)|leadership|president|governor"
              r"|administration|prosecutors?|police|statements?|estimates?|figures|data|claims?|agency|side\s+said"),
    offices=(r"military\s+(?:civil(?:ian)?\s+)?administrations?|military\s+intelligence|military\s+prosecutors?"
             r"|military\s+(?:bloggers?|analysts?|experts?|observers?|correspondents?|spokes(?:man|woman|person))"
             r"|defen[cs]e\s+forces\s+of\s+the\s+south|general\s+staff\s+of\s+the\s+armed\s+forces\s+of\s+ukraine"),
    linkers=("of", "the", "among", "from", "including"),
)

PLACES = Places(
    function_words=tuple("""a an the in on at near from to of and or but for with by as into over after before during
        since despite while if this that these those there their its it he she they we our his her north south east
        west northern southern eastern western central upper lower new old greater
        one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
        hundreds thousand thousands dozen dozens more most some many several another other all both each every
        no not only also however meanwhile earlier later today yesterday overnight last next what when where who
        why how according officials residents analysts local
        monday tuesday wednesday thursday friday saturday sunday january february march april may june july
        august september october november december""".split()),
    place_words=tuple("oblast region district raion rayon province city town village river krai okrug hromada".split()),
    titles=tuple("""president minister gen general maj major col colonel lt lieutenant capt captain sgt mr mrs ms dr
        spokesperson spokesman spokeswoman commander leader governor head mayor chief secretary senator pope king
        prime analyst correspondent reporter journalist blogger""".split()),
    person_verbs=tuple("said says stated added told noted wrote claimed warned confirmed announced echoed urged"
                       .split()),
    countries=tuple("""korea america china iran turkey poland germany france britain israel syria georgia moldova
        lithuania latvia estonia finland kazakhstan japan india""".split()),
    authority_words=tuple("regional governor administration authorities council mayor ova".split()),
    cues=r"(?:villages?|towns?|settlements?|cities|city|hamlets?) of|near|outside|around|in the area of",
    list_joins=("and",),
    near=r"near|outside|around|close to|on the outskirts of|the area of",
    near_nouns=r"villages?\s+of\s+|town\s+of\s+",
    sectors=r"(?:directions|axes|fronts)$",
    here=r"here|in\s+the\s+(?:same\s+)?(?:area|sector)|in\s+the\s+(?:city|town|village)(?!\s+of)",
    unharmed=r"no\s+(?:casualties|injuries|deaths)|(?:nobody|no\s+one)\s+was\s+(?:hurt|injured|killed|wounded)",
    destination=(r"(?:taken|rushed|transferred|airlifted|evacuated|brought|admitted|flown)\s+to\s+(?:(?:an?|the)\s+)?"
                 r"(?:[\w-]+\s+){0,2}(?:in|at)\s+"
                 r"|hospitali[sz]ed\s+in\s+"
                 r"|(?:taken|transferred|evacuated)\s+to\s+"
                 r"|to\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?hospital\s+(?:in|at)\s+"
                 r"|(?:took|drove)\s+(?:him|her|them|(?:\w+\s+)?of\s+them|the\s+(?:wounded|injured))\s+to\s+"
                 r"|from\s+the\s+direction\s+of\s+"),
    anaphora=(r"casualt\w*|losses|killed|wounded|injured|clash\w*|fighting|battles?|(?:counter-?)?attack\w*"
              r"|strikes?|struck|assaults?|shelling|shelled|drones?|shells?|mines?|explo\w*|blasts?|detonat\w*"
              r"|bomb\w*|missiles?|prisoners?|captured|surrender\w*|enemy|sabot\w*"),
    abbreviations=tuple("""mr mrs ms dr gen lt col maj capt sgt adm cmdr sen rep gov pres st no vs etc jan feb mar apr
        jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e approx est inc ltd co corp dept jr sr mt ft""".split()),
    not_places=(
        # Sentence openers with no grammar tags to catch them (English has no analyser here).
        WordClass(NotPlace.COMMON, tuple("""today tonight tomorrow yesterday however moreover furthermore nevertheless
            therefore thus still then now here there any police air mission freedom rest rescuers authorities
            troops soldiers forces drones missiles shelling fighting emergency medics doctors sources witnesses
            separately elsewhere overall altogether instead please thanks god""".split())),
        WordClass(NotPlace.WEAPON, tuple("""kab fab umpk iskander iskander-m iskander-k kalibr kinzhal kh-101 tochka
            tochka-u grad uragan smerch tornado shahed geran gerbera lancet zala orlan fpv himars atacms storm shadow
            scalp taurus javelin stugna neptune bayraktar buk tor pantsir patriot iris-t nasams msta
            gvozdika akatsiya pion krab bohdana caesar leopard abrams bradley marder stryker challenger""".split())),
        WordClass(NotPlace.UNIT, tuple("akhmat wagner kraken sparta rusich".split())),
        # issue 16 (caps): acronyms, never places even where a place has the name ("USA" in capitals)
        WordClass(NotPlace.COMMON, tuple("usa uk eu un nato sbu gur hur isw iaea osce tass ria ap afp".split())),
    ),
    organisation_heads=(
        "group of forces", "grouping", "operational-tactical group", "regional military administration",
        "regional state administration", "oblast military administration", "city military administration",
        "military administration", "regional administration", "oblast administration", "administration",
        "regional council", "city council", "council", "regional police", "police", "regional prosecutor's office",
        "prosecutor's office", "regional authorities", "authorities", "officials",
        "regional governor", "governor", "brigade", "regiment", "battalion", "division", "corps", "garrison",
        "ova", "oda", "street", "avenue", "boulevard", "hospital", "npp", "nuclear power plant",
        "central district hospital", "district hospital", "regional hospital", "city hospital"),
    vessel_heads=("submarine", "cruiser", "frigate", "corvette", "destroyer", "landing ship", "warship", "ship",
                  "vessel", "tanker", "missile boat", "patrol boat", "boat", "aircraft carrier"),
    source_heads=("according to", "radio"),
)

_MONTHS = (r"jan(?:uary|\.)?|feb(?:ruary|\.)?|march|mar\.|april|apr\.|may|june?|july?|aug(?:ust|\.)?"
           r"|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?")
_PERIOD_NOUNS = (r"war|invasion|incursion|operation|offensive|counteroffensive|occupation|siege|month|year"
                 r"|quarter|campaign")

_REPORTS = r"update|report|brief|briefing|summary|review|overview|bulletin|digest|tally|quarterly|monthly"
_MONTH_YEAR = rf"(?<!\d\s)(?:{_MONTHS})(?:\s*[-–]\s*(?:{_MONTHS}))?,?\s+(?:19|20)\d\d"

KINDS = EventKinds(
    air=(r"(?:drones?|uavs?|air|aerial|fpv|kab|glide[\s-]bombs?)[\s-]+(?:strikes?|struck|hit|hits|attacks?|attacked|raids?)"
         r"|drones?|drone-\w+"
         r"|uavs?|unmanned\s+aerial\s+vehicles?|quadcopters?|copters?|fpvs?|shaheds?|gerans?|lancets?"
         r"|loitering\s+munitions?|glide\s+bombs?|guided\s+(?:aerial\s+)?bombs?|kabs?|fabs?|aerial\s+bombs?|bombs?"
         r"|air\s*strikes?|air\s+raids?|air\s+attacks?|bomb(?:ed|ing|ings)|warplanes?|aircraft|helicopters?"
         r"|aviation|dropped|drop(?:ping|s)?"),
    shelling=(r"(?:missile|rocket|artillery|tank|mortar)\s+(?:strikes?|attacks?|fire)|strikes?|struck"
              r"|shell(?:ing|ings|ed|s)?|artillery|mortars?|mlrs|(?:multiple\s+)?rocket\s+launchers?|grads?|uragans?"
              r"|smerchs?|himars|howitzers?|missiles?|rockets?|ballistic|iskanders?|tochka(?:-u)?|cluster\s+munitions?"
              r"|tank\s+fire|shelled|bombardments?|barrages?"),
    explosive=(r"(?:struck|hit|ran\s+over|drove\s+over|stepped\s+on|triggered)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
               r"(?:(?:land)?mines?|tripwires?|explosive\s+devices?)"  # "the tractor struck a mine": no strike
               r"|(?:land)?mines?|anti-(?:personnel|tank)\s+mines?|minefields?|mined|ieds?"
               r"|(?:improvised\s+)?explosive\s+devices?|unexploded\s+(?:ordnance|munitions?|shells?)|uxo"
               r"|explosive\s+remnants|booby[- ]?trap\w*|tripwires?|car\s+bombs?|roadside\s+bombs?"),
    clash=(r"fighting|fights?|fought|battles?|battling|combat|clash(?:es|ed)?|firefights?|gunfights?|assaults?"
           r"|assaulted|storm(?:ed|ing)|offensive|counter-?offensive|counter-?attacks?|skirmish\w*|ambush\w*"
           r"|in\s+action|hostilities|repel(?:led|ling|s)?|repulsed|infantry\s+attacks?|ground\s+attacks?"),
    attack=(r"execut(?:ed|ion|ions|ing|e)|shot\s+dead|gunned\s+down|murder(?:ed|s|ing)?|massacre[ds]?"
            r"|tortured(?:\s+to\s+death)?|summar(?:y|ily)\s+(?:killings?|killed|executed)"
            r"|shot\s+(?:civilians|residents|a\s+civilian|evacuees)"
            r"|opened\s+fire\s+on\s+(?:civilians|residents|evacuees)"),
    abduction=(r"held\s+(?:captive|hostage)|(?:unlawfully|illegally)\s+(?:held|detained|confined)"
               r"|abduct(?:ed|ion|ions|ing|s)?|kidnap(?:ped|ping|pings|s)?|deport(?:ed|ation|ations|ing)?"
               r"|forcibly\s+(?:removed|transferred|taken|disappeared)|(?:en)?forced\s+disappearances?"),
    gunfire=(r"(?:was|were|been)\s+shot(?!\s+down)|shot\s+by|opened\s+fire|fired\s+(?:on|at)|gunfire|gunmen|small[\s-]+arms|machine[\s-]+guns?|sniper\s+fire"
             r"|snipers?|sabotage\s+(?:and\s+reconnaissance\s+)?(?:groups?|units?|raids?)|saboteurs?"),
    since=r"(?<!has\s)(?<!have\s)(?<!had\s)since",  # not "the toll has since risen"
    totals=(rf"(?:from|between)\s+(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{1,2}})?,?(?:\s+\d{{4}})?\s+(?:to|and|until)"
            rf"|(?:during|throughout|over|in\s+the\s+course\s+of)\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?:{_PERIOD_NOUNS})"
            r"|(?:over|in|during)\s+the\s+(?:past|last|first)\s+(?:\w+\s+)?(?:weeks|months?|years?)"
            r"|(?:this|last)\s+(?:month|year)|in\s+(?:19|20)\d\d|so\s+far\s+this\s+(?:year|month)|to\s+date"
            r"|(?:total|overall|cumulative|combined|aggregate)\s+(?:\w+\s+)?(?:losses|casualties|death\s+toll|toll)"),
    weeks=r"(?:over|in|during|throughout)\s+the\s+(?:(?:past|last|previous)\s+)?week|this\s+past\s+week",
    weak_totals=r"in\s+total|a\s+total\s+of|overall|altogether|all\s+told",
    losses=r"losses|lost|casualties",
    per_day=(r"since\s+(?:dawn|midnight|(?:this|the)\s+morning|last\s+night|yesterday)"
             r"|(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:day|24\s+hours|night)|in\s+a\s+day|per\s+day"
             r"|a\s+day|daily|overnight|(?:on|over)\s+the\s+(?:past\s+)?(?:weekend|night)|last\s+night|yesterday"
             r"|today"),
    not_totals=(r"deadliest|bloodiest|largest|biggest|heaviest|highest|fiercest|greatest|most\s+\w+|first|second"
                r"|third|fourth|fifth"
                r"|\d+(?:st|nd|rd|th)|worst|only"),
    accrued=r"(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+|reportedly\s+)?(?:suffered|sustained)",
    week_headings=(r"weekly|week\s+in\s+review|(?:summary|roundup|round-up|review|update|digest|tally)\s+(?:of|for)"
                   r"\s+the\s+week"),
    period_headings=(r"monthly|quarterly|annual|yearly|(?:month|quarter|year)\s+in\s+review"
                     r"|(?:summary|roundup|review|update|report|brief|tally)\s+(?:of|for)\s+the\s+(?:month|quarter|year)"
                     rf"|(?:{_REPORTS})\W+(?:[^\W\d_]+\W+){{0,3}}?{_MONTH_YEAR}|{_MONTH_YEAR}\W+(?:[^\W\d_]+\W+){{0,3}}?"
                     rf"(?:{_REPORTS})"),  # "Civilian harm update, September 2024", "January-March 2024: quarterly brief"
)

PEOPLE = People(
    nouns=tuple("""man woman boy girl child kid baby infant toddler teenager teen youth adolescent civilian resident
        person pensioner driver passenger pedestrian farmer worker employee volunteer medic paramedic doctor nurse
        rescuer firefighter policeman policewoman officer soldier serviceman servicewoman fighter commander general
        journalist reporter photographer wife husband son daughter mother father brother sister grandmother
        grandfather grandson granddaughter mother-in-law father-in-law neighbour neighbor villager local
        deminer sapper electrician guard colleague assistant owner""".split()),
    plurals=tuple("""men women boys girls children kids babies infants toddlers teenagers teens youths civilians
        residents people persons pensioners drivers passengers pedestrians farmers workers employees volunteers
        medics paramedics doctors nurses rescuers firefighters policemen officers soldiers servicemen fighters
        commanders generals journalists reporters sons daughters brothers sisters villagers locals
        deminers sappers electricians guards colleagues""".split()),
    modifiers=tuple("""elderly old young little teenage pregnant local other civilian ukrainian russian unidentified
        unnamed disabled retired""".split()),
    couples=("couple",), determiners=tuple("a an the his her their its our another".split()), joins=("and",),
    ages=(r"born\s+in\s+\d{4}", r"aged\s+\d{1,3}", r"\(\d{1,3}\)"),
    auxiliaries=tuple("""was were is are has have had been be being also reportedly allegedly later subsequently reported
        seriously critically severely badly lightly slightly fatally mortally both remains remain still listed presumed
        feared declared""".split()),
    plural_auxiliaries=tuple("were are have".split()), inclusions=("including", "among", "among them"),
    prepositions=tuple("""of for with to by from about than like between behind into onto at on near without
        after before during under over""".split()),
)

LANGUAGE = Language(code="en", name="English", uppercase="A-Z", lowercase="a-z", numbers=NUMBERS,
                    casualties=CASUALTIES, dates=DATES, attribution=ATTRIBUTION, places=PLACES,
                    kinds=KINDS, sides=SIDES, people=PEOPLE)
