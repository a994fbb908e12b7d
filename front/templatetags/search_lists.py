"""The search page's long lists (facet values, article results) drawn in Python: the template engine took a third of the page."""
import html

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..naming import display_name, english
from .explore import in_lang, lang_attr

register = template.Library()

_ACTIVE, _CURRENT = " active", ' aria-current="true"'
SHOWN_TAGS = 6  # the people listed under an article result


@register.filter
def facet_values(group):
    """A facet's values as list items: each a link that adds (or removes) it with its count, and one that excludes it."""
    items, around = [], "en" if english() else "ar"
    for value in group["values"]:
        active, label = value["active"], str(value["label"])
        # What blocktranslate gives: the translation, with the label escaped in it.
        exclude_label = gettext("Exclude %(label)s") % {"label": html.escape(label)}
        count = html.escape(str(value["count"]))
        items.append(
            f'\n      <li class="facet-value"><a class="facet-include{_ACTIVE if active else ""}" '
            f'href="{html.escape(value["url"])}" data-value="{html.escape(str(value["value"]))}"{_CURRENT if active else ""}>'
            f'<span class="label">{in_lang(label, around)}</span> <span class="count" data-count="{count}">{count}</span></a>'
            f'\n        <a class="facet-exclude" href="{html.escape(value["exclude_url"])}" aria-label="{exclude_label}" '
            f'title="{exclude_label}">−</a></li>\n      ')
    return mark_safe("".join(items))


@register.filter
def article_item(item):
    """An article result (front/results.py shape, names in the interface's language): title, date and source, snippet, people.

    `title_html` and `snippet_html` are already escaped HTML with the matches marked; every other text is escaped here.
    """
    title, snippet = item["title_html"], item["snippet_html"]
    in_english = english()
    around = "en" if in_english else "ar"
    day = html.escape(item["published"] or "")
    published = f'<time datetime="{day}">{day}</time>' if day else ""
    source = f" · {in_lang(display_name(item['source'], in_english), around)}" if item["source"] else ""
    people = "".join(f"<span>{in_lang(display_name(person, in_english), around)}</span>"
                     for person in item["actors"][:SHOWN_TAGS])
    tags = f'<p class="result-tags">{people}</p>' if item["actors"] else ""
    return mark_safe(
        f'\n      <h2 dir="auto"{lang_attr(title, around)}><a href="{html.escape(item["url"])}">{title}</a></h2>'
        f'\n      <p class="meta">{published}{source}</p>'
        f'\n      <p class="snippet" dir="auto"{lang_attr(snippet, around)}>{snippet}</p>'
        f'\n      {tags}\n      ')
