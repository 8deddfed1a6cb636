"""knowledge/events/patterns-conflict.txt: repression, violence and protest, read
before patterns-core.txt."""

from __future__ import annotations

from briefgraph.knowledge.patterns import CONFLICT, SHIPPED_PATTERNS
from briefgraph.stages.events.coding import plover_type, verb_coding
from events_fixtures import context_of, token


def _plover(text: str, verb: str) -> str | None:
    ctx = context_of(text)
    coding = verb_coding(ctx.know.patterns, token(ctx, verb))
    return None if coding is None else plover_type(ctx.know.patterns.codes, coding)


def test_conflict_patterns_are_read_first():
    assert SHIPPED_PATTERNS[0] == CONFLICT, SHIPPED_PATTERNS


def test_conflict_patterns_code_repression_and_protest():
    for text, verb, plover in (("Plainclothes detectives picked up three student leaders.", "picked", "COERCE"),
                               ("Men beat a truck driver on the highway.", "beat", "ASSAULT"),
                               ("Soldiers torched more than 200 houses.", "torched", "ASSAULT"),
                               ("Youths hurled stones at the police.", "hurled", "PROTEST"),
                               ("Nurses occupied the health ministry.", "occupied", "PROTEST"),
                               ("Students blocked a major intersection.", "blocked", "PROTEST"),
                               ("The police released 18 supporters of the opposition.", "released", "RETREAT"),
                               ("The army lifted a three-day curfew.", "lifted", "RETREAT"),
                               ("Thousands of people took part in the march.", "took", "PROTEST"),
                               ("Volunteer doctors treated more than 60 people.", "treated", "AID")):
        assert _plover(text, verb) == plover, f"{text!r}: {verb!r} should be {plover}, got {_plover(text, verb)}"


def test_conflict_patterns_leave_other_uses_to_core():
    assert _plover("Hamas released a statement on Monday.", "released") is None, "a statement released is no event"
    assert _plover("Egypt took part in the talks.", "took") != "PROTEST", "talks are no gathering of protest"
    ctx = context_of("Turkey lifted sanctions on Israel.")
    coding = verb_coding(ctx.know.patterns, token(ctx, "lifted"))
    assert coding is not None and "patterns-core" in coding.source, f"sanctions: the core coding, got {coding}"


def test_round_six_conflict_patterns():
    for text, verb, plover in (("Officers pushed journalists outside the court.", "pushed", "ASSAULT"),
                               ("Authorities imposed restrictions on movement in the city.", "imposed", "COERCE"),
                               ("Riot police hemmed in the march.", "hemmed", "COERCE"),
                               ("Police blocked lawmakers from leaving their homes.", "blocked", "COERCE"),
                               ("Troops responded with rubber bullets.", "responded", "ASSAULT"),
                               ("Teachers picketed the ministry.", "picketed", "PROTEST"),
                               ("Workers downed tools at the plant.", "downed", "PROTEST"),
                               ("Protesters set up roadblocks on the highway.", "set", "PROTEST"),
                               ("Thousands joined the protest.", "joined", "PROTEST"),
                               ("Jihadists executed 11 civilians.", "executed", "ASSAULT")):
        assert _plover(text, verb) == plover, f"{text!r}: {verb!r} should be {plover}, got {_plover(text, verb)}"
    assert _plover("The ministry executed its plan.", "executed") != "ASSAULT", "a plan executed is no killing"


def test_who_dies_is_no_source():
    ctx = context_of("A detainee died in custody on Wednesday.")
    assert verb_coding(ctx.know.patterns, token(ctx, "died")) is None, "dying is undergone, not done"


def test_a_vow_to_go_on_protesting_is_the_protest():
    assert _plover("Dockworkers vowed to keep up their rallies at the port.", "vowed") == "PROTEST"
    assert _plover("Nurses pledged to stay off work until they are paid.", "pledged") == "PROTEST"
    assert _plover("The army chief vowed to restore the ceasefire.", "vowed") != "PROTEST", "a vow of another act"


def test_host_troops_is_no_event():
    assert _plover("The island hosts about 2,000 foreign troops.", "hosts") is None, "a standing state"
    assert _plover("Qatar hosted talks between the two sides.", "hosted") == "CONSULT"


def test_more_words_of_repression_and_protest():
    for text, verb, plover in (("Police locked up 14 students overnight.", "locked", "COERCE"),
                               ("Officers handcuffed a reporter outside the court.", "handcuffed", "COERCE"),
                               ("Angry youths stoned police vehicles.", "stoned", "PROTEST"),
                               ("Supporters thronged the streets of the capital.", "thronged", "PROTEST"),
                               ("Militiamen laid siege to the town.", "laid", "COERCE")):
        assert _plover(text, verb) == plover, f"{text!r}: {verb!r} should be {plover}, got {_plover(text, verb)}"


def test_force_with_riot_gear_is_repression():
    assert _plover("Police stopped the marchers with water cannon.", "stopped") == "ASSAULT"
    assert _plover("Officers pushed the crowd back with batons.", "pushed") == "ASSAULT"


def test_a_crowd_ending_its_protest_concedes():
    assert _plover("Students ended a two-day occupation of the rectorate.", "ended") == "CONCEDE"
    assert _plover("Nurses called off their strike on Monday.", "called") == "CONCEDE"
    assert _plover("Sudan suspended the talks in protest at the filling.", "suspended") != "CONCEDE", \
        "'in protest' after a verb is no protest ended"


