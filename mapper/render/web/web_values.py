"""Report text kept out of the map's template pass: folium renders tokens, the page gets the values.

branca compiles what each folium element renders as a Jinja2 template once more
(``MacroElement.render`` wraps its output in ``Element(...)``). Any report text
inside a folium object would therefore run as template code when the map is
written: ``{{ 7*191 }}`` in a source name would print ``1337``, and worse. So
the map is built with an opaque token in place of every value that comes from a
report or an events file, and the tokens are replaced in the finished page::

    >>> vault = ValueVault()
    >>> token = vault.token({"quote": "{{ 7*191 }} </script>"})
    >>> page = vault.fill(f'var data = "{token}";')
    >>> page
    'var data = {"quote": "\\\\u007b\\\\u007b 7*191 \\\\u007d\\\\u007d \\\\u003c/script\\\\u003e"};'

A token is ``cm`` + a random per-map nonce + an index, letters and digits only,
so every JSON encoder folium uses renders it the same way, in quotes; report
text cannot forge one (it never sees the nonce) and :meth:`ValueVault.fill`
reads the page in one pass, never the values it puts in. Values are written as
JSON that is safe inside ``<script>`` and inside a template: ``<``, ``>``,
``&``, ``{``, ``}``, ``%``, ``#`` and the JavaScript line separators are
escaped as ``\\uXXXX``, which JSON and JavaScript read back as the same
characters.

:func:`raw_element` carries a finished piece of HTML into the page without
compiling it (``Element(html)`` would).
"""

from __future__ import annotations

import json
import re
import secrets
from typing import Any

__all__ = ["ValueVault", "page_json", "raw_element", "ValueVaultError"]

#: Characters escaped inside the JSON strings written into the page: HTML-significant ones, template
#: markers and U+2028/U+2029 (line ends to older JavaScript). ``\\uXXXX`` reads back as the same character.
_PAGE_UNSAFE = re.compile("[<>&{}%#'\u2028\u2029]")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


class ValueVaultError(RuntimeError):
    """A token was left in the page: a value was put where the map cannot carry it."""


def page_json(value: Any) -> str:
    """``value`` as JSON that is inert inside ``<script>``, HTML and a Jinja2 template.

    Only the characters inside strings are escaped; the JSON's own braces stay.

    >>> page_json({"a": ["{%", "</b>"]})
    '{"a": ["\\\\u007b\\\\u0025", "\\\\u003c/b\\\\u003e"]}'
    """
    def escape(string: re.Match) -> str:
        return _PAGE_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", string.group())

    return _JSON_STRING.sub(escape, json.dumps(value, ensure_ascii=False, allow_nan=False))


class ValueVault:
    """Report-derived values held back from folium while it renders (see the module docstring)."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self._values: list[Any] = []
        self._quoted = re.compile(f'"cm{self.nonce}v([0-9]+)"')

    def token(self, value: Any) -> str:
        """A string to put in a folium object where ``value`` (any JSON value) belongs.

        Folium must render it as a JSON string (``tojson``, ``tojavascript``,
        ``json.dumps``): :meth:`fill` replaces the quoted token by ``value``'s JSON.
        """
        self._values.append(value)
        return f"cm{self.nonce}v{len(self._values) - 1}"

    def text(self, value: object) -> str:
        """:meth:`token` for a string; ``None`` stands for ``""``."""
        return self.token("" if value is None else str(value))

    def __len__(self) -> int:
        return len(self._values)

    def fill(self, page: str) -> str:
        """The page with every quoted token replaced by its value (one pass over ``page``).

        Raises :class:`ValueVaultError` if a token is left: it stood somewhere
        other than a JSON string, so the value would not have been shown as data.
        """
        values = self._values
        filled = self._quoted.sub(lambda m: page_json(values[int(m.group(1))]), page)
        if f"cm{self.nonce}v" in filled:
            raise ValueVaultError("a report value was placed where the map cannot carry it as data")
        return filled


def raw_element(raw: str):
    """A branca element that renders ``raw`` as is: never compiled as a template.

    >>> raw_element("{{ 7*191 }}").render()
    '{{ 7*191 }}'
    """
    from branca.element import Element
    from jinja2 import Template

    class Raw(Element):
        _template = Template("{{ this.raw }}")

    element = Raw()
    element.raw = raw
    return element
