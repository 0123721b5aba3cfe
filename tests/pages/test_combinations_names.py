"""Finding a substance from what a visitor typed, and suggestions for misspellings."""

import pytest

from tests.pages.combination_helpers import FIXTURE
from website.pages.combination_file import parse
from website.pages.substance_names import SubstanceIndex, normalise


@pytest.fixture(scope="module")
def index():
    data, _ = parse(FIXTURE.read_text(encoding="utf-8"))
    return SubstanceIndex(s for s in data.substances if s.status == "published")


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("3-mmc", "3-mmc"),
        ("3 mmc", "3-mmc"),
        ("3MMC", "3-mmc"),
        ("  Poes ", "3-mmc"),
        ("MIAUW MIAUW", "3-mmc"),
        ("metaphedrone", "3-mmc"),
        ("XTC", "mdma"),
        ("MDMA (ecstasy)", "mdma"),
        ("coke", "cocaine"),
        ("cocaïne", "cocaine"),
        ("Cocaine", "cocaine"),
        ("drank", "alcohol"),
    ],
)
def test_resolves_keys_names_and_aliases_in_any_spelling(index, typed, key):
    assert index.resolve(typed).key == key


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "lsd", "2-mmc", "x" * 10_000])
def test_unknown_or_draft_names_resolve_to_nothing(index, typed):
    assert index.resolve(typed) is None


@pytest.mark.parametrize(
    ("typed", "key"),
    [("poez", "3-mmc"), ("alcohl", "alcohol"), ("extacy", "mdma"), ("cokain", "cocaine")],
)
def test_misspellings_get_suggestions(index, typed, key):
    assert key in [s.key for s in index.suggest(typed)]


def test_suggestions_are_few_distinct_and_empty_for_nonsense(index):
    found = index.suggest("3mm")
    assert [s.key for s in found][:1] == ["3-mmc"]
    assert len(found) == len({s.key for s in found}) <= 3
    assert index.suggest("qqqqqqqq") == []
    assert index.suggest("") == []


def test_normalise_keeps_only_letters_and_digits():
    assert normalise("  3-MMC ") == normalise("3 mmc") == "3mmc"
    assert normalise("Cocaïne") == "cocaine"
    assert normalise("<script>") == "script"
