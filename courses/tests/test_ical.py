"""The iCalendar export, parsed back: CRLF line ends, lines of at most 75 octets, escaped TEXT,
times in UTC."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory, sign_in
from courses import ical

from .factories import session

NOW = datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.UTC)


def unfold(text: str) -> list[str]:
    """Content lines of an RFC 5545 text: physical lines joined where folded."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def events(text: str) -> list[dict]:
    found, current = [], None
    for line in unfold(text):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return found


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_folding_keeps_lines_short_and_unfolds_to_the_original(text):
    line = "SUMMARY:" + ical.escape_text(text)
    folded = ical.fold(line)
    physical = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert unfold(folded + "\r\n") == [line]
    assert unescape(line.removeprefix("SUMMARY:")) == text.replace("\r\n", "\n").replace("\r", "\n")


def test_a_multibyte_character_is_never_split():
    folded = ical.fold("SUMMARY:" + "ሃ" * 60)
    for piece in folded.split("\r\n"):
        piece.encode("utf-8").decode("utf-8")  # raises if a character was cut
        assert len(piece.encode("utf-8")) <= 75


@pytest.mark.django_db
def test_the_groups_sessions_parse_back_with_utc_times(group):
    group.course.title = (
        "Deutsch A2; Integrationskurs, Wien — ein sehr langer Kurstitel mit Umlauten äöü"
    )
    group.course.save()
    lessons = [
        session(group, date=datetime.date(2026, 3, 2), topic="Wohnen, Miete; Nachbarn"),
        session(
            group,
            date=datetime.date(2026, 7, 6),
            start_time=datetime.time(18, 0),
            end_time=datetime.time(20, 30),
        ),
    ]
    text = ical.calendar(group, group.sessions.all(), now=NOW)
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    assert any(line.startswith("PRODID:") for line in lines)
    first, second = events(text)
    assert first["UID"] == f"{lessons[0].uid}@integra"
    assert first["DTSTAMP"] == "20260302T083000Z"
    # Vienna is UTC+1 in March and UTC+2 in July.
    assert (first["DTSTART"], first["DTEND"]) == ("20260302T080000Z", "20260302T110000Z")
    assert (second["DTSTART"], second["DTEND"]) == ("20260706T160000Z", "20260706T183000Z")
    assert (
        unescape(first["SUMMARY"])
        == f"{group.course.title} · {group.name}: Wohnen, Miete; Nachbarn"
    )
    assert unescape(first["LOCATION"]) == "Mariahilfer Straße 1, 1060 Wien"
    assert all(len(p.encode()) <= 75 for p in text.split("\r\n"))


@pytest.mark.django_db
def test_the_calendar_download(client, group):
    session(group)
    sign_in(client, group.teacher)
    response = client.get(f"/courses/groups/{group.pk}/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert len(events(response.content.decode())) == 1
    sign_in(client, UserFactory(role="analyst"))
    assert client.get(f"/courses/groups/{group.pk}/calendar.ics").status_code == 404
