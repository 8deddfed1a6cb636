"""Actors stage, rule by rule: each NER fix, mention rule, knowledge-base link and
merge rule on its own, on a sentence parsed by spaCy (structure and parse stages
only) with the shipped knowledge. A failure names the rule and what it got."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from briefgraph.knowledge import Knowledge
from briefgraph.pipeline import STAGES, run_stages, start_analysis
from briefgraph.records import RawDocument
from briefgraph.stages import actors
from briefgraph.stages.actors import clustering, groups, keys, ner_fixes, ner_titles, phrases
from briefgraph.stages.actors.context import Context
from briefgraph.stages.actors.kb_mentions import kb_mentions
from briefgraph.stages.actors.mentions import (
    dashed_place_pairs,
    join_place_pairs,
    ner_mentions,
    org_head_name_mentions,
    quote_author_mentions,
    region_name_mentions,
    titled_name_mentions,
)
from briefgraph.stages.actors.model import Cluster, CountryKey, GroupKey, KbKey, Mention
from briefgraph.stages.actors.ner_fixes import Entity
from briefgraph.stages.actors.overlaps import described_names, resolve_overlaps
from briefgraph.stages.actors.rescan import rescan

KNOWLEDGE = Knowledge.default()
PARSE = tuple(s for s in STAGES if s.name in {"structure", "parse"})


def context(text: str) -> Context:
    done, failed = run_stages([start_analysis(RawDocument(text=text, source="<rule test>"))], PARSE)
    assert done[0] is not None, f"parse failed: {failed[0]}"
    return Context(done[0], KNOWLEDGE.actors)


def span(ctx: Context, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = ctx.text.find(phrase, start + 1)
        assert start >= 0, f"{phrase!r} (occurrence {nth}) not in {ctx.text!r}"
    return start, start + len(phrase)


def entity(ctx: Context, phrase: str, label: str) -> Entity:
    s, e = span(ctx, phrase)
    return Entity(s, e, phrase, label, ctx.zone_at(s), ctx.tokens_in(s, e))


def mention(ctx: Context, phrase: str, label: str = "ORG", kind: str = "ner", nth: int = 0, **kw) -> Mention:
    s, e = span(ctx, phrase, nth)
    return Mention(s, e, phrase, label, kind, ctx.zone_at(s), **kw)


def got(mentions: list[Mention] | None) -> list[tuple[str, str, str]] | None:
    return None if mentions is None else [(m.text, m.label, m.kind) for m in mentions]


def analyse_actors(text: str) -> list:
    done, failed = run_stages([start_analysis(RawDocument(text=text, source="<rule test>"))], PARSE)
    assert done[0] is not None, f"parse failed: {failed[0]}"
    return actors.find_actors(done[0], KNOWLEDGE)["actors"]


def token_index(ctx: Context, word: str) -> tuple[list, int]:
    tokens = [t for t in ctx.nlp if not t.is_space]
    for i, t in enumerate(tokens):
        if t.text == word:
            return tokens, i
    raise AssertionError(f"no token {word!r} in {[t.text for t in tokens]}")


# -- NER fixes -----------------------------------------------------------------------------------

def test_ner_fixes_run_in_documented_order():
    assert [f.__name__ for f in ner_fixes.NER_FIXES] == [
        "piece_of_dateline_place", "split_inner_possessive", "places_joined_by_slash", "two_places_joined", "state_then_place", "no_tokens",
        "governments_of", "government_and_people_of", "town_typed_person", "town_as_subject_or_object",
        "place_typed_name", "org_head_typed_place",
        "research_name_typed_place", "demonym_is_no_name", "region_demonym",
        "only_title_words", "thing_name", "weapon_model", "name_then_title", "title_before_person", "demonym_portfolio",
        "portfolio_in_title", "title_of_portfolio", "person_regime", "title_in_front", "person_after_title_or_place",
        "lone_title_word", "place_glued_to_name"], "NER_FIXES changed order: the first fix that applies wins"


def test_fix_split_inner_possessive():
    ctx = context("Joe Smith is a senior analyst at FDD’s Long War Journal, which tracks militias.")
    out = ner_fixes.split_inner_possessive(ctx, entity(ctx, "FDD’s Long War Journal", "ORG"))
    assert got(out) == [("FDD", "ORG", "ner"), ("Long War Journal", "ORG", "ner")], \
        f"possessive not split into owner and owned: {got(out)}"
    assert out is not None and out[1].owner == "FDD", "the owned name must remember its owner"
    assert ner_fixes.split_inner_possessive(ctx, entity(ctx, "Joe Smith", "PERSON")) is None, \
        "a name without an inner possessive is not this rule's"
    ctx = context("The Auditor’s Office in Accra opened an inquiry into the port contracts.")
    assert ner_fixes.split_inner_possessive(ctx, entity(ctx, "Auditor’s Office", "ORG")) is None, \
        "an owner that is one common word names an office by its holder: one organisation, not split"


def test_fix_governments_of():
    ctx = context("The Governments of Ghana and Togo signed a fisheries accord in Lomé.")
    out = ner_fixes.governments_of(ctx, entity(ctx, "Governments of Ghana", "ORG"))
    assert out == [], f"plural governments over a state name the states, no organisation: {got(out)}"
    ctx = context("The Government of Ghana signed a fisheries accord in Lomé.")
    assert ner_fixes.governments_of(ctx, entity(ctx, "Government of Ghana", "ORG")) is None, \
        "a singular government is the state's own name (phrases.state_government)"
    ctx = context("Officials of the Friends of Ghana met in Lomé.")
    assert ner_fixes.governments_of(ctx, entity(ctx, "Friends of Ghana", "ORG")) is None, "no organ noun: a name"


def test_fix_places_joined_by_slash():
    ctx = context("QUITO/GUAYAQUIL, Ecuador (Reuters) - Truckers blocked roads on Friday.")
    out = ner_fixes.places_joined_by_slash(ctx, entity(ctx, "QUITO/GUAYAQUIL", "ORG"))
    assert got(out) == [("QUITO", "GPE", "ner"), ("GUAYAQUIL", "GPE", "ner")], f"a dateline of two places: {got(out)}"
    ctx = context("The AC/DC tour and the Quito/Zorvania Fund opened on Friday.")
    assert ner_fixes.places_joined_by_slash(ctx, entity(ctx, "Quito/Zorvania", "ORG")) is None, \
        "a part the gazetteer does not know: no split"
    ctx = context("Officials of Ecuador Partners met in Quito on Friday.")
    assert ner_fixes.places_joined_by_slash(ctx, entity(ctx, "Ecuador Partners", "ORG")) is None, "no slash"


def test_fix_government_and_people_of():
    ctx = context("The mayor thanked the Government and people of Norway for the new clinic.")
    out = ner_fixes.government_and_people_of(ctx, entity(ctx, "Government", "ORG"))
    assert out == [], f"a government coordinated with a state's people is that state: {got(out)}"
    ctx = context("The mayor thanked the Government and people of the valley for the new clinic.")
    assert ner_fixes.government_and_people_of(ctx, entity(ctx, "Government", "ORG")) is None, "no state after"
    ctx = context("The mayor thanked the Rotary and people of Norway for the new clinic.")
    assert ner_fixes.government_and_people_of(ctx, entity(ctx, "Rotary", "ORG")) is None, "no organ noun"


def test_fix_town_typed_person():
    ctx = context("Hundreds of migrants crossed into Mae Sot on Monday, Lee Hart said.")
    out = ner_fixes.town_typed_person(ctx, entity(ctx, "Mae Sot", "PERSON"))
    assert got(out) == [("Mae Sot", "GPE", "ner")], f"a town after a preposition: {got(out)}"
    assert ner_fixes.town_typed_person(ctx, entity(ctx, "Lee Hart", "PERSON")) is None, "a person stays"
    ctx = context("Mae Sot said on Monday that the talks would resume.")
    assert ner_fixes.town_typed_person(ctx, entity(ctx, "Mae Sot", "PERSON")) is None, "no preposition before"


def test_fix_town_as_subject_or_object():
    ctx = context("Bandar Abbas hosted the navy's annual parade, state media reported.")
    out = ner_fixes.town_as_subject_or_object(ctx, entity(ctx, "Bandar Abbas", "PERSON"))
    assert got(out) == [("Bandar Abbas", "GPE", "ner")], f"a town as subject: {got(out)}"
    ctx = context("Fighters shelled Kafr Nabl overnight, the observatory said.")
    out = ner_fixes.town_as_subject_or_object(ctx, entity(ctx, "Kafr Nabl", "PERSON"))
    assert got(out) == [("Kafr Nabl", "GPE", "ner")], f"a town as object: {got(out)}"
    ctx = context("Landi Kotal reopened its markets after the army lifted a curfew.")
    out = ner_fixes.town_as_subject_or_object(ctx, entity(ctx, "Landi Kotal", "ORG"))
    assert got(out) == [("Landi Kotal", "GPE", "ner")], f"a town typed ORG: {got(out)}"
    ctx = context("Foreign Minister San Martin met the president. San Martin told reporters the talks went well.")
    assert ner_fixes.town_as_subject_or_object(ctx, entity(ctx, "San Martin", "PERSON")) is None, \
        "a title before: a person"
    ctx = context("Ali Sabieh criticised the decision and Sabieh urged calm.")
    assert ner_fixes.town_as_subject_or_object(ctx, entity(ctx, "Ali Sabieh", "PERSON")) is None, \
        "a word used alone elsewhere (a surname): a person"


def test_fix_org_head_typed_place():
    ctx = context("Dana Orlov, a fellow at the Tundra Policy Forum in Oslo, said the talks would fail.")
    out = ner_fixes.org_head_typed_place(ctx, entity(ctx, "Tundra Policy Forum", "LOC"))
    assert got(out) == [("Tundra Policy Forum", "ORG", "ner")], f"an organisation's head makes an ORG: {got(out)}"
    ctx = context("Troops moved along the Tundra Valley near Oslo on Monday.")
    assert ner_fixes.org_head_typed_place(ctx, entity(ctx, "Tundra Valley", "LOC")) is None, "no org head"
    ctx = context("Delegates met at the Tundra Policy Forum in Oslo.")
    assert ner_fixes.org_head_typed_place(ctx, entity(ctx, "Tundra Policy Forum", "ORG")) is None, "already an ORG"


def test_fix_research_name_typed_place():
    ctx = context("Lea Varga, a fellow at the Danube Basin Policy Centre in Vienna, said the talks would fail.")
    out = ner_fixes.research_name_typed_place(ctx, entity(ctx, "Danube Basin Policy Centre", "LOC"))
    assert got(out) == [("Danube Basin Policy Centre", "ORG", "ner")], f"a research word makes an ORG: {got(out)}"
    ctx = context("Omar Said of the Nile Basin Research Group said Egypt would object.")
    out = ner_fixes.research_name_typed_place(ctx, entity(ctx, "Nile Basin Research Group", "GPE"))
    assert got(out) == [("Nile Basin Research Group", "ORG", "ner")], got(out)
    ctx = context("Troops moved along the Danube Basin Canal near Vienna on Monday.")
    assert ner_fixes.research_name_typed_place(ctx, entity(ctx, "Danube Basin Canal", "LOC")) is None, \
        "no research word: not this rule's"
    ctx = context("Delegates met at the Policy Hall in Vienna.")
    assert ner_fixes.research_name_typed_place(ctx, entity(ctx, "Policy Hall", "LOC")) is None, "two words only"


def test_person_cut_keeps_an_organisations_head():
    ctx = context("Tom Reed of the Baltic Rim Institute said Estonia would object.")
    out = ner_fixes.fix_entity(ctx, *span(ctx, "Baltic Rim Institute"), "ORG")
    assert got(out) == [("Baltic Rim Institute", "ORG", "ner")], f"no person 'Rim Institute' after a place: {got(out)}"


def test_research_names_are_organisations_though_they_end_in_a_facility_word():
    for text, name in (("Ana Ruiz, a fellow at the Andes Policy Center in Lima, said the deal would hold.",
                        "Andes Policy Center"),
                       ("“The strait is calm,” said Lee Min, director of the Yellow Sea Studies Centre.",
                        "Yellow Sea Studies Centre")):
        actors = analyse_actors(text)
        assert [a.type for a in actors if a.name == name] == ["ORG"], [(a.name, a.type) for a in actors]


def test_a_name_opening_a_body_name_outside_the_body_is_none():
    text = ("Estonia Closes Border Post\n\nFlash Brief\n\nEstonia closed the Narva border post on Monday after "
            "Russia moved troops nearby, officials said.\n\n“This is a warning,” said Nora Dahl, Director of the "
            "Europe Program at the Mediterranean Policy Lab.\n\nRelated reading\n\n“Narva After the Closure,” "
            "Mediterranean Policy Lab Flash Brief\n")
    actors = analyse_actors(text)
    assert [a.name for a in actors if "Mediterranean" in a.name] == ["Mediterranean Policy Lab"], \
        [a.name for a in actors]


def test_fix_state_then_place():
    ctx = context("Tensions rose in the row with Morocco over Western Sahara on Monday.")
    out = ner_fixes.state_then_place(ctx, entity(ctx, "Morocco over Western Sahara", "ORG"))
    assert got(out) == [("Morocco", "GPE", "ner"), ("Western Sahara", "GPE", "ner")], \
        f"a state and a place run into one name are two places: {got(out)}"
    ctx = context("Officials of Doctors Against Hunger met on Monday.")
    assert ner_fixes.state_then_place(ctx, entity(ctx, "Doctors Against Hunger", "ORG")) is None, \
        "no state before the joiner: a name"


def test_fix_no_tokens():
    ctx = context("Hamas fired rockets.")
    assert ner_fixes.no_tokens(ctx, Entity(0, 0, "", "ORG", "body", [])) == [], "a span without tokens must be dropped"
    assert ner_fixes.no_tokens(ctx, entity(ctx, "Hamas", "ORG")) is None, "a span with tokens is not this rule's"


def test_fix_region_demonym():
    ctx = context("The ministry sent the relics to Crimean museums, thanked Tigrayan elders and met Roman envoys.")
    crimean = ner_fixes.region_demonym(ctx, entity(ctx, "Crimean", "NORP"))
    assert got(crimean) == [("Crimea", "GPE", "ner")], "a region's demonym must be a mention of the region, named by it"
    assert crimean is not None and crimean[0].written == "Crimean", \
        "the demonym as written must stay with the mention (an alias: 'Crimean museums' as an event's target)"
    assert got(ner_fixes.region_demonym(ctx, entity(ctx, "Tigrayan", "ORG"))) == [("Tigray", "GPE", "ner")], \
        "a demonym of a region's full name (Tigray + an) must name the region"
    assert ner_fixes.region_demonym(ctx, entity(ctx, "Roman", "NORP")) is None, \
        "a word whose stem is only a town (Roma) is no region's demonym"
    assert ner_fixes.region_of_demonym("Texan") == "Texas", "Texan -> Texas (n -> s)"
    assert ner_fixes.region_of_demonym("Kashmiri") == "Kashmir", "Kashmiri -> Kashmir (i dropped)"


def test_fix_demonym_is_no_name():
    ctx = context("Drones struck the southern Ukrainian region, and Russia denied it.")
    assert ner_fixes.demonym_is_no_name(ctx, entity(ctx, "Ukrainian", "NORP")) == [], \
        "a bare demonym is no name (the phrase rules see it)"
    assert ner_fixes.demonym_is_no_name(ctx, entity(ctx, "Russia", "GPE")) is None, "a state's name is kept"


def test_fix_only_title_words():
    ctx = context("Defense Secretary Lloyd Austin visited the South on Monday.")
    assert ner_fixes.only_title_words(ctx, entity(ctx, "Defense", "ORG")) == [], "a title word alone is no actor"
    assert ner_fixes.only_title_words(ctx, entity(ctx, "South", "LOC")) == [], \
        "a not-actor noun alone ('the South') is no actor"
    assert ner_fixes.only_title_words(ctx, entity(ctx, "Lloyd Austin", "PERSON")) is None, "a name is kept"


def test_fix_thing_name():
    ctx = context("Both states signed the Harbour Agreement in May.")
    assert ner_fixes.thing_name(ctx, entity(ctx, "Harbour Agreement", "ORG")) == [], \
        "a name ending in a not-actor head ('Agreement') is a thing"


def test_fix_thing_name_of_release_phrases():
    ctx = context("Fiji and Korea signed an Exchange of Notes before the Pacific Ministerial Meeting.")
    assert ner_fixes.thing_name(ctx, entity(ctx, "Exchange of Notes", "ORG")) == [], "a diplomatic instrument"
    assert ner_fixes.thing_name(ctx, entity(ctx, "Pacific Ministerial Meeting", "ORG")) == [], "a gathering"


def test_fix_weapon_model():
    ctx = context("Spain will send more Condor anti-ship missiles and Jaguar tanks to the coast guard.")
    assert ner_fixes.weapon_model(ctx, entity(ctx, "Condor", "ORG")) == [], "a name before a weapon noun is a model"
    assert ner_fixes.weapon_model(ctx, entity(ctx, "Jaguar", "ORG")) == [], "no modifier needed"
    ctx = context("Houthi drones struck a tanker on Monday.")
    assert ner_fixes.weapon_model(ctx, entity(ctx, "Houthi", "NORP")) is None, "a known name keeps its weapons"
    ctx = context("Spain will send Condor Logistics to the port.")
    assert ner_fixes.weapon_model(ctx, entity(ctx, "Condor Logistics", "ORG")) is None, "no weapon noun after it"


def test_fix_name_then_title():
    ctx = context("Talks went on, said Ana Lee, the UN Special Envoy for the Sahel, on Monday.")
    out = ner_titles.name_then_title(ctx, entity(ctx, "UN Special Envoy for the Sahel", "ORG"))
    assert got(out) == [("UN", "ORG", "ner")], f"a known name run into a title keeps only the name: {got(out)}"
    ctx = context("The UN Security Council met on Monday.")
    assert ner_titles.name_then_title(ctx, entity(ctx, "UN Security Council", "ORG")) is None, \
        "no head title word: an organisation's name"


def test_fix_title_before_person():
    ctx = context("On Monday, Provincial Water Executive Ruth Achieng closed the canal.")
    out = ner_titles.title_before_person(ctx, entity(ctx, "Provincial Water Executive", "ORG"))
    assert out == [], f"title words before a person are her title, no organisation: {got(out)}"
    ctx = context("On Monday, Provincial Water Executive Ruth Achieng closed the canal.")
    tokens = [t.text for t in ctx.nlp]
    ctx.nlp.ents = [Span(ctx.nlp, tokens.index("Provincial"), tokens.index("Executive"), "ORG"),
                    Span(ctx.nlp, tokens.index("Ruth"), tokens.index("Achieng") + 1, "PERSON")]  # as spaCy may cut
    out = ner_titles.title_before_person(ctx, entity(ctx, "Provincial Water", "ORG"))
    assert out == [], f"the title word may follow the organisation-looking words: {got(out)}"
    ctx = context("On Monday, Lakeside Policy Institute Director Omar Haddad spoke.")
    assert ner_titles.title_before_person(ctx, entity(ctx, "Lakeside Policy Institute", "ORG")) is None, \
        "a body noun (institute) makes it an organisation before its director"
    ctx = context("The Coastal Water Board met on Monday.")
    assert ner_titles.title_before_person(ctx, entity(ctx, "Coastal Water Board", "ORG")) is None, \
        "no person after it: not this rule's"


def test_fix_demonym_portfolio():
    ctx = context("Rwanda was not invited. Ugandan Tourism Minister Grace Nakato said Kampala would wait.")
    tokens = [t.text for t in ctx.nlp]
    ctx.nlp.ents = [Span(ctx.nlp, tokens.index("Ugandan"), tokens.index("Tourism") + 1, "PERSON"),
                    Span(ctx.nlp, tokens.index("Grace"), tokens.index("Nakato") + 1, "PERSON")]  # as spaCy may read it
    out = ner_titles.demonym_portfolio(ctx, entity(ctx, "Ugandan Tourism", "PERSON"))
    assert out == [], f"a demonym and a portfolio before a title and a person are the title's front: {got(out)}"
    ctx = context("The Ugandan Tourism Board met on Monday.")
    assert ner_titles.demonym_portfolio(ctx, entity(ctx, "Ugandan Tourism Board", "ORG")) is None, \
        "a body noun (board) makes it an organisation"
    ctx = context("Officials of Ugandan Tourism said the parks would reopen.")
    assert ner_titles.demonym_portfolio(ctx, entity(ctx, "Ugandan Tourism", "ORG")) is None, \
        "no title and person after it: not this rule's"

def test_fix_portfolio_in_title():
    ctx = context("Under Secretary for Terrorism and Financial Intelligence Brian Nelson spoke.")
    out = ner_titles.portfolio_in_title(ctx, entity(ctx, "Terrorism and Financial Intelligence", "ORG"))
    assert out == [], f"a portfolio inside a title is no organisation: {got(out)}"
    ctx = context("Secretary of State Anna Lee said the plan would work.")
    person = ner_titles.portfolio_in_title(ctx, entity(ctx, "Anna Lee", "PERSON"))
    assert person is None, f"a person after the whole portfolio is no portfolio: {got(person)}"


def test_fix_title_of_portfolio():
    ctx = context("The accord was signed by the Minister of Health and Social Development in Suva.")
    out = ner_titles.title_of_portfolio(ctx, entity(ctx, "Minister of Health and Social Development", "ORG"))
    assert out == [], f"a head title over a portfolio of common words is a title, no organisation: {got(out)}"
    ctx = context("The accord was welcomed by the President of Fiji in Suva.")
    assert ner_titles.title_of_portfolio(ctx, entity(ctx, "President of Fiji", "ORG")) is None, \
        "a known name after 'of' is not this rule's"
    ctx = context("The accord was signed by the Ministry of Fisheries in Suva.")
    assert ner_titles.title_of_portfolio(ctx, entity(ctx, "Ministry of Fisheries", "ORG")) is None, \
        "a ministry is an organisation (no head title word)"


def test_fix_person_regime():
    ctx = context("Forces of the Assad regime shelled the town.")
    out = ner_titles.person_regime(ctx, entity(ctx, "Assad", "PERSON"))
    assert got(out) == [("Assad regime", "ORG", "ner")], f"'<Person> regime' must be an organisation: {got(out)}"


def test_fix_title_in_front():
    ctx = context("President Putin said the talks would go on.")
    out = ner_titles.title_in_front(ctx, entity(ctx, "President Putin", "PERSON"))
    assert got(out) == [("Putin", "PERSON", "ner")], f"title not cut off the name: {got(out)}"
    assert out is not None and out[0].titled, "a name after a cut title is marked titled"


def test_fix_person_after_title_or_place():
    ctx = context("Special Envoy for the Middle East Mikhail Bogdanov met the delegation.")
    out = ner_titles.person_after_title_or_place(
        ctx, entity(ctx, "Special Envoy for the Middle East Mikhail Bogdanov", "PERSON"))
    assert got(out) == [("Mikhail Bogdanov", "PERSON", "ner")], f"person not cut out of the title: {got(out)}"
    ctx = context("The Minister for the Pacific Tala Moana met the delegation.")
    out = ner_titles.person_after_title_or_place(ctx, entity(ctx, "Pacific Tala Moana", "ORG"))
    assert got(out) == [("Tala Moana", "PERSON", "ner")], f"person not cut after a gazetteer place: {got(out)}"


def test_fix_lone_title_word():
    ctx = context("The Minister left early.")
    assert ner_titles.lone_title_word(ctx, entity(ctx, "Minister", "PERSON")) == [], "a lone title word is no person"


def test_fix_place_glued_to_name():
    ctx = context("Deputy Foreign Minister and Special Envoy for the Middle East Arman Zhaksylykov met them.")
    out = ner_fixes.place_glued_to_name(ctx, entity(ctx, "Middle East Arman", "LOC"))
    assert got(out) == [("Middle East", "LOC", "ner"), ("Arman Zhaksylykov", "PERSON", "ner")], \
        f"place and person not split: {got(out)}"


def test_fix_entity_keeps_an_entity_no_rule_touches():
    ctx = context("Hamas fired rockets on Sunday.")
    s, e = span(ctx, "Hamas")
    assert got(ner_fixes.fix_entity(ctx, s, e, "ORG")) == [("Hamas", "ORG", "ner")], "a plain name must pass as is"


# -- mention finders -----------------------------------------------------------------------------

def test_mention_finders_in_order():
    assert [f.__name__ for f in actors.MENTION_FINDERS] == [
        "bracket_defined_mentions", "dateline_place_mentions",
        "ner_mentions", "kb_mentions", "phrase_mentions", "titled_name_mentions", "quote_author_mentions",
        "region_name_mentions", "misread_place_mentions", "dashed_place_pairs", "org_noun_name_mentions",
        "org_head_name_mentions", "generic_mentions"], \
        "MENTION_FINDERS changed"


def test_ner_mentions_take_spacy_places():
    ctx = context("Officials met in Cairo on Monday.")
    assert ("Cairo", "GPE", "ner") in got(ner_mentions(ctx)), f"spaCy's place not a mention: {got(ner_mentions(ctx))}"


def test_join_place_pairs():
    ctx = context("Gunmen attacked a convoy in Sistan and Baluchestan province.")
    pair = [mention(ctx, "Sistan", "GPE"), mention(ctx, "Baluchestan", "GPE")]
    assert got(join_place_pairs(pair, ctx)) == [("Sistan and Baluchestan", "GPE", "ner")], \
        "two places joined by 'and' before a place noun must be one"


def test_kb_mentions_need_a_names_capitals():
    ctx = context("The Kremlin said US forces would stay, and told us nothing.")
    out = kb_mentions(ctx)
    assert [("Kremlin", "metonym"), ("US", "name")] == [(m.text, m.kind) for m in out], \
        f"knowledge-base scan found {got(out)} (lower-case 'us' must not be the US)"
    assert out[0].entry is not None and out[0].entry.kb_id == "RUS", "the Kremlin stands for Russia"


def test_titled_name_mentions_find_untagged_names():
    ctx = context("The Special Envoy Arman Zhaksylykov met the delegation on Monday.")
    ctx.nlp.ents = []  # as if spaCy had tagged nothing
    out = titled_name_mentions(ctx)
    assert got(out) == [("Arman Zhaksylykov", "PERSON", "ner")], f"untagged name after a title not found: {got(out)}"


def test_region_name_mentions_find_untagged_regions():
    ctx = context("Missiles struck the Kharkiv region overnight and hit the Zorvanian province.")
    ctx.nlp.ents = []  # as if spaCy had tagged nothing
    out = region_name_mentions(ctx)
    assert got(out) == [("Kharkiv region", "GPE", "ner")], f"only a region the gazetteer knows: {got(out)}"
    assert out[0].cue == "place", "the place noun is the cue"


def test_org_head_name_mentions_find_untagged_organisations():
    ctx = context("Algiers sent a delegation of its National Gendarmerie to Tunis, and Russia's Northern Fleet "
                  "sailed. Ruslan Abenov, Director of the Eurasia Program at the Carthage Policy Circle, spoke. "
                  "Forum members met at the forum.")
    ctx.nlp.ents = []  # as if spaCy had tagged nothing
    out = org_head_name_mentions(ctx)
    assert got(out) == [("National Gendarmerie", "ORG", "ner"), ("Northern Fleet", "ORG", "ner"),
                        ("Carthage Policy Circle", "ORG", "ner")], f"names ending in an organisation's head: {got(out)}"
    assert out[1].sector == "MIL" and out[0].cue == "org", "the head gives the sector and the cue"
    ctx = context("He spoke to the Institute. Officials met the Fleet Admiral at the Security Forum Hall.")
    ctx.nlp.ents = []
    assert org_head_name_mentions(ctx) == [], "a lone head, or a head inside a longer name, names nothing"


def test_region_name_mentions_find_an_unknown_name_before_an_admin_noun():
    ctx = context("Tankers reached villages in the Maktaaral district, the Zorvanian province and the Health district.")
    ctx.nlp.ents = []  # as if spaCy had tagged nothing
    out = region_name_mentions(ctx)
    assert got(out) == [("Maktaaral district", "GPE", "ner")], \
        f"an unknown name, no dictionary word nor demonym, after 'the' before a division noun: {got(out)}"
    ctx = context("Prices rose in Maktaaral region and in the Maktaaral area on Monday.")
    ctx.nlp.ents = []
    assert region_name_mentions(ctx) == [], "no 'the', or a noun that is no administrative division"


def test_dashed_place_pairs_find_both_ends_of_a_crossing():
    ctx = context("Lorries queued for days at the Attari-Wagah crossing before the Kyiv-Zorvania road reopened.")
    ctx.nlp.ents = []  # as if spaCy had tagged nothing
    out = dashed_place_pairs(ctx)
    assert got(out) == [("Attari", "GPE", "ner"), ("Wagah", "GPE", "ner")], \
        f"both ends the gazetteer knows, before a place noun: {got(out)}"


def test_region_name_mentions_find_a_place_naming_a_part_of_a_border():
    ctx = context("Both armies pulled back from the Kharkiv stretch of the front line on Monday.")
    ctx.nlp.ents = []  # as if spaCy had tagged nothing
    out = region_name_mentions(ctx)
    assert got(out) == [("Kharkiv", "GPE", "ner")], f"the place a border section is named after: {got(out)}"
    ctx = context("Editors cut the Kharkiv stretch of the article on Monday.")
    ctx.nlp.ents = []
    assert region_name_mentions(ctx) == [], "a stretch of no border"


def test_quote_author_mentions_find_the_name_under_a_block_quote():
    ctx = context("Expert Analysis\n\n“The deal will not last. Both sides know it.”\n\nTevita Halapua, Senior Fellow at "
                  "the Harbour Institute\n\n“Talks are cheap.” Ana Folau — Research Fellow")
    ctx.nlp.ents = []  # as if spaCy had tagged nothing
    out = quote_author_mentions(ctx)
    assert got(out) == [("Tevita Halapua", "PERSON", "ner"), ("Ana Folau", "PERSON", "ner")], \
        f"names on attribution lines not found: {got(out)}"
    assert all(m.author for m in out), "an attribution line's name is the quote's author"
    ctx = context("He called the deal “Pacific-led.” The Forum, which met in Suva, agreed on Monday.")
    ctx.nlp.ents = []
    assert quote_author_mentions(ctx) == [], "a sentence after a quote is no attribution line"


# -- state phrases, groups, agents -----------------------------------------------------------------

def state_phrase_rule(rule, text: str, word: str) -> list[Mention] | None:
    ctx = context(text)
    tokens, i = token_index(ctx, word)
    phrase = phrases.state_phrase(ctx, tokens, i)
    assert phrase is not None, f"{word!r} is no demonym or state name"
    return rule(ctx, phrase)


def test_demonym_alone_stops_an_organisation_before_a_model_number():
    out = state_phrase_rule(phrases.demonym_alone, "A Chilean Air Force F-16 Falcon landed in Lima.", "Chilean")
    assert got(out) == [("Chilean Air Force", "ORG", "ner")], f"the aircraft's model is no part of the name: {got(out)}"


def test_state_phrase_rules_in_order():
    assert [r.__name__ for r in phrases.STATE_PHRASE_RULES] == [
        "demonym_of_a_people", "state_government", "title_of_state", "state_institution", "state_owned_org", "state_led", "state_act", "state_organ",
        "demonym_alone"]


def test_state_government():
    titled = state_phrase_rule(phrases.state_government, "The Australian Government sent aid.", "Australian")
    assert got(titled) == [("Australian Government", "GPE", "organ")], f"'X Government' is the state: {got(titled)}"
    of = state_phrase_rule(phrases.state_government, "The Government of Vanuatu thanked donors.", "Vanuatu")
    assert got(of) == [("Government of Vanuatu", "GPE", "organ")], f"'Government of X' is the state: {got(of)}"
    assert of is not None and of[0].sector == "GOV", "the government is the state's GOV sector"
    ministry = state_phrase_rule(phrases.state_government, "The Russian Government Commission met.", "Russian")
    assert ministry is None, "a capitalised word after 'Government' makes a named organisation"
    two = state_phrase_rule(phrases.state_government, "The governments of Japan and Korea agreed.", "Japan")
    assert two is None, "'the governments of X and Y' names two states, not X alone"


def test_title_of_state():
    out = state_phrase_rule(phrases.title_of_state, "The foreign minister of Chile met the envoy.", "Chile")
    assert got(out) == [("foreign minister of Chile", "GPE", "organ")], f"an official of the state acts for it: {got(out)}"
    emir = state_phrase_rule(phrases.title_of_state, "The Emir of Qatar hosted the talks.", "Qatar")
    assert got(emir) == [("Emir of Qatar", "GPE", "organ")], got(emir)
    bank = state_phrase_rule(phrases.title_of_state, "The central bank of Chile cut rates.", "Chile")
    assert bank is None, "only a title heads the phrase"


def test_state_institution():
    out = state_phrase_rule(phrases.state_institution, "Russia and Belarus held drills. The Russian army said it "
                            "would withdraw.", "Russian")
    assert got(out) == [("Russian army", "ORG", "ner")], \
        f"an institution of a state named elsewhere is an organisation of its own: {got(out)}"
    army = state_phrase_rule(phrases.state_institution, "Sudan's army shelled districts of Omdurman.", "Sudan")
    assert got(army) == [("Sudan's army", "GPE", "organ")], \
        f"a generic agent (army, police) that is the only mention of its state is the state acting: {got(army)}"
    assert army is not None and army[0].category == "state forces", "the state acting through its army keeps its category"
    alone = state_phrase_rule(phrases.state_institution, "Taiwan's defence ministry scrambled jets.", "Taiwan")
    assert got(alone) == [("Taiwan's defence ministry", "GPE", "organ")], \
        f"an institution that is the only mention of its state is the state acting: {got(alone)}"
    assert alone is not None and alone[0].sector == "MIL", "the state acting through its ministry keeps its sector"
    ministry = state_phrase_rule(phrases.state_institution, "Uruguay's foreign ministry offered to mediate.", "Uruguay")
    assert got(ministry) == [("Uruguay's foreign ministry", "GPE", "organ")], got(ministry)
    boat = state_phrase_rule(phrases.state_institution, "The Philippine foreign ministry said a Filipino boat was hit.",
                             "Philippine")
    assert got(boat) == [("Philippine foreign ministry", "GPE", "organ")], f"a demonym names no state: {got(boat)}"
    capital = state_phrase_rule(phrases.state_institution, "Moscow warned Kyiv. The Russian army advanced.", "Russian")
    assert got(capital) == [("Russian army", "ORG", "ner")], f"a capital acting names the state too: {got(capital)}"
    police = state_phrase_rule(phrases.state_institution, "Kenya and Uganda agreed joint patrols. Kenyan police "
                               "later arrested two suspects.", "Kenyan")
    assert got(police) == [("Kenyan police", "GPE", "organ")], \
        f"a state organ form (state_organ_forms.txt: police) is the state acting wherever the state is named: {got(police)}"


def test_state_owned_org():
    out = state_phrase_rule(phrases.state_owned_org, "Pakistan’s Foreign Office protested on Monday.", "Pakistan")
    assert got(out) == [("Foreign Office", "ORG", "ner")], f"the state's organisation not found: {got(out)}"
    assert out is not None and out[0].owner == "Pakistan", "the organisation must remember its state"


def test_state_led():
    out = state_phrase_rule(phrases.state_led, "Vietnamese-led forces retook the village.", "Vietnamese")
    assert got(out) == [("Vietnamese-led forces", "GPE", "organ")], f"'<State>-led forces' is the state: {got(out)}"


def test_state_act():
    out = state_phrase_rule(phrases.state_act, "Bangladesh rejected an Indian proposal on Monday.", "Indian")
    assert got(out) == [("Indian", "GPE", "organ")], f"a demonym on an act noun is the state acting: {got(out)}"


def test_state_organ():
    out = state_phrase_rule(phrases.state_organ, "The Russian government said it would host talks.", "Russian")
    assert got(out) == [("Russian government", "GPE", "organ")], f"an organ is the state acting: {got(out)}"
    assert out is not None and out[0].sector == "GOV", "the organ noun gives the sector"


def test_demonym_alone():
    people = state_phrase_rule(phrases.demonym_alone, "Later, Palestinians protested the raid.", "Palestinians")
    assert got(people) == [("Palestinians", "GROUP", "group")], f"a plural demonym is the people: {got(people)}"
    assert people is not None and people[0].group_key == GroupKey("PSE", "person"), people[0].group_key
    tea = state_phrase_rule(phrases.demonym_alone, "Bangladesh bought Indian tea on Monday.", "Indian")
    assert got(tea) == [("Indian", "GPE", "demonym")], f"a demonym on a noun only joins its state: {got(tea)}"


def test_group_phrase():
    ctx = context("Iran-backed militias attacked a base.")
    tokens, i = token_index(ctx, "militias")
    m = groups.group_phrase(ctx, tokens, i, KNOWLEDGE.actors.nouns["group"]["militias"])
    assert m is not None and m.text == "Iran-backed militias", f"group phrase not found: {m}"
    assert m.group_key == GroupKey("IRN", "militia", backed=True), f"typed group key wrong: {m.group_key}"


def test_agent_phrase():
    ctx = context("Burundian militiamen attacked a camp near the border.")
    tokens, i = token_index(ctx, "militiamen")
    m = groups.agent_phrase(ctx, tokens, i)
    assert m is not None and (m.text, m.label, m.sector, m.country) == (
        "Burundian militiamen", "GROUP", "UAF", "BDI"), f"agents of a state not a group of it: {m}"
    assert m.group_key == GroupKey("BDI", "militiaman"), m.group_key


def test_agent_phrase_stops_at_a_comma():
    ctx = context("In Bishkek, opposition lawmakers accused the government of using force.")
    tokens, i = token_index(ctx, "lawmakers")
    m = groups.agent_phrase(ctx, tokens, i)
    assert m is None or not m.text.startswith("Bishkek"), f"a place before a comma joined the group: {m}"


# -- knowledge-base links and keys -----------------------------------------------------------------

def test_link_rules():
    ctx = context("Hamas spoke to IRNA news and to US Centcom.")
    hamas = keys.exact_name(ctx, mention(ctx, "Hamas"))
    assert hamas is not None and hamas.kb_id == "grp:hamas", f"exact name not linked: {hamas}"
    irna = keys.name_before_common_words(ctx, mention(ctx, "IRNA news"))
    assert irna is not None and irna.kb_id == "med:irna", f"'IRNA news' not linked to IRNA: {irna}"
    centcom = keys.name_without_state(ctx, mention(ctx, "US Centcom"))
    assert centcom is not None and centcom.kb_id == "usa:centcom", f"'US Centcom' not linked: {centcom}"
    assert [r.__name__ for r in keys.LINK_RULES] == ["exact_name", "name_before_common_words", "name_without_state"]


def test_cluster_keys_are_typed():
    ctx = context("The delegation flew to Moscow, where Palestinian factions and British Coastal Patrol met Hamas.")
    hamas = mention(ctx, "Hamas", entry=KNOWLEDGE.actors.kb.lookup("Hamas"))
    moscow = mention(ctx, "Moscow", "GPE", "metonym", entry=KNOWLEDGE.actors.kb.lookup("Russia"))
    factions = mention(ctx, "Palestinian factions", "GROUP", "group", group_key=GroupKey("PSE", "faction"))
    patrol = mention(ctx, "British Coastal Patrol")
    found, cities = keys.cluster_keys([hamas, moscow, factions, patrol], ctx)
    assert found == [KbKey("grp:hamas"), CountryKey("", "moscow"), GroupKey("PSE", "faction"),
                     CountryKey("GBR", "coastal patrol")], f"keys: {found}"
    assert cities == {CountryKey("", "moscow")}, "a capital used only as a place keeps its name, as a city"


# -- merge rules ---------------------------------------------------------------------------------

def merged(rule, ctx: Context, mentions: list[Mention]) -> list[list[str]]:
    """The clusters (mention texts) after the key grouping, before and after one rule."""
    found, cities = keys.cluster_keys(mentions, ctx)
    before = keys.Clustering(ctx, mentions, found, cities)
    assert len(before.clusters()) == len(set(found)), "the key grouping alone must not join these"
    state = keys.Clustering(ctx, mentions, found, cities)
    rule(state)
    return sorted(sorted(m.text for m in c.mentions) for c in state.clusters())


def test_merge_rules_in_order():
    assert [r.__name__ for r in clustering.MERGE_RULES] == [
        "surname_of_person", "given_name_of_person", "acronym_of_name", "acronym_headed_name", "org_with_or_without_state", "first_word_of_org",
        "place_spelled_two_ways"], "MERGE_RULES changed order: later rules see earlier joins"


def test_merge_surname_of_person():
    ctx = context("Mikhail Bogdanov met the envoys. Bogdanov said the talks went well.")
    out = merged(clustering.surname_of_person, ctx,
                 [mention(ctx, "Mikhail Bogdanov", "PERSON"), mention(ctx, "Bogdanov", "PERSON", nth=1)])
    assert out == [["Bogdanov", "Mikhail Bogdanov"]], f"surname not joined to the full name: {out}"


def test_merge_surname_stays_apart_when_ambiguous():
    ctx = context("Ann Smith and Bob Smith met. Smith said no.")
    out = merged(clustering.surname_of_person, ctx, [
        mention(ctx, "Ann Smith", "PERSON"), mention(ctx, "Bob Smith", "PERSON"),
        mention(ctx, "Smith", "PERSON", nth=2)])
    assert ["Smith"] in out, f"a surname two persons share must stay apart: {out}"


def test_merge_given_name_of_person():
    ctx = context("Port director Farid Osman met the crews. Farid said the port would reopen.")
    out = merged(clustering.given_name_of_person, ctx,
                 [mention(ctx, "Farid Osman", "PERSON"), mention(ctx, "Farid", "ORG", nth=1)])
    assert out == [["Farid", "Farid Osman"]], f"a given name alone not joined to the full name: {out}"
    ctx = context("Ana Lopes and Ana Costa met. Ana said no.")
    out = merged(clustering.given_name_of_person, ctx, [
        mention(ctx, "Ana Lopes", "PERSON"), mention(ctx, "Ana Costa", "PERSON"), mention(ctx, "Ana", "PERSON", nth=2)])
    assert ["Ana"] in out, f"a given name two persons share must stay apart: {out}"
    ctx = context("Noor Hassan met Ali Noor. Noor said no.")
    out = merged(clustering.given_name_of_person, ctx, [
        mention(ctx, "Noor Hassan", "PERSON"), mention(ctx, "Ali Noor", "PERSON"), mention(ctx, "Noor", "PERSON", nth=2)])
    assert ["Noor"] in out, f"a word that also ends a person's name is a surname, not this rule's: {out}"

def test_merge_acronym_of_name():
    ctx = context("Fighters of the Hadley Liberation Front (HLF) fired. Later the Rapid Support Forces and RSF spoke.")
    out = merged(clustering.acronym_of_name, ctx, [
        mention(ctx, "Hadley Liberation Front"), mention(ctx, "HLF"),
        mention(ctx, "Rapid Support Forces"), mention(ctx, "RSF")])
    assert out == [["HLF", "Hadley Liberation Front"], ["RSF", "Rapid Support Forces"]], \
        f"acronyms (defined in brackets, or by initials) not joined: {out}"


def test_merge_acronym_headed_name():
    ctx = context("The Islamic Revolutionary Guard Corps Navy warned ships. The IRGC Navy seized a tanker "
                  "while the Royal Navy and the UN Navy watched.")
    out = merged(clustering.acronym_headed_name, ctx, [
        mention(ctx, "Islamic Revolutionary Guard Corps Navy"), mention(ctx, "IRGC Navy"),
        mention(ctx, "Royal Navy"), mention(ctx, "UN Navy")])
    assert out == [["IRGC Navy", "Islamic Revolutionary Guard Corps Navy"], ["Royal Navy"], ["UN Navy"]], \
        f"an acronym with the tail of a longer name must join that name, and only one whose initials fit: {out}"


def test_merge_org_with_or_without_state():
    ctx = context("The British Coastal Patrol Agency said the Coastal Patrol Agency would help. "
                  "The Egyptian foreign ministry and Sudan’s foreign ministry spoke.")
    out = merged(clustering.org_with_or_without_state, ctx, [
        mention(ctx, "British Coastal Patrol Agency"), mention(ctx, "Coastal Patrol Agency", nth=1),
        mention(ctx, "Egyptian foreign ministry"), mention(ctx, "foreign ministry", nth=1, owner="Sudan")])
    assert ["British Coastal Patrol Agency", "Coastal Patrol Agency"] in out, \
        f"an organisation with and without its state not joined: {out}"
    assert ["foreign ministry"] in out, f"two states' ministries must stay apart: {out}"


def test_merge_first_word_of_org():
    ctx = context("Greywater Maritime Ltd. owns the tanker. Greywater said the crew was safe.")
    out = merged(clustering.first_word_of_org, ctx, [mention(ctx, "Greywater Maritime Ltd."),
                                                     mention(ctx, "Greywater", nth=1)])
    assert out == [["Greywater", "Greywater Maritime Ltd."]], f"a company's first word not joined: {out}"


def test_merge_place_spelled_two_ways():
    ctx = context("Gunmen struck in Sistan-Baluchistan. Sistan and Baluchestan is poor.")
    out = merged(clustering.place_spelled_two_ways, ctx, [mention(ctx, "Sistan-Baluchistan", "GPE"),
                                                          mention(ctx, "Sistan and Baluchestan", "GPE")])
    assert out == [["Sistan and Baluchestan", "Sistan-Baluchistan"]], f"two spellings of a place not joined: {out}"


# -- overlaps and the second look --------------------------------------------------------------

def test_resolve_overlaps_longest_wins_and_a_named_state_inside_a_group_stays():
    ctx = context("Iran-backed militias attacked a base.")
    group = mention(ctx, "Iran-backed militias", "GROUP", "group", group_key=GroupKey("IRN", "militia", True))
    iran = mention(ctx, "Iran", "GPE", "name", entry=KNOWLEDGE.actors.kb.lookup("Iran"))
    militias = mention(ctx, "militias", "ORG")
    out = resolve_overlaps([militias, iran, group])
    assert got(out) == [("Iran", "GPE", "name"), ("Iran-backed militias", "GROUP", "group")], \
        f"the longest span must win and the state named inside a group stay: {got(out)}"


def test_described_names_a_description_in_apposition_names_the_organisation_after_it():
    ctx = context("The U.N. refugee agency, UNHCR, urged calm. The U.N. said, UNICEF agreed.")
    un = mention(ctx, "U.N.", entry=KNOWLEDGE.actors.kb.lookup("U.N."))
    unhcr = mention(ctx, "UNHCR", "ORG", "name", entry=KNOWLEDGE.actors.kb.lookup("UNHCR"))
    later_un = mention(ctx, "U.N.", nth=1)
    unicef = mention(ctx, "UNICEF")
    out = described_names([un, unhcr, later_un, unicef], ctx)
    assert [(ctx.text[m.start:m.end], m.text) for m in out][:2] == [("U.N. refugee agency", "UNHCR"), ("UNHCR", "UNHCR")], \
        f"'the U.N. refugee agency, UNHCR,' must be two mentions of UNHCR: {got(out)}"
    assert out[2] is later_un, "a name followed by a verb, not a description, must stay its own mention"
    assert out[0].written == "U.N. refugee agency", "the description as written must stay with the mention (an alias)"


def test_rescan_finds_later_surnames_and_bracketed_acronyms():
    ctx = context("Envoys meet\n\nMikhail Bogdanov met the envoys of Pakistan’s Foreign Office (FO). "
                  "Bogdanov said FO agreed.")
    assert ctx.zone_at(ctx.text.index("Bogdanov said")) == "body", f"test text has no body: {ctx.zones}"
    person = Cluster([mention(ctx, "Mikhail Bogdanov", "PERSON", titled=True)])
    office = Cluster([mention(ctx, "Foreign Office")])
    rescan([person, office], ctx)
    assert [m.text for m in person.mentions] == ["Mikhail Bogdanov", "Bogdanov"], \
        f"the later surname must join the person: {got(person.mentions)}"
    assert [m.text for m in office.mentions] == ["Foreign Office", "FO", "FO"], \
        f"the acronym in brackets and its later use must join the office: {got(office.mentions)}"


# -- error policy --------------------------------------------------------------------------------

def test_the_stage_raises_instead_of_swallowing(monkeypatch):
    def broken(state: keys.Clustering) -> None:
        raise RuntimeError("broken merge rule")

    monkeypatch.setattr(clustering, "MERGE_RULES", (broken,))
    done, _ = run_stages([start_analysis(RawDocument(text="Hamas fired rockets.", source="<t>"))], PARSE)
    with pytest.raises(RuntimeError, match="broken merge rule"):
        actors.find_actors(done[0], KNOWLEDGE)


def test_kb_mentions_take_a_states_name_in_a_headline_in_capitals():
    ctx = context("PAKISTAN STRIKES MILITANT HIDEOUTS INSIDE NORTH KOREA\n\n"
                  "WASHINGTON (Reuters) - Officials in Islamabad said the strikes were over.")
    found = [(m.text, m.kind) for m in kb_mentions(ctx)]
    assert ("PAKISTAN", "name") in found and ("NORTH KOREA", "name") in found, \
        f"a state's name in a headline in capitals must be found: {found}"
    assert ("WASHINGTON", "metonym") not in found, f"a capital in a dateline is no metonym actor: {found}"


def test_zones_a_headline_only_document_is_its_body():
    ctx = context("POLICE FIRE TEAR GAS AT STUDENTS IN DHAKA")
    assert ctx.zone_at(0) == "body", f"a one-line document is all headline: it is the text: {ctx.zones}"
    ctx = context("Police fire tear gas\n\nPolice fired tear gas at students in Dhaka on Monday.")
    assert ctx.zone_at(0) == "title", f"a headline over a body stays a title: {ctx.zones}"


@pytest.mark.parametrize("name,kb_id", [("ISWAP", "grp:iswap"), ("CODECO", "grp:codeco"), ("Fano", "grp:fano"),
                                        ("Jaish-e-Mohammed", "grp:jem"), ("People's Defence Force", "grp:pdf-mmr")])
def test_armed_groups_of_conflict_data_are_known(name, kb_id):
    import briefgraph

    record = briefgraph.extract_text(f"{name} attacked an army base on Monday.")
    linked = [a.get("kb_id") for a in record["actors"]]
    assert kb_id in linked, f"{name!r} not linked to {kb_id}: {record['actors']}"


@pytest.mark.parametrize("name, country", [("Samar province", "PHL"), ("Seno", "BFA"), ("Bam province", "BFA"),
                                           ("Noakhali", "BGD"), ("Kyiv", "UKR"), ("Punjab", None)])
def test_own_place_takes_a_region_the_name_says_or_owns(name: str, country: str | None) -> None:
    # build.own_place: a region when the name has a region word or the city is only called so
    # ("Seno" is an alias of Laos' Ban Xeno); the city of its own name stays; a region two states
    # share ("Punjab") gives none without the actor's country
    from briefgraph.stages.actors.build import own_place
    place = own_place(name, "", context(f"Residents of {name} protested."))
    assert (place.country if place is not None else None) == country
