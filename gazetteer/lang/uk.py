"""Ukrainian: alphabet, transliteration, words around place names, case endings.

    >>> from gazetteer.morphology import nominative_candidates
    >>> "ворожба" in nominative_candidates("у Ворожбі")        # locative -і of a feminine -а
    True
    >>> "харків" in nominative_candidates("під Харковом")      # о → і in the closed syllable
    True
"""

from gazetteer.lang.schema import (AdminWord, Alternation, CaseRule, Country, Language, Level, OblastNoun, Part,
                                   Role, Use)

_A, _N = Part.ADJECTIVE, Part.NOUN

LANGUAGE = Language(
    code="uk",
    name="Ukrainian",
    alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    transliteration={
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
        "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
        "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya",
    },
    words={
        # "пiд" with a Latin i is a common typing of "під"
        Role.PREPOSITION: tuple("у в на під пiд біля із з зі від до через за над поблизу неподалік по при".split()),
        Role.INSTITUTION_BEFORE: tuple("мзс генштаб президент посол зс версією версії".split()),
        Role.LIST_JOIN: ("і", "та", "й"),
        Role.ADMIN_QUALIFIER: ("міськ", "селищн", "сільськ"),
        Role.NAMESAKE: ("плутати з", "плутати із", "сплутати з", "сплутати із"),
        Role.SPEECH_VERB: tuple("""повідомляти повідомити заявляти заявити говорити сказати вважати
            стверджувати визнавати визнати підтверджувати підтвердити звинуватити звинувачувати""".split()),
        Role.NAME_ADJECTIVE: tuple("""новий нова нове нові старий стара старе старі нижній нижня нижнє нижні
            верхній верхня верхнє верхні великий велика велике великі малий мала мале малі середній середня
            середнє червоний червона червоне""".split()),
    },
    admin_words=(
        AdminWord("область", Level.OBLAST, Use.KEY | Use.TEXT | Use.NAME),
        *(AdminWord(w, Level.OBLAST) for w in ("області", "обл.", "областю", "областей", "областях", "областям",
                                                "областями")),
        *(AdminWord(w, Level.DISTRICT) for w in ("район", "районі", "району", "районом", "районів", "районах",
                                                  "районам", "районами", "округ", "окрузі", "округу", "округом",
                                                  "округів", "округах")),
        *(AdminWord(w, Level.HROMADA) for w in ("громада", "громади", "громаді", "громаду", "громадою", "громад",
                                                 "громадах", "громадам", "громадами", "тг", "отг")),
        *(AdminWord(w, Level.DIRECTION, Use.TEXT) for w in ("напрямок", "напрямку", "напрямі", "напрямком", "напрямки", "напрямків", "напрямках",
                                                             "напрямками", "напрямах", "напрями")),
    ),
    countries=(
        Country("RU", ("росія", "росії", "росію", "росією")),
        Country("UA", ("україна", "україни", "україні", "україну")),
        Country("BY", ("білорусь", "білорусі")),
    ),
    case_rules=(
        CaseRule(_A, "ого", ("ий", "е")), CaseRule(_A, "его", ("є",)), CaseRule(_A, "ому", ("ий", "е")),
        CaseRule(_A, "ім", ("ий", "е")), CaseRule(_A, "ій", ("а", "я", "ий")),
        CaseRule(_A, "ої", ("а",)), CaseRule(_A, "ою", ("а",)), CaseRule(_A, "ьої", ("я",)),
        CaseRule(_A, "у", ("а",)), CaseRule(_A, "ю", ("я",)),
        CaseRule(_A, "их", ("і",)), CaseRule(_A, "ими", ("і",)),
        CaseRule(_N, "ами", ("и", "а")), CaseRule(_N, "ями", ("и", "я")),
        CaseRule(_N, "ах", ("и", "а")), CaseRule(_N, "ях", ("и", "я")),
        CaseRule(_N, "ою", ("а",)), CaseRule(_N, "ею", ("я", "а")), CaseRule(_N, "ом", ("", "о")),
        CaseRule(_N, "ові", ("",)), CaseRule(_N, "еві", ("ь", "")), CaseRule(_N, "ці", ("ка",)),
        CaseRule(_N, "зі", ("га",)), CaseRule(_N, "сі", ("ха",)),
        CaseRule(_N, "і", ("а", "я", "", "і")), CaseRule(_N, "и", ("а", "я", "")),
        CaseRule(_N, "у", ("а", "", "о")), CaseRule(_N, "ю", ("я", "ь")),
        CaseRule(_N, "а", ("", "о", "е")), CaseRule(_N, "я", ("ь", "е")),
        CaseRule(_N, "ого", ("о", "е")), CaseRule(_N, "ому", ("о", "е")),
        # Russian -о names decline in Ukrainian like possessives (під Кореневим, за Тьоткіним); names in -еве too
        CaseRule(_N, "им", ("о", "е")),
        # plural names (Дергачі, Ріпки): genitive -ів or -ок with a fleeting vowel, dative, locative, instrumental
        CaseRule(_N, "ів", ("і", "и")), CaseRule(_N, "ок", ("ки",)), CaseRule(_N, "ам", ("і", "и", "а")),
        CaseRule(_N, "ям", ("і", "я")), CaseRule(_N, "ах", ("і",)), CaseRule(_N, "ами", ("і",)),
        # names in -ь (Путивль, Снагость): locative, genitive and dative -і
        CaseRule(_N, "і", ("ь",)),
    ),
    alternations=(Alternation("ое", "і", "аеиіоуюяєї"), Alternation("є", "ї", "аеиіоуюяєї")),
    oblast_nouns=(OblastNoun("щин", "а", "[аиуіоюе][юй]?"),),
    oblast_adjective_endings=("ська", "ськой"),
    place_adjective_endings=("ська", "ський", "зька", "зький", "ька", "ький"),
    place_adjective_suffixes=("ян", "ан", "ів", "ов", "ев"),
    place_adjective_stem_drop="ь",
    fleeting_vowel=r"[ео](?=[бвгджзклмнпрстфхцчшщ]ь?$)",
    fleeting_endings=(("(?<=[бвгджзклмнпрстфхчшщ])ць?$", "ець"), ("(?<=[бвгджзлмнпрстфхчшщ])к$", "ок")),
    compound_prefixes=(
        ("велико", "велика"), ("мало", "мала"), ("ново", "нова"), ("старо", "стара"), ("верхньо", "верхня"),
        ("нижньо", "нижня"), ("середньо", "середня"), ("червоно", "червона"),
    ),
    morph_analyzer="uk",
    key_spellings={"ьо": "е"},
    # Russian villages as Ukrainian reports spell them: Любимівка (Любимовка), Журавлівка (Журавлёвка),
    # Климове (Климово), Кореневе (Коренево)
    sister_endings={"івка": ("овка", "евка"), "ове": ("ово",), "еве": ("ево",), "єве": ("ево",)},
)
