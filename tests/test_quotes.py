"""Quotes stage: spans, kinds, cues and speakers, on news sentences written for these tests.

Most tests build the document with hand-made actors (as the actors stage would
give them), so they check the quotes stage alone; the end-to-end tests at the
bottom go through the real pipeline and assert only what does not depend on
which actors it finds.
"""

from __future__ import annotations

import re

import pytest

from briefgraph.knowledge import Knowledge
from briefgraph.knowledge.lexicon import lexicon
from briefgraph.records import Actor, Analysis, Quote, RawDocument
from briefgraph.stages import structure
from briefgraph.stages.parse import parse_batch
from briefgraph.stages.quotes import attributed_quotes, find_marked_spans, find_quotes, is_opinion_quote

KNOWLEDGE = Knowledge.default()
OPINION_HEADINGS = KNOWLEDGE.words["opinion_headings"]
HEADLINE = "Border Talks Stall as Both Sides Trade Blame\n\n"


def build(text: str, actors: list[tuple[str, str, str, list[str], list[str]]] = ()) -> Analysis:
    """Structure and parse `text`, then add actors given as (id, name, type, mention
    strings, roles); every occurrence of a mention string is a mention."""
    from briefgraph.pipeline import start_analysis

    doc = start_analysis(RawDocument(text=text, source="<test>"))
    doc = doc.with_additions(structure.build(KNOWLEDGE)(doc))
    doc = doc.with_additions(parse_batch([doc])[0])
    made = []
    for actor_id, name, kind, mentions, roles in actors:
        spans = sorted((m.start(), m.end()) for s in mentions for m in re.finditer(re.escape(s), doc.text))
        assert spans, f"test setup: no mention of {mentions} in the text"
        made.append(Actor(id=actor_id, name=name, type=kind, roles=list(roles), mentions=spans))
    return doc.with_additions({"actors": made})


def quotes_of(doc: Analysis) -> list[Quote]:
    return find_quotes(doc, KNOWLEDGE)["quotes"]


def only(doc: Analysis, fragment: str) -> Quote:
    hits = [q for q in quotes_of(doc) if fragment in q.text]
    assert len(hits) == 1, f"expected one quote holding {fragment!r}, got {[q.text for q in quotes_of(doc)]}"
    return hits[0]


HADDAD = ("a1", "Karim Haddad", "PERSON", ["Karim Haddad", "Haddad"], ["Defense Minister"])
OKAFOR = ("a2", "Lena Okafor", "PERSON", ["Lena Okafor", "Okafor"], ["Foreign Ministry spokeswoman"])


# ---------------------------------------------------------------- direct quotes and reporting verbs

def test_direct_quote_with_verb_after_is_attributed_to_its_subject():
    doc = build(HEADLINE + '"We will not accept any foreign troops on our soil," Defense Minister Karim Haddad '
                'said on Tuesday after meeting the envoy.', [HADDAD])
    quote = only(doc, "foreign troops")
    assert quote.text == "We will not accept any foreign troops on our soil,", f"span is {quote.text!r}"
    assert doc.text[quote.start:quote.end] == quote.text, "start/end must point at the quoted text"
    assert (quote.speaker, quote.kind, quote.cue) == ("a1", "direct", "said"), quote


def test_inverted_said_name_and_verb_before_with_colon():
    doc = build(HEADLINE + '"The border will stay closed until further notice," said Karim Haddad, the defense '
                'minister.\n\nForeign Ministry spokeswoman Lena Okafor told reporters: "The talks are over for now."',
                [HADDAD, OKAFOR])
    assert only(doc, "border will stay closed").speaker == "a1", "said X: X is the speaker"
    second = only(doc, "talks are over")
    assert (second.speaker, second.cue, second.kind) == ("a2", "told", "direct"), second


def test_according_to_a_body():
    doc = build(HEADLINE + '"No civilians were harmed in the overnight strike," according to the Army General '
                'Staff, which gave no figures for military losses.',
                [("a3", "Army General Staff", "ORG", ["Army General Staff"], [])])
    quote = only(doc, "No civilians")
    assert (quote.speaker, quote.cue) == ("a3", "according to"), quote


def test_quote_interrupted_by_its_attribution_is_two_quotes_with_one_speaker():
    doc = build(HEADLINE + '"It is a sad day for both our peoples," Haddad said. "But we will rebuild the bridge '
                'before the winter comes."', [HADDAD])
    quotes = quotes_of(doc)
    assert [q.text for q in quotes] == ["It is a sad day for both our peoples,",
                                        "But we will rebuild the bridge before the winter comes."], quotes
    assert [q.speaker for q in quotes] == ["a1", "a1"], "the second half goes on from the first"


