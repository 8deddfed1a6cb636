"""The truecasing rules (briefgraph.truecase.CASE_RULES), one test each, on a small
hand-made lexicon; and the shipped lexicon on the cases the rules are for."""

from __future__ import annotations

import pytest

from briefgraph.knowledge import Knowledge
from briefgraph.truecase import (
    CASE_RULES,
    WORD,
    CaseLexicon,
    _base,
    _lower,
    dotted_acronyms,
    heading_lines,
    known_names,
    month_dates,
    name_acronyms,
    place_names,
    restore_case,
    sentence_starts,
    titled_names,
    unknown_words,
    wire_datelines,
)

LEXICON = CaseLexicon.build(
    ["US", "U.S.", "UN", "EU", "Gaza", "GAZA", "Us Central Command", "US Central Command", "Pakistan", "March", "May",
     "Central region", "Gulf of Aden"],
    common=["police", "said", "the", "of", "and", "in", "told", "may", "will", "on", "forces", "struck", "so", "us",
            "central", "region", "gulf"],
    keep_lower=["us", "un", "eu", "may"],
    titles=["gen", "brig", "minister"],
    acronym_heads=["forces", "officials", "peacekeepers"],
    months=["march", "may", "jan"],
    place_nouns=["village", "town"],
    region_words=["province", "district"],
    english=["remote", "village", "report", "mark", "quote", "army"],
    minor=["of", "the", "on", "and"],
)


def apply(rule, text: str) -> str:
    chars = list(_lower(text))
    words = [(m.start(), m.end(), _base(m.group().lower())) for m in WORD.finditer(text)]
    rule(chars, words, LEXICON)
    return "".join(chars)


def test_the_rules_run_in_their_order():
    assert CASE_RULES[0] is known_names and CASE_RULES[-1] is sentence_starts, \
        "names come first (the other rules look at them), sentence starts last"


@pytest.mark.parametrize("text, expected", [
    ("talks in gaza and pakistan", "talks in Gaza and Pakistan"),  # "Gaza" wins over a shouted "GAZA"
    ("the us central command said", "the US Central Command said"),  # "US" wins over "Us"
    ("the police said", "the police said"),  # a common word alone stays
    ("pakistan's central region", "Pakistan's central region"),  # common words, partly lower: a description
    ("in the gulf of aden", "in the Gulf of Aden"),  # a minor word in lower case is no description
])
def test_known_names(text, expected):
    assert apply(known_names, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("u.s. forces and u.s.-led strikes", "U.S. forces and U.S.-led strikes"),
    ("at 10 a.m., e.g. the u.n. said", "at 10 a.m., e.g. the u.n. said"),  # not in the lexicon: left alone
])
def test_dotted_acronyms(text, expected):
    assert apply(dotted_acronyms, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("the us said", "the US said"),
    ("a us-led campaign", "a US-led campaign"),
    ("us forces and un peacekeepers", "US forces and UN peacekeepers"),
    ("he told us the truth", "he told us the truth"),
    ("join us, they said", "join us, they said"),
    ("an eu statement; un-armed men", "an EU statement; un-armed men"),  # no common word: always, but a prefix
    ("the eu’s envoy wrote to press@europa.eu", "the EU’s envoy wrote to press@europa.eu"),
])
def test_name_acronyms(text, expected):
    assert apply(name_acronyms, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gaza (reuters) - the army said", "GAZA (reuters) - the army said"),
    ("Pakistan, asia — talks began", "PAKISTAN, asia — talks began"),
    ("Gaza - the army said\nthe talks - which began - ended", "GAZA - the army said\nthe talks - which began - ended"),
    ("the army - which had left", "the army - which had left"),
])
def test_wire_datelines(text, expected):
    chars = list(text)  # the names rule has run: "Gaza" is capitalised
    words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    wire_datelines(chars, words, LEXICON)
    assert "".join(chars) == expected


