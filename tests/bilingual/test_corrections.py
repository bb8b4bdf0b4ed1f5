"""What the pages stand behind after issue 21's review: a corrected wording
never comes back, and each finding's primary source stays linked on its page
in both languages.

Read from the Markdown sources (and the data files), not the built site, so it
runs in the fast tier. A banned phrase may stay only on a line that is the
seed's own words (the seed is kept verbatim; its pages mark its corrections).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from sitekit import SEED
from bilingual.seed import normalise

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
K8S_KO, K8S_EN = "https://kubernetes.io/ko/docs/", "https://kubernetes.io/docs/"


@dataclass(frozen=True)
class Finding:
    id: str
    page: str
    banned_ko: tuple[str, ...] = ()
    banned_en: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    """URLs linked on both languages' pages."""
    sources_ko: tuple[str, ...] = ()
    sources_en: tuple[str, ...] = ()
    required_ko: tuple[str, ...] = ()
    """What the fix added; for findings about something left out."""
    required_en: tuple[str, ...] = ()


def k8s(path: str) -> dict:
    """A kubernetes.io page: the Korean page links /ko/, the English one not."""
    return {"sources_ko": (K8S_KO + path,), "sources_en": (K8S_EN + path,)}


FINDINGS = [
    Finding("E1", "log-vs-cookie",
            banned_ko=("만이 이를 막는다",),
            banned_en=("only `SameSite` or the browser's third-party cookie blocking withholds",),
            sources=("https://developer.mozilla.org/en-US/docs/Web/API/Request/credentials",
                     "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie")),
    Finding("M1", "log-vs-cookie",
            banned_ko=("이를 막는 것은 `SameSite` 속성(생략했을 때의 브라우저 기본값 포함)이나",),
            banned_en=("What withholds it is the `SameSite` attribute",),
            sources=("https://developer.mozilla.org/en-US/docs/Web/API/XMLHttpRequest/withCredentials",
                     "https://developer.mozilla.org/en-US/docs/Web/Privacy/Guides/Third-party_cookies"),
            required_ko=("credentials: \"include\"", "CHIPS"), required_en=("credentials: \"include\"", "CHIPS")),
    Finding("M2", "log-vs-cookie",
            sources=("https://developer.mozilla.org/en-US/docs/Web/Security/Attacks/CSRF",
                     "https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Fetch_metadata"),
            required_ko=("`Authorization` 헤더", "`Sec-Fetch-Site`"), required_en=("`Authorization` header", "`Sec-Fetch-Site`")),
    Finding("M3", "kubernetes-cluster",
            banned_ko=("같은 것을 가리키던 옛 이름이다",), banned_en=("The old name for the same thing",),
            sources=("https://www.kubernetes.dev/resources/keps/2067/",),
            required_ko=("컨트롤 플레인 노드",), required_en=("control plane node",)),
    Finding("M4", "kubernetes-cluster",
            banned_ko=("실행 중인 파드는 계속 돌 수 있지만 새 파드를 스케줄링할 수 없다",),
            banned_en=("running Pods may keep running, but no new Pods can be scheduled",),
            sources=("https://etcd.io/docs/v3.7/op-guide/recovery/",),
            **k8s("tasks/administer-cluster/configure-upgrade-etcd/")),
    Finding("M5", "kubernetes-cluster",
            sources=("https://etcd.io/docs/v3.7/op-guide/recovery/",),
            required_ko=("--bump-revision", "--mark-compacted"), required_en=("--bump-revision", "--mark-compacted")),
    Finding("M6", "compose-vs-kubernetes",
            banned_ko=("최대 125%",), banned_en=("at most 125%",),
            **k8s("concepts/workloads/controllers/deployment/")),
    Finding("M7", "oltp",
            banned_ko=("커밋 전의 결과가 다른 트랜잭션에 보이지 않", "커밋 전까지 동시에 실행 중인 다른 트랜잭션에 보이지 않는다"),
            banned_en=("uncommitted effects are invisible", "not visible to concurrent transactions before it commits"),
            sources=("https://www.postgresql.org/docs/current/transaction-iso.html",),
            required_ko=("직렬 가능성",), required_en=("serializability",)),
    Finding("M8", "compose-vs-kubernetes",
            banned_ko=("디플로이먼트 같은 워크로드 리소스의 컨트롤러가 대체 파드를 만들고",),
            banned_en=("the controller of a workload resource such as a Deployment creates replacement Pods",),
            sources_ko=(K8S_KO + "tasks/run-application/force-delete-stateful-set-pod/",
                        K8S_KO + "concepts/workloads/controllers/daemonset/"),
            sources_en=(K8S_EN + "tasks/run-application/force-delete-stateful-set-pod/",
                        K8S_EN + "concepts/workloads/controllers/daemonset/"),
            required_ko=("node.kubernetes.io/out-of-service",), required_en=("node.kubernetes.io/out-of-service",)),
    Finding("M9", "docker-kubernetes",
            banned_ko=("복제본 하나가 멈춰",), banned_en=("If one replica stops",),
            **k8s("concepts/workloads/pods/pod-lifecycle/")),
    # M10's rows are drilled as cards elsewhere; here: their correction notes stay.
    Finding("M10-compose", "compose-vs-kubernetes",
            required_ko=("Compose도 운영 환경에서 쓰인다",), required_en=("Compose is used in production too",),
            sources=("https://docs.docker.com/compose/how-tos/production/",)),
    Finding("M10-rag", "fine-tuning-vs-rag",
            required_ko=("RAG의 \"실시간\"은 질문할 때마다 검색한다는 뜻",),
            required_en=("means it retrieves on every question",),
            sources=("https://arxiv.org/abs/2005.11401",)),
    Finding("M10-log", "log-vs-cookie",
            required_ko=("로그는 사용자 활동뿐 아니라",), required_en=("not only of user activity",),
            sources=("https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html",)),
    Finding("M11", "oltp",
            banned_ko=("보장하는 대신, PostgreSQL에서는 직렬화 실패로",),
            banned_en=("but in PostgreSQL the application must retry transactions that fail",),
            sources=("https://www.postgresql.org/docs/current/mvcc-serialization-failure-handling.html",),
            required_ko=("40001",), required_en=("40001",)),
    Finding("M12", "fine-tuning-vs-rag",
            banned_ko=("도메인 작업 방식", "형식과 도메인 행동", "출력 형식과 도메인 행동"),
            banned_en=("how to work in a domain", "domain behaviour"),
            sources=("https://arxiv.org/abs/2305.11206", "https://arxiv.org/abs/2312.05934")),
    Finding("nit-oltp-consistency", "oltp",
            banned_ko=("트랜잭션 도중 잠시 어길 수는 있어도",), banned_en=("A transaction may violate them briefly",),
            sources=("https://www.postgresql.org/docs/current/sql-set-constraints.html",)),
    Finding("nit-oltp-durability", "oltp",
            sources=("https://www.postgresql.org/docs/current/wal-async-commit.html",),
            required_ko=("synchronous_commit = off",), required_en=("synchronous_commit = off",)),
    Finding("nit-oltp-star-schema", "oltp",
            banned_ko=("Oracle9i", "docs.oracle.com/cd/A91202_01"), banned_en=("Oracle9i", "docs.oracle.com/cd/A91202_01"),
            sources=("https://docs.oracle.com/en/database/oracle/oracle-database/21/dwhsg/",)),
    Finding("nit-rag-rerank-depth", "fine-tuning-vs-rag",
            banned_ko=("수십~수백",), banned_en=("few dozen to few hundred",),
            sources=("https://arxiv.org/abs/1901.04085",)),
    Finding("nit-rag-recall", "fine-tuning-vs-rag",
            banned_ko=("recall@k(정답 근거가 상위 k개 안에 드는 비율",),
            banned_en=("recall@k (how often the answer's evidence is in the top k",),
            sources=("https://arxiv.org/abs/2004.04906",)),
    Finding("nit-rag-peft", "fine-tuning-vs-rag",
            banned_ko=("일부 파라미터만 학습한다",), banned_en=("trains only a few parameters",),
            sources=("https://arxiv.org/abs/2106.09685",)),
    Finding("nit-rag-prompt", "fine-tuning-vs-rag",
            banned_ko=("함께 프롬프트에 넣어 모델이",), banned_en=("the chosen chunks go into the prompt with the question",),
            sources=("https://arxiv.org/abs/2005.11401",)),
    Finding("nit-docker-oci", "docker-kubernetes",
            banned_ko=("OCI 표준 이미지라서",), banned_en=("standard OCI images",),
            sources=("https://docs.docker.com/build/exporters/#oci-media-types",
                     "https://distribution.github.io/distribution/spec/manifest-v2-2/")),
    Finding("nit-docker-image-store", "docker-kubernetes",
            sources=("https://docs.docker.com/engine/storage/containerd/",),
            required_ko=("containerd 이미지 저장소",), required_en=("containerd image store",)),
    Finding("nit-docker-deploy-unit", "docker-kubernetes",
            required_ko=("표의 “배포 단위”",), required_en=("“unit of deployment” (배포 단위)",),
            **k8s("concepts/workloads/pods/")),
    Finding("nit-loadbalancer", "compose-vs-kubernetes",
            sources=("https://kubernetes.io/docs/concepts/services-networking/service/#load-balancer-nodeport-allocation",
                     "https://metallb.io/"),
            required_ko=("allocateLoadBalancerNodePorts", "MetalLB"), required_en=("allocateLoadBalancerNodePorts", "MetalLB")),
    Finding("nit-replicaset-controller", "kubernetes-cluster",
            banned_ko=("레플리카셋이 파드를 만든다", "레플리카셋이 파드를 만든다."),
            banned_en=("which creates Pods, still", "which makes Pods"),
            **k8s("concepts/workloads/controllers/deployment/")),
    Finding("nit-etcd-topologies", "kubernetes-cluster",
            banned_ko=("외부 etcd 토폴로지(external etcd topology)로 실행한다",),
            banned_en=("etcd then runs in the stacked etcd topology",),
            **k8s("setup/production-environment/tools/kubeadm/ha-topology/")),
    Finding("nit-cluster-cni", "kubernetes-cluster",
            **k8s("concepts/extend-kubernetes/compute-storage-net/network-plugins/")),
    Finding("nit-rfc6265bis", "log-vs-cookie",
            banned_ko=("개정 초안",), banned_en=("the draft revision of RFC 6265",),
            sources=("https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis-22",),
            required_ko=("2025년 12월 2일",), required_en=("2 December 2025",)),
    Finding("nit-log-hashing", "log-vs-cookie",
            banned_ko=("지우거나 가리거나 해시로", "가리거나 해시로 바꾼다"),
            banned_en=("remove, mask or hash it first", "mask or hash them"),
            sources=("https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html",)),
    Finding("nit-client-state-source", "stateful-vs-stateless",
            sources=("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Cookies",
                     "https://www.rfc-editor.org/rfc/rfc7519")),
    Finding("nit-volume-claim-templates", "stateful-vs-stateless",
            banned_ko=("파드마다 고정된 이름과 전용 저장소를 준다",), banned_en=("a stable name and its own storage.",),
            required_ko=("volumeClaimTemplates",), required_en=("volumeClaimTemplates",),
            **k8s("concepts/workloads/controllers/statefulset/")),
    Finding("nit-serverless", "stateful-vs-stateless",
            sources=("https://github.com/cncf/wg-serverless/tree/master/whitepapers/serverless-overview",)),
    Finding("nit-heading-primacy", "kubernetes-cluster",
            banned_en=("## Control Plane (마스터 노드",), required_en=("## Master Node (마스터 노드; Control Plane)",)),
    Finding("nit-often", "docker-kubernetes", banned_en=("often used together",)),
    Finding("nit-glosses", "stateful-vs-stateless", banned_en=('literally "state not kept"',)),
    Finding("nit-transaction-gloss", "oltp", required_en=("transactions (트랜잭션(거래))",)),
    Finding("terms-deployment-english", "docker-kubernetes", required_ko=("디플로이먼트(Deployment)",)),
    # The fresh-eye review of issue 21's fixes (a separate pass over every changed sentence).
    Finding("review-csrf-source", "log-vs-cookie",
            sources=("https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html",)),
    Finding("review-statefulset-node-back", "compose-vs-kubernetes",
            banned_ko=("`Terminating`으로 남고, 파드를 강제로 삭제하거나",),
            banned_en=("stay `Terminating` until the Pod is force-deleted",),
            required_ko=("노드가 다시 응답하거나",), required_en=("until the node responds again",),
            **k8s("tasks/run-application/force-delete-stateful-set-pod/")),
    Finding("review-cluster-same-facts", "kubernetes-cluster",
            banned_en=("Network Plugins (the diagram's CNI)", "so back it up:"),
            required_ko=("kubernetes.io/ko 예시는 아직 `etcdctl`", "주기적으로 백업한다"),
            required_en=("kubernetes.io/ko still uses `etcdctl`", "back it up regularly")),
    Finding("review-deferrable-primary-key", "oltp",
            banned_ko=("대개 문장마다 바로 검사하고",), banned_en=("checked at once, statement by statement",),
            required_ko=("기본 키, 고유, 외래 키, 제외 제약",), required_en=("primary key, unique, foreign key, exclusion",),
            sources=("https://www.postgresql.org/docs/current/sql-set-constraints.html",)),
]

