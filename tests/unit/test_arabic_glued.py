"""Glued words (الأممالمتحدة) split into their words for analysis and search; real words never do."""

import pytest

from search.analysis import ArabicAnalyzer
from arabic import index_stems, normalize, stem, tokenize
from arabic.glued import MIN_LETTERS, NAMES, WORDS, _LEXICON, split_glued
from arabic.tokenize import word_spans
from search.highlight import marked_html, matched_spans
from search.entities import Entity, EntityMatcher
from search.query import Named, Phrase, parse_query
from search.sequences import DocumentAnalysis, SegmentSequences, query_hashes, query_stem_hash

GLUED = [
    # (glued as scraped, its words as written)
    ("الأممالمتحدة", ["الأمم", "المتحدة"]),
    ("المبعوثالأممي", ["المبعوث", "الأممي"]),
    ("الولاياتالمتحدةالأمريكية", ["الولايات", "المتحدة", "الأمريكية"]),
    ("موحدوشامل", ["موحد", "وشامل"]),
    ("وزيرالخارجية", ["وزير", "الخارجية"]),
    ("مجلسالأمن", ["مجلس", "الأمن"]),
    ("للأممالمتحدة", ["للأمم", "المتحدة"]),          # clitics on the first word
    ("والأممالمتحدة", ["والأمم", "المتحدة"]),
    ("ووزيرالخارجية", ["ووزير", "الخارجية"]),
    ("الأمنوالاستقرار", ["الأمن", "والاستقرار"]),     # و + the article on the second word
    ("الرئيسبوتين", ["الرئيس", "بوتين"]),            # no mark between two long words
    ("ديرالزور", ["دير", "الزور"]),                  # names of several words
    ("جونكيري", ["جون", "كيري"]),
    ("بديرالزور", ["بدير", "الزور"]),
    ("وزارةالخارجيةالروسية", ["وزارة", "الخارجية", "الروسية"]),
    ("الأُمَمُالمتّحدةُ", ["الأُمَمُ", "المتّحدةُ"]),      # marks stay with their letters
    ("الأممـــالمتحدة", ["الأممـــ", "المتحدة"]),          # tatweel goes with the word before it
]

REAL_WORDS = """
رجال احتلال الاحتلال الاستقلال استقلال سؤال فالإدارة بالأمس والمتحدة وبالمتحدة موسكو الدولي
المسؤولين الاتصالات الإلتزام الالتزام اللاذقية الولايات والولايات المعارضة والمعارضة وللأمم
للأمم بالولايات ولو الدول للدولة المتحدث المتحدثين الاستراتيجية الديمقراطية الانتقالية
الاحتيالية المفاوضات والمفاوضات الإسكان الأعراق الإقرار الإخلال الفروسية الحربين القريبين
للجانبين مجتمعاتهم تصريحاتهم شخصيتهم أميركان الأميركان بريجنيف شامبرلين الفرنسيسكان
المدنيين المواطنين اللاجئين للصحفيين مهمومهم الاجتماعات والاجتماعات بالاستقرار والاستقرار
المسؤولية مسؤوليتهم الإرهابيين الأمريكيين الإسرائيلية والإسرائيليين الانتخابات والانتخابات
عبدالله نصرالله أبوظبي الخارجية وبالخارجية والأمريكية المستشفيات المحافظات الاستخبارات
""".split()


def query_stem(word):
    return stem(normalize(word))


@pytest.mark.parametrize("glued, words", GLUED)
def test_a_glued_word_yields_its_words_with_offsets_into_the_original(glued, words):
    tokens = list(tokenize(glued))
    assert [glued[t.start:t.end] for t in tokens] == words
    assert [t.original for t in tokens] == words
    assert [t.text for t in tokens] == [normalize(w) for w in words]
    assert tokens[0].start == 0 and tokens[-1].end == len(glued)
    assert all(a.end == b.start for a, b in zip(tokens, tokens[1:]))  # the parts tile the word


def test_offsets_point_into_the_whole_text():
    text = "قال المبعوثالأممي إن الأممالمتحدة تدعم حلا موحدوشاملا."
    tokens = list(tokenize(text))
    assert [text[t.start:t.end] for t in tokens] == [
        "قال", "المبعوث", "الأممي", "إن", "الأمم", "المتحدة", "تدعم", "حلا", "موحدوشاملا"]
    assert [(t.start, t.end) for t in tokens][1:3] == [(4, 11), (11, 17)]


@pytest.mark.parametrize("word", REAL_WORDS)
def test_a_real_word_never_splits(word):
    assert [t.original for t in tokenize(word)] == [word]
    assert split_glued(normalize(word)) is None


def test_real_words_with_clitics_and_endings_stay_whole():
    for word in REAL_WORDS:
        bare = normalize(word)
        for form in ("و" + bare, "ب" + bare, bare + "ها", bare + "هم"):
            assert split_glued(form) is None, form


