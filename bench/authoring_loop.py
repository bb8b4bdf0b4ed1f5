"""Benchmark: the authoring loop. Under `mkdocs serve`, run as scripts/serve
runs it, how long after an edit is saved the browser shows it.

Copies the project (docs/, data/, seed/, overrides/, mkdocs.yml) to a
temporary folder, so that no real file is edited, and serves the copy with
`mkdocs serve --no-strict --livereload` on a free loopback port. Chromium
(Playwright, the tests' flags) keeps a page open; MkDocs' live-reload script
reloads it after each rebuild. Each round writes a new marker into a file and
times from the write to the marker being in the open page:

- a topic page: a sentence added at the end of docs/kubernetes-cluster.md,
  awaited on /kubernetes-cluster/;
- the term list: a glossary definition in data/terms.yml changed, awaited on
  /glossary/.

Prints the median of 3 rounds of each against the 2.5 s goal.

    .venv/bin/python bench/authoring_loop.py            # 3 rounds of each
    .venv/bin/python bench/authoring_loop.py --quick    # 1 round of each

Figures only: nothing here asserts a timing. A change that never shows (a
broken reload, a build that fails) stops the script with an error.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from devconcepts_testkit import CHROMIUM_ARGS, CHROMIUM_PATH

ROOT = Path(__file__).resolve().parents[1]

PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
GOAL = 2.5
"""Seconds from saving a file to seeing the change (median of 3)."""
PROJECT = ("docs", "data", "seed", "overrides", "mkdocs.yml")
"""What `mkdocs serve` reads; src/ is the installed package."""
PATIENCE = 60.0
"""Seconds an edit may take to show before the script gives up."""
TOPIC = ("docs/kubernetes-cluster.md", "kubernetes-cluster/")


def copy_project(target: Path) -> Path:
    """The project's sources in `target`, as a git repository with one
    commit: the print book dates its sources from git, as in the checkout."""
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run([*git, *args], cwd=target, check=True, capture_output=True)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(project: Path, port: int, log: Path) -> subprocess.Popen:
    """`mkdocs serve` as scripts/serve starts it. --livereload is MkDocs 1.6's
    default; said here so that a version with another default still reloads."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout
    if epoch.strip():
        env["SOURCE_DATE_EPOCH"] = epoch.strip()
    return subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--no-strict", "--livereload",
                             "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"))


def wait_for_server(url: str, proc: subprocess.Popen, log: Path, patience: float = 300.0) -> float:
    """Seconds until the first build is served."""
    start = time.perf_counter()
    while time.perf_counter() - start < patience:
        if proc.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped ({proc.returncode}):\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"mkdocs serve did not answer at {url} within {patience:.0f} s")


def time_edit(page, path: Path, edit, marker: str) -> float:
    """Seconds from writing `edit(text, marker)` into `path` to `marker`
    being in the open page (which live-reload navigates anew)."""
    text = path.read_text(encoding="utf-8")
    changed = edit(text, marker)
    if marker not in changed:
        raise SystemExit(f"{path}: the edit found nothing to change")
    start = time.perf_counter()
    path.write_text(changed, encoding="utf-8")
    while (elapsed := time.perf_counter() - start) < PATIENCE:
        try:
            if page.evaluate("m => !!document.body && document.body.textContent.includes(m)", marker):
                return elapsed
        except Exception:  # the page is navigating (live reload); ask again
            pass
        time.sleep(0.02)
    raise SystemExit(f"{path}: the edit did not show on {page.url} within {PATIENCE:.0f} s")


def add_sentence(text: str, marker: str) -> str:
    """A topic page with one more paragraph at its end."""
    return text.rstrip("\n") + f"\n\n고친 문장 {marker}.\n"


def change_definition(text: str, marker: str) -> str:
    """The term list with its first Korean definition changed (shown on the glossary page)."""
    return re.sub(r"^(\s+definitions:\n\s+ko: )(.*)$", rf"\g<1>\g<2> {marker}", text, count=1, flags=re.M)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one round of each edit")
    parser.add_argument("--rounds", type=int, help="edits of each kind (default 3; --quick: 1)")
    args = parser.parse_args()
    rounds = args.rounds or (1 if args.quick else 3)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-authoring-") as tmp:
        project = copy_project(Path(tmp) / "project")
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        # Its log goes to a file: a pipe nobody reads would fill and stop it.
        log = Path(tmp) / "serve.log"
        proc = serve(project, port, log)
        try:
            first = wait_for_server(base + TOPIC[1], proc, log)
            print(f"mkdocs serve: first build served after {first:.1f} s", flush=True)
            cases = [("topic page", project / TOPIC[0], TOPIC[1], add_sentence),
                     ("data/terms.yml", project / "data" / "terms.yml", "glossary/", change_definition)]
            results = {}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
                try:
                    for name, path, url, edit in cases:
                        page = browser.new_page()
                        page.goto(base + url, wait_until="load")
                        times = []
                        for n in range(rounds):
                            times.append(time_edit(page, path, edit, f"benchmark{n}x{os.getpid()}"))
                            # Let the server settle (a reload's own requests)
                            # before the next edit.
                            time.sleep(1.0)
                        results[name] = times
                        print(f"{name}: {', '.join(f'{t:.2f}' for t in times)} s", flush=True)
                        page.close()
                finally:
                    browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    print()
    for name, times in results.items():
        median = statistics.median(times)
        print(f"an edit of {name} shows after {median:.2f} s (median of {len(times)}); "
              f"goal {GOAL} s: {'met' if median <= GOAL else 'NOT met'}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.quick:
        print("(--quick: one round each; these figures do not measure the loop)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
