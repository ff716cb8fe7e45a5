"""Charts as server-rendered SVG: bars, lines and a simple map of the regions.

No script, no inline style (the Content-Security-Policy forbids both): presentation attributes
and classes only. Each chart has a <title> and <desc> (role="img"), every mark links to the table
it comes from, and suppressed values are drawn as hatched marks labelled "suppressed", never as
zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import conditional_escape, mark_safe
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

INK, MUTED, ACCENT, GRID = "#1b1f24", "#4a5360", "#0b5cad", "#cfd5dd"
SHADES = ("#deebf7", "#9ecae1", "#4f8fc6", "#2a6aa8", "#0b3f75")
SERIES = ("#0b5cad", "#b3480b", "#1e6b33", "#6a3d9a", "#8a6d00", "#a4161a")


@dataclass(frozen=True)
class Mark:
    label: str
    value: float | None
    href: str = ""
    shown: str = ""  # the value as text ("" -> "suppressed")


def _svg(template: str, *args) -> SafeString:
    """`template` filled with escaped arguments, floats to one decimal."""
    values = [f"{a:.1f}" if isinstance(a, float) else conditional_escape(a) for a in args]
    return mark_safe(template.format(*values))  # noqa: S308 - every argument is escaped


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return _("suppressed")
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text} %" if unit == "percent" else text


def _open(chart_id: str, title: str, desc: str, width: int, height: int, marks=()) -> str:
    """The <svg> start: an image, or a group when its marks are links (an image cannot hold
    interactive content)."""
    role = "group" if any(m.href for m in marks) else "img"
    return _svg(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="{}"'
        ' aria-labelledby="{}-title {}-desc" preserveAspectRatio="xMinYMin meet">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '<defs><pattern id="{}-hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern></defs>',
        width, height, role, chart_id, chart_id, chart_id, title, chart_id, desc, chart_id,
    )  # fmt: skip


def _link(href: str, body: str, label: str) -> str:
    if not href:
        return body
    return _svg('<a href="{}" aria-label="{}">{}</a>', href, label, mark_safe(body))  # noqa: S308


def describe(marks: list[Mark], unit: str) -> str:
    return "; ".join(f"{m.label}: {m.shown or _number(m.value, unit)}" for m in marks)


def bar_chart(chart_id: str, title: str, marks: list[Mark], unit: str) -> SafeString:
    label_width, bar_width, row = 170, 250, 30
    height = 20 + row * max(len(marks), 1)
    width = label_width + bar_width + 100
    top = max([m.value for m in marks if m.value is not None] + [0])
    scale = bar_width / top if top else 0
    parts = [_open(chart_id, title, describe(marks, unit), width, height, marks)]
    for index, mark in enumerate(marks):
        y = 10 + index * row
        text = mark.shown or _number(mark.value, unit)
        parts.append(
            _svg(
                '<text x="{}" y="{}" text-anchor="end" fill="{}" font-size="13">{}</text>',
                label_width - 8,
                y + 18,
                INK,
                mark.label[:30],
            )  # fmt: skip
        )
        if mark.value is None:
            bar = _svg(
                '<rect x="{}" y="{}" width="{}" height="20" fill="url(#{}-hatch)"'
                ' stroke="#767676"><title>{}: {}</title></rect>',
                label_width, y + 4, 40, chart_id, mark.label, text,
            )  # fmt: skip
            end = label_width + 40
        else:
            length = max(1.0, mark.value * scale)
            bar = _svg(
                '<rect x="{}" y="{}" width="{}" height="20" fill="{}"><title>{}: {}</title>'
                "</rect>",
                label_width, y + 4, length, ACCENT, mark.label, text,
            )  # fmt: skip
            end = label_width + length
        parts.append(_link(mark.href, bar, f"{mark.label}: {text}"))
        parts.append(
            _svg(
                '<text x="{}" y="{}" fill="{}" font-size="13">{}</text>',
                end + 6,
                y + 18,
                MUTED if mark.value is None else INK,
                text,
            )  # fmt: skip
        )
    parts.append("</svg>")
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - every part is escaped


def line_chart(
    chart_id: str, title: str, periods: list[str], series: list[tuple[str, list[Mark]]], unit: str
) -> SafeString:
    width, height, left, right, top, bottom = 640, 280, 60, 150, 20, 40
    values = [m.value for _name, marks in series for m in marks if m.value is not None]
    high = max(values + [0]) * 1.1 or 1
    if unit == "count":
        high = 4 * math.ceil(high / 4)  # whole numbers on the axis
    span_x = (width - left - right) / max(len(periods) - 1, 1)

    def x(i: int) -> float:
        return left + i * span_x

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - v / high)

    desc = " | ".join(f"{name}: {describe(marks, unit)}" for name, marks in series)
    parts = [_open(chart_id, title, desc, width, height, [m for _n, ms in series for m in ms])]
    for step in range(5):
        value = high * step / 4
        parts.append(
            _svg(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/><text x="{}" y="{}"'
                ' text-anchor="end" fill="{}" font-size="11">{}</text>',
                left,
                width - right,
                y(value),
                y(value),
                GRID,
                left - 6,
                y(value) + 4,
                MUTED,
                _number(round(value, 1), unit),
            )  # fmt: skip
        )
    for i, period in enumerate(periods):
        parts.append(
            _svg(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-size="11">{}</text>',
                x(i),
                height - bottom + 16,
                MUTED,
                period,
            )  # fmt: skip
        )
    for number, (name, marks) in enumerate(series):
        colour = SERIES[number % len(SERIES)]
        segment: list[str] = []
        for i, mark in enumerate(marks):
            if mark.value is None:
                parts.append(_polyline(segment, colour))
                segment = []
                parts.append(
                    _svg(
                        '<circle cx="{}" cy="{}" r="5" fill="url(#{}-hatch)" stroke="#767676">'
                        "<title>{}, {}: {}</title></circle>",
                        x(i),
                        height - bottom - 6,
                        chart_id,
                        name,
                        periods[i],
                        _("suppressed"),
                    )  # fmt: skip
                )
                continue
            segment.append(f"{x(i):.1f},{y(mark.value):.1f}")
            dot = _svg(
                '<circle cx="{}" cy="{}" r="4" fill="{}">'
                "<title>{}, {}: {}</title></circle>",
                x(i), y(mark.value), colour, name, periods[i], _number(mark.value, unit),
            )  # fmt: skip
            parts.append(_link(mark.href, dot, f"{name}, {periods[i]}"))
        parts.append(_polyline(segment, colour))
        parts.append(
            _svg(
                '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="{}" fill="{}" font-size="12">{}</text>',
                width - right + 12,
                top + number * 20,
                colour,
                width - right + 30,
                top + number * 20 + 11,
                INK,
                name[:18],
            )  # fmt: skip
        )
    parts.append("</svg>")
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - every part is escaped


def _polyline(points: list[str], colour: str) -> str:
    if len(points) < 2:
        return ""
    return _svg(
        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>',
        " ".join(points),
        colour,
    )


# The demo regions (Moldova) as simple shapes, north to south; others are listed beside the map.
SHAPES = {
    "Bălți": "40,10 170,20 190,120 60,140 20,80",
    "Chișinău": "60,140 190,120 230,230 90,260 50,200",
    "Cahul": "90,260 230,230 210,380 150,410 100,350",
}
CENTRES = {"Bălți": (100, 75), "Chișinău": (135, 190), "Cahul": (155, 320)}


def region_map(chart_id: str, title: str, marks: list[Mark], unit: str) -> SafeString:
    known = [v for m in marks if (v := m.value) is not None]
    low, high = (min(known), max(known)) if known else (0, 0)

    def shade(value: float) -> str:
        if high == low:
            return SHADES[2]
        return SHADES[min(4, int(5 * (value - low) / (high - low)))]

    others = [m for m in marks if m.label not in SHAPES]
    present = {m.label for m in marks}
    marks = marks + [Mark(name, None, "", _("no data")) for name in SHAPES if name not in present]
    height = max(420, 30 + 26 * len(others))
    parts = [_open(chart_id, title, describe(marks, unit), 520, height, marks)]
    for mark in marks:
        if mark.label not in SHAPES:
            continue
        text = mark.shown or _number(mark.value, unit)
        fill = f"url(#{chart_id}-hatch)" if mark.value is None else shade(mark.value)
        if mark.shown:
            fill = "#eeeeee"
        shape = _svg(
            '<polygon points="{}" fill="{}" stroke="#ffffff" stroke-width="2">'
            "<title>{}: {}</title></polygon>",
            SHAPES[mark.label], fill, mark.label, text,
        )  # fmt: skip
        parts.append(_link(mark.href, shape, f"{mark.label}: {text}"))
        cx, cy = CENTRES[mark.label]
        dark = mark.value is not None and shade(mark.value) in SHADES[2:]
        parts.append(
            _svg(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-size="13">'
                '<tspan x="{}" dy="0">{}</tspan><tspan x="{}" dy="16">{}</tspan></text>',
                cx,
                cy,
                "#ffffff" if dark else INK,
                cx,
                mark.label,
                cx,
                text,
            )  # fmt: skip
        )
    for index, mark in enumerate(others):
        y = 20 + index * 26
        text = mark.shown or _number(mark.value, unit)
        fill = f"url(#{chart_id}-hatch)" if mark.value is None else shade(mark.value)
        swatch = _svg(
            '<rect x="270" y="{}" width="16" height="16" fill="{}" stroke="#767676"/>', y, fill
        )
        parts.append(_link(mark.href, swatch, f"{mark.label}: {text}"))
        parts.append(
            _svg(
                '<text x="294" y="{}" fill="{}" font-size="13">{}: {}</text>',
                y + 13,
                INK,
                mark.label[:24],
                text,
            )  # fmt: skip
        )
    parts.append("</svg>")
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - every part is escaped
