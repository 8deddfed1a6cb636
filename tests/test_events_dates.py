"""stages/events/dates.py: an event's date is the time of its own clause, else a day of the
story's week told in a modifier of the clause, else the narrative time (texts written for
these tests)."""

from __future__ import annotations

import pytest

from briefgraph.pipeline import analyse
from briefgraph.records import RawDocument


def _dates(text: str, published: str = "2024-11-12") -> dict[str, str | None]:
    (doc,) = analyse([RawDocument(text=text, source="<test>", published=published)])
    return {e.trigger: e.date for e in doc.events}


def test_a_story_day_in_a_relative_clause_dates_the_main_act():
    dates = _dates("Police fired tear gas at hundreds of traders who blocked Kenyatta Avenue in Nairobi on Monday.")
    assert dates.get("fired") == "2024-11-11", dates


def test_a_story_day_in_a_participle_modifier_dates_the_main_act():
    dates = _dates("Myanmar military aircraft bombed positions held by Karen rebels near Myawaddy on Monday night.",
                   published="2024-04-24")
    assert dates.get("bombed") == "2024-04-22", dates


def test_an_older_date_in_a_modifier_dates_only_its_own_thing():
    dates = _dates("Russia violated the ceasefire agreement signed on March 3, 2015.", published="2024-11-12")
    assert "violated" in dates, dates
    assert dates["violated"] != "2015-03-03", "a date of the agreement is no date of the violation"


def test_a_conjoined_act_keeps_its_own_day():
    dates = _dates("Police arrested seventeen traders on Monday and will charge them today.")
    assert dates.get("arrested") == "2024-11-11", dates


def test_a_story_day_in_a_relative_clause_carries_the_narrative_on():
    dates = _dates("Police fired tear gas at hundreds of traders who blocked Kenyatta Avenue on Monday.\n\n"
                   "Seventeen people were arrested, a police commander said.")
    assert dates.get("arrested") == "2024-11-11", dates


def test_counted_back():
    dates = _dates("Mexico extradited 12 suspects to the United States on Thursday, two weeks after Washington "
                   "threatened to impose tariffs on Mexican goods.", published="2025-02-28")
    assert dates.get("extradited") == "2025-02-27" and dates.get("threatened") == "2025-02-13", dates
    dates = _dates("Mexico extradited 12 suspects to the United States on Thursday, less than two weeks after "
                   "Washington threatened to impose tariffs on Mexican goods.", published="2025-02-28")
    assert dates.get("threatened") != "2025-02-13", f"a loose count dates nothing: {dates}"


def test_count_offsets():
    dates = _dates("Malian troops freed six aid workers on May 3, two weeks after gunmen seized them near Gao.",
                   published="2026-05-05")
    assert dates.get("freed") == "2026-05-03" and dates.get("seized") == "2026-04-19", \
        f"the clause's own count dates the act it hangs on, not the clause's act: {dates}"


def test_said_now():
    dates = _dates("Belarusian police arrested the journalist Alyaksei Marchuk in November 2023.\n\n"
                   "The European Union calls on the Belarusian authorities to release all political prisoners.",
                   published="2024-06-24")
    assert dates.get("calls") == "2024-06-24", f"an appeal in the present is made on the page's day: {dates}"
    dates = _dates("Belarusian police arrested the journalist Alyaksei Marchuk in November 2023.\n\n"
                   "The European Union called on the Belarusian authorities to release him.", published="2024-06-24")
    assert dates.get("called") != "2024-06-24", f"an appeal in the past keeps the story's time: {dates}"


def test_scheduled_meetings():
    from events_fixtures import pipeline_events
    events = pipeline_events("Trade chief Grace Wanjiru of Kenya said she would meet Daniel Otieno at City Hall "
                             "on Thursday.", cameo=True)
    assert ("Grace Wanjiru", "CONSULT", "040", "Daniel Otieno") in events, \
        f"a meeting told with 'would' and its own day is the scheduled meeting (CONSULT), not an intent: {events}"
    events = pipeline_events("Iran said it would be willing to meet the United States.", cameo=True)
    assert ("Iran", "AGREE", "036", "United States") in events, \
        f"with no day of its own 'would meet' stays an intent to meet: {events}"


