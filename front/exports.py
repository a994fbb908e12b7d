"""Search results as a CSV file (every match, streamed, in blocks of the export limit) and an Atom feed (the newest matches)."""
import csv
from dataclasses import replace
from datetime import datetime, timezone

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import feedgenerator
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from search.engine import Hit
from search.finding import find, queryset

from .results import load, result

# "reports": how many articles report a statement (one row per statement, however many report it).
CSV_COLUMNS = ["type", "id", "url", "published", "source", "title", "speaker", "text", "actors", "cities", "reports"]
FEED_SIZE = 50
CHUNK = 500  # hits loaded from the database at a time


class _Echo:
    def write(self, value):
        return value


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text):
    """Text a spreadsheet shows as written: a cell that starts like a formula gets a leading apostrophe.

    An article's title or a statement is data; opened in a spreadsheet, "=HYPERLINK(...)" would run.
    """
    return f"'{text}" if text.startswith(FORMULA_START) else text


def generated_now():
    """Now as ISO 8601 in UTC (2026-12-04T09:30:00Z): when an export or a JSON page was made."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def search_url(request, params):
    """The absolute canonical URL of the search's HTML page: no page, no format."""
    return request.build_absolute_uri(params.changed(format="html").url(request.path))


def json_links(request, params, found):
    """What a JSON page says of itself: its search's page, when it was made, its neighbours (None at the ends)."""
    def page_url(number):
        return request.build_absolute_uri(params.changed(page=number).url(request.path))

    return {
        "search_url": search_url(request, params),
        "generated": generated_now(),
        "next": page_url(params.page + 1) if params.page < found.pages else None,
        # Past the last page, the way back is to the last page.
        "previous": page_url(min(params.page - 1, max(found.pages, 1))) if params.page > 1 else None,
    }


def csv_rows(hits, note=()):
    """The CSV text: the header row, a row per result, then the note's lines as # comments."""
    writer = csv.writer(_Echo())
    yield "\ufeff"  # spreadsheet programs need the BOM to read UTF-8 Arabic
    yield writer.writerow(CSV_COLUMNS)
    for chunk in hits:
        for row in load(chunk):
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
    for line in note:
        yield f"# {line}\r\n"


def block_hits(matches, start, stop):
    """The hits from `start` to `stop` of a search's matches, in lists of CHUNK."""
    for at in range(start, stop, CHUNK):
        yield [Hit(match.model_name, int(match.pk)) for match in matches[at:min(at + CHUNK, stop)]]


def csv_response(request, params):
    """The `params.page`-th block of ARCHIVE_EXPORT_LIMIT matches as CSV, saying in its headers what it holds.

    A block followed by more matches ends with # lines that say so and where the rest is; the
    rows before them are exactly those of an export without a limit.
    """
    limit = settings.ARCHIVE_EXPORT_LIMIT
    matches = queryset(params)
    total = matches.count()
    start = min((params.page - 1) * limit, total)
    stop = min(start + limit, total)
    cut = stop < total
    blocks = max(-(-total // limit), 1)

    def block_url(number):
        return request.build_absolute_uri(params.changed(page=number).url(request.path))

    note = [f"Cut at the export limit ({limit:,} rows): this file holds matches {start + 1:,} to {stop:,} of {total:,}.",
            f"The rest, from match {stop + 1:,}: {block_url(params.page + 1)}"] if cut else []
    generated = generated_now()
    response = StreamingHttpResponse(csv_rows(block_hits(matches, start, stop), note), content_type="text/csv; charset=utf-8")
    part = f"-part-{params.page}" if cut or params.page > 1 else ""
    response["Content-Disposition"] = f'attachment; filename="archive-search-{generated[:10]}{part}.csv"'
    response["X-Total-Count"] = str(total)
    response["X-Search-URL"] = search_url(request, params)
    response["X-Generated"] = generated
    response["X-Export-Limit"] = str(limit)
    response["X-Export-Cut"] = "true" if cut else "false"
    links = [f'<{block_url(params.page + 1)}>; rel="next"'] if cut else []
    if params.page > 1:
        links.append(f'<{block_url(min(params.page - 1, blocks))}>; rel="prev"')
    if links:
        response["Link"] = ", ".join(links)
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
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc) if day else None
