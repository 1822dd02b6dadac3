"""Telegram Desktop channel exports (``result.json``) as reports: one report per message.

Every export here is written by the tests, as Telegram Desktop lays it out (name, type, id, then
the messages), with posts of our own in Russian, Ukrainian and English.
"""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from mapper.exc import InputError
from mapper.ingest import telegram_export
from mapper.ingest.documents import Document, read_documents
from mapper.ingest.telegram_export import ExportCounts, channel_option, public_username, read_export

D = datetime.date

RU_POST = ["Утром ВСУ обстреляли ", {"type": "bold", "text": "Шебекино"},
           ". Погибли двое мирных жителей, ещё пятеро ранены. ", {"type": "hashtag", "text": "#Шебекино"}]
UK_POST = ["Внаслідок обстрілу Сум загинули троє людей, ще семеро поранені. Деталі — ",
           {"type": "text_link", "text": "на сайті ОВА", "href": "javascript:alert(document.cookie)"}, "."]
EN_POST = "A Russian drone strike on Sudzha killed four civilians and wounded six, officials said."


def message(msg_id: int, text, *, date: str = "2024-12-16T08:15:00", **extra) -> dict:
    """A message as Telegram Desktop exports it (``date`` local, ``date_unixtime`` UTC)."""
    stamp = datetime.datetime.fromisoformat(date).replace(tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    entities = [{"type": "plain", "text": t} if isinstance(t, str) else t for t in
                (text if isinstance(text, list) else [text])]
    return {"id": msg_id, "type": "message", "date": date, "date_unixtime": str(int(stamp.timestamp())),
            "from": "Border Watch", "from_id": "channel1001", "text": text, "text_entities": entities, **extra}


def channel_messages() -> list:
    """Posts, a service message, a media-only message, a forward and an edited post."""
    return [
        {"id": 1, "type": "service", "date": "2024-12-15T20:00:00", "date_unixtime": "1734282000",
         "actor": "Border Watch", "actor_id": "channel1001", "action": "create_channel", "title": "Border Watch",
         "text": "", "text_entities": []},
        message(2, RU_POST, date="2024-12-16T08:15:00"),
        message(3, "", date="2024-12-16T09:00:00", photo="photos/photo_3@16-12-2024_09-00-00.jpg",
                width=1280, height=720),
        message(4, UK_POST, date="2024-12-17T11:30:00", edited="2024-12-19T10:00:00",
                edited_unixtime="1734591600"),
        message(5, EN_POST, date="2024-12-18T23:40:00", forwarded_from="Kursk Frontline News"),
        {"id": 6, "type": "service", "date": "2024-12-18T23:50:00", "action": "pin_message",
         "message_id": 5, "text": "", "text_entities": []},
    ]


def write_export(path: Path, messages: list, **header) -> Path:
    """``result.json`` as Telegram Desktop writes it: one-space indents, UTF-8, no escapes."""
    data = {"name": "Border Watch", "type": "public_channel", "id": 1001, **header, "messages": messages}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read_all(inputs, **kwargs) -> tuple[list[Document], list[InputError]]:
    errors: list[InputError] = []
    return list(read_documents(inputs, errors=errors, **kwargs)), errors


@pytest.fixture
def export(tmp_path) -> Path:
    return write_export(tmp_path / "result.json", channel_messages())


# --- one report per message -------------------------------------------------------------------------

def test_each_message_with_text_is_one_report_dated_by_its_own_date(export):
    docs, errors = read_all([export], telegram_channel="border_watch")
    assert errors == []
    assert [d.id for d in docs] == ["telegram-1001:2", "telegram-1001:4", "telegram-1001:5"]
    ru, uk, en = docs
    assert ru.text == "Утром ВСУ обстреляли Шебекино. Погибли двое мирных жителей, ещё пятеро ранены. #Шебекино"
    assert uk.text.endswith("Деталі — на сайті ОВА.")
    assert en.text == EN_POST
    assert [d.published for d in docs] == [D(2024, 12, 16), D(2024, 12, 17), D(2024, 12, 18)]   # not the edit date
    assert {d.source_name for d in docs} == {"Border Watch"}
    assert [d.url for d in docs] == [f"https://t.me/border_watch/{n}" for n in (2, 4, 5)]
    assert en.title == "Forwarded from Kursk Frontline News" and ru.title == uk.title == ""
    assert all(d.path == str(export) for d in docs)


def test_a_link_is_only_its_visible_text_and_no_href_reaches_a_document(export):
    docs, _ = read_all([export], telegram_channel="border_watch")
    for doc in docs:
        for value in (doc.text, doc.title, doc.url, doc.source_name):
            assert "javascript" not in value and "cookie" not in value


def test_service_and_media_only_messages_are_counted_not_errors(export):
    counts = ExportCounts()
    docs = list(read_export(export, counts=counts))
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert (counts.messages, counts.reports, counts.service, counts.no_text, counts.malformed) == (6, 3, 2, 1, 0)


def test_without_a_public_username_there_is_no_link(export, tmp_path):
    docs, errors = read_all([export])
    assert errors == [] and [d.url for d in docs] == ["", "", ""]
    private = write_export(tmp_path / "closed.json", channel_messages(), type="private_channel", id=2002,
                           name="Closed Chat")
    docs, _ = read_all([private], telegram_channel="border_watch")       # a name for any channel: not a private one
    assert [d.url for d in docs] == ["", "", ""] and docs[0].source_name == "Closed Chat"
    docs, _ = read_all([private], telegram_channel={"2002": "closed_chat"})   # named for this channel by its id
    assert docs[0].url == "https://t.me/closed_chat/2"


def test_a_username_in_the_export_is_used_and_a_keyed_option_picks_its_channel(tmp_path):
    first = write_export(tmp_path / "a.json", channel_messages(), username="border_watch")
    second = write_export(tmp_path / "b.json", channel_messages()[:3], id=3003, name="Sumy Watch")
    docs, errors = read_all([first, second], telegram_channel=channel_option(["Sumy Watch=@sumy_watch"]))
    assert errors == []
    assert [d.url for d in docs] == ["https://t.me/border_watch/2", "https://t.me/border_watch/4",
                                     "https://t.me/border_watch/5", "https://t.me/sumy_watch/2"]
    assert [d.id for d in docs][-1] == "telegram-3003:2"


def test_usernames_are_checked():
    assert public_username("https://t.me/border_watch") == "border_watch"
    for bad in ("", "@", "a b", "javascript:alert(1)", "t.me/", "x" * 40, "1abc_def"):
        with pytest.raises(ValueError):
            public_username(bad)


def test_an_export_with_its_keys_in_another_order_is_read_after_parsing(tmp_path):
    data = {"messages": channel_messages(), "id": 1001, "name": "Border Watch", "type": "public_channel"}
    path = tmp_path / "sorted.json"
    path.write_text(json.dumps(data, ensure_ascii=True, sort_keys=True), encoding="utf-8")
    assert not telegram_export.is_export_file(path)
    docs, errors = read_all([path])
    assert errors == [] and [d.id for d in docs] == ["telegram-1001:2", "telegram-1001:4", "telegram-1001:5"]
    assert docs[0].text.startswith("Утром ВСУ обстреляли Шебекино.")


def test_an_export_folder_and_an_export_on_standard_input_are_read(tmp_path):
    folder = tmp_path / "ChatExport_2024-12-20"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "photo_3@16-12-2024_09-00-00.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    write_export(folder / "result.json", channel_messages())
    docs, errors = read_all([folder], telegram_channel="border_watch")
    assert errors == [] and [d.url for d in docs] == [f"https://t.me/border_watch/{n}" for n in (2, 4, 5)]
    piped, errors = read_all(["-"], stdin=io.BytesIO((folder / "result.json").read_bytes()))
    assert errors == [] and [(d.id, d.text, d.published) for d in piped] == [(d.id, d.text, d.published) for d in docs]


def test_other_json_reports_are_read_as_before(tmp_path):
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"id": "r1", "text": EN_POST, "published": "2024-12-18",
                                "messages": ["not", "a", "channel"]}), encoding="utf-8")
    docs, errors = read_all([path])
    assert errors == [] and [(d.id, d.text) for d in docs] == [("r1", EN_POST)]


