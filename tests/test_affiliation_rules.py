"""Affiliation stage (stages/affiliation.py), rule by rule: which actors are generic,
each country rule (location, dateline, document) and the category rule, on small
hand-built analyses; then the stage end to end through the pipeline."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.pipeline import STAGES
from briefgraph.records import Actor, Analysis, DocumentInfo, Event, Evidence, Location, RawDocument
from briefgraph.stages import affiliation, affiliation_country
from conftest import analyse_text

GENERIC = Knowledge.default().actors.generic
CROWDS = Knowledge.default().clauses["crowd_categories"]
PREPS = Knowledge.default().actors.locative_preps
RULES = affiliation_country.country_rules(PREPS)


def actor(id_: str, name: str, type_: str = "GROUP", **kw) -> Actor:
    return Actor(id=id_, name=name, type=type_, **kw)


def event(source: str | None, target: str | None = None, plover: str = "COERCE",
          location: Location | None = None) -> Event:
    return Event(id="e1", source=source, target=target, plover=plover, cameo="173", negated=False,
                 modality="asserted", date=None, location=location, trigger="arrested", evidence=Evidence(0, 10))


def analysis(actors: list[Actor], events: list[Event], text: str = "x" * 40,
             datelines: list[tuple[int, int]] | None = None) -> Analysis:
    document = DocumentInfo(id="d", source="<test>", datelines=datelines or [])
    return Analysis(raw=RawDocument(text=text, source="<test>"), text=text, document=document, actors=actors,
                    events=events)


def test_stage_runs_after_places():
    names = [s.name for s in STAGES]
    assert names.index("affiliation") == names.index("places") + 1, names


def test_generic_agent_only_for_unnamed_groups_and_people():
    assert affiliation.generic_agent(actor("a1", "riot police"), GENERIC).role == "COP"
    assert affiliation.generic_agent(actor("a1", "Kenya", "GPE", kb_id="KEN"), GENERIC) is None
    assert affiliation.generic_agent(actor("a1", "police", kb_id="x"), GENERIC) is None, "a known entry is named"


def test_a_body_named_by_its_people_is_theirs():
    assert affiliation.generic_agent(actor("a1", "farmers' union"), GENERIC).role == "AGR", \
        "the farmers' union is the farmers' body, not a labour union"
    assert affiliation.generic_agent(actor("a1", "Women's groups"), GENERIC).role == "CVL"
    assert affiliation.generic_agent(actor("a1", "union"), GENERIC).role == "LAB", "a union alone stays labour"


def test_from_location():
    police = actor("a1", "Police")
    doc = analysis([police], [event("a1", location=Location("Ahmedabad", "IND"))])
    assert affiliation_country.from_location(doc, police, PREPS) == "IND"
    doc = analysis([police], [event("a1", location=Location("Nairobi", "KEN", how="dateline"))])
    assert affiliation_country.from_location(doc, police, PREPS) is None, "a dateline location is the dateline rule's"


def test_from_dateline():
    text = "NAIROBI (Reuters) - Police arrested ten people."
    police = actor("a1", "Police")
    doc = analysis([police], [event("a1")], text=text, datelines=[(0, 19)])
    assert affiliation_country.from_dateline(doc, police) == "KEN"


def test_from_document_needs_one_country():
    police = actor("a1", "Police")
    one = [police, actor("a2", "Kenya", "GPE", kb_id="KEN", country="KEN")]
    assert affiliation_country.from_document(analysis(one, []), police) == "KEN"
    two = [*one, actor("a3", "Uganda", "GPE", kb_id="UGA", country="UGA")]
    assert affiliation_country.from_document(analysis(two, []), police) is None, "two countries: no guess"


def test_affiliate_sets_country_reason_code_and_category():
    police = actor("a1", "Police", code="COP", category="state forces")
    doc = analysis([police], [event("a1", location=Location("Ahmedabad", "IND"))])
    out = affiliation.affiliate(doc, GENERIC, RULES, CROWDS)["actors"][0]
    assert (out.country, out.country_from, out.code, out.category) == ("IND", "location", "INDCOP", "state forces")


def test_affiliate_keeps_a_nationality_and_never_guesses():
    police = actor("a1", "Kenyan police", country="KEN", country_from="nationality")
    gunmen = actor("a2", "gunmen")
    doc = analysis([police, gunmen], [event("a1", "a2")])
    out = {a.id: a for a in affiliation.affiliate(doc, GENERIC, RULES, CROWDS)["actors"]}
    assert (out["a1"].country, out["a1"].country_from, out["a1"].code) == ("KEN", "nationality", "KENCOP")
    assert (out["a2"].country, out["a2"].country_from, out["a2"].code) == (None, None, "UAF")


def test_a_generic_actor_in_no_event_is_left_out():
    doc = analysis([actor("a1", "villagers"), actor("a2", "Kenya", "GPE", kb_id="KEN", affiliation="a1")], [])
    out = affiliation.affiliate(doc, GENERIC, RULES, CROWDS)["actors"]
    assert [a.id for a in out] == ["a2"] and out[0].affiliation is None, out


def test_civilians_who_protest_are_protesters():
    farmers = actor("a1", "farmers")
    doc = analysis([farmers], [event("a1", plover="PROTEST")])
    assert affiliation.category_of(doc, farmers, GENERIC.get("farmers"), GENERIC) == "protesters"
    doc = analysis([farmers], [event(None, "a1", plover="AID")])
    assert affiliation.category_of(doc, farmers, GENERIC.get("farmers"), GENERIC) == "civilians"


def test_end_to_end_country_from_location():
    doc = analyse_text("Police arrested 20 people in Ahmedabad on Friday after a clash at a market.\n\n"
                       "Gunmen killed five soldiers in northern Burkina Faso on Monday.", published="2025-03-10")
    by_name = {a.name.lower(): a for a in doc.actors}
    gunmen = by_name.get("gunmen")
    assert gunmen is not None, [a.name for a in doc.actors]
    assert (gunmen.country, gunmen.country_from, gunmen.code, gunmen.category) == (
        "BFA", "location", "BFAUAF", "political militia"), gunmen


def test_record_carries_category_and_country_from():
    doc = analyse_text("Police detain protesters\n\nNAIROBI (Reuters) - Police arrested ten people on Monday after a "
                       "protest outside parliament, officials said.\n")
    actors = {a["name"]: a for a in doc.to_record()["actors"]}
    police = actors.get("Police")
    assert police is not None, list(actors)
    assert (police["category"], police["country"], police["country_from"], police["code"]) == (
        "state forces", "KEN", "dateline", "KENCOP"), police
    assert all("category" in a and "country_from" in a for a in actors.values()), "every actor has both fields"


def test_prepositional_place_countries():
    doc = analyse_text("A village chief was shot dead by unidentified gunmen in Datu Piang on Wednesday.",
                       published="2025-03-10")
    gunmen = next(a for a in doc.actors if a.name.lower().endswith("gunmen"))
    assert (gunmen.country, gunmen.country_from) == ("PHL", "location"), gunmen


def test_foreign_forces_take_no_country_from_where_they_act():
    troops = actor("a1", "foreign troops")
    doc = analysis([troops], [event("a1", location=Location("Afgooye", "SOM"))])
    out = affiliation.affiliate(doc, GENERIC, RULES, CROWDS)["actors"][0]
    assert (out.country, out.country_from, out.category) == (None, None, "external forces"), out


def test_people_from_abroad_take_no_country_from_where_they_are():
    migrants = actor("a1", "60 migrants")
    doc = analysis([migrants], [event(None, "a1", location=Location("Lesbos", "GRC"))])
    out = affiliation.affiliate(doc, GENERIC, RULES, CROWDS)["actors"][0]
    assert (out.country, out.country_from, out.code) == (None, None, "REF"), \
        f"migrants rescued off Lesbos are not Greek: {out}"
    villagers = actor("a1", "villagers")
    doc = analysis([villagers], [event(None, "a1", location=Location("Lesbos", "GRC"))])
    assert affiliation.affiliate(doc, GENERIC, RULES, CROWDS)["actors"][0].country == "GRC", "villagers are where they live"


def test_placed_agent_groups_coded_with_their_state():
    doc = analyse_text("Students in Bangladesh protested against job quotas on Monday.", published="2025-03-10")
    students = next((a for a in doc.actors if a.name.lower().startswith("students")), None)
    assert students is not None, [a.name for a in doc.actors]
    assert (students.country, students.country_from, students.category) == ("BGD", "location", "protesters"), \
        students
    assert affiliation.placed_agent(actor("a1", "Rebels from Chad", country="TCD"), GENERIC).role == "REB"
    assert affiliation.placed_agent(actor("a1", "Rebels", country="TCD"), GENERIC) is None, "no place tail"


def test_crowd_people_take_the_crowd_they_were_in():
    doc = analyse_text("Riot police used tear gas to break up a march by nurses in Lima on Monday and detained "
                       "30 people.", published="2025-03-10")
    people = next((a for a in doc.actors if a.name.endswith("people")), None)
    assert people is not None, [a.name for a in doc.actors]
    assert (people.code, people.category) == ("PERHLH", "protesters"), people
    doc = analyse_text("Police in Lima detained 30 people after a protest on Monday.", published="2025-03-10")
    people = next((a for a in doc.actors if a.name.endswith("people")), None)
    assert people is not None and people.code == "PEROPP", people


def test_is_protest_word_not_an_air_strike():
    doc = analyse_text("Villagers fled air strikes as workers went on strike.", published="2025-03-10")
    assert doc.nlp is not None
    found = [t.text for t in doc.nlp if affiliation.is_protest_word(t, GENERIC)]
    assert found == ["strike"], found


def test_members_of_a_named_group_take_its_country_not_the_place():
    kb = Knowledge.default().actors.kb
    fighters = actor("a1", "Hezbollah fighters")
    agent = affiliation.generic_agent(fighters, GENERIC)
    assert affiliation.group_country(fighters, agent, kb) == "LBN", "Hezbollah's members are of Lebanon"
    place = Location("Kiryat Shmona", "ISR")
    doc = analysis([fighters], [event("a1", plover="ASSAULT", location=place)])
    out = affiliation.affiliate(doc, GENERIC, RULES, CROWDS, kb)["actors"][0]
    assert (out.country, out.country_from, out.code) == ("LBN", "nationality", "LBNUAF"), \
        f"a named group's members take the group's country before the location's: {out}"
    plain = actor("a1", "Armed fighters")
    assert affiliation.group_country(plain, affiliation.generic_agent(plain, GENERIC), kb) is None, \
        "no named group, no country from one"


def test_a_place_named_after_of_gives_the_country():
    doc = analyse_text("Students at the University of Ibadan boycotted lectures on Monday.", published="2025-03-10")
    students = next(a for a in doc.actors if a.name.lower().endswith("students"))
    assert (students.country, students.country_from) == ("NGA", "location"), \
        f"the place named in 'the University of Ibadan' is where the students are: {students}"


def test_owners_of_a_body_are_read_by_one_rule():
    assert GENERIC.owners("union", ["farmers"])[1].role == "AGR", "the farmers' union is the farmers'"
    assert GENERIC.owners("union", ["farmer"]) is None, "one person owns no body of people"
    assert GENERIC.owners("field", ["farmers"]) is None, "a field is no body people form"


def test_a_country_over_the_border_is_not_where_the_actors_are():
    doc = analyse_text("Gunmen ambushed a patrol near the border with Mali on Sunday.", published="2025-03-10")
    gunmen = next(a for a in doc.actors if a.name.lower().endswith("gunmen"))
    assert gunmen.country != "MLI", f"'the border with Mali' is on the other side of Mali's border: {gunmen}"
    doc = analyse_text("Gunmen ambushed a patrol in Mali near the border with Niger.", published="2025-03-10")
    gunmen = next(a for a in doc.actors if a.name.lower().endswith("gunmen"))
    assert gunmen.country == "MLI", f"the place named as where it happened still counts: {gunmen}"


def test_a_state_institution_named_by_a_two_word_nationality():
    kb = Knowledge.default().actors.kb
    police = actor("a1", "Sri Lankan police", "ORG", country="LKA")
    assert affiliation.state_institution(police, GENERIC, kb).category == "state forces", \
        "'Sri Lankan police' is the state's police as 'Kenyan police' is"
    other = actor("a1", "Lagos state police", "ORG", country="NGA")
    assert affiliation.state_institution(other, GENERIC, kb) is None, "'lagos state' is no nationality of Nigeria"


def test_an_unused_group_of_a_named_bodys_people_is_left_out():
    body = actor("a1", "MSF", "ORG")
    members = actor("a2", "MSF volunteers")
    named = actor("a3", "Harbour Volunteers")
    assert affiliation.member_group(members, [body, members]), "the body's people, its name then lower-case words"
    assert not affiliation.member_group(named, [body, named]), "a name of its own is no member group"
    assert not affiliation.member_group(actor("a4", "MSF"), [body]), "the body's own name adds no words"
    out = affiliation.affiliate(analysis([body, members], []), GENERIC, RULES, CROWDS)["actors"]
    assert [a.id for a in out] == ["a1"], f"unused member group kept: {out}"
    used = affiliation.affiliate(analysis([body, members], [event("a2")]), GENERIC, RULES, CROWDS)["actors"]
    assert [a.id for a in used] == ["a1", "a2"], "a member group that acts stays"


def test_states_of_left_out_descriptions_take_their_place_in_mention_order():
    first = actor("a2", "Harbour Front", "ORG", mentions=[(40, 52)])
    state = actor("a4", "Chile", "GPE", mentions=[(4, 11)])
    out = affiliation.in_mention_order([first], [state])
    assert [a.id for a in out] == ["a4", "a2"], "an added state mentioned first comes first, with its own id"
    late = actor("a5", "Peru", "GPE", mentions=[(60, 64)])
    assert [a.id for a in affiliation.in_mention_order([first], [late])] == ["a2", "a5"]


def test_lower_place_country():
    doc = analyse_text("Shopkeepers in quetta shut their shops on Monday to protest a new tax.", published="2025-03-10")
    traders = next(a for a in doc.actors if a.name.lower().endswith("shopkeepers"))
    assert (traders.country, traders.country_from) == ("PAK", "location"), traders
    doc = analyse_text("Nurses in kisumu went on strike on Friday.", published="2025-03-10")
    nurses = next(a for a in doc.actors if a.name.lower().endswith("nurses"))
    assert nurses.country == "KEN", nurses
    doc = analyse_text("Police detained 12 people in reading rooms on Friday.", published="2025-03-10")
    assert all(a.country is None for a in doc.actors if a.category), "a dictionary word is no place"


def test_on_route():
    # affiliation_country.on_route: "on the X-Y highway" is where the sentence happened
    for text, code in (("Gunmen abducted 20 passengers on the Abuja-Kaduna highway.", "NGA"),
                       ("Bandits attacked two buses along the Lahore-Multan road on Sunday.", "PAK")):
        doc = analyse_text(text, published="2025-03-10")
        generic = [a for a in doc.actors if a.category]
        assert generic and all(a.country == code for a in generic), (text, generic)
    doc = analyse_text("Police fired on protesters on the main road.", published="2025-03-10")
    assert all(a.country is None for a in doc.actors if a.category), "a road of no place: no country"


def test_a_month_is_no_place_of_a_country():
    # affiliation_country._run_country skips place_spans.is_time_word: "march" is no town of GBR
    for text in ("Police arrested 12 people in march.", "Soldiers detained nine herders in june."):
        doc = analyse_text(text, published="2025-03-10")
        assert all(a.country is None for a in doc.actors if a.category), (text, doc.actors)


def test_joined_places_country():
    assert affiliation_country.joined_places_country("Delhi-Jaipur") == "IND"
    assert affiliation_country.joined_places_country("Amsterdam-Berlin") is None, "two countries: no guess"
    assert affiliation_country.joined_places_country("Delhi") is None, "no hyphen-joined places"
    doc = analyse_text("Farmers blocked the Delhi-Jaipur highway on Monday.", published="2025-03-10")
    farmers = next(a for a in doc.actors if a.name.lower().endswith("farmers"))
    assert farmers.country == "IND", farmers


def test_crowd_people_join_the_crowd_beside_them():
    doc = analyse_text("Police broke up a march by students in Nairobi and detained 37 people.")
    people = next(a for a in doc.actors if a.name == "37 people")
    assert (people.category, people.code) == ("protesters", "KENEDU"), \
        f"people detained beside a crowd of students (clauses.txt crowd_categories) are that crowd: {people}"
    doc = analyse_text("Police fired tear gas at rioters in Nairobi and arrested 40 people.")
    people = next(a for a in doc.actors if a.name == "40 people")
    assert (people.category, people.code) == ("rioters", "KENOPP"), f"beside rioters they are rioters: {people}"


def test_own_name_place():
    # affiliation_country.own_name_place: a region or big town the generic actor's name opens with
    doc = analysis([], [])
    for name, country in [("Kachin rebels", "MMR"), ("Rivers state police", "NGA"), ("Tamil Nadu fishermen", "IND"),
                          ("Riot police", None), ("Hooded youths", None), ("Police", None), ("40 Zzyzx farmers", None)]:
        assert affiliation_country.own_name_place(doc, actor("a1", name)) == country, name


def test_people_of_a_named_state_in_no_event_is_left_out():
    oman = actor("a1", "Oman", "GPE", kb_id="OMN", country="OMN")
    uae = actor("a2", "United Arab Emirates", "GPE", kb_id="ARE", country="ARE")
    emiratis = actor("a3", "Emiratis", aliases=["United Arab Emirates"], country="ARE", code="ARE")
    citizens = actor("a4", "Emirati citizens", country="ARE", code="ARECVL")
    kuwaitis = actor("a5", "Kuwaitis", aliases=["Kuwait"], country="KWT", code="KWT")
    factions = actor("a6", "Emirati factions", country="ARE", code="ARE")
    doc = analysis([oman, uae, emiratis, citizens, kuwaitis, factions], [event("a1", "a2")])
    kept = [a.name for a in affiliation.affiliate(doc, GENERIC, RULES, CROWDS, Knowledge.default().actors.kb)["actors"]]
    assert "Emiratis" not in kept and "Emirati citizens" not in kept, f"the state's people stayed apart: {kept}"
    assert "Kuwaitis" in kept, "a people whose state the record lacks stands for the state"
    assert "Emirati factions" in kept, "a body of the state's people is no people"


def test_people_of_a_named_state_in_an_event_stays():
    oman = actor("a1", "Oman", "GPE", kb_id="OMN", country="OMN")
    omanis = actor("a2", "Omanis", aliases=["Oman"], country="OMN", code="OMN")
    doc = analysis([oman, omanis], [event("a1", "a2")])
    kept = [a.name for a in affiliation.affiliate(doc, GENERIC, RULES, CROWDS, Knowledge.default().actors.kb)["actors"]]
    assert "Omanis" in kept, f"the people an event names left out: {kept}"

def test_own_name_place_with_the_region_the_ner_cut_off():
    # affiliation_country.region_prefixed_names: "Khyber Pakhtunkhwa" an ORG right before "police"
    text = "Khyber Pakhtunkhwa police arrested 12 men."
    region = actor("a1", "Khyber Pakhtunkhwa", "ORG", mentions=[(0, 18)])
    police = actor("a2", "police", mentions=[(19, 25)])
    doc = analysis([region, police], [event("a2")], text=text)
    assert affiliation_country.region_prefixed_names(doc, police) == ["Khyber Pakhtunkhwa police"]
    assert affiliation_country.own_name_place(doc, police) == "PAK"
    told = actor("a1", "Reuters", "ORG", mentions=[(0, 7)])  # "Reuters police": no place
    assert affiliation_country.own_name_place(analysis([told, police], [], text="Reuters police x"), police) is None


def test_partner_place():
    # affiliation_country.partner_place: "Rivers state police arrested 40 youths": the youths are in Nigeria
    police, youths = actor("a1", "Rivers state police"), actor("a2", "40 youths")
    doc = analysis([police, youths], [event("a1", "a2")])
    assert affiliation_country.partner_place(doc, youths) == "NGA"
    assert affiliation_country.partner_place(doc, youths, abroad=lambda a: a.id == "a1") is None
    assert affiliation_country.partner_place(analysis([police, youths], [event("a1")]), youths) is None


def test_end_to_end_partner_named_by_its_region():
    doc = analyse_text("Kachin rebels attacked soldiers at a hilltop base.", published="2025-03-10")
    soldiers = next(a for a in doc.actors if a.name.lower() == "soldiers")
    assert (soldiers.country, soldiers.country_from) == ("MMR", "location")


def test_name_place_country_takes_a_region_before_a_namesake_town_abroad():
    # affiliation_country.name_place_country: Ontario (a Canadian province; a Californian city) is Canada's
    for name, country in [("Ontario truckers", "CAN"), ("Texas ranchers", "USA"), ("Punjab farmers", None),
                          ("Aleppo residents", "SYR")]:
        assert affiliation_country.name_place_country(name) == country, name


def test_compound_place_countries():
    # affiliation_country.compound_place_countries: the place opening the sayer's noun phrase is where the
    # reported event happened; a company named like a town (an ORG to the NER) is no place
    for text, country in [("Kandahar residents said gunmen had killed two teachers.", "AFG"),
                          ("Rafah residents said soldiers had shelled their homes overnight.", "PSE"),
                          ("Toyota workers said police had beaten two union leaders.", None)]:
        doc = analyse_text(text, published="2025-03-10")
        forces = next((a for a in doc.actors if a.name.lower() in ("gunmen", "soldiers", "police")), None)
        assert forces is not None, (text, [a.name for a in doc.actors])
        assert forces.country == country, (text, forces.country, forces.country_from)


def test_paired_country_a_small_namesake_abroad_yields_to_its_partner():
    # affiliation_country.paired_country: "between Moura and Mopti" is in Mali, not Portugal's Moura
    doc = analyse_text("Soldiers clashed with militants between Moura and Mopti on Monday.", published="2025-03-10")
    soldiers = next(a for a in doc.actors if a.name == "Soldiers")
    assert (soldiers.country, soldiers.country_from) == ("MLI", "location")
    doc = analyse_text("Soldiers clashed with militants between Mopti and Moura on Monday.", published="2025-03-10")
    assert next(a for a in doc.actors if a.name == "Soldiers").country == "MLI"


def test_small_town_place_is_the_last_rule():
    # affiliation_country.small_town_place: a town the gazetteer lacks, read from the small places
    assert RULES[-1][0] == "location" and RULES[-1][1].func is affiliation_country.small_town_place
    farmers = actor("a1", "farmers")
    where = Location(name="Mangu", country=None, lat=None, lon=None, kind="other", admin1=None, how="clause")
    doc = analysis([farmers], [event(None, "a1", location=where)])
    assert affiliation_country.small_town_place(doc, farmers, PREPS) == "NGA"
    doc = analysis([farmers], [event(None, "a1")])
    assert affiliation_country.small_town_place(doc, farmers, PREPS) is None
