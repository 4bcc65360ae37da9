"""Errors that stop a build before anything is written.

A broken article is only a warning (model.Problem); a broken file that the whole
build depends on (the curation file, the permalinks ledger) is an InputError: the
build stops, names the file and line, and leaves docs/ and the ledger as they were.
"""


class InputError(ValueError):
    """A project file the build cannot go on without is wrong; the message names file and line."""