@pytest.mark.parametrize("text, expected", [
    ("on march 10, 2023", "on March 10, 2023"),
    ("on 30 may 2024", "on 30 May 2024"),
    ("thursday (jan 18)", "thursday (Jan 18)"),
    ("they may march again", "they may march again"),
])
def test_month_dates(text, expected):
    assert apply(month_dates, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("in the village of saravan.", "in the village of Saravan."),
    ("strikes in sistan and baluchestan province", "strikes in Sistan and Baluchestan province"),
    ("the remote district", "the remote district"),  # a dictionary word is no name
    ("the village of the report", "the village of the report"),
])
def test_place_names(text, expected):
    assert apply(place_names, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("brig. gen. pat ryder said", "brig. gen. Pat Ryder said"),
    ("minister ana ruiz said", "minister Ana Ruiz said"),
    ("the minister said", "the minister said"),
])
def test_titled_names(text, expected):
    assert apply(titled_names, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("a title\n\nlatest developments\n\nthe army said so.", "A Title\n\nLatest Developments\n\nthe army said so."),
    ("“we will stay.” ana ruiz, head of the mission\n\nnext.", "“we will stay.” Ana Ruiz, Head of the Mission\n\nnext."),
    ("attacks on the border\nthe army said so.", "Attacks on the Border\nthe army said so."),  # minor words stay
    ("the army said so.\nthe police said so.", "the army said so.\nthe police said so."),  # sentences, no heading
    ("issues: gaza, peace talks\nnext.", "Issues: Gaza, Peace Talks\nnext."),  # a page's tags: title case too
    ("a title\n\nwe will stay, she said:\nnext.", "A Title\n\nwe will stay, she said:\nnext."),  # a colon ends it
    ("background: eight months on the road\nnext.", "Background: Eight Months on the Road\nnext."),
    ("the army moved into the three districts in the north of the country after the vote\nnext.",
     "the army moved into the three districts in the north of the country after the vote\nnext."),  # 15 words
    ("a title\n\nmedia relations, press@council.eu\nnext.", "A Title\n\nmedia relations, press@council.eu\nnext."),
    ("police arrested twenty people", "police arrested twenty people"),  # one line: a sentence, no heading
])
def test_heading_lines(text, expected):
    assert apply(heading_lines, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("the report quoted alireza marhamati, the police said", "the report quoted Alireza Marhamati, the police said"),
    ("the remote village of the report", "the remote village of the report"),  # dictionary words stay
    ("minister gen. told us", "minister gen. told us"),  # titles and our lower-case words stay
])
def test_unknown_words(text, expected):
    assert apply(unknown_words, text) == expected


def test_sentence_starts():
    assert apply(sentence_starts, "police came. i saw them. \"no,\" he said.") == \
        "Police came. I saw them. \"No,\" he said."
    assert apply(sentence_starts, "u.s. forces and brig. gen. pat ryder") == "U.s. forces and brig. gen. pat ryder", \
        "no sentence starts after an abbreviation's dot"
    assert restore_case("gaza - the army said", LEXICON) == "GAZA - The army said"
    assert apply(sentence_starts, "he said, “we know.” and: \"no\"") == "He said, “We know.” And: \"No\""
    assert apply(sentence_starts, "the army - which had left - came") == "The army - which had left - came", \
        "a dash after words that are no names is no dateline"


def test_restore_case_keeps_the_length():
    text = "u.s. forces struck the village of saravan on march 10. the us said so."
    restored = restore_case(text.upper(), LEXICON)
    assert restored == "U.S. forces struck the village of Saravan on March 10. The US said so.", restored


@pytest.mark.parametrize("text, expected", [
    ("u.s. forces struck kandahar on march 10.", "U.S. forces struck Kandahar on March 10."),
    ("the us army said un troops left.", "The US army said UN troops left."),
    ("strikes in pakistan's panjgur district.", "Strikes in Pakistan's Panjgur district."),
    ("police in the restive province said", "Police in the restive province said"),
    ("refugees crossed at solotvyno.", "Refugees crossed at Solotvyno."),  # a small town, no English word
    ("protests in basra and chittagong.", "Protests in Basra and Chittagong."),  # the gazetteer's other names
    ("the mission gave hope.", "The mission gave hope."),
    ("talks began at 10 a.m., officials said.", "Talks began at 10 a.m., officials said."),  # a letter alone
    ("m23 rebels took the town.", "M23 rebels took the town."),  # is a name only before its number
    ("the report quoted alireza marhamati.", "The report quoted Alireza Marhamati."),  # no dictionary word: a name
    ("the ferry sank and the children swam ashore.", "The ferry sank and the children swam ashore."),  # irregular
])
def test_the_shipped_lexicon(text, expected):
    assert restore_case(text, Knowledge.default().case_lexicon()) == expected
