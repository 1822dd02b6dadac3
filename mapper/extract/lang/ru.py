"""Russian: number words, casualty words, qualifiers, date words, sides and the words around place names.

Patterns are written for lower-cased text; ``ё`` is folded to ``е`` only where a pattern says so.

    >>> LANGUAGE.code, LANGUAGE.numbers.singular_scales
    ('ru', ('тысяча', 'миллион'))
"""

from __future__ import annotations

from mapper.extract.lang.schema import (Attribution, Casualties, Casualty, CasualtyKeyword, Dates, Language,
        Multiplier, NotPlace, NumberKind, NumberWord, Numbers, People, Places, Qualifier, RangeLead,
                                        RangeWord, Sense, Syntax, VagueAmount, WordClass)

__all__ = ["LANGUAGE"]

_U, _T, _H, _S, _C = NumberKind.UNIT, NumberKind.TENS, NumberKind.HUNDREDS, NumberKind.SCALE, NumberKind.COLLECTIVE
_TEEN_STEMS = [(11, "одиннадцат"), (12, "двенадцат"), (13, "тринадцат"), (14, "четырнадцат"), (15, "пятнадцат"),
               (16, "шестнадцат"), (17, "семнадцат"), (18, "восемнадцат"), (19, "девятнадцат"), (20, "двадцат"),
               (30, "тридцат")]

NUMBERS = Numbers(
    words=(
        NumberWord(_U, 0, ("ноль", "нуль")),
        NumberWord(_U, 1, ("один", "одна", "одно", "одного", "одной", "одному", "одним", "одну")),
        NumberWord(_U, 2, ("два", "две", "двух", "двум", "двумя")),
        NumberWord(_U, 3, ("три", "трех", "трем", "тремя")),
        NumberWord(_U, 4, ("четыре", "четырех", "четырем", "четырьмя")),
        NumberWord(_U, 5, ("пять", "пяти", "пятью")), NumberWord(_U, 6, ("шесть", "шести", "шестью")),
        NumberWord(_U, 7, ("семь", "семи", "семью")), NumberWord(_U, 8, ("восемь", "восьми")),
        NumberWord(_U, 9, ("девять", "девяти", "девятью")),
        NumberWord(NumberKind.TEEN, 10, ("десять", "десяти", "десятью")),
        *(NumberWord(NumberKind.TEEN if v < 20 else _T, v, (s + "ь", s + "и", s + "ью")) for v, s in _TEEN_STEMS),
        NumberWord(_T, 40, ("сорок", "сорока")), NumberWord(_T, 50, ("пятьдесят", "пятидесяти")),
        NumberWord(_T, 60, ("шестьдесят", "шестидесяти")), NumberWord(_T, 70, ("семьдесят", "семидесяти")),
        NumberWord(_T, 80, ("восемьдесят", "восьмидесяти")), NumberWord(_T, 90, ("девяносто", "девяноста")),
        NumberWord(_H, 100, ("сто", "ста")), NumberWord(_H, 200, ("двести", "двухсот")),
        NumberWord(_H, 300, ("триста", "трехсот")), NumberWord(_H, 400, ("четыреста", "четырехсот")),
        NumberWord(_H, 500, ("пятьсот", "пятисот")),
        NumberWord(_S, 1000, ("тысяча", "тысячи", "тысяч")),
        NumberWord(_S, 1_000_000, ("миллион", "миллиона", "миллионов")),
        NumberWord(_C, 2, ("двое", "двоих")), NumberWord(_C, 3, ("трое", "троих")),
        NumberWord(_C, 4, ("четверо", "четверых")), NumberWord(_C, 5, ("пятеро", "пятерых")),
        NumberWord(_C, 6, ("шестеро", "шестерых")), NumberWord(_C, 7, ("семеро", "семерых")),
        NumberWord(_C, 8, ("восьмеро", "восьмерых")), NumberWord(_C, 9, ("девятеро", "девятерых")),
        NumberWord(_C, 10, ("десятеро", "десятерых")),
    ),
    singular_scales=("тысяча", "миллион"),
    multipliers=(Multiplier(r"тыс\.?|тысяч[аи]?", 1000), Multiplier(r"млн\.?|миллион(?:а|ов)?", 10**6),
                 Multiplier(r"млрд\.?", 10**9)),
    vague=(VagueAmount(r"десятк(?:и|ов|ами)\s+тысяч", 10_000), VagueAmount(r"сот(?:ни|ен|нями)\s+тысяч", 100_000),
           VagueAmount(r"несколько\s+десятков", 12), VagueAmount(r"несколько\s+сотен", 100),
           VagueAmount(r"несколько\s+тысяч", 1000), VagueAmount(r"десятк(?:и|ов|ами)", 12),
           VagueAmount(r"сот(?:ни|ен|нями)", 100), VagueAmount(r"тысяч(?:и|ами)?", 1000)),
    digit_suffixes=("ти", "х", "ми", "ех", "ёх", "ух", "и"),
)

