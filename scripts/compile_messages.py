"""Compile locale/*/LC_MESSAGES/*.po into .mo files without GNU gettext (the msgfmt.py algorithm).

The compiled .mo files are committed, so a fresh clone serves both
languages without gettext. After editing a .po file, run
    python scripts/compile_messages.py
(`manage.py compilemessages` does the same where GNU gettext is installed).
tests/unit/test_translations.py checks that the committed .mo files match the .po files.
"""
import array
import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale"


def read_po(text):
    """[(context or None, msgid, msgid_plural or None, [msgstr...], fuzzy)] in file order."""
    entries = []
    state = {"fields": {}, "field": None, "fuzzy": False}

    def finish():
        fields = state["fields"]
        if "msgid" in fields:
            strs = [fields[k] for k in sorted(k for k in fields if k.startswith("msgstr"))]
            entries.append((fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural"), strs, state["fuzzy"]))
        state.update(fields={}, field=None, fuzzy=False)

    def translated():
        return any(k.startswith("msgstr") for k in state["fields"])

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#"):
            if translated():
                finish()
            if line.startswith("#,") and "fuzzy" in line:
                state["fuzzy"] = True
        elif line.startswith('"'):
            state["fields"][state["field"]] += ast.literal_eval(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and translated():
                finish()
            if keyword.startswith("msgstr["):
                keyword = f"msgstr[{int(keyword[7:-1]):02d}]"  # sorts msgstr[10] after msgstr[9]
            state["field"] = keyword
            state["fields"][keyword] = ast.literal_eval(rest)
    finish()
    return entries


def catalog(entries):
    """{key: value} as the .mo file stores them: context and plurals joined the gettext way."""
    messages = {}
    for context, msgid, plural, strs, fuzzy in entries:
        if msgid == "":
            messages[""] = strs[0] if strs else ""  # the header
            continue
        if fuzzy or not any(strs):
            continue  # untranslated: gettext falls back to the msgid
        key = msgid if plural is None else f"{msgid}\0{plural}"
        if context is not None:
            key = f"{context}\x04{key}"
        messages[key] = "\0".join(strs)
    return messages


def mo_bytes(messages):
    """The GNU .mo encoding of a catalog (keys sorted, no hash table)."""
    keys = sorted(messages, key=lambda k: k.encode("utf-8"))
    ids = strs = b""
    offsets = []
    for key in keys:
        encoded_id, encoded_str = key.encode("utf-8"), messages[key].encode("utf-8")
        offsets.append((len(ids), len(encoded_id), len(strs), len(encoded_str)))
        ids += encoded_id + b"\0"
        strs += encoded_str + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    key_offsets, value_offsets = [], []
    for id_at, id_len, str_at, str_len in offsets:
        key_offsets += [id_len, id_at + key_start]
        value_offsets += [str_len, str_at + value_start]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return header + array.array("i", key_offsets + value_offsets).tobytes() + ids + strs


def compile_all(locale=LOCALE):
    written = []
    for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(mo_bytes(catalog(read_po(po.read_text(encoding="utf-8")))))
        written.append(mo)
    return written


if __name__ == "__main__":
    for path in compile_all(Path(sys.argv[1]) if len(sys.argv) > 1 else LOCALE):
        print(f"compiled {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
