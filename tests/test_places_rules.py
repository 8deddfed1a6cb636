"""The places stage's rules added for issue 15's accuracy round, one test each, on texts
written for these tests (never copied from an evaluation set)."""

from __future__ import annotations

import pytest

from briefgraph.places import DocumentCountries, Place, resolve
from briefgraph.places.disambiguate import document_countries
from conftest import analyse_text


def places(text: str) -> list[tuple]:
    doc = analyse_text(text, published="2024-05-01")
    return [(e.trigger, e.location and (e.location.name, e.location.country, e.location.how)) for e in doc.events]


# an event of a text written for the test, its trigger, and the place's name (None: any) and country
PLACED = [
    pytest.param("Police in Nairobi said they had arrested 40 protesters.",
                 "arrested", "Nairobi", "KEN", id="the_speakers_place_when_the_reported_subject_is_that_speaker"),
    # the parser may read "from a school in Katsina state" as "in Katsina" + "from ... state"
    pytest.param("Gunmen kidnapped 37 students from a boarding school in Katsina state early on Friday, the "
                 "school's principal said.",
                 "kidnapped", "Katsina state", "NGA", id="a_broken_parse_of_a_place_name_keeps_its_preposition"),
    pytest.param("Doctors in Kathmandu's public hospitals threatened on Monday to stop all non-emergency "
                 "services.",
                 "threatened", "Kathmandu", "NPL", id="a_town_named_as_the_possessor_of_the_sources_place"),
    pytest.param("villagers in mae sot district accused soldiers of seizing their farmland, a local rights group "
                 "said on friday.",
                 "accused", None, "THA", id="caseless_town_with_a_place_noun"),
    pytest.param("Junta soldiers torched more than 200 houses in Ye-U township, a resistance group said.",
                 "torched", None, "MMR", id="a_hyphenated_town_before_a_place_noun"),
    pytest.param("Myanmar's military did not bomb the village of Zzyzxgyi, a junta spokesman claimed.",
                 "bomb", "Zzyzxgyi", "MMR", id="a_village_the_gazetteer_lacks_takes_the_documents_country"),
    pytest.param("A crowd of villagers blocked the entrance to a nickel mine near Zzyzxwali in Central Sulawesi "
                 "on Monday.",
                 "blocked", "Zzyzxwali", "IDN", id="an_unknown_place_inside_a_known_region"),
    # cues from_words
    pytest.param("The rebels released 20 prisoners from Sanaa on Monday.",
                 "released", "Sanaa", "YEM", id="a_place_left_by_a_release"),
    # cues movement_words
    pytest.param("The UAE airlifted field hospitals to Misrata after the floods.",
                 "airlifted", "Misrata", "LBY", id="a_place_reached_by_an_airlift"),
    pytest.param("China will send 30 police trainers to Honiara next month.",
                 "send", "Honiara", "SLB", id="sent_to_a_place"),
    # cues place_nouns
    pytest.param("Russian forces shelled villages on the outskirts of Kharkiv on Monday.",
                 "shelled", "Kharkiv", "UKR", id="on_the_outskirts_of_a_place"),
    pytest.param("Gunmen abducted a teacher in Datu Piang on Friday.",
                 "abducted", "Datu Piang", "PHL", id="a_town_tagged_as_a_person_in_a_place_slot_is_the_town"),
    # no US town "Republic"
    pytest.param("Police fired rubber bullets at protesters in Yerevan's Republic Square.",
                 "fired", "Republic Square", "ARM", id="a_site_takes_the_country_the_text_ties_it_to"),
    pytest.param("The UN envoy met rebel leaders in the Colombian department of Cauca.",
                 "met", None, "COL", id="a_department_is_a_region"),
    # places._attachment: "into" after any verb reaches a place
    pytest.param("Aid workers were allowed into Mariupol by Russian forces after weeks of delay.",
                 "allowed", "Mariupol", "UKR", id="a_place_after_into_on_any_verb"),
    # "Niger state" is Nigeria's state: its Zzyzx area is in Nigeria, not in Niger
    pytest.param("Gunmen abducted nine miners at a quarry in Niger state's Zzyzx area on Friday.",
                 "abducted", "Zzyzx area", "NGA", id="a_region_as_possessor_gives_its_country"),
    pytest.param("Police in Kisumu arrested 12 men on Sunday after a crowd beat a trader to death.",
                 "beat", "Kisumu", "KEN", id="sole_place_of_the_sentence_is_the_place_of_its_other_events"),
    pytest.param("Hundreds of traders blocked the main road into Kisumu on Monday, demanding lower fees.",
                 "blocked", "Kisumu", "KEN", id="sole_place_on_a_route"),
    # place_qualifier.comma_country: "Boni" is also a name of Bonn; the text says it is in Mali
    pytest.param("Jihadist fighters attacked an army post in Boni, in central Mali, on Tuesday.",
                 "attacked", "Boni", "MLI", id="comma_country_over_direction_words"),
    pytest.param("Gunmen killed 11 villagers in Boni, northern Mali, on Monday.",
                 "killed", "Boni", "MLI", id="comma_country_with_a_direction"),
    # place_qualifier.comma_country: a state's name that begins with a direction word is the state
    pytest.param("Gunmen killed four villagers in Bor, South Sudan, on Sunday.",
                 "killed", "Bor", "SSD", id="comma_country_a_state_named_with_a_direction_word"),
    # place_qualifier.in_state: "the town of X in [direction] <State>" ties X to the state
    pytest.param("Gunmen killed 12 farmers in the town of Boni in central Mali on Monday.",
                 "killed", "Boni", "MLI", id="in_state_after_a_town_noun"),
    pytest.param("Protesters clashed with police in the town of Kent in southern Ghana.",
                 "clashed", "Kent", "GHA", id="in_state_a_town_the_gazetteer_has_only_abroad"),
    pytest.param("Fishermen protested in the town of Hamburg in eastern South Africa.",
                 "protested", "Hamburg", "ZAF", id="in_state_a_state_named_with_a_direction_word"),
    # place_qualifier.in_state: "Congo" is an alias two states share: no tie (Bunia stays Congolese)
    pytest.param("Rebels attacked the town of Bunia in Congo's northeast.",
                 "attacked", "Bunia", "COD", id="in_state_an_alias_of_a_state_ties_nothing"),
    # place_qualifier.region_at: "Kaura" is also an alias of Kaouara (CIV); the region after the
    # comma is Nigeria's, so the name is a place the gazetteer lacks, in Nigeria
    pytest.param("Bandits attacked a village in Kaura, Kaduna state, on Sunday.",
                 "attacked", "Kaura", "NGA", id="comma_region_ties_the_name_to_its_country"),
    # place_spans.is_time_word: a month name left in lower case by truecasing is no town (March, GBR)
    pytest.param("police arrested 12 traders in march in nairobi.",
                 "arrested", "Nairobi", "KEN", id="a_lower_case_month_is_no_town"),
    pytest.param("Police baton-charged teachers in Hyderabad, Sindh.",
                 "baton-charged", "Hyderabad", "PAK", id="comma_region_picks_the_namesake"),
    # place_spans.hyphen_joined: the NER tags "Croix" alone, a French place; the whole name is Haiti's
    pytest.param("Gang members torched homes in Croix-des-Bouquets on Sunday.",
                 "torched", "Croix-des-Bouquets", "HTI", id="a_hyphen_joined_name_whole"),
    pytest.param("Farmers blocked roads near Aix-en-Provence.",
                 "blocked", "Aix-en-Provence", "FRA", id="a_hyphen_joined_name_near"),
    # disambiguate.regions_over_towns: the Congolese province, not a Japanese town of 42,000
    pytest.param("Rebels abducted 15 students from a school in Kasai.",
                 "abducted", "Kasai", "COD", id="a_region_over_a_small_town_abroad"),
    # place_choice.route_of: an end of a route stands where the route does
    pytest.param("On March 12, gunmen abducted three men on the road between Gao and Ménaka in Mali.",
                 "abducted", "Gao", "MLI", id="route_of_between"),
    pytest.param("Militants ambushed a convoy on the highway linking Kabul and Jalalabad.",
                 "ambushed", "Kabul", "AFG", id="route_of_linking"),
    pytest.param("Gunmen ambushed a convoy on the Gao-Menaka road in Mali.",
                 "ambushed", "Gao", "MLI", id="route_of_compound"),
    # place_choice.off_route: the parse hangs "near Voiron" on Grenoble, the route's far end
    pytest.param("Farmers blocked traffic on the road between Lyon and Grenoble near Voiron on Monday.",
                 "blocked", "Voiron", "FRA", id="off_route_a_route_end_yields_to_a_place_near_which"),
    # place_choice.town_before: the parse makes "Ondo state" the head and leaves Owo out
    pytest.param("Gunmen opened fire on worshippers at a church in Owo, Ondo state, killing at least 40 people.",
                 "opened", "Owo", "NGA", id="town_before_a_town_before_its_region_and_a_comma"),
    # place_qualifier.apposed_in: "X, a town in [direction] <State>" ties X to the state (Paris FRA otherwise)
    pytest.param("Protesters blocked the main road in Paris, a market town in western Kenya, on Monday.",
                 "blocked", "Paris", "KEN", id="apposed_town_in_a_state"),
    pytest.param("Soldiers detained 14 traders in Athens, a village in southern Ethiopia.",
                 "detained", "Athens", "ETH", id="apposed_village_in_a_state"),
    # state_names.csv: "Congo" is also the Democratic Republic's name; a comma after a town of the
    # other state still ties the town to its own (place_qualifier.shared_state)
    pytest.param("Rebels killed nine villagers in northeastern Congo on Saturday.",
                 "killed", "Congo", "COD", id="congo_as_news_mostly_means_it"),
    pytest.param("Rebels killed nine villagers in DR Congo's Ituri province on Saturday.",
                 "killed", None, "COD", id="dr_congo_a_name_of_the_state"),
    pytest.param("Police in Brazzaville, Congo, arrested 12 protesters on Sunday.",
                 "arrested", "Brazzaville", "COG", id="shared_state_name_after_a_comma_takes_the_towns_state"),
    # place_qualifier.city_country: a possessive city ties its district (Hamra is also a town of the UAE)
    pytest.param("Depositors smashed the windows of two banks in Beirut's Hamra district on Tuesday.",
                 "smashed", None, "LBN", id="city_country_a_possessive_city_ties_its_district"),
    # place_qualifier.admin1_at: the first-level region after the comma picks the namesake (not the state Georgia)
    pytest.param("Rioters torched cars in Athens, Georgia after the game.",
                 "torched", "Athens", "USA", id="admin1_at_a_towns_own_region_after_the_comma"),
    # place_qualifier.named_region_at: "in <Region> state" after the name ties it (Kuriga is a Moroccan town too)
    pytest.param("Gunmen kidnapped 20 students in Kuriga in Kaduna state on Thursday.",
                 "kidnapped", "Kuriga", "NGA", id="named_region_at_after_in"),
    # place_qualifier.region_at after apposed_in: "X, a village in <Region> state" (Tongo is also Ivorian)
    pytest.param("Gunmen attacked a church in Tongo, a village in Plateau state, killing nine worshippers.",
                 "attacked", "Tongo", "NGA", id="apposed_village_in_a_region"),
    # place_qualifier.near_place: a town or region "near" leads to ties the name
    pytest.param("Gunmen kidnapped 20 students in Kuriga, near Kaduna, on Thursday.",
                 "kidnapped", "Kuriga", "NGA", id="near_place_ties_the_name"),
    # place_spans.misread_date: the NER reads "Turbat" before "on Monday" as a date; the gazetteer knows the town
    pytest.param("Police arrested 12 protesters in Turbat on Monday.",
                 "arrested", "Turbat", "PAK", id="misread_date_a_town_the_ner_took_for_a_date"),
    # place_qualifier.near_place: a state after "near" ties nothing (Kharkiv stays Ukrainian)
    pytest.param("Soldiers shelled villages in Kharkiv near Russia, killing four civilians.",
                 "shelled", "Kharkiv", "UKR", id="near_place_a_state_ties_nothing"),
]


