"""Times stage: date expressions and their values (spec/record.md, spec/annotation.md "Times").

The table below holds real sentence forms of news briefs and wire stories, each
with its publication date, the expression and the value it must get: absolute,
year-less (tense decides the year), ranges, publication-relative, narrative-
relative and vague expressions.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefgraph.errors import KnowledgeError
from briefgraph.knowledge import Knowledge
from briefgraph.knowledge.timewords import load_future_cues, load_holidays, load_shift_rules, vocabulary
from briefgraph.records import Analysis, RawDocument, TimeExpr, normalise_text
from briefgraph.stages import parse, structure
from briefgraph.stages.quotes.marks import quoted_stretches
from briefgraph.stages.times import find_times, narrative_time_at
from briefgraph.stages.times.calendar import nth_weekday, shift, weekday_near, year_for
from briefgraph.stages.times.narrative import after_page

KNOWLEDGE = Knowledge.default()


def times_of(text: str, published: str | None) -> list[TimeExpr]:
    """Run the stages the times stage needs (structure, parse) and then it."""
    doc = Analysis(raw=RawDocument(text=text, source="<test>", published=published), text=normalise_text(text))
    doc = doc.with_additions(structure.build(KNOWLEDGE)(doc))
    doc = doc.with_additions(parse.parse_batch([doc])[0])
    return find_times(doc, KNOWLEDGE)["times"]


# (sentence, published, expression, expected value); 2024-02-26 is a Monday.
CASES = [
    # absolute dates in their common forms
    ("Hamas attacked Israel on October 7, 2023, killing 1,200 people.", "2024-02-26", "October 7, 2023", "2023-10-07"),
    ("The agreement was signed on 14 Jan 2022 in Ankara.", "2024-02-26", "14 Jan 2022", "2022-01-14"),
    ("The ministry's statement was dated 2023-11-05.", "2024-02-26", "2023-11-05", "2023-11-05"),
    ("The two countries signed a general cooperation agreement on 5/27/1998.", "2023-03-12", "5/27/1998",
     "1998-05-27"),
    ("The security agreement signed on April 1, 2001 remains in force.", "2023-03-12", "April 1, 2001", "2001-04-01"),
    ("The resolution was adopted on the 14th of December 2023.", "2024-02-26", "14th of December 2023",
     "2023-12-14"),
    ("The Kremlin said on Monday, Feb. 26, 2024, that the talks would go ahead.", "2024-02-26",
     "Monday, Feb. 26, 2024", "2024-02-26"),
    ("The ministers met in Brussels on Monday 19 February.", "2024-02-26", "Monday 19 February", "2024-02-19"),
    # year-less dates: the tense decides the year
    ("On October 13, Putin compared the siege of Gaza to the siege of Leningrad.", "2024-02-26", "October 13",
     "2023-10-13"),
    ("Bogdanov received a Hamas delegation on October 26.", "2024-02-26", "October 26", "2023-10-26"),
    ("The foreign ministers will meet in Riyadh on March 2.", "2024-02-26", "March 2", "2024-03-02"),
    ("The envoy arrived in Doha on Feb. 20 for two days of talks.", "2024-02-26", "Feb. 20", "2024-02-20"),
    ("The border crossing reopened on 5 March after a week of closures.", "2024-03-20", "5 March", "2024-03-05"),
    ("The parliament is due to vote on the budget on March 15.", "2024-03-01", "March 15", "2024-03-15"),
    ("US forces struck Houthi targets in Yemen on Jan. 12 and Jan. 22.", "2024-02-01", "Jan. 22", "2024-01-22"),
    ("The hostages were freed on December 28 after months of mediation.", "2024-05-06", "December 28",
     "2023-12-28"),
    ("The court must rule by Jan. 14 on the boy's asylum request.", "2024-01-05", "Jan. 14", "2024-01-14"),
    # months, years, decades
    ("Talks between the two sides collapsed in October.", "2024-02-26", "October", "2023-10"),
    ("The alliance summit will take place in Washington in April.", "2024-02-26", "April", "2024-04"),
    ("Fighting intensified in mid-October around the northern city.", "2024-02-26", "mid-October", "2023-10"),
    ("The parliament ratified the treaty in early January.", "2024-02-26", "early January", "2024-01"),
    ("The two governments last met in September 2022.", "2024-05-06", "September 2022", "2022-09"),
    ("The militia was founded in 2014 with Iranian support.", "2024-02-26", "2014", "2014"),
    ("Presidential elections are expected in 2025.", "2024-02-26", "2025", "2025"),
    ("The army has kept troops on the border since the 1990s.", "2024-02-26", "1990s", "1990/1999"),
    ("The lower house approved the move in early October this year.", "2024-11-20", "early October this year",
     "2024-10"),
    ("The new members are scheduled to join in April next year.", "2024-11-20", "April next year", "2025-04"),
    ("The visa rules changed between 2019 and 2021.", "2024-02-26", "2019", "2019"),
    # ranges
    ("Russia will welcome Palestinian factions to Moscow from February 29 through March 2.", "2024-02-26",
     "February 29 through March 2", "2024-02-29/2024-03-02"),
    ("Negotiators will meet in Bishkek between May 20 and May 22.", "2024-05-06", "May 20 and May 22",
     "2024-05-20/2024-05-22"),
    ("The delegations met in Dushanbe from March 3 to March 5.", "2024-05-06", "March 3 to March 5",
     "2024-03-03/2024-03-05"),
    ("Shamkhani held talks with his Saudi counterpart in Beijing between March 6-10.", "2023-03-12",
     "March 6-10", "2023-03-06/2023-03-10"),
    ("The delegations will meet again in Havana from 10 to 14 June.", "2024-05-14", "10 to 14 June",
     "2024-06-10/2024-06-14"),
    ("The crossing stayed closed from December 28, 2023 to January 3, 2024.", "2024-02-26",
     "December 28, 2023 to January 3, 2024", "2023-12-28/2024-01-03"),
    # relative to the publication date
    ("The army said today that it had withdrawn from the town.", "2024-02-26", "today", "2024-02-26"),
    ("Gunmen attacked a police checkpoint yesterday, killing two officers.", "2024-02-26", "yesterday",
     "2024-02-25"),
    ("The delegation will travel to Cairo tomorrow.", "2024-02-26", "tomorrow", "2024-02-27"),
    ("The foreign minister met his Iranian counterpart on Tuesday.", "2024-02-26", "Tuesday", "2024-02-20"),
    ("The foreign minister will meet his Iranian counterpart on Tuesday.", "2024-02-26", "Tuesday", "2024-02-27"),
    ("Protesters gathered outside the embassy on Monday.", "2024-02-26", "Monday", "2024-02-26"),
    ("The US military announced on Friday the destruction of nine missiles.", "2024-03-15", "Friday",
     "2024-03-15"),
    ("North Korea launched a ballistic missile toward the Sea of Japan early on Thursday.", "2024-05-30",
     "early on Thursday", "2024-05-30"),
    ("Iran's earlier attacks on Tuesday targeted the bases of a militant group.", "2024-01-18", "Tuesday",
     "2024-01-16"),
    ("The RSF seized the city of Nyala on Thursday last week.", "2023-10-27", "Thursday last week", "2023-10-19"),
    ("The talks in Geneva ended last Friday without agreement.", "2024-02-26", "last Friday", "2024-02-23"),
    ("The envoy is set to arrive in Moscow on Friday.", "2024-02-26", "Friday", "2024-03-01"),
    ("Turkey to host Black Sea talks on Thursday", "2024-02-26", "Thursday", "2024-02-29"),
    ("The two ministers plan to meet in Baku on Wednesday.", "2024-02-26", "Wednesday", "2024-02-28"),
    ("The father could come to the United States as early as Tuesday.", "2024-02-26", "Tuesday", "2024-02-27"),
    ("The vote was postponed until Friday.", "2024-02-26", "Friday", "2024-03-01"),
    # a "to"-infinitive under a verb told in the future, or under "ready"/"willing", is future
    ("Ghana will allow Togolese traders to cross the border again from Friday.", "2024-02-26", "Friday",
     "2024-03-01"),
    ("The governor said the council was ready to meet the union on Thursday.", "2024-02-26", "Thursday",
     "2024-02-29"),
    ("Officials said last week that six suspects were in custody.", "2024-02-26", "last week",
     "2024-02-19/2024-02-25"),
    ("The ceasefire collapsed this week after a rocket attack.", "2024-02-28", "this week", "2024-02-26/2024-03-03"),
    ("The envoy is expected in Beirut next week.", "2024-02-26", "next week", "2024-03-04/2024-03-10"),
    ("Attacks on shipping rose sharply earlier this month.", "2024-02-26", "earlier this month", "2024-02"),
    ("The Security Council will vote on the resolution next month.", "2024-02-26", "next month", "2024-03"),
    ("The defence minister resigned last month amid a corruption inquiry.", "2024-02-26", "last month", "2024-01"),
    ("The ministry reported record arrivals last year.", "2024-02-26", "last year", "2023"),
    ("The port reopened two days ago after repairs.", "2024-02-26", "two days ago", "2024-02-24"),
    ("The group seized the town two months ago.", "2024-02-26", "two months ago", "2023-12"),
    ("The treaty was signed 10 years ago in Minsk.", "2024-02-26", "10 years ago", "2014"),
    ("Rebels shelled the city yesterday, the agency said.", None, "yesterday", None),
    ("The hostages were freed on Thanksgiving Day.", "2024-01-05", "Thanksgiving Day", "2023-11-23"),
    ("Most shops in the capital will close on Christmas Day.", "2024-12-10", "Christmas Day", "2024-12-25"),
    # relative to the narrative
    ("The rebels seized the airport on January 10. The next day, the army launched a counteroffensive.",
     "2024-02-26", "The next day", "2024-01-11"),
    ("The rebels seized the airport on January 10. Two days later, the government declared an emergency.",
     "2024-02-26", "Two days later", "2024-01-12"),
    ("The rebels seized the airport on January 10. A day earlier, the envoy had warned of an attack.",
     "2024-02-26", "A day earlier", "2024-01-09"),
    ("The rebels seized the airport on January 10. The previous day, the envoy had left the city.",
     "2024-02-26", "The previous day", "2024-01-09"),
    ("The rebels seized the airport on January 10. Officials closed the border that day.",
     "2024-02-26", "that day", "2024-01-10"),
    ("The rebels seized the airport on January 10. The following week, talks resumed in Doha.",
     "2024-02-26", "The following week", "2024-01-15/2024-01-21"),
    ("The rebels seized the airport on January 10. A week later, the first aid convoy arrived.",
     "2024-02-26", "A week later", "2024-01-17"),
    ("Shelling began on October 7. Later that day, the cabinet declared war.", "2024-02-26", "Later that day",
     "2023-10-07"),
    # a count after which an act comes: the day it leads to, the day of that act
    ("Troops freed the hostages on May 3, two weeks after gunmen seized them.", "2024-05-06", "two weeks after",
     "2024-05-03"),
    ("Police arrested three men on April 30, a day after a raid in Gao.", "2024-05-06", "a day after",
     "2024-04-30"),
    ("The army retook the town on March 9, eight days after rebels overran it.", "2024-05-06", "eight days after",
     "2024-03-09"),
    ("The rebels seized the airport on January 10. Three months later, the army retook it.", "2024-05-26",
     "Three months later", "2024-04"),
    ("Residents blocked the mine gates last week. That week, the governor resigned.", "2024-02-26",
     "That week", "2024-02-19/2024-02-25"),
    ("The blockade began in June 2021. Later that year, the two sides signed a truce.", "2024-02-26",
     "Later that year", "2021"),
    ("The president spoke at a rally on Sunday. \u201cWe had a terrible day yesterday,\u201d he told reporters.",
     "2024-01-29", "yesterday", "2024-01-27"),
    # limits at a period's end, quarters, a part of the day opening a sentence (round 25)
    ("Lima said on Monday it would lift the tariff by the end of the month.", "2024-05-14", "by the end of the month",
     "2024-05-31"),
    ("The port authority will finish the new berth by the end of this year.", "2024-05-14", "by the end of this year",
     "2024-12-31"),
    ("Cocoa shipments from Abidjan fell in the second quarter of the year.", "2024-09-14",
     "the second quarter of the year", "2024-04/2024-06"),
    ("Police cleared the square on Tuesday. In the evening, the mayor met the strikers.", "2024-05-16",
     "In the evening", "2024-05-14"),
    ("Riot police dispersed the march at dawn on Friday. Later in the afternoon, six students were freed.",
     "2024-05-20", "Later in the afternoon", "2024-05-17"),
    ("On Wednesday the prefect invited a delegation of fishermen to the prefecture on Monday.", "2025-02-06",
     "Monday", "2025-02-10"),
    # vague expressions: kept, never given a guessed date
    ("Fighting along the frontier has continued for years.", "2024-02-26", "for years", None),
    ("Attacks on shipping have dropped recently.", "2024-02-26", "recently", None),
    ("Fuel prices rose in recent weeks.", "2024-02-26", "in recent weeks", None),
    ("The curfew will remain in place in the days ahead.", "2024-02-26", "in the days ahead", None),
    # named periods
    ("The alliance was forged during the Second World War.", "2024-02-26", "the Second World War", "1939/1945"),
]


@pytest.mark.parametrize(("sentence", "published", "expression", "expected"), CASES,
                         ids=[f"{c[2]}={c[3]}" for c in CASES])
def test_expression_value(sentence, published, expression, expected):
    times = times_of(sentence, published)
    found = [t for t in times if expression.lower() in t.text.lower() or t.text.lower() in expression.lower()]
    assert found, f"{expression!r} not found in {sentence!r}; found {[t.text for t in times]}"
    assert found[-1].value == expected, (
        f"{expression!r} (published {published}) got {found[-1].value!r}, expected {expected!r}")


def test_table_is_large_enough():
    assert len(CASES) >= 60, f"the issue asks for at least 60 expressions, the table has {len(CASES)}"


@pytest.mark.parametrize("sentence", [
    "The ministry may announce new measures soon.",
    "Thousands joined the march through the capital.",
    "A convoy of 2000 trucks crossed the border.",
    "Jan Egeland urged both sides to open the crossings.",
    "The annual March for Life drew thousands of protesters.",
])
def test_look_alikes_are_not_times(sentence):
    times = times_of(sentence, "2024-02-26")
    assert not times, f"{sentence!r} holds no date expression, found {[t.text for t in times]}"


def test_narrative_anchor_names_the_time_it_continues():
    times = times_of("Russia did not condemn the attack on October 7. Zakharova expressed concern that day. "
                     "The next day, Lavrov criticised the United States.", "2024-02-26")
    by_text = {t.text: (i, t) for i, t in enumerate(times)}
    october, that_day, next_day = by_text["October 7"], by_text["that day"], by_text["The next day"]
    assert that_day[1].anchor == f"t{october[0]}", f"'that day' should anchor on October 7, got {that_day[1]}"
    assert next_day[1].anchor == f"t{that_day[0]}", f"'The next day' should anchor on 'that day', got {next_day[1]}"
    assert next_day[1].value == "2023-10-08", next_day[1]


def test_a_count_before_a_date_or_told_loosely_is_no_narrative_day():
    times = times_of("Officials met on April 28, two days after March 2 talks collapsed.", "2024-05-06")
    assert not any(t.text.startswith("two days after") for t in times), times
    times = times_of("Troops freed them on May 3, less than two weeks after the kidnapping.", "2024-05-06")
    assert not any("weeks after" in t.text and t.value for t in times), times


def test_relative_without_narrative_time_is_null():
    times = times_of("The next day, the army launched a counteroffensive.", "2024-02-26")
    assert [(t.text, t.value, t.anchor) for t in times] == [("The next day", None, None)], times


def test_publication_anchor_and_absolute_anchor():
    times = times_of("Gunmen attacked a checkpoint yesterday. The accord of April 1, 2001 still holds.", "2024-02-26")
    anchors = {t.text: t.anchor for t in times}
    assert anchors == {"yesterday": "published", "April 1, 2001": None}, anchors


def test_tag_list_and_related_reading_hold_no_times():
    text = ("March 4, 2024 | Flash Brief\n\nTurkey to Host Grain Talks\n\nLatest Developments\n\n"
            "Turkey will host the talks on March 6.\n\n"
            "\u201cThe March 2022 grain deal revisited,\u201d by John Writer\n\n"
            "Issues:\n\nTurkey Russia 2024 Elections\n")
    times = times_of(text, None)
    texts = [t.text for t in times]
    assert "March 6" in texts, texts
    assert "2024" not in texts, f"the tag line must not give times: {texts}"


def test_header_date_counts_once():
    text = ("February 26, 2024 | Flash Brief\n\nRussia to Host Talks\n\nFebruary 26, 2024 | Flash Brief\n\n"
            "Russia to Host Talks\n\nLatest Developments\n\nRussia will host the talks on March 2.\n")
    times = times_of(text, None)
    assert [t.text for t in times].count("February 26, 2024") == 1, times


def test_offsets_point_into_the_text():
    text = "Hamas agreed on October 28 to release two hostages. Two days later, they were freed."
    for t in times_of(text, "2024-02-26"):
        assert text[t.start:t.end] == t.text, t


def test_output_is_deterministic():
    text = "The envoy met Hamas on October 26. Two days later, Hamas agreed to release hostages."
    assert times_of(text, "2024-02-26") == times_of(text, "2024-02-26")


def test_narrative_time_at_takes_latest_day_before_offset():
    times = [TimeExpr("October 7", "2023-10-07", None, 10, 19), TimeExpr("2018", "2018", None, 30, 34),
             TimeExpr("October 13", "2023-10-13", None, 50, 60),
             TimeExpr("February 29 through March 2", "2024-02-29/2024-03-02", None, 70, 97)]
    assert narrative_time_at(times, 45).text == "October 7", "a year is not a narrative day"
    assert narrative_time_at(times, 100).text == "October 13", "an interval is not a narrative day"
    assert narrative_time_at(times, 15) is None, "a time that has not ended is not before the offset"


def test_after_page():
    assert after_page("2027-01", "2026-11-18") and after_page("2026-11-19", "2026-11-18")
    assert not after_page("2026-11", "2026-11-18"), "the page's own month is no later time"
    assert not after_page("2026-11-16/2026-11-22", "2026-11-18") and not after_page("2026-10-02", "2026-11-18")
    assert not after_page("2027-01", None)
    times = [TimeExpr("today", "2026-11-18", None, 10, 15), TimeExpr("January", "2027-01", None, 30, 37)]
    assert narrative_time_at(times, 50, months=True).text == "January"
    assert narrative_time_at(times, 50, months=True, past=True).text == "January", "no page date: no limit"


def test_narrative_time_at_leaves_out_the_dateline():
    text = ("October 24, 2023 | Flash Brief\n\nMilitias Attack U.S. Troops\n\nLatest Developments\n\n"
            "A militia attacked U.S. forces in Syria, the Pentagon said.\n")
    doc = Analysis(raw=RawDocument(text=text, source="<test>"), text=normalise_text(text))
    doc = doc.with_additions(structure.build(KNOWLEDGE)(doc))
    doc = doc.with_additions(parse.parse_batch([doc])[0])
    times = find_times(doc, KNOWLEDGE)["times"]
    assert [t.text for t in times] == ["October 24, 2023"], times
    offset = text.index("attacked")
    assert narrative_time_at(times, offset).text == "October 24, 2023", "without the document it is a day"
    assert narrative_time_at(times, offset, doc.document) is None, "the dateline is not a narrative time"


def test_day_relative_after_a_month_has_no_value():
    times = times_of("Turkish forces shelled the port on Wednesday.\n\nRussia left the grain deal in July 2023. "
                     "Two days later, Russian forces struck port facilities in Odesa.", "2024-03-04")
    later = next(t for t in times if t.text == "Two days later")
    assert later.value is None, f"July 2023 has no day to count two days from, got {later}"


def test_background_month_does_not_move_the_narrative():
    times = times_of("On April 18, Azerbaijan freed two soldiers who had been held since they strayed across the "
                     "border in January. Armenia returned a shepherd the same day.", "2024-04-22")
    same = next(t for t in times if t.text == "the same day")
    assert same.value == "2024-04-18", f"'the same day' continues April 18, got {same}"


def test_quote_takes_the_speech_day_of_its_attribution():
    times = times_of("Turkey will host the talks on March 6.\n\n\u201cToday we are closer than ever,\u201d Fidan "
                     "told reporters on Saturday.", "2024-03-04")
    today = next(t for t in times if t.text == "Today")
    assert today.value == "2024-03-02", f"the speaker's today is the Saturday he spoke, got {today}"


def test_past_weeks_is_an_interval_up_to_publication():
    times = times_of("Attacks on U.S. forces have increased in the past two weeks.", "2023-10-24")
    assert [(t.text, t.value) for t in times] == [("in the past two weeks", "2023-10-10/2023-10-24")], times


def test_holiday_name_in_a_noun_is_not_a_time():
    times = times_of("Farmers shipped Christmas trees from Oregon to Washington.", "2024-12-10")
    assert not times, f"'Christmas trees' names no day, found {times}"


def test_quoted_stretches_pair_mixed_marks():
    text = "\u201cWe lost three brave souls,\" Biden said. ``It was a bomb,'' he added."
    spans = [text[s:e] for s, e in quoted_stretches(text)]
    assert spans == ["\u201cWe lost three brave souls,\"", "``It was a bomb,''"], spans


def test_calendar_helpers():
    ref = date(2024, 2, 26)  # a Monday
    assert year_for(10, 13, ref, "past") == 2023
    assert year_for(3, 2, ref, "future") == 2024
    assert year_for(10, 13, ref, None) == 2023, "with no tense the nearest, counting the future double"
    assert weekday_near(ref, 4, None, "past") == date(2024, 2, 23)
    assert weekday_near(ref, 0, "last", None) == date(2024, 2, 19)
    assert nth_weekday(2023, 11, 3, 4) == date(2023, 11, 23), "Thanksgiving 2023"
    assert nth_weekday(2024, 5, 0, -1) == date(2024, 5, 27), "Memorial Day 2024"
    assert shift(ref, "week", -1) == "2024-02-19/2024-02-25"
    assert shift(ref, "month", -2) == "2023-12"


def test_shipped_vocabulary_loads():
    vocab = vocabulary()
    assert vocab.relative and vocab.narrative and vocab.vague and vocab.holidays and vocab.periods
    assert {"plan", "schedule"} <= vocab.scheduling_verbs and "agree" in vocab.infinitive_cues - vocab.scheduling_verbs, \
        "future_cues.txt: 'plan' schedules, 'agree' only through its infinitive"
    assert KNOWLEDGE.times == vocabulary(), "Knowledge.times is the shipped time knowledge"


def test_bad_vocabulary_line_names_the_file(tmp_path):
    bad = tmp_path / "relative.txt"
    bad.write_text("yesterday => fortnight -1\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="relative.txt"):
        load_shift_rules(bad)
    bad.write_text("Easter => sometime in spring\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="relative.txt"):
        load_holidays(bad)
    bad.write_text("plan soon\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="relative.txt"):
        load_future_cues(bad)


@pytest.mark.parametrize("sentence", [
    "The Good Friday Agreement ended decades of violence in Northern Ireland.",
    "Protesters joined the annual March for Life in Washington.",
    "The ceasefire took effect at 1800 GMT.",
    "Prime Minister May met the Irish prime minister.",
])
def test_lookalike_phrases_are_not_times(sentence):
    times = [t for t in times_of(sentence, "2024-02-26") if t.value is not None]
    assert not times, f"{sentence!r} names no date, found {[t.text for t in times]}"


def test_a_week_has_no_day_for_a_day_relative_time():
    times = times_of("On Monday the army closed the road.\n\nResidents blocked the mine gates last week, and "
                     "police arrested four of them the previous day.", "2024-02-28")
    previous = next(t for t in times if t.text == "the previous day")
    assert previous.value is None, f"a day before a week is no day, not the day before Monday: {previous}"


def test_week_start():
    from briefgraph.stages.times.narrative import past_week, week_start
    assert week_start("2024-02-19/2024-02-25") == date(2024, 2, 19)
    assert week_start("2024-02-24/2024-02-25") == date(2024, 2, 24), "a weekend"
    assert week_start("2024-02") is None and week_start("2024-01-01/2024-03-31") is None
    assert past_week("2024-02-19/2024-02-25", "2024-02-26") and not past_week("2024-03-04/2024-03-10", "2024-02-26")


def test_attribution_day_does_not_move_the_narrative():
    times = times_of("Police arrested 12 men on Wednesday after a clash at the market, a spokesman said Thursday. "
                     "The next day, the men were charged.", "2024-02-23")
    following = next(t for t in times if t.text == "The next day")
    assert following.value == "2024-02-22", f"the story is at the arrests' Wednesday, not the telling: {following}"
    times = times_of("The minister said on Thursday that talks would resume. The next day, rebels attacked a convoy.",
                     "2024-02-26")
    following = next(t for t in times if t.text == "The next day")
    assert following.value == "2024-02-23", f"with no day of its own told before, the telling is the story: {following}"


def test_a_limit_does_not_move_the_narrative():
    times = times_of("Police detained two traders on Monday. Dhaka said it would drop the duty by the end of the "
                     "month. The next day, the traders were freed.", "2024-05-15")
    following = next(t for t in times if t.text == "The next day")
    assert following.value == "2024-05-14", f"the day after Monday, not after the month's end: {following}"
