"""Generic actors (stages/actors/generic.py, knowledge/actors/agents.tsv): the data, each
rule of GENERIC_RULES, the phrase and country finders, and the finder end to end, on
sentences written for these tests and parsed by spaCy (structure and parse stages)."""

from __future__ import annotations

import pytest

from briefgraph.errors import KnowledgeError
from briefgraph.knowledge import Knowledge
from briefgraph.knowledge.generic_agents import CATEGORIES, parse_rows
from briefgraph.pipeline import STAGES, run_stages, start_analysis
from briefgraph.records import RawDocument
from briefgraph.stages.actors import MENTION_FINDERS, actors_of, generic, generic_rules
from briefgraph.stages.actors.context import Context

KNOWLEDGE = Knowledge.default()
GENERIC = KNOWLEDGE.actors.generic
PARSE = tuple(s for s in STAGES if s.name in {"structure", "parse"})


def context(text: str) -> Context:
    done, failed = run_stages([start_analysis(RawDocument(text=text, source="<agents test>"))], PARSE)
    assert done[0] is not None, f"parse failed: {failed[0]}"
    return Context(done[0], KNOWLEDGE.actors)


def head(ctx: Context, word: str, last: bool = False) -> generic_rules.Head:
    """The Head for the (first or last) token `word`: the form ending there, as find_heads reads it."""
    tokens = [t for t in ctx.nlp if t.text == word]
    tok = (tokens[-1] if last else tokens[0]) if tokens else None
    assert tok is not None, f"no token {word!r} in {ctx.text!r}"
    start = max(tok.i - 2, tok.sent.start)
    found = GENERIC.longest_ending([t.lower_ for t in ctx.nlp[start:tok.i + 1]])
    assert found is not None, f"{word!r} is no generic actor form"
    n, agent = found
    return generic_rules.Head(tok, agent, tok.i - n + 1)


def found(text: str) -> list[tuple[str, str, str, str]]:
    ctx = context(text)
    return [(m.text, m.label, m.sector, m.country) for m in generic.generic_mentions(ctx)]


# ---- the data ----

def assert_agents(expected: dict[str, tuple[str, str | None]]) -> None:
    """Each form is a generic actor of agents.tsv with the (role, category) given."""
    for form, (role, category) in expected.items():
        agent = GENERIC.get(form)
        assert agent is not None, f"{form!r} missing from agents.tsv"
        assert (agent.role, agent.category) == (role, category), f"{form!r}: {agent}"


def test_agents_file_has_the_conflict_vocabulary_with_roles_and_categories():
    expected = {"police": ("COP", "state forces"), "riot police": ("COP", "state forces"),
                "security forces": ("COP", "state forces"), "gunmen": ("UAF", "political militia"),
                "rebels": ("REB", "rebel group"), "protesters": ("OPP", "protesters"),
                "rioters": ("OPP", "rioters"), "villagers": ("CVL", "civilians"),
                "officials": ("GOV", None), "unidentified armed men": ("UAF", "political militia")}
    assert_agents(expected)


def test_agents_file_names_road_users_local_officials_and_victims():
    """People often killed, hurt or rescued in unrest reports: a motorcyclist shot at a
    checkpoint, a councillor killed, kidnap victims freed, bystanders hit by a sniper."""
    expected = {"motorcyclist": ("CVL", "civilians"), "passers-by": ("CVL", "civilians"),
                "bystanders": ("CVL", "civilians"), "councillor": ("GOV", None),
                "victims": ("CVL", "civilians"), "schoolgirls": ("EDU", "civilians"),
                "hooligans": ("CVL", "rioters"), "snipers": ("UAF", "political militia"),
                "commandos": ("MIL", "state forces")}
    assert_agents(expected)


def test_agents_file_names_trades_that_protest():
    """Trades often told protesting or striking: transport operators, hauliers, retailers, artisans."""
    expected = {"operators": ("BUS", "civilians"), "transporters": ("BUS", "civilians"),
                "hauliers": ("BUS", "civilians"), "retailers": ("BUS", "civilians"),
                "wholesalers": ("BUS", "civilians"), "smallholders": ("AGR", "civilians"),
                "artisans": ("LAB", "civilians"), "weavers": ("LAB", "civilians"),
                "sweepers": ("LAB", "civilians"), "retirees": ("CVL", "civilians"),
                "homeowners": ("CVL", "civilians"), "jobseekers": ("CVL", "civilians")}
    assert_agents(expected)


