"""Ukrainian: number words, casualty words, qualifiers, date words, sides and the words around place names.

Patterns are written for lower-cased text; an apostrophe in a number word matches ' ’ ʼ and `.

    >>> LANGUAGE.code, LANGUAGE.casualties.range_leads["між"].name
    ('uk', 'BETWEEN')
"""

from __future__ import annotations

from mapper.extract.lang.schema import (Attribution, Casualties, Casualty, CasualtyKeyword, Dates, Language,
                                        Multiplier, NotPlace, NumberKind, NumberWord, Numbers, Places, Qualifier, RangeLead,
                                        RangeWord, Sense, Syntax, VagueAmount, WordClass)

__all__ = ["LANGUAGE"]

_U, _T, _H, _S, _C = NumberKind.UNIT, NumberKind.TENS, NumberKind.HUNDREDS, NumberKind.SCALE, NumberKind.COLLECTIVE
_TEEN_STEMS = [(11, "одинадцят"), (12, "дванадцят"), (13, "тринадцят"), (14, "чотирнадцят"), (15, "п'ятнадцят"),
               (16, "шістнадцят"), (17, "сімнадцят"), (18, "вісімнадцят"), (19, "дев'ятнадцят"), (20, "двадцят"),
               (30, "тридцят")]

NUMBERS = Numbers(
    words=(
        NumberWord(_U, 0, ("нуль",)),
        NumberWord(_U, 1, ("один", "одна", "одне", "одного", "одній", "одному", "одним", "одну")),
        NumberWord(_U, 2, ("два", "дві", "двох", "двом", "двома")),
        NumberWord(_U, 3, ("три", "трьох", "трьом", "трьома")),
        NumberWord(_U, 4, ("чотири", "чотирьох", "чотирьом")),
        NumberWord(_U, 5, ("п'ять", "п'яти", "п'ятьох")), NumberWord(_U, 6, ("шість", "шістьох")),
        NumberWord(_U, 7, ("сім", "сімох")), NumberWord(_U, 8, ("вісім", "вісьмох")),
        NumberWord(_U, 9, ("дев'ять", "дев'яти", "дев'ятьох")),
        NumberWord(NumberKind.TEEN, 10, ("десять", "десяти", "десятьох")),
        *(NumberWord(NumberKind.TEEN if v < 20 else _T, v, (s + "ь", s + "и", s + "ьох")) for v, s in _TEEN_STEMS),
        NumberWord(_T, 40, ("сорок", "сорока")), NumberWord(_T, 50, ("п'ятдесят", "п'ятдесяти", "п'ятдесятьох")),
        NumberWord(_T, 60, ("шістдесят", "шістдесяти")), NumberWord(_T, 70, ("сімдесят", "сімдесяти")),
        NumberWord(_T, 80, ("вісімдесят", "вісімдесяти")), NumberWord(_T, 90, ("дев'яносто", "дев'яноста")),
        NumberWord(_H, 100, ("сто", "ста")), NumberWord(_H, 200, ("двісті", "двохсот")),
        NumberWord(_H, 300, ("триста", "трьохсот")), NumberWord(_H, 400, ("чотириста", "чотирьохсот")),
        NumberWord(_H, 500, ("п'ятсот", "п'ятисот")),
        NumberWord(_S, 1000, ("тисяча", "тисячі", "тисяч")),
        NumberWord(_S, 1_000_000, ("мільйон", "мільйона", "мільйонів")),
        NumberWord(_C, 2, ("двоє",)), NumberWord(_C, 3, ("троє",)), NumberWord(_C, 4, ("четверо",)),
        NumberWord(_C, 5, ("п'ятеро",)), NumberWord(_C, 9, ("дев'ятеро",)),
    ),
    singular_scales=("тисяча", "мільйон"),
    multipliers=(Multiplier(r"тис\.?|тисяч[аі]?", 1000), Multiplier(r"млн\.?|мільйон(?:а|ів)?", 10**6),
                 Multiplier(r"млрд\.?", 10**9)),
    vague=(VagueAmount(r"десятк(?:и|ів|ами)\s+тисяч", 10_000), VagueAmount(r"сот(?:ні|ень|нями)\s+тисяч", 100_000),
           VagueAmount(r"(?:кілька|декілька)\s+десятків", 12),
           VagueAmount(r"(?:кілька|декілька)\s+сотень|кількасот", 100),
           VagueAmount(r"(?:кілька|декілька)\s+тисяч", 1000), VagueAmount(r"десятк(?:и|ів|ами)", 12),
           VagueAmount(r"сот(?:ні|ень|нями)", 100), VagueAmount(r"тисяч(?:і|ами)?", 1000)),
    digit_suffixes=("ох", "ьох", "ти", "х", "и"),
)

