"""stages/events/pairs.py: an act aimed at "both sides" is aimed at the state the document
is most about (documents written for these tests)."""

from __future__ import annotations

from dataclasses import replace

from briefgraph.stages.events import pairs, party_places
from briefgraph.stages.events.triggers import sentence_events
from events_fixtures import context_of, draft_by, every_rule_test, pipeline_events

RULE_TUPLES = {"PAIR_FINDERS": pairs.PAIR_FINDERS}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


_draft = draft_by


def test_pair_object():
    ctx, draft = _draft("Qatar urged both sides to show restraint.", "urged")
    assert pairs.pair_object(ctx, draft).text == "sides"
    ctx, draft = _draft("Qatar urged its citizens to show restraint.", "urged")
    assert pairs.pair_object(ctx, draft) is None


def test_pair_members():
    events = pipeline_events("Egypt extradited two suspects to Sudan on Monday. Egypt thanked Sudan for its help. "
                     "Officials from both countries will meet in Cairo next week.")
    meetings = [e for e in events if e[0] == "Officials"]
    assert meetings and meetings[0][2] in ("Egypt", "Sudan"), events


def test_an_appeal_to_all_sides_is_aimed_at_the_main_state():
    text = ("Police in Peru detained 30 protesters in Lima on Monday. Peru's government rejected their demands. "
            "The European Union urged all sides to show restraint.")
    events = pipeline_events(text)
    assert ("European Union", "REQUEST", "Peru") in events, events


def test_no_pair_phrase_leaves_no_target():
    events = pipeline_events("Police in Peru detained 30 protesters in Lima on Monday. "
                     "The European Union urged restraint.")
    assert all(not (s == "European Union" and t is not None) for s, _, t in events), events


def test_pair_pronoun():
    text = ("Ghana and Togo held talks in Lome on the border. Senegal's envoy, Amadou Diallo, praised both "
            "delegations for attending and urged them to sign an accord.")
    events = pipeline_events(text)
    assert ("Amadou Diallo", "REQUEST", "Ghana") in events, f"'them' stands for both delegations: {events}"


def test_counted_party_nouns_are_a_pair_phrase():
    def noun(text: str):
        ctx = context_of(text)
        return ctx, next(t for t in ctx.nlp if t.text == "delegations")

    assert pairs.is_pair_phrase(*noun("Malaysia praised the three delegations in Kuala Lumpur.")), \
        "'the three delegations' are the story's sides"
    assert pairs.is_pair_phrase(*noun("Malaysia praised both delegations in Kuala Lumpur.")), \
        "'both delegations' are the story's sides"
    assert not pairs.is_pair_phrase(*noun("Malaysia praised three delegations in Kuala Lumpur.")), \
        "a counted party noun with no 'the' is some delegations, not the story's sides"


def test_both_sides_are_those_of_the_first_two_sided_act():
    text = ("Ghana and Togo held talks in Lome on the border. Police in Togo arrested 12 protesters. "
            "Senegal praised both delegations.")
    events = pipeline_events(text)
    assert ("Senegal", "SUPPORT", "Ghana") in events, f"the sides are Ghana and Togo: {events}"


def test_a_third_party_offer_is_aimed_at_the_sides():
    text = "Ghana and Togo held talks in Lome on the border. Senegal offered to host a second round in Dakar."
    events = pipeline_events(text)
    offers = [e for e in events if e[0] == "Senegal"]
    assert offers and all(t == "Ghana" for *_, t in offers), f"Dakar is where, the sides are whom: {events}"


def test_a_pair_object_overrides_a_target_found_elsewhere():
    ctx = context_of("Sudan and Ethiopia held talks in Cairo. Qatar urged both sides to show restraint.")
    drafts = [d for sent in ctx.nlp.sents for d in sentence_events(ctx, sent)]
    urged = next(d for d in drafts if d.trigger.text == "urged")
    elsewhere = next(a for a in ctx.actors if a.name == "Egypt")
    aimed = pairs.aim_at_pairs(ctx, [*drafts[:-1], replace(urged, target=elsewhere)])
    target = next(d for d in aimed if d.trigger.text == "urged").target
    assert target is not None and target.name == "Sudan", f"'both sides' are Sudan and Ethiopia: {target}"


