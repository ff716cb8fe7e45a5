"""Reference data for the demo: countries of origin and their profiles, occupations, places."""

import random
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate

from . import names_arabic as ar
from . import names_cyrillic as cy
from . import names_other as ot
from .names import Pool


class Weighted:
    """`Weighted("a:3 b:1")` draws "a" three times as often as "b"."""

    def __init__(self, spec: str):
        items = [part.rsplit(":", 1) for part in spec.split()]
        self.values = tuple(value for value, _ in items)
        self._cumulative = list(accumulate(float(weight) for _, weight in items))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> str:
        return self.values[bisect(self._cumulative, rng.random() * self._total)]


@dataclass(frozen=True)
class Origin:
    """How people from one country look in a Moldovan integration caseload."""

    country: str
    weight: float
    male: Pool
    female: Pool
    family: Pool
    mother_tongues: Weighted
    other_languages: tuple[tuple[str, float, str], ...]  # (language, probability, levels)
    households: Weighted  # single, couple, family, single_parent, extended, minor
    statuses: Weighted  # profiles understood by generator.status_history
    passport: str  # document-number format: letters, then "#" per digit
    passport_share: float
    year_only: float  # share of dates of birth known by year only
    education: Weighted  # ISCED level of adults
    occupations: Weighted  # ISCO-08 unit groups
    arrived_from: str  # first arrival date (ISO)
    transit: tuple[str, ...] = ()  # where children were born on the way
    family_name_rule: str = "shared"  # shared | own (wife keeps hers) | patronymic | gendered
    no_family_name: float = 0.0