@pytest.mark.parametrize("text, trigger, name, country", PLACED)
def test_the_event_is_placed(text: str, trigger: str, name: str | None, country: str) -> None:
    found = dict(places(text))
    place = found.get(trigger)
    assert place is not None, f"{trigger!r} has no place: {found}"
    assert (name is None or place[0] == name) and place[1] == country, \
        f"{trigger!r} should be placed at {name or 'a place'} ({country}): {found}"


def test_comma_country_needs_a_state_after_the_comma():
    # place_qualifier.comma_country: "the army said" after the comma ties the name to no state
    found = dict(places("Gunmen killed 11 villagers in Kidal, the army said."))
    assert found.get("killed") and found["killed"][:2] == ("Kidal", "MLI"), found


def test_in_state_needs_a_town_noun_or_a_direction():
    # place_qualifier.in_state: "in Israel's war" is no direction; "in Berlin in Germany" needs none
    found = dict(places("Protesters clashed with police in Gaza in Israel's war on Hamas."))
    assert found.get("clashed") and found["clashed"][1] == "PSE", found


def test_route_of_needs_a_route_noun():
    # "talks between Kyiv and Moscow" are no route: no place
    found = places("Talks between Zzyzx officials and Moscow resumed on Monday.")
    assert all(loc is None for _, loc in found), found


