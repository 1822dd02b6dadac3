"""A list bullet after a full stop opens a sentence: the oblast heading of the next bullet is not the
context of the last sentence of the one before (issue 16). Sentences written for the test."""

from __future__ import annotations

from mapper.extract.geoparse import geoparse_text
from mapper.extract.sentences import split_sentences


def test_a_bullet_after_a_full_stop_starts_a_sentence():
    # (a text with blank lines reads a paragraph across its line breaks)
    text = "Огляд ночі.\n\n• Сумщина. Уламки впали у дворі.\n• Харківщина. Пошкоджено склад."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Огляд ночі.", "• Сумщина.", "Уламки впали у дворі.", "• Харківщина.", "Пошкоджено склад."]


def test_a_bullet_without_a_full_stop_before_it_is_left_alone():
    text = "Огляд ночі.\n\nЗагинули двоє:\n• водій\n• пасажир."
    assert len(split_sentences(text)) == 2


def test_a_town_before_the_next_bullet_is_placed_in_its_own_oblast():
    text = ("Зведення за добу.\n\n• Сумщина. У Путивлі пошкоджено два будинки.\n"
            "• Харківщина. У Золочеві вибито вікна у школі.")
    places = {m.text: m.resolution for m in geoparse_text(text)}
    assert places["Путивлі"].resolved and places["Путивлі"].place.admin1 == "Sumy Oblast", places["Путивлі"].reason
