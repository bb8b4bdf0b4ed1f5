"""Generate a docs folder with N pages per language for the search scale benchmark.

The folder holds the real pages (docs/, so every plugin finds the pages it
needs) plus generated page pairs `notes/NNNN.md` (Korean) and
`notes/NNNN.en.md` (English) up to N pages per language. Generated pages look
like the real notes: a title, an opening paragraph, sections with lists and
tables, an admonition; Korean text with particles glued to nouns and English
names in brackets, English text with Korean names in brackets. The sentences
are recombined from the term list's definitions and the real pages, with the
term list's names filled into templates, so the vocabulary grows with N the
way a growing site's does (page-specific names, numbers, compounds).

    .venv/bin/python bench/gen_site.py /tmp/docs-1000 --pages 1000
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from devconcepts.terms import load_terms  # noqa: E402

KO_TEMPLATES = [
    "{a}{은} {b}{을} 관리하는 {c}다.",
    "{a}{과} {b}{은} 둘 다 {c}{을} 다루지만, 쓰임새가 다르다.",
    "실무에서는 {a}{을} {b}({B})와 함께 쓴다.",
    "{a}({A}){은} {b}{이} 많아질수록 중요해진다.",
    "면접에서는 {a}{과} {b}의 차이를 자주 묻는다.",
    "{a}{은} 보통 {c}에서 실행되고, {b}{을} 통해 상태를 확인한다.",
    "{a} 설정이 잘못되면 {b}{이} 실패하므로, {c}{을} 먼저 점검한다.",
    "{a}{은} {n}개의 {b}{을} 동시에 처리할 수 있다.",
    "{a}·{b}·{c}{은} 자주 함께 등장하는 개념이다.",
    "{a}(예: {B}, {C}){은} {c}{을} 자동화한다.",
]
EN_TEMPLATES = [
    "{A} manages {B} as part of {C}.",
    "{A} and {B} both deal with {C}, but they are used differently.",
    "In practice, {A} ({a}) is used together with {B}.",
    "{A} matters more as the number of {B} grows.",
    "Interviews often ask how {A} differs from {B}.",
    "{A} usually runs on {C}, and {B} reports its state.",
    "When {A} is misconfigured, {B} fails, so check {C} first.",
    "{A} can handle {n} {B} at the same time.",
    "{A}, {B} and {C} often appear together.",
    "{A} (for example {B} or {C}) automates {C}.",
]
KO_HEADINGS = ["핵심 개념", "동작 방식", "사용 사례", "비교", "주의할 점", "면접 질문", "정리", "최신 정보"]
EN_HEADINGS = ["Key ideas", "How it works", "Use cases", "Comparison", "Pitfalls", "Interview questions",
               "Summary", "Current facts"]


def _has_final(syllable: str) -> bool:
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def _particle(word: str, kind: str) -> str:
    last = word[-1]
    vowel = ["는", "가", "를", "와", "로"]
    consonant = ["은", "이", "을", "과", "으로"]
    i = {"은": 0, "이": 1, "을": 2, "과": 3, "으로": 4}[kind]
    if "\uac00" <= last <= "\ud7a3":
        return consonant[i] if _has_final(last) else vowel[i]
    return consonant[i]  # after Latin letters Koreans read the word out; 은/이/을 is common


def _sentences(text: str) -> list[str]:
    text = re.sub(r"[#*`>|]|^\s*[-+:]\s*|!!!.*|\?\?\?.*|///.*|\[([^\]]*)\]\([^)]*\)", r"\1", text, flags=re.M)
    out = []
    for sentence in re.split(r"(?<=[.!?다])\s+", text):
        sentence = " ".join(sentence.split())
        if len(sentence) > 15 and not re.search(r"subjects:|shared:|^-+$|[{}]", sentence):
            out.append(sentence)
    return out


class Vocabulary:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pairs: list[tuple[str, str]] = []
        self.ko_sentences: list[str] = []
        self.en_sentences: list[str] = []
        for term in load_terms():
            self.pairs.append((term.names["ko"], term.names["en"]))
            for ko_alias in term.aliases.get("ko", ()):
                self.pairs.append((ko_alias, term.names["en"]))
            if "ko" in term.definitions:
                self.ko_sentences.append(term.definitions["ko"])
            if "en" in term.definitions:
                self.en_sentences.append(term.definitions["en"])
        for page in sorted((ROOT / "docs").glob("*.md")):
            target = self.en_sentences if page.name.endswith(".en.md") else self.ko_sentences
            target.extend(_sentences(page.read_text(encoding="utf-8")))

    def noun(self, page: int) -> tuple[str, str]:
        ko, en = self.rng.choice(self.pairs)
        # A growing site names new things: a numbered variant per page now and then.
        if self.rng.random() < 0.15:
            suffix = self.rng.choice(["서버", "노드", "클러스터", "파이프라인", "저장소", "엔진"])
            en_suffix = {"서버": "server", "노드": "node", "클러스터": "cluster", "파이프라인": "pipeline",
                         "저장소": "store", "엔진": "engine"}[suffix]
            return f"{ko}{suffix}{page % 97}", f"{en} {en_suffix} {page % 97}"
        return ko, en


def _fill_ko(template: str, nouns: list[tuple[str, str]], n: int) -> str:
    (a, A), (b, B), (c, C) = nouns
    marked = re.sub(r"\{(은|이|을|과|으로)\}", "\x00\\1\x00", template)
    text = marked.format(a=a, b=b, c=c, A=A, B=B, C=C, n=n)

    def particle(match: re.Match) -> str:
        before = text[: match.start()]
        if before.endswith(")") and "(" in before:
            before = before[: before.rindex("(")]
        return _particle(before or "가", match.group(1))

    return re.sub("\x00(은|이|을|과|으로)\x00", particle, text)


def _fill_en(template: str, nouns: list[tuple[str, str]], n: int) -> str:
    (a, A), (b, B), (c, C) = nouns
    return template.format(a=a, b=b, c=c, A=A, B=B, C=C, n=n)


def page_pair(i: int, vocab: Vocabulary) -> tuple[str, str]:
    rng = vocab.rng
    title = [vocab.noun(i), vocab.noun(i)]
    ko = [f"# {title[0][0]}({title[0][1]}) vs {title[1][0]}\n"]
    en = [f"# {title[0][1]} vs {title[1][1]} ({title[1][0]})\n"]
    for _ in range(rng.randint(2, 4)):
        k = rng.randrange(len(KO_HEADINGS))
        ko.append(f"\n## {KO_HEADINGS[k]}\n")
        en.append(f"\n## {EN_HEADINGS[k]}\n")
        for _ in range(rng.randint(1, 2)):
            ko_par, en_par = [], []
            for _ in range(rng.randint(2, 4)):
                nouns = [vocab.noun(i) for _ in range(3)]
                t = rng.randrange(len(KO_TEMPLATES))
                n = rng.randint(2, 500)
                ko_par.append(_fill_ko(KO_TEMPLATES[t], nouns, n))
                en_par.append(_fill_en(EN_TEMPLATES[t], nouns, n))
            if rng.random() < 0.5:
                ko_par.append(rng.choice(vocab.ko_sentences))
                en_par.append(rng.choice(vocab.en_sentences))
            ko.append("\n" + " ".join(ko_par) + "\n")
            en.append("\n" + " ".join(en_par) + "\n")
        if rng.random() < 0.6:
            items = [vocab.noun(i) for _ in range(rng.randint(2, 4))]
            ko.append("\n" + "".join(f"- **{k}({e})**: {rng.choice(vocab.ko_sentences)}\n" for k, e in items))
            en.append("\n" + "".join(f"- **{e} ({k})**: {rng.choice(vocab.en_sentences)}\n" for k, e in items))
    if rng.random() < 0.4:
        ko.append(f'\n!!! info "보충"\n    {rng.choice(vocab.ko_sentences)}\n')
        en.append(f'\n!!! info "More context"\n    {rng.choice(vocab.en_sentences)}\n')
    return "".join(ko), "".join(en)


def generate(target: Path, pages: int, seed: int = 1) -> int:
    """Fill `target` with the real docs plus generated pairs; returns how many
    pages each language has."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "docs", target)
    real = len([p for p in target.rglob("*.md") if not p.name.endswith(".en.md")])
    vocab = Vocabulary(random.Random(seed))
    notes = target / "notes"
    notes.mkdir()
    for i in range(1, pages - real + 1):
        ko, en = page_pair(i, vocab)
        (notes / f"{i:04d}.md").write_text(ko, encoding="utf-8")
        (notes / f"{i:04d}.en.md").write_text(en, encoding="utf-8")
    return max(real, pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", type=Path)
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    n = generate(args.target, args.pages, args.seed)
    print(f"{args.target}: {n} pages per language")
    return 0


if __name__ == "__main__":
    sys.exit(main())