def test_agents_file_names_candidates_arrested_or_barred():
    """Candidates of an election, often arrested or barred: "police arrested the opposition candidate"."""
    expected = {"candidate": ("PTY", None), "candidates": ("PTY", None),
                "opposition candidate": ("OPP", "protesters"), "opposition candidates": ("OPP", "protesters")}
    assert_agents(expected)


def test_agents_file_names_media_outlets_blocked_or_banned():
    """Media a state blocks, bans or raids: "blocked news websites", "banned foreign news outlets"."""
    assert_agents({form: ("MED", "civilians") for form in ("news websites", "news outlet", "media outlets",
                                                            "broadcaster", "television station", "tv stations")})


def test_a_victim_of_the_after_clause_is_the_target():
    text = "Residents protested in Abuja on Thursday after police shot dead a motorcyclist."
    assert ("a motorcyclist", "GROUP", "CVL", "") in found(text) or \
        any(m[0].endswith("motorcyclist") for m in found(text))


def test_every_category_is_a_known_one():
    bad = {a.form: a.category for a in GENERIC.forms.values() if a.category and a.category not in CATEGORIES}
    assert not bad, f"unknown categories: {bad}"


def test_things_of_the_phoenix_dictionary_are_no_agents():
    for word in ("destroyer", "aircraft carrier", "website", "spokesman"):
        assert GENERIC.get(word) is None, f"{word!r} should be removed by agents_curated.tsv"


def test_offices_are_the_bodies_and_offices_agents_leave_out():
    for words in (["court"], ["district", "magistrate"], ["home", "ministry"], ["junta"], ["cabinet"], ["rector"]):
        assert GENERIC.office_ending(words) > 0, f"{' '.join(words)!r} missing from offices.txt (tools/build_agents.py)"
    for form in ("police", "officials", "judge", "protesters"):
        assert GENERIC.office_ending([form]) == 0, f"{form!r} is a generic actor of agents.tsv, no office"
    assert GENERIC.office_ending(["bus"]) == 0, "a thing is no body or office"


def test_singular_plural_and_collective_forms():
    assert GENERIC.get("official").singular and not GENERIC.get("officials").singular
    assert GENERIC.get("mob").singular is False, "a mob is a group (collective), not one person"
    assert GENERIC.get("police").plural


def test_longest_form_wins():
    n, agent = GENERIC.longest_ending(["unidentified", "armed", "men"])
    assert (n, agent.concept) == (3, "unidentified armed man")


def test_a_row_with_an_unknown_category_is_refused():
    with pytest.raises(KnowledgeError, match="unknown category"):
        parse_rows(["phrase\tplural\trole\tcategory", "scout\tscouts\tMIL\tboy scouts"])


# ---- the rules ----

def test_not_a_modifier():
    ctx = context("Gunmen attacked a police station in the north.")
    assert not generic_rules.not_a_modifier(ctx, head(ctx, "police")), "'police station' is a station"
    ctx = context("Police arrested the driver.")
    assert generic_rules.not_a_modifier(ctx, head(ctx, "Police"))


def test_not_a_title():
    ctx = context("The court heard that Judge Maria Lindqvist ordered the release.")
    assert not generic_rules.not_a_title(ctx, head(ctx, "Judge"))
    ctx = context("A judge ordered the release of the driver.")
    assert generic_rules.not_a_title(ctx, head(ctx, "judge"))


def test_not_a_date():
    ctx = context("On March 1, about a dozen armed smugglers fired on the customs post at Ras Ajdir.")
    assert not generic_rules.not_a_date(ctx, head(ctx, "March")), "a month of a day is no march of protesters"
    ctx = context("Police broke up a march by nurses outside the Lilongwe parliament.")
    assert generic_rules.not_a_date(ctx, head(ctx, "march"))


