"""English: the words around place names in English reports, and romanised admin words.

    >>> LANGUAGE.words[Role.PREPOSITION]
    ('near', 'in', 'at', 'from', 'outside', 'around', 'on', 'into', 'towards', 'toward', 'across')
"""

from gazetteer.lang.schema import AdminWord, Country, Language, Level, Role, Use

_ALL = Use.KEY | Use.TEXT | Use.NAME

LANGUAGE = Language(
    code="en",
    name="English",
    words={
        Role.PREPOSITION: ("near", "in", "at", "from", "outside", "around", "on", "into", "towards", "toward", "across"),
        Role.INSTITUTION_AFTER: tuple(
            """general military defence defense ministry armed forces army air navy intelligence president
            presidential government officials foreign security sbu gur hur national state border emergency
            parliament envoy ambassador embassy troops says said claims claimed reports reported stated
            prosecutor prosecutors ombudsman commander commander-in-chief interior police prime deputy""".split()),
        Role.PLACE_AFTER_POSSESSIVE: tuple(
            """region regions oblast oblasts province provinces district districts border borders borderlands
            border-area frontier territory territories soil land lands airspace east west north south northeast
            northwest southeast southwest northeastern northwestern southeastern southwestern eastern western
            northern southern central city cities capital town towns village villages countryside
            frontline front-line front""".split()),
        Role.ACTOR_AFTER: tuple(
            """lost loses losing has had have is was were will would could can may must attacked attacks struck
            strikes shelled shells fired fires launched launches captured captures retook recaptured advanced
            advances withdrew withdraws denied denies confirmed confirms accused accuses sent sends deployed
            continues continued suffered suffers killed kills destroyed destroys hit hits blamed blames accuse
            warned warns urged urges told tells invaded invades attack""".split()),
        Role.LIST_JOIN: ("and",),
        Role.ADMIN_QUALIFIER: ("urban", "municipal", "rural"),
        Role.NAMESAKE: ("be confused with", "be mistaken for", "not the one in"),
    },
    admin_words=(
        AdminWord("oblast", Level.OBLAST, _ALL), AdminWord("region", Level.OBLAST, _ALL),
        AdminWord("province", Level.OBLAST), AdminWord("oblast'", Level.OBLAST, Use.NAME),
        AdminWord("oblasti", Level.OBLAST, Use.KEY), AdminWord("regions", Level.OBLAST),
        AdminWord("oblasts", Level.OBLAST),
        AdminWord("district", Level.DISTRICT), AdminWord("raion", Level.DISTRICT),
        AdminWord("rayon", Level.DISTRICT), AdminWord("raijon", Level.DISTRICT, Use.KEY),
        AdminWord("rajon", Level.DISTRICT, Use.KEY), AdminWord("okrug", Level.DISTRICT),
        AdminWord("districts", Level.DISTRICT), AdminWord("raions", Level.DISTRICT),
        AdminWord("hromada", Level.HROMADA), AdminWord("hromadas", Level.HROMADA),
        AdminWord("direction", Level.DIRECTION, Use.TEXT), AdminWord("axis", Level.DIRECTION, Use.TEXT),
        AdminWord("directions", Level.DIRECTION, Use.TEXT), AdminWord("axes", Level.DIRECTION, Use.TEXT),
    ),
    countries=(
        Country("RU", ("russia", "russian federation")),
        Country("UA", ("ukraine",)),
        Country("BY", ("belarus",)),
    ),
    # admin adjectives romanised: "Bilopilska hromada", "Shebekinsky / Shebekinskiy / Saltivskyi district"
    place_adjective_endings=("ska", "skyi", "skiy", "skii", "sky", "ski"),
    # English writes дж as in Tajikistan and Jankoy, and (after French) as in Djankoy: Suja, Sudja
    romanisations={"дж": ("j", "dj")},
)