_EITHER = r"(?:ыми|ых|ими|их|ы|і)"
_CAPTURE_VERB = r"взят[ыоиі]|взяли|попал[иоа]?|сдал(?:ись|ось|ся)"
_INCREASE = r"возросл[аои]|выросл[аои]|увеличил(?:ось|ась|ись)"
_WOUND_NOUN = r"(?:ранени[яей]|поранення|поранень|травм[ыи])"

CASUALTIES = Casualties(
    keywords=(
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.EITHER_SIDE,
                        rf"(?:убит|погибш){_EITHER}\s+(?:и|или|і|й|та|або)\s+(?:ранен|поранен){_EITHER}"),
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.NOUN, r"потер(?:и|ь|ям|ями|ях)|личного\s+состава"),
        CasualtyKeyword(Casualty.MISSING, Syntax.EITHER_SIDE,
                        r"(?:пропал[иоа]?|пропавш(?:их|ими|ие))\s+без\s+вести|безвести\s+пропавш(?:их|ими|ие)"),
        CasualtyKeyword(Casualty.CAPTURED, Syntax.NOUN, r"военнопленных|пленных"),
        CasualtyKeyword(Casualty.CAPTURED, Syntax.EITHER_SIDE,
                        rf"(?:{_CAPTURE_VERB})\s+(?:в|у)\s+(?:плен|полон)"
                        rf"|(?:в|у)\s+(?:плен|полон)\s+(?:{_CAPTURE_VERB})"
                        r"|в\s+плену|пленили"),
        CasualtyKeyword(Casualty.KILLED, Syntax.NOUN, r"погибш(?:их|ие|ими)|убитых"),
        CasualtyKeyword(Casualty.KILLED, Syntax.EITHER_SIDE,
                        r"убит[ыоа]?|убили|погиб(?:ли|ло|ла)?|ликвидирован[оы]?|ликвидировали"),
        CasualtyKeyword(Casualty.WOUNDED, Syntax.EITHER_SIDE, rf"получил[аио]?\s+{_WOUND_NOUN}"),
        CasualtyKeyword(Casualty.WOUNDED, Syntax.NOUN, r"раненых|раненые|ранения|пострадавших"),
        CasualtyKeyword(Casualty.WOUNDED, Syntax.EITHER_SIDE, r"ранен[ыоа]?|ранили|пострадал[иоа]"),
        CasualtyKeyword(Casualty.CASUALTIES, Syntax.NAMED_OBJECT, r"потерял[аио]?|потеряли"),
    ),
    qualifiers=(
        *(Qualifier(p, Sense.AT_LEAST) for p in ("не менее", "не меньше", "по меньшей мере", "как минимум", "минимум")),
        *(Qualifier(p, Sense.MORE_THAN) for p in ("более", "больше", "свыше")),
        *(Qualifier(p, Sense.ABOUT) for p in ("около", "примерно", "приблизительно", "порядка")),
        Qualifier("почти", Sense.NEARLY), Qualifier("до", Sense.UP_TO),
    ),
    post_qualifiers=(Qualifier("и более", Sense.AT_LEAST), Qualifier("с лишним", Sense.MORE_THAN)),
    range_words={"до": RangeWord.AFTER_FROM, "и": RangeWord.AFTER_BETWEEN, "или": RangeWord.ALWAYS},
    range_leads={"между": RangeLead.BETWEEN, "от": RangeLead.FROM},
    increase=_INCREASE,
    months=(r"январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]"
            r"|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"),
    before_not_count=(r"в\s+возрасте|возрастом|статья|статьи|часть|пункт|бригада|полк|батальон|дивизия|в/ч"
                      r"|воинская\s+часть"),
    after_not_count=(r"км|километр\w*|м|метр\w*|мм|см|час\w*|минут\w*|секунд\w*|дн(?:я|ей)|день|суток|сутки"
                     r"|недел\w*|месяц\w*|лет|год|года|году|г\.|процент\w*|рубл\w*|доллар\w*|евро|раз|тонн\w*"
                     r"|бригад\w*|полк\w*|батальон\w*|дивизи\w*"),
    year_before=r"в|во|у|с|до|от|по",
    year_after=r"г\.|гг\.|года\b|году\b|год\b",
    total_before=r"из",
    not_people=(r"танк\w*|бмп|бтр|ббм|бронетехн\w*|техник\w*|автомобил\w*|автотехн\w*|машин\w*|беспилотник\w*"
                r"|бпла|дрон\w*|ракет\w*|снаряд\w*|самол[её]т\w*|вертол[её]т\w*|артсистем\w*|артиллер\w*|систем\w*"
                r"|оруди\w*|рсзо|зрк|катер\w*|корабл\w*|единиц\w*|населенн?\w*|сел[ао]?|сёл|посел\w*"
                r"|город(?:а|ов|ам)?|позиц\w*|атак\w*|штурм\w*|удар\w*|обстрел\w*|боестолкновени\w*"
                r"|столкновени\w*|направлени\w*"),
    exchange=r"обмен|освобо|верну",
    to=r"до",
    fillers=r"ещё|еще|также|всего|в\s+общей\s+сложности|уже",
    amount=r"составил[аио]?|составляют|составляет|достигл[аио]|достигает",
    amount_to=r"до",
    of=r"от",
    auxiliaries=tuple("""были был была было будут ещё еще также вероятно предположительно якобы уже всего все
        считаются числятся получили стали оказались тяжело легко смертельно""".split()),
    breakers=tuple("а но однако где когда после пока хотя".split()),
    negations=("не", "ни"),
    subject_stops=tuple("""в во у на под при с со и от после за до по около возле вблизи среди которые а но был
        были""".split()),
)

