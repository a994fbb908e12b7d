"""PostgreSQL full-text search as the bench's peer: find or start a server, load the same texts, answer the same searches."""
import hashlib
import importlib
import json
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

from arabic.normalize import normalize

DATABASE = "archive_bench"
SCHEMA = "peer"
ROLE = "archive"  # the role .ci/run creates for the test suite, password the same
PAGE, FACET_LIMIT = 20, 30
# The peer at its best for short statements: JIT compilation costs more than it saves on them.
SESSION_OPTIONS = "-c jit=off"
now = time.perf_counter


class Unavailable(Exception):
    """No PostgreSQL server could be found or started; the message says why."""


# -- the server ------------------------------------------------------------------------

def _run(*args):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout


def _as_postgres(*args):
    return _run("runuser", "-u", "postgres", "--", *args)


def server(database=DATABASE):
    """(URL, how it was found): BENCH_PG_URL, or Debian's newest cluster, created and started as .ci/run does."""
    if os.environ.get("BENCH_PG_URL"):
        return os.environ["BENCH_PG_URL"], "BENCH_PG_URL"
    if not (shutil.which("pg_lsclusters") and shutil.which("pg_ctlcluster")):
        raise Unavailable("BENCH_PG_URL is not set and Debian's cluster tools (pg_lsclusters, pg_ctlcluster) are not installed")
    if os.geteuid() != 0:
        raise Unavailable("BENCH_PG_URL is not set and only root may start Debian's cluster")
    try:
        versions = sorted((p.name for p in Path("/usr/lib/postgresql").iterdir() if p.name.isdigit()), key=int)
    except OSError:
        versions = []
    if not versions:
        raise Unavailable("no PostgreSQL server under /usr/lib/postgresql")
    version, how = versions[-1], "running"
    try:
        clusters = [line.split() for line in _run("pg_lsclusters", "-h").splitlines()]
        if not any(c[:2] == [version, "main"] for c in clusters):
            _run("pg_createcluster", version, "main")
            how = "created and started"
        cluster = next(c for c in _run("pg_lsclusters", "-h").splitlines() if c.split()[:2] == [version, "main"]).split()
        if cluster[3] != "online":
            _run("pg_ctlcluster", version, "main", "start")
            how = how if how != "running" else "started"
        port = cluster[2]
        if "1" not in _as_postgres("psql", "-p", port, "-qtAc", f"SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}'"):
            _as_postgres("psql", "-p", port, "-qc", f"CREATE ROLE {ROLE} LOGIN PASSWORD '{ROLE}' CREATEDB")
        if "1" not in _as_postgres("psql", "-p", port, "-qtAc", f"SELECT 1 FROM pg_database WHERE datname = '{database}'"):
            _as_postgres("createdb", "-p", port, "-O", ROLE, database)
    except (OSError, subprocess.SubprocessError, StopIteration, IndexError) as error:
        detail = getattr(error, "stderr", "") or error
        raise Unavailable(f"Debian's PostgreSQL {version} cluster could not be started or prepared: {str(detail).strip()[:200]}")
    return f"postgresql://{ROLE}:{ROLE}@127.0.0.1:{port}/{database}", f"Debian's PostgreSQL {version} cluster ({how})"


def connect(url, schema=SCHEMA):
    return psycopg.connect(url, autocommit=True, options=f"-c search_path={schema} {SESSION_OPTIONS}")


# -- loading -----------------------------------------------------------------------------

TABLES = """
CREATE TABLE marker (value text);
CREATE TABLE articles (id integer PRIMARY KEY, published date NOT NULL, source text NOT NULL, text text NOT NULL,
                       tsv tsvector GENERATED ALWAYS AS (to_tsvector('arabic', text)) STORED);
CREATE TABLE statements (id integer PRIMARY KEY, article integer NOT NULL, published date NOT NULL, source text NOT NULL,
                         speaker text NOT NULL, text text NOT NULL,
                         tsv tsvector GENERATED ALWAYS AS (to_tsvector('arabic', text)) STORED);
CREATE TABLE article_actor (doc integer NOT NULL, value text NOT NULL);
CREATE TABLE article_city (doc integer NOT NULL, value text NOT NULL);
CREATE TABLE statement_city (doc integer NOT NULL, value text NOT NULL);
"""
INDEXES = """
CREATE INDEX ON articles USING gin (tsv); CREATE INDEX ON articles (published);
CREATE INDEX ON statements USING gin (tsv); CREATE INDEX ON statements (published); CREATE INDEX ON statements (speaker);
CREATE INDEX ON article_actor (doc); CREATE INDEX ON article_actor (value, doc);
CREATE INDEX ON article_city (doc); CREATE INDEX ON article_city (value, doc);
CREATE INDEX ON statement_city (doc); CREATE INDEX ON statement_city (value, doc);
ANALYZE articles, statements, article_actor, article_city, statement_city;
"""


