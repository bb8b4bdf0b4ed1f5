"""The link-preview image on its own: drawn with the Nanum font, a long
Korean title wraps inside the margins (every line box the layout reports
lies inside them, and the margins hold no ink), the bytes repeat, and a
missing font or glyph stops with what is wrong."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from devconcepts.seo import preview
from devconcepts.seo.fonts import FontMissing, find_fonts

LONG_TITLE = ("쿠버네티스 컨트롤 플레인과 워커 노드가 파드를 스케줄링하고 서비스로 노출하는 전 과정을 "
              "처음부터 끝까지 한 번에 정리한 아주 긴 제목의 스터디 노트 페이지")
TOPIC = "인프라와 AI 개념을 한국어와 영어로 정리한 면접·자습용 스터디 노트"
SITE = "개발 개념 스터디 노트"
MAX_BYTES = 60 * 1000


@pytest.fixture(scope="module")
def fonts():
    return find_fonts()


def _inside_margins(box) -> bool:
    left, top, right, bottom = box
    return (left >= preview.MARGIN and top >= preview.MARGIN
            and right <= preview.WIDTH - preview.MARGIN and bottom <= preview.HEIGHT - preview.MARGIN)


def _ink(image: Image.Image, box) -> int:
    """Pixels in `box` that are not the background."""
    region = image.crop(box)
    return sum(count for count, colour in region.getcolors(region.width * region.height)
               if colour != preview.BACKGROUND)


def test_a_long_korean_title_wraps_inside_the_margins(fonts):
    plan = preview.layout(LONG_TITLE, TOPIC, SITE, fonts)
    assert len(plan.title) >= 3, [line.text for line in plan.title]
    # Nothing is lost to the wrapping: the lines hold the title, word for word.
    assert " ".join(line.text for line in plan.title).split() == LONG_TITLE.split()
    outside = [(line.text, line.box) for line in plan.lines if not _inside_margins(line.box)]
    assert outside == []
    assert _inside_margins(plan.rule)

    image = Image.open(io.BytesIO(preview.render(LONG_TITLE, TOPIC, SITE, fonts))).convert("RGB")
    assert image.size == (preview.WIDTH, preview.HEIGHT)
    m, w, h = preview.MARGIN, preview.WIDTH, preview.HEIGHT
    bands = {"top": (0, 0, w, m), "bottom": (0, h - m, w, h), "left": (0, 0, m, h), "right": (w - m, 0, w, h)}
    assert {name: _ink(image, box) for name, box in bands.items()} == dict.fromkeys(bands, 0)
    # Each reported line is drawn where the layout says.
    assert all(_ink(image, line.box) > 0 for line in plan.lines)


def test_a_word_wider_than_the_image_breaks_between_its_characters(fonts):
    word = "가나다라마바사아자차카타파하" * 4
    plan = preview.layout(word, TOPIC, SITE, fonts)
    assert len(plan.title) >= 2
    assert "".join(line.text for line in plan.title) == word
    assert all(_inside_margins(line.box) for line in plan.lines)


def test_a_title_too_long_for_any_size_ends_with_an_ellipsis_inside_the_image(fonts):
    title = "아주 긴 제목 " * 80
    plan = preview.layout(title, TOPIC, SITE, fonts)
    assert plan.title[-1].text.endswith(preview.ELLIPSIS)
    assert plan.title[0].size == preview.TITLE_SIZES[-1]
    assert all(_inside_margins(line.box) for line in plan.lines)


def test_the_same_text_draws_the_same_small_png(fonts):
    first = preview.render(LONG_TITLE, TOPIC, SITE, fonts)
    preview._font.cache_clear()
    preview._palette.cache_clear()
    assert preview.render(LONG_TITLE, TOPIC, SITE, fonts) == first
    assert len(first) < MAX_BYTES
    # No metadata chunk (time, text) besides what the picture needs.
    chunks = []
    at = 8
    while at < len(first):
        length = int.from_bytes(first[at:at + 4], "big")
        chunks.append(first[at + 4:at + 8].decode("ascii"))
        at += length + 12
    assert set(chunks) <= {"IHDR", "PLTE", "IDAT", "IEND"}, chunks
    assert preview.render(LONG_TITLE + " 둘", TOPIC, SITE, fonts) != first


def test_a_character_the_font_lacks_stops_instead_of_drawing_a_box(fonts):
    with pytest.raises(preview.MissingGlyph, match="U\\+1F600"):
        preview.render("컨테이너 😀", TOPIC, SITE, fonts)


def test_no_nanum_font_is_a_clear_error(tmp_path):
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")
    with pytest.raises(FontMissing, match="fonts-nanum") as error:
        find_fonts([str(tmp_path)])
    assert "NanumGothic.ttf" in str(error.value) and str(tmp_path) in str(error.value)


def test_the_drawing_process_writes_the_bytes_render_draws(fonts, tmp_path):
    """A build's images are drawn by a process of their own
    (seo/preview_process.py): the same bytes, in the site and the cache."""
    from devconcepts.seo.preview_process import PreviewProcess

    drawing = PreviewProcess()
    texts = [("쿠버네티스 클러스터", "쿠버네티스"), ("OLTP", "데이터베이스")]
    for number, (title, topic) in enumerate(texts):
        drawing.draw(title, topic, "개발 개념", fonts, tmp_path / "site" / f"{number}.png",
                     tmp_path / "cache" / f"{number}.png", f"docs/{number}.md")
    drawn, seconds = drawing.finish()
    assert drawn == 2 and seconds > 0
    for number, (title, topic) in enumerate(texts):
        expected = preview.render(title, topic, "개발 개념", fonts)
        assert (tmp_path / "site" / f"{number}.png").read_bytes() == expected
        assert (tmp_path / "cache" / f"{number}.png").read_bytes() == expected


def test_the_drawing_process_names_the_image_it_could_not_write(fonts, tmp_path):
    from devconcepts.seo.preview_process import DrawingFailed, PreviewProcess

    (tmp_path / "a-file").write_text("", encoding="utf-8")
    drawing = PreviewProcess()
    drawing.draw("제목", "주제", "개발 개념", fonts, tmp_path / "a-file" / "x.png", None, "docs/x.md")
    with pytest.raises(DrawingFailed, match="a-file/x.png"):
        drawing.finish()
