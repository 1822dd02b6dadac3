"""Plain text and metadata from a saved news page, and the text and date normalisation all reports get.

Uses ``lxml.html`` (a real parser, not regular expressions). Scripts, styles,
navigation, headers, footers, forms, comments and boilerplate blocks (cookie
banners, share bars, "related" lists, ads; recognised by class / id / role)
are dropped; the text comes from the article body when the page marks one
(``itemprop="articleBody"``, ``<article>``, ``<main>``), else from ``<body>``.
Block elements become paragraph breaks (``"\\n\\n"``), ``<br>`` a line break.
Metadata (title, publication date, canonical URL, site name) comes from
``<meta>`` tags, JSON-LD and ``<time>``; JSON-LD is read before scripts are
dropped, and no script content ever reaches the text.

    >>> page = extract_html('<title>T</title><nav>Home</nav><article><p>One.</p>'
    ...                     '<script>alert(1)</script><p>Two<br>lines.</p></article>')
    >>> page.text, page.title
    ('One.\\n\\nTwo\\nlines.', 'T')
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

__all__ = ["HtmlPage", "extract_html", "normalize_text", "parse_date", "site_name_from_url", "limit_attributes",
           "FORMAT_CHARACTERS", "MAX_ATTRIBUTES"]

#: Elements whose whole content is dropped (never text of the report).
DROP_TAGS = frozenset({
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "template", "button", "select", "textarea", "input", "object", "embed", "canvas", "audio",
    "video", "map", "dialog", "title", "meta", "link", "base",
})
#: Elements that start and end a paragraph.
BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "section", "article", "main", "figure", "figcaption", "pre", "address",
    "table", "caption", "hr", "center", "details", "summary",
})
_LINE_TAGS = frozenset({"br", "tr"})
_CELL_TAGS = frozenset({"td", "th"})
#: class / id words that mark boilerplate blocks.
_BOILERPLATE_WORDS = frozenset({
    "cookie", "cookies", "consent", "gdpr", "share", "sharing", "sharebar", "social", "subscribe",
    "subscription", "newsletter", "related", "comments", "comment", "advert", "advertisement",
    "ads", "ad", "promo", "banner", "breadcrumb", "breadcrumbs", "sidebar", "popup", "modal",
    "paywall", "recommended", "read-more", "readmore", "tags", "author-bio", "donate",
})
_BOILERPLATE_PREFIXES = ("cookie", "advert", "subscri", "newsletter", "share", "social")
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
_PROTECTED = frozenset({"html", "body", "article", "main"})
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|Posting", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)

#: meta names/properties for the publication date, in order of trust.
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "article.published")
_PARA, _LINE = "\x00P", "\x00L"


@dataclass(frozen=True)
class HtmlPage:
    """What a page says about itself (``published``: the most trusted date that parses)."""

    text: str
    title: str = ""
    published: datetime.date | None = None
    url: str = ""
    site_name: str = ""


def site_name_from_url(url: str) -> str:
    """The host of a URL without ``www.``, or ``""``.

        >>> site_name_from_url("https://www.reuters.com/world/europe/x")
        'reuters.com'
    """
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def extract_html(markup: str) -> HtmlPage:
    """Text (paragraphs joined by ``"\\n\\n"``) and metadata of an HTML page or fragment."""
    markup = limit_attributes(_XML_DECL.sub("", markup, count=1))
    if not markup.strip():
        return HtmlPage("")
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return HtmlPage("")
    meta = _meta(root)
    ld = _json_ld(root)
    title = meta.get("og:title") or meta.get("twitter:title") or _first_text(root, "//title") \
        or ld.get("headline", "") or _first_text(root, "//h1")
    url = meta.get("og:url") or _canonical(root) or ld.get("url", "")
    dates = [meta.get(k) for k in _DATE_META[:2]] + [ld.get("datePublished")] + [meta.get(k) for k in _DATE_META[2:]]
    published = _first_date(dates) or _first_date(_time_elements(root))
    site = meta.get("og:site_name") or site_name_from_url(url)
    _drop_boilerplate(root)
    text = _render(_content_root(root))
    return HtmlPage(text, _squash(title), published, url.strip(), _squash(site))


#: Start tags with more attributes than this keep their first ones only: libxml2 compares each
#: attribute name with every earlier one, so a tag of 200,000 attributes took 82 s to parse.
MAX_ATTRIBUTES = 256
#: What one pass over a page looks at, in order: a comment (left as it is), a ``<script>`` or
#: ``<style>`` start tag with its raw content (the tag is cut, the content left as it is: an
#: ``a<b`` in code is no tag), any other start tag. Quoted values may hold ">". Possessive
#: quantifiers: no backtracking, so one linear pass whatever the quotes and brackets.
_TAGS = re.compile(r"""
    <!--(?:[^-]++|-(?!->))*+(?:-->)?
  | (?P<raw><(?P<rawname>script|style)(?=[\s/>])(?:[^>"']++|"[^"]*+"|'[^']*+')*+>?)
    (?P<content>(?:[^<]++|<(?!/(?P=rawname)[\s/>]))*+)
  | <[A-Za-z][^\s/>"']*+(?:[^>"']++|"[^"]*+"|'[^']*+')*+>?
    """, re.I | re.X)
_TAG_NAME = re.compile(r"""<[^\s/>"']*+""")
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>]*+))?+""")


def limit_attributes(markup: str) -> str:
    """``markup`` with each start tag cut to its first :data:`MAX_ATTRIBUTES` attributes.

    Linear in the size of the page; text, comments and the code in scripts and styles are never changed.

        >>> limit_attributes("<p " + " ".join(f"a{i}=1" for i in range(300)) + ">Sudzha</p>").count("=")
        256
    """
    return _TAGS.sub(_cut_match, markup) if "<" in markup else markup


def _cut_match(match: re.Match) -> str:
    if match.group("raw") is not None:
        return _cut_attributes(match.group("raw")) + match.group("content")
    return match.group() if match.group().startswith("<!--") else _cut_attributes(match.group())


def _cut_attributes(tag: str) -> str:
    if len(tag) <= MAX_ATTRIBUTES:                 # too short to hold more attributes than the limit
        return tag
    start = _TAG_NAME.match(tag).end()
    end = len(tag) - tag.endswith(">")
    for n, attribute in enumerate(_ATTRIBUTE.finditer(tag, start, end), 1):
        if n == MAX_ATTRIBUTES:
            return tag[:attribute.end()] + tag[end:]
    return tag


#: Invisible format characters (Unicode category Cf: soft hyphen, zero-width space, joiner and
#: non-joiner, word joiner, byte-order mark, bidirectional marks…) and NUL. Inside a word they
#: hide it from the gazetteer ("Суд\u200dжа"); tests check the class against ``unicodedata``.
FORMAT_CHARACTERS = re.compile(
    "[\x00\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
_SPACE_RUN = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\f\v]")


#: Markdown emphasis around words on one line ("**killed**", "__Суми__"); the words are kept.
_EMPHASIS = re.compile(r"(\*\*|__)(?=[^\s*_])([^\n]*?[^\s*_])\1")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line ends, one space for runs of spaces, paragraphs joined by ``"\\n\\n"``.

    Blank lines separate paragraphs; text without any blank line has one paragraph
    per line (Telegram posts, one-paragraph-per-line dumps). Invisible format characters
    (:data:`FORMAT_CHARACTERS`: soft hyphens, zero-width spaces and joiners, ...) and NULs are
    removed, so ``"Суд\\u200dжа"`` reads ``"Суджа"``, and Markdown bold marks around words go
    (``"**Загинули** двоє"``); no other character is changed.

        >>> normalize_text("KYIV  -  one\\r\\nline two\\r\\n\\r\\n\\r\\nnext")
        'KYIV - one\\nline two\\n\\nnext'
        >>> normalize_text("first\\nsecond")
        'first\\n\\nsecond'
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n").replace("\u2028", "\n")
    text = _SPACE_RUN.sub(" ", FORMAT_CHARACTERS.sub("", text))
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", text)  # Markdown bold as Telegram bots post it: "**Загинули** двоє"
    lines = [line.strip() for line in text.split("\n")]
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return ""
    lines = lines[filled[0]:filled[-1] + 1]
    if "" not in lines:
        return "\n\n".join(lines)
    paragraphs, current = [], []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return "\n\n".join(paragraphs)


_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def parse_date(value: Any) -> datetime.date | None:
    """A publication date from a JSON / meta value: ISO, ``16.12.2024``, or words via dateparser.

        >>> parse_date("2024-12-16T09:30:00+02:00"), parse_date("16.12.2024"), parse_date("soon")
        (datetime.date(2024, 12, 16), datetime.date(2024, 12, 16), None)
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    for pattern, order in ((_ISO, (0, 1, 2)), (_NUMERIC, (2, 1, 0))):
        match = pattern.match(value)
        if match:
            parts = [int(match.group(i + 1)) for i in order]
            try:
                return datetime.date(*parts)
            except ValueError:
                return None
    return _dateparser(value.strip())


@lru_cache(maxsize=4096)
def _dateparser(value: str) -> datetime.date | None:
    import dateparser                           # slow to import; only words need it

    try:
        found = dateparser.parse(value, languages=["en", "ru", "uk"],
                                 settings={"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"],
                                           "DATE_ORDER": "DMY", "PARSERS": ["custom-formats", "absolute-time"]})
    except Exception:                           # dateparser raises assorted errors on odd input
        return None
    return found.date() if found else None