DATES = Dates(
    months=("январь января январе", "февраль февраля феврале", "март марта марте", "апрель апреля апреле",
            "май мая мае", "июнь июня июне", "июль июля июле", "август августа августе", "сентябрь сентября сентябре",
            "октябрь октября октябре", "ноябрь ноября ноябре", "декабрь декабря декабре"),
    weekdays=("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"),
    weekday_needs_preposition=True,
    numbers=("один одна", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"),
    day_offsets={"позавчера": -2, "вчера": -1, "завтра": 1},
    next_stems=("следующ", "ближайш"),
    last_stems=("прошл", "минув", "прошед"),
    week_stems=("недел",),
    slots={
        "modifier": r"(?:прошл|минув|прошед|следующ|ближайш|эт)\w*",
        "day_suffix": r"-?(?:го|е|ое|ого)",
        "year_suffix": r"года|г\.",
        "range_join": r"по|до|и",
        "range_from": r"с",
        "few": r"несколько",
        "night_prep": r"в", "night": r"ночь", "night_from": r"с", "night_onto": r"на",
        "month_prep": r"во|в",
        "weekend_one_prep": r"в|на|за", "weekend_one": r"выходн(?:ые|ых)",
        "weekday_prep": r"во|в",
        "time_of_day": r"утром|днём|днем|вечером|ночью",
        "overnight": (r"(?:(?:этой|минувшей|прошлой|прошедшей|сегодня)\s+)?ночью"
                      r"|за\s+(?:(?:минувшую|прошедшую|прошлую|эту)\s+)?ночь"
                      r"|за\s+(?:(?:минувшие|прошедшие|последние|прошлые)\s+)?сутки"),
        "dayword": r"позавчера|сегодня|вчера|завтра",
        "week": r"\bна\s+(?:этой|прошлой|минувшей|прошедшей|следующей)\s+неделе\b",
        "monthrel": r"\bв\s+(?:этом|прошлом|минувшем|следующем)\s+месяце\b",
        "days": r"дн(?:я|ей)", "ago": r"(?:тому\s+)?назад",
        "recent_lead": r"(?:в|за)\s+последние", "recent_days": r"дн(?:и|ей|я)",
        "recent": r"за\s+(?:прошедшую|минувшую|последнюю|прошлую)\s+неделю",
        "reporting": r"заявил\w*|сообщил\w*|сказал\w*|написал\w*",
    },
    anchors=tuple("""выходные выходных ночь ночью сутки вчера позавчера сегодня завтра неделе неделю месяце дня дней
        дни""".split()),
    leads=tuple("в во у на за с последние несколько".split()),
    lead_stems=("прошл", "минув", "прошед", "следующ", "ближайш", "эт"),
    dateline_published=("опубликовано",),
    dateline_months=("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                     "ноября", "декабря"),
    dateline_year_suffix=r"г\.|года",
)

ATTRIBUTION = Attribution(
    sides={"North Korean forces": r"северокорейск\w*|корейск\w*",
           "Russian forces": r"российск\w*|русск\w*|рф|оккупант\w*",
           "Ukrainian forces": r"всу|украинск\w*"},
    military=r"мобилизованн\w*|военн\w*|военнослужащ\w*|солдат\w*",
    civilians=r"мирн\w+ жител\w*|жител\w*|людей|люди|дет\w*",
    reporting=r"заяв\w*|сообщ\w*|по данным|написал\w*|информиру\w*",
    according_to=("по данным", "по словам"),
)

PLACES = Places(
    function_words=tuple("""в во у на под около возле из от до по за над при между после и а но однако также ещё
        еще уже всего""".split()),
    place_words=tuple("область район город село посёлок поселок".split()),
    titles=tuple("""президент министр генерал губернатор глава мэр командующий спикер пресс-секретарь командующего
        главнокомандующий главнокомандующего генерала""".split()),
    person_verbs=("заявил", "сообщил", "написал"),
    countries=("корея", "кндр", "сша", "китай", "иран"),
    cues=(r"в (?:селе|сёлах|поселке|посёлке|деревне|городе|районе|селах)|сел[оау]|пос[её]л(?:ок|ка)|деревн[яюи]"
          r"|хутор[ау]?|под|возле|около"
          r"|населённ(?:ый|ые|ых) пункт(?:ы|ов|ах)?|населенн(?:ый|ые|ых) пункт(?:ы|ов|ах)?"),  # issue 16 (caps)
    list_joins=("и",),
    adjective_endings=("ского", "ской", "ого", "ому"),
    near=r"под|около|возле|вблизи|неподалеку от|в районе",
    near_nouns=r"села\s+|сел\s+",
    by_preposition="у",
    genitive_endings="аяиы",
    anaphora=r"потер\w*|бо[йяи]\w*|обстрел\w*|удар\w*|атак\w*|погиб\w*|ранен\w*|штурм\w*",
    abbreviations=tuple("км г ул обл им т.е т.д".split()),
    not_places=(
        # What pymorphy3's tags miss: words it reads as nouns or names that open reports' sentences.
        WordClass(NotPlace.COMMON, tuple("""сегодня вчера ночью утром днём днем вечером также однако кроме после
            затем теперь сейчас бог господь регион точка""".split())),
        WordClass(NotPlace.WEAPON, tuple("""каб фаб умпк искандер искандер-м калибр кинжал точка-у град ураган смерч
            торнадо шахед герань гербера ланцет орлан фпв хаймарс атакмс джавелин байрактар бук тор панцирь
            мста гвоздика акация пион нептун""".split())),
        WordClass(NotPlace.UNIT, tuple("ахмат вагнер спарта русич кракен сила силы".split())),
        # issue 16 (caps): acronyms, never places even where a place has the name ("USA" in capitals)
        WordClass(NotPlace.COMMON, tuple("всу зсу гур оон сбу фсб мчс ова рф сша ес вкс пво дрг".split())),
    ),
    organisation_heads=("группировка войск", "группировка", "группа войск", "областная военная администрация",
                        "военная администрация", "администрация", "ова", "ода", "губернатор", "бригада", "полк",
                        "батальон", "дивизия", "корпус", "облдума", "дума", "гарнизон", "правда", "вестник",
                        "новости", "больница", "црб", "гок",
                        "центральная районная больница", "районная больница", "областная больница",
                        "городская больница"),
    vessel_heads=("подводная лодка", "подлодка", "апл", "крейсер", "фрегат", "корвет", "эсминец",
                  "десантный корабль", "корабль", "судно", "танкер", "катер"),
    street_heads=("улица", "переулок", "проспект", "бульвар", "площадь", "шоссе", "набережная", "проезд"),
    source_heads=("по словам", "по данным", "по версии", "по информации", "по мнению", "радио"),
    nationality_adjectives=("украинский", "российский", "белорусский", "американский", "северокорейский"),
)

PEOPLE = People(
    nouns=tuple("""мужчина женщина мальчик девочка ребенок подросток юноша девушка младенец малыш житель жительница
        мирный пенсионер пенсионерка водитель пассажир пассажирка пешеход работник работница сотрудник сотрудница
        волонтер медик врач медсестра фельдшер спасатель пожарный полицейский военнослужащий военный боец солдат
        командир генерал журналист журналистка фотограф жена муж сын дочь мать отец брат сестра бабушка дедушка
        внук внучка сосед соседка школьник школьница студент студентка человек
        тракторист охранник сапер электрик коллега напарник хозяйка хозяин рабочий земляк землячка односельчанин""".split()),
    couples=tuple("пара".split()),
    determiners=tuple("его ее её их свой своя свое своё свои своего своей своих".split()),
    letters="ыэъё",
    joins=("и",),
    auxiliaries=tuple("был была было были также тоже еще ещё тяжело легко смертельно".split()),
    plural_auxiliaries=tuple("были".split()),
    inclusions=("включая", "среди", "том", "числе"),
)

LANGUAGE = Language(code="ru", name="Russian", uppercase="А-ЯЁ", lowercase="а-яё", variants={"ё": "е"},
                    numbers=NUMBERS,
                    casualties=CASUALTIES, dates=DATES, attribution=ATTRIBUTION, places=PLACES,
                    people=PEOPLE)
