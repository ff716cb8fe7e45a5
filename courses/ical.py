"""iCalendar (RFC 5545) for a group's sessions, written by hand: CRLF line ends, content lines
folded at 75 octets without splitting a UTF-8 character, TEXT values escaped, times in UTC."""

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone

CRLF = "\r\n"
MAX_OCTETS = 75
PRODID = "-//Integra//Course sessions//EN"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line into physical lines of at most 75 octets (RFC 5545 3.1); each
    continuation line starts with a single space, which counts towards its 75."""
    pieces: list[str] = []
    current, size, limit = [], 0, MAX_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _zone(name: str):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def session_lines(session, group, course, stamp: str) -> list[str]:
    zone = _zone(course.time_zone)
    start = datetime.combine(session.date, session.start_time, tzinfo=zone)
    end = datetime.combine(session.date, session.end_time, tzinfo=zone)
    summary = f"{course.title} · {group.name}"
    if session.topic:
        summary += f": {session.topic}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{session.uid}@integra",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{utc_stamp(start)}",
        f"DTEND:{utc_stamp(end)}",
        f"SUMMARY:{escape_text(summary)}",
    ]
    if course.location:
        lines.append(f"LOCATION:{escape_text(course.location)}")
    lines.append("END:VEVENT")
    return lines


def calendar(group, sessions: Iterable, now: datetime | None = None) -> str:
    """The whole VCALENDAR text for a group's sessions."""
    stamp = utc_stamp(now or timezone.now())
    course = group.course
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(f'{course.title} · {group.name}')}",
    ]
    for session in sessions:
        lines.extend(session_lines(session, group, course, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
