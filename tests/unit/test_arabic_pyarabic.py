"""What the archive takes from pyarabic, and each place where its text handling must differ from pyarabic's."""

import unicodedata
from datetime import date

from pyarabic import araby, number

from arabic import normalize, tokenize
from arabic.letters import ARABIC_LETTERS
from archive.ingest.dates import find_dates

PUBLISHED = date(2016, 6, 10)


def texts(text):
    return [t.text for t in tokenize(text)]


def dates(text):
    return [(m.text, m.value) for m in find_dates(text, PUBLISHED)]


# The tables the archive takes from pyarabic

def test_every_mark_pyarabic_strips_is_deleted_by_the_archive():
    marks = set(araby.TASHKEEL) | set(araby.DIACRITICS) | set(araby.SMALL) | {araby.TATWEEL}
    assert {mark: normalize("ب" + mark) for mark in marks} == {mark: "ب" for mark in marks}


def test_the_archive_also_deletes_the_extended_marks_pyarabic_does_not_know():
    mark = "\u08F0"  # Arabic Extended-A, outside pyarabic's U+0600-06FF
    assert unicodedata.category(mark) == "Mn" and mark not in araby.DIACRITICS
    assert normalize("ب" + mark) == "ب"


def test_the_archive_letters_are_pyarabic_letters_after_folding():
    assert ARABIC_LETTERS == {normalize(letter) for letter in araby.LETTERS}
    assert len(ARABIC_LETTERS) == 29  # the 28 letters and the bare hamza
    assert not set("أإآؤئة") & ARABIC_LETTERS


def test_pyarabic_alef_forms_other_than_alef_maksura_become_bare_alef():
    assert {normalize(alef) for alef in araby.ALEFAT if alef != araby.ALEF_MAKSURA} <= {"ا", ""}


# Hamza: pyarabic's two methods are each wrong somewhere

def test_pyarabic_uniform_hamza_keeps_a_hamza_on_alef_apart_from_the_bare_alef():
    assert araby.normalize_hamza("إطلاق") == "ءطلاق"
    assert araby.normalize_hamza("اطلاق") == "اطلاق"
    assert normalize("إطلاق") == normalize("اطلاق") == "اطلاق"


def test_pyarabic_tasheel_hamza_makes_a_category_read_as_in_it():
    assert araby.normalize_hamza("فئة", method="tasheel") == araby.normalize_hamza("فية", method="tasheel")
    assert normalize("فئة") != normalize("فيه")


def test_both_agree_that_the_seat_of_a_hamza_is_spelling_only():
    assert araby.normalize_hamza("مسؤول") == araby.normalize_hamza("مسئول") == "مسءول"
    assert normalize("مسؤول") == normalize("مسئول") == "مسءول"


# Alef maksura

def test_pyarabic_alef_normalization_parts_a_name_written_with_alef_maksura_from_itself():
    assert araby.normalize_alef("كيرى") == "كيرا"
    assert araby.normalize_alef("كيرى") != araby.normalize_alef("كيري")
    assert normalize("كيرى") == normalize("كيري") == "كيري"


# Tashkeel, tatweel and the other marks

def test_pyarabic_strip_tashkeel_takes_shadda_and_leaves_tatweel_and_dagger_alef():
    assert araby.strip_tashkeel("مُدَرِّسٌ") == "مدرس"
    assert araby.strip_harakat("مُدَرِّسٌ") == "مدرّس"
    assert araby.strip_tashkeel("هَـٰذَا") == "هـٰذا"
    assert normalize("هَـٰذَا") == "هذا"


def test_pyarabic_strip_diacritics_turns_a_decomposed_hamza_on_yeh_into_a_yeh():
    decomposed = "مس\u064A\u0654ول"  # مسئول with the hamza as a combining mark
    assert araby.strip_diacritics(decomposed) == "مسيول"
    assert normalize(decomposed) == normalize("مسؤول")


# Ligatures

def test_the_archive_splits_pyarabic_lam_alef_ligatures_as_pyarabic_does():
    assert all(normalize(ligature) == normalize(araby.normalize_ligature(ligature)) == "لا"
               for ligature in araby.LIGUATURES)


def test_pyarabic_leaves_the_final_lam_alef_forms_alone():
    final = "\uFEFC"  # ﻼ, final form of ﻻ
    assert araby.normalize_ligature(final) == final
    assert normalize(final) == "لا"


# Tokens

def test_pyarabic_tokenize_splits_a_word_at_a_zero_width_non_joiner():
    assert araby.tokenize("حر\u200cب") == ["حر", "\u200c", "ب"]
    assert texts("حر\u200cب") == ["حرب"]


# Number words in dates

def test_pyarabic_ordinal_of_one_is_not_the_first_of_a_month():
    assert number.number2ordinal(1) == "الحادي"
    assert dates("عقد الاجتماع في الأول من أيار") == [("الأول من أيار", date(2016, 5, 1))]


def test_pyarabic_writes_the_teens_with_a_feminine_ten_and_the_tens_in_the_nominative():
    assert number.number2ordinal(13) == "الثالث عشرة"
    assert number.number2ordinal(21) == "الحادي والعشرون"
    assert dates("في الثالث عشر من أيار") == [("الثالث عشر من أيار", date(2016, 5, 13))]
    assert dates("في الحادي والعشرين من أيار") == [("الحادي والعشرين من أيار", date(2016, 5, 21))]


def test_pyarabic_text2number_reads_neither_normalized_spelling_nor_ordinals():
    assert number.text2number("ثلاثة") == 3
    assert number.text2number(normalize("ثلاثة")) == 0
    assert number.text2number("الحادي والعشرين") == 0
    assert dates("وصل الوفد قبل ثلاثة أيام") == [("قبل ثلاثة أيام", date(2016, 6, 7))]
