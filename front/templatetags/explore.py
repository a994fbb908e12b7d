"""Names in the interface's language, text marked with its own language, the language switch, and month charts."""
import html
import re
from functools import lru_cache

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from search.params import month_bounds

from ..charts import month_chart
from ..naming import display_name as _display_name
from ..naming import english
from ..naming import other_name as _other_name
from ..naming import switch_path, with_english_names

register = template.Library()


@register.filter
def display_name(thing):
    return _display_name(thing)


@register.filter
def other_name(thing):
    return _other_name(thing)


@register.filter
def local(thing, field):
    """A field in the interface's language: `role_en` for `role` in English when it is filled in."""
    english_value = getattr(thing, f"{field}_en", "") if english() else ""
    return english_value or getattr(thing, field, "")


@register.filter
def english_names(results):
    return with_english_names(results)


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_MARKUP = re.compile(r"<[^>]*>|&#?\w+;")
_LATIN_LETTER = re.compile("[A-Za-z]")
_DIRECTION = {"ar": "rtl", "en": "ltr"}


@register.filter
def text_language(text):
    """"ar" for text with Arabic letters, "en" for Latin letters only, "" for neither (numbers, signs).

    Text or highlighted HTML: a tag's or an entity's letters are not the text's.
    """
    text = str(text or "")
    if _ARABIC_LETTER.search(text):
        return "ar"
    return "en" if _LATIN_LETTER.search(_MARKUP.sub("", text)) else ""


def _other_language(text, around):
    """The language of `text` when it is not that of what surrounds it (the interface's, unless said)."""
    language = text_language(text)
    return language if language and language != (around or ("en" if english() else "ar")) else ""


@register.filter
def lang_attr(text, around=""):
    """` lang="ar"` on an element holding Arabic in English (or English in Arabic), so it is read in its own voice.

    For elements that already isolate their direction (bdi, dir="auto"); `in_lang` for bare text.
    """
    language = _other_language(text, around)
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def in_lang(text, around=""):
    """`text`, escaped, in a span with its language and direction when they are not those around it."""
    language = _other_language(text, around)
    if not language:
        return conditional_escape(text)
    return format_html('<span lang="{}" dir="{}">{}</span>', language, _DIRECTION[language], text)


def _bar(bar, height):
    """One bar's link: the whole column, its text (url, label, month) escaped, its numbers in Python's own format."""
    # html.escape is what django's escape calls, without its lazy-string wrapper: 3 texts a bar, 200 bars a chart.
    url, label, month = html.escape(bar.url), html.escape(bar.label), html.escape(bar.month)
    return (f'<a href="{url}" aria-label="{label}" class="chart-bar{" current" if bar.current else ""}" '
            f'data-month="{month}" data-count="{int(bar.count)}"><title>{label}</title>'
            f'<rect class="chart-slot" vector-effect="non-scaling-stroke" x="{float(bar.slot_x)}" y="0" '
            f'width="{float(bar.slot_width)}" height="{float(height)}"/></a>')


def _fill(bar):
    return (f'<rect class="chart-fill{" current" if bar.current else ""}" x="{float(bar.x)}" y="{float(bar.y)}" '
            f'width="{float(bar.width)}" height="{float(bar.height)}"/>')


@register.filter
def chart_bars(chart):
    """The bars of a Chart as SVG links, never localized.

    Built here rather than in a template loop, and escaping only the text: a ten-year
    timeline has 120 bars, and the template engine, then format_html's escaping of every
    number, took most of the search page's time drawing them.
    """
    return mark_safe("\n".join(_bar(bar, chart.height) for bar in chart.linked))


@register.filter
def chart_fills(chart):
    """The drawn bars of a Chart: the picture, apart from the links laid over it (an image holds no links)."""
    return mark_safe("".join(_fill(bar) for bar in chart.linked))


@register.filter
def chart_links(chart):
    """The busy months as a list of links: the chart's text alternative."""
    current = ' aria-current="true"'
    return mark_safe("".join(
        f'<li><a href="{html.escape(bar.url)}"{current if bar.current else ""}>{html.escape(bar.label)}</a></li>'
        for bar in chart.linked))


@register.inclusion_tag("archive/language_switch.html", takes_context=True)
def language_switch(context):
    """A link to this very page (path and query) in the other language."""
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    links = []
    for code, name in settings.LANGUAGES:
        if code == current or request is None:
            continue
        prefix = request.path[: len(request.path) - len(request.path_info)]  # the script name, if any
        url = prefix + switch_path(request.path_info, request.META.get("QUERY_STRING", ""), code)
        links.append({"code": code, "name": name, "url": url})
    return {"links": links}


@lru_cache(maxsize=4096)
def _label_form(language, kind, count):
    """A month bar's label pattern for this count in this language: looked up once, not per bar and page."""
    if kind == "statements":
        return ngettext("%(month)s: %(count)d statement", "%(month)s: %(count)d statements", count)
    return ngettext("%(month)s: %(count)d article", "%(month)s: %(count)d articles", count)


def _result_label(kind):
    language = get_language()
    return lambda month, count: _label_form(language, kind, count) % {"month": month, "count": count}


@register.inclusion_tag("archive/month_chart.html")
def month_histogram(months, params):
    """The search page's month facet as bars; each bar's link sets the date range to its month."""
    urls = {month["value"]: month["url"] for month in months}
    current = set()
    if params.date_from and params.date_to and params.date_from.day == 1:  # only a whole month's range marks a bar
        month = f"{params.date_from.year:04d}-{params.date_from.month:02d}"
        if month in urls and month_bounds(month) == (params.date_from, params.date_to):
            current.add(month)
    chart = month_chart([(month["value"], month["count"]) for month in months], urls.get, _result_label(params.type),
                        current, width=300, height=90)
    return {"chart": chart, "chart_id": "month-facet", "chart_title": gettext("Results per month")}
