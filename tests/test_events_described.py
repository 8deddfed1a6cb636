"""stages/events/described.py: an act with no named target is aimed at the body, office or people
its object describes ("expel the papal nuncio", "boycotted the courts"); sentences written for these
tests."""

from __future__ import annotations

from briefgraph.stages.events import described
from briefgraph.stages.events.targets import LATE
from events_fixtures import context_of, pipeline_events, token


def test_described_target_takes_the_first_described_candidate():
    ctx = context_of("Egypt threatened to expel the papal nuncio and two aid workers.")
    actor = described.described_target(ctx, [token(ctx, "nuncio"), token(ctx, "workers")])
    assert actor is not None and actor.name == "papal nuncio" and actor.type == "ORG"
    assert described.described_target(ctx, [token(ctx, "nuncio")]) is actor  # one actor per noun


def test_described_target_stops_at_the_guesses():
    ctx = context_of("Egypt threatened to expel the papal nuncio.")
    assert described.described_target(ctx, [LATE, token(ctx, "nuncio")]) is None


def test_described_target_reads_an_office_compounded_with_the_object():
    ctx = context_of("Sudan's government ignored a court order to free the activist.")
    actor = described.described_target(ctx, [token(ctx, "order")])
    assert actor is not None and actor.name == "court"


def test_is_described():
    ctx = context_of("Egypt summoned the Turkish envoy and Israel's envoy, and arrested three crew members "
                     "and the minister of Sudan in a new plan.")
    assert described.is_described(ctx, token(ctx, "members"))
    assert not described.is_described(ctx, token(ctx, "envoy"))  # a nationality names the holder
    assert not described.is_described(ctx, token(ctx, "envoy", 1))  # so does a named possessor
    assert not described.is_described(ctx, token(ctx, "minister"))  # and a named "of" phrase
    assert not described.is_described(ctx, token(ctx, "plan"))  # no body, office or people


def test_is_described_leaves_state_forces_alone():
    ctx = context_of("Ethiopia withdrew soldiers and released hostages.")
    assert not described.is_described(ctx, token(ctx, "soldiers"))
    assert described.is_described(ctx, token(ctx, "hostages"))


def test_phrase_first():
    ctx = context_of("Qatar reinstated the opposition party's candidate and arrested its 12 crew members.")
    noun = token(ctx, "candidate")
    assert ctx.nlp[described.phrase_first(noun):noun.i + 1].text == "opposition party's candidate"
    noun = token(ctx, "members")
    assert ctx.nlp[described.phrase_first(noun):noun.i + 1].text == "12 crew members"


def test_used_described_keeps_only_the_actors_of_events():
    ctx = context_of("Egypt threatened to expel the papal nuncio.")
    actor = described.described_target(ctx, [token(ctx, "nuncio")])
    assert described.used_described(ctx, []) == []
    from briefgraph.records import Event, Evidence
    event = Event("e1", "a1", actor.id, "THREATEN", "130", False, "asserted", None, None, "threatened",
                  Evidence(0, 10, ""))
    assert described.used_described(ctx, [event]) == [actor]


def test_next_id_follows_every_actor_id():
    ctx = context_of("Egypt and Sudan threatened to expel the papal nuncio and the envoys.")
    first = described.described_target(ctx, [token(ctx, "nuncio")])
    second = described.described_target(ctx, [token(ctx, "envoys")])
    assert first.id == f"a{len(ctx.actors) + 1}" and second.id == f"a{len(ctx.actors) + 2}"


def test_acts_on_described_targets_in_the_pipeline():
    events = pipeline_events("Bolivia's government threatened to expel the papal nuncio.")
    assert ("Bolivia", "THREATEN", "papal nuncio") in events, events
    events = pipeline_events("Lawyers in Karachi boycotted the courts on Monday.")
    assert any(e[1] == "PROTEST" and e[2] == "courts" for e in events), events
    events = pipeline_events("Peru's electoral board reinstated the opposition party's candidate on Friday.")
    assert any(e[1] == "CONCEDE" and e[2] == "opposition party's candidate" for e in events), \
        f"a candidate is people an act is done to (clauses.txt people_nouns): {events}"


def test_a_named_target_comes_before_a_description():
    events = pipeline_events("Protesters in Lima demanded the resignation of President Dina Boluarte.")
    assert all(t != "President" for _, _, t in events) and any(t and "Boluarte" in t for _, _, t in events), events


def test_held():
    ctx = context_of("Egypt demanded the release of the crew and the hostages' return, and met the crew.")
    assert described.held(ctx, token(ctx, "crew"))
    assert described.held(ctx, token(ctx, "hostages"))
    assert not described.held(ctx, token(ctx, "crew", 1))


def test_a_compound_office_is_read_only_on_the_direct_object():
    ctx = context_of("Students refused to leave despite a court order.")
    assert described.described_target(ctx, [token(ctx, "order")]) is None


def test_a_gathering_is_no_described_target():
    ctx = context_of("Egypt lifted a ban on opposition rallies.")
    assert not described.is_described(ctx, token(ctx, "rallies"))


def test_taken_site():
    ctx = context_of("Farmers occupied the rector's office. Nurses ended their occupation of the ministry. "
                     "Miners blocked the mayor's office.")
    assert described.taken_site(ctx, token(ctx, "office"))
    assert described.taken_site(ctx, token(ctx, "rector"))  # nor is the owner of the site
    assert described.taken_site(ctx, token(ctx, "ministry"))
    assert described.taken_site(ctx, token(ctx, "mayor"))


def test_a_stormed_body_is_no_site():
    ctx = context_of("Protesters stormed parliament and blocked the students.")
    assert not described.taken_site(ctx, token(ctx, "parliament"))
    assert not described.taken_site(ctx, token(ctx, "students"))  # people are no building


def test_site_of_a_thing():
    ctx = context_of("Teachers would boycott classes at six universities and fired shots at villagers.")
    assert described.site_of_a_thing(ctx, token(ctx, "universities"))
    assert not described.site_of_a_thing(ctx, token(ctx, "villagers"))  # "at" people on a verb aims


def test_indefinite_body():
    ctx = context_of("Egypt's generals agreed to hand power to a civilian-led council and met the council.")
    assert described.indefinite_body(ctx, token(ctx, "council"))
    assert not described.indefinite_body(ctx, token(ctx, "council", 1))


def test_a_modifier_is_no_described_target():
    ctx = context_of("Egypt's generals agreed to hand power to a civilian-led council.")
    assert described.described_target(ctx, [token(ctx, "civilian")]) is None


def test_sites_in_the_pipeline():
    events = pipeline_events("Nurses in Quito occupied the labour ministry for two days.")
    assert all(e[2] is None or "ministry" not in e[2] for e in events), events
    events = pipeline_events("Demonstrators in Tbilisi stormed parliament on Thursday.")
    assert any(e[1] == "PROTEST" and e[2] == "parliament" for e in events), events
