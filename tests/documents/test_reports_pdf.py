"""Team report and daily summary PDFs: real files opened with pypdf (text) and pymupdf (rendering)."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from pypdf import PdfReader

from fieldkit.documents.daily_summary import render_daily_summary
from fieldkit.documents.reports_pdf import render_team_report
from fieldkit.services import reports

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from test_reports import END, START, TODAY, build_world  # noqa: E402


@pytest.fixture
def world(session, monkeypatch):
    return build_world(session, monkeypatch)


def text_of(data: bytes) -> str:
    """All pages' text with runs of white space (line breaks in table cells) made one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def first_page_ink(data: bytes) -> float:
    """Share of the first page's pixels that are not white (rendered at 50 dpi)."""
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        pix = doc[0].get_pixmap(dpi=50, colorspace=pymupdf.csGRAY)
        samples = pix.samples
    dark = sum(1 for b in samples if b < 200)
    return dark / len(samples)


def test_team_report_pdf_in_vietnamese_and_english(session, world, tmp_path):
    rep = reports.team_report(session, START, END, today=TODAY)
    path = tmp_path / "report.pdf"
    data = render_team_report(rep, path, "vi")
    assert path.read_bytes() == data
    text = text_of(data)
    for expected in ("BÁO CÁO KẾT QUẢ CÔNG TÁC CỦA ĐỘI", "Kỳ báo cáo: từ 01/03/2026 đến 31/03/2026",
                     "Xã Gia Viễn", "Phường Thuỷ Nguyên", "Hợp đồng điện tử", "Trích nợ tự động",
                     "Không dùng tiền mặt", "Tổng cộng", "Trang 1/"):
        assert expected in text, expected
    # the cashless share of the whole team is 50,0 % (Vietnamese decimal comma), e-contracts 33,3 %
    assert "50,0%" in text and "33,3%" in text
    assert 0.01 < first_page_ink(data) < 0.6
    english = text_of(render_team_report(rep, None, "en"))
    assert "TEAM WORK REPORT" in english and "Automatic debit" in english and "33.3%" in english


def test_team_report_pdf_with_many_communes_numbers_its_pages(session, world):
    rep = reports.team_report(session, START, END, today=TODAY)
    many = reports.TeamReport(rep.start, rep.end, None, rep.rows * 30, rep.total, "Đội Lý Nhân", rep.made_at)
    data = render_team_report(many, None, "vi")
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 2
    assert f"Trang 1/{len(pages)}" in pages[0].extract_text()
    assert f"Trang {len(pages)}/{len(pages)}" in pages[-1].extract_text()


def test_daily_summary_pdf(session, world, tmp_path):
    summary = reports.daily_summary(session, session.user_id, date(2026, 3, 12))
    data = render_daily_summary(summary, tmp_path / "day.pdf", "vi")
    text = text_of(data)
    for expected in ("BÁO CÁO CÔNG VIỆC TRONG NGÀY", "Người thực hiện: Trần Thị Lan", "Ngày: 12/03/2026",
                     "Đọc chỉ số: 1", "Treo/thay công tơ: 1", "Đặng Quốc Việt", "Trần Thị Hường",
                     "bất thường: thấp hơn lần trước", "Thay công tơ — trễ hạn", "Ứng dụng CSKH: chưa đăng ký",
                     "Tổ trưởng xác nhận"):
        assert expected in text, expected
    assert 0.01 < first_page_ink(data) < 0.6
    empty = reports.daily_summary(session, session.user_id, date(2026, 3, 14))
    assert "Không có việc nào được ghi trong ngày này." in text_of(render_daily_summary(empty, None, "vi"))
    assert "DAILY WORK SUMMARY" in text_of(render_daily_summary(summary, None, "en"))


def test_team_report_prints_when_it_was_made_in_vietnams_time(session, world):
    from datetime import UTC, datetime

    rep = reports.team_report(session, date(2026, 1, 1), date(2026, 1, 31))
    at_utc = reports.TeamReport(rep.start, rep.end, None, rep.rows, rep.total, "Đội Lý Nhân",
                                datetime(2026, 2, 1, 20, 30, tzinfo=UTC))
    assert "02/02/2026 03:30" in text_of(render_team_report(at_utc, None, "vi"))  # 20:30 UTC is 03:30 next day


def test_daily_summary_names_the_team_supervisor_and_keeps_headers_and_codes_whole(session, supervisor, world,
                                                                                   tmp_path):
    """Looked at as PNG: "STT" wrapped as "ST/T", the customer code was cut inside "(PA2/3VG…)", and
    "Tổ trưởng xác nhận" had no name. The supervisor is an active supervisor of the person's team."""
    with session.store.transaction(actor=session.user_id) as tx:
        tx.conn.execute("INSERT INTO teams (id, code, name, unit_code) VALUES ('t1', 'GV2', 'Tổ Gia Viễn 2', 'PA23VG'),"
                        " ('t2', 'GV3', 'Tổ Gia Viễn 3', 'PA23VG')")
        tx.conn.execute("UPDATE users SET team_id = 't1' WHERE id = ?", (session.user_id,))
        for uid, name, team, active in (("s1", "Ân Văn Nghỉ", "t1", 0), ("s2", "Bùi Văn Khác", "t2", 1),
                                        ("s3", "Đỗ Minh Quang", "t1", 1)):
            tx.conn.execute("INSERT INTO users (id, username, display_name, role, team_id, active) "
                            "VALUES (?, ?, ?, 'supervisor', ?, ?)", (uid, uid, name, team, active))
        tx.conn.execute("UPDATE users SET team_id = 't2' WHERE id = ?", (supervisor.user_id,))
    summary = reports.daily_summary(session, session.user_id, date(2026, 3, 12))
    assert summary.supervisor_name == "Đỗ Minh Quang"  # not the inactive one, not another team's
    assert summary.team == "Tổ Gia Viễn 2"
    # made by a supervisor of another team: the technician's team and its supervisor, not the reader's
    theirs = reports.daily_summary(supervisor, session.user_id, date(2026, 3, 12))
    assert (theirs.team, theirs.supervisor_name) == ("Tổ Gia Viễn 2", "Đỗ Minh Quang")
    data = render_daily_summary(summary, tmp_path / "day.pdf", "vi")
    text = text_of(data)
    assert "STT Giờ Công việc Phiếu Khách hàng Chi tiết" in text
    assert "Tổ trưởng xác nhận" in text and text.rstrip().split("Tổ trưởng xác nhận")[1].count("Đỗ Minh Quang") == 1
    for item in summary.items:
        if item.customer_code:
            assert item.customer_code in text, item.customer_code  # never cut across lines
    # without a supervisor of the team on this laptop the line stays blank, to be written by hand
    with session.store.transaction(actor=session.user_id) as tx:
        tx.conn.execute("UPDATE users SET active = 0 WHERE id = 's3'")
    summary = reports.daily_summary(session, session.user_id, date(2026, 3, 12))
    assert summary.supervisor_name == "" and "Quang" not in text_of(render_daily_summary(summary, None, "vi"))


def test_a_long_work_order_number_breaks_after_a_hyphen_only():
    from fieldkit.documents.daily_summary import breakable_number

    assert breakable_number("CD-261203-FEB0EA", 500) == "CD-261203-FEB0EA"
    assert breakable_number("GCS-261203-AB12CD", 85) == "GCS-261203-<br/>AB12CD"
    assert breakable_number("A<B-1", 5) == "A&lt;B-<br/>1"  # escaped; a part never split
    assert breakable_number("NOHYPHENATALLBUTLONG", 10) == "NOHYPHENATALLBUTLONG"