def test_multi_paragraph_quote_opens_each_paragraph_and_keeps_its_speaker():
    text = (HEADLINE + "Okafor read the ministry's statement to reporters:\n\n"
            '"The government has decided to suspend the fisheries agreement with immediate effect.\n\n'
            '"It will remain suspended until the other side releases the detained sailors."\n\n'
            "The ministry did not say how many sailors were held.")
    doc = build(text, [OKAFOR])
    quotes = quotes_of(doc)
    assert len(quotes) == 2, f"one quote per paragraph, got {[q.text for q in quotes]}"
    assert quotes[0].text.startswith("The government has decided") and quotes[0].text.endswith("effect."), quotes[0]
    assert quotes[1].text == "It will remain suspended until the other side releases the detained sailors.", \
        quotes[1]
    assert [q.speaker for q in quotes] == ["a2", "a2"], quotes
    assert not any("did not say" in q.text for q in quotes), "the unclosed paragraph must not run on"


# ---------------------------------------------------------------- block quotes

def test_block_quote_with_attribution_on_the_same_line():
    text = (HEADLINE + "Expert Analysis\n\n"
            "“Tehran wants leverage before the talks resume. Each seizure of a tanker raises the price of "
            "its cooperation, and the West keeps paying it.” Farid Nouri, Senior Fellow at the Gulf Policy Center")
    doc = build(text, [("a4", "Farid Nouri", "PERSON", ["Farid Nouri"], ["Senior Fellow"])])
    quote = only(doc, "Tehran wants leverage")
    assert (quote.kind, quote.speaker, quote.cue) == ("block", "a4", None), quote
    assert quote.text.endswith("keeps paying it."), quote.text


def test_block_quote_with_attribution_on_the_next_line_and_with_a_dash():
    text = (HEADLINE + "“The commissions have settled most of the line on paper. What remains are a few "
            "villages and the roads between them.”\n\nAnna Petrova, Director of the Eurasia Program\n\n"
            "“Both capitals need calm before the harvest, and both know it.”\n— Martin Ekholm, Senior Analyst")
    doc = build(text, [("a5", "Anna Petrova", "PERSON", ["Anna Petrova"], []),
                       ("a6", "Martin Ekholm", "PERSON", ["Martin Ekholm"], [])])
    first, second = only(doc, "commissions have settled"), only(doc, "calm before the harvest")
    assert (first.kind, first.speaker) == ("block", "a5"), first
    assert (second.kind, second.speaker) == ("block", "a6"), second


def test_block_quote_in_expert_analysis_is_opinion():
    text = (HEADLINE + "Latest Developments\n\nThe two delegations met in Astana on Monday. "
            '"We made progress," Haddad said after the meeting.\n\nExpert Analysis\n\n'
            "“Neither side can afford another round of fighting before the elections.” "
            "Farid Nouri, Senior Fellow at the Gulf Policy Center")
    doc = build(text, [HADDAD, ("a4", "Farid Nouri", "PERSON", ["Farid Nouri"], [])])
    assert is_opinion_quote(doc, only(doc, "Neither side"), OPINION_HEADINGS), "an expert's block quote is opinion"
    assert not is_opinion_quote(doc, only(doc, "We made progress"), OPINION_HEADINGS), "a minister's statement is not opinion"


# ---------------------------------------------------------------- partial quotes inside reported speech

def test_partial_quotes_take_the_subject_of_the_speech_verb():
    text = (HEADLINE + "Foreign Ministry spokeswoman Lena Okafor expressed Ghana's \u201cdeep concern\u201d over the "
            "\u201crapid escalation\u201d of the fighting. The next day, Defense Minister Karim Haddad criticized "
            "the European Union for \u201ctrying to dictate the terms of the ceasefire.\u201d")
    doc = build(text, [OKAFOR, HADDAD, ("a7", "Ghana", "GPE", ["Ghana"], [])])
    concern, escalation = only(doc, "deep concern"), only(doc, "rapid escalation")
    assert (concern.speaker, concern.kind, concern.cue) == ("a2", "partial", "expressed"), concern
    assert escalation.speaker == "a2", escalation
    dictate = only(doc, "trying to dictate")
    assert (dictate.speaker, dictate.kind, dictate.cue) == ("a1", "partial", "criticized"), dictate


