"""Whether a body may hold a name: what lets work prepared before a name was learnt stand."""
import pytest

from arabic import chain
from archive.ingest.gazetteer import BodyWords, Gazetteer, NameStarts
from archive.ingest.spelling import keyed_tokens

LEARNT = [{"key": "samer-khatib", "name": "سامر الخطيب", "kind": "person", "aliases": ["سامر الخطيب"]},
          {"key": "sergey", "name": "سيرغي ريابكوف", "kind": "person", "aliases": []}]


@pytest.mark.parametrize("body", [
    "وقال سامر الخطيب إن الجولة فشلت.",
    "ورأى الخطيب أن الحل بعيد.",  # the surname alone
    "وأشار للخطيب في حديثه.",  # ل + ال written لل
    "وبسامر الخطيب بدأ الحديث.",  # a clitic run before the first name
    "وقال سيرجي ريابكوف إن موسكو مستعدة.",  # another transliteration of the first name
])
def test_a_body_that_may_name_a_learnt_person_is_read_again(body):
    assert NameStarts.of(LEARNT).begin_any(BodyWords.of(body))


@pytest.mark.parametrize("body", [
    "وقال وزير الخارجية الروسي لافروف إن الحوار مستمر.",  # سيرغي would be a start: another سيرغي
    "وأضاف المبعوث الأممي أن المفاوضات في جنيف متعثرة.",
    "وقال سامر إن الجولة فشلت.",  # a first name alone names no one: the indexes hold whole names and surnames
])
def test_a_body_without_the_learnt_names_keeps_its_reading(body):
    assert not NameStarts.of(LEARNT).begin_any(BodyWords.of(body))


def test_every_body_that_a_learnt_name_matches_in_is_caught():
    """Wherever the gazetteer built with the learnt people finds one of them, the check says so."""
    gazetteer = Gazetteer.from_dicts(LEARNT, [])
    starts = NameStarts.of(LEARNT)
    for body in ["فالخطيب قال", "وسامر الخطيب حاضر", "لسيرغي ريابكوف رأي", "كالخطيب تماما", "سيرجي ريابكوف"]:
        tokens = list(chain.words(body))
        assert gazetteer.names.find(tokens, body) or gazetteer.sounds.find(keyed_tokens(tokens), body), body
        assert starts.begin_any(BodyWords.of(body)), body
