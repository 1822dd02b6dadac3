"""Split report text into paragraphs and sentences, keeping character spans.

Abbreviations common in conflict reporting (Maj. Gen., Dec., U.S., Col., No.)
do not end a sentence::

    >>> text = "Maj. Gen. Pat Ryder said so. About 30 were hurt on Dec. 14.\\n\\nНовый абзац."
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['Maj. Gen. Pat Ryder said so.', 'About 30 were hurt on Dec. 14.', 'Новый абзац.']
    >>> [s.paragraph for s in split_sentences(text)]
    [0, 0, 1]
    >>> text = "Two were hurt.\\n• North. One was killed."
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['Two were hurt.', '• North.', 'One was killed.']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from mapper.extract.lang import LANGUAGES, words

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS = frozenset(words(lang.places.abbreviations for lang in LANGUAGES))
_BLANK_LINE = re.compile(r"\n\s*\n")
_NEWLINE = re.compile(r"\n")
#: One branch that opens with its stop characters, so that C scans for them ("[.!?…][.!?…]*", not
#: "[.!?…]+": the engine skips ahead to a character of a class only when the pattern opens with one).
_CAPITALS = "".join(lang.uppercase for lang in LANGUAGES)
#: List bullets: "• Харківщина." after a full stop opens a sentence of its own.
_BULLETS = "•‣◦▪●"
_BOUNDARY = re.compile(rf"""[.!?…][.!?…]*["'”»)\]]*(?:(?=\s+["'“«(\[]?[{_CAPITALS}0-9{_BULLETS}])|$)""")
#: The same for a text whose only stop character is the full stop: a literal first character is
#: found faster still.
_FULL_STOP_BOUNDARY = re.compile(_BOUNDARY.pattern.replace("[.!?…]", r"\.", 1))
_LAST_WORD_REVERSED = re.compile(r"[\w.]+")


class Sentence(NamedTuple):
    """A sentence's character span in the text and the paragraph it sits in (a named tuple: a
    report has dozens and they are made for every report)."""

    start: int
    end: int
    paragraph: int
    index: int


_new = tuple.__new__


#: Longer "sentences" (run-ons, lists without full stops) are cut at clause boundaries; real
#: sentences of reports are far shorter.
MAX_SENTENCE_CHARS = 1000
#: A longer paragraph (a one-line dump of a whole report, megabytes without a line break) is read
#: in windows of about this many characters, cut between sentences: each window counts as a
#: paragraph, so what a claim borrows from its paragraph (side, claimant, date) comes from near
#: it, and no claim's context grows with the file. Real paragraphs are far shorter.
MAX_PARAGRAPH_CHARS = 20_000


def _ends_with_abbreviation(chunk: str) -> bool:
    chunk = chunk.rstrip(".!?…\"'”»)] ")
    m = _LAST_WORD_REVERSED.match(chunk[::-1])  # the last word, read backwards
    if not m:
        return False
    word = chunk[len(chunk) - m.end():].casefold().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, with spans that point into ``text``.

    A paragraph longer than :data:`MAX_PARAGRAPH_CHARS` is cut into windows between sentences,
    numbered as paragraphs of their own (the paragraphs after it move up by as many).
    """
    out: list[Sentence] = []
    para_start = 0
    paragraphs = []
    # Blank lines separate paragraphs; text without any has one paragraph per line.
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    for m in separator.finditer(text):
        paragraphs.append((para_start, m.start()))
        para_start = m.end()
    paragraphs.append((para_start, len(text)))
    boundary = _BOUNDARY if "!" in text or "?" in text or "…" in text else _FULL_STOP_BOUNDARY
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        start = p_start
        # The paragraph is read in place: `endpos` ends the text there for "$" and the look-ahead.
        for m in boundary.finditer(text, p_start, p_end):
            end = m.end()
            if end < p_end and _ends_with_abbreviation(text[max(start, end - 40):end]):
                continue
            if end - start > MAX_SENTENCE_CHARS:
                _append(out, text, start, end, p_index)
            else:                                  # _append, written out for the usual sentence
                piece = text[start:end]
                size = len(piece.rstrip())
                if size:
                    lead = len(piece) - len(piece.lstrip())
                    out.append(_new(Sentence, (start + lead, start + size, p_index, len(out))))
            start = end
        _append(out, text, start, p_end, p_index)
    return _windows(out) if any(end - start > MAX_PARAGRAPH_CHARS for start, end in paragraphs) else out


def _windows(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with each paragraph longer than :data:`MAX_PARAGRAPH_CHARS` numbered as
    windows of whole sentences, none longer than that (unless one sentence is)."""
    out: list[Sentence] = []
    shift, window_start, previous = 0, 0, None
    for s in sentences:
        if s.paragraph != previous:
            previous, window_start = s.paragraph, s.start
        elif s.end - window_start > MAX_PARAGRAPH_CHARS:
            shift, window_start = shift + 1, s.start
        out.append(s._replace(paragraph=s.paragraph + shift) if shift else s)
    return out


def clause_spans(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``text[start:end]`` cut into pieces of at most ``limit`` characters, at a ";" or ","
    (else a space) where it can: run-on "sentences" of thousands of figures or places are
    then read piece by piece, in time that grows with their length, not its square.

    >>> clause_spans("a, b, c, d", 0, 10, limit=4)
    [(0, 2), (2, 5), (5, 8), (8, 10)]
    """
    pieces = []
    while end - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind(";"), window.rfind(","))
        if cut <= 0:
            cut = window.rfind(" ")
        cut = start + (cut + 1 if cut > 0 else limit)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    pieces = clause_spans(text, start, end) if end - start > MAX_SENTENCE_CHARS else ((start, end),)
    for piece_start, piece_end in pieces:
        piece = text[piece_start:piece_end]
        size = len(piece.rstrip())
        if size:
            lead = len(piece) - len(piece.lstrip())          # the spaces before the sentence
            # tuple.__new__ is Sentence(...) without the Python-level __new__ of a named tuple
            out.append(_new(Sentence, (piece_start + lead, piece_start + size, paragraph, len(out))))
