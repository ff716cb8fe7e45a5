"""The staff interface is fully translated into every shipped language.

The .po files under locale/ are the source of truth for which strings exist; the compiled .mo
files (built by `make messages` before the tests) are what Django actually serves, so both are
checked: every msgid of every catalog must have a non-empty translation in every .mo.
"""

import gettext
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LANGUAGES = ["ro", "ru", "uk", "ar"]
NON_LATIN = {"ru", "uk", "ar"}
# Same Plural-Forms as Django's own catalogs for these languages.
NPLURALS = {"ro": 3, "ru": 4, "uk": 4, "ar": 6}
# The translation of "Password" on the sign-in page.
PASSWORD_LABEL = {"ro": "Parolă", "ru": "Пароль", "uk": "Пароль", "ar": "كلمة المرور"}

NAMED_ARG = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
PO_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: PO_ESCAPES.get(m.group(1), m.group(0)), text)


def parse_po(path: Path) -> list[tuple[str, str | None]]:
    """(msgid, msgid_plural or None) of every live entry, header excluded."""
    entries: list[tuple[str, str | None]] = []
    current: dict[str, str] = {}
    keyword = None

    def flush():
        if "msgid" in current and current["msgid"]:
            entries.append((current["msgid"], current.get("msgid_plural")))
        current.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):  # comments, flags and obsolete (#~) entries
            if not line:
                flush()
                keyword = None
            continue
        word, _, rest = line.partition(" ")
        if word in ("msgctxt", "msgid", "msgid_plural") or word.startswith("msgstr"):
            if word in ("msgctxt", "msgid") and "msgid" in current:
                flush()
            keyword = word
            line = rest
        if keyword is None:
            raise AssertionError(f"{path}: cannot parse line {raw!r}")
        value = "".join(_unescape(m) for m in PO_STRING.findall(line))
        current[keyword] = current.get(keyword, "") + value
    flush()
    return entries


@cache
def english_catalog() -> frozenset[tuple[str, str | None]]:
    """Every source string, gathered from all the .po files (they must agree)."""
    catalogs = {}
    for lang in LANGUAGES:
        po = _locale_dir() / lang / "LC_MESSAGES" / "django.po"
        if not po.exists():
            pytest.fail(f"{po} is missing: run `manage.py makemessages -l {lang}`")
        catalogs[lang] = frozenset(parse_po(po))
    union = frozenset().union(*catalogs.values())
    for lang, entries in catalogs.items():
        lacking = sorted(msgid for msgid, _ in union - entries)
        assert not lacking, f"{lang}/django.po lacks msgids other catalogs have: {lacking}"
    assert union, "the catalogs hold no messages"
    return union


def compiled(lang: str) -> gettext.GNUTranslations:
    mo = _locale_dir() / lang / "LC_MESSAGES" / "django.mo"
    if not mo.exists():
        pytest.fail(
            f"{mo} is missing: compile the catalogs first with `make messages` "
            "(manage.py compilemessages --ignore=.venv)"
        )
    with mo.open("rb") as fh:
        return gettext.GNUTranslations(fh)


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in NAMED_ARG.sub("", text))


def _has_non_latin_letter(text: str) -> bool:
    return any(
        ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN")
        for ch in NAMED_ARG.sub("", text)
    )


def _problems(lang: str, msgid: str, translated: str, allowed_args: set[str]) -> list:
    problems = []
    if not translated.strip():
        problems.append(f"untranslated: {msgid!r}")
        return problems
    if lang in NON_LATIN and _has_letters(translated) and not _has_non_latin_letter(translated):
        problems.append(f"not in the {lang} script: {msgid!r} -> {translated!r}")
    extra = set(NAMED_ARG.findall(translated)) - allowed_args
    if extra:
        problems.append(f"unknown named arguments {sorted(extra)}: {msgid!r} -> {translated!r}")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang):
    catalog = compiled(lang)._catalog
    nplurals = NPLURALS[lang]
    assert f"nplurals={nplurals};" in catalog[""].replace(" ", ""), (
        f"{lang}: Plural-Forms must declare nplurals={nplurals}, as Django's own catalog does"
    )
    problems = []
    for msgid, msgid_plural in sorted(english_catalog(), key=lambda e: e[0]):
        if msgid_plural is None:
            translated = catalog.get(msgid, "")
            named_args = set(NAMED_ARG.findall(msgid))
            problems += _problems(lang, msgid, translated, named_args)
            if translated and named_args - set(NAMED_ARG.findall(translated)):
                problems.append(f"named argument dropped: {msgid!r} -> {translated!r}")
            continue
        named_args = set(NAMED_ARG.findall(msgid + msgid_plural))
        for form in range(nplurals):
            translated = catalog.get((msgid, form), "")
            problems += _problems(lang, f"{msgid} [{form}]", translated, named_args)
    assert not problems, f"{lang}: {len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.fixture
def _restore_language():
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.django_db
@pytest.mark.usefixtures("_restore_language")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_sign_in_page_speaks_the_browser_language(client, lang):
    compiled(lang)  # a clear failure if the catalogs were not compiled
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    html = response.content.decode()
    assert response["Content-Language"] == lang
    assert PASSWORD_LABEL[lang] in html
    assert ">Password<" not in html
    direction = "rtl" if lang == "ar" else "ltr"
    assert re.search(rf'<html\b[^>]*\blang="{lang}"[^>]*\bdir="{direction}"', html), html[:300]