def test_conflict_patterns_code_custody_curfew_clearing_and_organising():
    for text, verb, plover in (("Police placed the union leader under house arrest.", "placed", "COERCE"),
                               ("Troops put the whole district under curfew.", "put", "COERCE"),
                               ("Riot police cleared protesters from the square.", "cleared", "ASSAULT"),
                               ("Police cleared the protest camp at dawn.", "cleared", "ASSAULT"),
                               ("Students organised a march to the ministry.", "organised", "PROTEST"),
                               ("Police barred nurses from protesting at the hospital.", "barred", "COERCE")):
        assert _plover(text, verb) == plover, (text, _plover(text, verb))


def test_holding_people_in_custody_detains_them():
    for text, plover in (("Police held 40 demonstrators in police cells in Harare.", "COERCE"),
                         ("Soldiers held the two reporters incommunicado.", "COERCE"),
                         ("Officers held five activists in custody for a week.", "COERCE")):
        assert _plover(text, "held") == plover, (text, _plover(text, "held"))
    assert _plover("The mayor held talks with students overnight.", "held") != "COERCE", "talks held are no custody"


def test_conflict_patterns_code_baton_charges_hauling_off_and_internet_cuts():
    for text, verb, plover in (("Police charged with batons at lawyers outside the court.", "charged", "ASSAULT"),
                               ("Police hauled off dozens of garment workers.", "hauled", "COERCE"),
                               ("Authorities suspended internet access in the region.", "suspended", "COERCE")):
        assert _plover(text, verb) == plover, f"{text!r}: {verb!r} should be {plover}, got {_plover(text, verb)}"
    ctx = context_of("Prosecutors charged the driver with murder.")
    coding = verb_coding(ctx.know.patterns, token(ctx, "charged"))
    assert coding is not None and coding.cameo == "173", f"a charge of murder stays an indictment: {coding}"


def test_observing_a_strike_is_striking():
    ctx = context_of("Taxi drivers in Kathmandu observed a strike on Monday over fuel prices.")
    coding = verb_coding(ctx.know.patterns, token(ctx, "observed"))
    assert coding is not None and coding.cameo == "143", f"keeping a strike is a strike (143): {coding}"
    assert _plover("Shopkeepers in Srinagar observed a complete shutdown on Friday.", "observed") == "PROTEST"
    assert _plover("Both sides observed the ceasefire on Monday.", "observed") != "PROTEST", \
        "a ceasefire observed is no strike"


def test_push_backs_and_expulsions_of_people():
    for text, verb in (("Border guards pushed back 200 migrants at the frontier.", "pushed"),
                       ("The coast guard turned back a boat carrying 80 migrants.", "turned"),
                       ("Soldiers pushed dozens of refugees back across the border.", "pushed"),
                       ("Police expelled 40 foreign workers from a camp.", "expelled")):
        ctx = context_of(text)
        coding = verb_coding(ctx.know.patterns, token(ctx, verb))
        assert coding is not None and coding.cameo == "174", f"{text!r}: an expulsion (174), got {coding}"
    ctx = context_of("Russia expelled two British diplomats on Monday.")
    coding = verb_coding(ctx.know.patterns, token(ctx, "expelled"))
    assert coding is not None and coding.cameo == "166", f"envoys expelled stay 166: {coding}"


def test_bans_on_gatherings():
    for text, verb in (("Authorities banned a rally by opposition supporters in Lome.", "banned"),
                       ("The governor outlawed all protests in the province.", "outlawed")):
        ctx = context_of(text)
        coding = verb_coding(ctx.know.patterns, token(ctx, verb))
        assert coding is not None and coding.cameo == "1721", f"{text!r}: a ban on gatherings (1721), got {coding}"



PROTEST_FORMS = {"Nurses formed a human chain outside the hospital.": "formed",
                 "Dockworkers staged a picket at the port gate.": "staged",
                 "Teachers began a go-slow on Monday.": "began",
                 "Traders observed a stay-away across the city.": "observed",
                 "Market women locked up their stalls on Saturday.": "locked"}


def test_protest_forms_named_by_their_noun():
    """A human chain, a picket, a go-slow, a stay-away, stalls locked up: protests (141, 143)."""
    wrong = {text: _plover(text, verb) for text, verb in PROTEST_FORMS.items() if _plover(text, verb) != "PROTEST"}
    assert not wrong, f"protest forms not coded PROTEST: {wrong}"
    assert _plover("Police locked up 14 students overnight.", "locked") == "COERCE", "people locked up: arrest"


def test_shutdowns_and_blockades_named_by_a_light_verb():
    for text, verb, plover in (("Shopkeepers shut down their shops in Srinagar.", "shut", "PROTEST"),
                               ("Traders shuttered their stores in Karachi.", "shuttered", "PROTEST"),
                               ("Traders enforced a shutdown in Srinagar.", "enforced", "PROTEST"),
                               ("Farmers set up a blockade outside the ministry.", "set", "PROTEST")):
        assert _plover(text, verb) == plover, f"{text!r}: {verb!r} should be {plover}, got {_plover(text, verb)}"


def test_calling_a_strike_is_striking():
    for text, verb in (("The union called a general strike in Lagos.", "called"),
                       ("Transport unions declared a three-day shutdown.", "declared")):
        assert _plover(text, verb) == "PROTEST", f"{text!r}: {_plover(text, verb)}"
    assert _plover("The commander called in air strikes on the village.", "called") != "PROTEST"
