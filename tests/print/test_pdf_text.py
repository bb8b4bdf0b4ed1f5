"""How the print tests find a page's statements in a PDF's text: whole, or
split by a sheet break into a head on one sheet and the rest at the top of
the next, whatever was painted after the head on its sheet."""

from __future__ import annotations

from pathlib import Path

from .pdf import PrintedPdf


def _pdf(*sheets: str) -> PrintedPdf:
    pdf = PrintedPdf(Path("unused.pdf"))
    # The cached properties, as reading a real file would fill them.
    pdf.__dict__["sheet_texts"] = list(sheets)
    pdf.__dict__["reader"] = type("Reader", (), {"pages": list(sheets)})()
    return pdf


def test_a_statement_on_one_sheet_is_found_whatever_the_line_breaks():
    assert _pdf("쿠버네티스 클러스터는\n서버 그룹이다.").has_text("쿠버네티스 클러스터는 서버 그룹이다.")


def test_a_statement_split_by_a_sheet_break_is_found_in_its_two_parts():
    pdf = _pdf("앞 문단.\n쿠버네티스 클러스터는 컨테이너\n최신 정보\n1 / 2", "기반 애플리케이션을 실행한다.\n다음 문단.")
    assert pdf.has_text("쿠버네티스 클러스터는 컨테이너 기반 애플리케이션을 실행한다.")


def test_a_statement_missing_from_the_pdf_is_not_found():
    pdf = _pdf("앞 문단.\n쿠버네티스 클러스터는", "다음 문단.")
    assert not pdf.has_text("쿠버네티스 클러스터는 컨테이너 기반 애플리케이션을 실행한다.")
    # Nor by its first and last letters alone across a break.
    assert not _pdf("…쿠", "다.").has_text("쿠버네티스 클러스터다.")


def test_the_rest_must_open_the_next_sheet():
    pdf = _pdf("쿠버네티스 클러스터는 컨테이너", "다른 글. 기반 애플리케이션을 실행한다.")
    assert not pdf.has_text("쿠버네티스 클러스터는 컨테이너 기반 애플리케이션을 실행한다.")
