"""The archive's people and places as an EntityMatcher, rebuilt in a process when the entity version changes."""
import threading
import time
from collections import defaultdict

from .entities import Entity, EntityMatcher
from .models import EntityVersion

_lock = threading.Lock()
# A search reads the version at most this often per process: a database round trip on every
# search would cost a repeated (cached) search several times its own time, and an editor's alias
# is still everywhere well within the promised two seconds. This process's own changes clear it.
VERSION_TTL = 0.5

_built = (None, None)  # (token, matcher), replaced as one tuple so a reader never sees half of it
_read = (0.0, None)  # (when, token) of the last read of the version


def version():
    """The current entity version token ("" before the first change), read at most every VERSION_TTL s."""
    global _read
    now = time.monotonic()
    read_at, token = _read
    if token is None or now - read_at >= VERSION_TTL:
        token = EntityVersion.objects.filter(pk=1).values_list("token", flat=True).first() or ""
        _read = (now, token)
    return token


def changed():
    """This process changed a name: read the version again on the next search (and after the commit)."""
    global _read
    _read = (0.0, None)


def load_entities():
    """Every named person (not the unnamed speakers: a description is not a name) and place."""
    from archive.models import Person, PersonAlias, Place, PlaceAlias

    aliases = defaultdict(list)
    for person_id, name in PersonAlias.objects.values_list("person_id", "name"):
        aliases["person", person_id].append(name)
    for place_id, name in PlaceAlias.objects.values_list("place_id", "name"):
        aliases["place", place_id].append(name)
    entities = []
    people = Person.objects.exclude(kind=Person.Kind.UNNAMED).order_by("pk")
    for pk, slug, name, name_en, role, role_en in people.values_list("pk", "slug", "name", "name_en", "role", "role_en"):
        entities.append(Entity("person", pk, slug, name, name_en, role, role_en, tuple(aliases["person", pk])))
    kinds = dict(Place.Kind.choices)
    places = Place.objects.order_by("pk").values_list("pk", "slug", "name", "name_en", "kind", "country", "country_en")
    for pk, slug, name, name_en, kind, country, country_en in places:
        role = " · ".join(part for part in (str(kinds.get(kind, "")), country) if part)
        role_en = " · ".join(part for part in (kind, country_en) if part)  # the kinds' values are English words
        entities.append(Entity("place", pk, slug, name, name_en, role, role_en, tuple(aliases["place", pk])))
    return entities


def matcher(token=None):
    """This process's EntityMatcher for the current version (rebuilt, once, when the version changed)."""
    global _built
    token = version() if token is None else token
    built_token, built = _built
    if built_token == token and built is not None:
        return built
    with _lock:
        if _built[0] != token or _built[1] is None:
            _built = (token, EntityMatcher(load_entities()))
        return _built[1]


def forget():
    """Drop the matcher (tests and benchmarks: a rolled-back database may reuse a token)."""
    global _built
    with _lock:
        _built = (None, None)
    changed()
