"""The search bundles (dossier/search.py): read from mkdocs.yml, each indexed by a Pagefind process
of its own into its folder of the site, and `dossier search-index`, on small hand-written sites."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from click.testing import CliRunner

from dossier import search
from dossier.cli import main

PAGE = '<html lang="en"><body><nav>menu</nav><div data-pagefind-body><h1>{title}</h1><p>{text}</p></div></body></html>'
SITE = {"index.html": ("Home", "the story so far"), "sources/a/index.html": ("Harbour wall", "the sea wall fails"),
        "sources/b/index.html": ("Ferry", "the ferry runs again"), "quotes/q/index.html": ("Mayor", "we will rebuild")}
BUNDLES = {"pagefind": "{index.html,topics/**/*.html}", "pagefind-sources": "sources/**/*.html",
           "pagefind-quotes": "quotes/**/*.html"}


def write_site(site, pages=SITE):
    for path, (title, text) in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(PAGE.format(title=title, text=text), encoding="utf-8")
    return site


def entry_pages(bundle) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def test_the_bundles_are_read_from_mkdocs_yml_with_the_main_one_first():
    listed = {"pagefind-sources": "sources/**/*.html", "pagefind": "index.html"}
    assert search.bundles({"extra": {"search_bundles": listed}}) == [
        search.Bundle("pagefind", "index.html"), search.Bundle("pagefind-sources", "sources/**/*.html")]


@pytest.mark.parametrize(("settings", "problem"), [
    ({}, "expected a mapping of folder -> glob"),
    ({"extra": {"search_bundles": ["pagefind"]}}, "expected a mapping of folder -> glob"),
    ({"extra": {"search_bundles": {"pagefind-sources": "sources/**/*.html"}}}, "with 'pagefind' among them"),
    ({"extra": {"search_bundles": {"pagefind": "*.html", "../docs": "x/*.html"}}}, "'../docs' is no plain folder"),
    ({"extra": {"search_bundles": {"pagefind": "*.html", "a/b": "x/*.html"}}}, "'a/b' is no plain folder"),
    ({"extra": {"search_bundles": {"pagefind": "*.html", "": "x/*.html"}}}, "'' is no plain folder"),
    ({"extra": {"search_bundles": {"pagefind": "*.html", "more": " "}}}, "more: expected a glob of pages"),
    ({"extra": {"search_bundles": {"pagefind": None}}}, "pagefind: expected a glob of pages"),
])
def test_a_misconfigured_bundle_list_is_refused_with_what_is_wrong(settings, problem):
    """A bundle's folder is emptied before it is indexed: it must be a plain folder of the site."""
    with pytest.raises(search.SearchIndexError, match="mkdocs.yml, extra.search_bundles") as raised:
        search.bundles(settings)
    assert problem in str(raised.value)


def test_each_bundle_holds_the_pages_its_glob_matches_and_nothing_of_an_earlier_index(tmp_path):
    site = write_site(tmp_path / "site")
    stale = site / "pagefind-sources" / "fragment" / "gone.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an earlier index")
    counts = {bundle.folder: search.index_bundle(site, bundle, tmp_path).pages
              for bundle in search.bundles({"extra": {"search_bundles": BUNDLES}})}
    assert counts == {"pagefind": 1, "pagefind-sources": 2, "pagefind-quotes": 1}
    assert {folder: entry_pages(site / folder) for folder in BUNDLES} == counts
    assert not stale.exists()
    assert (site / "pagefind" / "pagefind-component-ui.js").is_file()


def test_a_bundle_pagefind_cannot_index_is_an_error_naming_its_folder_and_pages(tmp_path):
    site = write_site(tmp_path / "site")
    with pytest.raises(search.SearchIndexError, match=r"site/pagefind-topics \(pages topics/\*\*/\*\.html\)"):
        search.index_bundle(site, search.Bundle("pagefind-topics", "topics/**/*.html"), tmp_path)


def project(folder):
    """A project folder as `dossier new` makes one, as far as search-index reads it."""
    write_site(folder / "site")
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "Test", "extra": {"search_bundles": BUNDLES}},
                                                       sort_keys=False),
                                       encoding="utf-8")
    return folder


def test_search_index_indexes_every_bundle_of_mkdocs_yml_one_after_another(tmp_path, monkeypatch):
    monkeypatch.chdir(project(tmp_path))
    result = CliRunner().invoke(main, ["search-index"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["pagefind/: 1 pages ({index.html,topics/**/*.html})",
                                          "pagefind-sources/: 2 pages (sources/**/*.html)",
                                          "pagefind-quotes/: 1 pages (quotes/**/*.html)"]
    assert [entry_pages(tmp_path / "site" / folder) for folder in BUNDLES] == [1, 2, 1]


def test_search_index_reads_pagefind_yml_beside_mkdocs_yml(tmp_path, monkeypatch):
    """Pagefind's own settings apply to every bundle: a broken one stops the indexing, saying so."""
    monkeypatch.chdir(project(tmp_path))
    (tmp_path / "pagefind.yml").write_text('exclude_selectors: "nav"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["search-index"])
    assert result.exit_code == 1
    assert "Pagefind could not index" in result.output and "expected a sequence" in result.output


def test_search_index_without_bundles_says_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(project(tmp_path))
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["search-index"])
    assert result.exit_code == 1 and "extra.search_bundles: expected a mapping" in result.output, result.output


def test_search_index_before_the_site_is_built_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(project(tmp_path))
    shutil.rmtree(tmp_path / "site")
    result = CliRunner().invoke(main, ["search-index"])
    assert result.exit_code == 1 and "no built site to index" in result.output, result.output
