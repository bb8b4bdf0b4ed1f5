"""The real site plus two bilingual pages with what the real pages do not all
have yet: folded self-check answers, a table long enough to span sheets,
links between topics and a heading id that two topics share. Built with the
real mkdocs.yml (INHERIT) and overrides; the docs are a copy of the real ones
with the two pages added to the navigation before the book."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

from devconcepts.i18n import source_hash
from devconcepts_testkit import DOCS, ROOT, read_config

BASE_CONFIG = ROOT / "mkdocs.yml"
"""The configuration the fixture site inherits."""
LONG_TABLE_ROWS = 70
ANSWER = {"ko": "정답 하나: 도커는 컨테이너를 만들고 쿠버네티스는 컨테이너 여러 개를 관리한다.",
          "en": "Answer one: Docker builds containers and Kubernetes manages many of them."}
QUESTION = {"ko": "질문 하나: 도커와 쿠버네티스는 어떻게 다른가?",
            "en": "Question one: how do Docker and Kubernetes differ?"}
OPEN_NOTE = {"ko": "처음부터 펼쳐 둔 설명 본문.", "en": "A note the author left unfolded."}
HEADER = {"ko": ("번호", "설명 열 머리글"), "en": ("Number", "Description header")}
EXTERNAL = "https://example.org/print-test/page"

PAGES = {
    "ko": {
        "index": """\
            # 인쇄 시험 사이트

            시험용 홈 페이지.
            """,
        "sheet": f"""\
            # 학습지 시험 페이지

            본문 문단이다. [다른 페이지의 공통 절](other.md#공통-절)로 가는 링크와
            [외부 자료]({EXTERNAL})가 있다.

            ## 공통 절

            !!! note "참고"
                알림 상자 본문이다.

            ## 스스로 점검

            ??? question "{QUESTION['ko']}"
                {ANSWER['ko']}

            ???+ note "펼쳐 둔 설명"
                {OPEN_NOTE['ko']}

            ## 긴 표

            | {HEADER['ko'][0]} | {HEADER['ko'][1]} |
            |---|---|
            """,
        "other": """\
            # 다른 페이지

            [학습지 시험 페이지](sheet.md)로 돌아가는 링크.

            ## 공통 절

            같은 이름의 절이 두 페이지에 있다.
            """,
    },
    "en": {
        "index": """\
            # Print test site

            A home page for the tests.
            """,
        "sheet": f"""\
            # Study sheet test page

            A paragraph with a link to [the other page's shared section](other.md#shared-section)
            and to [an outside source]({EXTERNAL}).

            ## Shared section

            !!! note "Note"
                The body of a note.

            ## Self-check

            ??? question "{QUESTION['en']}"
                {ANSWER['en']}

            ???+ note "Unfolded note"
                {OPEN_NOTE['en']}

            ## Long table

            | {HEADER['en'][0]} | {HEADER['en'][1]} |
            |---|---|
            """,
        "other": """\
            # Other page

            A link back to [the study sheet test page](sheet.md).

            ## Shared section

            Both pages have a section with this name.
            """,
    },
}


def write_fixture(root: Path, *, skip: tuple[str, ...] = (), book: bool = True) -> Path:
    """Write the fixture site under `root`; returns its mkdocs.yml.
    `skip` names sources to leave out (e.g. "other.en.md"); `book=False`
    leaves out the book placeholders."""
    from mkdocs.config import load_config

    docs = root / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(DOCS, docs)
    book_page = load_config(str(BASE_CONFIG)).plugins["devconcepts-print"].config.book
    for locale, pages in PAGES.items():
        suffix = "" if locale == "ko" else f".{locale}"
        for name, text in pages.items():
            text = textwrap.dedent(text)
            if name == "sheet":
                text += "".join(f"| {n} | {'행' if locale == 'ko' else 'Row'} {n} |\n"
                                for n in range(1, LONG_TABLE_ROWS + 1))
            if f"{name}{suffix}.md" not in skip:
                (docs / f"{name}{suffix}.md").write_text(text, encoding="utf-8")
        if not book:
            (docs / book_page.replace(".md", f"{suffix}.md")).unlink()
    # The fixture's translations translate its Korean pages as they are now.
    source_hash.refresh(docs, ("en",))
    nav = [entry for entry in load_config(str(BASE_CONFIG))["nav"] if entry != book_page]
    nav += ["sheet.md", "other.md"] + ([book_page] if book else [])
    # The term list and diagrams: data/ beside the config, as in the project.
    # The folder is the fixture's own: the build writes its card-id lock there.
    (root / "data").mkdir(exist_ok=True)
    for name in ("terms.yml", "diagrams"):
        if not (root / "data" / name).exists():
            (root / "data" / name).symlink_to(ROOT / "data" / name)
    # The source notes devconcepts-glossary reads (`source_notes`, relative to the config).
    if not (root / "seed").exists():
        (root / "seed").symlink_to(ROOT / "seed", target_is_directory=True)
    config = root / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {BASE_CONFIG}\n"
        f"docs_dir: {docs}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        # JSON is YAML: the navigation entries as the real config has them.
        f"nav: {json.dumps(nav, ensure_ascii=False)}\n"
        f"plugins: {json.dumps(_plugins(), ensure_ascii=False)}\n",
        encoding="utf-8",
    )
    return config


def _plugins(keep: tuple[str, ...] | None = None) -> list:
    """The real config's plugins (`keep`: only those); the offline copy's
    budget leaves room for the fixture's two test pages, which hold no
    content a reader saves (the real site's budget is held by
    tests/offline/test_budget.py)."""
    from mkdocs.utils import yaml_load

    with BASE_CONFIG.open(encoding="utf-8") as f:
        plugins = yaml_load(f)["plugins"]
    out = []
    for entry in plugins:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if keep is not None and name not in keep:
            continue
        options = dict(entry[name] or {}) if isinstance(entry, dict) else {}
        if name == "devconcepts-offline":
            options["budget_kb"] = 1000
        out.append({name: options} if options else name)
    return out


def write_small_book(root: Path, *, skip: tuple[str, ...] = ()) -> Path:
    """A small site of the fixture's pages (a home, the two topics and the
    book placeholder per language), built with the real print and i18n
    options, theme and Markdown headings: what the book does with a page that
    falls back to another language, without a copy of the whole site.
    `skip` as for `write_fixture`; returns its mkdocs.yml."""
    from mkdocs.config import load_config

    book_page = load_config(str(BASE_CONFIG)).plugins["devconcepts-print"].config.book
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for locale, pages in PAGES.items():
        suffix = "" if locale == "ko" else f".{locale}"
        for name, text in pages.items():
            if f"{name}{suffix}.md" not in skip:
                (docs / f"{name}{suffix}.md").write_text(textwrap.dedent(text), encoding="utf-8")
        book = book_page.replace(".md", f"{suffix}.md")
        shutil.copyfile(DOCS / book, docs / book)
    source_hash.refresh(docs, ("en",))
    config = root / "mkdocs.yml"
    config.write_text(
        f"site_name: 인쇄 시험\n"
        f"site_url: http://127.0.0.1:8000/\n"
        f"docs_dir: {docs}\n"
        f"theme: {json.dumps({**read_config(BASE_CONFIG)['theme'], 'custom_dir': str(ROOT / 'overrides')})}\n"
        f"nav: {json.dumps(['index.md', 'sheet.md', 'other.md', book_page])}\n"
        f"plugins: {json.dumps(_plugins(keep=('i18n', 'devconcepts-i18n', 'devconcepts-print')), ensure_ascii=False)}\n"
        # The real headings' ids (Korean ones readable: #공통-절).
        "markdown_extensions:\n  - admonition\n  - tables\n  - pymdownx.details\n  - pymdownx.superfences\n"
        "  - toc:\n      permalink: true\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n",
        encoding="utf-8",
    )
    return config