def _squash(value: str) -> str:
    return _HTML_SPACE.sub(" ", value).strip()


def _meta(root) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content")
        if key and value and value.strip() and key not in found:
            found[key] = value.strip()
    return found


def _canonical(root) -> str:
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return el.get("href")
    return ""


def _first_text(root, xpath: str) -> str:
    for el in root.xpath(xpath):
        text = el.text_content().strip()
        if text:
            return text
    return ""


def _json_ld(root) -> dict[str, str]:
    """The first ``datePublished`` in JSON-LD, and ``headline`` / ``url`` of an article object."""
    found: dict[str, str] = {}
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                article = _ARTICLE_TYPES.search(str(item.get("@type", ""))) is not None
                for key in ("datePublished", "dateCreated") + (("headline", "url") if article else ()):
                    value = item.get(key)
                    if isinstance(value, str) and value.strip():
                        found.setdefault("datePublished" if key == "dateCreated" else key, value.strip())
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return found


def _first_date(values: list[str | None]) -> datetime.date | None:
    return next((d for d in map(parse_date, filter(None, values)) if d), None)


def _time_elements(root) -> list[str]:
    """``<time datetime>`` / ``itemprop=datePublished`` values, those inside an article first."""
    dated = "//*[self::time[@datetime or @pubdate] or @itemprop='datePublished']"
    inside = root.xpath(f"(//article | //*[@itemprop='articleBody']){dated}")
    seen = set(inside)
    elements = inside + [el for el in root.xpath(dated) if el not in seen]
    return [el.get("datetime") or el.get("content") or el.text_content() for el in elements]