def test_not_in_a_name():
    ctx = context("The Ruritania Police Service said it had opened an inquiry.")
    tok = next(t for t in ctx.nlp if t.text == "Service")
    assert tok.ent_type_, "the test needs spaCy to tag the service as a name"
    assert not generic_rules.not_in_a_name(ctx, head(ctx, "Police")), "a word of an organisation's name is no actor"
    ctx = context("Riot police dispersed the crowd.")
    assert generic_rules.not_in_a_name(ctx, head(ctx, "police"))


def test_counted_if_people():
    ctx = context("Police arrested 20 people after the match.")
    assert generic_rules.counted_if_people(ctx, head(ctx, "people"))
    ctx = context("Many people think the match was boring.")
    assert not generic_rules.counted_if_people(ctx, head(ctx, "people"))
    ctx = context("Dozens of people gathered outside the court.")
    assert generic_rules.counted_if_people(ctx, head(ctx, "people"))
    ctx = context("Women protested outside the court on Sunday.")
    assert generic_rules.counted_if_people(ctx, head(ctx, "Women")), "the subject of a protest verb is an actor"
    ctx = context("Women said the court had ignored them.")
    assert not generic_rules.counted_if_people(ctx, head(ctx, "Women"))
    ctx = context("Soldiers beat several young men in the market.")
    assert generic_rules.counted_if_people(ctx, head(ctx, "men")), "'several' counts them"


def test_unnamed_protesters():
    """A plural noun no agent list names, the subject of "protested" with no object, is a crowd of
    protesters (generic.unnamed_protesters); "demonstrated that" shows, and names no crowd."""
    assert ("Marketeers", "GROUP", "OPP", "") in found("Marketeers protested in Lusaka on Monday.")
    assert found("Tests demonstrated that the vaccine works.") == []
    assert found("Stocks rallied on Monday after the announcement.") == []


def test_crowd_acts():
    ctx = context("Women staged a protest outside the court.")
    assert generic_rules.crowd_acts(ctx, head(ctx, "Women").token.head), "the object is a protest"
    ctx = context("Women blocked a highway on Tuesday.")
    assert generic_rules.crowd_acts(ctx, head(ctx, "Women").token.head), "a blockade"
    ctx = context("Women chanted slogans outside the court.")
    assert generic_rules.crowd_acts(ctx, head(ctx, "Women").token.head)
    ctx = context("Women said the court had ignored them.")
    assert not generic_rules.crowd_acts(ctx, head(ctx, "Women").token.head)
    ctx = context("Women held a candlelight vigil outside the prison.")
    assert generic_rules.crowd_acts(ctx, head(ctx, "Women").token.head), "the object is a gathering"
    ctx = context("Women staged a sit-in outside the prison.")
    assert generic_rules.crowd_acts(ctx, head(ctx, "Women").token.head), "a hyphenated protest word, whole"
    ctx = context("Men attacked a vigil in the capital.")
    assert not generic_rules.crowd_acts(ctx, head(ctx, "Men").token.head), "what forces do to a gathering is no crowd's act"
    ctx = context("Women demonstrated in the capital on Sunday against the war.")
    assert generic_rules.crowd_acts(ctx, head(ctx, "Women").token.head), "'demonstrated' is a protest word"


def test_one_person_determined():
    ctx = context("An official said the road would reopen.")
    assert generic_rules.one_person_determined(ctx, head(ctx, "official"))
    ctx = context("Protesters said official after official had ignored them.")
    assert not generic_rules.one_person_determined(ctx, head(ctx, "official")), "no determiner, no nationality"


def test_not_an_anaphor():
    ctx = context("The Northern Liberation Front attacked a convoy. The rebels then withdrew.")
    assert not generic_rules.not_an_anaphor(ctx, head(ctx, "rebels", last=True)), "'the rebels' refers back to the front"
    ctx = context("The rebels withdrew from the town on Monday.")
    assert generic_rules.not_an_anaphor(ctx, head(ctx, "rebels"))
    ctx = context("Kenyan rebels attacked a convoy. The rebels then withdrew.")
    assert generic_rules.not_an_anaphor(ctx, head(ctx, "rebels", last=True)), "the same generic group named before"
    ctx = context("Houthi rebels attacked a ship. The rebels then withdrew.")
    assert not generic_rules.not_an_anaphor(ctx, head(ctx, "rebels", last=True)), "'the rebels' are the Houthis"