# kubernetes.io/ko's 한글화 용어집 forms, on every Korean page outside the seed's words.
AVOIDED_KO = ("복제본", "구성 요소", "서비스(Service)", "파드(Pod)", "이전 버전으로 롤백")

# The term list and the diagram show as tooltips and figures on every page.
DATA_BANNED = {
    "data/terms.yml": (
        "SameSite 속성이나 서드 파티 쿠키 차단이 막지 않는 한", "cross-site requests included unless SameSite",
        "커밋 전의 결과가 다른 트랜잭션에 보이지 않음", "uncommitted effects are invisible",
        "가중치를 조정하는 방법", "so that its weights change", "일부 파라미터만 학습해", "training only a few parameters",
        "분산 시스템에서 변경을 반영하는 데 필요한 멤버의 과반수", "The majority of members a distributed system needs",
        "코드(함수)만 배포하는", "you deploy only code (functions)",
        "OCI 표준 형식을 따른다", "in the standard OCI format",
        "공식 문서는 지금 컨트롤 플레인이라고 부른다", "the official documentation now says control plane",
        "고정된 이름과 전용 저장소를 주고", "a stable name and its own storage and",
        "복제본", "구성 요소", "서비스(Service)",
    ),
    "data/diagrams/kubernetes-cluster.yml": ("구성 요소",),
}
DATA_REQUIRED = {
    "data/diagrams/kubernetes-cluster.yml": ("CNI 네트워크 플러그인", "CNI network plugin"),
}


