"""dossier.render.templates: one build makes an environment per page depth and one for its data page;
each template is compiled once per process and loaded by the others, and an edited one anew."""

from __future__ import annotations

import jinja2
import pytest

from dossier.render.escape import escape_markdown
from dossier.render.templates import environment


@pytest.fixture
def compiles(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from source."""
    names: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return names


def test_a_template_is_compiled_once_for_every_depth(tmp_path, compiles):
    (tmp_path / "link.md.j2").write_text("{{ '../quotes/q.md'|path }}\n", encoding="utf-8")
    rendered = [environment(tmp_path, depth=depth).get_template("link.md.j2").render() for depth in (0, 1, 2)]
    assert rendered == ["quotes/q.md\n", "../quotes/q.md\n", "../../quotes/q.md\n"]  # each depth's own filter
    assert compiles == ["link.md.j2"]


def test_an_edited_template_is_compiled_anew(tmp_path, compiles):
    template = tmp_path / "page.md.j2"
    template.write_text("before\n", encoding="utf-8")
    assert environment(tmp_path).get_template("page.md.j2").render() == "before\n"
    template.write_text("after\n", encoding="utf-8")
    assert environment(tmp_path).get_template("page.md.j2").render() == "after\n"
    assert compiles == ["page.md.j2", "page.md.j2"]


class _Named:
    rows = "an attribute"


@pytest.mark.parametrize("expression", [
    "page.rows", "page.title", "page.items", "page.get('rows')", "page.keys() | list", "page.lists.parts",
    "page.named.rows", "page['rows']", "page.missing is defined", "page.count", "page.markup",
])
def test_template_attributes_read_from_views_as_jinja_reads_them(expression):
    """The environment looks a view's keys up before its attributes (templates._Environment): every
    expression gives what Jinja's own environment gives, a dict's methods included."""
    view = {"rows": [1, 2], "title": "T", "items": "a key named items", "lists": {"parts": 3}, "named": _Named(),
            "count": 0, "markup": escape_markdown("<b>")}
    ours = environment().from_string(f"{{{{ {expression} }}}}")
    jinjas = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(f"{{{{ {expression} }}}}")
    assert ours.render(page=view) == jinjas.render(page=view)


def test_a_key_a_view_lacks_is_an_error_as_in_jinja():
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ page.missing }}").render(page={"rows": 1})


LINKS = [("Plain name", "../actors/a1.md"), ("*Stars* [and] <b>tags</b>", "../quotes/q1.md#p3"),
         ("- a list marker", None), (3, "#p3"), ("1986. The year", "../sources/s1/2024-01-1.md"), ("", None)]
PRINTED = {  # each of LINKS as a page one folder below docs/ prints it
    1: ["[Plain name](../actors/a1.md)", "[&#42;Stars&#42; &#91;and&#93; &#60;b&#62;tags&#60;/b&#62;](../quotes/q1.md#p3)",
        "&#45; a list marker", "[3](#p3)", "[1986&#46; The year](../sources/s1/2024-01-1.md)", ""],
}
PRINTED[0] = [line.replace("](../", "](") for line in PRINTED[1]]
PRINTED[2] = [line.replace("](../", "](../../") for line in PRINTED[1]]


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_a_resolved_link_prints_as_link_prints_its_label_and_href(depth):
    """`a(resolved)` and `link(label, href)` print one markup: the label escaped, the href made relative to
    the page's depth, no link without an href."""
    page = environment(depth=depth).from_string(
        '{% from "partials/macros.md.j2" import a, link %}'
        "{% for label, href in links %}{{ a({'label': label, 'href': href}) }}|{{ link(label, href) }}\n{% endfor %}")
    assert page.render(links=LINKS).split("\n")[:-1] == [f"{line}|{line}" for line in PRINTED[depth]]


def test_the_pieces_every_page_repeats_are_no_macro_calls(monkeypatch):
    """Links, lists of links, counts and dates are printed 180,000 times at 1,000 articles: Python, not macros."""
    called: list[str] = []
    invoke = jinja2.runtime.Macro._invoke

    def counted(self, arguments, autoescape):
        called.append(self.name)
        return invoke(self, arguments, autoescape)

    monkeypatch.setattr(jinja2.runtime.Macro, "_invoke", counted)
    page = environment().from_string('{% from "partials/macros.md.j2" import a, link, links, count, when_where %}'
                                     '{{ a(page.actor) }} {{ link("x", None) }} {{ links([page.actor]) }} '
                                     '{{ count(2, "quote", "quotes") }} {{ when_where(page.when) }}')
    assert page.render(page={"actor": {"label": "Ana Ruiz", "href": "../actors/a1.md"},
                             "when": {"date": "2025-03-17", "outlet": None}}) == (
        "[Ana Ruiz](../actors/a1.md) x [Ana Ruiz](../actors/a1.md) 2 quotes 17 March 2025")
    assert called == []


# The macros partials/macros.md.j2 held before dossier.render.templates._Markup printed them: what each prints.
MACROS = """{% macro a(resolved) -%}
{% if resolved.href %}[{{ resolved.label|md }}]({{ resolved.href|path }}){% else %}{{ resolved.label|md }}{% endif %}
{%- endmacro %}
{% macro link(label, href) -%}
{{ a({"label": label, "href": href}) }}
{%- endmacro %}
{% macro links(resolved) -%}
{% for item in resolved %}{{ a(item) }}{{ ", " if not loop.last }}{% endfor %}
{%- endmacro %}
{% macro count(n, one, many) -%}
{{ n|md }} {{ (one if n == 1 else many)|md }}
{%- endmacro %}
{% macro when_where(source) -%}
{{ (source.date|human_date or "undated")|md }}{% if source.outlet %} · {{ source.outlet|md }}{% endif %}
{%- endmacro %}
"""
CALLS = ("{% for label, href in pairs %}{{ a({'label': label, 'href': href}) }}|{{ link(label, href) }}\n{% endfor %}"
         "{{ links([]) }}|{{ links(resolved[:1]) }}|{{ links(resolved) }}\n"
         "{% for n in [0, 1, 2, '1', 1.0, True] %}{{ count(n, '*one*', 'many <b>') }}\n{% endfor %}"
         "{% for when in whens %}{{ when_where(when) }}\n{% endfor %}")
WHENS = [{"date": "2025-03-17", "outlet": "The *Ledger*"}, {"date": "2025-03-17T10:00:00", "outlet": ""},
         {"date": None, "outlet": "- Herald"}, {"date": "March 2025", "outlet": None}, {"date": "", "outlet": "1986. X"}]


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_the_pieces_print_what_their_macros_printed(depth):
    env = environment(depth=depth)
    values = {"pairs": LINKS, "resolved": [{"label": label, "href": href} for label, href in LINKS], "whens": WHENS}
    python = env.from_string('{% from "partials/macros.md.j2" import a, link, links, count, when_where %}' + CALLS)
    assert python.render(**values) == env.from_string(MACROS + CALLS).render(**values)


@pytest.mark.parametrize("call", ["{{ a({'label': 'x'}) }}", "{{ a({'href': '#p1'}) }}", "{{ when_where({'date': None}) }}"])
def test_a_key_a_piece_lacks_is_an_error_as_in_a_macro(call):
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string('{% from "partials/macros.md.j2" import a, when_where %}' + call).render()


def test_a_template_sees_the_environment_globals_and_its_own():
    """Templates' globals are one dict (_Environment.make_globals), not Jinja's ChainMap: the same names, a
    template's own over the environment's."""
    env = environment()
    template = env.get_template("partials/macros.md.j2", globals={"extra": 1, "range": "own"})
    assert type(template.globals) is dict
    assert template.globals == {**env.globals, "extra": 1, "range": "own"}
    assert env.from_string("{{ extra }} {{ range }} {{ markup.count(2, 'x', 'xs') }}", globals={"extra": 1,
                                                                                             "range": "own"}).render() == "1 own 2 xs"