def marker_of(corpus_marker):
    """What the loaded tables hold: the corpus, and the normalizer and schema that turned it into rows."""
    code = Path(importlib.import_module(normalize.__module__).__file__).read_bytes() + TABLES.encode() + INDEXES.encode()
    return json.dumps({**corpus_marker, "code": hashlib.sha1(code).hexdigest()[:12]}, sort_keys=True)


def loaded(url, corpus_marker, schema=SCHEMA):
    """Whether the schema already holds this corpus."""
    with connect(url, schema) as conn:
        try:
            row = conn.execute("SELECT value FROM marker").fetchone()
        except psycopg.errors.UndefinedTable:
            return False
    return bool(row) and row[0] == marker_of(corpus_marker)


def load(url, corpus_marker, articles, statements, links, schema=SCHEMA):
    """Replace the schema's tables with these rows (iterables, streamed through COPY); seconds taken.

    articles: (id, published, source, title, body); statements: (id, article, published, source, speaker, text);
    links: {"article_actor" | "article_city" | "statement_city": iterable of (doc id, slug)}.
    Texts are stored normalized as the archive indexes them; the tsvector is computed as rows arrive.
    """
    started = now()
    with connect(url, schema) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
        conn.execute(TABLES)
        with conn.cursor() as cur:
            with cur.copy("COPY articles (id, published, source, text) FROM STDIN") as copy:
                for id_, published, source, title, body in articles:
                    copy.write_row((id_, published, source, normalize(f"{title}\n{body}")))
            with cur.copy("COPY statements (id, article, published, source, speaker, text) FROM STDIN") as copy:
                for id_, article, published, source, speaker, text in statements:
                    copy.write_row((id_, article, published, source, speaker, normalize(text)))
            for table, rows in links.items():
                with cur.copy(f"COPY {table} (doc, value) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        conn.execute(INDEXES)
        conn.execute("INSERT INTO marker VALUES (%s)", (marker_of(corpus_marker),))
    return now() - started


# -- searching -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Query:
    """A search as the archive's parameters state it, names resolved by the caller."""
    q: str = ""                 # words, "phrases", word* prefixes
    names: tuple = ()           # (facet, slug, spellings): any spelling as a phrase, or a document linked by the facet
    filters: tuple = ()         # (facet, slug): actor, city or source values, every one required
    dates: tuple = (None, None)  # first and last day, either open
    type: str = "articles"      # or "statements"
    sort: str = "newest"        # or "relevance"


KINDS = {  # per type: its table, and how a document links to an actor and to a city
    "articles": ("articles", ("article_actor", None), ("article_city", None)),
    "statements": ("statements", (None, "speaker"), ("statement_city", None)),
}
WORD = re.compile(r"\w+")


def _link(facet_link, args, value):
    table, column = facet_link
    args.append(value)
    return f"d.{column} = %s" if column else f"EXISTS (SELECT 1 FROM {table} x WHERE x.doc = d.id AND x.value = %s)"


def _text_query(q, args):
    """The tsquery of the words, phrases and prefixes, normalized as the archive normalizes them."""
    parts, plain = [], []
    for token in q.split():
        if token.endswith("*") and not token.startswith('"') and WORD.search(token):
            args.append(" & ".join(w + ":*" for w in WORD.findall(normalize(token))))
            parts.append("to_tsquery('arabic', %s)")
        else:
            plain.append(token)
    if plain:
        args.append(normalize(" ".join(plain)))
        parts.insert(0, "websearch_to_tsquery('arabic', %s)")
    return " && ".join(parts)


def statement(query):
    """(SQL, arguments): one statement answering count, the first page and four facets' top values."""
    table, actor_link, city_link = KINDS[query.type]
    links = {"actor": actor_link, "city": city_link, "source": (None, "source")}
    where, args, ranked = [], [], []
    text = _text_query(query.q, args) if query.q.strip() else ""
    if text:
        where.append(f"d.tsv @@ ({text})")
        ranked.append((text, list(args)))
    for facet, slug, spellings in query.names:
        start = len(args)
        written = " || ".join("phraseto_tsquery('arabic', %s)" for _ in spellings)
        args.extend(normalize(s) for s in spellings)
        ranked.append((written, args[start:]))
        where.append(f"(d.tsv @@ ({written}) OR {_link(links[facet], args, slug)})")
    where += [_link(links[facet], args, value) for facet, value in query.filters]
    for bound, op in zip(query.dates, (">=", "<=")):
        if bound:
            where.append(f"d.published {op} %s")
            args.append(bound)
    rank, order = "", "published DESC, id DESC"
    if query.sort == "relevance" and ranked:
        rank = f", ts_rank(d.tsv, {' || '.join(f'({sql})' for sql, _ in ranked)}) AS rank"
        args = [a for _, part in ranked for a in part] + args
        order = "rank DESC, " + order
    speaker = ", d.speaker" if query.type == "statements" else ""

    def facet_sql(facet):
        link_table, column = links.get(facet, (None, None))
        if link_table:
            return (f"SELECT x.value AS v, count(*) AS n FROM matched m JOIN {link_table} x ON x.doc = m.id "
                    f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {FACET_LIMIT}")
        value = "to_char(m.published, 'YYYY-MM')" if facet == "month" else f"m.{column}"
        return f"SELECT {value} AS v, count(*) AS n FROM matched m GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {FACET_LIMIT}"

    facets = ",\n".join(f"(SELECT coalesce(json_agg(json_build_array(v, n)), '[]') FROM ({facet_sql(f)}) t)"
                        for f in ("actor", "city", "source", "month"))
    sql = (f"WITH matched AS MATERIALIZED (SELECT d.id, d.published, d.source{speaker}{rank} FROM {table} d"
           + (f" WHERE {' AND '.join(where)}" if where else "") + ")\n"
           f"SELECT (SELECT count(*) FROM matched),\n"
           f"(SELECT coalesce(json_agg(id), '[]') FROM (SELECT id FROM matched ORDER BY {order} LIMIT {PAGE}) t),\n{facets}")
    return sql, args


@dataclass
class Result:
    count: int
    ids: list
    facets: dict  # {facet: [(value, count)]}


def search(conn, query):
    sql, args = statement(query)
    count, ids, *facets = conn.execute(sql, args).fetchone()
    return Result(count, ids, {f: [tuple(p) for p in v] for f, v in zip(("actor", "city", "source", "month"), facets)})


def measure(url, queries, schema=SCHEMA):
    """Seconds cold (the statement's first run on a fresh connection) and repeated (again on it), and counts."""
    cold, repeated, hits = [], [], []
    for query in queries:
        with connect(url, schema) as conn:
            for times in (cold, repeated):
                started = now()
                result = search(conn, query)
                times.append(now() - started)
        hits.append(result.count)
    return {"cold": cold, "repeated": repeated, "hits": hits}


# -- the bench's report ---------------------------------------------------------------------

RATIO_TARGET = 0.25
HEADER = f" | {'PostgreSQL hits':>15} {'cold p50':>8} {'p95':>7} | {'repeated p95':>12} | {'page cold p95 / PG':>18}"


def columns(peer, page_cold_p95, ms):
    """The PostgreSQL columns of one family's line, blank when the peer was not measured."""
    if not peer:
        return f" | {'-':>15} {'-':>8} {'-':>7} | {'-':>12} | {'-':>18}"
    pg = ms(peer["cold"], 95)
    return (f" | {int(sorted(peer['hits'])[len(peer['hits']) // 2]):>15,} {ms(peer['cold'], 50):>8.1f} {pg:>7.1f} | "
            f"{ms(peer['repeated'], 95):>12.2f} | {page_cold_p95 / pg:>17.2f}x")


def bench(corpus_marker, rows, searches, write):
    """Timings of the bench's searches ({family: [Query]}) on PostgreSQL, loaded from `rows()` unless current; or None.

    Each archive size has its schema, so a small run (the suite's) does not unload a large one.
    Without a server the bench goes on: one line says why the peer is not measured.
    """
    schema = f"{SCHEMA}_{int(corpus_marker['size'])}"
    try:
        url, how = server()
        if loaded(url, corpus_marker, schema):
            write(f"PostgreSQL peer: {how}, the same archive already loaded")
        else:
            seconds = load(url, corpus_marker, *rows(), schema=schema)
            write(f"PostgreSQL peer: {how}; loaded the same articles and statements in {seconds:.1f} s "
                  "(COPY of normalized texts with their arabic tsvector, then GIN and btree indexes, ANALYZE)")
        return {key: measure(url, queries, schema) for key, queries in searches.items()}
    except (Unavailable, psycopg.Error, OSError) as error:
        write(f"PostgreSQL peer not measured: {str(error).strip()[:300]}")
        return None


def summary(ratios, write):
    """What the peer's columns mean, and the families' ratios against the target (not a `target` line: those are the archive's)."""
    write(f"PostgreSQL: the same searches as one statement each (count, first {PAGE}, four facets' top {FACET_LIMIT}); "
          "cold is its first run on a fresh connection, repeated the same statement again on that connection")
    worst = max(ratios, key=ratios.get)
    write(f"Against PostgreSQL: page cold p95 <= {RATIO_TARGET}x PostgreSQL's cold p95 in every family : "
          f"{'met' if ratios[worst] <= RATIO_TARGET else 'missed'} (worst {ratios[worst]:.2f}x, {worst}; "
          f"{sum(r <= RATIO_TARGET for r in ratios.values())} of {len(ratios)} families within)")