def test_venue_only():
    ctx, draft = _draft("Sudan and Ethiopia held talks. Qatar offered to host a second round in Cairo.", "offered")
    assert draft.target is None or pairs.venue_only(ctx, draft), f"Cairo is where: {draft.target}"
    ctx, draft = _draft("Qatar offered to visit Cairo next week.", "offered")
    assert not pairs.venue_only(ctx, draft), "the visited city is whom the visit is to"


STORY_LEAD = "Niger closed its border with Benin on Monday. Trucks queued at the crossing for days. "


def test_unaimed_offer_in_a_story_is_dropped():
    events = pipeline_events(STORY_LEAD + "China offered to help on Tuesday.")
    assert not any(s == "China" for s, _, _ in events), f"an offer aimed at no one the story names is no event: {events}"


def test_unaimed_offer_in_a_lone_sentence_stays():
    events = pipeline_events("Trucks queued at the crossing for days. China offered to help on Tuesday.")
    assert ("China", "AGREE", None) in events, f"two sentences are no story: the offer stays untargeted: {events}"


def test_acts_at_large_keep_no_target():
    events = pipeline_events(STORY_LEAD + "Gunmen from the Movement for Justice attacked on Tuesday.")
    assert ("Gunmen", "ASSAULT", None) in events, f"an attack may be told with no target: {events}"
    events = pipeline_events(STORY_LEAD + "Vanuatu's government appealed for international aid on Tuesday.")
    assert ("Vanuatu", "REQUEST", None) in events, f"an appeal (CAMEO 02) is addressed to no one: {events}"


def test_is_story():
    assert pairs.is_story(context_of(STORY_LEAD + "China offered to help.")), "three sentences are a story"
    assert not pairs.is_story(context_of("China offered to help on Tuesday.")), "one sentence is no story"


def test_in_dateline():
    ctx = context_of("Geneva/Sana'a, 14 May 2024 – The ICRC facilitated the release of 38 detainees. "
                     "The detainees flew home on Monday. Their families met them in Geneva.")
    genevas = [t for t in ctx.nlp if t.text == "Geneva"]
    assert ctx.datelines, "the opening place and date are a dateline"
    assert ctx.in_dateline(genevas[0]), "the opening 'Geneva' is the dateline's"
    assert not ctx.in_dateline(genevas[-1]), "'in Geneva' in the body is no dateline"


def test_a_dateline_place_is_no_target():
    text = ("Geneva/Sana'a, 14 May 2024 – The ICRC facilitated the release of 38 detainees held in relation to "
            "the conflict in Yemen. The detainees flew home on Monday. Their families met them at the airport.")
    events = pipeline_events(text)
    assert not any(t == "Geneva" for _, _, t in events), f"the dateline's city filed the story: {events}"


def test_a_place_named_in_the_body_stays_the_target():
    events = pipeline_events("Japan's foreign ministry criticized China in Tokyo on Monday.")
    assert any(t == "China" for _, _, t in events), f"no dateline, the object stays the target: {events}"


def test_a_generic_actors_act_on_unnamed_people_stays_in_a_story():
    events = pipeline_events(STORY_LEAD + "Police later arrested four suspects in the town.")
    assert any(s.lower() == "police" and p == "COERCE" and t in (None, "four suspects") for s, p, t in events), \
        f"the police's arrest of people the text does not name stays an event: {events}"


