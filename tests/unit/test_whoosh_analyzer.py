"""Tests of search.analysis against a real Whoosh index: variants, phrases, highlighting, pickling."""

import os
import pickle
import re
import subprocess
import sys
import tempfile

import pytest
from whoosh import highlight
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.index import open_dir
from whoosh.qparser import QueryParser

from search.analysis import ArabicAnalyzer, ArabicStemFilter, ArabicTokenizer

DOCS = {
    "kerry": "قالَ وزيرُ الخارجيّةِ الأمريكيّ جون كيرى إنّ الأممَ المتّحدةَ تدعمُ المحادثاتِ.",
    "lavrov": "التقى لافروف بنظيره في موسكو، وقال إنّ الضرباتِ الجويّةَ مستمرّةٌ بحلب.",
    "kirby": "أعلن المتحدث كيربي أنّ وزارة الدفاع ستعقد لقاءً في بروكسل حول وقف إطلاق النار.",
    "prisoners": "دعت الهيئة إلى إطلاق سراح المعتقلين ووقف النار في ريف حلب الشمالي.",
    "hospital": "نقل مسئولٌ محليّ أنّ مستشفى المدينة استقبل ١٢ جريحاً عام ٢٠١٦.",
}


def make_schema(**body_options):
    return Schema(id=ID(stored=True, unique=True),
                  body=TEXT(analyzer=ArabicAnalyzer(), stored=True, **body_options))


@pytest.fixture(scope="module")
def index():
    ix = RamStorage().create_index(make_schema(chars=True))
    with ix.writer() as writer:
        for key, text in DOCS.items():
            writer.add_document(id=key, body=text)
    return ix


def search_ids(ix, querystring):
    with ix.searcher() as searcher:
        query = QueryParser("body", ix.schema).parse(querystring)
        return sorted(hit["id"] for hit in searcher.search(query, limit=None))


def marked_words(ix, querystring, pinpoint=False):
    """Texts inside <mark> in the highlighted body of each hit."""
    with ix.searcher() as searcher:
        query = QueryParser("body", ix.schema).parse(querystring)
        results = searcher.search(query, terms=pinpoint)
        results.formatter = highlight.HtmlFormatter(tagname="mark")
        if pinpoint:
            results.fragmenter = highlight.PinpointFragmenter(surround=40)
        html = " ".join(hit.highlights("body") for hit in results)
        return re.findall(r"<mark[^>]*>(.*?)</mark>", html)


@pytest.mark.parametrize("variants, expected", [
    (["كيري", "كيرى", "كَيْرِي"], ["kerry"]),
    (["الأمم", "الامم", "الأُمَمُ"], ["kerry"]),
    (["مسؤول", "مسئول", "مُسْؤُولٌ"], ["hospital"]),
    (["مستشفى", "مستشفي"], ["hospital"]),
    (["المدينة", "المدينه", "مدينة"], ["hospital"]),
    (["٢٠١٦", "2016", "۲۰۱۶"], ["hospital"]),
    (["إطلاق", "اطلاق"], ["kirby", "prisoners"]),
])
def test_query_spelling_variants_find_the_same_documents(index, variants, expected):
    for query in variants:
        assert search_ids(index, query) == expected, query


def test_names_that_differ_by_one_letter_do_not_meet(index):
    assert search_ids(index, "كيري") == ["kerry"]
    assert search_ids(index, "كيربي") == ["kirby"]


def test_bare_query_finds_words_written_with_clitics(index):
    assert search_ids(index, "حلب") == ["lavrov", "prisoners"]
    assert search_ids(index, "ضرباته") == ["lavrov"]
    assert search_ids(index, "نظير") == ["lavrov"]


def test_words_starting_with_clitic_letters_are_not_cut(index):
    assert search_ids(index, "روكسل") == []
    assert search_ids(index, "زار") == []
    assert search_ids(index, "بروكسل") == ["kirby"]


