"""The event dictionary (knowledge/patterns.py): what its patterns name."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.knowledge.patterns import PatternDictionary, parse_pattern_lines

CODES = Knowledge.default().patterns.codes


def test_names_word_reads_the_context_words_of_the_trigger_patterns():
    lines = [(1, "&detainees = journalists activists"), (2, "verb hold * &detainees * overnight|incommunicado = 173"),
             (3, "verb set * fire|ablaze = 1712")]
    patterns = PatternDictionary(parse_pattern_lines(lines, "test.txt", 0), CODES)
    assert patterns.names_word("verb", ["held", "hold"], "overnight"), "a word of the trigger's own pattern"
    assert patterns.names_word("verb", ["hold"], "activists"), "a word of a set the pattern names"
    assert not patterns.names_word("verb", ["set"], "overnight"), "a word of another trigger's pattern"
    assert not patterns.names_word("noun", ["hold"], "overnight"), "a pattern of the other kind"
    assert not patterns.names_word("verb", ["hold"], "tomorrow"), "a word no pattern names"


def test_shipped_custody_and_arson_patterns_name_their_adverbs():
    shipped = Knowledge.default().patterns
    for verb, adverb in (("hold", "overnight"), ("hold", "incommunicado"), ("set", "ablaze"), ("set", "alight")):
        assert shipped.names_word("verb", [verb], adverb), f"the shipped patterns of {verb!r} name {adverb!r}"