def test_called_and_described_as_are_speech():
    text = (HEADLINE + 'Haddad called the vote a "disgrace" and described the new border commission as a '
            '"rubber stamp for the occupiers."')
    doc = build(text, [HADDAD])
    assert only(doc, "disgrace").speaker == "a1", "called X a 'disgrace': the caller said it"
    assert only(doc, "rubber stamp").speaker == "a1", "described X as '...': the describer said it"


def test_body_that_issued_a_statement_not_the_outlet_that_reported_it():
    text = (HEADLINE + "The Revolutionary Front then released a statement praising its fighters for ending "
            '"the occupation of our villages by foreign forces," according to the state news agency Tasnim.')
    doc = build(text, [("a8", "Revolutionary Front", "GROUP", ["Revolutionary Front"], []),
                       ("a9", "Tasnim", "ORG", ["Tasnim"], [])])
    quote = only(doc, "occupation of our villages")
    assert quote.speaker == "a8", f"the Front said it, Tasnim only reported it: {quote}"


# ---------------------------------------------------------------- pronouns and roles

def test_pronoun_goes_to_the_nearest_fitting_person():
    text = (HEADLINE + "Prime Minister Anna Lindqvist met the delegation from Kyiv in Oslo on Friday. "
            "\u201cWe are ready to host the next round of talks,\u201d she said.")
    doc = build(text, [("a10", "Anna Lindqvist", "PERSON", ["Anna Lindqvist"], ["Prime Minister"]),
                       ("a11", "Oslo", "GPE", ["Oslo"], []), ("a12", "Kyiv", "GPE", ["Kyiv"], [])])
    assert only(doc, "ready to host").speaker == "a10", "she -> the nearest earlier person"


def test_role_noun_goes_to_the_actor_holding_the_role():
    text = (HEADLINE + "Defense Minister Karim Haddad visited the base on Sunday. The navy chief was not "
            'present. "The strike was a clear violation of the truce," the minister said.')
    doc = build(text, [HADDAD])
    assert only(doc, "clear violation").speaker == "a1", "the minister -> the actor whose roles name a minister"


def test_descriptions_refer_back_to_the_nearest_person_or_body():
    text = (HEADLINE + "President Amir Sadeq met the families of the dead sailors in Bandar on Sunday.\n\n"
            '"We shall answer this attack," the leader declared after a minute of silence.\n\n'
            "The Southern Naval Command confirmed that two sailors had died. The military noted that the toll "
            'was expected "to rise as more reports come in from the islands."')
    doc = build(text, [("a15", "Amir Sadeq", "PERSON", ["Amir Sadeq"], ["President"]),
                       ("a16", "Bandar", "GPE", ["Bandar"], []),
                       ("a17", "Southern Naval Command", "ORG", ["Southern Naval Command"], [])])
    assert only(doc, "shall answer").speaker == "a15", "the leader -> the nearest earlier person"
    assert only(doc, "to rise as more reports").speaker == "a17", "the military -> the nearest earlier body"


def test_a_description_refers_back_to_the_name_it_is_the_head_of():
    text = (HEADLINE + "Voters marched to the Central Electoral Commission in Dorvan on Sunday.\n\n"
            "The commission rejected calls for a recount on Monday, saying observers had found no "
            '"serious violations."')
    doc = build(text, [("a1", "Central Electoral Commission", "ORG", ["Central Electoral Commission"], []),
                       ("a2", "Dorvan", "GPE", ["Dorvan"], [])])
    assert only(doc, "serious violations").speaker == "a1", \
        "the commission -> the earlier name ending in 'Commission', not the nearest body (Dorvan)"


def test_a_title_with_for_and_a_name_after_it_is_that_person():
    text = (HEADLINE + "Minister for the Pacific Tala Moana said the country remained the islands' "
            '"security partner of choice."')
    doc = build(text, [("a1", "Tala Moana", "PERSON", ["Tala Moana"], []),
                       ("a2", "Pacific", "LOC", ["Pacific"], [])])
    assert only(doc, "partner of choice").speaker == "a1", \
        "'Minister for the Pacific Tala Moana said': the speaker is the person the title's phrase ends in"


def test_quote_with_no_verb_after_a_quoted_paragraph_keeps_that_source():
    text = (HEADLINE + "The Southern Naval Command said the crew of the tanker was evacuated and remained "
            '"under medical observation in Bandar."\n\n'
            'Four of the sailors were flown to the capital but "are in stable condition."')
    doc = build(text, [("a17", "Southern Naval Command", "ORG", ["Southern Naval Command"], [])])
    assert only(doc, "stable condition").speaker == "a17", "no verb of its own: the source of the paragraph before"


