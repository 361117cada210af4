"""Ingest: read sources (files, folders, JSONL, RSS/Atom feeds, article URLs), code them, store them.

A source is

- a file: text, markdown, HTML, JSON, JSONL (read by :mod:`detente.article`), or an RSS/Atom feed
  (``.rss``, ``.atom``, ``.xml``, or any file whose root element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``);
- a folder: every such file under it, recursively, in path order;
- an ``http(s)://`` URL: an RSS/Atom feed (by content) or an article page, extracted with trafilatura.

URLs are fetched with :mod:`urllib` under a bounded time (``timeout`` seconds for the whole response, not
only per read) and a size cap (``max_bytes``). A feed's items are fetched from their links; an item whose
page cannot be fetched falls back to the text the feed itself carries, if any.

One bad source, line or item is one :class:`~detente.errors.DetenteError` line in the report; the others
are still stored. An article whose text is already stored is not coded again.
"""

from __future__ import annotations

import hashlib
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ArticleFormatError, DetenteError, FetchError, InputError

if TYPE_CHECKING:
    from .article import Article
    from .coder import Coder, CodeResult
    from .store import EventDiff, Store

__all__ = [
    "FEED_SUFFIXES", "FeedItem", "FetchOptions", "IngestReport", "RecodeReport", "fetch", "ingest",
    "is_url", "parse_feed", "read_source", "rebuild_engagements", "recode",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl",
                              ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


@dataclass(frozen=True)
class FetchOptions:
    """Bounds on one HTTP fetch: total seconds and bytes."""

    timeout: float = 10.0
    max_bytes: int = 5_000_000
    user_agent: str = "detente/0.1 (+news event coder)"


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    charset: str | None
    body: bytes


def is_url(source: str) -> bool:
    return re.match(r"https?://", source, re.IGNORECASE) is not None


def fetch(url: str, opts: FetchOptions | None = None) -> Fetched:
    """GET ``url`` (http/https only) within ``opts.timeout`` seconds overall and ``opts.max_bytes`` bytes."""
    import http.client

    opts = opts or FetchOptions()
    if not is_url(url):
        raise FetchError("only http:// and https:// URLs can be fetched", path=url)
    req = urllib.request.Request(url, headers={"User-Agent": opts.user_agent, "Accept": "*/*"})
    deadline = time.monotonic() + opts.timeout
    try:
        with urllib.request.urlopen(req, timeout=opts.timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > opts.max_bytes:
                raise FetchError(f"response is {int(length)} bytes, more than the cap of {opts.max_bytes} bytes",
                                 path=url)
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {opts.timeout:g} s", path=url)
                chunk = resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > opts.max_bytes:
                    raise FetchError(f"response is more than the cap of {opts.max_bytes} bytes", path=url)
                chunks.append(chunk)
            ctype = resp.headers.get_content_type() or ""
            charset = resp.headers.get_content_charset()
            return Fetched(resp.geturl() or url, ctype, charset, b"".join(chunks))
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}", path=url) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"timed out after {opts.timeout:g} s", path=url) from None
        raise FetchError(f"cannot fetch: {reason}", path=url) from None
    except TimeoutError:
        raise FetchError(f"timed out after {opts.timeout:g} s", path=url) from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(f"cannot fetch: {type(exc).__name__}: {exc}", path=url) from None


def _decode_body(f: Fetched) -> str:
    """The body as text: the charset of the Content-Type header, else of a ``<meta charset>``, else UTF-8."""
    m = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", f.body[:4096], re.IGNORECASE)
    meta = m.group(1).decode("ascii", errors="ignore") if m else None
    for enc in (f.charset, meta, "utf-8"):
        if enc:
            try:
                return f.body.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
    return f.body.decode("utf-8", errors="replace")


def url_doc_id(url: str) -> str:
    """A readable, stable doc id for a URL: host and path as a slug (a hash suffix when long)."""
    p = urllib.parse.urlsplit(url)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{p.netloc}{p.path}" + (f"-{p.query}" if p.query else "")).strip("-")
    if len(slug) > 80:
        slug = slug[:70].rstrip("-") + "-" + hashlib.sha1(url.encode()).hexdigest()[:8]
    return slug or hashlib.sha1(url.encode()).hexdigest()[:12]


# ---------------------------------------------------------------------------------------------------
# Feeds


@dataclass(frozen=True)
class FeedItem:
    """One RSS ``<item>`` or Atom ``<entry>``."""

    index: int
    line: int | None
    title: str | None
    link: str | None
    published: date | None
    content: str | None   # the item's own text or HTML (content:encoded / Atom content, else the summary)
    guid: str | None


def looks_like_feed(data: bytes) -> bool:
    """Is the document's root element ``<rss>``, ``<feed>`` (Atom) or ``<rdf:RDF>``?"""
    head = data[:4096].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    head = re.sub(r"^(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*", "", head, flags=re.DOTALL)
    return re.match(r"<(?:rss|feed|rdf:RDF)\b", head) is not None


def _text(el: Any) -> str | None:
    if el is None:
        return None
    txt = "".join(el.itertext()).strip()
    return txt or None


def _feed_date(value: str | None) -> date | None:
    if not value:
        return None
    from .article import parse_published

    d = parse_published(value.strip())
    if d is not None:
        return d
    try:
        return parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def parse_feed(data: bytes, where: str) -> list[FeedItem]:
    """The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed; ArticleFormatError naming ``where`` otherwise.

    The XML parser resolves no entities and fetches nothing (no XXE, no network)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise ArticleFormatError(f"not a valid RSS/Atom feed: {exc.msg}", path=where, line=line) from None
    tag = etree.QName(root).localname
    items: list[FeedItem] = []
    if tag == "feed":
        for n, e in enumerate(root.iter(f"{_ATOM}entry"), start=1):
            link = None
            for ln in e.iter(f"{_ATOM}link"):
                if ln.get("rel", "alternate") == "alternate" and ln.get("href"):
                    link = ln.get("href")
                    break
            content = _text(e.find(f"{_ATOM}content")) or _text(e.find(f"{_ATOM}summary"))
            pub = _text(e.find(f"{_ATOM}published")) or _text(e.find(f"{_ATOM}updated"))
            items.append(FeedItem(n, e.sourceline, _text(e.find(f"{_ATOM}title")), link, _feed_date(pub), content,
                                  _text(e.find(f"{_ATOM}id"))))
    elif tag in ("rss", "RDF"):
        for n, e in enumerate((x for x in root.iter() if isinstance(x.tag, str)
                               and etree.QName(x).localname == "item"), start=1):
            def child(name: str, e: Any = e) -> str | None:
                for c in e:
                    if isinstance(c.tag, str) and etree.QName(c).localname == name and c.tag != _CONTENT:
                        return _text(c)
                return None

            content = _text(e.find(_CONTENT)) or child("description")
            pub = child("pubDate") or _text(e.find(_DC_DATE))
            items.append(FeedItem(n, e.sourceline, child("title"), child("link"), _feed_date(pub), content,
                                  child("guid")))
    else:
        raise ArticleFormatError(f"not an RSS/Atom feed (root element <{tag}>)", path=where)
    if not items:
        raise ArticleFormatError("the feed has no items", path=where)
    return items


def _html_paragraphs(content: str) -> list[str]:
    if "<" not in content:
        return [p.strip() for p in re.split(r"\n\s*\n", content) if p.strip()]
    import lxml.html

    try:
        frag = lxml.html.fragment_fromstring(content, create_parent="div")
    except Exception:  # lxml raises several types on broken fragments
        return [re.sub(r"<[^>]+>", " ", content).strip()]
    paras = [" ".join(el.text_content().split()) for el in frag.iter("p", "li", "h2", "h3", "blockquote")]
    paras = [p for p in paras if p]
    return paras or [" ".join(frag.text_content().split())]


def _item_article(item: FeedItem, feed: str, opts: FetchOptions) -> Article:
    from .article import article_from_text

    if item.link and not is_url(item.link) and is_url(feed):  # a relative link in a fetched feed
        item = replace(item, link=urllib.parse.urljoin(feed, item.link))
    if item.link and is_url(item.link):
        try:
            art = _url_article(item.link, opts)
        except DetenteError as exc:
            if not item.content:
                raise FetchError(f"item {item.index} ({item.link}): {exc.message}", path=feed,
                                 line=item.line) from None
            art = None
        if art is not None:
            if art.published is None and item.published is not None:
                art.published = item.published
            if not art.title and item.title:
                art.title = item.title
            return art
    if not item.content:
        raise ArticleFormatError(f"item {item.index} has neither a link to fetch nor text", path=feed, line=item.line)
    doc_id = url_doc_id(item.link) if item.link else (
        re.sub(r"[^A-Za-z0-9]+", "-", item.guid).strip("-")[:80] if item.guid else
        f"{Path(feed).stem or 'feed'}-{item.index}")
    text = "\n\n".join(_html_paragraphs(item.content))
    try:
        if not text.strip():
            raise ArticleFormatError("empty item text")
        return article_from_text(text, doc_id, published=item.published, title=item.title, url=item.link,
                                 source_file=feed, meta={"format": "feed-item"})
    except ArticleFormatError as exc:
        raise ArticleFormatError(f"item {item.index}: {exc.message}", path=feed, line=item.line) from None


def _url_article(url: str, opts: FetchOptions) -> Article:
    from .article import article_from_html

    f = fetch(url, opts)
    text = _decode_body(f)
    if not f.content_type.endswith(("html", "xml")) and f.content_type not in ("text/plain", ""):
        raise FetchError(f"not an article page (content type {f.content_type})", path=url)
    if f.content_type == "text/plain":
        from .article import article_from_text

        art = article_from_text(text, url_doc_id(url), url=url, source_file=url)
    else:
        art = article_from_html(text, url_doc_id(url), source_file=url)
    art.url = art.url if art.url and is_url(art.url) else f.url
    return art


# ---------------------------------------------------------------------------------------------------
# Sources


def _files(path: Path) -> Iterator[Path]:
    for f in sorted(path.rglob("*")):
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts) \
                and f.suffix.lower() in ARTICLE_SUFFIXES | FEED_SUFFIXES:
            yield f


def _file_items(path: Path, opts: FetchOptions) -> Iterator[Article | DetenteError]:
    from .article import iter_articles

    feed = path.suffix.lower() in FEED_SUFFIXES
    if not feed and path.suffix.lower() not in ARTICLE_SUFFIXES:
        try:
            with path.open("rb") as fh:
                feed = looks_like_feed(fh.read(4096))
        except OSError:
            feed = False
    if feed:
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(f"cannot read file: {exc.strerror or exc}", path=path)
            return
        yield from _english(_feed_items(data, str(path), opts))
        return
    yield from iter_articles(path)


def _english(items: Iterable[Article | DetenteError]) -> Iterator[Article | DetenteError]:
    """Feed items and fetched pages get the language check the file readers apply: an article that is
    not English becomes a :class:`~detente.language.NotEnglishError` line instead of being coded."""
    from .language import check_english

    for item in items:
        if isinstance(item, DetenteError):
            yield item
            continue
        problem = check_english(item)
        yield item if problem is None else problem


def _feed_items(data: bytes, where: str, opts: FetchOptions) -> Iterator[Article | DetenteError]:
    try:
        items = parse_feed(data, where)
    except DetenteError as exc:
        yield exc
        return
    for item in items:
        try:
            yield _item_article(item, where, opts)
        except DetenteError as exc:
            yield exc


def read_source(source: str, opts: FetchOptions | None = None) -> Iterator[Article | DetenteError]:
    """Every article of one source, or the error that stands for a bad part of it (file, line, item, URL)."""
    opts = opts or FetchOptions()
    try:
        if is_url(source):
            f = fetch(source, opts)
            if "rss" in f.content_type or "atom" in f.content_type or looks_like_feed(f.body):
                yield from _english(_feed_items(f.body, source, opts))
            else:
                yield from _english([_url_article(source, opts)])
            return
        path = Path(source)
        if path.is_dir():
            any_file = False
            for p in _files(path):
                any_file = True
                try:
                    yield from _file_items(p, opts)
                except DetenteError as exc:
                    yield exc
            if not any_file:
                yield InputError("no article or feed files in this folder", path=path)
            return
        if not path.exists():
            yield InputError("no such file, folder or URL", path=path)
            return
        yield from _file_items(path, opts)
    except DetenteError as exc:
        yield exc


# ---------------------------------------------------------------------------------------------------
# Ingest and recode


@dataclass
class IngestReport:
    run_id: str = ""
    read: int = 0
    new: int = 0
    new_versions: int = 0
    unchanged: int = 0
    events: int = 0
    engagements: int | None = None
    stale: int = 0   # current articles coded with other lexicons (``detente recode`` re-codes them)
    errors: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.new_versions


#: ``(phase, done, total, label)`` — phase "read" (per source) or "code" (per article).
Progress = Callable[[str, int, int, str], None]


def _noop(_phase: str, _done: int, _total: int, _label: str) -> None:
    return None


def _code_batch(coder: Coder, batch: Sequence[Article], errors: list[str]) -> list[tuple[Article, CodeResult]]:
    try:
        return [(r.article, r) for r in coder.code_articles(batch, batch_size=len(batch))]
    except Exception:  # one bad article in a batch: code them one by one to isolate it
        out: list[tuple[Article, CodeResult]] = []
        for a in batch:
            try:
                out.append((a, coder.code_article(a)))
            except DetenteError as exc:
                errors.append(exc.one_line())
            except Exception as exc:  # a coder failure on one article must not stop the run
                errors.append(f"{a.source_file or a.id}: article {a.id!r} could not be coded "
                              f"({type(exc).__name__}: {exc})")
        return out


class RunArticles:
    """One text, one article; one url/doc_id, one text per run or batch (a second text would silently
    replace the first). ``admit`` gives the article's id and says whether it is new here, a repeat of a
    text already seen (counted unchanged), or a conflicting text for a url/id already taken (reported,
    not stored)."""

    def __init__(self, scope: str) -> None:
        self.scope = scope
        self.ids: set[str] = set()
        self.keys: dict[str, tuple[str, str]] = {}

    def admit(self, a: Article, errors: list[str]) -> tuple[str, str]:
        from .store import article_id

        aid = article_id(a)
        key = f"url:{a.url}" if a.url else f"doc:{a.id}"
        where = a.source_file or a.id
        if aid in self.ids:
            return "repeat", aid
        if key in self.keys and self.keys[key][0] != aid:
            errors.append(f"{where}: {'url' if a.url else 'id'} {(a.url or a.id)!r} is also that of another "
                          f"article in this {self.scope} ({self.keys[key][1]}) with a different text; not stored "
                          "(give each article its own id or url)")
            return "conflict", aid
        self.ids.add(aid)
        self.keys[key] = (aid, where)
        return "new", aid


def ingest(sources: Sequence[str], store: Store, coder: Coder | None = None, opts: FetchOptions | None = None,
           progress: Progress = _noop, on_article: Callable[[str, Article, int], None] | None = None,
           batch_size: int = 16) -> IngestReport:
    """Read every source, code the articles not yet stored, store each in its own transaction.

    ``on_article(status, article, n_events)`` is called after each article is stored (status "new",
    "new-version", "unchanged"). Ends by rebuilding the engagements (when :mod:`detente.engagements` exists).
    """

    opts = opts or FetchOptions()
    report = IngestReport()
    report.run_id = store.start_run()
    articles: list[Article] = []
    for n, source in enumerate(sources, start=1):
        progress("read", n - 1, len(sources), source)
        for item in read_source(source, opts):
            if isinstance(item, DetenteError):
                report.errors.append(item.one_line())
            else:
                articles.append(item)
        progress("read", n, len(sources), source)
    report.read = len(articles)

    seen = RunArticles("run")
    todo: list[Article] = []
    done = 0
    for a in articles:
        verdict, aid = seen.admit(a, report.errors)
        if verdict != "new":
            done += 1
            report.unchanged += verdict == "repeat"
            continue
        if store.is_current(aid):
            done += 1
            report.unchanged += 1
            if on_article is not None:
                on_article("unchanged", a, 0)
            continue
        todo.append(a)
    total = len(articles)
    progress("code", done, total, "")
    if todo:
        if coder is None:
            from .coder import Coder

            coder = Coder()
        for lo in range(0, len(todo), batch_size):
            batch = todo[lo:lo + batch_size]
            coded = _code_batch(coder, batch, report.errors)
            done += len(batch) - len(coded)
            for a, result in coded:
                try:
                    status = store.add_result(result, report.run_id)
                except DetenteError as exc:
                    report.errors.append(f"{a.source_file or a.id}: {exc.one_line()}")
                    status = "failed"
                if status == "new":
                    report.new += 1
                elif status == "new-version":
                    report.new_versions += 1
                elif status == "unchanged":
                    report.unchanged += 1
                if status in ("new", "new-version"):
                    report.events += len(result.events)
                done += 1
                if on_article is not None:
                    on_article(status, a, len(result.events))
                progress("code", done, total, a.id)
    report.engagements = rebuild_engagements(store, report.errors)
    report.stale = store.stale_articles()
    store.finish_run(report.run_id, articles=report.stored, events=report.events, errors=report.errors)
    return report


def rebuild_engagements(store: Store, errors: list[str]) -> int | None:
    """``store.replace_engagements(build_engagements(store.event_records()))`` when detente.engagements exists;
    the number of engagements, or None when that module is not installed."""
    try:
        from . import engagements as eng_mod
    except ImportError:
        return None
    build: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = getattr(eng_mod, "build_engagements",
                                                                                   None)
    if build is None:
        return None
    try:
        engagements = build(store.event_records())
        store.replace_engagements(engagements)
    except DetenteError as exc:
        errors.append(f"engagements: {exc.one_line()}")
        return None
    return len(engagements)


@dataclass
class RecodeReport:
    run_id: str = ""
    articles: int = 0
    diffs: list[EventDiff] = field(default_factory=list)
    events: int = 0
    engagements: int | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(len(d.added) for d in self.diffs)

    @property
    def removed(self) -> int:
        return sum(len(d.removed) for d in self.diffs)

    @property
    def changed(self) -> int:
        return sum(len(d.changed) for d in self.diffs)


def recode(store: Store, coder: Coder | None = None, progress: Progress = _noop,
           on_article: Callable[[EventDiff], None] | None = None, batch_size: int = 16) -> RecodeReport:
    """Re-code every current article with the current lexicons and store its new events (one transaction
    per article); the report lists, per article, the event ids added, removed and changed."""
    report = RecodeReport()
    report.run_id = store.start_run()
    stored = store.current_articles()
    if stored:
        if coder is None:
            from .coder import Coder

            coder = Coder()
        ids = {id(a): aid for aid, a in stored}
        arts = [a for _, a in stored]
        done = 0
        progress("code", 0, len(arts), "")
        for lo in range(0, len(arts), batch_size):
            batch = arts[lo:lo + batch_size]
            coded = _code_batch(coder, batch, report.errors)
            done += len(batch) - len(coded)
            for a, result in coded:
                try:
                    diff = store.replace_coding(ids[id(a)], result)
                except DetenteError as exc:
                    report.errors.append(exc.one_line())
                    continue
                report.articles += 1
                report.events += len(result.events)
                report.diffs.append(diff)
                done += 1
                if on_article is not None:
                    on_article(diff)
                progress("code", done, len(arts), a.id)
    report.engagements = rebuild_engagements(store, report.errors)
    store.finish_run(report.run_id, articles=report.articles, events=report.events, errors=report.errors)
    return report