_ARABIC_WORK = Weighted(
    "7115:3 7112:4 7411:2 7231:3 8322:4 5120:3 7512:2 7531:3 5223:3 9313:4 7126:2 7212:2 "
    "2341:1 2330:1 2211:1 2221:1 2142:1 2411:1 4110:2 6111:3 1420:2 7522:1"
)
_SLAVIC_WORK = Weighted(
    "2411:4 3313:3 2330:3 2341:3 2342:2 2221:3 2211:2 2142:2 2512:3 4110:4 5223:3 5120:2 "
    "5141:2 8322:3 8332:2 7411:2 7231:2 7212:2 2611:1 2431:2 1420:2 3221:2 9112:2 7422:1"
)
# fmt: off
ORIGINS = [
    Origin(
        "UA", 38, cy.UKRAINIAN_MALE, cy.UKRAINIAN_FEMALE, cy.UKRAINIAN_FAMILY,
        Weighted("uk:8 ru:2"), (("ru", 0.75, "B2 C1 C2"), ("en", 0.4, "A1 A2 B1 B2")),
        Weighted("single:30 single_parent:35 family:15 extended:10 couple:10"),
        Weighted("temporary:85 work:8 family:5 protection:2"),
        "FX######", 0.9, 0.01, Weighted("3:20 4:15 5:10 6:30 7:22 8:3"), _SLAVIC_WORK,
        "2022-02-24", family_name_rule="gendered",
    ),
    Origin(
        "SY", 12, ar.ARABIC_MALE, ar.ARABIC_FEMALE, ar.SYRIAN_FAMILY,
        Weighted("ar:1"), (("en", 0.3, "A1 A2 B1"), ("ru", 0.08, "A1 A2"), ("tr", 0.2, "A1 A2")),
        Weighted("single:28 family:45 extended:12 single_parent:10 couple:5"),
        Weighted("protection:55 subsidiary:20 seeker:15 family:5 stateless:5"),
        "N########", 0.6, 0.1, Weighted("0:8 1:18 2:22 3:25 4:7 6:15 7:4 8:1"), _ARABIC_WORK,
        "2014-01-01", ("TR", "LB"), family_name_rule="own",
    ),
    Origin(
        "AF", 10, ar.DARI_MALE, ar.DARI_FEMALE, ar.AFGHAN_FAMILY,
        Weighted("fa:6 ps:4"), (("en", 0.25, "A1 A2 B1"), ("ur", 0.1, "A2 B1")),
        Weighted("single:30 family:40 extended:10 single_parent:8 couple:4 minor:8"),
        Weighted("protection:50 subsidiary:25 seeker:25"),
        "P########", 0.4, 0.35, Weighted("0:30 1:20 2:15 3:15 4:5 6:12 7:3"), _ARABIC_WORK,
        "2021-08-15", ("IR", "PK", "TR"), family_name_rule="shared", no_family_name=0.2,
    ),
    Origin(
        "IQ", 6, ar.ARABIC_MALE, ar.ARABIC_FEMALE, ar.IRAQI_FAMILY,
        Weighted("ar:8 ku:2"), (("en", 0.35, "A1 A2 B1 B2"),),
        Weighted("single:30 family:45 couple:15 extended:10"),
        Weighted("protection:40 subsidiary:25 seeker:25 family:10"),
        "A########", 0.75, 0.08, Weighted("1:15 2:20 3:25 4:8 6:22 7:8 8:2"), _ARABIC_WORK,
        "2015-01-01", ("TR",), family_name_rule="own",
    ),
    Origin(
        "RU", 6, cy.RUSSIAN_MALE, cy.RUSSIAN_FEMALE, cy.RUSSIAN_FAMILY,
        Weighted("ru:1"), (("en", 0.5, "A2 B1 B2 C1"),),
        Weighted("single:45 couple:25 family:30"),
        Weighted("protection:30 seeker:30 work:25 family:15"),
        "7########", 0.97, 0.0, Weighted("3:15 4:10 5:10 6:35 7:25 8:5"), _SLAVIC_WORK,
        "2016-01-01", family_name_rule="gendered",
    ),
    Origin(
        "BY", 4, cy.BELARUSIAN_MALE, cy.BELARUSIAN_FEMALE, cy.BELARUSIAN_FAMILY,
        Weighted("ru:7 be:3"), (("en", 0.45, "A2 B1 B2"), ("pl", 0.1, "A1 A2 B1")),
        Weighted("single:45 couple:25 family:30"),
        Weighted("protection:40 seeker:20 work:30 family:10"),
        "MP#######", 0.95, 0.0, Weighted("3:15 4:12 5:10 6:35 7:23 8:5"), _SLAVIC_WORK,
        "2020-08-10", family_name_rule="gendered",
    ),
    Origin(
        "TR", 8, ot.TURKISH_MALE, ot.TURKISH_FEMALE, ot.TURKISH_FAMILY,
        Weighted("tr:9 ku:1"), (("en", 0.4, "A2 B1 B2"), ("ru", 0.1, "A1 A2")),
        Weighted("single:50 family:40 couple:10"),
        Weighted("work:60 family:25 study:15"),
        "U########", 0.99, 0.0, Weighted("2:10 3:35 4:10 6:35 7:10"),
        Weighted("1420:4 5120:4 7112:3 2142:3 7212:2 5131:2 2431:2 8332:3 4110:2 7512:3"),
        "2012-01-01", family_name_rule="shared",
    ),
    Origin(
        "ER", 4, ot.TIGRINYA_MALE, ot.TIGRINYA_FEMALE, ot.TIGRINYA_FAMILY,
        Weighted("ti:9 ar:1"),
        (("en", 0.45, "A1 A2 B1"), ("ar", 0.2, "A1 A2"), ("am", 0.2, "A2 B1")),
        Weighted("single:60 couple:10 family:15 minor:5 single_parent:10"),
        Weighted("subsidiary:45 protection:35 seeker:20"),
        "P#######", 0.2, 0.4, Weighted("0:10 1:20 2:30 3:25 4:10 6:5"),
        Weighted("8322:4 9313:5 6111:4 7112:3 5120:2 9112:3 7231:2 8153:2 9333:3"),
        "2016-01-01", ("SD", "ET", "LY"), family_name_rule="patronymic",
    ),
    Origin(
        "PH", 4, ot.FILIPINO_MALE, ot.FILIPINO_FEMALE, ot.FILIPINO_FAMILY,
        Weighted("tl:8 en:2"), (("en", 0.95, "B2 C1 C2"),),
        Weighted("single:70 family:30"),
        Weighted("work:85 family:15"),
        "P#######A", 0.99, 0.0, Weighted("3:30 4:20 5:15 6:35"),
        Weighted("5322:6 5321:4 3221:3 2221:2 9112:3 5120:2 5131:2 8322:1"),
        "2017-01-01", family_name_rule="shared",
    ),
    Origin(
        "NG", 4, ot.NIGERIAN_MALE, ot.NIGERIAN_FEMALE, ot.NIGERIAN_FAMILY,
        Weighted("en:4 yo:2 ig:2 ha:2"), (("en", 0.9, "B2 C1 C2"), ("fr", 0.05, "A1 A2")),
        Weighted("single:70 couple:20 family:10"),
        Weighted("study:45 work:35 seeker:20"),
        "A########", 0.97, 0.03, Weighted("3:30 4:10 5:10 6:40 7:10"),
        Weighted("2512:3 2211:2 2221:2 4110:3 5223:3 9621:3 8322:2 9411:2"),
        "2015-01-01", family_name_rule="shared",
    ),
]
# fmt: on
ORIGIN_CHOICE = Weighted(" ".join(f"{i}:{o.weight}" for i, o in enumerate(ORIGINS)))

