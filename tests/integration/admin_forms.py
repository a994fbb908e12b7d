"""Builders for the POST data of the article admin form with its inline statements."""


def statement_fields(index, speaker, text="", start="", end="", kind="quote", pk="", article=""):
    prefix = f"statements-{index}-"
    return {
        prefix + "id": pk, prefix + "article": article, prefix + "speaker": speaker, prefix + "kind": kind,
        prefix + "text": text, prefix + "start": start, prefix + "end": end, prefix + "place": "",
        prefix + "said_on": "", prefix + "reviewed": "on",
    }


def article_form(title, body, statements=(), initial=0, published="2016-05-02", revision_seen="", **extra):
    data = {
        "title": title, "body": body, "published": published, "source": "", "url": "",
        "revision_seen": revision_seen, "_save": "Save",
        "statements-TOTAL_FORMS": str(len(statements)), "statements-INITIAL_FORMS": str(initial),
        "statements-MIN_NUM_FORMS": "0", "statements-MAX_NUM_FORMS": "1000",
    }
    for index, statement in enumerate(statements):
        data.update(statement_fields(index, **statement))
    data.update(extra)
    return data