def test_a_word_of_a_longer_proper_name_is_no_place():
    # "North" is a town in the gazetteer, "North Kordofanistan" is not: no place, never the town
    found = places("Army officers met tribal elders in North Kordofanistan on Thursday.")
    assert found and all(loc is None or loc[0] != "North" for _, loc in found), found


def test_caseless_text_matches_the_gazetteer_without_case():
    found = places("riot police arrested 30 students in gazipur on monday, witnesses said.")
    assert found and found[0][1] and found[0][1][1:] == ("BGD", "clause"), found


def test_caseless_text_takes_a_place_by_its_own_name_only():
    # "borno" is the Nigerian state's own name and only an alternate name of the German
    # town Borna: lower-case text takes the state, never the town
    found = places("riot police arrested 30 students in borno on monday, witnesses said.")
    assert found and found[0][1] and found[0][1][:2] == ("Borno", "NGA"), found


def test_an_unknown_place_in_the_clause_is_the_events_without_a_point():
    text = ("KAMPALA (Reuters) - Ugandan troops attacked rebels in Zzyzxville on Monday, the army said.\n\n"
            "The army said it killed 12 rebels.")
    found = dict(places(text))
    assert found.get("attacked") == ("Zzyzxville", "UGA", "clause"), \
        f"a place the gazetteer lacks, named in the clause, in the document's country: {found}"
    assert found.get("killed") == ("Zzyzxville", "UGA", "document"), \
        f"no place named: the story's place, in the dateline's country, beats the dateline: {found}"
    doc = analyse_text(text, published="2024-05-01")
    unknown = next(e.location for e in doc.events if e.trigger == "attacked")
    assert unknown is not None and unknown.lat is None and unknown.lon is None, f"never a guessed point: {unknown}"


