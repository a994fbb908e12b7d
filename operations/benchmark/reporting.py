"""Articles shaped like agency copy, for the import-built benchmark archive: many statements, names in many spellings, unknown speakers.

The generated archive of search.benchmark.corpus is loaded as it is generated: three statements an
article, each person written one way. Real reporting, imported, is heavier: eight or nine
statements an article, a person written five to seven ways (سيرغي/سيرجي, دي ميستورا/ديمستورا),
and speakers no editor has reviewed yet. These articles are text only; import_articles finds the
statements, people and places in them as it does in scraped copy.
"""
from arabic import normalize

from .corpus import FIRST, LAST, Corpus

UNKNOWN_SHARE = 0.15  # statements by someone the gazetteer does not know
UNKNOWN_ROLES = ("المتحدث باسم الفصيل", "الناشط الإعلامي", "عضو المجلس المحلي", "الخبير في الشؤون الروسية",
                 "مدير المنظمة الإغاثية", "القيادي الميداني")
LETTER_SWAPS = (("غ", "ج"), ("ستافان", "ستيفان"), ("كي مون", "كيمون"), ("دي ", "دي"), ("أوغلو", "أوجلو"), ("يري", "ري"))


def spellings(name):
    """The ways outlets write a foreign or long name: surname alone, letters swapped, a vowel letter
    dropped, a particle glued. Distinct after normalization (أ/ا and ى/ي variants the analysis
    folds anyway are not counted), at most seven."""
    words = name.split()
    found = {normalize(name): name, normalize(words[-1]): words[-1]}
    variants = [name, words[-1]]
    for old, new in LETTER_SWAPS:
        variants += [v.replace(old, new) for v in list(variants) if old in v]
    for variant in list(variants):
        last = variant.split()[-1]
        inner = [i for i in range(1, len(last) - 1) if last[i] in "يو"]
        if len(last) >= 5 and inner:  # ميستورا -> مستورا, as some outlets write it
            variants.append(variant[: len(variant) - len(last)] + last[:inner[0]] + last[inner[0] + 1:])
    for variant in variants:
        found.setdefault(normalize(variant), variant)
    return list(found.values())[:7]


class ReportingCorpus(Corpus):
    STATEMENTS = (6, 12)

    def _people(self, rng):
        people = super()._people(rng)
        for person in people:
            if person["kind"] == "person":
                person["aliases"] = list(dict.fromkeys([*person["aliases"], *spellings(person["name"])[1:]]))
        known = {p["name"] for p in people}
        self.unknown = [f"{first} {last}" for first, _ in FIRST for last, _ in LAST if f"{first} {last}" not in known]
        return people

    def _sentence(self, rng, kind, length, actors, places, speaker):
        if kind[0] != "speech":
            return super()._sentence(rng, kind, length, actors, places, speaker)
        unknown = rng.random() < UNKNOWN_SHARE
        if unknown:
            written, role = rng.choice(self.unknown), rng.choice(UNKNOWN_ROLES)
        else:
            written = rng.choice([speaker["name"], *speaker["aliases"][1:]]) if speaker["kind"] == "person" else speaker["name"]
            role = speaker["role"] if rng.random() < 0.5 else ""
        quote = self.words(rng, length)
        if rng.random() < 0.5:
            head = f"وقال {role} {written}: «" if role else f"وقال {written}: «"
            span = (len(head), len(head) + len(quote), "quote")
            sentence = f"{head}{quote}»."
        else:
            sentence = f"وأكد {role + ' ' if role else ''}{written} أن {quote}."
            span = (0, len(sentence), "paraphrase")
        return sentence, span + ((True,) if unknown else ())