# --- bad input ------------------------------------------------------------------------------------------

def test_an_export_cut_in_the_middle_keeps_its_complete_messages_and_gives_one_line(export, tmp_path):
    whole = export.read_bytes()
    cut = tmp_path / "cut" / "result.json"
    cut.parent.mkdir()
    cut.write_bytes(whole[:whole.index("на сайті ОВА".encode())])          # inside message 4
    good = write_export(tmp_path / "good.json", channel_messages()[:2], id=4004)
    docs, errors = read_all([cut, good])
    assert [d.id for d in docs] == ["telegram-1001:2", "telegram-4004:2"]
    assert len(errors) == 1 and "\n" not in str(errors[0])
    assert str(errors[0]).startswith(f"{cut}: Telegram export cut short at line ")
    assert "the 3 messages before it were read" in str(errors[0])


def test_malformed_messages_are_skipped_with_one_line_naming_the_file(tmp_path):
    broken = [*channel_messages(),
              message(7, ["Обстріл ", 42, " Сум"]),
              {"id": 8, "type": "message", "text": [{"type": "bold", "href": "x"}]},
              "not a message",
              {"type": "message", "text": "no id"}]
    path = write_export(tmp_path / "result.json", broken)
    counts = ExportCounts()
    found = list(read_export(path, counts=counts))
    docs = [f for f in found if isinstance(f, Document)]
    errors = [f for f in found if isinstance(f, InputError)]
    assert len(docs) == 3 and counts.malformed == 4 and counts.reports == 3
    assert len(errors) == 1
    line = str(errors[0])
    assert line.startswith(f"{path}: Telegram export: 4 malformed message(s) skipped (message 7: text item 2 is a number")
    assert "message 8: text item 1 is null" in line and "item 9 of messages is a string" in line and "..." in line
    again = [str(f) for f in read_export(path, counts=counts) if isinstance(f, InputError)]   # counts summed,
    assert again == [line] and counts.malformed == 8 and counts.messages == 20              # positions per file