def test_phase_modifiers():
    dates = _dates("The pullout of Turkish troops from Qatar was completed on 4 June.", published="2024-06-20")
    assert dates.get("pullout") == "2024-06-04", f"the completion's day dates the pullout: {dates}"
    dates = _dates("The withdrawal of Belgian forces from Kinshasa began on Tuesday.", published="2024-06-20")
    assert dates.get("withdrawal") == "2024-06-18", f"the beginning's day dates the withdrawal: {dates}"


def test_direct_time():
    dates = _dates("Lima, 9 March 2026 — The Andean Network condemns the detention of eight water monitors by the "
                   "Peruvian National Police during a protest in Cajamarca on Saturday.", published="2026-03-09")
    assert dates.get("condemns") == "2026-03-09", f"a day inside the object dates the detention, not the act: {dates}"
    dates = _dates("Lithuania condemns Belarus on Saturday over the detention of eight monitors.", published="2026-03-09")
    assert dates.get("condemns") == "2026-03-07", f"a day on the verb dates it: {dates}"


def test_a_dateline_date_dates_no_act():
    dates = _dates("Geneva, 11 March 2026 – The International Committee of the Red Cross on Monday facilitated the "
                   "release of 38 detainees held in Yemen.", published="2026-03-11")
    assert dates.get("facilitated") == "2026-03-09", f"the dateline's date is the page's, not the act's: {dates}"


def test_reported_day():
    text = ("On February 20, Guyana and the United States began a joint naval exercise.\n\n"
            "Venezuela's armed forces moved two armored battalions into Bolivar state, near the border with Guyana, "
            "the Venezuelan Defense Ministry announced on March 3.")
    dates = _dates(text, published="2025-03-05")
    assert dates.get("moved") == "2025-03-03", f"the announcement's day dates the act it reports: {dates}"
    dates = _dates("Police had arrested nine students, a spokesman said on Monday.", published="2025-03-05")
    assert dates.get("arrested") != "2025-03-03", f"an act told as done before the telling is not dated by it: {dates}"


def test_a_coming_story_day_dates_a_planned_act():
    dates = _dates("India will allow Bangladeshi garments to enter through its land ports again from Friday, the "
                   "commerce ministry said on Monday.", published="2024-05-14")
    assert dates.get("allow") == "2024-05-17", dates


def test_a_past_week_carries_the_narrative():
    dates = _dates("Indian and Bangladeshi trade officials held talks in Dhaka last week. India agreed to reopen two "
                   "land ports to Bangladesh.", published="2024-05-14")
    assert dates.get("agreed") == "2024-05-06/2024-05-12", f"after 'last week' the story is in that week: {dates}"


def test_destination_time():
    dates = _dates("Kenyan police detained 30 Ugandan traders on Tuesday. In the evening, Uganda's president "
                   "invited Kenya's foreign minister to talks in Kampala on Thursday.", "2024-11-14")
    assert dates.get("invited") == "2024-11-12", f"the invitation is the evening's, Thursday the visit's: {dates}"
    dates = _dates("Ghana on Monday invited Togo's foreign minister for consultations in Accra.", "2024-11-14")
    assert dates.get("invited") == "2024-11-11", f"a time before the destination dates the invitation: {dates}"


def test_a_limit_dates_no_later_act():
    dates = _dates("Soldiers detained six fishermen on Monday. Dhaka said it would lift the ban by the end of the "
                   "month. Police arrested two smugglers.", "2024-11-14")
    assert dates.get("arrested") == "2024-11-11", f"a limit is no time the story is at: {dates}"


