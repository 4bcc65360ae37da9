"""Hand-built Dossier objects for the render and site tests (the extraction stages are not needed),
and the helpers that build a whole site from one.

`realistic()` is a small but complete story: three sources (one undated, one with a URL), people,
a country and an alliance, a quote carried by two outlets in two wordings, a pronoun-attributed
quote, an unattributed one, topics, positions and a withdrawn quote (tombstone). `hostile()` puts
markup, template syntax and YAML specials everywhere text goes.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

from dossier import export, publish, render, search
from dossier.model import (Actor, Article, Doubt, Dossier, Mention, Occurrence, Paragraph, Position, Quote, Tombstone,
                           Topic)
from tests.conftest import ROOT, SEEDS

WITHDRAWN_QUOTE_ID = "gone7777"


def _article(id_: str, title: str, paragraphs: list[str], **meta) -> Article:
    return Article(id=id_, file=f"{id_}.txt", title=title,
                   paragraphs=tuple(Paragraph(i, text) for i, text in enumerate(paragraphs, start=1)), **meta)


def realistic() -> Dossier:
    wire = _article("wire-story", "Minister rejects alliance peacekeepers for Ruritania", [
        "Valdor has rejected the possible deployment of alliance peacekeepers in Ruritania, a deputy minister said.",
        "Deputy Foreign Minister Anna Petrova said in an interview on Sunday that talks were premature.",
        "\u201cThe alliance and peacekeeping are entirely incompatible. Its history is one of military "
        "operations,\u201d she said.",
        "\u201cSuch a mission could ensure compliance with specific provisions,\u201d Petrova added.",
        "Officials in the Northern Alliance declined to comment.",
    ], date="2025-03-17", updated="2025-03-18", byline="Jane Doe", credited=("Global Wire",), dateline="Valdoria",
        outlet="The Daily Ledger", url="https://news.example.com/world/petrova-peacekeepers?ref=rss&x=1")
    daily = _article("daily-report", "Valdor seeks security guarantees", [
        "VALDORIA - Valdor will demand security guarantees, Deputy Foreign Minister Anna Petrova said.",
        "\"The alliance and peacekeeping are entirely incompatible; its history is one of military "
        "operations,\" Petrova stated.",
        "The Northern Alliance said it remained open to talks with Valdor.",
    ], date="2025-03-16", outlet="Morning Post")
    undated = _article("opinion", "Why guarantees matter", [
        "Analysts say guarantees will decide whether any peace deal holds.",
        "\u201cIt is just hot air,\u201d one official was quoted as saying.",
    ])
    petrova = Actor(id="anna-petrova", name="Anna Petrova", kind="person",
                    aliases=["Anna Petrova", "Deputy Foreign Minister Anna Petrova", "Petrova", "she"],
                    roles=[("Deputy Foreign Minister", "wire-story"), ("Deputy Foreign Minister", "daily-report")],
                    affiliation="valdor",
                    mentions=[Mention("wire-story", 2), Mention("wire-story", 3), Mention("wire-story", 4),
                              Mention("daily-report", 1), Mention("daily-report", 2)])
    valdor = Actor(id="valdor", name="Valdor", kind="country", aliases=["Valdor", "Valdoria"],
                   description="A country in the story.", links=["https://example.org/valdor", "javascript:alert(1)"],
                   mentions=[Mention("wire-story", 1), Mention("daily-report", 1), Mention("daily-report", 3)])
    alliance = Actor(id="northern-alliance", name="Northern Alliance", kind="organization",
                     aliases=["Northern Alliance", "the alliance"],
                     mentions=[Mention("wire-story", 1), Mention("wire-story", 3), Mention("wire-story", 5),
                               Mention("daily-report", 2), Mention("daily-report", 3)])
    incompatible = Quote(
        id="q7incomp", text="The alliance and peacekeeping are entirely incompatible. Its history is one of "
                            "military operations",
        speaker="anna-petrova", speaker_name="Anna Petrova",
        occurrences=[
            Occurrence("wire-story", 3, "The alliance and peacekeeping are entirely incompatible. Its history is "
                                        "one of military operations",
                       "\u201cThe alliance and peacekeeping are entirely incompatible. Its history is one of military "
                       "operations,\u201d she said.", "pronoun", "said", index=1),
            Occurrence("daily-report", 2, "The alliance and peacekeeping are entirely incompatible; its history is "
                                          "one of military operations",
                       "\"The alliance and peacekeeping are entirely incompatible; its history is one of military "
                       "operations,\" Petrova stated.", "explicit", "stated", index=1),
        ],
        actors=["northern-alliance"], topics=["alliance-peacekeepers"])
    mission = Quote(
        id="q7missio", text="Such a mission could ensure compliance with specific provisions",
        speaker="anna-petrova", speaker_name="Anna Petrova",
        occurrences=[Occurrence("wire-story", 4, "Such a mission could ensure compliance with specific provisions",
                                "\u201cSuch a mission could ensure compliance with specific provisions,\u201d "
                                "Petrova added.", "explicit", "added", index=2)],
        topics=["security-guarantees"])
    hot_air = Quote(
        id="q7hotair", text="It is just hot air", speaker=None, speaker_name=None,
        occurrences=[Occurrence("opinion", 2, "It is just hot air", "\u201cIt is just hot air,\u201d one official "
                                "was quoted as saying.", "unattributed", None, index=1)])
    peacekeepers = Topic(id="alliance-peacekeepers", title="Alliance peacekeepers in Ruritania",
                         keywords=["peacekeepers", "deployment"])
    guarantees = Topic(id="security-guarantees", title="Security guarantees", keywords=["guarantees"])
    positions = [
        Position(id="valdor--alliance-peacekeepers", actor="valdor", topic="alliance-peacekeepers", stance="oppose",
                 evidence=[Mention("wire-story", 1)],
                 sentences=["Valdor has rejected the possible deployment of alliance peacekeepers in Ruritania."]),
        Position(id="anna-petrova--alliance-peacekeepers", actor="anna-petrova", topic="alliance-peacekeepers",
                 stance="oppose", evidence=[Mention("wire-story", 3), Mention("daily-report", 2)],
                 sentences=["The alliance and peacekeeping are entirely incompatible.",
                            "The alliance and peacekeeping are entirely incompatible."]),
        Position(id="valdor--security-guarantees", actor="valdor", topic="security-guarantees", stance="support",
                 evidence=[Mention("daily-report", 1)],
                 sentences=["Valdor will demand security guarantees."]),
        Position(id="northern-alliance--security-guarantees", actor="northern-alliance",
                 topic="security-guarantees", stance="open", evidence=[Mention("daily-report", 3)],
                 sentences=["The Northern Alliance said it remained open to talks with Valdor."]),
    ]
    withdrawn = Tombstone(kind="quote", id=WITHDRAWN_QUOTE_ID, title="Anna Petrova: \u201cWe never said that\u201d",
                          text="We never said that", sources=["removed-story", "wire-story"])
    return Dossier(sources=[wire, daily, undated], actors=[petrova, valdor, alliance],
                   quotes=[incompatible, mission, hot_air], topics=[peacekeepers, guarantees], positions=positions,
                   tombstones=[withdrawn])


def synthetic(n: int) -> Dossier:
    """A long-running story of `n` articles, twenty a day: a few recurring actors quoted and
    mentioned in every one, each article's own quote plus a reprint of the previous one, three
    topics on which the actors keep stating their positions, and a tenth of the articles undated.
    What grows with `n` is what a real dossier grows: sources, quotes, printings, evidence."""
    people = [Actor(id=f"person-{i}", name=f"Person {i}", kind="person", aliases=[f"Person {i}"],
                    roles=[("Minister", "story-0")]) for i in range(4)]
    country = Actor(id="country", name="Country", kind="country", aliases=["Country"])
    topics = [Topic(id=f"topic-{i}", title=f"Topic {i}", keywords=[f"topic {i}"]) for i in range(3)]
    positions = {(a.id, t.id): Position(id=f"{a.id}--{t.id}", actor=a.id, topic=t.id, stance="support")
                 for a in people for t in topics}
    sources, quotes = [], []
    for i in range(n):
        source_id, speaker = f"story-{i}", people[i % len(people)]
        said = f"Statement {i} on the talks was made today and it matters"
        earlier = f"Statement {i - 1} on the talks was made today and it matters"
        day = None if i % 10 == 9 else (date(2024, 1, 1) + timedelta(days=i // 20)).isoformat()
        sources.append(_article(source_id, f"Article {i}", [
            f"{speaker.name} spoke for Country about topic {i % 3}.",
            f"\u201c{said},\u201d {speaker.name} said.",
            f"Earlier: \u201c{earlier}.\u201d"], date=day, outlet=f"Outlet {i % 20}"))
        occurrences = [Occurrence(source_id, 2, said, said, "explicit", "said", 1)]
        if i + 1 < n:
            occurrences.append(Occurrence(f"story-{i + 1}", 3, said, said, "carried", None, 2))
        quotes.append(Quote(id=f"q{i:07d}", text=said, speaker=speaker.id, speaker_name=speaker.name,
                            occurrences=occurrences, actors=["country"], topics=[topics[i % 3].id]))
        speaker.mentions += [Mention(source_id, 1), Mention(source_id, 2)]
        speaker.roles.append(("Minister", source_id))  # each article gives the role again
        country.mentions.append(Mention(source_id, 1))
        position = positions[(speaker.id, topics[i % 3].id)]
        position.evidence.append(Mention(source_id, 1))
        position.sentences.append(f"{speaker.name} spoke for Country about topic {i % 3}.")
    return Dossier(sources=sources, actors=[*people, country], quotes=quotes, topics=topics,
                   positions=list(positions.values()), doubts=_doubts(n, people))


def _doubts(n: int, people: list[Actor]) -> list[Doubt]:
    """What awaits an editor grows with the articles too: a speaker guessed in every fourth, a stance in
    every fifth, a merge in every fiftieth."""
    doubts = []
    for i in range(n):
        person = people[i % len(people)]
        if i % 4 == 0:
            doubts.append(Doubt("speaker", f"q{i:07d}", f"Statement {i} on the talks was made today and it matters",
                                person.name, person.id, (Mention(f"story-{i}", 2),), ("pronoun",)))
        if i % 5 == 0:
            doubts.append(Doubt("stance", f"{person.id}--topic-{i % 3}", f"{person.name} spoke about topic {i % 3}.",
                                person.name, person.id, (Mention(f"story-{i}", 1),), ("holder carried",),
                                stance="oppose", topic=f"topic-{i % 3}", topic_title=f"Topic {i % 3}"))
        if i % 50 == 0:
            doubts.append(Doubt("merge", person.id, f"P. {i}", person.name, person.id, (), ("surname",)))
    return doubts


PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "[click](javascript:alert(1))",
    "{: onmouseover=\"alert(1)\" }",
    "{{ 7*7 }}",
    "{% raw %}",
    "<a href=\"javascript:alert(1)\">x</a>",
    "![img](x \"onerror=alert(1)\")",
    "---\ntitle: injected\n---",
    "!!python/object/apply:os.system ['true']",
    "key: value # comment & *alias !tag",
    "1. list",
    "# heading",
    "    indented code",
    "| a | b |",
    "<!-- comment -->",
    "\x02wzxhzdk:0\x03",
)
HOSTILE = " ".join(PAYLOADS)


def hostile() -> Dossier:
    """Every text field carries every payload; the structure is still valid."""
    bad = "hostile"
    source = _article(bad, f"Title {HOSTILE}", [f"First {HOSTILE}", f"Said \u201c{HOSTILE}\u201d, he said.", HOSTILE],
                      date="2025-01-02", byline=HOSTILE, outlet=HOSTILE, credited=(HOSTILE,), dateline=HOSTILE,
                      url="javascript:alert(1)")
    actor = Actor(id="evil-actor", name=f"Name {HOSTILE}", kind=HOSTILE, aliases=[HOSTILE, "x"],
                  roles=[(HOSTILE, bad)], description=HOSTILE, links=["javascript:alert(1)"],
                  mentions=[Mention(bad, 1), Mention(bad, 2)])
    quote = Quote(id="evilquot", text=HOSTILE, speaker="evil-actor", speaker_name=f"Name {HOSTILE}",
                  occurrences=[Occurrence(bad, 2, HOSTILE, f"Said \u201c{HOSTILE}\u201d", "explicit", HOSTILE, 1),
                               Occurrence(bad, 3, HOSTILE + " variant", HOSTILE, HOSTILE, HOSTILE, 2)],
                  actors=["evil-actor"], topics=["evil-topic"])
    topic = Topic(id="evil-topic", title=f"Topic {HOSTILE}", keywords=[HOSTILE])
    position = Position(id="evil-actor--evil-topic", actor="evil-actor", topic="evil-topic", stance=HOSTILE,
                        evidence=[Mention(bad, 1)], sentences=[HOSTILE])
    tombstone = Tombstone(kind="quote", id="evilgone", title=f"Gone {HOSTILE}", text=HOSTILE, sources=[bad, HOSTILE])
    return Dossier(sources=[source], actors=[actor], quotes=[quote], topics=[topic], positions=[position],
                   tombstones=[tombstone])


# --------------------------------------------------------------------------
# whole sites

QUIET_MKDOCS = {"NO_MKDOCS_2_WARNING": "1"}
# The second renderer, in its own venv made by `make zensical-setup` (`make test` makes it first).
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
RENDERERS = ("mkdocs", "zensical")


def site_config(folder: Path, config: Path = ROOT / "mkdocs.yml") -> Path:
    """The project's `config` (INHERIT), pointed at folder/docs and folder/site (relative to the
    config file: Zensical 0.0.73 panics on absolute docs_dir/site_dir), a theme's custom_dir at
    its real place, and the project's pagefind.yml beside it (Pagefind reads it from there)."""
    settings = {"INHERIT": str(config), "docs_dir": "docs", "site_dir": "site"}
    theme = render.load_mkdocs_yml(config).get("theme", {})
    if "custom_dir" in theme:
        settings["theme"] = {**theme, "custom_dir": str(ROOT / theme["custom_dir"])}
    shutil.copyfile(ROOT / "pagefind.yml", folder / "pagefind.yml")
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path


