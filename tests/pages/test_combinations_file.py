"""combinations.yaml: every validation message, the level logic, the canonical writer."""

import pytest

from tests.pages.combination_helpers import FIXTURE, combinations_text
from website.pages.combination_data import (
    LEVELS,
    UNKNOWN,
    CombinationData,
    RatingData,
    dump,
    most_cautious,
)
from website.pages.combination_file import CombinationFileError, parse

PAIR = """- substances: [3-mmc, alcohol]
  ratings: []
  nl: {reason: a, advice: b}
  en: {reason: c, advice: d}
"""


def problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(CombinationFileError) as caught:
        parse(text)
    return [(e.line, e.message) for e in caught.value.errors]


def test_small_file_parses():
    data, warnings = parse(combinations_text())
    assert warnings == []
    assert [s.key for s in data.substances] == ["3-mmc", "alcohol"]
    (combination,) = data.combinations
    assert combination.pair == ("3-mmc", "alcohol")
    assert combination.level == "caution"
    assert combination.texts["nl"]["advice"] == "Drink weinig."


def test_unknown_level_names_the_combination_and_the_levels():
    (found,) = problems(combinations_text().replace("level: caution", "level: risky"))
    assert found[0] == 16
    assert "combination 3-mmc + alcohol: ratings: unknown level 'risky'" in found[1]
    assert "dangerous, unsafe, caution" in found[1]


def test_unknown_substance_key():
    (found,) = problems(combinations_text().replace("[3-mmc, alcohol]", "[3-mmc, bier]"))
    assert found == (13, "combination 3-mmc + bier: substances: unknown substance key 'bier'")


def test_unknown_source():
    (found,) = problems(combinations_text().replace("source: tripsit", "source: trimbos"))
    assert found == (15, "combination 3-mmc + alcohol: ratings: unknown source 'trimbos'")


def test_pair_listed_twice_even_in_the_other_order():
    twice = PAIR.replace("[3-mmc, alcohol]", "[alcohol, 3-mmc]")
    (found,) = problems(combinations_text(extra_combinations=twice))
    assert found == (
        23,
        "combination alcohol + 3-mmc: this pair is listed twice (also on line 13)",
    )


def test_substance_with_itself():
    (found,) = problems(combinations_text().replace("[3-mmc, alcohol]", "[3-mmc, 3-mmc]"))
    assert "cannot be combined with itself ('3-mmc')" in found[1]


@pytest.mark.parametrize(
    ("old", "field"),
    [
        ("reason: Samen zwaar voor je hart.", "nl: the reason is missing"),
        ("advice: Drink little.", "en: the advice is missing"),
    ],
)
def test_missing_reason_or_advice(old, field):
    (found,) = problems(combinations_text().replace(old, old.split(":")[0] + ": ''"))
    assert f"combination 3-mmc + alcohol: {field}" in found[1]


def test_missing_language_block():
    text = combinations_text().replace("  en:\n", "  xx:\n")
    found = problems(text)
    assert any("en: the reason is missing or empty" in m for _, m in found)
    assert any("en: the advice is missing or empty" in m for _, m in found)


def test_duplicate_alias_across_substances():
    extra = "- key: bier\n  name: {nl: Bier, en: Beer}\n  aliases: [Drank]\n"
    (found,) = problems(combinations_text(extra_substances=extra))
    assert found == (
        14,
        "substance 'bier': the name or alias 'Drank' is also used by 'alcohol'; "
        "each word may point to one substance only",
    )


def test_alias_spelled_differently_still_clashes():
    extra = "- key: methylone\n  name: {nl: Methylon, en: Methylone}\n  aliases: [3 M]\n"
    (found,) = problems(combinations_text(extra_substances=extra))
    assert "'3 M' is also used by '3-mmc'" in found[1]


