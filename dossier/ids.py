"""Stage 4: ids that never break. (Skeleton: the permalinks work replaces this.)"""

from __future__ import annotations

import hashlib
import base64
from pathlib import Path

from dossier.model import Dossier
from dossier.text import normalise

Ledger = dict


def content_id(text: str) -> str:
    """A short id from normalised words: two machines building the same seeds agree with no shared state."""
    digest = hashlib.blake2b(normalise(text).lower().encode("utf-8"), digest_size=5).digest()
    return base64.b32encode(digest).decode("ascii").lower()


def load_ledger(path: Path) -> Ledger:
    return {}


def reconcile(dossier: Dossier, ledger: Ledger) -> tuple[Dossier, Ledger]:
    return dossier, ledger


def save_ledger(ledger: Ledger, path: Path) -> bool:
    return False
