"""Probe sentences written for issue 17 (round 11): generic actors ("police", "gunmen",
"protesters", "local residents", "security forces") carry the country of where they act, their
own nationality, or none. Shapes: "police in <city>", "<demonym> police", protesters outside a
foreign embassy (not that country), a region or state the gazetteer knows, a country named in an
earlier sentence, a possessive city ("Dhaka's Shahbag area"), capital metonymy ("Kabul police"),
lower and upper case, two countries in one sentence. Each (sentence, {actor name part: ISO3}) is
run through the whole pipeline; the actor is the first GROUP/PERSON/ORG whose name holds the part."""

from __future__ import annotations

import pytest

from conftest import analyse_text

PROBES = [
    ("Police in Mombasa arrested 12 people on Monday.", {"police": "KEN", "people": "KEN"}),
    ("Kenyan troops killed five militants in southern Somalia on Sunday.", {"militants": "SOM"}),
    ("Protesters gathered outside the French embassy in Bamako on Friday to demand the withdrawal of foreign forces.", {"protesters": "MLI"}),
    ("Gunmen attacked a village in Zamfara state on Tuesday, killing 14 people.", {"gunmen": "NGA"}),
    ("Security forces fired tear gas at protesters in Mandalay on Saturday.", {"security forces": "MMR", "protesters": "MMR"}),
    ("Local residents blocked the main road in Peshawar on Wednesday to protest power cuts.", {"residents": "PAK"}),
    ("Zimbabwe's opposition called for a general strike on Monday. Police later detained 20 activists in the capital.", {"police": "ZWE", "activists": "ZWE"}),
    ("Ugandan police arrested 15 students in Kampala on Thursday.", {"police": "UGA", "students": "UGA"}),
    ("Students protested in Dhaka's Shahbag area on Sunday.", {"students": "BGD"}),
    ("Islamabad said its soldiers had killed ten militants in the northwest on Friday.", {"soldiers": "PAK", "militants": "PAK"}),
    ("Egyptian security forces detained dozens of protesters in Cairo on Friday.", {"security forces": "EGY", "protesters": "EGY"}),
    ("Indian police fired tear gas at Bangladeshi migrants near the border on Monday.", {"police": "IND", "migrants": "BGD"}),
    ("Police in Lyon arrested 20 rioters after clashes overnight.", {"police": "FRA", "rioters": "FRA"}),
    ("Soldiers in Goma detained three journalists on Friday.", {"soldiers": "COD", "journalists": "COD"}),
    ("Riot police in Santiago used water cannon against students on Thursday.", {"police": "CHL", "students": "CHL"}),
    ("Gunmen kidnapped 20 passengers on a highway in Kaduna state on Sunday.", {"gunmen": "NGA", "passengers": "NGA"}),
    ("Militants attacked a checkpoint in Balochistan on Monday, killing four soldiers.", {"militants": "PAK", "soldiers": "PAK"}),
    ("Hundreds of teachers went on strike in Nairobi on Monday.", {"teachers": "KEN"}),
    ("Venezuelan soldiers arrested 12 Colombian smugglers near Cucuta on Tuesday.", {"smugglers": "COL"}),
    ("Police in Karachi said they had arrested five suspects.", {"police": "PAK"}),
    ("Demonstrators outside the Israeli embassy in Amman demanded its closure on Friday.", {"demonstrators": "JOR"}),
    ("Mexican troops clashed with cartel gunmen in Sinaloa on Wednesday.", {"gunmen": "MEX"}),
    ("Rebels seized two towns in North Kivu province on Sunday.", {"rebels": "COD"}),
    ("Lebanese soldiers fired warning shots at protesters in Beirut on Saturday.", {"protesters": "LBN"}),
    ("Brazilian police killed six suspects in a raid in Rio de Janeiro on Tuesday.", {"police": "BRA"}),
    ("Youths threw stones at police in Soweto on Thursday.", {"youths": "ZAF", "police": "ZAF"}),
    ("Villagers in Tigray said soldiers had looted their homes.", {"soldiers": "ETH"}),
    ("A Nigerian official said gunmen had abducted 30 schoolchildren in Katsina on Friday.", {"gunmen": "NGA"}),
    ("Turkish police detained 40 people in Istanbul on Saturday.", {"police": "TUR", "people": "TUR"}),
    ("Police in Tehran arrested dozens of women on Monday.", {"police": "IRN", "women": "IRN"}),
    ("Sri Lankan navy sailors arrested 12 Indian fishermen off Jaffna on Sunday.", {"sailors": "LKA", "fishermen": "IND"}),
    ("The Sudanese army said its soldiers had killed 40 fighters in Darfur.", {"soldiers": "SDN", "fighters": "SDN"}),
    ("Security forces killed four protesters in Port-au-Prince on Wednesday.", {"security forces": "HTI", "protesters": "HTI"}),
    ("In Peru, police arrested 30 miners who had blocked a highway.", {"police": "PER", "miners": "PER"}),
    ("Thousands of workers marched in Buenos Aires on Wednesday.", {"workers": "ARG"}),
    ("Gunmen killed three police officers in Guerrero state on Sunday.", {"gunmen": "MEX", "officers": "MEX"}),
    ("Police arrested 14 demonstrators in front of the Russian embassy in Tbilisi on Sunday.", {"police": "GEO", "demonstrators": "GEO"}),
    ("police in lagos arrested 20 traders on monday.", {"police": "NGA", "traders": "NGA"}),
    ("Kabul police arrested four men on Thursday.", {"police": "AFG"}),
    ("Pakistani troops and Afghan border guards exchanged fire at Torkham on Monday.", {"guards": "AFG"}),
    ("Myanmar's junta extended martial law on Monday. Soldiers burned houses in three villages, residents said.", {"soldiers": "MMR"}),
    ("The Malian army said soldiers had killed 20 jihadists near Mopti.", {"soldiers": "MLI", "jihadists": "MLI"}),
    ("Bolivian miners clashed with police in La Paz on Tuesday.", {"miners": "BOL", "police": "BOL"}),
    ("Greek coast guards rescued 60 migrants off Lesbos on Sunday.", {"coast guards": "GRC"}),
    ("Police in the Kenyan capital arrested 30 protesters on Tuesday.", {"police": "KEN", "protesters": "KEN"}),
    ("Gunmen stormed a church in northern Burkina Faso on Sunday, killing 15 worshippers.", {"gunmen": "BFA"}),
    ("Police in Cape Town dispersed striking bus drivers on Monday.", {"police": "ZAF", "drivers": "ZAF"}),
    ("Police in Nairobi arrested ten people on Monday, while in Kampala soldiers beat students.", {"police": "KEN"}),
    ("Algerian police arrested 25 protesters in Algiers on Friday.", {"police": "DZA", "protesters": "DZA"}),
    ("Colombian soldiers killed four guerrillas in Cauca on Saturday.", {"guerrillas": "COL"}),
    ("Residents of Maiduguri said soldiers had arrested 50 young men on Tuesday.", {"soldiers": "NGA", "men": "NGA"}),
    ("Thai police detained 12 activists in Bangkok on Sunday.", {"police": "THA", "activists": "THA"}),
    ("Pro-government militiamen attacked students at a university in Tehran on Tuesday.", {"militiamen": "IRN", "students": "IRN"}),
    ("Protesters torched a police station in Cochabamba on Friday.", {"protesters": "BOL"}),
    ("French police used tear gas against farmers in Brussels on Thursday.", {"police": "FRA", "farmers": "BEL"}),
    ("Somali security forces arrested dozens of al-Shabaab suspects in Mogadishu on Sunday.", {"security forces": "SOM"}),
    ("Haitian gang members killed 12 people in Cite Soleil on Monday.", {"gang members": "HTI"}),
    ("Iraqi soldiers fired on protesters in Basra on Tuesday, killing three.", {"protesters": "IRQ"}),
    ("Gunmen killed six farmers in Fada N'Gourma province on Sunday, residents said.", {"gunmen": "BFA", "farmers": "BFA"}),
    ("Residents of a village near Kibera said police had beaten several young men on Saturday.", {"police": "KEN"}),
    ("Rebels ambushed an army convoy on the road between Beni and Butembo on Monday.", {"rebels": "COD"}),
    ("Fishermen in Tumaco staged a protest on Tuesday over the spraying of coca fields.", {"fishermen": "COL"}),
    ("Students at the university in Cochabamba occupied the rector's office on Wednesday.", {"students": "BOL"}),
    ("Police arrested 18 people in Mombasa's Old Town on Sunday after clashes with traders.", {"police": "KEN", "people": "KEN"}),
    ("Armed men abducted 12 passengers from a bus on the Abuja-Kaduna highway on Friday.", {"men": "NGA", "passengers": "NGA"}),
    ("Taxi drivers in Johannesburg blocked roads on Monday to protest against ride-hailing apps.", {"drivers": "ZAF"}),
    ("Doctors in Lahore went on strike on Tuesday after a colleague was beaten by a patient's relatives.", {"doctors": "PAK"}),
    ("Villagers in Rakhine state said soldiers had burned dozens of houses.", {"soldiers": "MMR"}),
    ("Farmers in Mato Grosso blocked a federal highway with their tractors on Friday.", {"farmers": "BRA"}),
    ("Police in the Nigerian city of Jos arrested 40 youths on Tuesday after a night of rioting.", {"police": "NGA", "youths": "NGA"}),
    ("Gunmen in northern Nigeria abducted 15 worshippers from a mosque on Friday.", {"gunmen": "NGA"}),
    ("Soldiers killed three suspected militants in a village in Somalia's Lower Shabelle region on Sunday.", {"soldiers": "SOM", "militants": "SOM"}),
    ("Police fired rubber bullets at protesters in Valparaiso on Friday.", {"police": "CHL", "protesters": "CHL"}),
    ("Teachers in Oaxaca blocked access to the airport on Monday.", {"teachers": "MEX"}),
    ("Soldiers detained 14 fishermen off the coast of Cox's Bazar on Saturday.", {"soldiers": "BGD", "fishermen": "BGD"}),
    ("Militiamen attacked a camp for displaced people near Bunia on Sunday, killing 20.", {"militiamen": "COD"}),
    ("Traders in Harare's Mbare market clashed with municipal police on Wednesday.", {"traders": "ZWE", "police": "ZWE"}),
    ("Residents of Port-au-Prince's Carrefour neighbourhood said gang members had burned their homes.", {"members": "HTI"}),
    ("Police in Antananarivo arrested 12 students on Monday.", {"police": "MDG", "students": "MDG"}),
    ("Nurses in Lilongwe went on strike on Tuesday over unpaid allowances.", {"nurses": "MWI"}),
    ("Security forces in Conakry killed two protesters on Thursday.", {"security forces": "GIN", "protesters": "GIN"}),
    ("Police in Dhaka's Mirpur area detained 25 garment workers on Sunday.", {"police": "BGD", "workers": "BGD"}),
    ("Miners in Potosi blocked roads on Monday to demand higher mineral prices.", {"miners": "BOL"}),
    ("Soldiers fired on a crowd in Mandalay's Chanayethazan township on Saturday.", {"soldiers": "MMR"}),
    ("Gunmen on motorbikes killed a village head in Tillaberi on Monday.", {"gunmen": "NER"}),
    ("POLICE ARREST 40 PROTESTERS IN NAIROBI", {"police": "KEN", "protesters": "KEN"}),
    ("soldiers killed five fishermen near lake chad on monday, residents said.", {"soldiers": None}),
    ("Kenyan police arrested 12 Ethiopian migrants in Moyale on Tuesday.", {"police": "KEN", "migrants": "ETH"}),
    ("Farmers from Punjab and Haryana marched towards Delhi on Tuesday.", {"farmers": "IND"}),
    ("Police in Peshawar arrested 30 Afghan refugees on Friday.", {"police": "PAK"}),
    ("Police in Yerevan detained 50 protesters on Tuesday.", {"police": "ARM", "protesters": "ARM"}),
    ("Riot police in Belgrade used pepper spray against students on Saturday.", {"police": "SRB", "students": "SRB"}),
    ("Farmers in Lleida blocked a motorway on Friday.", {"farmers": "ESP"}),
    ("Dockworkers in Piraeus walked off the job on Thursday.", {"dockworkers": "GRC"}),
    ("Police in Kumasi arrested 20 illegal miners on Monday.", {"police": "GHA", "miners": "GHA"}),
    # a crowd no agent list names (affiliation.unnamed_crowd): the country of where it protested
    ("Marketeers protested in Lusaka on Monday over new fees.", {"marketeers": "ZMB"}),
]


@pytest.mark.parametrize(("text", "expected"), PROBES, ids=[t[:40] for t, _ in PROBES])
def test_generic_actor_country(text: str, expected: dict[str, str | None]) -> None:
    doc = analyse_text(text, published="2025-03-15")
    # a state named only through its forces is that state acting with their category ("Indian police")
    actors = [a for a in doc.actors if a.type in ("GROUP", "PERSON", "ORG") or a.category]
    for part, country in expected.items():
        found = next((a for a in actors if any(part in n.lower() for n in a.names())), None)
        assert found is not None, f"no actor named with {part!r} in {text!r}: {[a.name for a in doc.actors]}"
        assert found.country == country, (
            f"{found.name!r} in {text!r}: country {found.country} ({found.country_from}), expected {country}")
