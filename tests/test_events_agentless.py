"""stages/events/agentless.py: an agentless passive arrest or release is done by the doer
the story told of just before, an announced decision by its announcer (documents written for
these tests)."""

from __future__ import annotations

from briefgraph.stages.events import agentless
from events_fixtures import coded_events, every_rule_test, pipeline_events

RULE_TUPLES = {"SOURCE_FINDERS": [f.find for f in agentless.SOURCE_FINDERS]}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_holder_of_release():
    events = coded_events("On Monday, Greek police detained five Turkish fishermen near Lesbos.\n\n"
                     "The fishermen were released on Thursday after Turkey protested.")
    # "Greek police" with no other mention of Greece is the state acting through its police
    # (actors: a state named only through its forces is one GPE actor with the forces' code)
    assert ("Greece", "RETREAT", "0841", "fishermen") in events, \
        f"the release is by whoever detained the fishermen: {events}"


def test_a_release_of_no_actor_stays_no_event():
    events = coded_events("On Monday, a Greek coast guard vessel seized a Turkish fishing boat near Lesbos.\n\n"
                     "The boat was released on Thursday.")
    assert not [e for e in events if e[1] == "RETREAT"], "no actor was released: no event"


def test_a_relative_clause_arrest_stays_no_event():
    events = coded_events("Riot police fired tear gas at dock workers in Durban on Monday.\n\n"
                     "\"We will return,\" said Sipho Dlamini, a union organiser who was detained during the rally.")
    assert not [e for e in events if e[2] and e[2].startswith("173")], events


def test_force_of_arrest():
    events = coded_events("Riot police fired tear gas at hundreds of dock workers who blocked the port of Durban "
                     "on Monday.\n\nTwelve people were arrested and will appear in court on Wednesday.")
    arrests = [e for e in events if e[2] and e[2].startswith("173")]
    assert arrests and arrests[0][0] == "Riot police" and arrests[0][3] == "Twelve people", events


def test_an_agentless_arrest_with_no_force_told_stays_no_event():
    events = coded_events("Dock workers blocked the port of Durban on Monday.\n\nTwelve people were arrested.")
    assert not [e for e in events if e[2] and e[2].startswith("173")], events


def test_an_agentless_release_with_no_seizure_told_stays_no_event():
    events = coded_events("Turkey and Greece held talks in Athens on Monday.\n\nThe prisoners were released on Friday.")
    assert not [e for e in events if e[1] == "RETREAT"], events


def test_announcer_of_decision():
    events = coded_events("The night curfew in Mombasa was lifted on Sunday, Kenya's interior ministry announced.")
    assert [e for e in events if e[1] in ("RETREAT", "CONCEDE") and e[0] == "Kenya"], \
        f"the body that announces a lifted curfew lifted it: {events}"
    events = coded_events("The contested media law was withdrawn on Thursday, Georgia's ruling party announced.")
    assert [e for e in events if e[1] in ("RETREAT", "CONCEDE") and e[0] == "Georgia"], \
        f"a withdrawn law is the announcing party's act, with no target needed: {events}"


def test_an_announced_sanction_is_the_announcers():
    events = coded_events("Two Belarusian diplomats were expelled on Monday, Lithuania's foreign ministry announced.")
    assert [e for e in events if e[:2] == ("Lithuania", "SANCTION")], \
        f"an expulsion of envoys announced is the announcing state's: {events}"
    events = coded_events("Development aid to Mali was suspended, the Danish government announced.")
    assert [e for e in events if e[:2] == ("Denmark", "SANCTION")], f"aid suspended, announced: {events}"


def test_announced():
    events = coded_events("Tents and blankets were flown to Kathmandu, the Indian foreign ministry said.")
    assert ("India", "AID", "070", "Kathmandu") in events, f"aid said to be sent is the teller's: {events}"
    events = coded_events("Food parcels were delivered to Gaza on Monday, Jordan said.")
    assert [e for e in events if e[:2] == ("Jordan", "AID")], f"aid said to be delivered: {events}"
    events = coded_events("Two Kenyan journalists were arrested in Kampala, Amnesty International said.")
    assert not [e for e in events if e[0] == "Amnesty International"], f"who tells of an arrest need not make it: {events}"


def test_a_release_or_a_decision_said_by_no_state_body_keeps_no_announcer():
    for text in ("Four aid workers were released on Monday, Qatar's foreign ministry announced.",
                 "Four aid workers were released on Monday, Qatar's foreign ministry said.",
                 "The night curfew in Mombasa was lifted on Sunday, a local journalist said.",
                 "The ban on opposition rallies was lifted, Amnesty International said on Saturday.",
                 "The curfew in Jaffna was lifted, the BBC reported."):
        events = coded_events(text)
        assert not [e for e in events if e[1] in ("RETREAT", "CONCEDE")], \
            f"a mediator announcing a release, or no state body saying a decision was made, is not its doer: {events}"