def test_the_owner_state_of_the_source_yields_to_a_place_of_the_sentence():
    found = dict(places("Venezuela's armed forces began exercises near the border, deploying armoured units "
                        "to Bolívar state."))
    assert found.get("exercises") and found["exercises"][0] == "Bolívar state", found
    alone = dict(places("Venezuela's armed forces began exercises on Monday."))
    assert alone.get("exercises") and alone["exercises"][:2] == ("Venezuela", "VEN"), f"no other place: {alone}"


def test_a_tiny_namesake_needs_its_country_named_twice():
    big = Place("Lima", "city", "PER", None, -12.04, -77.03, 7_700_000)
    small = Place("Lima", "city", "USA", None, 40.74, -84.1, 37_000)
    assert document_countries([big, small], DocumentCountries({"USA": 1})) == [big, small]
    assert document_countries([big, small], DocumentCountries({"USA": 2})) == [small]
    assert resolve("Lima", DocumentCountries({"USA": 1}), [big, small]).country == "PER"


def test_a_place_the_gazetteer_lacks_but_the_text_ties_to_a_state():
    found = dict(places("Israeli troops completed their withdrawal from the Lebanese village of Zzyzxville."))
    assert found.get("completed") is not None, found
    name, country, how = found["completed"]
    assert (name, country, how) == ("Zzyzxville", "LBN", "clause"), found
    doc = analyse_text("Israeli troops completed their withdrawal from the Lebanese village of Zzyzxville.",
                       published="2024-05-01")
    location = doc.events[0].location
    assert location.lat is None and location.lon is None and location.kind == "city", "no guessed point"


def test_an_unknown_name_in_a_text_that_names_no_state_has_no_country():
    found = dict(places("Troops completed their withdrawal from the village of Zzyzxville."))
    assert found.get("completed") == ("Zzyzxville", None, "clause"), found


def test_talks_on_a_topic_are_not_held_there():
    found = places("Ukraine and Russia held talks on the future of Crimea.")
    assert all(loc is None for _, loc in found), f"'on the future of Crimea' is a topic: {found}"


def test_verbs_joined_under_one_subject_share_the_place():
    found = places("Separatist fighters set fire to a health centre and abducted two nurses in Batibo on Tuesday, "
                   "the army said.")
    assert [loc and loc[:2] for _, loc in found] == [("Batibo", "CMR"), ("Batibo", "CMR")], found
    assert found[0][1][2] == "sentence" and found[1][1][2] == "clause", found


def test_closer_to_a_place():
    found = places("Armenia and Azerbaijan both moved artillery closer to the Lachin corridor overnight.")
    assert found and all(loc and loc[1] == "AZE" and loc[0].startswith("Lachin") for _, loc in found), found


def test_own_name_first_beats_an_alternate_name_of_another_place():
    from briefgraph.places.disambiguate import own_name_first
    own = Place("Moura", "city", "MLI", None, 14.2, -4.3, 5_000)
    alias = Place("Mourah", "city", "PRT", None, 38.1, -7.4, 9_000)
    assert own_name_first([own, alias], DocumentCountries(name="Moura")) == [own]
    assert own_name_first([own, alias], DocumentCountries()) == [own, alias]


