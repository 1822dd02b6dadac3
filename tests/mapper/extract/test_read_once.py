"""What is read once for a report (or once for a sentence told twice) gives the answers reading each
sentence on its own gives."""

from __future__ import annotations

import datetime

from mapper.extract import casualties, dates
from mapper.extract.casualties import find_figures
from mapper.extract.dates import resolve_event_date
from mapper.extract.extractor import _Report
from mapper.extract.increments import with_increments
from mapper.extract.sentences import split_sentences

SENTENCES = [
    "Two soldiers were killed and 5 wounded near the river crossing on Sunday.",
    "Двое мирных жителей погибли, ещё трое ранены в субботу.",
    "Троє людей загинули внаслідок обстрілу минулого тижня.",
    "personnel ‒ about 870,120 (+1,310) persons",
    "The bridge was rebuilt in March.",
]


def _fresh(sentence: str) -> list:
    return with_increments(sentence, casualties._figures_in(sentence))


def test_a_sentence_told_again_has_the_figures_of_its_first_reading():
    for sentence in SENTENCES:
        first, again = find_figures(sentence), find_figures(str(sentence))  # (an equal string, not the same one)
        assert first == again == _fresh(sentence)
        first.clear()  # the caller's list is its own
        assert find_figures(sentence) == _fresh(sentence)


def test_a_sentence_dated_again_has_the_date_of_its_first_reading():
    published = datetime.date(2025, 3, 12)
    for sentence in SENTENCES:
        assert resolve_event_date(sentence, published) == resolve_event_date(sentence, published)
        assert resolve_event_date(sentence, published) == resolve_event_date.__wrapped__(sentence, published)
    later = datetime.date(2025, 3, 20)  # another report's day: another answer
    assert resolve_event_date(SENTENCES[0], later) == resolve_event_date.__wrapped__(SENTENCES[0], later)
    assert resolve_event_date(SENTENCES[0], later) != resolve_event_date(SENTENCES[0], published)
    assert dates.resolve_event_date.cache_info().hits


def test_text_without_a_plus_adds_no_increment():
    """The day's addition is written "(+1,310)": a sentence without a "+" keeps its figures as found."""
    for sentence in SENTENCES:
        figures = casualties._figures_in(sentence)
        added = with_increments(sentence, figures)
        assert added[:len(figures)] == figures if "+" not in sentence else len(added) == len(figures) + 1
        assert [f.increment for f in added].count(True) == (1 if "+" in sentence else 0)


class _Doc:
    def __init__(self, text):
        self.text, self.published, self.id = text, datetime.date(2025, 3, 12), "doc"


def test_paragraph_spans_read_from_the_paragraph_runs():
    """The span of a sentence's paragraph, from the paragraph's first and last sentence (within 50
    sentences of it), is what reading the sentences around it one by one gives."""
    long = " ".join(f"Sentence number {i} of the long paragraph." for i in range(130))
    text = "A heading line\n\n" + long + "\n\nTwo were hurt. One was killed.\n\nLast words."
    sentences = split_sentences(text)
    report = _Report.of(_Doc(text), sentences, [], set())
    for s in sentences:
        same = [x for x in sentences[max(0, s.index - 50):s.index + 50] if x.paragraph == s.paragraph]
        assert report.paragraph_span(s) == (same[0].start, same[-1].end)
        assert report.paragraph(s.paragraph) == " ".join(text[x.start:x.end] for x in sentences
                                                         if x.paragraph == s.paragraph)