_EITHER = r"(?:ыми|ых|ими|их|ы|і)"
_CAPTURE_VERB = r"взят[ыоиі]|взяли|потрапил[иоа]|здал(?:ися|ось|ся)"
_INCREASE = r"зросл[аои]|збільшил(?:ася|ося|ися)"

CASUALTIES = Casualties(
    keywords=(
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.EITHER_SIDE,
                        rf"(?:вбит|загибл){_EITHER}\s+(?:и|или|і|й|та|або)\s+(?:ранен|поранен){_EITHER}"),
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.NOUN, r"втрат(?:и|а|ах|ами)?|особового\s+складу"),
        CasualtyKeyword(Casualty.MISSING, Syntax.EITHER_SIDE,
                        r"(?:зник(?:ли|ло|ла)?|зникл(?:их|ими|і))\s+безвісти|безвісти\s+зникл(?:их|ими|і)"),
        CasualtyKeyword(Casualty.CAPTURED, Syntax.NOUN, r"(?:військово)?полонених"),
        CasualtyKeyword(Casualty.CAPTURED, Syntax.EITHER_SIDE,
                        rf"(?:{_CAPTURE_VERB})\s+(?:в|у)\s+(?:плен|полон)"
                        rf"|(?:в|у)\s+(?:плен|полон)\s+(?:{_CAPTURE_VERB})"
                        r"|у\s+полоні|полонили|полонен[іо]"),
        CasualtyKeyword(Casualty.KILLED, Syntax.NOUN, r"загибл(?:их|ими|і|ий|а)|(?:у|в)бит(?:их|ими|і|ий)|трупів"
                                                     r"|тіл|[«\"“]?двохсот(?:их|і|ими|ий)"),
        CasualtyKeyword(Casualty.KILLED, Syntax.EITHER_SIDE,
                        r"загинул[иоа]|загинув|вбит[оіа]|вбили|ліквідован[оі]|ліквідували"),
        CasualtyKeyword(Casualty.WOUNDED, Syntax.EITHER_SIDE, r"(?:отримал[аио]?|отримав|зазнал[аио]?|зазнав)\s+"
                                                              r"(?:ранени[яей]|поранення|поранень|травм[ыи])"),
        CasualtyKeyword(Casualty.WOUNDED, Syntax.NOUN, r"поранених|пораненими|поранений|поранена|поранення"
                                                      r"|поранень|постраждалих|[«\"“]?трьохсот(?:их|і|ими|ий)"),
        CasualtyKeyword(Casualty.WOUNDED, Syntax.EITHER_SIDE, r"поранен[іоа]|поранили|травмован[іоа]|постраждал[иоа]"),
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.NAMED_OBJECT, r"втратил[аио]?|втратили|втратив"),
        CasualtyKeyword(Casualty.KILLED, Syntax.PERSON_OBJECT, r"знищен[оі]?|знищили|знищив|знищила"),
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.PERSON_OBJECT, r"знешкоджен[оі]?|знешкодили|нейтралізован[оі]?"),
    ),
    qualifiers=(
        *(Qualifier(p, Sense.AT_LEAST) for p in ("не менше", "щонайменше", "принаймні", "як мінімум", "мінімум")),
        *(Qualifier(p, Sense.MORE_THAN) for p in ("понад", "більш ніж", "більше")),
        *(Qualifier(p, Sense.ABOUT) for p in ("близько", "приблизно", "орієнтовно")),
        Qualifier("майже", Sense.NEARLY), Qualifier("до", Sense.UP_TO),
    ),
    post_qualifiers=(Qualifier("і більше", Sense.AT_LEAST), Qualifier("з лишком", Sense.MORE_THAN)),
    range_words={"до": RangeWord.AFTER_FROM, "і": RangeWord.AFTER_BETWEEN, "та": RangeWord.AFTER_BETWEEN,
                 "або": RangeWord.ALWAYS, "чи": RangeWord.ALWAYS},
    range_leads={"між": RangeLead.BETWEEN, "від": RangeLead.FROM},
    increase=_INCREASE,
    to=r"до",
    months=(r"січ(?:ня|ень|ні)|лют(?:ого|ий|ому)|берез(?:ня|ень|ні)|квіт(?:ня|ень|ні)|трав(?:ня|ень|ні)"
            r"|черв(?:ня|ень|ні)|лип(?:ня|ень|ні)|серп(?:ня|ень|ні)|верес(?:ня|ень|ні)|жовт(?:ня|ень|ні)"
            r"|листопад[аі]?|груд(?:ня|ень|ні)"),
    before_not_count=r"віком|стаття|статті|частина|пункт|бригада|полк|батальон|дивізія|в/ч|військова\s+частина",
    after_not_count=(r"км|кілометр\w*|м|метр\w*|мм|см|годин\w*|хвилин\w*|секунд\w*|дн(?:і|ів)|день|доби|діб|тижн\w*"
                     r"|тиждень|місяц\w*|рок(?:у|ів|и)|рік|р\.|відсот\w*|гривень|гривн\w*|грн|долар\w*|євро|раз"
                     r"|рази|разів|тонн\w*|бригад\w*|полк\w*|батальон\w*|дивізі\w*|ОМБр|ОШБр"),
    year_before=r"в|у|з|із|до|від|по",
    year_after=r"рік\b|року\b|р\.",
    total_before=r"із|зі|з",
    not_people=(r"танк\w*|бмп|бтр|ббм|бронетехн\w*|техні\w*|автомобіл\w*|автотехн\w*|машин\w*|безпілотник\w*|бпла"
                r"|дрон\w*|ракет\w*|снаряд\w*|літак\w*|гелікоптер\w*|артсистем\w*|артилер\w*|систем\w*|гармат\w*"
                r"|рсзв|зрк|катер\w*|корабл\w*|човн\w*|одиниц\w*|населенн?\w*|сел[ао]?|сіл|селищ\w*|міст[аоі]?"
                r"|позиц\w*|атак\w*|штурм\w*|удар\w*|обстріл\w*|боєзіткнен\w*|зіткнен\w*|напрям\w*|будин\w*"),
    exchange=r"обмін|звільн|поверну",
    people=(r"військовослужбовц\w*|військов(?:их|і|ими|ий|ого)|осіб|особи|особа|людей|солдат\w*|бійц\w*|бойовик\w*"
            r"|диверсант\w*|найманц\w*|окупант\w*|рашист\w*|штурмовик\w*|піхотинц\w*|десантник\w*|офіцер\w*"
            r"|мобілізован\w*|о/с|особового\s+складу|одиниц\w*\s+особового\s+складу"),
    fillers=r"ще|також|усього|загалом|вже",
    amount=r"склал[аио]?|складають|становлять|становить|сягнул[аио]|досягл[аио]|сягає|досягає",
    amount_to=r"до",
    auxiliaries=tuple("""є були був була було ще також ймовірно імовірно нібито вже усього всі вважаються значаться
        отримали зазнали стали опинилися важко легко смертельно""".split()),
    breakers=tuple("а але однак де коли після поки хоча".split()),
    negations=("не", "ні"),
    subject_stops=tuple("в у на під при з і та й від після за до по біля поблизу серед які що а але було були".split()),
)