def _is_boilerplate(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    if (el.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    words = _WORD_SPLIT.split(f"{el.get('class') or ''} {el.get('id') or ''}".lower())
    return any(w in _BOILERPLATE_WORDS or w.startswith(_BOILERPLATE_PREFIXES) for w in words if w)


def _drop_boilerplate(root) -> None:
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity, *DROP_TAGS)):
        _drop(el)
    total = len(root.text_content())
    doomed = [el for el in root.xpath("//*[@class or @id or @role or @hidden or @aria-hidden or @style]")
              if el.tag not in _PROTECTED and _is_boilerplate(el)
              and not el.xpath(".//article | .//main | .//*[@itemprop='articleBody']")
              and len(el.text_content()) <= total / 2]     # a "has-sidebar" wrapper holds the story itself
    for el in doomed:
        _drop(el)


def _drop(el) -> None:
    """Remove an element with its content but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _content_root(root):
    """The article body when the page marks one (the one with most text), else ``<body>``."""
    for xpath in ("//*[@itemprop='articleBody']", "//article", "//main | //*[@role='main']"):
        candidates = [(len(el.text_content().strip()), i, el) for i, el in enumerate(root.xpath(xpath))]
        best = max(candidates, default=None, key=lambda c: (c[0], -c[1]))
        if best is not None and best[0] > 0:
            return best[2]
    body = root.find("body")                      # fragments without <body> may land in <head>
    return body if body is not None and body.text_content().strip() else root


def _render(top) -> str:
    out: list[str] = []
    pre = 0
    for event, el in etree.iterwalk(top, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                out.append(_PARA)
            elif tag in _LINE_TAGS:
                out.append(_LINE)
            elif tag in _CELL_TAGS:
                out.append(" ")
            pre += tag == "pre"
            if el.text:
                out.append(el.text.replace("\n", _LINE) if pre else _HTML_SPACE.sub(" ", el.text))
        else:
            pre -= tag == "pre"
            if tag in BLOCK_TAGS:
                out.append(_PARA)
            if el.tail and el is not top:
                out.append(el.tail.replace("\n", _LINE) if pre else _HTML_SPACE.sub(" ", el.tail))
    text = "".join(out)
    paragraphs = []
    for para in text.split(_PARA):
        lines = [line.strip(" ") for line in para.split(_LINE)]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
