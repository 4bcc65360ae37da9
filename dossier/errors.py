"""Errors that stop a build before anything is written.

A broken article is only a warning (model.Problem); a broken file that the whole
build depends on (the curation file, the permalinks ledger) is an InputError: the
build stops, names the file and line, and leaves docs/ and the ledger as they were.
"""

from __future__ import annotations


class InputError(ValueError):
    """A project file the build cannot go on without is wrong; the message names file and line."""


def yaml_problem(error: BaseException) -> tuple[int | None, str]:
    """The 1-based line a YAML error points at (None when it names none) and what is wrong there."""
    mark = getattr(error, "problem_mark", None)
    return (mark.line + 1 if mark else None), str(getattr(error, "problem", None) or error)