def test_a_state_institutions_act_on_unnamed_people_stays_in_a_story():
    events = pipeline_events("Kenya closed its border with Uganda on Monday. Trucks queued at the crossing for "
                             "days. Kenyan police later arrested five suspects near the crossing, an official said.")
    assert any(s in ("Kenyan police", "Kenya") and p == "COERCE" for s, p, _ in events), \
        f"a state's institution named by nationality is a generic actor before affiliation sets it: {events}"


def test_passage_object():
    ctx, draft = _draft("Egypt reopened the crossing to Sudan on Friday.", "reopened")
    assert pairs.passage_object(ctx, draft), "a crossing is a passage"
    ctx, draft = _draft("Egypt shut its side of the border with Sudan last month.", "shut")
    assert pairs.passage_object(ctx, draft), "'its side of the border' is a passage through its 'of' phrase"
    ctx, draft = _draft("Egypt shut its embassy in Sudan last month.", "shut")
    assert not pairs.passage_object(ctx, draft), "an embassy is no passage"


def test_an_act_on_a_passage_is_aimed_at_the_neighbour_across_it():
    events = pipeline_events("Senegal and Gambia held talks in Banjul on Monday about ferry tolls.\n\n"
                     "Gambia shut its side of the border last month after truckers blocked a bridge. "
                     "On Wednesday, Gambia reopened the border, the Gambian government said.")
    aimed = [e for e in events if e[0] == "Gambia" and e[1] in ("SANCTION", "CONCEDE", "RETREAT")]
    assert aimed and all(t == "Senegal" for _, _, t in aimed), f"closing and reopening the border: {events}"


def test_short_unaimed():
    found = pipeline_events("Egypt hosted talks on Sunday.")
    assert not any(e[1] == "CONSULT" for e in found), f"a lone meeting with no one met is not coded: {found}"
    kept = pipeline_events("Kenya accused Uganda of arming rebels.")
    assert any(e[1] == "ACCUSE" for e in kept), f"an accusation with its target stays: {kept}"
    protest = pipeline_events("Hundreds of farmers protested in Paris on Monday.")
    assert any(e[1] == "PROTEST" for e in protest), f"an act done at large stays without a target: {protest}"


def test_unaimed_keeps_restrictions_laid_on_an_area():
    for text, cameo in (("Police imposed a curfew on Monday.", "1723"),
                        ("Authorities in Lome banned all protests on Friday.", "1721")):
        found = pipeline_events(text, cameo=True)
        assert any(e[1] == "COERCE" and e[2] == cameo for e in found), f"{text!r}: a restriction needs no target: {found}"


def test_restriction_at_large_needs_no_one_named():
    for text in ("Authorities in Kaduna imposed a dusk-to-dawn curfew on three districts.",
                 "Thai authorities blocked opposition websites on Tuesday."):
        found = pipeline_events(text, cameo=True)
        assert not any(e[1] == "COERCE" and e[3] is None for e in found), f"{text!r}: a target is named: {found}"
    found = pipeline_events("Police banned a march by women's groups in Harare.", cameo=True)
    assert any(e[1] == "COERCE" and e[2] == "1721" for e in found), f"a ban on a march needs no target: {found}"


# ---- round 17 ----

def test_co_attendee():
    events = pipeline_events("Negotiators for Mali and the Tuareg rebels resumed talks in Algiers on Monday. "
                     "Envoys from Chad, Niger and Ghana attended the opening session at the Algerian foreign ministry. "
                     "The talks will last a week.")
    attending = [e for e in events if e[0] in ("Chad", "Niger", "Ghana")]
    assert attending and all(t == "Mali" for _, _, t in attending), \
        f"third parties at the sides' talks, not meeting each other: {events}"


def test_co_subjects_meeting_each_other_stay_partners():
    events = pipeline_events("Chad and Niger held talks in Niamey on Monday about the border. Both sides praised the meeting. "
                     "Trade resumed.")
    assert ("Chad", "CONSULT", "Niger") in events, f"no talks of others told: their own meeting: {events}"