def _seed_text() -> str:
    return normalise(SEED.read_text(encoding="utf-8"))


def _is_seed_line(line: str, seed: str) -> bool:
    text = normalise(line)
    return bool(text) and text in seed


def _offending_lines(path: Path, phrase: str, seed: str) -> list[str]:
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return [f"{name}:{number}: {phrase!r}"
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if phrase in line and not _is_seed_line(line, seed)]


def _page(stem: str, locale: str) -> Path:
    return DOCS / (f"{stem}.md" if locale == "ko" else f"{stem}.{locale}.md")


@pytest.mark.parametrize("finding", FINDINGS, ids=lambda f: f.id)
def test_corrected_wording_stays_out_and_its_source_stays_linked(finding: Finding):
    seed = _seed_text()
    problems = []
    for locale, banned, required, sources in (
        ("ko", finding.banned_ko, finding.required_ko, finding.sources + finding.sources_ko),
        ("en", finding.banned_en, finding.required_en, finding.sources + finding.sources_en),
    ):
        path = _page(finding.page, locale)
        text = path.read_text(encoding="utf-8")
        for phrase in banned:
            problems += _offending_lines(path, phrase, seed)
        problems += [f"{path.relative_to(ROOT)}: lacks {phrase!r}" for phrase in required if phrase not in text]
        problems += [f"{path.relative_to(ROOT)}: does not link {url}" for url in sources if f"]({url})" not in text]
    assert problems == []


