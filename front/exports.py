"""Search results as a CSV file (every match, streamed) and an Atom feed (the newest matches)."""
import csv
from dataclasses import replace

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import feedgenerator
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from search.finding import find, find_all

from .results import load, result

# "reports": how many articles report a statement (one row per statement, however many report it).
CSV_COLUMNS = ["type", "id", "url", "published", "source", "title", "speaker", "text", "actors", "cities", "reports"]
FEED_SIZE = 50


class _Echo:
    def write(self, value):
        return value


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text):
    """Text a spreadsheet shows as written: a cell that starts like a formula gets a leading apostrophe.

    An article's title or a statement is data; opened in a spreadsheet, "=HYPERLINK(...)" would run.
    """
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_rows(params):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # spreadsheet programs need the BOM to read UTF-8 Arabic
    yield writer.writerow(CSV_COLUMNS)
    for hits in find_all(params):
        for row in load(hits):
            shaped = result(row, [])
            yield writer.writerow([
                shaped["type"], shaped["id"], shaped["url"], shaped["published"] or "",
                (shaped["source"] or {}).get("slug", ""),
                spreadsheet_cell(shaped.get("title") or shaped.get("article", {}).get("title", "")),
                (shaped.get("speaker") or {}).get("slug", ""), spreadsheet_cell(shaped.get("text", "")),
                " ".join(a["slug"] for a in shaped.get("actors", [])),
                " ".join(c["slug"] for c in shaped.get("cities", [])),
                len(shaped["reports"]) if "reports" in shaped else "",
            ])


def csv_response(params):
    response = StreamingHttpResponse(csv_rows(params), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="archive-search.csv"'
    return response


def atom_response(request, params):
    """The newest matches as an Atom feed (RFC 4287): every entry with its author and when it last changed."""
    newest = replace(params, sort="newest", page=1, format="html")
    found = find(newest)
    page_url = request.build_absolute_uri(newest.url(request.path))
    archive_name = _("Syria Diplomacy Archive")
    feed = feedgenerator.Atom1Feed(
        title=f"{archive_name}: {params.q or (_('Latest statements') if params.type == 'statements' else _('Latest articles'))}",
        link=page_url, description="", language=get_language(), author_name=archive_name,
        feed_url=request.build_absolute_uri(params.url(request.path)),
    )
    for row in load(found.hits[:FEED_SIZE]):
        shaped = result(row, found.terms)
        title = shaped.get("title") or f"{shaped['speaker']['name']}: {shaped['text'][:80]}"
        article = getattr(row, "article", row)
        published = _as_datetime(article.published)
        # A statement is its speaker's; an article its source's (the archive's when it names none).
        author = row.speaker.name if article is not row else (article.source.name if article.source else archive_name)
        feed.add_item(
            title=title, link=request.build_absolute_uri(shaped["url"]),
            description=strip_tags(shaped["snippet_html"]), unique_id=request.build_absolute_uri(shaped["url"]),
            pubdate=published, updateddate=article.updated or published, author_name=author,
            categories=[a["name"] for a in shaped.get("actors", [])],
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8")


def _as_datetime(day):
    from datetime import datetime, timezone

    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc) if day else None
