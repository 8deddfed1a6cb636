"""stages/events/results.py: a participle clause's toll folded into its event."""

from __future__ import annotations

from briefgraph.stages.events import results
from briefgraph.stages.events.triggers import sentence_events
from events_fixtures import context_of, every_rule_test, extra_actors, pipeline_events

RULE_TUPLES = {"RESULT_FOLDS": results.RESULT_FOLDS}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def _drafts(ctx):
    return [d for sent in ctx.nlp.sents for d in sentence_events(ctx, sent)]


def _draft(drafts, trigger):
    hits = [d for d in drafts if d.trigger.text == trigger]
    assert hits, f"no draft triggered by {trigger!r}: {[d.trigger.text for d in drafts]}"
    return hits[0]


def test_toll_participle():
    with extra_actors(**{"four gunmen": ("NORP", [])}):
        ctx = context_of("Israel shelled Hamas positions on Monday, killing four gunmen.")
        drafts = _drafts(ctx)
        assert results.toll_participle(ctx, _draft(drafts, "killing"), drafts), "the toll of the shelling"
        assert results.toll_participle(ctx, _draft(drafts, "shelled"), drafts) is None, "the shelling is the event"


def test_toll_participle_needs_a_main_event():
    with extra_actors(**{"four gunmen": ("NORP", [])}):
        ctx = context_of("Killing four gunmen, Israel said the operation was over.")
        drafts = _drafts(ctx)
        kills = [d for d in drafts if d.trigger.text == "Killing"]
        assert all(results.toll_participle(ctx, d, drafts) is None for d in kills), "no event before it"


def test_fold_results_gives_the_victims_to_a_place_target():
    with extra_actors(Jamundi=("GPE", []), **{"three officers": ("NORP", [])}):
        ctx = context_of("Hamas attacked a police station in Jamundi on Tuesday, wounding three officers.")
        kept = results.fold_results(ctx, _drafts(ctx))
        assert [d.trigger.text for d in kept] == ["attacked"], [d.trigger.text for d in kept]
        assert kept[0].target is not None and kept[0].target.name == "three officers", kept[0].target


def test_fold_results_keeps_the_place_of_an_attacked_area():
    with extra_actors(Omdurman=("GPE", []), **{"12 civilians": ("NORP", [])}):
        ctx = context_of("Sudan shelled residential districts of Omdurman on Monday, killing 12 civilians.")
        kept = results.fold_results(ctx, _drafts(ctx))
        assert [d.trigger.text for d in kept] == ["shelled"], [d.trigger.text for d in kept]
        assert kept[0].target is not None and kept[0].target.name == "Omdurman", kept[0].target
        assert results.hits_an_area(ctx, kept[0]), "districts are an area the shelling hit"


def test_toll_participle_folds_a_consequence_without_victims():
    with extra_actors(**{"hundreds of residents": ("NORP", [])}):
        ctx = context_of("Hamas shelled the town on Friday, forcing hundreds of residents to flee.")
        drafts = _drafts(ctx)
        forcing = [d for d in drafts if d.trigger.text == "forcing"]
        assert all(results.toll_participle(ctx, d, drafts) for d in forcing), "a consequence of the shelling"
        kept = results.fold_results(ctx, drafts)
        assert all(d.target is None or d.target.name != "hundreds of residents" for d in kept), \
            "those it forces to flee are no victims of the shelling"


def test_coordinated_repeat():
    with extra_actors(**{"plainclothes officers": ("NORP", []), "Journalists": ("NORP", [])}):
        ctx = context_of("Journalists were pushed and kicked by plainclothes officers outside the court.")
        drafts = _drafts(ctx)
        kicked = _draft(drafts, "kicked")
        assert kicked.source.name == "plainclothes officers", "the passives share the agent"
        assert results.coordinated_repeat(ctx, kicked, drafts), "one assault told by two verbs"
        assert [d.trigger.text for d in results.fold_results(ctx, drafts)] == ["pushed"]


def test_coordinated_repeat_keeps_verbs_with_their_own_objects():
    with extra_actors(Traders=("NORP", [])):
        ctx = context_of("Traders shut their shops and blocked roads on Saturday.")
        drafts = _drafts(ctx)
        assert results.coordinated_repeat(ctx, _draft(drafts, "blocked"), drafts) is None, "two protests"


