"""Full dates written out in the text (dateparse.find_full_dates)."""

from __future__ import annotations

from datetime import date

import pytest

from briefgraph.dateparse import find_full_dates, parse_full_date


@pytest.mark.parametrize("text, value", [
    ("Tegucigalpa, 04.03.2026", date(2026, 3, 4)),
    ("Fecha: 31.12.2025", date(2025, 12, 31)),
    ("signed on 4.3.2026 in Quito", date(2026, 3, 4)),
    ("4 March 2026", date(2026, 3, 4)),
    ("Wednesday, March 4, 2026", date(2026, 3, 4)),
])
def test_full_dates(text, value):
    assert parse_full_date(text) == value


@pytest.mark.parametrize("text", ["13.13.2025", "version 1.4.2026.2", "figure 10.2.2025.1", "192.168.1.2026"])
def test_dotted_numbers_that_are_no_day_month_year(text):
    assert find_full_dates(text) == [], text
