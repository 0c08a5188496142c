"""One number and date format per language, everywhere: vi 31.051,463 · 50,0 % · 03/12/2026,
en 31,051.463 · 50.0 % · 03/12/2026 (the formats, the reports table and chart, the review
page's readings, the reading screen's figures all go through `fieldkit.ui.labels`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from fieldkit.domain.report_figures import Figures
from fieldkit.ui.charts import BarChart
from fieldkit.ui.i18n import Translations
from fieldkit.ui.labels import format_date, format_decimal, format_number, format_percent
from fieldkit.ui.pages.report_table import ReportTableModel
from fieldkit.ui.readings.widgets import fmt_decimal, fmt_money

CASES = {
    "vi": ("31.051", "31.051,463", "31.051,5", "50,0 %", "1.261.354 ₫", "25,0"),
    "en": ("31,051", "31,051.463", "31,051.5", "50.0 %", "1,261,354 ₫", "25.0"),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_format_per_language(qapp, lang):
    t = Translations()
    try:
        t.switch(lang)
        integer, decimal, one_place, percent, money, share = CASES[lang]
        assert format_number(31051) == integer
        assert format_decimal(Decimal("31051.463")) == decimal == fmt_decimal(Decimal("31051.463"))
        assert format_decimal(31051.5) == one_place
        assert format_decimal(Decimal("19177")) == ("19.177" if lang == "vi" else "19,177")  # no ",000"
        # a float that became a Decimal: rounded to 3 places, no zeros the value does not have
        assert format_decimal(Decimal("26827.30000000000001136868379")) == ("26.827,3" if lang == "vi" else "26,827.3")
        assert format_decimal(Decimal("1.500")) == ("1,500" if lang == "vi" else "1.500")  # exact: kept
        assert format_percent(50.0) == percent and fmt_money(1261354) == money
        assert format_date(date(2026, 12, 3)) == "03/12/2026"
        # the reports table and the chart
        f = Figures(14464, "Xã Gia Viễn", customers=4)
        f.payment["e_wallet"] = 1
        model = ReportTableModel()
        model.set_figures([f], f)
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        col = next(i for i, h in enumerate(headers) if h and ("E-wallet" in h or "Ví" in h))
        assert model.text(0, col) == share
        chart = BarChart()
        chart.set_bars([("x", 50.0)], percent=True)
        assert chart.value_text(50.0) == percent
        chart.set_bars([("x", 31051.5)], percent=False)
        assert chart.value_text(31051.5) == one_place
    finally:
        t.switch("vi")
