"""Pages the last build rendered, reused when nothing they show has changed.

A page's text is decided by its view (dossier.render.views), its frontmatter and its template, and
by the code that renders them. Each build keeps in a memo (dossier.memo), `pages.json` in the cache
folder, the digest of every page's text by the key of what decided it (`key`). The next build
computes the keys again: where a key is known and the page's file in docs/ still has that digest,
the file's text is the page and Jinja does not run. docs/ itself is the store, so the memo holds a
digest a page, and a page edited or lost in docs/ is rendered again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from dossier import memo
from dossier.render.templates import PACKAGE_TEMPLATES


def fingerprint(templates: Path | None) -> str:
    """What decides every page's text besides its view: the render code and libraries, and the
    templates (a project's overrides and the shipped ones)."""
    digest = hashlib.sha256(memo.fingerprint("dossier.render.pages", ["Jinja2", "MarkupSafe", "PyYAML"]).encode())
    for folder in [f for f in (templates, PACKAGE_TEMPLATES) if f is not None and f.is_dir()]:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
        digest.update(b"\1")
    return digest.hexdigest()


def key(template: str, depth: int, meta: dict | None, view: dict) -> str:
    """The key of one page: its template, how deep it sits, its frontmatter and its view."""
    return memo.call_key(template, str(depth), json.dumps([meta, view], ensure_ascii=False))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Reuse:
    """Renders a page, or takes it from docs/ when its key and the file say it is the same.
    Without a memo or a docs folder every page is rendered."""

    def __init__(self, digests: memo.Memo[str] | None = None, docs: Path | None = None) -> None:
        self.digests = digests
        self.docs = docs
        self.rendered: list[str] = []  # the pages Jinja rendered in this build
        self.reused: list[str] = []  # the pages taken from docs/, as they are there

    def page(self, path: str, page_key: str, render: Callable[[], str]) -> str:
        if self.digests is None:
            self.rendered.append(path)
            return render()
        known = self.digests.peek(page_key)
        if known is not None and self.docs is not None:
            try:
                data = (self.docs / path).read_bytes()
            except OSError:
                data = None
            if data is not None and _digest(data) == known:
                self.digests.get(page_key, lambda: known)
                self.reused.append(path)
                return data.decode("utf-8")
        text = render()
        self.rendered.append(path)
        self.digests.get(page_key, lambda: _digest(text.encode("utf-8")))
        return text
