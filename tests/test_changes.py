"""What changed and its RSS feed: stance changes told from the ledger's stance history.

Builds here are `ids.reconcile` then `render.render` of hand-made dossiers (render_fixtures), so a
stance can be changed exactly, without the language model.
"""

from __future__ import annotations

import re
from dataclasses import replace
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest
import yaml

from dossier import ids, render
from dossier.model import Mention, StanceSetting
from tests.conftest import TEMPLATES
from tests.render_fixtures import realistic

SITE = "https://example.org/dossier/"
TURNED = "valdor--security-guarantees"


def with_stance(stance: str, *evidence: Mention):
    dossier = realistic()
    positions = [replace(p, stance=stance, evidence=list(evidence)) if p.id == TURNED else p
                 for p in dossier.positions]
    return replace(dossier, positions=positions)


BEFORE = with_stance("oppose", Mention("daily-report", 1))  # 16 March
AFTER = with_stance("support", Mention("daily-report", 1), Mention("wire-story", 1))  # wire-story: 17 March


def built(dossier, ledger: ids.Ledger) -> tuple[dict[str, str], ids.Ledger]:
    reconciled, new_ledger = ids.reconcile(dossier, ledger)
    return render.render(reconciled, TEMPLATES, site_url=SITE, site_name="Test"), new_ledger


def sections(page: str) -> dict[str, str]:
    """The changes page's body by article heading ('## 17 March 2025: Title' -> its text)."""
    parts = re.split(r"^## (.+)$", page, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def feed_items(pages: dict[str, str]) -> dict[str, str]:
    channel = ElementTree.fromstring(pages[render.FEED]).find("channel")
    return {item.findtext("guid"): item.findtext("description") for item in channel.iter("item")}


def test_a_changed_stance_is_dated_by_the_article_that_changed_it_on_the_page_and_in_the_feed():
    _, first = built(BEFORE, ids.Ledger())
    assert first.positions[TURNED].stances == (StanceSetting("oppose", "daily-report", "2025-03-16"),)
    pages, second = built(AFTER, first)
    assert second.positions[TURNED].stances == (StanceSetting("oppose", "daily-report", "2025-03-16"),
                                                StanceSetting("support", "wire-story", "2025-03-17"))
    by_article = sections(pages["story/changes.md"])
    turned = ("- Stance changed: [Valdor](../actors/valdor.md) on [Security guarantees](../positions/"
              f"{TURNED}.md): <span class=\"dossier-stance dossier-stance--oppose\">opposes</span> → "
              "<span class=\"dossier-stance dossier-stance--support\">supports</span>")
    wire = by_article["17 March 2025: Minister rejects alliance peacekeepers for Ruritania"]
    assert turned in wire and "and changed 1 stance." in wire
    assert all("Stance changed" not in text for heading, text in by_article.items() if not heading.startswith("17"))
    items = feed_items(pages)
    assert items["wire-story"].endswith("; Valdor’s stance on Security guarantees: opposes → supports")
    assert "stance" not in items["daily-report"] + items["opinion"]


def test_the_history_is_kept_so_rebuilding_changes_nothing_and_the_ledger_reads_back_whole(tmp_path):
    _, first = built(BEFORE, ids.Ledger())
    pages, second = built(AFTER, first)
    again, third = built(AFTER, second)
    assert (again, third) == (pages, second)  # the change stays told: the ledger says it, not this build
    path = tmp_path / "permalinks.yaml"
    path.write_text(ids.dump_ledger(second), encoding="utf-8")
    assert ids.load_ledger(path) == second
    _, back = built(BEFORE, second)  # turned back: a third setting, dated by the article still stating it
    assert back.positions[TURNED].stances[2:] == (StanceSetting("oppose", "daily-report", "2025-03-16"),)


def test_a_version_2_ledger_gains_stance_histories_and_loses_nothing(tmp_path):
    _, current = built(AFTER, ids.Ledger())
    data = yaml.safe_load(ids.dump_ledger(current))
    for entry in data["positions"].values():
        del entry["stances"]
    data["version"] = 2
    path = tmp_path / "permalinks.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    old = ids.load_ledger(path)
    assert all(not entry.stances for entry in old.positions.values())
    pages, migrated = built(AFTER, old)
    for name in ids.SECTIONS:
        assert {key: replace(entry, stances=()) for key, entry in migrated.section(name).items()} == \
            old.section(name)
    assert migrated.positions[TURNED].stances == (StanceSetting("support", "daily-report", "2025-03-16"),)
    assert "Stance changed" not in pages["story/changes.md"]  # a first stance is no change
    assert ids.dump_ledger(migrated).count("version: 3\n") == 1


def test_the_feed_is_valid_rss_2_with_every_link_absolute():
    pages = render.render(realistic(), TEMPLATES, site_url=SITE, site_name="Test")
    rss = ElementTree.fromstring(pages[render.FEED])
    assert (rss.tag, rss.get("version")) == ("rss", "2.0")
    channel = rss.find("channel")
    assert all(channel.findtext(name) for name in ("title", "link", "description"))  # RSS 2.0's required three
    assert channel.findtext("link") == f"{SITE}story/changes/"
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [f"{SITE}sources/{source}/"
                                                         for source in ("wire-story", "daily-report", "opinion")]
    for item in items:
        assert item.findtext("title") and item.findtext("description") and item.findtext("guid")
        if item.find("pubDate") is not None:
            assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
    assert f'<a href="{SITE}story/feed.xml" type="application/rss+xml">' in pages["story/changes.md"]


@pytest.mark.parametrize("site_url", ["", "/dossier/", "example.org/dossier/", "javascript:alert(1)"])
def test_without_an_absolute_site_url_there_is_no_feed_and_no_link_to_one(site_url):
    pages = render.render(realistic(), TEMPLATES, site_url=site_url, site_name="Test")
    assert render.FEED not in pages
    assert not [path for path, text in pages.items() if "feed.xml" in text]