def test_said_lately():
    """A present-perfect statement about an act whose day is told inside its object is made on the page's day
    (probes in a ministry statement, a wire story and a release); an act's own day still dates it."""
    dates = _dates("Tegucigalpa, 4 March 2026 – The Government of Honduras has condemned the arrest of three Honduran "
                   "fishermen by the Nicaraguan navy on 28 February.", published="2026-03-04")
    assert dates.get("condemned") == "2026-03-04" and dates.get("arrest") == "2026-02-28", dates
    dates = _dates("Kenya has protested the seizure of 40 Kenyan trucks by Ugandan customs officers at Malaba on 12 July.",
                   published="2026-07-15")
    assert dates.get("protested") != "2026-07-12", dates
    dates = _dates("The Ministry of Foreign Affairs has strongly condemned the attack on a Ghanaian convoy by gunmen "
                   "near the border with Burkina Faso on 9 June.", published="2026-06-12")
    assert dates.get("condemned") != "2026-06-09", dates
    dates = _dates("Kenya has deployed 500 troops to the border with Ethiopia on Monday.", published="2026-07-15")
    assert dates.get("deployed") == "2026-07-13", f"a day hung on a place noun still dates the act: {dates}"
    dates = _dates("Police have arrested six men near the crossing on 12 July.", published="2026-07-15")
    assert dates.get("arrested") == "2026-07-12", dates


def test_said_lately_about_a_stance():
    """"has expressed deep concern over the closure ... on 2 March": the stance's act is its object (probe: a
    ministry statement); a stance over no act keeps its own day."""
    dates = _dates("Dakar, 14 March 2026 - The Ministry of Foreign Affairs has expressed deep concern over the closure "
                   "of the Rosso border crossing by Mauritania on 2 March.", published="2026-03-14")
    assert dates.get("expressed") == "2026-03-14" and dates.get("closure") == "2026-03-02", dates
    dates = _dates("The ministry has expressed its regret at the expulsion of two Senegalese diplomats by Mauritania "
                   "on Friday.", published="2026-03-14")
    assert dates.get("expulsion") == "2026-03-13", dates



TOLD_PAST = [  # (text, page date, trigger, month it must not take, month it must take)
    ("Accra, 12 May 2026 — Ghana and Togo today signed a customs agreement. Customs officers of both countries "
     "will train together from August.\n\nGhana urged Benin to join the agreement.", "2026-05-12", "urged",
     "2026-08", "2026-05"),
    ("Kenya said it would reopen the Namanga crossing in September. Police arrested four smugglers near the "
     "crossing.", "2026-06-03", "arrested", "2026-09", None),
    ("Ghana will host the talks in August. The ministers will meet Togo's envoy.", "2026-05-12", "meet", "2026-05",
     None),
]


@pytest.mark.parametrize(("text", "published", "trigger", "never", "month"), TOLD_PAST)
def test_told_past(text, published, trigger, never, month):
    """A past act after a paragraph that names a coming month is not dated in that month (probes: a release,
    a wire story); a planned act still takes it."""
    found = (_dates(text, published=published).get(trigger) or "")[:7]
    assert found != never and (month is None or found == month), (trigger, found)


def test_a_coordinated_act_takes_the_day_its_conjunct_tells():
    dates = _dates("Youths looted shops and set cars ablaze in Nairobi on Monday.")
    assert dates.get("looted") == "2024-11-11", dates
    dates = _dates("Traders shut their shops and blocked roads on Saturday to protest against new taxes.")
    assert dates.get("shut") == "2024-11-09", dates
    dates = _dates("Seventeen people were arrested and will be charged today, police said.")
    assert dates.get("arrested") != "2024-11-12", f"a conjunct with its own auxiliary is another time: {dates}"
    dates = _dates("Oyun, who was detained during the rally and released early on Wednesday, spoke to reporters.",
                   published="2024-11-15")
    assert dates.get("detained") != "2024-11-13", f"an act timed by another keeps its own: {dates}"