def test_most_specific_a_town_beats_its_country_in_the_same_clause():
    from briefgraph.places.gazetteer import Place
    from briefgraph.stages.place_mention import Mention
    from briefgraph.stages.places import most_specific

    def mention(name: str, kind: str, country: str) -> Mention:
        return Mention(0, 1, name, Place(name=name, kind=kind, country=country, admin1=None, lat=0.0, lon=0.0))

    chile, town, peru = mention("Chile", "country", "CHL"), mention("Valparaíso", "city", "CHL"), mention("Lima", "city", "PER")
    assert most_specific([(0, 1, chile), (2, 9, town)]).text == "Valparaíso"
    assert most_specific([(0, 1, chile), (2, 9, peru)]).text == "Chile"
    assert most_specific([(1, 1, town), (0, 1, chile)]).text == "Valparaíso"


def _where(found: list[tuple], trigger: str) -> tuple | None:
    return next((loc for t, loc in found if t == trigger), None)


def test_sole_place_not_of_an_event_that_asks_for_what_happened_there():
    found = places("Kenya demanded on Monday that Uganda release six fishermen who were detained near Jinja.")
    assert _where(found, "demanded") is None, found


def test_sole_place_never_a_month():
    found = places("Ghana and Togo agreed on Monday to start joint naval patrols in March.")
    assert all(loc is None or loc[0] != "March" for _, loc in found), found


def test_previous_place_an_event_takes_the_only_place_of_the_sentence_before():
    found = places("Farmers blocked the ring road of Kisumu with tractors on Tuesday. "
                   "Police fired tear gas at them in the evening.")
    assert (_where(found, "fired") or ())[:3] == ("Kisumu", "KEN", "narrative"), found


def test_previous_place_not_across_a_paragraph():
    found = places("Farmers blocked the ring road of Kisumu with tractors on Tuesday.\n\n"
                   "Police fired tear gas at them in the evening.")
    # not the sentence before (narrative); only the story's place (how "document", place_fallbacks.story_place)
    assert (_where(found, "fired") or (None,) * 3)[2] != "narrative", found


def _finder_mentions(text: str) -> list:
    from briefgraph.knowledge import Knowledge
    from briefgraph.stages.places import PlaceFinder
    finder = PlaceFinder(analyse_text(text, published="2024-05-01"), Knowledge.default().place_cues)
    return finder.mentions


def test_inner_places_a_container_yields_to_the_place_inside_it():
    from briefgraph.stages.places import inner_places
    mentions = _finder_mentions("Protesters gathered in the Kolonaki district of Athens on Sunday.")
    inner = [m for m in mentions if m.text.startswith("Kolonaki")]
    city = [m for m in mentions if m.text == "Athens"]
    assert inner and city, [m.text for m in mentions]
    kept = inner_places([(0, 1, city[0]), (0, 5, inner[0])])
    assert [c[2].text for c in kept] == [inner[0].text], "the city that holds the district is no event place of its own"
    assert inner_places([(0, 1, city[0])])[0][2] is city[0], "a container alone stays"


def test_a_town_named_with_a_place_noun_is_the_town_of_a_country_the_text_names():
    text = "Police in Thailand detained 20 traders in Mae Sot district on Tuesday."
    doc = analyse_text(text, published="2024-05-01")
    kinds = [(e.location.country, e.location.kind) for e in doc.events if e.location]
    assert ("THA", "city") in kinds, kinds
    from briefgraph.knowledge import Knowledge
    from briefgraph.places import gazetteer
    from briefgraph.places.disambiguate import DocumentCountries
    from briefgraph.stages.place_spans import before_place_noun
    span = doc.nlp.char_span(text.index("Mae"), text.index(" on Tuesday"), alignment_mode="expand")
    cues = Knowledge.default().place_cues
    assert not before_place_noun(gazetteer(), cues, span, DocumentCountries({"KEN": 3})), \
        "a town of a country the text never names is no namesake to take"


def test_streets_and_forests_of_a_place_are_that_place():
    found = places("Kenya's government sent troops into the streets of Kisumu after two days of riots.")
    assert any(loc and loc[0] == "Kisumu" for _, loc in found), found
    found = places("Rangers arrested six poachers in the forests of Kakamega county in Kenya on Monday.")
    assert any(loc and loc[0].startswith("Kakamega") for _, loc in found), found


def test_a_site_named_by_a_facility_noun():
    found = dict(places("Plainclothes detectives picked up three student leaders from a dormitory at Dhaka "
                        "University early on Sunday."))
    assert found.get("picked") and found["picked"][:2] == ("Dhaka University", "BGD"), found
    doc = analyse_text("Soldiers paraded new missiles through Zzyzx Square in Pyongyang.", published="2024-05-01")
    site = next((e.location for e in doc.events if e.location), None)
    assert site is not None and site.name == "Zzyzx Square" and site.lat is None, f"a site, no point: {site}"