def test_short_tokens_and_latin_are_never_split():
    assert MIN_LETTERS == 7
    assert split_glued(normalize("قالوزير")) is None  # 7 letters, but قال is too short to cut bare
    assert [t.text for t in tokenize("UnitedNations")] == ["unitednations"]


def test_a_glued_pair_of_unknown_words_stays_glued():
    # prefer no split to a wrong split: neither word is in the lexicon
    assert split_glued(normalize("البطيخالأصفر")) is None


def test_word_spans_yields_the_parts_that_tokenize_yields():
    text = "أكد وزيرالخارجية أن الأممالمتحدة وديرالزور، ﷺ والمعارضة."
    from_spans = [(part, start) for original, start in word_spans(text) for part in normalize(original).split()]
    assert from_spans == [(t.text, t.start) for t in tokenize(text)]
    assert ("الخارجيه", 8) in from_spans


def segment(texts):
    stems, readings = zip(*(DocumentAnalysis(text).columns() for text in texts))
    return SegmentSequences((b"".join(stems), [len(s) for s in stems]),
                            (b"".join(readings), [len(r) for r in readings]))


def test_the_index_sequences_hold_the_parts_as_consecutive_words():
    sequences = segment(["دعت الأممالمتحدة إلى هدنة", "الأمم تدعو والمتحدة", "دعت الأمم المتحدة"])
    docs, _ = sequences.phrase(query_hashes([query_stem("الأمم"), query_stem("المتحدة")]))
    assert list(docs) == [0, 2]
    docs, _ = sequences.word(query_stem_hash(normalize("المتحدة")))
    assert list(docs) == [0, 1, 2]


def test_a_glued_query_is_the_phrase_of_its_words():
    glued, spaced = parse_query("الأممالمتحدة"), parse_query('"الأمم المتحدة"')
    assert isinstance(glued.required[0], Phrase)
    assert glued.required[0].stems == spaced.required[0].stems


def test_the_whoosh_analyzer_sees_two_words_with_their_characters():
    text = "دعت الأممالمتحدة"
    tokens = [(t.text, t.pos, t.startchar, t.endchar)
              for t in ArabicAnalyzer()(text, positions=True, chars=True, mode="query")]
    assert tokens == [(query_stem("دعت"), 0, 0, 3), (query_stem("الأمم"), 1, 4, 9),
                      (query_stem("المتحدة"), 2, 9, 16)]


def test_the_highlighter_marks_the_matched_part():
    text = "دعت الأممالمتحدة إلى هدنة"
    assert marked_html(text, [query_stem("المتحدة")]) == "دعت الأمم<mark>المتحدة</mark> إلى هدنة"
    assert matched_spans(text, index_stems(normalize("الأمم"))) == [(4, 9)]
    both = marked_html(text, [query_stem("الأمم"), query_stem("المتحدة")])
    assert both == "دعت <mark>الأمم</mark><mark>المتحدة</mark> إلى هدنة"


def test_the_lexicon_is_normalized_and_of_the_planned_size():
    with open(_LEXICON, encoding="utf-8") as lines:
        entries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert entries == [normalize(e) for e in entries]
    assert len(entries) == len(set(entries))
    assert 300 <= len(WORDS) <= 2000
    assert all(len(w) >= 3 for w in WORDS)
    names = [e for e in entries if " " in e]
    assert len(NAMES) == len(names) and all(len(w) >= 3 for name in names for w in name.split())
    assert NAMES["الاممالمتحده"] == ("الامم", "المتحده")


@pytest.mark.parametrize("persian, arabic", [
    ("ولایتی", "ولايتي"),        # Persian yeh (U+06CC) inside and at the end
    ("کیری", "كيري"),            # Persian kaf (U+06A9)
    ("ولايتى", "ولايتي"),        # alef maksura at the end
    ("ولايت\uFBFD", "ولايتي"),   # Farsi yeh, final presentation form
    ("ولايت\uFEF0", "ولايتي"),   # alef maksura, final presentation form
    ("\uFB8Eيري", "كيري"),       # keheh, isolated presentation form
])
def test_persian_letters_fold_to_arabic(persian, arabic):
    assert normalize(persian) == arabic
    assert [t.text for t in tokenize(persian)] == [arabic]


def test_a_glued_name_in_a_query_is_read_as_the_name():
    names = EntityMatcher([
        Entity("place", 2, "deir-ez-zor", "دير الزور", "Deir ez-Zor", "", "", ("دير الزور",)),
        Entity("person", 1, "john-kerry", "جون كيري", "John Kerry", "", "", ("جون كيري", "كيري")),
    ])
    for glued, name in (("ديرالزور", "دير الزور"), ("بديرالزور", "دير الزور"), ("جونكيري", "جون كيري")):
        node = parse_query(glued, names).required[0]
        assert isinstance(node, Named) and node.labels == (name,), glued
