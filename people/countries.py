"""ISO 3166-1 alpha-2 codes used for citizenship and country of birth."""

from django.utils.translation import gettext_lazy as _

COUNTRIES = [
    ("AF", _("Afghanistan")),
    ("AM", _("Armenia")),
    ("AT", _("Austria")),
    ("AZ", _("Azerbaijan")),
    ("BY", _("Belarus")),
    ("CD", _("Congo (Democratic Republic)")),
    ("CN", _("China")),
    ("CZ", _("Czechia")),
    ("EE", _("Estonia")),
    ("EG", _("Egypt")),
    ("ER", _("Eritrea")),
    ("ET", _("Ethiopia")),
    ("FI", _("Finland")),
    ("GE", _("Georgia")),
    ("IN", _("India")),
    ("IQ", _("Iraq")),
    ("IR", _("Iran")),
    ("KZ", _("Kazakhstan")),
    ("KG", _("Kyrgyzstan")),
    ("LB", _("Lebanon")),
    ("LY", _("Libya")),
    ("MD", _("Moldova")),
    ("NG", _("Nigeria")),
    ("NO", _("Norway")),
    ("PH", _("Philippines")),
    ("PK", _("Pakistan")),
    ("PL", _("Poland")),
    ("PS", _("Palestine")),
    ("PT", _("Portugal")),
    ("RO", _("Romania")),
    ("RU", _("Russia")),
    ("SD", _("Sudan")),
    ("SO", _("Somalia")),
    ("SY", _("Syria")),
    ("TJ", _("Tajikistan")),
    ("TR", _("Türkiye")),
    ("UA", _("Ukraine")),
    ("UZ", _("Uzbekistan")),
    ("VN", _("Viet Nam")),
    ("YE", _("Yemen")),
    ("XX", _("Stateless / unknown")),
]
COUNTRY_NAMES = dict(COUNTRIES)


def country_name(code: str) -> str:
    return str(COUNTRY_NAMES.get(code, code))