def test_a_town_in_another_transliteration():
    from briefgraph.places import gazetteer
    from briefgraph.places.gazetteer import article_key, spelling_key

    assert spelling_key("woldiya") == spelling_key("woldia") == "woldia", spelling_key("woldiya")
    assert article_key("jisr ash shughur") == "jisr al shughur", "the article before a sun letter"
    assert spelling_key(article_key("al mahallah al kubra")) == spelling_key(article_key("mahalla el kubra"))
    assert article_key("an nhon") == "nhon" and spelling_key("ash sham") == "ash sham", "the builder's key keeps it"
    assert [p.country for p in gazetteer().lookup_spelling("Jisr al-Shughur")][:1] == ["SYR"]
    assert [p.country for p in gazetteer().lookup_spelling("Woldiya")][:1] == ["ETH"]
    assert gazetteer().lookup_spelling("Paris") == [], "a known name or a short one has no other spelling"
    found = dict(places("Federal troops and regional militiamen clashed near Woldiya on Saturday."))
    assert found.get("clashed") and found["clashed"][1] == "ETH", found


def test_a_named_place_with_a_modifier_before_its_place_noun():
    # place_spans.named_before_place_noun / place_named.named_place_noun: "industrial" between
    found = dict(places("Hundreds of dock workers walked out of warehouses in Lagos's Apapa industrial area "
                        "on Monday over unpaid wages."))
    assert found.get("walked") and found["walked"][:2] == ("Apapa industrial area", "NGA"), found
    found = dict(places("Gunmen attacked a market in Kano's Sabon Gari quarter, killing four traders."))
    assert found.get("attacked") and found["attacked"][:2] == ("Sabon Gari quarter", "NGA"), \
        f"'quarter' is a place noun: {found}"


def test_a_site_named_after_a_person():
    # place_named.facility_mentions: the NER tags "Kim Il Sung Square" as a person
    found = dict(places("Pyongyang paraded its newest missiles through Kim Il Sung Square on Saturday."))
    assert found.get("paraded") and found["paraded"][:2] == ("Kim Il Sung Square", "PRK"), found


def test_a_place_crossed_on_the_way_yields_to_the_place_near_which():
    # place_choice.off_path: "across the Zzyzx river" is the way, "near Solotvyno" the place
    found = dict(places("Border guards detained nine men who tried to swim across the Zzyzx river "
                        "near Solotvyno on Friday."))
    assert found.get("detained") and found["detained"][:2] == ("Solotvyno", "UKR"), found
    found = dict(places("Hundreds of farmers marched through Chilpancingo on Tuesday."))
    assert found.get("marched") and found["marched"][0] == "Chilpancingo", f"a lone path place stays: {found}"


def test_a_demonym_before_coast_or_waters_is_a_place_of_that_country():
    # place_named.demonym_place
    # (a British tanker: the navy is Iran acting, so the seizure needs a target other than Iran)
    found = dict(places("Iran's navy seized a British tanker in Iranian waters on Thursday."))
    assert found.get("seized") and found["seized"][:2] == ("Iranian waters", "IRN"), found
    found = dict(places("The two navies began a joint exercise off the Guyanese coast on Monday."))
    assert found.get("exercise") == ("Guyanese coast", "GUY", "clause"), found


def test_a_foreign_town_as_the_attribute_of_a_common_noun_is_no_place():
    # place_spans.foreign_attribute: "Hilton" is a US town, "the Hilton roundabout" in Nairobi is not
    found = dict(places("Hawkers in Nairobi set up barricades near the Hilton roundabout on Monday."))
    assert found.get("set") and found["set"][1] == "KEN", f"no US town 'Hilton': {found}"


def test_a_name_said_to_be_in_or_of_a_known_place_takes_its_country():
    # place_qualifier.container_country + place_mentions.tied_elsewhere: never a namesake abroad
    found = dict(places("Troops killed ten militants in the Zzyzx area of Borno state."))
    assert found.get("killed") and found["killed"][:2] == ("Zzyzx area", "NGA"), found
    found = dict(places("Thai and Malaysian warships began joint exercises in the Strait of Malacca on Tuesday."))
    assert found.get("exercises") and found["exercises"][:2] == ("Strait of Malacca", "MYS"), \
        f"a feature of no country takes the one the text ties it to: {found}"


