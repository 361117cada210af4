"""The corpus store: articles, their events and mentions, engagements and runs in one DuckDB file.

::

    from detente.store import open_store
    with open_store("detente.duckdb") as st:          # creates or migrates the file
        run = st.start_run()
        st.add_result(result, run)                    # "new" | "unchanged" | "new-version"
        st.finish_run(run, articles=1, events=len(result.events))
        df = st.events_df(dyad=("USA", "CHN"))

An article's id is the sha1 of its normalised text (:func:`normalise_text`): adding the same text again
changes nothing. An article with the same url (or, without one, the same doc_id) as a stored article but
a different text is a *new version*: a new ``articles`` row (``version`` + 1, ``supersedes`` = the old id,
the old row kept with ``current = false``) whose events replace the old version's. Each article is written
in one transaction: a failure rolls it back, leaving what was stored before untouched.

Every statement is parameterised; no SQL is ever built from user-supplied strings. The schema version is
kept in ``meta``; an older store is migrated when it is opened read-write (see :data:`MIGRATIONS`).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .errors import StoreError

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from .article import Article
    from .coder import CodeResult
    from .record import Event

__all__ = [
    "DEFAULT_DB", "MIGRATIONS", "SCHEMA_V1", "SCHEMA_VERSION", "EventDiff", "Store", "article_from_record",
    "article_id", "lexicon_checksum", "normalise_text", "open_store",
]

DEFAULT_DB = "detente.duckdb"
SCHEMA_VERSION = 3

#: The first layout (schema version 1), kept so that the migration to the current one can be tested:
#: articles without versions or stored Article fields; no sentences or engagements tables.
SCHEMA_V1: tuple[str, ...] = (
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)""",
    """CREATE TABLE articles (id TEXT PRIMARY KEY, doc_id TEXT, url TEXT, title TEXT, source TEXT, byline TEXT,
        published DATE, text TEXT, run_id TEXT, ingested_at TIMESTAMP)""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY, article_id TEXT, doc_id TEXT, published DATE, event_type TEXT, mode TEXT,
        status TEXT, source_country TEXT, source_name TEXT, source_sector TEXT, target_country TEXT,
        target_name TEXT, target_sector TEXT, date_start DATE, date_end DATE, location_name TEXT,
        location_country TEXT, plover_type TEXT, cameo TEXT, quad INTEGER, intensity DOUBLE, confidence DOUBLE,
        context TEXT, record JSON)""",
    """CREATE TABLE mentions (event_id TEXT, article_id TEXT, sentence INTEGER, start INTEGER, "end" INTEGER,
        trigger TEXT, rule TEXT, text TEXT)""",
    """CREATE TABLE runs (id TEXT PRIMARY KEY, version TEXT, lexicon_checksum TEXT, started TIMESTAMP,
        finished TIMESTAMP, articles INTEGER, events INTEGER, errors JSON)""",
)