def test_not_an_instrument():
    ctx = context("Britain mobilized army reservists on Monday.")
    assert not generic_rules.not_an_instrument(ctx, head(ctx, "reservists")), "a named state's forces are its means"
    ctx = context("Jihadists killed 20 soldiers on Monday.")
    assert generic_rules.not_an_instrument(ctx, head(ctx, "soldiers")), \
        "'Jihadists' (tagged NORP) is no state: the soldiers they kill are no means of theirs"
    assert ("islamists", "pirates") == (GENERIC.get("islamists").form, GENERIC.get("pirates").form), \
        "Islamists and pirates are agents"


def test_nationality_from_demonym_and_possessive():
    ctx = context("Kenyan police fired tear gas.")
    assert generic_rules.nationality(ctx, head(ctx, "police")) == "KEN"
    ctx = context("India's security forces detained the men.")
    assert generic_rules.nationality(ctx, head(ctx, "forces")) == "IND"
    ctx = context("Police fired tear gas.")
    assert generic_rules.nationality(ctx, head(ctx, "Police")) is None


def test_nationality_hung_on_a_word_of_a_multiword_form():
    ctx = context("Kenyan riot police fired tear gas at protesters in Nairobi.")
    assert generic_rules.nationality(ctx, head(ctx, "police")) == "KEN", \
        "'Kenyan' parsed as a modifier of 'riot' still gives the riot police their country"


def test_a_state_read_as_acting_from_its_nationality_alone_yields_to_the_generic_actor():
    got = found("Nigerian riot police fired tear gas at protesters in Lagos.")
    assert ("Nigerian riot police", "GROUP", "COP", "NGA") in got, got
    ctx = context("Nigerian riot police fired tear gas at protesters in Lagos.")
    names = [a.name for a in actors_of(ctx)]
    assert "Nigerian riot police" in names and "Nigeria" not in names, \
        f"'Nigerian' before the act noun 'riot' is no state acting: {names}"


def test_owners_body_is_a_generic_actor_of_its_owners():
    ctx = context("The farmers' union called a strike in Maharashtra on Monday.")
    union = next(t for t in ctx.nlp if t.text == "union")
    head = generic.owners_body(ctx, union)
    assert head is not None and head.agent.role == "AGR", "the farmers' union heads a generic farmers' phrase"
    got = found("Women's groups marched in Islamabad on Sunday.")
    assert ("Women's groups", "GROUP", "CVL", "") in got, got
    ctx = context("The president's party won the vote.")
    party = next(t for t in ctx.nlp if t.text == "party")
    assert generic.owners_body(ctx, party) is None, "a person's party is no body of a generic group"


# ---- the finder ----

def test_generic_mentions_is_a_registered_finder():
    assert generic.generic_mentions in MENTION_FINDERS


def test_phrases_and_codes():
    got = found("Unidentified gunmen killed five soldiers in the north.")
    assert ("Unidentified gunmen", "GROUP", "UAF", "") in got, got
    assert ("five soldiers", "GROUP", "MIL", "") in got, got


def test_one_person_is_a_person():
    got = found("A Russian official said the talks would resume.")
    assert ("Russian official", "PERSON", "GOV", "RUS") in got, got


def test_count_phrase_starts_at_the_count():
    got = found("Police dispersed hundreds of students outside the ministry.")
    assert any(text == "hundreds of students" for text, *_ in got), got


def test_nationality_phrase_starts_at_the_demonym():
    got = found("Officials said two Kenyan students were hurt.")
    assert ("Kenyan students", "GROUP", "EDU", "KEN") in got, got


def test_a_state_organ_with_its_nationality_is_left_to_the_state_rules():
    ctx = context("Two Armenian soldiers were wounded on Monday.")
    assert not generic_rules.not_a_state_organ(ctx, head(ctx, "soldiers")), "'Armenian soldiers' is Armenia acting"
    ctx = context("Two soldiers were wounded on Monday.")
    assert generic_rules.not_a_state_organ(ctx, head(ctx, "soldiers"))