def test_toll_participle_folds_what_a_strike_halts():
    ctx = context_of("Egyptian dock workers went on strike in Alexandria on Tuesday, halting cargo operations.")
    drafts = _drafts(ctx)
    halting = [d for d in drafts if d.trigger.text == "halting"]
    assert all(results.toll_participle(ctx, d, drafts) for d in halting), "what the strike halts is its consequence"
    assert not any(d.trigger.text == "halting" for d in results.fold_results(ctx, drafts)), \
        "no concession by the strikers"


def test_same_type_participle():
    with extra_actors(**{"11 civilians": ("NORP", [])}):
        ctx = context_of("Hamas attacked a village in Sudan on Saturday, killing 11 civilians and burning dozens "
                         "of homes.")
        drafts = _drafts(ctx)
        assert results.same_type_participle(ctx, _draft(drafts, "burning"), drafts), \
            "burning homes in the attack is more of the attack"
        kept = results.fold_results(ctx, drafts)
        assert [d.trigger.text for d in kept] == ["attacked"], [d.trigger.text for d in kept]
        ctx = context_of("Israel attacked Gaza on Monday, detaining dozens of men.")
        drafts = _drafts(ctx)
        detained = [d for d in drafts if d.trigger.text == "detaining"]
        assert all(results.same_type_participle(ctx, d, drafts) is None for d in detained), \
            "an arrest after an attack is an act of another type"


def test_untargeted_conjunct():
    ctx = context_of("Shoukry will travel to Khartoum to meet Lina Haddad and visit affected communities.")
    drafts = _drafts(ctx)
    visits = [d for d in drafts if d.trigger.text == "visit"]
    assert visits and all(results.untargeted_conjunct(ctx, d, drafts) for d in visits), \
        f"visiting communities adds no event to the meeting: {[(d.trigger.text, d.target) for d in drafts]}"
    ctx = context_of("Israel shelled Gaza and bombed Hezbollah.")
    drafts = _drafts(ctx)
    assert all(results.untargeted_conjunct(ctx, d, drafts) is None for d in drafts), "both have their targets"


def test_untargeted_purpose():
    with extra_actors(**{"Thousands of protesters": ("GROUP", [])}):
        ctx = context_of("Thousands of protesters rallied outside the parliament in Cairo to reject the result.")
        drafts = _drafts(ctx)
        rejects = [d for d in drafts if d.trigger.text == "reject"]
        assert rejects and all(results.untargeted_purpose(ctx, d, drafts) for d in rejects), \
            "rejecting the result is what the rally was for, no event of its own"
    ctx = context_of("Egypt sent troops to Sudan to fight Hamas.")
    drafts = _drafts(ctx)
    assert all(results.untargeted_purpose(ctx, d, drafts) is None for d in drafts), \
        "a purpose with its own target is kept"


def test_yielded_to_by():
    for text, maker in (("Sri Lanka's cabinet reinstated fuel subsidies for fishermen on Wednesday, giving in to a "
                         "demand from the fishing unions.", "fishing unions"),
                        ("Nigeria's government restored the fuel subsidy for motorists, bowing to pressure from the "
                         "labour unions.", "labour unions")):
        found = pipeline_events(text)
        assert any(e[1] == "CONCEDE" and e[2] == maker for e in found), \
            f"the concession is made to whom it yields to, not to its beneficiaries: {found}"


def test_own_people_act():
    with extra_actors(**{"50 traders": ("NORP", []), "20 students": ("NORP", []), "10 more": ("NORP", [])}):
        ctx = context_of("Hamas raided the offices of a union in Kano on Tuesday, arresting 50 traders.")
        drafts = _drafts(ctx)
        raid, arrest = _draft(drafts, "raided"), _draft(drafts, "arresting")
        assert results.own_people_act(ctx, raid, arrest), "an arrest of people of its own after a raid (170)"
        kept = results.fold_results(ctx, drafts)
        assert [d.trigger.text for d in kept] == ["raided", "arresting"], [d.trigger.text for d in kept]
        ctx = context_of("Hamas arrested 20 students in Kano on Tuesday, detaining 10 more.")
        drafts = _drafts(ctx)
        assert not results.own_people_act(ctx, _draft(drafts, "arrested"), _draft(drafts, "detaining")), \
            "an arrest after an arrest tells more of it"