_TABLES: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, doc_id TEXT, url TEXT, title TEXT, source TEXT, byline TEXT, published DATE,
        text TEXT, version INTEGER, supersedes TEXT, current BOOLEAN, run_id TEXT, ingested_at TIMESTAMP,
        article JSON, coded_with TEXT)""",
    """CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY, article_id TEXT, doc_id TEXT, published DATE, event_type TEXT, mode TEXT,
        status TEXT, source_country TEXT, source_name TEXT, source_sector TEXT, target_country TEXT,
        target_name TEXT, target_sector TEXT, date_start DATE, date_end DATE, location_name TEXT,
        location_country TEXT, plover_type TEXT, cameo TEXT, quad INTEGER, intensity DOUBLE, confidence DOUBLE,
        context TEXT, record JSON)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        event_id TEXT, article_id TEXT, sentence INTEGER, start INTEGER, "end" INTEGER, trigger TEXT,
        rule TEXT, text TEXT)""",
    """CREATE TABLE IF NOT EXISTS sentences (article_id TEXT, idx INTEGER, kind TEXT, text TEXT)""",
    """CREATE TABLE IF NOT EXISTS engagements (
        id TEXT PRIMARY KEY, event_type TEXT, mode TEXT, source TEXT, target TEXT, status TEXT,
        first_reported DATE, last_reported DATE, date_start DATE, date_end DATE, location TEXT, record JSON)""",
    """CREATE TABLE IF NOT EXISTS runs (
        id TEXT PRIMARY KEY, version TEXT, lexicon_checksum TEXT, started TIMESTAMP, finished TIMESTAMP,
        articles INTEGER, events INTEGER, errors JSON)""",
)


def _migrate_1_to_2(con: duckdb.DuckDBPyConnection) -> None:
    """Version 1 (the first layout) had no article versions, no stored Article fields, no sentences or
    engagements tables: every v1 article becomes version 1, current, with its text as the only paragraph."""
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS version INTEGER")
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS supersedes TEXT")
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS current BOOLEAN")
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS article JSON")
    con.execute("UPDATE articles SET version = 1, current = true WHERE version IS NULL")
    rows = con.execute("SELECT id, doc_id, url, title, published, text FROM articles WHERE article IS NULL").fetchall()
    for aid, doc_id, url, title, published, text in rows:
        fields = {"id": doc_id, "url": url, "title": title, "published": published.isoformat() if published else None,
                  "paragraphs": [p for p in re.split(r"\n\s*\n", text or "") if p.strip()]}
        con.execute("UPDATE articles SET article = ? WHERE id = ?", [json.dumps(fields), aid])
    for ddl in _TABLES:
        con.execute(ddl)


def _migrate_2_to_3(con: duckdb.DuckDBPyConnection) -> None:
    """Version 3 records, per article, the lexicon checksum its events were coded with (NULL: unknown)."""
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS coded_with TEXT")


#: ``from_version -> step``: each step brings a store from that version to the next, inside one transaction.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


# ---------------------------------------------------------------------------------------------------
# Identity and checksums

_WS_RE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The text an article id is computed from: Unicode NFC, whitespace runs as one space, stripped."""
    return _WS_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(article: Article) -> str:
    """sha1 of the article's normalised text (headline, standfirst, captions, body)."""
    return hashlib.sha1(normalise_text(article.text).encode("utf-8")).hexdigest()


