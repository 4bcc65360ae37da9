"""`dossier build` shows extraction moving: a bar on a terminal once the build has run a few seconds,
a line per tenth of the articles in a log, nothing with -q."""

from __future__ import annotations

import io
import os
import pty
import re
import shutil
import sys
import threading

import pytest
from click.testing import CliRunner

from dossier import progress
from dossier.cli import main
from tests.conftest import SEEDS


@pytest.mark.parametrize(("total", "lines"), [
    (1, ["extracted 1/1 articles (100%)"]),
    (3, ["extracted 1/3 articles (33%)", "extracted 2/3 articles (66%)", "extracted 3/3 articles (100%)"]),
    (1000, [f"extracted {n}/1000 articles ({n // 10}%)" for n in range(100, 1001, 100)]),
    (25, ["extracted 3/25 articles (12%)", "extracted 5/25 articles (20%)", "extracted 8/25 articles (32%)",
          "extracted 10/25 articles (40%)", "extracted 13/25 articles (52%)", "extracted 15/25 articles (60%)",
          "extracted 18/25 articles (72%)", "extracted 20/25 articles (80%)", "extracted 23/25 articles (92%)",
          "extracted 25/25 articles (100%)"]),
])
def test_a_log_gets_a_line_each_time_another_tenth_is_done(total, lines):
    log = io.StringIO()
    with progress.reporter(log) as report:
        for done in range(1, total + 1):
            report(done, total)
    assert log.getvalue().splitlines() == lines


def logged_lines(total: int, counts) -> list[str]:
    log = io.StringIO()
    with progress.reporter(log) as report:
        for done in counts:
            report(done, total)
    return log.getvalue().splitlines()


@pytest.mark.parametrize(("total", "counts"), [
    (5, [2, 5]),  # two workers finished together: no "1/5" report ever came
    (5, [5]),
    (3, [1, 3]),
    (25, [7, 8, 25]),
    (1000, [450, 451, 1000]),
])
def test_a_log_reads_alike_however_the_workers_report(total, counts):
    assert logged_lines(total, counts) == logged_lines(total, range(1, total + 1))


def build_args(tmp_path, *args):
    seeds = tmp_path / "seeds"
    if not seeds.exists():
        shutil.copytree(SEEDS, seeds)
    return ["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--curation",
            str(tmp_path / "curation.yaml"), "--ledger", str(tmp_path / "permalinks.yaml"), "--jobs", "2", *args]


def test_a_build_logs_plain_lines_when_stderr_is_not_a_terminal_and_nothing_with_quiet(tmp_path):
    logged = CliRunner().invoke(main, build_args(tmp_path), catch_exceptions=False)
    assert logged.exit_code == 0, logged.output
    assert [line for line in logged.stderr.splitlines() if line.startswith("extracted")] == [
        f"extracted {n}/5 articles ({n * 20}%)" for n in range(1, 6)]
    assert "\r" not in logged.stderr and "\x1b" not in logged.stderr
    quiet = CliRunner().invoke(main, build_args(tmp_path, "-q"), catch_exceptions=False)
    assert quiet.exit_code == 0
    assert quiet.output == ""


def on_a_terminal(monkeypatch, args) -> str:
    """Run the CLI with stderr on a pseudo-terminal; what the terminal received."""
    ours, theirs = pty.openpty()
    received = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(ours, 4096)
            except OSError:  # EIO: the terminal side was closed
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    with open(theirs, "w", encoding="utf-8", closefd=True) as terminal:
        monkeypatch.setattr(sys, "stderr", terminal)
        main(args, standalone_mode=False)
    reader.join()
    os.close(ours)
    return received.decode("utf-8")


def test_a_terminal_gets_a_bar_once_the_build_has_run_a_few_seconds(tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "BAR_AFTER", 0.0)
    printed = on_a_terminal(monkeypatch, build_args(tmp_path))
    bars = [re.sub(r"\x1b\[\?25[lh]", "", part).strip() for part in printed.split("\r") if "extracting" in part]
    assert bars, printed
    assert re.fullmatch(r"extracting articles  \[#+\]  5/5  100%.*", bars[-1].splitlines()[0]), bars
    assert "extracted" not in printed  # a terminal gets the bar, not the log lines
    assert "wrote" in printed


def test_a_quick_build_on_a_terminal_shows_no_bar(tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "BAR_AFTER", 3600.0)
    printed = on_a_terminal(monkeypatch, build_args(tmp_path))
    assert "wrote" in printed
    assert "extracting" not in printed and "extracted" not in printed
