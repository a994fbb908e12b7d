"""A consistent copy of the live search index, taken while the index writer keeps writing.

Whoosh never changes a file once written: a commit writes new segment files
and a new table of contents (_MAIN_<generation>.toc), then deletes what the
old generation alone used. Hard links to one generation's table of contents
and the files of its segments therefore freeze that generation, whatever the
writer does next; if the writer deletes a file before it is linked, the
snapshot starts again from the newer generation.
"""
import os
import re
import shutil
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from .indexing import VERSION_FILE

INDEX_NAME = "MAIN"
TOC_NAME = re.compile(rf"^_{INDEX_NAME}_(\d+)\.toc$")
ATTEMPTS = 50


def _freeze(live, staging):
    """Link one generation of `live` into `staging`; FileNotFoundError when the writer moved on meanwhile."""
    generations = [int(m.group(1)) for m in map(TOC_NAME.match, os.listdir(live)) if m]
    if not generations:
        raise FileNotFoundError(f"no index in {live}")
    toc = f"_{INDEX_NAME}_{max(generations)}.toc"
    _link(live / toc, staging / toc)
    segments = TOC.read(FileStorage(str(staging)), INDEX_NAME).segments
    names = os.listdir(live)
    for segment in segments:
        prefix = segment.segment_id() + "."
        files = [name for name in names if name.startswith(prefix)]
        if not files:
            raise FileNotFoundError(f"segment {segment.segment_id()} is gone")
        for name in files:
            _link(live / name, staging / name)
    if (live / VERSION_FILE).exists():
        shutil.copy2(live / VERSION_FILE, staging / VERSION_FILE)


def _link(source, target):
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # a file system without hard links: a copy, checked by opening the snapshot
        shutil.copy2(source, target)


def snapshot(live, target):
    """Copy the latest complete generation of the index at `live` into the new directory `target`.

    Returns the number of documents in the copy, or None when there is no index.
    """
    live, target = Path(live), Path(target)
    if not whoosh_index.exists_in(str(live)):
        return None
    staging = live.with_name(f"{live.name}.snapshot-{os.getpid()}")
    try:
        for _ in range(ATTEMPTS):
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            try:
                _freeze(live, staging)
                break
            except FileNotFoundError:
                continue
        else:
            raise RuntimeError(f"the index changed too fast to copy after {ATTEMPTS} attempts")
        ix = whoosh_index.open_dir(str(staging))
        documents = ix.doc_count()
        ix.close()
        shutil.copytree(staging, target)
        return documents
    finally:
        shutil.rmtree(staging, ignore_errors=True)
