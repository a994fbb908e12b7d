"""Tests of arabic.normalize: which spellings fold together, and offsets back to the original."""

import random

import pytest

from arabic.normalize import normalize, normalize_with_offsets, original_span

FOLDS_TOGETHER = [
    # (variant, plain spelling): both must normalize to the same string
    ("مَدْرَسَةٌ", "مدرسة"),                 # harakat and tanween
    ("مُدَرِّسٌ", "مدرس"),                   # shadda
    ("ٱلرَّحْمَٰن", "الرحمن"),               # alef wasla, dagger alef
    ("جمـــيل", "جميل"),                   # tatweel
    ("أحمد", "احمد"),
    ("إبراهيم", "ابراهيم"),
    ("آمال", "امال"),
    ("مسؤول", "مسئول"),                   # hamza seat: Levantine vs Egyptian spelling
    ("شؤون", "شئون"),
    ("شيء", "شئ"),                         # final hamza after yeh
    ("مبادئ", "مبادىء"),
    ("مبادئ", "مباديء"),
    ("مدينة", "مدينه"),
    ("مستشفى", "مستشفي"),
    ("کتاب", "كتاب"),                      # Persian kaf
    ("یوم", "يوم"),                        # Persian yeh
    ("٢٠١٩", "2019"),
    ("۲۰۱۹", "2019"),                      # Eastern Arabic-Indic (Persian) digits
    ("Damascus", "DAMASCUS"),
    ("ﻻ", "لا"),                           # lam-alef presentation form
    ("ﺃﻣﻞ", "أمل"),                        # contextual presentation forms
    ("Ｕ Ｎ", "u n"),                       # full width Latin
    ("\u0648\u0654", "ؤ"),                 # decomposed hamza above on waw
    ("\u064A\u064E\u0654", "ئ"),           # decomposed, mark in canonical order
    ("حر\u200cب", "حرب"),                  # zero-width non-joiner inside a word
]


@pytest.mark.parametrize("variant, plain", FOLDS_TOGETHER)
def test_spelling_variants_normalize_to_the_same_string(variant, plain):
    assert normalize(variant) == normalize(plain)


def test_harakat_shadda_tatweel_and_dagger_alef_are_removed():
    assert normalize("هَـٰذَا الكِتَابُ مُهِمٌّ") == "هذا الكتاب مهم"


def test_alef_variants_fold_to_bare_alef_and_taa_marbuta_to_heh():
    assert normalize("أ إ آ ٱ ة ى") == "ا ا ا ا ه ي"


def test_hamza_seats_fold_to_hamza_not_to_waw_or_yeh():
    # folding ئ to ي would make فئة "category" equal فيه "in it" and هيئة stem to هي
    assert normalize("فئة") != normalize("فيه")
    assert normalize("هيئة") == "هيءه"
    assert normalize("سؤال") == "سءال"


def test_hamza_on_alef_is_dropped_but_bare_hamza_kept():
    assert normalize("أسماء") == "اسماء"
    assert normalize("شيء") != normalize("شي")  # Xi (Jinping) is not "thing"


def test_arabic_punctuation_and_latin_punctuation_are_kept():
    assert normalize("نعم، لا؛ ماذا؟ «قال»") == "نعم، لا؛ ماذا؟ «قال»"


def test_digits_of_all_scripts_become_ascii():
    assert normalize("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"


def test_ligature_of_several_words_expands():
    assert normalize("ﷲ") == "الله"
    assert normalize("ﷺ").split() == ["صلي", "الله", "عليه", "وسلم"]


def test_isolated_harakat_presentation_forms_vanish():
    assert normalize("ﹰﹶﹼ") == ""


def test_normalize_is_idempotent():
    text = "إنّ الأُمَمَ المتّحدة «تدعو» إلى وقفٍ فوريّ لإطلاق النار ١٢ مرّة"
    assert normalize(normalize(text)) == normalize(text)


SAMPLES = [
    "",
    "بسم",
    "قالَ المُتَحَدِّثُ: «سَنُواصِلُ المُحادثاتِ» في جنيف، يوم ٢٠ أيار/مايو.",
    "شيءٌ ما في شاطىء البحر، ومبادئ الـCNN و Ｆｕｌｌ ﻻ ﷺ ﷲ.",
    "\u0648\u064E\u0654 \u064A\u0654 ﹰكلمة ـــ Straße İstanbul",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_offsets_version_gives_the_same_normalized_text(text):
    normalized, offsets = normalize_with_offsets(text)
    assert normalized == normalize(text)
    assert len(offsets) == len(normalized) + 1
    assert offsets[-1] == len(text)
    assert offsets == sorted(offsets)


def test_offsets_map_a_normalized_word_back_to_its_original_spelling():
    text = "وقال: إنّ الأُمَمَ المُتّحدة تدعم"
    normalized, offsets = normalize_with_offsets(text)
    start = normalized.index("الامم")
    a, b = original_span(offsets, start, start + len("الامم"))
    assert text[a:b] == "الأُمَمَ"  # trailing fatha included


def test_offsets_of_final_yeh_hamza_cover_both_letters():
    text = "لا شيء هنا"
    normalized, offsets = normalize_with_offsets(text)
    start = normalized.index("شء")
    a, b = original_span(offsets, start, start + 2)
    assert text[a:b] == "شيء"


def test_offsets_point_each_normalized_character_at_the_character_it_came_from():
    """Read a character at a time: deleted marks leave no offset, a ligature one per letter it spells."""
    alphabet = ("قال المتحدث «نعم» في جنيف ٢٠١٦ أإآٱ ةى ک ﻻ ﷲ ﹰ ﬁ ß İ Ｆ ـ \u064E\u0651\u0670\u08F0\u00AD\u200C"
                "\u200F abc 123 ،؛؟ \U0001F600")
    rng = random.Random(2016)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        expected = [at for at, ch in enumerate(text) for _ in normalize(ch)] + [len(text)]
        assert normalize_with_offsets(text) == (normalize(text), expected), text