def _full_drafts(text: str):
    """The full pipeline's context of `text` and its sentences' drafts."""
    from briefgraph.knowledge import Knowledge
    from briefgraph.pipeline import analyse
    from briefgraph.records import RawDocument
    from briefgraph.stages.events.context import Context, EventKnowledge
    doc = next(iter(analyse([RawDocument(text=text, source="test", format="text")])))
    ctx = Context.of(doc, EventKnowledge.of(Knowledge.default()))
    return ctx, [d for sent in ctx.nlp.sents for d in sentence_events(ctx, sent)]


def test_described_place():
    ctx, drafts = _full_drafts("Chad's government halted fuel shipments through Cameroon on Friday, a day after "
                               "Boko Haram blew up a stretch of the pipeline that carries Chadian crude to the "
                               "Atlantic coast.")
    blown = [d for d in drafts if d.trigger.text == "blew"]
    assert blown and blown[0].target is not None and party_places.described_place(ctx, blown[0]), \
        f"a place inside a relative clause of the object is where the thing goes: {blown}"
    ctx, drafts = _full_drafts("Chad's government halted fuel shipments on Friday, a day after Boko Haram blew up "
                               "a pumping station near the Atlantic coast.")
    assert not any(party_places.described_place(ctx, d) for d in drafts), "a place of the clause itself stays"


def test_border_partner():
    events = pipeline_events("Serbia's armed forces moved two battalions into Raska district, near the border with Kosovo, "
                     "the ministry said. Kosovo accused Belgrade of intimidation. NATO called for calm.")
    assert ("Serbia", "MOBILIZE", "Kosovo") in events, f"a deployment toward the border with Kosovo: {events}"


def test_an_act_on_a_passage_with_a_guessed_target_is_aimed_at_the_neighbour():
    events = pipeline_events("Mali's junta suspended cotton exports through neighbouring Senegal on Wednesday. "
                     "Senegal closed its side of the border at the time in line with sanctions imposed by the "
                     "African Union, and Mali kept its own side shut.")
    assert ("Senegal", "SANCTION", "Mali") in events, f"the African Union is named outside the act: {events}"


def test_parallel_acts():
    text = ("The ICRC flew 20 detainees released by the Houthi authorities from Sanaa to Marib, and 18 detainees "
            "released by the Government of Yemen from Marib to Sanaa. The parties have not yet agreed on the "
            "release of 200 further detainees. The ICRC stands ready to help.")
    events = pipeline_events(text)
    agreed = [e for e in events if e[1] == "AGREE"]
    assert agreed and {agreed[0][0], agreed[0][2]} <= {"Houthi authorities", "authorities", "Yemen", "Houthis"}, events


def test_state_pair():
    events = pipeline_events("India will allow garments from Bangladesh to enter through its land ports from Friday. "
                     "An official said the decision followed talks in Dhaka between the two countries' commerce "
                     "secretaries, who also agreed to set up a joint committee. Bangladesh welcomed the move.")
    agreed = [e for e in events if e[1] == "AGREE"]
    assert agreed and {agreed[0][0], agreed[0][2]} == {"India", "Bangladesh"}, \
        f"no two-sided act told: the two countries are the two states named most: {events}"
    assert ("Bangladesh", "SUPPORT", "India") in events, f"the move is India's, not the relative clause's: {events}"


def test_the_two_countries_people_are_a_pair_phrase():
    ctx = context_of("The decision followed talks between the two countries' trade ministers.")
    ministers = next(t for t in ctx.nlp if t.text == "ministers")
    assert pairs.is_pair_phrase(ctx, ministers)