def test_said_by_state_body():
    events = coded_events("The night curfew in Jaffna was lifted on Sunday, the Sri Lankan army said.")
    assert [e for e in events if e[:2] == ("Sri Lanka", "RETREAT")], f"the army says it lifted the curfew: {events}"
    events = coded_events("Two Russian diplomats were expelled on Friday, Estonia's foreign ministry said.")
    assert [e for e in events if e[:2] == ("Estonia", "SANCTION")], f"the ministry says it expelled them: {events}"
    for text in ("Two Russian diplomats were expelled from Tallinn on Friday, the Russian foreign ministry said.",
                 "Three journalists were detained in Kampala, the Kenyan foreign ministry said.",
                 "Russian troops were pulled back from Kherson, Ukraine's army said.",
                 "Aid trucks were allowed into Gaza, Egypt's foreign ministry said."):
        events = coded_events(text)
        assert not [e for e in events if e[1] in ("SANCTION", "COERCE", "RETREAT")], \
            f"a state telling of its own people expelled, a ministry of an arrest, another's forces withdrawn or "\
            f"access allowed (unsaid_decision_codes) did not do it: {events}"


SIDES_STORY = ("Ghana and Togo will send their border commissions to Aflao next week to resume marking the "
               "frontier, Ghana's foreign ministry said on Monday.\n\n"
               "The two commissions met in Lome in March and agreed on the line of the border north of the lagoon.\n\n"
               "In December, the two governments exchanged lists of detainees and released 14 prisoners.")


def test_acts_of_both_sides_are_the_first_sides_on_the_other():
    events = coded_events(SIDES_STORY)
    for cameo in ("040", "030", "060"):
        assert ("Ghana", None, cameo, "Togo") in [(s, None, c, t) for s, _, c, t in events], \
            f"'the two commissions'/'the two governments' stand for Ghana and Togo ({cameo}): {events}"
    assert not [e for e in events if e[0] == "Togo" and e[2] in ("040", "030")], \
        f"one event per act of both sides, the first-named side's: {events}"


def test_both_sides_signing_is_done_to_the_other_side():
    events = coded_events("Chile and Peru held talks in Lima on Tuesday on fishing rights, the Chilean foreign "
                     "ministry said.\n\nBoth sides signed a protocol on joint patrols. "
                     "The parties will meet again in Santiago in June.")
    assert any(e[0] == "Chile" and e[2] == "057" and e[3] == "Peru" for e in events), \
        f"'both sides' signed with each other: {events}"
    assert not [e for e in events if e[2].startswith(("03", "04")) and e[2] != "046"], \
        f"'the parties will meet' is a plan of both sides, not coded: {events}"


def test_both_sides_with_no_two_sided_act_told_stay_no_event():
    events = coded_events("Police in Lima detained 12 protesters on Monday. The two countries signed a trade deal "
                     "on Friday. Both sides welcomed the deal.")
    assert all(e[0] in ("Police",) for e in events), f"no two sides told: the pair phrase names no one: {events}"


def test_sides_of_noun():
    events = coded_events("The ICRC flew 20 detainees released by the Houthi authorities from Sanaa to Marib, and 18 "
                     "detainees released by the Government of Yemen from Marib to Sanaa, as part of an agreement "
                     "reached by the parties in Muscat last month.")
    agreed = [e for e in events if e[1] == "AGREE"]
    assert agreed and {agreed[0][0], agreed[0][3]} <= {"Houthi authorities", "authorities", "Yemen", "Houthis"}, \
        f"the parties of the agreement are the two sides that released detainees: {events}"
    events = coded_events("Talks resumed in Muscat on Monday.\n\nAn agreement was reached by the parties.\n\n"
                     "Oman welcomed it.")
    assert not [e for e in events if e[1] == "AGREE"], f"no sides told: no agreement drafted: {events}"


def test_held_people():
    text = ("On Monday, a Venezuelan coast guard vessel detained a Guyanese fishing boat and its six crew members "
            "near the Essequibo River.\n\nThe crew was released on Thursday after Guyana protested.")
    events = pipeline_events(text)
    assert ("Venezuela", "RETREAT", "Guyana") in events, f"the crew the detention named: {events}"



def test_only_an_announced_decision_is_lent_with_no_target():
    targetless = [f.find.__name__ for f in agentless.SOURCE_FINDERS if not f.needs_target]
    assert targetless == ["announcer_of_decision"], \
        f"an arrest or release lent a doer needs a target, an announced decision may have none: {targetless}"


def test_summoner():
    events = coded_events("The Danish ambassador was summoned to the Swedish foreign ministry over the raid.")
    assert ("Sweden", "ACCUSE", "114", "Denmark") in events, f"summoned to the Swedish ministry: {events}"
    events = coded_events("Hungary's envoy was summoned on Friday, the Romanian foreign ministry said.")
    assert ("Romania", "ACCUSE", "114", "Hungary") in events, f"the ministry that tells of the summons made it: {events}"
    events = coded_events("The Chinese envoy was summoned to the Ministry of Foreign Affairs in Vilnius.")
    assert [e for e in events if e[1] == "ACCUSE" and e[0] == "Vilnius"], \
        f"the city of the ministry summoned to, before the ministry: {events}"
    events = coded_events("Serbia's ambassador was summoned to the Foreign Ministry in Zagreb.")
    assert [e for e in events if e[1] == "ACCUSE" and e[0] == "Zagreb"], f"the city inside the 'to' phrase: {events}"
    events = coded_events("The cabinet was summoned to an emergency meeting on Friday.")
    assert not [e for e in events if e[1] == "ACCUSE"], f"nobody summoned named: {events}"
