"""Parse repairs (stages/parse_repairs.py): each repair of PARSE_REPAIRS on its own, and a
sentence left with a stranded noun parsed again, on sentences written for these tests."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.nlp import load_nlp
from briefgraph.stages import parse_repairs
from briefgraph.stages.parse import verb_forms
from briefgraph.stages.parse_repairs import PARSE_REPAIRS, has_stranded_noun, repair_parse, suspects

PATTERNS = Knowledge.default().patterns


def is_verb(token) -> bool:
    return PATTERNS.has_trigger("verb", [token.lemma_.lower(), token.lower_])


def word(doc, text):
    return next(t for t in doc if t.text == text)


def test_every_repair_has_a_test():
    missing = [r.__name__ for r in PARSE_REPAIRS if not hasattr(parse_repairs, r.__name__)
               or f"test_{r.__name__}" not in globals()]
    assert not missing


def test_verb_norm():
    doc = load_nlp()("Police fire rubber bullets at strikers in Lusaka")
    assert parse_repairs.verb_norm(word(doc, "fire")) == {1: parse_repairs.STAND_IN}


def test_plural_noun_before():
    doc = load_nlp()("Men on a scooter opened fire on a shop in Karachi.")
    assert parse_repairs.plural_noun_before(word(doc, "opened")) == {3: "scooters"}
    assert parse_repairs.plural_noun_before(word(doc, "Men")) is None, "nothing before the first word"


def test_a_headline_in_the_present_tense_gets_its_verb():
    doc = load_nlp()("Police fire rubber bullets at strikers in Lusaka")
    sent = next(iter(doc.sents))
    assert has_stranded_noun(sent) and [t.text for t in suspects(sent, is_verb)][:1] == ["fire"]
    doc = repair_parse(load_nlp(), doc, is_verb)
    fire = word(doc, "fire")
    assert (fire.pos_, fire.dep_) == ("VERB", "ROOT")
    assert [c.text for c in fire.children if c.dep_ == "nsubj"] == ["Police"]
    assert doc.text == "Police fire rubber bullets at strikers in Lusaka"


def test_a_well_parsed_sentence_is_left_alone():
    doc = load_nlp()("Police fired rubber bullets at strikers in Lusaka on Monday.")
    before = [(t.pos_, t.dep_, t.head.i) for t in doc]
    assert not has_stranded_noun(next(iter(doc.sents)))
    assert [(t.pos_, t.dep_, t.head.i) for t in repair_parse(load_nlp(), doc, is_verb)] == before


def test_a_past_tense_read_as_a_modifier_is_repaired():
    doc = load_nlp()("The union expelled Gabon after the military seized power in Libreville.")
    assert parse_repairs.is_past_modifier(word(doc, "seized")), "en_core_web_sm reads '(seized) power'"
    assert parse_repairs.needs_repair(next(iter(doc.sents)))
    doc = repair_parse(load_nlp(), doc, is_verb)
    seized = word(doc, "seized")
    assert seized.pos_ == "VERB" and [c.text for c in seized.children if c.dep_ == "nsubj"] == ["military"]


def test_place_read_as_modifier():
    doc = load_nlp()("Farmers in Punjab blocked railway tracks on Monday.")
    assert parse_repairs.place_read_as_modifier(word(doc, "blocked")) == {2: parse_repairs.PLACE_STAND_IN}
    assert parse_repairs.place_read_as_modifier(word(doc, "Farmers")) is None, "nothing before the first word"


def test_a_place_read_as_a_modifier_is_repaired():
    doc = load_nlp()("Farmers in Punjab blocked railway tracks on Monday.")
    is_past = lambda t: PATTERNS.has_trigger("verb", verb_forms(t))  # noqa: E731
    doc = repair_parse(load_nlp(), doc, is_past)
    assert [c.text for c in word(doc, "blocked").children if c.dep_ == "nsubj"] == ["Farmers"]


def test_an_object_read_as_a_time_is_repaired():
    doc = load_nlp()("Police broke up a march by nurses in Harare.")
    assert parse_repairs.object_read_as_time(next(iter(doc.sents))) is not None, "'a march' read as the month"
    doc = repair_parse(load_nlp(), doc, is_verb)
    assert word(doc, "march").dep_ == "dobj"
    doc = load_nlp()("Officials met a week ago.")
    assert parse_repairs.object_read_as_time(next(iter(doc.sents))) is None, "a time the NER knows"


def test_an_opening_participle_read_as_a_clause_is_repaired():
    doc = load_nlp()("Protesting farmers, demanding higher prices, blocked roads in Punjab.")
    assert parse_repairs.opening_participle(next(iter(doc.sents))) is not None, "'farmers' read as an object"
    doc = repair_parse(load_nlp(), doc, is_verb)
    assert word(doc, "farmers").dep_ == "nsubj" and word(doc, "farmers").head.text == "blocked"
    assert word(doc, "Protesting").lemma_ == "protest", "the participle keeps its own lemma"
    doc = load_nlp()("Fearing attacks, villagers fled their homes in Borno.")
    assert parse_repairs.opening_participle(next(iter(doc.sents))) is None, "the main verb has its subject"



LONE = frozenset(Knowledge.default().words["lone_crowd_verbs"])
MISREAD = ("Hundreds of youths protested in Conakry on Monday.",
           "Witnesses said hundreds of youths protested in Conakry on Monday.")


def test_lone_participle():
    for text in MISREAD:
        doc = load_nlp()(text)
        found = parse_repairs.lone_participle(next(iter(doc.sents)), LONE)
        assert found is not None and found.text == "protested", "en_core_web_sm: 'youths (protested)'"
    doc = load_nlp()("The tariff protested by exporters in Mombasa was dropped.")
    assert parse_repairs.lone_participle(next(iter(doc.sents)), LONE) is None, "an agent: a true participle"
    doc = load_nlp()("Hundreds of youths arrested in Kindia on Monday.")
    assert parse_repairs.lone_participle(next(iter(doc.sents)), LONE) is None, "done to them: no lone verb"


def test_a_lone_crowd_verb_read_as_a_participle_is_repaired():
    for text in MISREAD:
        doc = repair_parse(load_nlp(), load_nlp()(text), is_verb, LONE)
        verb = word(doc, "protested")
        assert (verb.tag_, verb.lemma_) == ("VBD", "protest")
        assert [c.lower_ for c in verb.children if c.dep_ == "nsubj"] == ["hundreds"]
        assert doc.text == text


def test_a_lone_crowd_verb_is_repaired_before_another_suspect():
    text = "Dozens of veterans protested in Lima, Peru, demanding pensions."
    doc = repair_parse(load_nlp(), load_nlp()(text), is_verb, LONE)
    verb = word(doc, "protested")
    assert verb.tag_ == "VBD" and [c.lower_ for c in verb.children if c.dep_ == "nsubj"] == ["dozens"], \
        "'demanding' made the predicate would leave 'protested' a modifier"


AGENT_MISREAD = "A police post was set on fire by rioting youths."


def test_misread_agent():
    doc = load_nlp()(AGENT_MISREAD)
    found = parse_repairs.misread_agent(next(iter(doc.sents)))
    assert found is not None and found[1].text == "rioting", "en_core_web_sm: 'by' a preposition, 'rioting' a compound"
    doc = load_nlp()("A police post was set on fire by youths.")
    assert parse_repairs.misread_agent(next(iter(doc.sents))) is None, "an agent already: nothing to repair"


def test_a_misread_agent_is_repaired():
    doc = repair_parse(load_nlp(), load_nlp()(AGENT_MISREAD), is_verb, LONE)
    by = word(doc, "by")
    assert by.dep_ == "agent", f"'by rioting youths' is the passive's agent, got {by.dep_}"
    assert doc.text == AGENT_MISREAD