def test_every_finding_is_checked_in_both_languages():
    """A row that checks nothing, or one language only, would hold nothing."""
    for finding in FINDINGS:
        ko = finding.banned_ko or finding.required_ko or finding.sources or finding.sources_ko
        en = finding.banned_en or finding.required_en or finding.sources or finding.sources_en
        assert ko or en, finding.id
        if finding.sources or finding.sources_ko or finding.banned_ko:
            assert finding.sources or finding.sources_en or finding.banned_en or finding.required_en, finding.id


@pytest.mark.parametrize("phrase", AVOIDED_KO)
def test_korean_pages_use_kubernetes_io_ko_terms_outside_the_seed(phrase):
    seed = _seed_text()
    problems = []
    for path in sorted(DOCS.glob("*.md")):
        if path.name.count(".") == 1:
            problems += _offending_lines(path, phrase, seed)
    assert problems == []


@pytest.mark.parametrize("path", sorted(set(DATA_BANNED) | set(DATA_REQUIRED)))
def test_data_files_keep_the_corrections(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    listed = ("names:", "aliases:", "avoid:", "exclude:", "#")
    lines = [line for line in text.splitlines() if not line.lstrip().lstrip("- ").startswith(listed)]
    body = "\n".join(lines)
    assert [p for p in DATA_BANNED.get(path, ()) if p in body] == []
    assert [p for p in DATA_REQUIRED.get(path, ()) if p not in body] == []


def test_the_check_can_fail(tmp_path):
    """A reintroduced wording on a non-seed line is found; the seed's own line is not."""
    page = tmp_path / "x.md"
    page.write_text("쿠키는 `SameSite`만이 이를 막는다.\n| 구성 요소 | 역할 |\n", encoding="utf-8")
    seed = _seed_text()
    assert _offending_lines(page, "만이 이를 막는다", seed) != []
    assert _offending_lines(page, "구성 요소", seed) == []
