"""A module of ours run as a child process, for work that goes on beside the
build on another core: Kiwi's model (which holds the interpreter lock while
it loads) and the link-preview images.

The child is `python -m MODULE`, spoken to in JSON, one message per line each
way. Not `multiprocessing`: its spawned children import the parent's main
module again, and a script that builds the site in-process without an
`if __name__ == "__main__":` guard would then run twice; a forked child copies
the locks of the parent's threads (`mkdocs serve` runs a server thread) in
whatever state they are.

A child runs at a lower priority than the build (`nice`): it has time to
spare, while the build's own thread is what a build waits for, and on two
cores the build, Kiwi's model and the drawing would otherwise take turns.

Messages are JSON in ASCII (other characters escaped), so neither side
depends on the locale's encoding of its pipes. Messages to the child go
through a queue and a thread of their own, so that sending never waits for
the child to read. The child ends when its input
closes, so it never outlives the build or server that started it.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from typing import Iterator, TextIO


class WorkerGone(RuntimeError):
    """The child ended, or could not be written to."""


class WorkerProcess:
    """The parent's side of one child: `python -m module`, started at once,
    `nice` steps below the build's priority."""

    def __init__(self, module: str, *, nice: int = 0) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", module], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        if nice:
            try:
                os.setpriority(os.PRIO_PROCESS, self._process.pid, os.getpriority(os.PRIO_PROCESS, 0) + nice)
            except (AttributeError, OSError):  # not POSIX, or the child has already ended
                pass
        self._outbox: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._broken: OSError | None = None
        self._writer = threading.Thread(target=self._write, name=f"to-{module}", daemon=True)
        self._writer.start()

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        """The child's exit code once it has ended, else None."""
        return self._process.poll()

    def send(self, message: dict) -> None:
        """Queue `message` for the child; returns at once."""
        if self._broken is not None:
            raise WorkerGone(f"the child process cannot be written to: {self._broken}")
        self._outbox.put(json.dumps(message) + "\n")

    def receive(self) -> dict:
        """The child's next message; waits for it."""
        line = self._process.stdout.readline()
        if not line:
            code = self._process.wait()
            raise WorkerGone(f"the child process ended without an answer (exit code {code})")
        return json.loads(line)

    def close(self, *, wait: bool = True) -> None:
        """Close the child's input (it ends once it has read what was sent);
        with `wait`, wait for it to end. Without, it ends on its own (a model
        takes a tenth of a second to unload) while the build finishes."""
        self._outbox.put(None)
        self._writer.join()
        self._process.stdout.close()
        if not wait:
            # Reaped by a thread of its own once it has ended.
            threading.Thread(target=self._process.wait, name="reap-worker", daemon=True).start()
            return
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def kill(self) -> None:
        """End the child now, dropping what it was not done with."""
        self._process.kill()
        self.close()

    def _write(self) -> None:
        stdin = self._process.stdin
        while (line := self._outbox.get()) is not None:
            if self._broken is None:
                try:
                    stdin.write(line)
                    stdin.flush()
                except OSError as error:
                    self._broken = error
        try:
            stdin.close()
        except OSError:
            pass


def messages(stream: TextIO = sys.stdin) -> Iterator[dict]:
    """The child's side: each message the parent sends, until its input closes."""
    for line in stream:
        yield json.loads(line)


def answer(message: dict, stream: TextIO = sys.stdout) -> None:
    """The child's side: one message to the parent."""
    stream.write(json.dumps(message) + "\n")
    stream.flush()