def test_a_place_the_gazetteer_lacks_owned_by_a_known_town_is_inside_it():
    # place_named.possessed_place: the owner town yields to the place inside it
    found = dict(places("The army imposed a curfew in Kabul's Shar-e Naw on Saturday."))
    assert found.get("imposed") and found["imposed"][:2] == ("Shar-e Naw", "AFG"), found
    found = dict(places("Gunmen attacked a bus station in Karachi's Lyari on Friday."))
    assert found.get("attacked") and found["attacked"][:2] == ("Lyari", "PAK"), found


def test_a_named_site_with_particles_and_a_modifier_before_its_site_noun():
    # cues name_particles, place_noun_modifiers (favela, military, hospital ...) and the site
    # nouns of named_place_nouns (complex, base, airbase, estate, compound, checkpoint)
    found = dict(places("Police killed three men during a raid on the Zzyzx da Silva favela complex "
                        "in Rio de Janeiro on Friday."))
    assert found.get("killed") and found["killed"][:2] == ("Zzyzx da Silva favela complex", "BRA"), found
    found = dict(places("A drone struck the Zzyzx military base near Aleppo."))
    assert found.get("struck") and found["struck"][:2] == ("Zzyzx military base", "SYR"), found


def test_a_story_without_dateline_places_the_rest_at_its_ledes_place():
    # place_fallbacks.story_place: how "document", never a state
    text = ("Hundreds of farmers blocked the ring road of Lyon with tractors on Tuesday.\n\n"
            "Riot police later used tear gas to clear the last tractors.")
    found = dict(places(text))
    assert found.get("used") == ("Lyon", "FRA", "document"), found
    text = ("Farmers in France protested against a water decree on Tuesday.\n\n"
            "Riot police later used tear gas to clear the last tractors.")
    found = dict(places(text))
    assert found.get("used") is None, f"a state is no story's place: {found}"


def test_a_countrys_capital_is_its_capital_town():
    # place_named.capital_mentions, Gazetteer.capital
    found = dict(places("Police in Mongolia's capital detained 46 people on Tuesday."))
    assert found.get("detained") and found["detained"][1] == "MNG" and found["detained"][0] != "Mongolia", found
    found = dict(places("Thousands of protesters marched in the Kenyan capital on Monday."))
    assert found.get("marched") and found["marched"][:2] == ("Nairobi", "KEN"), found


def test_the_ledes_place_beats_the_dateline_only_in_its_country():
    text = ("ABUJA, Nigeria (AP) - Gunmen attacked a village in Zamfara state on Saturday, killing 11 people.\n\n"
            "Police later arrested four suspects, a spokesman said.")
    found = dict(places(text))
    assert found.get("arrested") and found["arrested"][2] == "document" and found["arrested"][1] == "NGA", found
    text = ("GENEVA (Reuters) - Gunmen attacked a village in Zamfara state on Saturday, killing 11 people.\n\n"
            "The United Nations later condemned the attack.")
    found = dict(places(text))
    assert found.get("condemned") and found["condemned"][2] == "dateline", found


def test_a_blocked_place_is_the_blockades_place():
    # cues place_object_words: block
    found = dict(places("Striking truckers blocked the Kazungula border crossing on Monday."))
    assert found.get("blocked") and found["blocked"][0].startswith("Kazungula"), found


def test_story_place_is_the_ledes_most_precise_place():
    # place_fallbacks.story_place: the lede places its events at the town and at a site in it
    text = ("Police in Kisumu detained 46 people on Tuesday as thousands of protesters rallied outside the "
            "Zzyzx Palace.\n\nOfficers later used pepper spray to clear the last protesters.")
    found = dict(places(text))
    assert found.get("used") and found["used"][0] == "Zzyzx Palace" and found["used"][2] == "document", found


def test_misread_names_a_name_the_ner_calls_an_organisation_in_a_place_slot():
    # place_misread.misread_names: "Pibor" tagged ORG; "Parliament" is a dictionary word,
    # "Reuters" an actor of the knowledge base: no place
    found = dict(places("Gunmen killed 12 villagers in Pibor on Sunday, South Sudanese officials said."))
    assert found.get("killed") and found["killed"][:2] == ("Pibor", "SSD"), found
    for text in ("Police arrested 12 protesters in Parliament on Sunday.",
                 "Soldiers arrested 12 men in Reuters on Sunday."):
        assert all(loc is None for _, loc in places(text)), f"no place: {places(text)}"


def test_misread_names_a_whole_misread_entity_spelled_otherwise_gives_its_country():
    # place_misread.own_entity and small.spelled_country: "Jisr al-Shughur" tagged PERSON, known as
    # "Jisr ash Shughur"; the whole entity is the place, in the country of its other spelling
    found = dict(places("Villagers clashed with soldiers in Jisr al-Shughur on Friday."))
    assert found.get("clashed") and found["clashed"][:2] == ("Jisr al-Shughur", "SYR"), found


