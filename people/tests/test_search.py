import pytest
from hypothesis import given
from hypothesis import strategies as st

from accounts.tests.factories import UserFactory
from people.search import fold, name_keys, prefix_upper_bound, query_keys, skeleton
from people.selectors import search_persons

from .factories import DocumentFactory, PersonFactory


@pytest.mark.parametrize("spelling", ["Мухаммед", "Muhammad", "Mohamed", "Mohammed", "محمد"])
def test_spellings_of_one_name_share_a_key(spelling):
    assert query_keys(spelling)[0] in name_keys("Мухаммед", "Muhammad")


def test_diacritics_are_folded():
    assert fold("Ștefan Ţurcanu") == "stefan turcanu"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_prefix_bound_is_above_every_extension(prefix):
    upper = prefix_upper_bound(prefix)
    assert prefix < upper
    assert prefix + "zzzz" < upper


@given(st.text(max_size=40))
def test_keys_are_only_lowercase_latin_letters(text):
    for key in name_keys(text):
        assert key and key.isascii() and key.isalpha() and key.islower()
    assert all(skeleton(t) == skeleton(t) for t in text.split())


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Мухаммед", "Mohamed", "muhammad al-hassan", "محمد"])
def test_caseworker_finds_client_in_any_script(query):
    person = PersonFactory()
    user = UserFactory(organisation=person.organisation)
    assert search_persons(user, query) == [person]


@pytest.mark.django_db
def test_search_by_document_number_ignores_spacing_and_case():
    document = DocumentFactory(number="AB 123-4567")
    user = UserFactory(organisation=document.person.organisation)
    assert search_persons(user, "ab1234567") == [document.person]


@pytest.mark.django_db
def test_search_by_birth_date():
    person = PersonFactory()
    PersonFactory(organisation=person.organisation, birth_date="1990-01-01")
    user = UserFactory(organisation=person.organisation)
    assert search_persons(user, "1988-04-12") == [person]


@pytest.mark.django_db
def test_search_never_returns_clients_of_another_organisation():
    PersonFactory()
    outsider = UserFactory()
    assert search_persons(outsider, "Muhammad") == []


@pytest.mark.parametrize("spelling", ["Alhassan", "Al Hassan", "al-Hasan", "Аль-Хасан"])
def test_family_names_with_an_article_match_joined_or_apart(spelling):
    keys = name_keys("Аль-Хасан", "Al-Hassan")
    assert all(k in keys for k in query_keys(spelling))


@pytest.mark.parametrize(("native", "latin"), [("Мельник", "Melnyk"), ("کاکړ", "Kakar")])
def test_soft_signs_and_persian_letters_keep_one_key(native, latin):
    assert query_keys(native) == query_keys(latin)