def lexicon_checksum() -> str:
    """sha1 over every file under ``detente/data`` (relative path and bytes), in path order."""
    h = hashlib.sha1()
    root = resources.files("detente").joinpath("data")

    def walk(node: Any, rel: str) -> Iterator[tuple[str, Any]]:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            path = f"{rel}/{child.name}" if rel else child.name
            if child.is_dir():
                if child.name != "__pycache__":
                    yield from walk(child, path)
            else:
                yield path, child

    for rel, node in walk(root, ""):
        h.update(rel.encode("utf-8") + b"\0")
        h.update(node.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _version() -> str:
    from . import __version__

    return __version__


# ---------------------------------------------------------------------------------------------------
# Article <-> JSON


def _article_json(article: Article) -> str:
    d = asdict(article)
    d["published"] = article.published.isoformat() if article.published else None
    return json.dumps(d, ensure_ascii=False, default=str)


def article_from_record(fields: dict[str, Any]) -> Article:
    """The Article stored in ``articles.article`` (as read at ingest), to re-code it exactly as it was."""
    from .article import Article

    known = set(Article.__dataclass_fields__)
    kw = {k: v for k, v in fields.items() if k in known}
    pub = kw.get("published")
    kw["published"] = datetime.date.fromisoformat(pub) if isinstance(pub, str) else None
    kw.setdefault("id", "article")
    return Article(**kw)


def _iso_date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _actor_name(a: Any) -> str | None:
    """The actor's resolved name, else its text (not the "(implicit: ...)" placeholder)."""
    if a is None:
        return None
    return a.name or (None if a.text.startswith("(") else a.text)


def _event_row(ev: Event, aid: str, published: datetime.date | None) -> list[Any]:
    src, tgt, loc, d = ev.source, ev.target, ev.location, ev.date
    return [
        ev.id, aid, ev.doc_id, published, ev.event_type, ev.mode, ev.status,
        src.country if src else None, _actor_name(src), src.sector if src else None,
        tgt.country if tgt else None, _actor_name(tgt), tgt.sector if tgt else None,
        _iso_date(d.start) if d else None, _iso_date(d.end) if d else None,
        (loc.name or loc.text) if loc else None, loc.country if loc else None,
        ev.plover_type, ev.cameo, ev.quad, ev.intensity, ev.confidence, ",".join(ev.context),
        json.dumps(ev.to_dict(), ensure_ascii=False),
    ]


@dataclass
class EventDiff:
    """What re-coding one article changed: event ids added, removed, and kept with a changed record."""

    article_id: str
    doc_id: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


# ---------------------------------------------------------------------------------------------------
# The store


class Store:
    """One open DuckDB store. Use :func:`open_store`; a context manager (closes on exit)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool = False) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self._checksum: str | None = None

    # -- lifetime ---------------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def schema_version(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _tx(self, what: str, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` in one transaction: COMMIT on success, ROLLBACK and StoreError on any failure."""
        import duckdb

        if self.read_only:
            raise StoreError(f"cannot {what}: the store is open read-only", path=self.path)
        self.con.execute("BEGIN TRANSACTION")
        try:
            out = fn()
            self.con.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"cannot {what}: {exc}", path=self.path) from None
            raise
        return out

    # -- runs ---------------------------------------------------------------------------------------

    def start_run(self, checksum: str | None = None) -> str:
        """Record the start of an ingest or recode run; its id."""
        run_id = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        started = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        self._tx("start a run", lambda: self.con.execute(
            "INSERT INTO runs (id, version, lexicon_checksum, started, articles, events, errors) "
            "VALUES (?, ?, ?, ?, 0, 0, ?)",
            [run_id, _version(), checksum or self.checksum, started, "[]"]))
        return run_id

    def finish_run(self, run_id: str, articles: int = 0, events: int = 0, errors: Sequence[str] = ()) -> None:
        finished = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        self._tx("finish a run", lambda: self.con.execute(
            "UPDATE runs SET finished = ?, articles = ?, events = ?, errors = ? WHERE id = ?",
            [finished, articles, events, json.dumps(list(errors), ensure_ascii=False), run_id]))

    # -- writing articles -----------------------------------------------------------------------------

    def has_article(self, aid: str) -> bool:
        """Is an article with this id stored (in any version)?"""
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [aid]).fetchone() is not None

    def is_current(self, aid: str) -> bool:
        """Is an article with this id stored as the current version (adding it again changes nothing)?"""
        return self.con.execute("SELECT 1 FROM articles WHERE id = ? AND current", [aid]).fetchone() is not None

    @property
    def checksum(self) -> str:
        """The lexicon checksum of the running detente (what new codings are recorded as coded with)."""
        if self._checksum is None:
            self._checksum = lexicon_checksum()
        return self._checksum

    def stale_articles(self) -> int:
        """How many current articles were coded with other lexicons than the running ones (see ``recode``)."""
        row = self.con.execute("SELECT count(*) FROM articles WHERE current AND coded_with IS DISTINCT FROM ?",
                               [self.checksum]).fetchone()
        return int(row[0]) if row else 0

    def add_result(self, result: CodeResult, run_id: str, coded_with: str | None = None) -> str:
        """Store one coded article and its events in one transaction: "new", "unchanged" or "new-version".

        A text stored as an older, superseded version of the same url/doc_id becomes the current version
        again ("new-version": the events follow the latest text added). ``coded_with``: the lexicon checksum
        the result was coded with, when not the running detente's (results coded elsewhere)."""
        checksum = coded_with or self.checksum
        art = result.article
        aid = article_id(art)
        published = result.published or art.published
        now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)

        def write() -> str:
            row = self.con.execute("SELECT current FROM articles WHERE id = ?", [aid]).fetchone()
            if row is not None and row[0]:
                return "unchanged"
            prev = self.con.execute(
                "SELECT id, version FROM articles WHERE current AND id <> ? AND (doc_id = ? OR "
                "(url IS NOT NULL AND url = ?)) ORDER BY (url IS NOT NULL AND url = ?) DESC, version DESC",
                [aid, art.id, art.url, art.url]).fetchall()
            version, supersedes = 1, None
            if prev:
                supersedes = prev[0][0]
                version = max(int(v or 1) for _, v in prev) + 1
                for old_id, _ in prev:
                    self._delete_coding(old_id)
                    self.con.execute("UPDATE articles SET current = false WHERE id = ?", [old_id])
            if row is not None:  # an older text of this url/doc_id again: it is the current version once more
                self._delete_coding(aid)
                self.con.execute(
                    "UPDATE articles SET current = true, version = ?, supersedes = ?, run_id = ?, ingested_at = ?, "
                    "coded_with = ? WHERE id = ?", [version, supersedes, run_id, now, checksum, aid])
            else:
                self.con.execute(
                    "INSERT INTO articles (id, doc_id, url, title, source, byline, published, text, version, "
                    "supersedes, current, run_id, ingested_at, article, coded_with) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?)",
                    [aid, art.id, art.url, art.title, art.source_file, art.byline, published, art.text, version,
                     supersedes, run_id, now, _article_json(art), checksum])
            self._insert_coding(aid, result, published)
            return "new-version" if prev or row is not None else "new"

        status: str = self._tx(f"store article {art.id!r}", write)
        return status

    def replace_coding(self, aid: str, result: CodeResult) -> EventDiff:
        """Replace one stored article's events, mentions and sentences by a new coding (one transaction)."""
        row = self.con.execute("SELECT doc_id, published FROM articles WHERE id = ?", [aid]).fetchone()
        if row is None:
            raise StoreError(f"no article {aid!r} in the store", path=self.path)
        doc_id, published = row
        old = dict(self.con.execute("SELECT id, CAST(record AS TEXT) FROM events WHERE article_id = ?",
                                    [aid]).fetchall())
        new = {ev.id: json.dumps(ev.to_dict(), ensure_ascii=False) for ev in result.events}
        diff = EventDiff(aid, doc_id,
                         added=sorted(set(new) - set(old)), removed=sorted(set(old) - set(new)),
                         changed=sorted(i for i in set(new) & set(old) if json.loads(new[i]) != json.loads(old[i])))

        def write() -> None:
            self._delete_coding(aid)
            self._insert_coding(aid, result, published)
            self.con.execute("UPDATE articles SET coded_with = ? WHERE id = ?", [self.checksum, aid])

        self._tx(f"re-code article {doc_id!r}", write)
        return diff

    def _delete_coding(self, aid: str) -> None:
        for table in ("mentions", "events", "sentences"):  # fixed table names, never user input
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])

    def _insert_coding(self, aid: str, result: CodeResult, published: datetime.date | None) -> None:
        events = result.events
        if events:
            self.con.executemany(
                "INSERT INTO events VALUES (" + ", ".join(["?"] * 24) + ")",
                [_event_row(ev, aid, published) for ev in events])
            mentions = [[ev.id, aid, m.sentence, m.start, m.end, m.trigger, m.rule, m.text]
                        for ev in events for m in ev.mentions]
            if mentions:
                self.con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mentions)
        sents = [[aid, s.index, s.kind, s.text] for s in result.sentences]
        if sents:
            self.con.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?)", sents)

    def replace_engagements(self, engagements: Sequence[dict[str, Any]]) -> None:
        """Replace every stored engagement (one transaction); dicts as built by ``detente.engagements``."""
        rows = [self._engagement_row(e) for e in engagements]

        def write() -> None:
            self.con.execute("DELETE FROM engagements")
            if rows:
                self.con.executemany("INSERT INTO engagements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

        self._tx("store engagements", write)

    @staticmethod
    def _engagement_row(e: dict[str, Any]) -> list[Any]:
        d = e.get("date") or {}
        loc = e.get("location")
        if isinstance(loc, dict):
            loc = loc.get("name") or loc.get("text") or loc.get("country")
        return [e["id"], e.get("event_type"), e.get("mode"), e.get("source"), e.get("target"), e.get("status"),
                _iso_date(e.get("first_reported")), _iso_date(e.get("last_reported")),
                _iso_date(d.get("start")), _iso_date(d.get("end")), loc,
                json.dumps(e, ensure_ascii=False, default=str)]

    # -- reading ------------------------------------------------------------------------------------------

    def _df(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return self.con.execute(sql, list(params)).df()

    def articles_df(self, all_versions: bool = False) -> pd.DataFrame:
        """Stored articles (without the ``article`` JSON column); only current versions unless ``all_versions``."""
        where = "" if all_versions else "WHERE current"
        return self._df("SELECT id, doc_id, url, title, source, byline, published, text, version, supersedes, "
                        f"current, run_id, ingested_at, coded_with FROM articles {where} "
                        "ORDER BY published, doc_id, version")

    def events_df(self, dyad: tuple[str, str] | None = None, both_directions: bool = True,
                  event_type: str | None = None, status: str | None = None,
                  since: datetime.date | None = None, until: datetime.date | None = None,
                  limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """Current events, one row each (``record`` = the full JSON record), ordered by publication date.

        ``dyad=("USA", "CHN")``: source and target countries (either way round unless ``both_directions`` is
        False); ``since``/``until``: the event's start date, or its article's publication date when undated.
        """
        sql, params = self._event_where(dyad, both_directions, event_type, status, since, until)
        sql = "SELECT * FROM events" + sql + " ORDER BY published NULLS LAST, doc_id, date_start NULLS LAST, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        if offset:
            sql += " OFFSET ?"
            params.append(int(offset))
        return self._df(sql, params)

    @staticmethod
    def _event_where(dyad: tuple[str, str] | None, both_directions: bool, event_type: str | None,
                     status: str | None, since: datetime.date | None,
                     until: datetime.date | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if dyad is not None:
            a, b = dyad
            if both_directions:
                clauses.append("((source_country = ? AND target_country = ?) OR (source_country = ? AND "
                               "target_country = ?))")
                params += [a, b, b, a]
            else:
                clauses.append("source_country = ? AND target_country = ?")
                params += [a, b]
        if event_type is not None:
            clauses.append("event_type = ?")
            params.append(event_type)
        if status is not None:
            clauses.append("status = ?")
            params.append(status)
        if since is not None:
            clauses.append("COALESCE(date_start, published) >= ?")
            params.append(since)
        if until is not None:
            clauses.append("COALESCE(date_start, published) <= ?")
            params.append(until)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def mentions_df(self) -> pd.DataFrame:
        return self._df('SELECT * FROM mentions ORDER BY article_id, sentence, start, event_id')

    def sentences_df(self) -> pd.DataFrame:
        return self._df("SELECT * FROM sentences ORDER BY article_id, idx")

    def engagements_df(self) -> pd.DataFrame:
        return self._df("SELECT * FROM engagements ORDER BY first_reported NULLS LAST, id")

    def runs_df(self) -> pd.DataFrame:
        return self._df("SELECT * FROM runs ORDER BY started")

    def dyads_df(self) -> pd.DataFrame:
        """Country pairs with their number of current events, most events first."""
        return self._df("SELECT source_country AS source, target_country AS target, count(*) AS events FROM events "
                        "WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
                        "GROUP BY 1, 2 ORDER BY events DESC, source, target")

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event's full record plus ``published``, ``article_id`` and the sentences of its mentions."""
        row = self.con.execute("SELECT CAST(record AS TEXT), published, article_id FROM events WHERE id = ?",
                               [event_id]).fetchone()
        if row is None:
            return None
        rec: dict[str, Any] = json.loads(row[0])
        rec["published"] = row[1].isoformat() if row[1] else None
        rec["article_id"] = row[2]
        idx = sorted({m["sentence"] for m in rec.get("mentions") or []})
        rec["sentences"] = [
            {"index": i, "text": t} for i, t in self.con.execute(
                "SELECT idx, text FROM sentences WHERE article_id = ? AND list_contains(?, idx) ORDER BY idx",
                [row[2], idx]).fetchall()]
        return rec

    def event_records(self) -> list[dict[str, Any]]:
        """Every current event as its record plus ``published`` (ISO) and ``article_id``."""
        out: list[dict[str, Any]] = []
        for rec_text, published, aid in self.con.execute(
                "SELECT CAST(record AS TEXT), published, article_id FROM events "
                "ORDER BY published NULLS LAST, doc_id, id").fetchall():
            rec: dict[str, Any] = json.loads(rec_text)
            rec["published"] = published.isoformat() if published else None
            rec["article_id"] = aid
            out.append(rec)
        return out

    def current_articles(self) -> list[tuple[str, Article]]:
        """``(article id, Article as read at ingest)`` for every current article, in publication order."""
        return [(aid, article_from_record(json.loads(fields)))
                for aid, fields in self.con.execute(
                    "SELECT id, CAST(article AS TEXT) FROM articles WHERE current "
                    "ORDER BY published NULLS LAST, doc_id").fetchall()]

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        out: dict[str, int] = {}
        for table in ("meta", "articles", "events", "mentions", "sentences", "engagements", "runs"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()  # fixed names
            out[table] = int(row[0]) if row else 0
        return out


# ---------------------------------------------------------------------------------------------------
# Opening


def open_store(db: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open (creating it if needed) the DuckDB store at ``db``, migrating an older schema.

    Raises :class:`StoreError` when the file is not a DuckDB database, is locked by another process, is
    not a detente store, was written by a newer detente, or is older and opened read-only.
    """
    import duckdb

    path = str(db)
    if read_only and not Path(path).exists():
        raise StoreError("no such store", path=path)
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            raise StoreError("the store is in use by another process (DuckDB allows one writer); wait for it to "
                             "finish or use another --db", path=path) from None
        raise StoreError(f"cannot open the store: {msg.splitlines()[0]}", path=path) from None
    except duckdb.Error as exc:
        raise StoreError(f"not a DuckDB store: {str(exc).splitlines()[0]}", path=path) from None
    try:
        _prepare(con, path, read_only)
    except BaseException:
        con.close()
        raise
    return Store(con, path, read_only)


def _prepare(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
    import duckdb

    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if not tables:
        if read_only:
            raise StoreError("empty store: run `detente ingest` first", path=path)
        con.execute("BEGIN TRANSACTION")
        for ddl in _TABLES:
            con.execute(ddl)
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
        return
    if "meta" not in tables:
        raise StoreError("not a detente store (no meta table); give another --db", path=path)
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        version = int(row[0]) if row else 0
    except ValueError:
        version = 0
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise StoreError(f"store schema version {version} is newer than this detente's ({SCHEMA_VERSION}); "
                         "upgrade detente", path=path)
    if version not in MIGRATIONS:
        raise StoreError(f"store schema version {row[0] if row else None!r} is unknown; re-ingest into a new --db",
                         path=path)
    if read_only:
        raise StoreError(f"store schema version {version} is older than {SCHEMA_VERSION}: open it once read-write "
                         "(e.g. `detente ingest --db PATH` or `detente.open(PATH)`) to migrate it", path=path)
    con.execute("BEGIN TRANSACTION")
    try:
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](con)
            version += 1
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot migrate the store to schema version {SCHEMA_VERSION}: {exc}", path=path) from None