def test_transcript_label_matches_the_actor_by_surname():
    text = (HEADLINE + "Senator Rosa Delgado spoke to the host on Sunday. A partial transcript follows:\n\n"
            '"DELGADO: We will not vote for a budget that cuts the border patrol."')
    doc = build(text, [("a18", "Rosa Delgado", "PERSON", ["Rosa Delgado"], ["Senator"])])
    assert only(doc, "border patrol").speaker == "a18", "DELGADO: -> the actor whose surname it is"


def test_quote_opening_a_sentence_goes_on_from_the_named_subject_before_it():
    text = (HEADLINE + 'After her interview on "Face the Nation," Senator Rosa Delgado toured the river crossings '
            'near Laredo. "The patrols are short of boats, fuel and people, and everyone on the river knows it."')
    doc = build(text, [("a18", "Rosa Delgado", "PERSON", ["Rosa Delgado"], ["Senator"])])
    assert only(doc, "short of boats").speaker == "a18", "the subject of the sentence before goes on speaking"
    assert not any("Face the Nation" in q.text for q in quotes_of(doc)), "a programme's title is not speech"


def test_no_actor_no_speaker():
    doc = build(HEADLINE + '"We were not consulted," a senior official said on condition of anonymity.')
    quote = only(doc, "not consulted")
    assert quote.speaker is None, "no actor covers the mention: the speaker stays empty, never an invented id"
    mention = next(att.mention for q, att in attributed_quotes(doc, KNOWLEDGE) if q == quote)
    assert mention is not None and "official" in doc.text[mention[0]:mention[1]], "the mention is still found"


def test_transcript_labels_name_the_speaker():
    text = (HEADLINE + 'A partial transcript follows:\n\n"HOLT: Will you accept the result of the vote?\n\n'
            '"NGUYEN: I will accept it if the count is fair."')
    doc = build(text, [("a13", "Holt", "PERSON", ["HOLT"], []), ("a14", "Nguyen", "PERSON", ["NGUYEN"], [])])
    assert [q.speaker for q in quotes_of(doc)] == ["a13", "a14"], "the NAME: label inside the quote is its speaker"


# ---------------------------------------------------------------- marks: styles, nesting, imbalance

def test_mixed_curly_and_straight_marks_pair_up():
    doc = build(HEADLINE + "\u201cWe lost three sailors today,\" the navy chief said, adding that two were "
                "still missing.")
    assert [q.text for q in quotes_of(doc)] == ["We lost three sailors today,"], "a curly opening closed by a straight mark"


def test_single_quotes_nested_in_double_stay_inside():
    doc = build(HEADLINE + "\"They keep saying 'peace first,' but they keep shelling the port,\" Haddad said.",
                [HADDAD])
    quotes = quotes_of(doc)
    assert [q.text for q in quotes] == ["They keep saying 'peace first,' but they keep shelling the port,"], quotes
    assert quotes[0].speaker == "a1", quotes[0]


def test_curly_single_quotes_as_a_quote():
    doc = build(HEADLINE + "A security source said seven people, described as \u2018foreign militants,\u2019 were "
                "killed in the raid.")
    assert [q.text for q in quotes_of(doc)] == ["foreign militants,"], "curly single marks around words"


def test_odd_mark_does_not_break_the_rest_of_the_document():
    text = (HEADLINE + 'Haddad called the agreement a "historic step and left the hall.\n\n'
            '"We are ready to sign," Okafor said.\n\nThe ceremony is set for June.')
    doc = build(text, [HADDAD, OKAFOR])
    ready = only(doc, "ready to sign")
    assert ready.text == "We are ready to sign,", ready
    assert ready.speaker == "a2", ready
    assert not any("ceremony" in q.text for q in quotes_of(doc)), "an unclosed mark stays in its paragraph"


def test_apostrophes_are_not_quotes():
    spans = find_marked_spans("The ministry's envoy said the rebels' demands weren't new in the '90s.")
    assert spans == [], spans


# ---------------------------------------------------------------- not speech

@pytest.mark.parametrize("sentence", [
    "The two sides will meet in Doha next week for \u201cproximity talks\u201d on the prisoner exchange.",
    "The operation, codenamed \u201cNorthern Shield,\u201d began at dawn on Saturday.",
    "The so-called \u201cpeace corridor\u201d was closed again on Monday.",
    "Lindqvist discussed the crisis on \u201cMeet the Press\u201d on Sunday.",
])
def test_scare_quotes_names_and_titles_are_not_speech(sentence):
    doc = build(HEADLINE + sentence)
    assert quotes_of(doc) == [], f"not speech: {[q.text for q in quotes_of(doc)]}"


