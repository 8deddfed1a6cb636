"""stages/events/subjects.py: each rule of SUBJECT_RULES on its own, on a
sentence written for it, through the real structure and parse stages."""

from __future__ import annotations

from briefgraph.stages.events import subjects
from events_fixtures import context_of, every_rule_test, pipeline_events, texts, token

RULE_TUPLES = {
    "SUBJECT_RULES": subjects.SUBJECT_RULES,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def _subjects(rule, text, verb):
    ctx = context_of(text)
    found = rule(ctx, token(ctx, verb), 0)
    return (texts(found[0]), found[1]) if found is not None else None


def test_hedged_subject():
    assert _subjects(subjects.hedged_subject, "Armed men believed to be rebels abducted six traders in Ituri.",
                     "abducted") == (["men"], False), "'men believed to be rebels abducted': the men abduct"
    assert _subjects(subjects.hedged_subject, "Egypt agreed to release the prisoners.", "release") is None, \
        "no hedge above the verb"


def test_from_head_verb():
    assert _subjects(subjects.from_head_verb, "Egypt agreed to release the prisoners.", "release") == \
        (["Egypt"], False), "'agreed to release': the head verb's subject releases"


def test_through_adjective():
    assert _subjects(subjects.through_adjective, "Sudan is willing to withdraw its troops.", "withdraw") == \
        (["Sudan"], False), "'Sudan is willing to withdraw': Sudan withdraws"
    assert _subjects(subjects.through_adjective, "Egypt would be prepared to release the sailors.", "release") == \
        (["Egypt"], False), "'would be prepared to release' (a participle made the complement of 'be'): Egypt"


def test_from_gerund_head():
    assert _subjects(subjects.from_gerund_head, "Egypt condemned Israel, accusing it of aggression.",
                     "accusing") == (["Egypt"], False), "', accusing ...': the subject of the verb it hangs on"
    assert _subjects(subjects.from_gerund_head, "Egypt will reopen the crossing, officials said, yielding to "
                     "pressure from Qatar.", "yielding") == (["Egypt"], False), \
        "a material act hung on a report verb after what it reports: the reported clause's doer"
    assert _subjects(subjects.from_gerund_head, "Egypt closed the crossing, officials said, blaming Hamas.",
                     "blaming") == (["officials"], False), "blaming hung on a report verb: the speaker's"


def test_means_gerund():
    assert _subjects(subjects.means_gerund, "Syria violated the ceasefire by shelling Idlib.", "shelling") \
        == (["Syria"], False), "'violated the ceasefire by shelling': the violator shells"
    assert _subjects(subjects.means_gerund, "Syria is used to shelling Idlib.", "shelling") is None


def test_reason_gerund():
    for said, gerund in (("The EU thanked Turkey for hosting refugees.", "hosting"),
                         ("Nepal faulted China for closing the border.", "closing"),
                         ("Ghana condemned Togo for expelling the envoys.", "expelling")):
        assert _subjects(subjects.reason_gerund, said, gerund) is None, f"a said reason: {said}"
    assert _subjects(subjects.reason_gerund, "The UN called for ending the blockade.", "ending") is None, \
        "no one the act is done to"
    assert ("25 garment workers", "PROTEST", None) in pipeline_events(
        "Police in Dhaka detained 25 garment workers for blocking a highway."), "the object's deed"
    assert ("120 farmers", "PROTEST") in [e[:2] for e in pipeline_events(
        "Police filed charges against 120 farmers for blocking the road in Multan.")], "the 'against' object's"
    assert ("Six activists", "ASSAULT", "police station") in pipeline_events(
        "Six activists were jailed in Algiers for attacking a police station."), "a passive verb's subject"
    assert ("12 activists", "PROTEST", None) in pipeline_events(
        "A court in Cairo jailed 12 activists for storming a ministry."), "a court's sentence: a deed"


def test_is_said_reason():
    ctx = context_of("Russia blamed the United Nations and Western countries for stalling the talks.")
    assert subjects.is_said_reason(ctx, token(ctx, "blamed")), "blame: the speaker's claim"
    ctx = context_of("Chile praised Peru and Bolivia for ratifying the treaty with Japan.")
    assert subjects.is_said_reason(ctx, token(ctx, "praised")), "praise: the speaker's claim"
    ctx = context_of("Police in Dhaka detained 25 garment workers for blocking a highway.")
    assert not subjects.is_said_reason(ctx, token(ctx, "detained")), "a detention: a deed"


def test_from_purpose_head():
    assert _subjects(subjects.from_purpose_head, "Egypt sent observers to Sudan on Monday to investigate "
                     "the killings.", "investigate") == (["Egypt"], False), "'sent observers to investigate': the sender"


def test_hung_on_subject_noun():
    assert _subjects(subjects.hung_on_subject_noun, "Egypt, hosting talks with Hamas in Doha.", "hosting") == \
        (["Egypt"], False), "a sentence the parser hung on its subject noun: the noun acts"


def test_participle_agent():
    assert _subjects(subjects.participle_agent, "The drones launched by Hezbollah hit Israel.", "launched") == \
        (["Hezbollah"], True), "'drones launched by X': the agent, passive"


def test_participle_noun():
    assert _subjects(subjects.participle_noun, "Boats heading to the shoal were stopped.", "heading") == \
        (["Boats"], False), "'boats heading to the shoal': the boats head there"
    assert _subjects(subjects.participle_noun, "Egypt issued a statement applauding Sudan.", "applauding") == \
        (["Egypt"], False), "'a statement applauding X': the statement's author applauds"


def test_titled_people():
    events = pipeline_events("Deputy Minister of Trade Anna Berg and Estonian Economy Minister Tomas Lind signed "
                             "a customs pact in Oslo on Monday.")
    assert ("Anna Berg", "SUPPORT", "Tomas Lind") in events, "a title over two coordinated people stands for both"
    ctx = context_of("Foreign Minister Anna Berg signed a pact with Estonia in Oslo.")
    assert subjects.titled_people(ctx, token(ctx, "signed")) == [], "no coordinated people"


def test_members():
    ctx = context_of("The presidents of Azerbaijan and Armenia met in Prague on Thursday.")
    assert texts(subjects.members(ctx, token(ctx, "presidents"))) == ["Azerbaijan", "Armenia"], \
        "plural office holders of two states are those states"
    ctx = context_of("Envoys from Cuba met Hamas.")
    assert texts(subjects.members(ctx, token(ctx, "Envoys"))) == ["Envoys"], "a group of one stays the token"
    events = pipeline_events("The heads of state of Ghana and Togo met in Accra on Monday.")
    assert ("Ghana", "CONSULT", "Togo") in events, f"'heads of state of X and Y': X and Y meet: {events}"


def test_of_parties():
    ctx = context_of("The heads of state of Ghana and Togo met in Accra.")
    assert subjects.of_parties(token(ctx, "state")).text == "Ghana", "'state of Ghana and Togo': the names"
    ctx = context_of("The leaders of Egypt and Jordan met in Amman.")
    assert subjects.of_parties(token(ctx, "Egypt")).text == "Egypt", "coordinated already: itself"


def test_past_dateline():
    ctx = context_of("SKOPJE, North Macedonia (AP) — Greece and Albania agreed on Monday to open a joint border "
                     "post near Kakavia, officials said. Traders welcomed the step. Lorries queued for hours.")
    found, _passive = subjects.subjects(ctx, token(ctx, "agreed"))
    assert texts(found) == ["Greece", "Albania"], f"the dateline's place is no subject: {texts(found)}"
    later = token(ctx, "Traders")
    assert subjects.past_dateline(ctx, later) is later, "a subject outside the dateline is itself"
    events = pipeline_events("VARNA, Bulgaria — Bulgaria and Romania agreed on Friday to run joint ferry checks "
                             "near Varna, the two ministries said. Hauliers had waited for days at the port. "
                             "The checks start next month.")
    assert ("Bulgaria", "AGREE", "Romania") in events, f"coordinated subjects after a dateline agree together: {events}"
