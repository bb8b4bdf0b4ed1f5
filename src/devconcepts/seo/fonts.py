"""The Nanum font the link-preview images are drawn with: the font of the
print sheets, from Debian's `fonts-nanum` (installed by scripts/setup).

Without it a build would draw Hangul as empty boxes, so a missing font stops
the build with what to install instead."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

FONT_FILES = {"regular": "NanumGothic.ttf", "bold": "NanumGothicBold.ttf"}
"""The faces drawn with, by their file names in fonts-nanum."""

SYSTEM_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
                    "/Library/Fonts", "~/Library/Fonts")
"""Where fontconfig (Linux) and macOS keep fonts; searched when no folder is configured."""


class FontMissing(Exception):
    pass


@dataclass(frozen=True)
class Fonts:
    regular: Path
    bold: Path

    def digest(self) -> str:
        """Names both files as they are now (path, size, time of change): a
        changed font draws other images. The files are megabytes, so their
        bytes are not read for it."""
        digest = hashlib.sha256()
        for path in (self.regular, self.bold):
            stat = path.stat()
            digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode("utf-8"))
        return digest.hexdigest()


def find_fonts(dirs: list[str] | tuple[str, ...] = ()) -> Fonts:
    """The Nanum faces from the first folder (searched with its subfolders)
    that has them; raises FontMissing with what to install."""
    folders = [Path(folder).expanduser() for folder in (dirs or SYSTEM_FONT_DIRS)]
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for face, name in FONT_FILES.items():
            if face not in found:
                found.update({face: path for path in sorted(folder.rglob(name))[:1]})
    missing = [name for face, name in FONT_FILES.items() if face not in found]
    if missing:
        raise FontMissing(
            f"the link-preview images need the Nanum font ({', '.join(missing)}), not found in "
            f"{', '.join(str(folder) for folder in folders)}: install it (Debian/Ubuntu: apt-get install "
            f"fonts-nanum, which scripts/setup does), or set devconcepts-seo's 'font_dirs'")
    return Fonts(found["regular"], found["bold"])
