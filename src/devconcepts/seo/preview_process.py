"""The link-preview images drawn in a process of their own, beside the build
(devconcepts.core.worker_process): each image takes about 16 ms, which a
cold build of a thousand pages per language would otherwise wait for 2,000
times.

The parent sends one message per image: its text, the fonts, the files to
write (the site's and the cache's) and the page's source as shown in errors.
It sends `{"end": true}` last, and the child answers once: how many it drew,
the seconds it spent, the characters the font lacks (at the page, line 1:
its title or description) and what else failed.

Run as `python -m devconcepts.seo.preview_process`, this module is the child.
"""

from __future__ import annotations

from pathlib import Path

from devconcepts.core.cache_files import write_bytes
from devconcepts.core.errors import located
from devconcepts.core.worker_process import WorkerGone, WorkerProcess, answer, messages

from .fonts import Fonts
from .preview import MissingGlyph, timed_render


DRAWING_NICE = 10
"""Steps below the build's priority."""


class DrawingFailed(RuntimeError):
    pass


class MissingGlyphs(DrawingFailed):
    """Pages whose title or description has a character the font lacks; the
    message is one `docs/x.md:1: …` line per page."""


class PreviewProcess:
    """The parent's side."""

    def __init__(self) -> None:
        # The images are wanted only once every page is built: below Kiwi's
        # process, which the search index waits for (core.worker_process).
        self._child = WorkerProcess(__name__, nice=DRAWING_NICE)

    def draw(self, title: str, topic: str, site_name: str, fonts: Fonts, target: Path, cached: Path | None,
             shown_path: str) -> None:
        """Have the image drawn into `target` (and `cached`); returns at once."""
        self._child.send({"title": title, "topic": topic, "site_name": site_name,
                          "fonts": [str(fonts.regular), str(fonts.bold)],
                          "target": str(target), "cached": str(cached) if cached else None, "page": shown_path})

    def finish(self) -> tuple[int, float]:
        """(images drawn, seconds spent) once every image is written."""
        try:
            self._child.send({"end": True})
            reply = self._child.receive()
        except WorkerGone as error:
            raise DrawingFailed(f"the link-preview process: {error}") from None
        finally:
            # Its answer comes once every image is written: the build need
            # not wait for the process to end as well (0.06 s of a cold build).
            self._child.close(wait=False)
        if reply["missing_glyphs"]:
            raise MissingGlyphs("\n".join(dict.fromkeys(reply["missing_glyphs"])))
        if reply["errors"]:
            raise DrawingFailed("; ".join(reply["errors"]))
        return reply["drawn"], reply["seconds"]

    def stop(self) -> None:
        self._child.kill()


def main() -> None:
    drawn, seconds, missing, errors = 0, 0.0, [], []
    for message in messages():
        if message.get("end"):
            answer({"drawn": drawn, "seconds": seconds, "missing_glyphs": missing, "errors": errors})
            continue
        try:
            fonts = Fonts(*map(Path, message["fonts"]))
            data, spent = timed_render(message["title"], message["topic"], message["site_name"], fonts)
            target = Path(message["target"])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if message["cached"]:
                write_bytes(Path(message["cached"]), data)
            drawn, seconds = drawn + 1, seconds + spent
        except MissingGlyph as error:
            missing.append(located(message["page"], 1, str(error)))
        except Exception as error:  # reported to the parent, which stops the build
            errors.append(f"{message.get('target')}: {error}")


if __name__ == "__main__":
    main()
