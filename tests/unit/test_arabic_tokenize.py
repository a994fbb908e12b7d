"""Tests of arabic.tokenize: word boundaries, and offsets that point into the original text."""

from arabic.tokenize import Token, tokenize


def texts(text):
    return [t.text for t in tokenize(text)]


def test_offsets_point_at_the_original_word_with_its_diacritics():
    text = "أكّدَ المُتحدّثُ، أمسِ، أنّ الوفدَ وصلَ."
    for token in tokenize(text):
        assert text[token.start:token.end] == token.original
    assert [t.original for t in tokenize(text)] == ["أكّدَ", "المُتحدّثُ", "أمسِ", "أنّ", "الوفدَ", "وصلَ"]


def test_a_word_is_never_split_at_shadda_or_harakat():
    assert list(tokenize("السّوريّة")) == [Token("السوريه", "السّوريّة", 0, 9)]


def test_tatweel_inside_a_word_does_not_split_it():
    assert texts("الحـــرب") == ["الحرب"]


def test_a_run_of_tatweel_alone_is_not_a_token():
    assert texts("قال ـــ ثم") == ["قال", "ثم"]


def test_arabic_punctuation_separates_words():
    assert texts("نعم،لا؛ربما؟حسنا۔انتهى") == ["نعم", "لا", "ربما", "حسنا", "انتهي"]


def test_every_quote_style_separates_words():
    text = "“حرب” «سلام» 'هدنة' \"تفاوض\" ”اتفاق” ‹وقف› „نار“"
    assert texts(text) == ["حرب", "سلام", "هدنه", "تفاوض", "اتفاق", "وقف", "نار"]


def test_slash_hyphen_and_underscore_separate_words():
    assert texts("آذار/مارس شمال-غرب سوريا_اليوم") == ["اذار", "مارس", "شمال", "غرب", "سوريا", "اليوم"]


def test_latin_words_are_tokens_and_lowercased():
    assert texts("قالت وكالة Reuters إنّ UN") == ["قالت", "وكاله", "reuters", "ان", "un"]


def test_arabic_and_latin_letters_glued_together_split_at_the_script_change():
    assert texts("الـBBC") == ["ال", "bbc"]
    tokens = list(tokenize("بـCNN"))
    assert [(t.original, t.start, t.end) for t in tokens] == [("بـ", 0, 2), ("CNN", 2, 5)]


def test_digits_are_kept_as_tokens_and_split_from_arabic_letters():
    assert texts("قُتل ١٥ شخصا عام ٢٠١٥م") == ["قتل", "15", "شخصا", "عام", "2015", "م"]


def test_latin_words_with_digits_stay_whole():
    assert texts("قمة G20 وCOVID19") == ["قمه", "g20", "و", "covid19"]


def test_decimal_numbers_split_the_same_way_in_both_digit_scripts():
    assert texts("٣٫٥") == texts("3.5") == ["3", "5"]


def test_ligature_expanding_to_several_words_gives_tokens_on_the_same_span():
    tokens = list(tokenize("النبي ﷺ قال"))
    assert [t.text for t in tokens] == ["النبي", "صلي", "الله", "عليه", "وسلم", "قال"]
    assert {(t.start, t.end) for t in tokens[1:5]} == {(6, 7)}


def test_invisible_joiners_and_bidi_marks_stay_inside_the_word():
    assert texts("حر\u200cب \u200fسلام") == ["حرب", "سلام"]


def test_empty_and_punctuation_only_text_gives_no_tokens():
    assert texts("") == []
    assert texts(" ،؛؟ «» ... ") == []