DATES = Dates(
    months=("січень січня січні", "лютий лютого лютому", "березень березня березні", "квітень квітня квітні",
            "травень травня травні", "червень червня червні", "липень липня липні", "серпень серпня серпні",
            "вересень вересня вересні", "жовтень жовтня жовтні", "листопад листопада листопаді",
            "грудень грудня грудні"),
    weekdays=("понеділок понеділка", "вівторок вівторка", "середу середи", "четвер четверга", "п'ятницю п'ятниці",
              "суботу суботи", "неділю неділі"),
    weekday_needs_preposition=True,
    numbers=("один одна", "два дві", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять", "десять"),
    day_offsets={"позавчора": -2, "вчора": -1, "учора": -1, "завтра": 1},
    next_stems=("наступн",),
    last_stems=("минул",),
    week_stems=("тижд",),
    slots={
        "modifier": r"(?:минул|наступн|ц[еюіи])\w*",
        "year_suffix": r"року|р\.",
        "range_join": r"по|до|і|та",
        "range_from": r"з|від",
        "few": r"кілька|декілька",
        "night_prep": r"в|у", "night": r"ніч", "night_from": r"з", "night_onto": r"на|проти",
        "month_prep": r"в|у",
        "weekend_one_prep": r"в|у|на|за", "weekend_one": r"вихідн(?:і|их)",
        "weekday_prep": r"в|у",
        "time_of_day": r"вранці|вдень|ввечері|вночі|уночі",
        "overnight": (r"(?:сьогодні\s+)?(?:вночі|уночі)|(?:цієї|минулої)\s+ночі|за\s+(?:(?:минулу|цю)\s+)?ніч"
                      r"|за\s+(?:(?:минулу|останню)\s+)?добу"),
        "dayword": r"позавчора|сьогодні|вчора|учора|завтра",
        "week": r"\b(?:(?:на|у)\s+)?(?:цьому|минулому|наступному)\s+тижні\b|\b(?:цього|минулого|наступного)\s+тижня\b",
        "monthrel": (r"\b(?:(?:у|в)\s+)?(?:цьому|минулому|наступному)\s+місяці\b"
                     r"|\b(?:цього|минулого|наступного)\s+місяця\b"),
        "days": r"дн(?:і|ів)", "ago": r"тому",
        "recent_lead": r"(?:за|в|у)\s+останні", "recent_days": r"дн(?:і|ів)",
        "recent": r"останніми\s+днями|за\s+(?:минулий|останній)\s+тиждень",
        "reporting": (r"заявив|заявила|заявили|повідомив|повідомила|повідомили|сказав|сказала|написав"
                      r"|написала"),
    },
    anchors=tuple("""вихідні вихідних ніч ночі вночі уночі добу вчора учора позавчора сьогодні завтра тижні тижня
        тиждень місяці місяця дні днів днями""".split()),
    leads=tuple("в у на за з від останні останніми кілька декілька".split()),
    lead_stems=("минул", "наступн", "це", "цю", "ці", "ци", "ць"),
    dateline_published=("опубліковано",),
    dateline_months=("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                     "жовтня", "листопада", "грудня"),
    dateline_year_suffix=r"року|р\.",
)

ATTRIBUTION = Attribution(
    sides={"North Korean forces": r"північнокорейськ\w*|корейськ\w*",
           "Russian forces": r"російськ\w*|рф|окупант\w*|росіян\w*",
           "Ukrainian forces": r"зсу|українськ\w*"},
    military=r"військов\w*|бійц\w*|солдат\w*|окупант\w*",
    civilians=r"цивільн\w*|мешканц\w*|діт\w*|людей|люди",
    reporting=r"заяв\w*|за даними|повідом\w*|написав|інформу\w*",
    according_to=("за даними", "за словами"),
)

PLACES = Places(
    function_words=tuple("в у на під біля із з від до по за над при після і та а ще вже всього".split()),
    place_words=tuple("область район село селище місто громада".split()),
    titles=tuple("""президент міністр генерал губернатор голова командувач командувача командувачем головнокомандувач
        головнокомандувача головнокомандувачем генерала генералом речник речника""".split()),
    person_verbs=("заявив", "повідомив", "написав"),
    authority_words=("ова",),
    cues=(r"у (?:селі|селах|місті|районі)|сел[оау]|селищ[еау]|хутор[ау]?|під|біля"
          r"|населен(?:ий|і|их) пункт(?:и|ів|ах)?"),  # issue 16 (caps): "населені пункти X та Y"
    list_joins=("і", "та"),
    adjective_endings=("ського", "ської", "ого", "ому"),
    near=r"під|біля|поблизу|неподалік|в районі|у районі",
    near_nouns=r"села\s+",
    anaphora=r"втрат\w*|бо[йяї]\w*|обстріл\w*|удар\w*|атак\w*|загин\w*|поранен\w*|штурм\w*",
    abbreviations=("км", "обл"),
    not_places=(
        # What pymorphy3's tags miss: words it reads as nouns or names that open reports' sentences.
        WordClass(NotPlace.COMMON, tuple("""сьогодні вчора учора вночі уночі зранку вранці вдень удень ввечері також
            однак після потім тепер зараз бог господь регіон дані""".split())),
        WordClass(NotPlace.WEAPON, tuple("""каб фаб умпк іскандер іскандер-м калібр кинджал точка-у град ураган смерч
            торнадо шахед герань гербера ланцет орлан фпв хаймарс атакмс джавелін байрактар бук тор панцир
            мста гвоздика акація піон нептун""".split())),
        WordClass(NotPlace.UNIT, tuple("ахмат вагнер спарта русич кракен сила сили".split())),
        # issue 16 (caps): acronyms, never places even where a place has the name ("USA" in capitals)
        WordClass(NotPlace.COMMON, tuple("зсу всу гур оон сбу ова ода дснс рф сша єс ппо дрг тцк".split())),
    ),
    organisation_heads=("угруповання військ", "угруповання", "обласна військова адміністрація",
                        "військова адміністрація", "адміністрація", "ова", "ода", "мва", "губернатор", "бригада",
                        "полк", "батальйон", "дивізія", "корпус", "гарнізон", "правда", "вісник", "новини",
                        "лікарня", "центральна районна лікарня", "районна лікарня", "обласна лікарня",
                        "міська лікарня"),
    vessel_heads=("підводний човен", "підводного човна", "крейсер", "фрегат", "корвет", "есмінець",
                  "десантний корабель", "корабель", "судно", "танкер", "катер"),
    street_heads=("вулиця", "провулок", "проспект", "бульвар", "майдан", "площа", "шосе", "набережна", "узвіз"),
    source_heads=("за словами", "за даними", "за версією", "за інформацією", "на думку", "радіо"),
    nationality_adjectives=("український", "російський", "білоруський", "американський", "північнокорейський"),
)

LANGUAGE = Language(code="uk", name="Ukrainian", uppercase="А-ЯІЇЄҐ", lowercase="а-яіїєґ", numbers=NUMBERS,
                    casualties=CASUALTIES, dates=DATES, attribution=ATTRIBUTION, places=PLACES)
