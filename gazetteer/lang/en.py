"""English: the words around place names in English reports, and romanised admin words.

    >>> LANGUAGE.words[Role.PREPOSITION]
    ('near', 'in', 'at', 'from', 'outside', 'around')
"""

from gazetteer.lang.schema import AdminWord, Country, Language, Level, Role, Use

_ALL = Use.KEY | Use.TEXT | Use.NAME

LANGUAGE = Language(
    code="en",
    name="English",
    words={
        Role.PREPOSITION: ("near", "in", "at", "from", "outside", "around"),
        Role.INSTITUTION_AFTER: tuple(
            """general military defence defense ministry armed forces army air navy intelligence president
            presidential government officials foreign security sbu gur hur national state border emergency
            parliament envoy ambassador embassy troops says said claims claimed reports reported stated""".split()),
    },
    admin_words=(
        AdminWord("oblast", Level.OBLAST, _ALL), AdminWord("region", Level.OBLAST, _ALL),
        AdminWord("province", Level.OBLAST), AdminWord("oblast'", Level.OBLAST, Use.NAME),
        AdminWord("oblasti", Level.OBLAST, Use.KEY),
        AdminWord("district", Level.DISTRICT), AdminWord("raion", Level.DISTRICT),
        AdminWord("rayon", Level.DISTRICT), AdminWord("raijon", Level.DISTRICT, Use.KEY),
        AdminWord("rajon", Level.DISTRICT, Use.KEY), AdminWord("okrug", Level.DISTRICT, Use.KEY),
    ),
    countries=(
        Country("RU", ("russia", "russian federation")),
        Country("UA", ("ukraine",)),
        Country("BY", ("belarus",)),
    ),
)