def test_unknown_mentions_a_place_the_gazetteer_lacks_on_the_source_or_a_participant():
    # places._unknown_mentions: a place the gazetteer lacks takes part in every clause rule
    found = dict(places("Police in Zzyzxmi, Zamfara state, arrested 12 men on Sunday."))
    assert found.get("arrested") == ("Zzyzxmi", "NGA", "clause"), f"the source's place: {found}"
    found = dict(places("Doctors at a hospital in Zzyzxwila went on strike on Monday, Sudanese officials said."))
    assert found.get("went") == ("Zzyzxwila", "SDN", "clause"), f"a participant's place: {found}"
    found = dict(places("Italy's foreign ministry welcomed the truce in Lebanon on Monday."))
    assert all(loc is None or loc[0] != "Italy" or loc[1] == "ITA" for loc in found.values()), \
        f"a state's name is no unknown place: {found}"


def test_unknown_mentions_a_place_the_gazetteer_lacks_is_shared_by_the_sentence():
    # the agreement names what was agreed: the shipped learned layer may screen a bare "agreed to reopen the
    # border" (round 27's model does), and this test is about the place, not the screening
    found = dict(places("Kenyan and Ugandan ministers met in Zzyzxmi on Monday, and Kenya agreed to a joint patrol plan."))
    assert found.get("agreed") == ("Zzyzxmi", "KEN", "sentence"), found


def test_on_source_through_a_place_noun():
    # places._on_source: "Police in the northern town of X" act in X, known or not
    found = dict(places("Police in the northern town of Zzyzxmi arrested 12 men on Sunday."))
    assert found.get("arrested") and found["arrested"][0] == "Zzyzxmi" and found["arrested"][2] == "clause", found


def test_a_bigger_place_of_the_very_name_in_a_named_country_beats_an_alternate_name_namesake():
    from briefgraph.places.disambiguate import named_bigger_own_name
    own = Place("Ciudad Norte", "city", "MEX", None, 25.7, -100.3, 1_100_000)
    namesake = Place("Cuidad Norte", "city", "USA", None, 36.6, -121.9, 28_000)
    assert named_bigger_own_name([own, namesake], DocumentCountries({"MEX": 1, "USA": 2}, name="Ciudad Norte")) == [own]
    assert resolve("Ciudad Norte", DocumentCountries({"MEX": 1, "USA": 2}), [own, namesake]).country == "MEX"
    unnamed = DocumentCountries({"USA": 2}, name="Ciudad Norte")
    assert named_bigger_own_name([own, namesake], unnamed) == [own, namesake], "its country unnamed: no opinion"
    big = Place("Odesa", "city", "UKR", None, 46.5, 30.7, 1_000_000)
    small = Place("Odessa", "city", "USA", None, 31.8, -102.4, 114_000)
    kept = named_bigger_own_name([big, small], DocumentCountries({"UKR": 3, "USA": 1}, name="Odessa"))
    assert kept == [big, small], "a bigger place called so among other names stays a candidate"


def test_regions_over_towns_keeps_big_towns_and_towns_of_the_region_country():
    from briefgraph.places.disambiguate import regions_over_towns
    region = Place("Zzland", "region", "AAA", "Zzland", 0.0, 0.0, 0)
    small = Place("Zzland", "city", "BBB", None, 1.0, 1.0, 42_000)
    big = Place("Zzland", "city", "CCC", None, 2.0, 2.0, 900_000)
    home = Place("Zzland", "city", "AAA", None, 0.0, 0.0, 5_000)
    kept = regions_over_towns([region, small, big, home], DocumentCountries())
    assert kept == [region, big, home], f"only a small town abroad yields to the region: {kept}"


def test_and_for_hyphen():
    from briefgraph.places.gazetteer import and_for_hyphen, gazetteer

    assert and_for_hyphen("Bosnia-Herzegovina") == "bosnia and herzegovina"
    assert and_for_hyphen("Guinea-Bissau") == "guinea and bissau", "a key only: the gazetteer knows Guinea-Bissau"
    assert and_for_hyphen("Baden-Baden") == "baden and baden"
    assert and_for_hyphen("al-Qaeda") == "" and and_for_hyphen("Abuja-Kaduna highway") == ""
    gaz = gazetteer()
    assert [p.country for p in gaz.lookup("Bosnia-Herzegovina")][:1] == ["BIH"]
    assert [p.country for p in gaz.lookup("Trinidad-Tobago")][:1] == ["TTO"]
    assert [p.country for p in gaz.lookup("Guinea-Bissau")][:1] == ["GNB"], "a known hyphenated name is read as it is"

