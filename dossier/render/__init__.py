"""Stage 5: Dossier -> Markdown pages with YAML frontmatter, through the Jinja2 templates.

`render` is pure: it returns {path relative to docs/: page text} and touches nothing;
dossier.publish writes it. One module per concern:

- `escape`: article text made inert for Markdown and HTML, and the link targets templates may print;
- `frontmatter`: the YAML block that opens every page;
- `views`: what each page shows, as plain data: the only thing its template reads;
- `reuse`: pages whose view and template are unchanged, taken from docs/ instead of rendered again,
  and pages whose facts (dossier.trace) are unchanged, not even viewed;
- `catalogue`: every lookup and grouping the templates need, computed once;
- `diff`: a quote's wordings compared word by word, and its words found in a paragraph;
- `paging`: long lists cut into parts, so that no page grows with the number of articles;
- `templates`: the Jinja2 environment;
- `settings`: what dossier reads from mkdocs.yml;
- `pages`: which pages there are, their frontmatter, and `render` itself.
"""

from dossier.publish import GENERATED_SECTIONS
from dossier.render.catalogue import SECTION_OF, Catalogue, Printing, co_occurrences
from dossier.render.diff import locate, word_diff
from dossier.render.escape import escape_markdown, html_title, internal_href, plain_text
from dossier.render.frontmatter import frontmatter, page
from dossier.render.pages import (FEED, HOME_SNIPPET, SECTION_TITLES, SOURCE_TAGS, STORY_PAGES,
                                  UnsafeId, redirect_page, render)
from dossier.render.reuse import Reuse, Unit
from dossier.render.reuse import fingerprint as reuse_fingerprint
from dossier.render.settings import load_mkdocs_yml, site_settings
from dossier.render.templates import environment, human_date
from dossier.render.views import Views

__all__ = ["FEED", "GENERATED_SECTIONS", "HOME_SNIPPET", "SECTION_OF", "SECTION_TITLES",
           "SOURCE_TAGS", "STORY_PAGES", "Catalogue", "Printing", "Reuse", "UnsafeId", "Views", "co_occurrences", "environment", "escape_markdown",
           "frontmatter", "html_title", "human_date", "internal_href", "load_mkdocs_yml", "locate", "page",
           "plain_text", "redirect_page", "render", "reuse_fingerprint", "site_settings", "Unit", "word_diff"]