def test_phrase_query_matches_only_the_phrase(index):
    assert search_ids(index, "وقف اطلاق النار") == ["kirby", "prisoners"]
    assert search_ids(index, '"وقف اطلاق النار"') == ["kirby"]
    assert search_ids(index, '"وقف النار"') == ["prisoners"]  # ووقف meets وقف inside a phrase
    assert search_ids(index, '"اطلاق وقف"') == []


def test_prefix_query_is_normalized_and_loses_the_article(index):
    assert search_ids(index, "المحادث*") == ["kerry"]
    assert search_ids(index, "المعتقل*") == ["prisoners"]


def test_highlight_marks_the_original_spelling_with_its_diacritics(index):
    assert marked_words(index, "كيري") == ["كيرى"]
    assert marked_words(index, "الامم") == ["الأممَ"]
    assert sorted(marked_words(index, "حلب")) == ["بحلب", "حلب"]  # the clitic form is marked whole
    assert marked_words(index, '"وقف اطلاق النار"') == ["وقف", "إطلاق", "النار"]


def test_pinpoint_highlight_from_stored_characters_marks_the_original(index):
    assert marked_words(index, "مسؤول", pinpoint=True) == ["مسئولٌ"]
    assert marked_words(index, "المتحده", pinpoint=True) == ["المتّحدةَ"]


def test_tokens_carry_original_offsets_and_positions():
    text = "إنّ الأممَ، بحلب"
    tokens = [(t.text, t.pos, text[t.startchar:t.endchar])
              for t in ArabicAnalyzer()(text, positions=True, chars=True, mode="index")]
    assert tokens == [("ان", 0, "إنّ"), ("ام", 1, "الأممَ"), ("بحلب", 2, "بحلب"), ("حلب", 2, "بحلب")]  # أمم: a plural of أمة


def test_query_mode_gives_one_token_per_word():
    assert [t.text for t in ArabicAnalyzer()("بحلب وقال", mode="query")] == ["بحلب", "وقال"]


def test_variants_can_be_turned_off_for_shingle_fields():
    analyzer = ArabicAnalyzer(variants=False)
    assert [t.text for t in analyzer("بحلب", mode="index")] == ["بحلب"]


def test_stopword_analyzer_drops_stopwords_and_renumbers_positions():
    analyzer = ArabicAnalyzer(stopwords=True)
    tokens = [(t.text, t.pos) for t in analyzer("الوزير في جنيف", positions=True, mode="query")]
    assert tokens == [("وزير", 0), ("جنيف", 1)]


def test_schema_with_the_analyzer_survives_pickling():
    schema = make_schema(phrase=True)
    restored = pickle.loads(pickle.dumps(schema))
    analyzer = restored["body"].analyzer
    assert analyzer == ArabicAnalyzer()
    assert [t.text for t in analyzer("الضرباتُ", mode="query")] == ["ضرب"]
    assert isinstance(analyzer[0], ArabicTokenizer) and isinstance(analyzer[1], ArabicStemFilter)
    assert len(pickle.dumps(analyzer)) < 400  # no word lists inside


def test_on_disk_index_reopens_with_the_same_analyzer():
    with tempfile.TemporaryDirectory() as path:
        ix = FileStorage(path).create_index(make_schema())
        with ix.writer() as writer:
            writer.add_document(id="1", body="وصل وفدٌ إلى جنيفَ")
        ix.close()
        reopened = open_dir(path)
        with reopened.searcher() as searcher:
            query = QueryParser("body", reopened.schema).parse("جنيف")
            assert [hit["id"] for hit in searcher.search(query)] == ["1"]
        reopened.close()


def test_analysis_modules_do_not_import_django():
    code = ("import sys, arabic, search.analysis;"
            "print([m for m in sys.modules if m.split('.')[0] == 'django'])")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_direct_highlight_call_in_index_mode_marks_clitic_forms():
    text = "وصلت القوافل بحلبَ أمس"
    html = highlight.highlight(text, frozenset(["حلب"]), ArabicAnalyzer(), highlight.ContextFragmenter(),
                               highlight.HtmlFormatter(tagname="mark"), mode="index")
    assert re.findall(r"<mark[^>]*>(.*?)</mark>", html) == ["بحلبَ"]