def hand_written_docs(folder: Path) -> Path:
    """folder/docs with the project's hand-written pages (home page, assets) and no generated ones."""
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(*publish.OWNED_SECTIONS))
    return docs


def mkdocs_build(folder: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of folder/docs into folder/site with `config`, then its search index,
    as CI runs them."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(site_config(folder, config))]
    built = subprocess.run(command, capture_output=True, text=True, cwd=folder,
                           env={**os.environ, **QUIET_MKDOCS, **env}, timeout=600)
    if built.returncode == 0:
        search_index(folder)
    return built


def write_generated(docs: Path, dossier: Dossier, site_url: str = "", site_name: str = "") -> None:
    """What `dossier build` writes into docs/ for `dossier`: its pages and its data files."""
    templates = ROOT / "dossier" / "templates"
    publish.write({**render.render(dossier, templates, site_url, site_name),
                   **export.files(dossier, templates, site_url)}, docs)


def zensical_build(folder: Path, **env: str) -> subprocess.CompletedProcess:
    """`zensical build --strict` of folder/docs into folder/site, from its own venv, then Pagefind's
    index of it, as `make zensical` does (skips, saying why, only when that venv is missing:
    `make test` creates it)."""
    import pytest

    if not ZENSICAL.is_file():
        pytest.skip(f"Zensical is not installed at {ZENSICAL.relative_to(ROOT)}: run `make zensical-setup`")
    built = subprocess.run([str(ZENSICAL), "build", "--strict", "--clean", "-f", str(site_config(folder))],
                           capture_output=True, text=True, cwd=folder, env={**os.environ, **env}, timeout=600)
    if built.returncode == 0:
        search_index(folder)
    return built


def renderer_build(renderer: str, folder: Path, **env: str) -> subprocess.CompletedProcess:
    """Build folder/docs into folder/site with `renderer` ("mkdocs" or "zensical")."""
    return {"mkdocs": mkdocs_build, "zensical": zensical_build}[renderer](folder, **env)


def bundle_pages(site: Path) -> dict[str, dict[str, dict]]:
    """Each search bundle's pages (mkdocs.yml, extra.search_bundles), {folder: {URL: what Pagefind
    keeps of the page (content, meta, filters, anchors)}}, read from the bundles' fragments (gzip:
    a signature, then JSON)."""
    bundles = {}
    for bundle in search.bundles(render.load_mkdocs_yml(ROOT / "mkdocs.yml")):
        pages = bundles[bundle.folder] = {}
        for path in sorted((site / bundle.folder / "fragment").glob("*.pf_fragment")):
            fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
            pages[fragment["url"]] = fragment
    return bundles


def pagefind_pages(site: Path) -> dict[str, dict]:
    """Every page in the site's search bundles, {URL: what Pagefind keeps of it}."""
    return {url: page for pages in bundle_pages(site).values() for url, page in pages.items()}


def search_index(folder: Path) -> subprocess.CompletedProcess:
    """`dossier search-index` of folder/site, with folder/mkdocs.yml and pagefind.yml (from
    `site_config`): what `make site` and `make zensical` run after the build."""
    done = subprocess.run([sys.executable, "-m", "dossier", "search-index", "--quiet"], cwd=folder,
                          capture_output=True, text=True, env={**os.environ, **QUIET_MKDOCS}, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def build_site(folder: Path, dossier: Dossier, renderer: str = "mkdocs", **env: str) -> subprocess.CompletedProcess:
    """Render `dossier` into folder/docs beside the hand-written pages, then build folder/site."""
    docs = hand_written_docs(folder)
    write_generated(docs, dossier, *render.site_settings(ROOT / "mkdocs.yml"))
    return renderer_build(renderer, folder, **env)


def built_site(tmp_path_factory, name: str, dossier: Dossier, renderer: str = "mkdocs", **env: str) -> Path:
    """The site/ folder of a strict build of `dossier` in a fresh temporary folder (module fixtures)."""
    folder = tmp_path_factory.mktemp(f"{name}-{renderer}")
    result = build_site(folder, dossier, renderer, **env)
    assert result.returncode == 0, result.stderr
    return folder / "site"


def dossier_build(folder: Path, seeds: Path = SEEDS) -> subprocess.CompletedProcess:
    """`dossier build` of `seeds` into folder/docs, with a ledger of its own in folder."""
    return subprocess.run([sys.executable, "-m", "dossier", "build", "--seeds", str(seeds), "--docs",
                           str(folder / "docs"), "--ledger", str(folder / "permalinks.yaml")],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)


def seeds_folder(tmp_path_factory) -> Path:
    """A fresh folder with the project's seeds built through the real pipeline into docs/ and site/."""
    folder = tmp_path_factory.mktemp("seeds")
    hand_written_docs(folder)
    built = dossier_build(folder)
    assert built.returncode == 0, built.stderr
    site = mkdocs_build(folder)
    assert site.returncode == 0, site.stderr
    return folder
