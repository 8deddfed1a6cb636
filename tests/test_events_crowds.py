"""stages/events/crowds.py: a crowd's violence against property, or with nobody named as
its target, is a riot (CAMEO 145, PROTEST); premises of a force are that force
(knowledge/actors/agents_curated.tsv), so "set fire to a police post" is done to the police."""

from __future__ import annotations

from events_fixtures import coded_events


def test_a_mob_burning_premises_riots():
    events = coded_events("A mob torched a police post in Sylhet on Friday.")
    assert [(s, p, c) for s, p, c, _ in events] == [("mob", "PROTEST", "145")], events
    assert events[0][3] != "Sylhet", "the town a riot happened in is its location"


def test_rioters_destroying_property_riot_and_the_town_is_no_target():
    events = coded_events("Rioters torched cars in Durban on Tuesday.")
    assert events == [("Rioters", "PROTEST", "145", None)], events


def test_a_crowd_coded_with_its_state_riots_by_its_category():
    events = coded_events("Protesters in Peru set fire to a toll booth on Monday.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "145")], \
        f"'Protesters in Peru' are protesters before the affiliation stage sets it: {events}"


def test_civilians_riot_only_against_property():
    assert ("Angry residents", "PROTEST", "145", None) in coded_events("Angry residents set fire to a bank in Lahore.")
    events = coded_events("Villagers attacked a group of herders near the river, killing five.")
    assert all(plover == "ASSAULT" for _, plover, _, _ in events), f"an attack on people stays an assault: {events}"


def test_armed_groups_burning_property_still_assault():
    events = coded_events("Gunmen set fire to a bus near Kaduna on Sunday.")
    assert events and all(plover == "ASSAULT" for _, plover, _, _ in events), events


def test_force_on_an_unnamed_crowd_is_aimed_at_the_protesters_told_before():
    events = coded_events("About 200 dock workers blocked the port gates on Monday, protesting against job cuts.\n\n"
                     "Later that day, riot police used tear gas to clear the gates.")
    force = [e for e in events if e[0] == "riot police"]
    assert force and force[0][1] == "ASSAULT" and force[0][3] == "About 200 dock workers", \
        f"the crowd told of just before is the target of the force on it: {events}"


def test_force_with_no_protest_told_keeps_no_target():
    events = coded_events("Riot police used tear gas on Monday, the interior ministry said.")
    force = [e for e in events if e[0] == "Riot police"]
    assert force and all(e[3] is None for e in force), f"no crowd in the story: no target: {events}"


def test_force_long_after_a_protest_is_not_aimed_at_it():
    events = coded_events("Dock workers blocked the port gates on Monday. The strike cost millions. Ships waited "
                     "offshore. Exporters complained. Later, riot police used tear gas.")
    force = [e for e in events if e[0] == "riot police"]
    assert force and all(e[3] is None for e in force), f"a protest three sentences back is no crowd of this: {events}"


def test_a_clash_with_an_armed_or_protesting_side_is_a_fight():
    events = coded_events("Demonstrators clashed with police over the election results.")
    assert ("Demonstrators", "ASSAULT", "190", "police") in events, f"a fight, not an accusation: {events}"
    hawkers = coded_events("Hawkers clashed with police in the city centre.")
    assert hawkers and hawkers[0][:3] == ("Hawkers", "ASSAULT", "190"), f"street hawkers are actors: {hawkers}"


def test_a_clash_between_politicians_is_no_fight():
    events = coded_events("The finance minister clashed with the central bank governor over the budget.")
    assert all(c != "190" for _, _, c, _ in events), f"a quarrel of officials is no fight: {events}"


def test_a_strike_by_civilians_is_a_labour_strike():
    events = coded_events("Nurses in Harare began their strike on Monday.")
    assert ("Nurses", "PROTEST", "143") in [(s, p, c) for s, p, c, _ in events], events
    events = coded_events("Teachers in Accra struck on Friday over unpaid wages.")
    assert [(s, p, c) for s, p, c, _ in events] == [("Teachers", "PROTEST", "143")], events


def test_a_strike_by_armed_forces_stays_an_assault():
    events = coded_events("Rebels launched a strike on an army base near Goma.")
    assert events and all(plover == "ASSAULT" for _, plover, _, _ in events), events


def test_clashes_between_two_groups_are_one_fight_of_the_first_named():
    events = coded_events("Clashes between herders and farmers killed 12 people in Benue.")
    assert [(s, p, t) for s, p, _, t in events if p == "ASSAULT"] == [("herders", "ASSAULT", "farmers")], \
        f"a reciprocal clash is told once, first-named party to the second (corpus/generic/README.md): {events}"
    assert coded_events("The clashes left four people dead.") == [], "clashes with no parties named are no event"


def test_protesters_fighting_protesters_riot():
    events = coded_events("Protesters and rioters fought each other outside the stadium in Leeds.")
    assert events and all(plover == "PROTEST" for _, plover, _, _ in events), events


def test_force_is_aimed_at_the_protesters_its_own_sentence_names():
    events = coded_events("Thousands of protesters rallied in Nairobi on Monday. The county rejected their demands. "
                     "The governor left for Mombasa. A police spokesman said officers used tear gas only after "
                     "protesters tried to break through a cordon.")
    force = [e for e in events if e[0] == "officers"]
    assert force and force[0][3] is not None and "protesters" in force[0][3], \
        f"with no protest told near it, the crowd of its own sentence the story tells of is the target: {events}"
    alone = coded_events("A police spokesman said officers used tear gas only after protesters tried to break through.")
    assert ("officers", "ASSAULT", "175", None) in alone, f"a crowd the story tells nothing of is no target: {alone}"


def test_crowd_category_reads_the_knowledge_it_is_given():
    """crowds.category reads the generic phrases of the EventKnowledge it runs with (a user's
    extended agent list included), never the shipped list behind its back."""
    from briefgraph.knowledge import Knowledge
    from briefgraph.stages.events.context import EventKnowledge

    knowledge = Knowledge.default()
    assert EventKnowledge.of(knowledge).generic is knowledge.actors.generic


def test_force_used_in_a_place_is_aimed_at_the_crowd_told_before():
    events = coded_events("Traders blocked the main road in Kisumu on Monday. Police fired tear gas in Kondele.")
    force = [e for e in events if e[1] == "ASSAULT"]
    assert force and force[0][3] == "Traders", \
        f"the place force was used in is no target; the protesters told of just before are: {events}"


def test_riot_police_named_for_what_they_police_make_no_protest():
    events = coded_events("Kenyan riot police fired tear gas at protesters in Nairobi on Tuesday.")
    assert [(s, p) for s, p, _, _ in events] == [("Kenyan riot police", "ASSAULT")], \
        f"'riot' in the name of the riot police is no riot of theirs: {events}"
    events = coded_events("Rioters torched cars in Durban on Tuesday.")
    assert events and events[0][1] == "PROTEST", "a riot by rioters stays"


def test_a_protest_state_forces_acted_at_is_not_theirs():
    events = coded_events("Police arrested 12 participants in an unauthorised protest in Minsk on Sunday.")
    assert [(s, p) for s, p, _, _ in events] == [("Police", "COERCE")], \
        f"the protest police arrested people in is no protest of theirs: {events}"
    events = coded_events("Police officers staged a protest over unpaid wages in Harare on Monday.")
    assert [(s, p) for s, p, _, _ in events] == [("Police officers", "PROTEST")], \
        f"a protest the officers stage is theirs: {events}"


def test_state_forces_ending_a_protest_restrict_it():
    for text in ("Police halted a rally by opposition supporters in Accra on Monday.",
                 "A march by 5,000 nurses was stopped by riot police in Nairobi."):
        events = coded_events(text)
        assert [(p, c) for s, p, c, _ in events if s.lower().endswith("police")] == [("COERCE", "191")], \
            f"forces stopping a protest restrict it (191), they concede nothing: {events}"
    events = coded_events("Nurses ended their march in Accra on Monday.")
    assert all(p != "COERCE" for _, p, _, _ in events), f"a crowd ending its own march restricts nobody: {events}"


def test_forces_easing():
    events = coded_events("The Israeli army lifted its restrictions on the peacekeepers.")
    assert [(s, p, c) for s, p, c, _ in events] == [("Israel", "RETREAT", "0872")], \
        f"restrictions an army eases are a military easing (0872 RETREAT): {events}"
    events = coded_events("The Nicaraguan authorities eased restrictions on Catholic processions.")
    assert [(p, c) for _, p, c, _ in events] == [("CONCEDE", "081")], f"authorities' easing concedes: {events}"


def test_protest_refusal():
    events = coded_events("Dock workers in Genoa refused to unload the ship in protest at the war in Gaza.")
    assert events == [("Dock workers", "PROTEST", "143", None)], \
        f"workers refusing to work in protest protest (143), rejecting no one: {events}"
    events = coded_events("Turkey refused to sign the declaration in protest at Greece's stance.")
    assert [p for _, p, _, _ in events] == ["REJECT"], f"a state's refusal stays a rejection: {events}"


def test_hijack_coding():
    events = coded_events("Gunmen seized a bus near Kano.")
    assert [(s, p, c) for s, p, c, _ in events] == [("Gunmen", "ASSAULT", "181")], \
        f"an armed group seizing a vehicle hijacks it (181): {events}"
    events = coded_events("Indonesia's navy seized a Vietnamese fishing boat.")
    assert [(p, c) for _, p, c, _ in events] == [("COERCE", "171")], f"a navy's seizure stays a seizure: {events}"


def test_strike_coding_reads_a_generic_phrase_with_no_category_yet():
    events = coded_events("Railway workers launched a strike in Mendoza over pay cuts.")
    assert [(s, p, c) for s, p, c, _ in events] == [("Railway workers", "PROTEST", "143")], \
        f"workers (civilians by their generic phrase) strike as labour: {events}"
    events = coded_events("Bus drivers began a strike in Nakuru.")
    assert [p for _, p, _, _ in events] == ["PROTEST"], events


def test_civilians_storming_premises_riot():
    events = coded_events("Angry depositors stormed a bank branch in Ibadan on Monday.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "145")], events
    events = coded_events("Hundreds of villagers stormed a police station in Gaya after a death in custody.")
    assert events and all(p == "PROTEST" for _, p, _, _ in events), events
    events = coded_events("Soldiers stormed a rebel hideout in Zamfara on Sunday.")
    assert events and all(p == "ASSAULT" for _, p, _, _ in events), f"forces storming still attack: {events}"


def test_civilians_smashing_premises_riot():
    events = coded_events("Angry depositors smashed the windows of a bank in Beirut on Tuesday.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "145")], events


def test_raid_coding():
    events = coded_events("Police raided a market in Kano on Tuesday.")
    assert [(s, p, c) for s, p, c, _ in events] == [("Police", "COERCE", "170")], \
        f"state forces' raid is a search raid (170): {events}"
    events = coded_events("Soldiers raided a village in Tillaberi on Monday.")
    assert [(p, c) for _, p, c, _ in events] == [("COERCE", "170")], events
    events = coded_events("Bandits raided a village in Katsina state on Friday.")
    assert [(p, c[:2]) for _, p, c, _ in events] == [("ASSAULT", "19")], f"an armed group's raid is an attack: {events}"


def test_forces_blockade():
    events = coded_events("Soldiers set up roadblocks around the town of Kaya on Saturday.")
    assert [(s, p, c) for s, p, c, _ in events] == [("Soldiers", "COERCE", "191")], \
        f"state forces' roadblocks restrict movement (191): {events}"
    events = coded_events("Truck drivers blocked highways near Oruro on Monday.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "144")], f"a crowd's blockade stays a protest: {events}"


def test_state_shutdown():
    for text in ("Police locked up the market stalls in Harare on Monday.",
                 "Authorities closed the shops in Kandahar on Friday.",
                 "Troops shuttered the shops in Hebron's old city."):
        events = coded_events(text)
        assert [(p, c) for _, p, c, _ in events] == [("COERCE", "172")], \
            f"{text!r}: premises shut by the state or its forces are a sanction (172), no strike: {events}"
    events = coded_events("Traders closed their shops in Kano to protest the new tax.")
    assert events and all(p == "PROTEST" for _, p, _, _ in events), f"traders shutting their shops strike: {events}"
    events = coded_events("Police officers went on strike in Port Moresby over pay.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "143")], f"a police strike shuts no premises: {events}"


def test_crowd_siege():
    for text in ("Hundreds of villagers besieged the governor's office in Jos.",
                 "Protesters blockaded the parliament building in Podgorica."):
        events = coded_events(text)
        assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "144")], \
            f"{text!r}: a crowd's siege is its blockade (144): {events}"
    events = coded_events("Rebels besieged the city of El Fasher.")
    assert [(p, c) for _, p, c, _ in events] == [("COERCE", "191")], f"rebels' siege stays a siege: {events}"


def test_forces_blockade_by_the_state():
    events = coded_events("The navy mounted a blockade of the port of Hodeidah.")
    assert [(p, c) for _, p, c, _ in events] == [("COERCE", "191")], f"a navy's blockade restricts (191): {events}"
    events = coded_events("Dozens of nurses mounted a blockade in Lagos on Tuesday.")
    assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "144")], f"nurses' blockade is a protest: {events}"


def test_armed_looting():
    for text in ("Gunmen looted shops in Zamfara on Tuesday.",
                 "Armed men looted several homes in Ituri on Sunday.",
                 "Soldiers plundered villages in Tigray on Monday."):
        events = coded_events(text)
        assert [(p, c) for _, p, c, _ in events] == [("COERCE", "171")], \
            f"{text!r}: looting by forces or an armed group seizes property (171): {events}"
    for text in ("Rioters looted shops in Blantyre on Tuesday.", "Youths looted shops in Nairobi on Tuesday."):
        events = coded_events(text)
        assert [(p, c) for _, p, c, _ in events] == [("PROTEST", "145")], f"{text!r}: a crowd's looting riots: {events}"


def test_weak_riot():
    events = coded_events("Looters ransacked supermarkets in Soweto on Monday.")
    assert [(s, p, c) for s, p, c, _ in events] == [("Looters", "PROTEST", "145")], events
    events = coded_events("A police spokesman said officers used tear gas only after protesters tried to break through.")
    assert not any(p == "PROTEST" for _, p, _, _ in events), f"only looting or wrecking riots at large: {events}"