def test_substance_listed_twice_and_bad_key():
    extra = "- key: 3-mmc\n  name: {nl: X, en: X}\n- key: Bad Key\n  name: {nl: Y, en: Y}\n"
    found = problems(combinations_text(extra_substances=extra))
    assert (12, "substance '3-mmc': listed twice (also on line 6)") in found
    assert any("substance 'Bad Key': key: 'Bad Key' may hold only" in m for _, m in found)


def test_missing_name_in_one_language():
    found = problems(combinations_text().replace("{nl: Alcohol, en: Alcohol}", "{nl: Alcohol}"))
    assert found == [(10, "substance 'alcohol': name: the en name is missing or empty")]


def test_all_problems_are_reported_at_once():
    text = combinations_text().replace("level: caution", "level: risky")
    text = text.replace("source: tripsit", "source: trimbos")
    assert len(problems(text)) == 2


def test_broken_yaml_and_duplicate_keys_give_a_line():
    assert problems("sources: [unclosed\n")[0][1].startswith("not valid YAML")
    twice = combinations_text().replace("  aliases: [drank]\n", "  aliases: [drank]\n  key: x\n")
    (found,) = problems(twice)
    assert found[0] == 12 and "the key 'key' appears twice" in found[1]


def test_unknown_fields_are_warnings():
    _, warnings = parse(combinations_text().replace("[drank]", "[drank]\n  kleur: rood"))
    assert warnings == ["line 12: substance 'alcohol': unknown field 'kleur'"]


def test_most_cautious_level_wins():
    assert most_cautious(["low-risk-synergy", "unsafe", "caution"]) == "unsafe"
    assert most_cautious(["low-risk-decrease"]) == "low-risk-decrease"
    assert most_cautious([]) == UNKNOWN
    for higher, lower in zip(LEVELS, LEVELS[1:], strict=False):
        assert most_cautious([lower, higher]) == higher


def test_disagreement_is_noticed():
    texts = {"nl": {}, "en": {}}
    agree = CombinationData(
        ("a", "b"), [RatingData("x", "caution"), RatingData("y", "caution")], texts
    )
    differ = CombinationData(
        ("a", "b"), [RatingData("x", "caution"), RatingData("y", "dangerous")], texts
    )
    assert not agree.sources_disagree
    assert differ.sources_disagree and differ.level == "dangerous"
    assert CombinationData(("a", "b"), [], texts).level == UNKNOWN


def test_fixture_is_canonical():
    text = FIXTURE.read_text(encoding="utf-8")
    data, warnings = parse(text)
    assert warnings == []
    assert dump(data) == text


def test_canonical_writer_keeps_the_listed_order_and_uses_block_style():
    text = combinations_text(
        extra_substances="- key: ghb\n  name: {nl: GHB, en: GHB}\n",
        extra_combinations=PAIR.replace("[3-mmc, alcohol]", "[ghb, alcohol]")
        + PAIR.replace("[3-mmc, alcohol]", "[ghb, 3-mmc]"),
    ).replace("- substances: [3-mmc, alcohol]", "- substances: [alcohol, 3-mmc]")
    written = dump(parse(text)[0])
    assert written.index("key: 3-mmc") < written.index("key: alcohol") < written.index("key: ghb")
    pairs = [line for line in written.splitlines() if line.startswith("- substances:")]
    assert pairs == [
        "- substances: [3-mmc, alcohol]",
        "- substances: [3-mmc, ghb]",
        "- substances: [alcohol, ghb]",
    ]
    assert "- substances: [alcohol, ghb]\n  ratings: []\n  nl:\n    reason: a\n" in written
    assert dump(parse(written)[0]) == written


def test_a_source_rating_a_pair_twice():
    text = combinations_text().replace(
        "    level: caution\n", "    level: caution\n  - source: tripsit\n    level: unsafe\n"
    )
    (found,) = problems(text)
    assert found == (
        17,
        "combination 3-mmc + alcohol: ratings: the source 'tripsit' rates this pair twice",
    )