def test_related_reading_titles_are_not_quotes():
    text = ("May 6, 2024 | Analysis\n\nBorder Talks Stall as Both Sides Trade Blame\n\n"
            "Latest Developments\n\nThe commissions met on Monday. \u201cWe made progress,\u201d Haddad said.\n\n"
            "Related Reading\n\n"
            "Tajikistan\u2019s Border Gamble,\u201d by Anna Petrova\n\n"
            "\u201cWhat the Commission Can No Longer Do,\u201d Gulf Policy Center Analysis\n\n"
            "Issues:\n\nBorder Disputes Central Asia")
    doc = build(text, [HADDAD])
    assert [q.text for q in quotes_of(doc)] == ["We made progress,"], [q.text for q in quotes_of(doc)]


# ---------------------------------------------------------------- knowledge, robustness, determinism

def test_lexicon_loads_the_knowledge_files():
    lex = lexicon()
    assert lex == KNOWLEDGE.quotes, "the stage's knowledge is the shipped lexicon"
    assert {"say", "tell", "express", "criticize", "accord"} - lex.strong_verbs == {"accord"}, \
        "reporting verbs missing from knowledge/quotes/reporting_verbs.txt"
    assert "think" in lex.weak_verbs and "think" not in lex.strong_verbs, "'think' is marked weak"
    assert "statement" in lex.statement_nouns and "so-called" in lex.naming_cues, "word lists not loaded"
    assert "—" in lex.attribution_dashes and lex.speaker_nouns.get("military") == "body", "word lists not loaded"


@pytest.mark.parametrize("text", ['"', '""', "\u201d\u201d\u201c", "' ' '", "\u201c\n\n\u201d", "plain text"])
def test_odd_inputs_do_not_raise(text):
    doc = build(text)
    for quote in quotes_of(doc):
        assert doc.text[quote.start:quote.end] == quote.text, f"offsets do not point at {quote.text!r}"


def test_output_is_deterministic():
    text = HEADLINE + '"We will talk," Haddad said. "But not today."'
    doc = build(text, [HADDAD])
    assert find_quotes(doc, KNOWLEDGE) == find_quotes(doc, KNOWLEDGE), "the same document must give the same quotes"


# ---------------------------------------------------------------- end to end through the pipeline

def test_pipeline_finds_spans_kinds_and_cues():
    from briefgraph.pipeline import extract_text

    text = (HEADLINE + "Foreign Ministry spokeswoman Lena Okafor expressed \u201cdeep concern\u201d over the "
            "shelling. \u201cThe attack was deliberate,\u201d she said on Tuesday.\n\n"
            "The two sides will meet in Doha for \u201cproximity talks\u201d next week.")
    record = extract_text(text)
    found = [(q["text"], q["kind"], q["cue"]) for q in record["quotes"]]
    assert found == [("deep concern", "partial", "expressed"), ("The attack was deliberate,", "direct", "said")], found
    for quote in record["quotes"]:
        assert record["text"][quote["start"]:quote["end"]] == quote["text"], f"offsets of {quote} are off"
        assert quote["speaker"] is None or quote["speaker"] in {a["id"] for a in record["actors"]}, \
            "a speaker must be an actor id from the record"


# ---------------------------------------------------------------- round 6: recordings, clauses, short names

def test_footage_of_a_person_saying_is_that_persons_quote():
    text = HEADLINE + 'The new campaign spot shows footage of Haddad saying during the debate, "That makes me careful."'
    doc = build(text, [HADDAD])
    assert only(doc, "makes me careful").speaker == "a1", "footage of X saying: X speaks, not the footage"


def test_partial_quote_in_a_reported_clause_goes_to_the_named_reporter():
    text = (HEADLINE + 'Lena Okafor said in the letter that the advertisement "clearly and wrongly" suggests '
            'that the ministry backs the plan.')
    doc = build(text, [OKAFOR])
    assert only(doc, "clearly and wrongly").speaker == "a2", \
        "a reporting verb whose subject names no actor gives way to the named reporter above it"


def test_an_organisation_named_by_the_first_words_of_its_name_speaks():
    text = (HEADLINE + "Harbor Energy Holdings filed for protection on Monday.\n\n"
            'In a statement, Harbor said: "The company will keep every mine open."')
    doc = build(text, [("a3", "Harbor Energy Holdings", "ORG", ["Harbor Energy Holdings"], [])])
    assert only(doc, "every mine open").speaker == "a3", "'Harbor' names the one organisation whose name it begins"
