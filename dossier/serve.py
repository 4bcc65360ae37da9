"""`dossier serve`: build, serve with MkDocs' live-reloading server, rebuild on every edit.

`dossier build` runs first; then `mkdocs serve` serves the site (rebuilding it and reloading the
browser whenever docs/ or mkdocs.yml change, as it always does), while a watcher here runs
`dossier build` again whenever seeds/, curation.yaml or templates/ change. The new pages land in
docs/, which MkDocs is watching, so an edited article reaches the browser with no other step.
A build that fails is reported and the previous pages stay served.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from dossier.build import BuildConfig, BuildResult, build

QUIET_PERIOD = 0.3  # seconds without further changes before a rebuild: an editor's save is several events

Report = Callable[[BuildResult | None, BaseException | None], None]
Waiting = Callable[[str], None]


class _Changes(FileSystemEventHandler):
    """Sets `event` when a file under one of `folders`, or one of `files`, changes."""

    def __init__(self, folders: list[Path], files: list[Path]) -> None:
        self.folders = [f.resolve() for f in folders]
        self.files = {f.resolve() for f in files}
        self.event = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if not raw:
                continue
            path = Path(raw if isinstance(raw, str) else raw.decode()).resolve()
            if path in self.files or any(path == f or f in path.parents for f in self.folders):
                self.event.set()


class Rebuilder:
    """Watches the inputs of `config` and runs `dossier build` after each burst of changes."""

    def __init__(self, config: BuildConfig, report: Report, waiting: Waiting | None = None) -> None:
        self.config, self.report, self.waiting = config, report, waiting
        folders = [config.seeds] + ([config.templates] if config.templates and config.templates.is_dir() else [])
        self.changes = _Changes(folders, [config.curation])
        self.observer = Observer()
        for folder in folders:
            self.observer.schedule(self.changes, str(folder), recursive=True)
        # curation.yaml may not exist yet: watch the folder it goes in, not recursively
        self.observer.schedule(self.changes, str(config.curation.resolve().parent), recursive=False)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="dossier-rebuild", daemon=True)

    def start(self) -> None:
        self.observer.start()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.changes.event.set()
        self.observer.stop()
        self.observer.join(timeout=5)
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.changes.event.wait()
            while self.changes.event.is_set() and not self._stop.is_set():  # wait for the burst to end
                self.changes.event.clear()
                time.sleep(QUIET_PERIOD)
            if not self._stop.is_set():
                rebuild(self.config, self.report, self.waiting)


def rebuild(config: BuildConfig, report: Report, waiting: Waiting | None = None) -> BuildResult | None:
    """One `dossier build`, its outcome handed to `report`; never raises (the server goes on). `waiting`
    hears when the build has to wait for another one holding the project's lock, as `dossier build` says."""
    try:
        result = build(config, waiting=waiting)
    except Exception as error:  # noqa: BLE001 - reported; the last good pages stay served
        report(None, error)
        return None
    report(result, None)
    return result


def serve(config: BuildConfig, report: Report, dev_addr: str | None = None, open_in_browser: bool = False,
          waiting: Waiting | None = None) -> None:
    """Build, then serve until interrupted (Ctrl+C), rebuilding as the inputs change."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    rebuild(config, report, waiting)
    rebuilder = Rebuilder(config, report, waiting)
    rebuilder.start()
    try:
        mkdocs_serve(config_file=str(config.mkdocs_yml), livereload=True, dev_addr=dev_addr,
                     open_in_browser=open_in_browser)
    finally:
        rebuilder.stop()
