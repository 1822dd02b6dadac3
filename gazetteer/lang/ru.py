"""Russian: alphabet, transliteration, words around place names, case endings.

    >>> from gazetteer.morphology import nominative_candidates
    >>> "плехово" in nominative_candidates("в Плёхове")       # prepositional -е of a neuter -о
    True
"""

from gazetteer.lang.schema import AdminWord, CaseRule, Country, Language, Level, OblastNoun, Part, Role, Use

_A, _N = Part.ADJECTIVE, Part.NOUN

LANGUAGE = Language(
    code="ru",
    name="Russian",
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    transliteration={
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    },
    equivalents={"ё": "е"},
    words={
        Role.PREPOSITION: tuple("""в во у на под из от до к ко через за над около возле близ вблизи о об по при
            неподалеку район районе""".split()),
        Role.INSTITUTION_BEFORE: tuple("минобороны мо генштаб мид президент посол армия вс версии".split()),
        Role.LIST_JOIN: ("и",),
        Role.ADMIN_QUALIFIER: ("городск", "муниципальн", "сельск", "поселков"),
        Role.NAMESAKE: ("путать с", "путать со", "спутать с", "спутать со"),
        Role.SPEECH_VERB: tuple("""сообщать сообщить заявлять заявить говорить сказать считать утверждать
            признавать признать подтверждать подтвердить отчитаться обвинить обвинять""".split()),
        Role.NAME_ADJECTIVE: tuple("""новый новая новое новые старый старая старое старые нижний нижняя нижнее
            нижние верхний верхняя верхнее верхние большой большая большое большие малый малая малое малые
            средний средняя среднее средние красный красная красное красные великий великая великое""".split()),
    },
    admin_words=(
        *(AdminWord(w, Level.OBLAST) for w in ("области", "областью", "обл.", "областей", "областях",
                                                "областям", "областями")),
        AdminWord("область", Level.OBLAST, Use.KEY | Use.TEXT | Use.NAME),
        *(AdminWord(w, Level.DISTRICT) for w in ("район", "района", "районе", "району", "районом", "районов",
                                                  "районах", "районам", "районами", "округ", "округа", "округе",
                                                  "округу", "округом", "округов", "округах", "округам")),
        *(AdminWord(w, Level.HROMADA) for w in ("громада", "громады", "громаде", "громаду", "громадой", "громад",
                                                 "громадах")),
        *(AdminWord(w, Level.DIRECTION, Use.TEXT) for w in ("направление", "направления", "направлении",
                                                             "направлению", "направлением", "направлений",
                                                             "направлениях", "направлениям")),
        AdminWord("р-н", Level.DISTRICT, Use.KEY),
    ),
    countries=(
        Country("RU", ("россия", "россии", "россию", "россией", "рф")),
        Country("UA", ("украина", "украины", "украине", "украину")),
        Country("BY", ("беларусь", "беларуси")),
    ),
    case_rules=(
        CaseRule(_A, "ого", ("ое", "ий", "ый", "ой", "е")), CaseRule(_A, "его", ("ее", "ий")),
        CaseRule(_A, "ому", ("ое", "ий", "ый", "ой")), CaseRule(_A, "ему", ("ее", "ий")),
        CaseRule(_A, "ом", ("ое", "ый", "ий", "ой")), CaseRule(_A, "ем", ("ее", "ий")),
        CaseRule(_A, "ой", ("ая", "ой", "ый")), CaseRule(_A, "ей", ("яя",)),
        CaseRule(_A, "ую", ("ая",)), CaseRule(_A, "юю", ("яя",)),
        CaseRule(_A, "ых", ("ые",)), CaseRule(_A, "их", ("ие",)), CaseRule(_A, "ими", ("ие",)),
        CaseRule(_A, "ыми", ("ые",)),
        CaseRule(_N, "ами", ("ы", "и", "а")), CaseRule(_N, "ями", ("и", "я")),
        CaseRule(_N, "ах", ("ы", "и", "а")), CaseRule(_N, "ях", ("и", "я")),
        CaseRule(_N, "ою", ("а",)), CaseRule(_N, "ею", ("я", "а")),
        CaseRule(_N, "ой", ("а",)), CaseRule(_N, "ей", ("я", "а", "ь")),
        CaseRule(_N, "ом", ("", "о")), CaseRule(_N, "ем", ("", "е", "ь", "о")),
        CaseRule(_N, "ём", ("", "ь")), CaseRule(_N, "ым", ("ы",)),
        CaseRule(_N, "е", ("о", "а", "", "я", "е")), CaseRule(_N, "и", ("а", "я", "ы", "")),
        CaseRule(_N, "ы", ("а",)), CaseRule(_N, "у", ("а", "", "о")), CaseRule(_N, "ю", ("я", "ь")),
        CaseRule(_N, "а", ("", "о", "е")), CaseRule(_N, "я", ("ь", "е")),
        CaseRule(_N, "ого", ("о", "е")), CaseRule(_N, "ому", ("о", "е")),
        # plural names (Гирьи, Липцы, Речки, Хутора): genitive -ов/-ев or -ок/-ек with a fleeting vowel, dative -ам/-ям
        CaseRule(_N, "ов", ("ы", "и", "а")), CaseRule(_N, "ев", ("и",)), CaseRule(_N, "ок", ("ки",)),
        CaseRule(_N, "ек", ("ки",)), CaseRule(_N, "ам", ("ы", "и", "а")), CaseRule(_N, "ям", ("и", "я")),
        # feminine names in -ь (Сечь, Снагость): genitive, dative and prepositional -и
        CaseRule(_N, "и", ("ь",)),
    ),
    # Курская → Курщина, Белгородская → Белгородчина (after д and т the noun is -чина)
    oblast_nouns=(OblastNoun("щин", "а", "[аыуео][юй]?"), OblastNoun("чин", "а", "[аыуео][юй]?", after="дт")),
    oblast_adjective_endings=("ская", "ской"),
    place_adjective_endings=("ская", "ский", "кая", "кий"),
    place_adjective_suffixes=("ян", "ан", "ов", "ев"),
    place_adjective_stem_drop="ь",
    fleeting_vowel=r"[ео](?=[бвгджзклмнпрстфхцчшщ]ь?$)",
    fleeting_endings=(("(?<=[бвгджзклмнпрстфхчшщ])ц$", "ец"), ("(?<=[бвгджзлмнпрстфхчшщ])к$", "ок"),
                      ("(?<=[бвгджзлмнпрстфхчшщ])к$", "ек")),
    compound_prefixes=(
        ("велико", "великая"), ("мало", "малая"), ("ново", "новая"), ("старо", "старая"),
        ("большо", "большая"), ("верхне", "верхняя"), ("нижне", "нижняя"), ("красно", "красная"),
    ),
    morph_analyzer="ru",
    # Ukrainian villages as Russian reports spell them: Бологовка (Бологівка), Шевченково (Шевченкове)
    sister_endings={"овка": ("івка",), "евка": ("івка",), "ово": ("ове",), "ево": ("еве",)},
)
