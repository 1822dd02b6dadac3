"""Belarusian: only what place names need — the gazetteer reads no Belarusian reports, but
GeoNames gives Belarusian alternate names ("Мінская вобласць").

    >>> from gazetteer.normalize import name_key
    >>> name_key("Мінская вобласць") == name_key("Минская область")
    True
"""

from gazetteer.lang.schema import AdminWord, Language, Level, Use

LANGUAGE = Language(
    code="be",
    name="Belarusian",
    reads_text=False,
    alphabet="абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    transliteration={
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "і": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    },
    admin_words=(AdminWord("вобласць", Level.OBLAST, Use.KEY), AdminWord("voblast", Level.OBLAST, Use.KEY)),
)
