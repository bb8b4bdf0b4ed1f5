"""Generate a docs folder with N pages per language for the search scale benchmark.

The folder holds the real pages (docs/, so every plugin finds the pages it
needs) plus generated page pairs `notes/NNNN.md` (Korean) and
`notes/NNNN.en.md` (English) up to N pages per language. Generated pages look
like the real notes: a title, sections with paragraphs and lists, an
admonition; Korean text with particles glued to nouns and English names in
brackets, English text with Korean names in brackets. Sentences are templates
filled with nouns — each page's own compound concepts (분산 캐시, 메시지큐),
common words of the field with a Zipf distribution, the term list's names —
plus sentences from the term list's definitions and the real pages. So a
query matches some pages, not nearly all of them, as on a real site.

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
from devconcepts.i18n.source_hash import KEY, source_hash
from devconcepts.terms.term_list import load_terms

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


DOMAIN = [
    ("분산", "distributed"), ("캐시", "cache"), ("메시지", "message"), ("큐", "queue"), ("로드", "load"),
    ("밸런서", "balancer"), ("인덱스", "index"), ("샤딩", "sharding"), ("복제", "replication"),
    ("트리거", "trigger"), ("게이트웨이", "gateway"), ("프록시", "proxy"), ("레이턴시", "latency"),
    ("처리량", "throughput"), ("토큰", "token"), ("임베딩", "embedding"), ("벡터", "vector"),
    ("프롬프트", "prompt"), ("파이프라인", "pipeline"), ("스트림", "stream"), ("배치", "batch"),
    ("스냅샷", "snapshot"), ("롤백", "rollback"), ("마이그레이션", "migration"), ("스키마", "schema"),
    ("쿼리", "query"), ("옵티마이저", "optimizer"), ("잠금", "lock"), ("격리 수준", "isolation level"),
    ("인증", "authentication"), ("인가", "authorization"), ("암호화", "encryption"), ("인증서", "certificate"),
    ("방화벽", "firewall"), ("라우팅", "routing"), ("서브넷", "subnet"), ("볼륨", "volume"),
    ("네임스페이스", "namespace"), ("레플리카", "replica"), ("시크릿", "secret"), ("헬스 체크", "health check"),
    ("모니터링", "monitoring"), ("메트릭", "metric"), ("트레이싱", "tracing"), ("알림", "alert"),
    ("백업", "backup"), ("장애 조치", "failover"), ("가상 머신", "virtual machine"), ("하이퍼바이저", "hypervisor"),
    ("커널", "kernel"), ("스레드", "thread"), ("프로세스", "process"), ("메모리", "memory"),
    ("가비지 컬렉션", "garbage collection"), ("컴파일러", "compiler"), ("의존성", "dependency"),
    ("패키지", "package"), ("레지스트리", "registry"), ("빌드", "build"), ("테스트", "test"), ("웹훅", "webhook"),
    ("이벤트", "event"), ("구독", "subscription"), ("오토스케일링", "autoscaling"), ("서킷 브레이커", "circuit breaker"),
    ("재시도", "retry"), ("타임아웃", "timeout"), ("멱등성", "idempotency"), ("일관성", "consistency"),
    ("파티션", "partition"), ("리더 선출", "leader election"), ("합의", "consensus"), ("해시", "hash"),
    ("정규화", "normalization"), ("조인", "join"), ("커서", "cursor"), ("토크나이저", "tokenizer"),
    ("형태소 분석", "morphological analysis"), ("검색 엔진", "search engine"), ("역색인", "inverted index"),
    ("랭킹", "ranking"), ("추천", "recommendation"), ("분류", "classification"), ("회귀", "regression"),
    ("학습률", "learning rate"), ("손실 함수", "loss function"), ("과적합", "overfitting"), ("데이터셋", "dataset"),
    ("라벨", "label"), ("추론", "inference"), ("양자화", "quantization"), ("증류", "distillation"),
]
"""Developer nouns beyond the term list, Korean and English."""


class Vocabulary:
    """Nouns for one page at a time: the page's own topic (its concepts), words
    of the field with a Zipf distribution (a few everywhere, most rare), and
    the term list's names, as a growing study site uses them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.terms: list[tuple[str, str]] = []
        self.ko_sentences: list[str] = []
        self.en_sentences: list[str] = []
        terms = load_terms(ROOT / "data" / "terms.yml", ("ko", "en"))  # the languages this generator writes
        # Pages may not use a spelling the term list avoids (the build fails
        # on one), even where it is another term's name or a search alias.
        avoided = {(loc, s) for term in terms for loc, spellings in term.avoid.items() for s in spellings}
        for term in terms:
            for ko in (term.names["ko"], *term.aliases.get("ko", ())):
                # Templates write "한글(English)", itself avoided for some
                # terms (서비스(Service), 파드(Pod)).
                written = f"{ko}({term.names['en']})"
                if ("ko", ko) not in avoided and ("en", term.names["en"]) not in avoided and not any(
                        spelling in written for locale, spelling in avoided if locale == "ko"):
                    self.terms.append((ko, term.names["en"]))
            if "ko" in term.definitions:
                self.ko_sentences.append(term.definitions["ko"])
            if "en" in term.definitions:
                self.en_sentences.append(term.definitions["en"])
        for page in sorted((ROOT / "docs").glob("*.md")):
            target = self.en_sentences if page.name.endswith(".en.md") else self.ko_sentences
            target.extend(_sentences(page.read_text(encoding="utf-8")))
        # The real pages may keep an avoided spelling where the check allows
        # it (in quotes, as the source notes' word); a copied sentence may not.
        for loc, sentences in (("ko", self.ko_sentences), ("en", self.en_sentences)):
            sentences[:] = [s for s in sentences if not any(a in s for (l, a) in avoided if l == loc)]
        self.domain = list(DOMAIN)
        rng.shuffle(self.domain)
        self.weights = [1 / (rank + 1) for rank in range(len(self.domain))]
        self.topic: list[tuple[str, str]] = []

    def concept(self) -> tuple[str, str]:
        """A compound concept name: "분산 캐시" or, written together, "분산캐시"."""
        (k1, e1), (k2, e2) = self.rng.sample(self.domain, 2)
        glue = "" if self.rng.random() < 0.3 and " " not in k1 + k2 else " "
        return f"{k1}{glue}{k2}", f"{e1} {e2}"

    def start_page(self) -> None:
        self.topic = [self.concept() for _ in range(self.rng.randint(3, 5))]

    def noun(self, page: int) -> tuple[str, str]:
        roll = self.rng.random()
        if roll < 0.5:
            return self.rng.choice(self.topic)
        if roll < 0.92:
            return self.rng.choices(self.domain, self.weights)[0]
        return self.rng.choice(self.terms)


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
    vocab.start_page()
    title = vocab.topic[:2]
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
            if rng.random() < 0.1:
                ko_par.append(rng.choice(vocab.ko_sentences))
                en_par.append(rng.choice(vocab.en_sentences))
            ko.append("\n" + " ".join(ko_par) + "\n")
            en.append("\n" + " ".join(en_par) + "\n")
        if rng.random() < 0.6:
            for _ in range(rng.randint(2, 4)):
                item = vocab.noun(i)
                nouns = [item, vocab.noun(i), vocab.noun(i)]
                t = rng.randrange(len(KO_TEMPLATES))
                n = rng.randint(2, 500)
                ko.append(f"\n- **{item[0]}({item[1]})**: {_fill_ko(KO_TEMPLATES[t], nouns, n)}")
                en.append(f"\n- **{item[1]} ({item[0]})**: {_fill_en(EN_TEMPLATES[t], nouns, n)}")
            ko.append("\n")
            en.append("\n")
    if rng.random() < 0.2:
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
        source = notes / f"{i:04d}.md"
        source.write_text(ko, encoding="utf-8")
        # Each translation records the version of its Korean page it
        # translates (i18n/source_hash.py); the strict build fails without.
        # Quoted: a hash of digits only would read as a YAML number.
        (notes / f"{i:04d}.en.md").write_text(f"---\n{KEY}: '{source_hash(source)}'\n---\n\n{en}", encoding="utf-8")
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
