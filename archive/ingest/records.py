"""Reading scraped articles from .txt and .jsonl files, one record at a time, with clear rejections.

No Django import: it yields plain records or the reason a line or file cannot
be read, so the importer can report every bad line and import the rest.
"""
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MAX_BODY_CHARS = 200_000
MIN_BODY_CHARS = 20
MAX_LINE_BYTES = 2_000_000
FIELDS = {"body", "title", "published", "source", "url"}


@dataclass
class Record:
    where: str  # file, or file:line
    body: str
    title: str = ""
    published: date = None
    source: str = ""
    url: str = ""


@dataclass
class Rejection:
    where: str
    reason: str


def _published(value, where):
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"“published” must be a date written YYYY-MM-DD, not {str(value)[:40]!r}")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"“published” is not a real date: {value.strip()}") from None


def check_body(body):
    """The reason a body cannot be archived, or None."""
    if not body.strip():
        return "the body is empty"
    if len(body.strip()) < MIN_BODY_CHARS:
        return f"the body is too short to be an article ({len(body.strip())} characters)"
    if len(body) > MAX_BODY_CHARS:
        return f"the body is too long ({len(body):,} characters; the most is {MAX_BODY_CHARS:,})"
    if "\x00" in body:
        return "the body contains NUL bytes (a binary file?)"
    return None


def _record(data, where):
    if not isinstance(data, dict):
        return Rejection(where, "each line must be a JSON object with at least a “body”")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        return Rejection(where, f"unknown field “{unknown[0]}” (allowed: {', '.join(sorted(FIELDS))})")
    body = data.get("body")
    if not isinstance(body, str):
        return Rejection(where, "“body” is missing or not text")
    for name in ("title", "source", "url"):
        if data.get(name) is not None and not isinstance(data[name], str):
            return Rejection(where, f"“{name}” must be text")
    problem = check_body(body)
    if problem:
        return Rejection(where, problem)
    try:
        published = _published(data.get("published"), where)
    except ValueError as error:
        return Rejection(where, str(error))
    return Record(where, body, (data.get("title") or "").strip(), published,
                  (data.get("source") or "").strip(), (data.get("url") or "").strip())


def _decode(raw, where):
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte 0x{raw[error.start]:02x} at position {error.start})") from None


def read_jsonl(path):
    name = Path(path).name
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            where = f"{name}:{number}"
            if len(raw) > MAX_LINE_BYTES:
                yield Rejection(where, f"the line is too long ({len(raw):,} bytes)")
                continue
            try:
                text = _decode(raw, where)
            except ValueError as error:
                yield Rejection(where, str(error))
                continue
            if not text.strip():
                continue  # blank lines are allowed
            try:
                data = json.loads(text)
            except json.JSONDecodeError as error:
                yield Rejection(where, f"invalid JSON ({error.msg} at column {error.colno})")
                continue
            yield _record(data, where)


def read_txt(path, published=None, source="", url=""):
    name = Path(path).name
    raw = Path(path).read_bytes()
    if len(raw) > MAX_BODY_CHARS * 4:
        yield Rejection(name, f"the file is too large ({len(raw):,} bytes)")
        return
    try:
        body = _decode(raw, name)
    except ValueError as error:
        yield Rejection(name, str(error))
        return
    problem = check_body(body)
    yield Rejection(name, problem) if problem else Record(name, body, "", published, source, url)


def read(path, published=None, source="", url=""):
    """Records (or rejections) from one file, by its extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path)
    elif suffix == ".txt":
        yield from read_txt(path, published, source, url)
    else:
        yield Rejection(Path(path).name, "only .txt and .jsonl files can be imported")
