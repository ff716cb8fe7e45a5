"""Script-independent name keys.

A name in any script is transliterated to ASCII, folded, and reduced to a consonant skeleton with
letters that transliterations confuse merged (kh/h, ou/u, c/k, ...). "Мухаммед", "Muhammad",
"Mohamed" and "محمد" all become "mhmd". Keys hold only the letters a-z so a prefix becomes the
index range [prefix, next(prefix)) on every database and collation.
"""

import re
import unicodedata

from unidecode import unidecode

_SUBSTITUTIONS = [
    ("shch", "s"),
    ("sch", "s"),
    ("tch", "c"),
    ("kh", "h"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "z"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("j", "y"),
    ("dj", "y"),
    ("z", "s"),
    ("k", "c"),
]
_VOWELS = re.compile(r"[aeiouy']")
_REPEATS = re.compile(r"(.)\1+")
_NON_LETTERS = re.compile(r"[^a-z]+")
_MAX_KEY = 40


# Arabic script writes long vowels with consonant letters and omits short ones; read them as
# vowels inside a word and as consonants at its start, as Latin spellings do.
_ARABIC_INITIAL = {
    "و": "w",
    "ي": "y",
    "ع": "a",
    "ا": "a",
    "أ": "a",
    "إ": "a",
    "آ": "a",
    "ک": "k",
    "ی": "y",
}
_ARABIC_MEDIAL = {
    "و": "u",
    "ي": "i",
    "ى": "a",
    "ع": "",
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ة": "a",
    "ء": "",
    "ئ": "",
    "ؤ": "u",
    "ک": "k",
    "ی": "i",
}
# Signs that mark softness or a glottal stop inside a word (Cyrillic ь ъ, apostrophes) must
# not split it: "Мельник" is one name, "melnik", not "mel" and "nik".
_INWORD_MARKS = re.compile(r"['’ʼ`ьъЬЪ]")
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")


def _arabic_to_latin_hints(word: re.Match) -> str:
    text = word.group(0)
    first = _ARABIC_INITIAL.get(text[0], text[0])
    return first + "".join(_ARABIC_MEDIAL.get(ch, ch) for ch in text[1:])


def fold(text: str) -> str:
    """Lower-case ASCII transliteration with diacritics and punctuation removed."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    decomposed = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    hinted = _ARABIC_WORD.sub(_arabic_to_latin_hints, _INWORD_MARKS.sub("", decomposed))
    return _NON_LETTERS.sub(" ", unidecode(hinted).lower()).strip()


def skeleton(token: str) -> str:
    """Consonant skeleton of one folded token; keeps the first letter even if it is a vowel."""
    if not token:
        return ""
    for source, target in _SUBSTITUTIONS:
        token = token.replace(source, target)
    head, tail = token[0], _VOWELS.sub("", token[1:])
    if head in "aeiouy":
        head = "a"
    return _REPEATS.sub(r"\1", head + tail)[:_MAX_KEY]


def tokens(text: str) -> list[str]:
    return [t for t in fold(text).split() if t]


def name_keys(*names: str) -> set[str]:
    """All keys under which a person with these name forms should be found."""
    keys: set[str] = set()
    for name in names:
        parts = tokens(name)
        # "Al-Hassan" is also written "Alhassan": the joined form is a key of its own.
        for token in [*parts, "".join(parts)] if len(parts) > 1 else parts:
            keys.add(token[:_MAX_KEY])
            keys.add(skeleton(token))
    keys.discard("")
    return keys


def query_keys(text: str) -> list[str]:
    """One skeleton per query token: every token must match one of a person's keys."""
    return [k for k in (skeleton(t) for t in tokens(text)) if k]


def prefix_upper_bound(prefix: str) -> str:
    """Smallest a-z string greater than every string starting with `prefix`."""
    stripped = prefix.rstrip("z")
    if not stripped:
        return "{"
    return stripped[:-1] + chr(ord(stripped[-1]) + 1)


def document_key(number: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", unidecode(number or "").upper())[:40]