def test_bare_mention_joins_the_one_national_group():
    ctx = context("Kenyan students marched on Monday. Police later arrested ten of the students.")
    students = [m for m in generic.generic_mentions(ctx) if m.sector == "EDU"]
    assert len(students) == 2 and len({m.group_key for m in students}) == 1, \
        [(m.text, m.group_key) for m in students]


def test_bare_count_alone():
    ctx = context("Thousands rallied in the capital on Sunday.")
    assert generic_rules.bare_count_alone(ctx, head(ctx, "Thousands")), "a bare count as subject"
    ctx = context("The war has cost thousands of dollars.")
    assert not generic_rules.bare_count_alone(ctx, head(ctx, "thousands")), "a count of something else"


def test_parse_rows_keeps_a_plural_form_plural():
    rows = parse_rows(["phrase\tplural\trole\tcategory", "armed man\tarmed men\tUAF\tpolitical militia",
                       "armed men\tarmed mens\tUAF\tpolitical militia"])
    assert rows["armed men"].plural and not rows["armed men"].singular, rows["armed men"]


def test_group_class_separates_civilians_by_concept():
    assert generic.group_class(GENERIC.get("herders")) != generic.group_class(GENERIC.get("farmers")), \
        "'herders attacked farmers': two actors"
    assert generic.group_class(GENERIC.get("police")) == generic.group_class(GENERIC.get("officers")), \
        "'police ... officers': one force"


def test_machine_as_subject():
    ctx = context("Military jets bombed a village near Sirte on Friday.")
    assert generic_rules.machine_as_subject(ctx, head(ctx, "jets")), "jets that bomb act for their forces"
    ctx = context("Soldiers shot down two drones near Goma.")
    assert not generic_rules.machine_as_subject(ctx, head(ctx, "drones")), "a machine shot down is no actor"
    ctx = context("Police officers arrested the driver.")
    assert generic_rules.machine_as_subject(ctx, head(ctx, "officers")), "people are not machines"


def test_a_facility_stands_for_those_who_work_in_it():
    got = found("A crowd set fire to a police station and a radio station in the north.")
    assert ("police station", "GROUP", "COP", "") in got, got
    assert ("radio station", "GROUP", "MED", "") in got, got


def test_gathering_acted_on():
    ctx = context("Police broke up a march in the capital on Monday.")
    assert generic_rules.gathering_acted_on(ctx, head(ctx, "march")), "a march broken up stands for its marchers"
    ctx = context("Soldiers fired on a rally outside the stadium.")
    assert generic_rules.gathering_acted_on(ctx, head(ctx, "rally")), "fired on a rally"
    ctx = context("Opposition supporters staged a rally in the capital.")
    assert not generic_rules.gathering_acted_on(ctx, head(ctx, "rally")), "a rally staged is the event, no actor"
    ctx = context("Police banned a march that traders had planned for Friday.")
    assert not generic_rules.gathering_acted_on(ctx, head(ctx, "march")), "the traders, not their march"


def test_bodies_of_people_are_generic_actors():
    """Unions, protest movements, newspapers, electoral commissions and schoolchildren are
    acted on ("gave in to the unions", "lifted the ban on two newspapers") and act."""
    got = found("The governor gave in to the transport unions after the protest movement marched.")
    assert ("transport unions", "GROUP", "LAB", "") in got, got
    assert ("protest movement", "GROUP", "OPP", "") in got, got
    got = found("The ministry lifted the ban on two independent newspapers.")
    assert any(m[0].endswith("newspapers") and m[2] == "MED" for m in got), got
    got = found("Gunmen abducted 24 schoolgirls; the electoral commission delayed the vote.")
    assert ("24 schoolgirls", "GROUP", "EDU", "") in got, got
    assert ("electoral commission", "GROUP", "GOV", "") in got, got


def test_agents_file_names_union_members():
    for form in ("union members", "trade union members", "union member"):
        agent = GENERIC.get(form)
        assert agent is not None and (agent.role, agent.category) == ("LAB", "civilians"), f"{form!r}: {agent}"


def test_hyphenated_modifier_stays_in_the_phrase():
    got = found("Stone-throwing youths attacked a police patrol in Hebron.")
    assert any(text == "Stone-throwing youths" for text, *_ in got), f"'stone-' is part of the modifier: {got}"
