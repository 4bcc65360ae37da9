"""Search on a built site as a reader meets it: Pagefind's search dialog in headless Chromium.

    python bench/bench_search.py SITE [--query "Kerman earthquake"] [--runs 5] [--reindex]

SITE is any site folder built by `make site` (or `mkdocs build` or Zensical, then `dossier
search-index`): its search bundles are the folders of SITE with a pagefind-entry.json (pagefind/,
and those merged into it in the browser). `--reindex` indexes it again first (`dossier
search-index` with the mkdocs.yml beside SITE) and times that. The site is served from 127.0.0.1
and each run is a fresh browser context (no cache) that opens a page, then, once it has loaded,
opens the search dialog from the header, types the query and waits for the first result with its
address (timed in the page, from the keystroke): what a reader who arrives and searches waits for. Opening the dialog starts loading Pagefind: the
query is typed at once (the load counted), and in a second set of runs once it has loaded.
Printed: the bundles' size on disk, the bytes fetched from them for the first result (script,
stylesheet, WebAssembly, each bundle's metadata, index chunks, fragments), and the time to the
first result, medians of --runs.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
BUNDLE_URL = re.compile(r"/pagefind[^/]*/")  # pagefind/ and the bundles merged into it (pagefind-sources/, ...)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Types the query into the open dialog and resolves with [milliseconds, URL] when the first result
# has its address (a result is a placeholder until its data has loaded). Timed in the page, so the
# figure holds no browser-automation round trips.
TYPE_AND_WAIT = """(query) => new Promise(resolve => {
  const results = document.querySelector("pagefind-results");
  const input = document.querySelector("pagefind-modal input[type=search]");
  const start = performance.now();
  const observer = new MutationObserver(() => {
    const href = results.querySelector('[data-pf-result-index="0"] a.pf-result-link')?.getAttribute("href");
    if (href) { observer.disconnect(); resolve([performance.now() - start, href]); }
  });
  observer.observe(results, {subtree: true, childList: true, attributes: true});
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
})"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1 (search does not run from file://)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def bundles(site: Path) -> list[Path]:
    """The site's search bundles: its folders that hold a Pagefind entry file."""
    return sorted(entry.parent for entry in site.glob("*/pagefind-entry.json"))


def folder_bytes(folders: list[Path]) -> tuple[int, int]:
    files = [path for folder in folders for path in folder.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


def reindex(site: Path) -> float:
    """Seconds `dossier search-index` takes to index the site again, bundle after bundle, with the
    mkdocs.yml and pagefind.yml of the project SITE is in."""
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "dossier"), "search-index", "--quiet", "--site", str(site),
                    "-f", str(site.parent / "mkdocs.yml")], check=True, cwd=site.parent)
    return time.perf_counter() - start


def first_result(browser, base: str, query: str, settle: bool = False) -> tuple[float, str, int]:
    """Seconds from typing the query into the search dialog to the first result, its URL, and the
    bytes fetched from the search bundle on the way (the page itself excluded). Typed at once when
    the dialog opens, or with `settle` once Pagefind has loaded (which opening the dialog starts),
    as a reader who takes a moment to type."""
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[int] = []

    def count(response) -> None:
        if BUNDLE_URL.search(response.url) and response.ok:
            try:
                fetched.append(len(response.body()))
            except PlaywrightError:  # still arriving when the run ended: not needed for the first result
                pass

    page.on("response", count)
    try:
        page.goto(f"{base}/", wait_until="load")
        page.locator(".md-header pagefind-modal-trigger button").click()
        page.locator("pagefind-modal dialog[open]").wait_for()
        if settle:
            page.wait_for_load_state("networkidle")
        milliseconds, url = page.evaluate(TYPE_AND_WAIT, query)
        return milliseconds / 1000, url, sum(fetched)
    finally:
        context.close()


def bench(site: Path, query: str, runs: int, index_again: bool) -> dict:
    from playwright.sync_api import sync_playwright

    indexing = reindex(site) if index_again else None
    bundle_bytes, bundle_files = folder_bytes(bundles(site))
    entries = [json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8")) for bundle in bundles(site)]
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            results = [first_result(browser, base, query) for _ in range(runs)]
            settled = [first_result(browser, base, query, settle=True) for _ in range(runs)]
        finally:
            browser.close()
    return {"site": str(site), "bundles": [bundle.name for bundle in bundles(site)],
            "pages indexed": sum(lang["page_count"] for entry in entries for lang in entry["languages"].values()),
            "query": query, "runs": runs, "bundle bytes": bundle_bytes, "bundle files": bundle_files,
            "indexing s": indexing, "first result s": statistics.median(r[0] for r in results),
            "first result s, each run": [round(r[0], 3) for r in results], "first result": results[0][1],
            "fetched bytes": statistics.median(r[2] for r in results),
            "first result s, typed once loaded": statistics.median(r[0] for r in settled),
            "each run, typed once loaded": [round(r[0], 3) for r in settled]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder with its search bundles (SITE/pagefind/, ...)")
    parser.add_argument("--query", default="Kerman earthquake")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reindex", action="store_true", help="index it again first (dossier search-index), timed")
    args = parser.parse_args()
    if not (args.site / "pagefind" / "pagefind-entry.json").is_file():
        parser.error(f"{args.site}: no search bundle (pagefind/pagefind-entry.json): build it with `make site`")
    result = bench(args.site, args.query, args.runs, args.reindex)
    print(json.dumps(result, indent=2))
    print(f"{result['pages indexed']} pages, query {args.query!r}, median of {args.runs} runs: "
          f"{len(result['bundles'])} bundle(s), {result['bundle bytes'] / 1e6:.2f} MB "
          f"in {result['bundle files']} files, "
          f"{result['fetched bytes'] / 1e6:.3f} MB fetched, first result in {result['first result s']:.2f} s "
          f"typed at once, {result['first result s, typed once loaded']:.2f} s typed once loaded "
          f"({result['first result']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
