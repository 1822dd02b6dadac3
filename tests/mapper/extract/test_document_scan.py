"""A document read once: the matches in each of its parts are those the part read alone gives."""

import pytest

from gazetteer.theatres import default_theatre
from mapper._internal.anchored import AnchoredPattern
from mapper.extract import claimants as claimants_module
from mapper.extract import document_scan
from mapper.extract.claimants import Claimants
from mapper.extract.sentences import split_sentences
from mapper.extract.voices import HOME_LETTERS, home_side

REPORT = ("Sumy Regional Military Administration reported shelling of the border villages overnight.\n\n"
          "Two civilians were killed in Krasnopillia and three were wounded, the administration said.\n\n"
          "In Kursk Oblast, governor Alexei Smirnov wrote that a drone hit a car. "
          "One man was injured, according to the governor.\n\n"
          "The Sumy Regional Military Administration added that 4 more people were hurt in Velyka Pysarivka.")


def _parts(text: str) -> list[str]:
    """Its sentences, paragraphs, lines and some cuts across them."""
    sentences = split_sentences(text)
    out = [text[s.start:s.end] for s in sentences] + [p for p in text.split("\n\n")] + text.splitlines()
    out += [text[i:j] for i in range(0, len(text), 23) for j in (i + 7, i + 40, i + 111) if j <= len(text)]
    return [p for p in out if p]


@pytest.fixture()
def names():
    return Claimants(default_theatre().claimants)


def test_each_part_has_the_names_it_has_alone(names):
    document_scan.read(REPORT)
    for part in _parts(REPORT):
        assert [m.span() for m in document_scan.finditer(names.pattern, part)] == \
            [m.span() for m in names.pattern.finditer(part)], part
        alone = document_scan.DocumentScan(part)  # a part read as its own document
        assert alone.inside(names.pattern.automaton, True, part) is not None


def test_reporting_words_regions_and_search_of_each_part_are_its_own(names):
    document_scan.read(REPORT)
    for part in _parts(REPORT):
        assert [m.span() for m in document_scan.finditer(claimants_module._REPORTING, part, lower=True)] == \
            [m.span() for m in claimants_module._REPORTING.finditer(part.lower())]
        each = {k: [m.span() for m in v] for k, v in document_scan.finditer_each(names.regions, part).items()}
        assert each == {k: [m.span() for m in v] for k, v in names.regions.finditer_each(part).items()}
        found = document_scan.search(claimants_module._ACCORDING, part)
        alone = claimants_module._ACCORDING_TO.search(part)
        assert (found and (found.span(), found.groups())) == (alone and (alone.span(), alone.groups()))


@pytest.mark.parametrize("pattern,document,part", [
    # a lookbehind at the part's start: the document has "the " before it, the part alone has nothing
    (r"(?i)(?<=the )mission", "Figures of the Mission say 3 died.", "Mission say 3 died."),
    (r"(?i)(?<!russian )intelligence", "Russian intelligence said so.", "intelligence said so."),
    # a lookahead at the part's end: the document goes on past it, the part alone ends there
    (r"(?i)administration(?! of)", "The Sumy Administration of the region said.", "The Sumy Administration"),
    (r"(?i)(?<!\w)said(?!\w)", "He saidso. She said.", "He said"),
])
def test_lookarounds_at_a_parts_edges_see_only_the_part(pattern, document, part):
    anchored, at = AnchoredPattern(pattern), document.index(part)
    in_document = [(m.start() - at, m.end() - at) for m in anchored.finditer(document)
                   if at <= m.start() and m.end() <= at + len(part)]
    alone = [m.span() for m in anchored.finditer(part)]
    assert alone != in_document  # the part's edges matter here
    document_scan.read(document)
    assert [m.span() for m in document_scan.finditer(anchored, part)] == alone
    found, want = document_scan.search(anchored, part), anchored.search(part)
    assert (found and found.span()) == (want and want.span())


def test_a_part_with_a_capital_sigma_or_a_dotted_capital_i_is_read_alone(names):
    for document in ("ΣΑΣ said: İstanbul police said two died.", "Police said ΟΔΟΣ two died."):
        document_scan.read(document)
        for part in _parts(document):
            assert [m.span() for m in document_scan.finditer(claimants_module._REPORTING, part, lower=True)] == \
                [m.span() for m in claimants_module._REPORTING.finditer(part.lower())]
            assert [m.span() for m in document_scan.finditer(names.pattern, part)] == \
                [m.span() for m in names.pattern.finditer(part)]


def test_claims_read_from_the_document_are_those_read_alone():
    """A claimant named in one paragraph and a figure in another; the same office named twice."""
    doc = split_sentences(REPORT)
    sentences = [REPORT[s.start:s.end] for s in doc]
    paragraphs = {s.paragraph: " ".join(REPORT[x.start:x.end] for x in doc if x.paragraph == s.paragraph) for s in doc}
    scanned = Claimants(default_theatre().claimants)
    scanned.read(REPORT)
    got = [scanned.claim(t, paragraphs[s.paragraph], REPORT, span=(s.start, s.end), at=0).fields()
           for s, t in zip(doc, sentences)]
    got += [scanned.claim(t).fields() for t in sentences]
    alone = Claimants(default_theatre().claimants)
    want = []
    for s, t in zip(doc, sentences):
        document_scan._CURRENT.clear()
        want.append(alone.claim(t, paragraphs[s.paragraph], REPORT, span=(s.start, s.end), at=0).fields())
    for t in sentences:
        document_scan._CURRENT.clear()
        want.append(alone.claim(t).fields())
    assert got == want
    assert got[1]["claimed_by"] == got[4]["claimed_by"] != ""  # "the administration" is the one named above


def test_a_posts_letters_are_counted_as_the_class_matches_them():
    from mapper.extract.voices import _HOME_COUNTS

    every = "".join(map(chr, range(0x110000)))
    assert [(tuple(sorted(rx.findall(every))), side) for rx, side in HOME_LETTERS] == _HOME_COUNTS
    assert home_side("Їхали ми") == "Ukrainian forces" and home_side("Мы ехали") == "Russian forces"
    assert home_side("We drove") == "" and home_side("ᲆ") == "Russian forces"  # a further case of ъ