def test_a_message_nested_too_deeply_stops_the_export_with_one_line(tmp_path):
    path = write_export(tmp_path / "result.json", channel_messages()[:2])
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.rpartition("\n ]")
    path.write_text(head + ',\n{"id": 9, "type": "message", "text": ' + "[" * 200_000 + "]" * 200_000 + "}" + "\n ]"
                    + tail, encoding="utf-8")
    docs, errors = read_all([path])
    assert [d.id for d in docs] == ["telegram-1001:2"]
    assert [str(e) for e in errors] == [f"{path}: Telegram export nested too deeply; the 2 messages before it were read"]


def test_a_channel_name_with_line_breaks_is_one_line(tmp_path):
    messages = [message(2, EN_POST, forwarded_from="Kursk\nFrontline\u2028 News")]
    path = write_export(tmp_path / "result.json", messages, name=" Border\r\nWatch ")
    [doc] = read_all([path])[0]
    assert doc.source_name == "Border Watch" and doc.title == "Forwarded from Kursk Frontline News"


def test_a_truncated_export_among_other_inputs_gives_one_cli_error_line(export, tmp_path):
    cut = tmp_path / "cut.json"
    cut.write_bytes(export.read_bytes()[:200])
    proc = run_cli("geoparse", str(cut), str(export), "--telegram-channel", "@border_watch")
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"conflictmap: error: {cut}: Telegram export cut short")
    assert {json.loads(line)["doc"] for line in proc.stdout.splitlines()} == {
        "telegram-1001:2", "telegram-1001:4", "telegram-1001:5"}


def test_a_bad_username_option_is_a_usage_error(export):
    proc = run_cli("extract", str(export), "--telegram-channel", "javascript:alert(1)")
    assert proc.returncode == 2 and "not a public Telegram username" in proc.stderr


# --- end to end -----------------------------------------------------------------------------------------

def test_extract_gives_events_dated_by_the_message_with_the_channel_as_source(export):
    import mapper

    events = mapper.extract_events(mapper.read_documents([export], telegram_channel="border_watch"))
    assert events
    by_doc = {e.doc_id: e for e in events}
    ru = by_doc["telegram-1001:2"]
    assert ru.killed == 2 and ru.wounded == 5 and ru.event_date == D(2024, 12, 16)
    assert ru.source_name == "Border Watch" and ru.source_url == "https://t.me/border_watch/2"
    en = by_doc["telegram-1001:5"]
    assert en.killed == 4 and en.published == D(2024, 12, 18)
    assert en.source_url == "https://t.me/border_watch/5"
    for event in events:
        assert "javascript" not in json.dumps([str(v) for v in vars(event).values()])


def test_conflictmap_extract_on_an_export_writes_the_t_me_links(export):
    proc = run_cli("extract", str(export), "--telegram-channel", "https://t.me/border_watch")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert records and {r["source_name"] for r in records} == {"Border Watch"}
    assert {r["source_url"] for r in records} <= {f"https://t.me/border_watch/{n}" for n in (2, 4, 5)}
    assert "javascript" not in proc.stdout


# --- size ---------------------------------------------------------------------------------------------

def test_a_50_mb_export_is_read_over_the_report_limit_in_bounded_memory(tmp_path):
    """A 50 MB export (over the 20 MB limit of a report file) is read message by message: the
    process's peak memory stays within a few times the file's size."""
    path = tmp_path / "big.json"
    post = "Утром обстреляли Шебекино 🔥, погибли двое мирных жителей. " * 8
    with open(path, "w", encoding="utf-8") as f:
        f.write('{\n "name": "Border Watch",\n "type": "public_channel",\n "id": 1001,\n "messages": [\n')
        n = 0
        while f.tell() < 50 * 2**20:
            n += 1
            f.write(("" if n == 1 else ",\n") + json.dumps(message(n, [post, {"type": "bold", "text": "Суджа"}]),
                                                           ensure_ascii=False, indent=1))
        f.write("\n ]\n}\n")
    script = ("import resource, sys; from mapper.ingest.documents import read_documents\n"
              "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
              "n = sum(1 for _ in read_documents([sys.argv[1]]))\n"
              "print(n, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024)\n")
    proc = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    count, grown_mb = map(int, proc.stdout.split())
    assert count == n
    assert grown_mb < 300, f"{grown_mb} MB for a 50 MB export"        # json.load alone takes about 250