OCCUPATIONS = {
    "1420": "Retail and wholesale trade managers",
    "2142": "Civil engineers",
    "2211": "Generalist medical practitioners",
    "2221": "Nursing professionals",
    "2330": "Secondary education teachers",
    "2341": "Primary school teachers",
    "2342": "Early childhood educators",
    "2411": "Accountants",
    "2431": "Advertising and marketing professionals",
    "2512": "Software developers",
    "2611": "Lawyers",
    "3221": "Nursing associate professionals",
    "3313": "Accounting associate professionals",
    "4110": "General office clerks",
    "5120": "Cooks",
    "5131": "Waiters",
    "5141": "Hairdressers",
    "5223": "Shop sales assistants",
    "5321": "Health care assistants",
    "5322": "Home-based personal care workers",
    "6111": "Field crop and vegetable growers",
    "7112": "Bricklayers and related workers",
    "7115": "Carpenters and joiners",
    "7126": "Plumbers and pipe fitters",
    "7212": "Welders and flame cutters",
    "7231": "Motor vehicle mechanics and repairers",
    "7411": "Building and related electricians",
    "7422": "Information and communications technology installers and servicers",
    "7512": "Bakers, pastry-cooks and confectionery makers",
    "7522": "Cabinet-makers and related workers",
    "7531": "Tailors, dressmakers, furriers and hatters",
    "8153": "Sewing machine operators",
    "8322": "Car, taxi and van drivers",
    "8332": "Heavy truck and lorry drivers",
    "9112": "Cleaners and helpers in offices, hotels and other establishments",
    "9313": "Building construction labourers",
    "9333": "Freight handlers",
    "9411": "Fast food preparers",
    "9621": "Messengers, package deliverers and luggage porters",
}
VOCATIONAL_FIELDS = (
    "Carpentry and joinery",
    "Electrical installation",
    "Cooking and catering",
    "Tailoring",
    "Motor vehicle repair",
    "Hairdressing",
    "Welding",
    "Nursing assistance",
)
ACADEMIC_FIELDS = (
    "Accounting and taxation",
    "Civil engineering",
    "Nursing",
    "Medicine",
    "Primary education (teacher training)",
    "Economics",
    "Law",
    "Computer science",
    "Mechanical engineering",
    "Agronomy",
    "Pharmacy",
    "Philology and languages",
    "Business administration",
)
QUALIFICATION_TITLES = {
    "3": "Vocational certificate in {}",
    "4": "Post-secondary diploma in {}",
    "5": "Diploma in {}",
    "6": "Bachelor's degree in {}",
    "7": "Master's degree in {}",
    "8": "Doctorate in {}",
}
COMPLETION_AGE = {"1": 12, "2": 15, "3": 18, "4": 20, "5": 20, "6": 22, "7": 24, "8": 29}
RECOGNITION = Weighted("not_requested:40 pending:25 recognised:20 partial:10 refused:5")
HOST_LEVEL_ADULT = Weighted("A0:45 A1:28 A2:15 B1:9 B2:3")
HOST_LEVEL_CHILD = Weighted("A0:20 A1:25 A2:25 B1:20 B2:10")

CENTRES = Weighted("centre_chisinau:60 centre_balti:25 centre_cahul:15")
MUNICIPALITIES = {
    "centre_chisinau": Weighted(
        "Chișinău:60 Ialoveni:6 Stăuceni:5 Durlești:5 Codru:4 Sîngera:4 Anenii_Noi:4 "
        "Strășeni:4 Orhei:4 Hîncești:4"
    ),
    "centre_balti": Weighted(
        "Bălți:60 Fălești:8 Sîngerei:8 Glodeni:6 Rîșcani:6 Drochia:6 Edineț:6"
    ),
    "centre_cahul": Weighted("Cahul:60 Giurgiulești:8 Vulcănești:8 Cantemir:8 Taraclia:8 Comrat:8"),
}
STREETS = (
    "str. Mihai Eminescu",
    "str. Alexandru cel Bun",
    "str. Ștefan cel Mare",
    "str. Independenței",
    "str. Mitropolit Varlaam",
    "str. Vasile Alecsandri",
    "str. Ion Creangă",
    "str. Decebal",
    "str. Păcii",
    "str. Trandafirilor",
    "str. Unirii",
    "str. 31 August 1989",
    "str. Mircea cel Bătrîn",
    "bd. Dacia",
    "str. Grigore Vieru",
    "str. Livezilor",
)
MOBILE_PREFIXES = ("60", "62", "67", "68", "69", "78", "79")
