"""A gazetteer that learns people in place holds what a gazetteer built from every dict holds."""
import copy
import pickle

from arabic import chain
from archive.ingest.gazetteer import Gazetteer

PLACES = [{"key": "aleppo", "name": "حلب", "kind": "city", "aliases": ["مدينة حلب"]},
          {"key": "turkey", "name": "تركيا", "kind": "country", "aliases": []}]
KNOWN = [
    {"key": "lavrov", "name": "سيرغي لافروف", "kind": "person", "aliases": ["لافروف"],
     "positions": [{"title": "وزير الخارجية الروسي", "start": "2004-03-09", "end": None}]},
    {"key": "kerry", "name": "جون كيري", "kind": "person", "aliases": []},
    {"key": "bahra", "name": "هادي البحرة", "kind": "person", "aliases": []},
    {"key": "mfa-ru", "name": "وزارة الخارجية الروسية", "kind": "organisation", "aliases": []},
]
LEARNT = [
    # shares a family name (a short form) with someone known
    {"key": "michael-kerry", "name": "مايكل كيري", "kind": "person", "aliases": ["مايكل كيري"], "positions": []},
    # a short form two people shared becomes someone's whole name
    {"key": "kerry-foundation", "name": "كيري", "kind": "organisation", "aliases": ["كيري"], "positions": []},
    # a name that was only someone's short form becomes someone's whole name
    {"key": "al-bahra-org", "name": "البحرة", "kind": "organisation", "aliases": ["البحرة"], "positions": []},
    # another spelling of a known name: the spelling key two people share matches neither
    {"key": "sergei-lavrov-2", "name": "سيرجي لافروف", "kind": "person", "aliases": ["سيرجي لافروف"],
     "positions": []},
    # a government that speaks for its country
    {"key": "tr-gov", "name": "الحكومة التركية", "kind": "organisation", "affiliation": "تركيا",
     "aliases": ["الحكومة التركية"], "positions": []},
    # aliases for known people: another's name (shared), and a long institution name (a new short form)
    {"key": "kerry", "name": "لافروف", "kind": "person"},
    {"key": "mfa-ru", "name": "الخارجية الروسية في موسكو", "kind": "organisation"},
]


def entries(index):
    return {form: sorted(map(repr, listed)) for form, listed in index._first.items()}


def held(gazetteer):
    return (entries(gazetteer.names), entries(gazetteer.sounds), gazetteer.shared, gazetteer.governments,
            sorted(map(repr, gazetteer.offices)), sorted(gazetteer.people))


def built_from_every_dict(known, learnt):
    people = {p["key"]: p for p in copy.deepcopy(known)}
    for entry in copy.deepcopy(learnt):
        if entry["key"] in people:
            people[entry["key"]].setdefault("aliases", []).append(entry["name"])
        else:
            people[entry["key"]] = entry
    return Gazetteer.from_dicts(list(people.values()), PLACES)


def test_learning_people_and_aliases_gives_the_entries_of_a_build_from_every_dict():
    learning = Gazetteer.from_dicts(copy.deepcopy(KNOWN), PLACES)
    for entry in copy.deepcopy(LEARNT):  # one generation a person, as an import learns them
        learning.learn([entry])
    assert held(learning) == held(built_from_every_dict(KNOWN, LEARNT))
    assert learning.shared and learning.governments  # the cases above were met


def test_learning_everything_at_once_gives_the_same_entries_as_one_at_a_time():
    at_once = Gazetteer.from_dicts(copy.deepcopy(KNOWN), PLACES).learn(copy.deepcopy(LEARNT))
    assert held(at_once) == held(built_from_every_dict(KNOWN, LEARNT))


def test_a_learnt_name_is_found_and_a_shared_spelling_finds_no_one():
    learning = Gazetteer.from_dicts(copy.deepcopy(KNOWN), PLACES).learn(copy.deepcopy(LEARNT[:1]))
    body = "وقال مايكل كيري إن الجولة انتهت"
    assert [m.key for m in learning.names.find(list(chain.words(body)), body)] == ["michael-kerry"]
    before = Gazetteer.from_dicts(copy.deepcopy(KNOWN), PLACES)
    assert before.sounds._first and held(before) != held(learning)


def test_a_name_learnt_after_a_body_was_read_is_found_whole_beside_those_sharing_its_first_word():
    learning = Gazetteer.from_dicts(copy.deepcopy(KNOWN), PLACES)
    body = "وقال جون ماكين إن جون كيري أخطأ"
    tokens = list(chain.words(body))

    def found(gazetteer):
        return [(m.key, m.i, m.j) for m in gazetteer.names.find(tokens, body)]

    assert found(learning) == [("kerry", 4, 6)]  # جون is read: كيري's first word
    learning.learn([{"key": "mccain", "name": "جون ماكين", "kind": "person", "aliases": [], "positions": []}])
    assert found(learning) == [("mccain", 1, 3), ("kerry", 4, 6)]  # the whole name, not its short form ماكين
    assert found(pickle.loads(pickle.dumps(learning))) == found(learning)  # as workers receive it