def test_venue_place():
    text = ("Pakistani and Afghan border commanders agreed to a ceasefire at the Torkham crossing on Monday. "
            "Pakistan reopened the crossing the next day. China welcomed the ceasefire.")
    ctx, drafts = _full_drafts(text)
    placed = [d for d in drafts if d.target is not None and d.target.name == "Torkham"]
    assert all(party_places.venue_place(ctx, d) for d in placed), f"Torkham is where they agreed: {placed}"
    assert not any(t == "Torkham" for _, _, t in pipeline_events(text)), "a venue is no party to the agreement"
    ctx, drafts = _full_drafts("Kenya's foreign minister visited Mombasa and Kisumu on Monday.")
    assert not any(party_places.venue_place(ctx, d) for d in drafts), "a place visited is the visit's object"


def test_asked_of():
    text = "Britain demanded an explanation from Moscow after the poisoning. Poland demanded answers from Minsk."
    ctx, drafts = _full_drafts(text)
    asked = [d for d in drafts if d.target is not None and d.target.name in ("Moscow", "Minsk")]
    assert len(asked) == 2 and not any(party_places.venue_place(ctx, d) for d in asked), \
        f"the capital a demand is made of is a party to it: {asked}"
    assert ("United Kingdom", "REQUEST", "Moscow") in pipeline_events(text)
    ctx, drafts = _full_drafts("Kenya's foreign minister welcomed the aid from Nairobi's donors in Kisumu.")
    assert not any(party_places.asked_of(d.trigger, t) for d in drafts for t in d.trigger.sent
                   if t.text == "Kisumu"), "a place after 'in' is asked of no one"


def test_place_phrase():
    text = ("Latvia praised the volunteers from Riga on Monday. Finland's border guard towed an Estonian ferry to "
            "Kotka, accusing its owner of smuggling. Ghana condemned the attack on Aflao.")
    ctx, drafts = _full_drafts(text)
    placed = [d for d in drafts if d.target is not None and d.target.name in ("Riga", "Kotka")]
    assert placed and all(party_places.venue_place(ctx, d) for d in placed), \
        f"where the volunteers come from, where the ferry was towed: no party to the praise or the accusation: {placed}"
    ghana = [d for d in drafts if d.source.name == "Ghana"]
    assert ghana and not any(party_places.venue_place(ctx, d) for d in ghana), "the place attacked stays the target"
    events = pipeline_events("Norway's navy found a drifting Swedish barge 20 kilometres south of Kristiansand and "
                             "helped Sweden tow it home. Sweden thanked Norway. Trade resumed.")
    assert not any(t == "Kristiansand" for _, _, t in events), f"a place told by a compass word: {events}"
    ctx, drafts = _full_drafts("The African Union sent 30 observers to Kampala on Tuesday to investigate the clashes.")
    sent = [d for d in drafts if d.trigger.text == "investigate"]
    assert sent and not any(party_places.venue_place(ctx, d) for d in sent), \
        "a purpose infinitive is done where its verb sent them: Kampala stays"


def test_arrested_suspects_are_the_target_in_a_story():
    events = pipeline_events("Tanzania closed a border market with Malawi on Tuesday after a clash near Kasumulu. "
                             "Shops stayed shut for two days. Tanzanian police later arrested six suspects in "
                             "Kyela, an official said.")
    assert ("Tanzania", "COERCE", "six suspects") in events, \
        f"the counted suspects an arrest is done to are its target actor (Tanzanian police: the state acting): {events}"


def test_looting_at_large():
    for text in ("Soldiers had looted their homes, villagers said.", "Gunmen looted shops in Zamfara."):
        found = pipeline_events(text, cameo=True)
        assert [(p, c) for _, p, c, _t in found] == [("COERCE", "171")], \
            f"{text!r}: an armed group's looting is a seizure of property, kept with no owner named: {found}"


def test_shutdown_at_large():
    for text in ("Police in Dhaka closed the shops on Monday.", "Authorities in Xinjiang closed the shops and markets."):
        found = pipeline_events(text, cameo=True)
        assert [(p, c, t) for _, p, c, t in found] == [("COERCE", "172", None)], \
            f"{text!r}: premises shut by the state are a restriction on an area: {found}"
