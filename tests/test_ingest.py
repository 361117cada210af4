"""Tests of ``detente ingest`` / ``detente recode`` / ``detente events`` (src/detente/ingest.py).

Real DuckDB files, the real coder, and a real HTTP server on 127.0.0.1 (in a thread) for URL and feed
ingest: good pages, a page that 404s, one that answers too late, one over the size cap. The SIGKILL test
runs the installed ``detente`` script in a subprocess and kills it with SIGKILL while it is storing.
Every article text here is written for these tests.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.coder import Coder
from detente.errors import ArticleFormatError
from detente.ingest import FetchOptions, ingest, parse_feed, read_source
from detente.record import validate_record
from detente.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DETENTE = Path(sys.executable).parent / "detente"

PAGES: dict[str, tuple[str, str]] = {
    "/news/harbour-visit.html": ("Chilean minister visits Peru", """
        <p>LIMA, April 2 — Chilean Foreign Minister Alberto van Klaveren visited Lima on Tuesday and met Peruvian
        Foreign Minister Javier González-Olaechea to discuss port cooperation.</p>
        <p>The two ministers signed an agreement on customs checks at the border.</p>"""),
    "/news/river-talks.html": ("Egypt and Sudan hold river talks", """
        <p>CAIRO, May 7 — Egyptian Foreign Minister Sameh Shoukry met Sudanese Foreign Minister Ali al-Sadiq in
        Cairo on Sunday to discuss the waters of the Nile.</p>
        <p>Egypt accused Ethiopia of filling the dam without an agreement.</p>"""),
    "/news/fishing-deal.html": ("Norway and Iceland agree fishing quotas", """
        <p>REYKJAVIK, June 3 — Norway and Iceland agreed on Monday on new fishing quotas for the North Atlantic,
        after talks between Norwegian Foreign Minister Espen Barth Eide and Icelandic Foreign Minister
        Thordis Kolbrun Reykfjord Gylfadottir in Reykjavik.</p>"""),
}


def page(title: str, body: str, published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>").encode()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test wire</title>
<item><title>Chilean minister visits Peru</title><link>{base}/news/harbour-visit.html</link>
  <pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate></item>
<item><title>Egypt and Sudan hold river talks</title><link>{base}/news/river-talks.html</link>
  <pubDate>Sun, 07 May 2023 09:00:00 GMT</pubDate></item>
<item><title>Kenya and Uganda sign a rail accord</title><link>{base}/news/gone.html</link>
  <pubDate>Wed, 10 Jan 2024 08:00:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>Kenyan President William Ruto and Ugandan President Yoweri Museveni signed an accord
  in Nairobi on Tuesday to extend the railway to Kampala.</p>]]></content:encoded></item>
<item><title>A page that is gone</title><link>{base}/news/also-gone.html</link></item>
<item><title>Norway and Iceland agree fishing quotas</title><link>/news/fishing-deal.html</link></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:test:atom</id>
<entry><title>Norway and Iceland agree fishing quotas</title><id>urn:test:1</id>
  <link rel="alternate" href="{base}/news/fishing-deal.html"/><published>2024-06-03T08:00:00Z</published></entry>
</feed>""".encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path in PAGES:
            title, body = PAGES[self.path]
            self._send(200, "text/html; charset=utf-8", page(title, body))
        elif self.path == "/news/latin1.html":
            body = page("Portugal e Espanha assinam acordo", "<p>LISBON, May 2 - Portuguese Foreign Minister Paulo "
                        "Rangel met Spanish Foreign Minister José Manuel Albares in Lisbon on Thursday.</p>")
            body = body.replace(b"<head>", b'<head><meta charset="iso-8859-1">').decode().encode("latin-1")
            self._send(200, "text/html", body)
        elif self.path == "/feed.rss":
            self._send(200, "application/rss+xml", rss(base))
        elif self.path == "/feed.atom":
            self._send(200, "application/atom+xml", atom(base))
        elif self.path == "/slow.html":
            time.sleep(6)
            self._send(200, "text/html", page("Late", "<p>Too late.</p>"))
        elif self.path in ("/big.html", "/big-stream.html"):
            self._send(200, "text/html", page("Big", "<p>" + "word " * 400_000 + "</p>"),
                       length=self.path == "/big.html")
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, code: int, ctype: str, body: bytes, length: bool = True) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            if length:  # without it the body ends when the connection closes (HTTP/1.0)
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout, r.stderr


def write_articles(folder: Path, n: int) -> list[str]:
    """``n`` short articles of our own, each a meeting between two ministers on its own day."""
    pairs = [("Norwegian", "Espen Barth Eide", "Swedish", "Tobias Billstrom", "Oslo"),
             ("French", "Stephane Sejourne", "German", "Annalena Baerbock", "Paris"),
             ("Indian", "S. Jaishankar", "Japanese", "Yoko Kamikawa", "New Delhi"),
             ("Brazilian", "Mauro Vieira", "Argentine", "Diana Mondino", "Brasilia")]
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        a, an, b, bn, city = pairs[i % len(pairs)]
        day = 1 + i
        text = (f"# {a} and {b} ministers meet in {city} (report {i})\n\nPublished: March {day}, 2024\n\n"
                f"{a} Foreign Minister {an} met {b} Foreign Minister {bn} in {city} on Monday, the ministry "
                f"said in statement number {i}.\n\nThe two ministers signed an agreement on trade.\n\n"
                f"{bn} will visit {city} again next month.\n")
        name = f"2024-03-{day:02d}-meeting-{i}"
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
        names.append(name)
    return names


# ---------------------------------------------------------------------------------------------------
# Files


def test_ingesting_the_same_sources_twice_changes_no_row_count(tmp_path: Path) -> None:
    db = str(tmp_path / "ex.duckdb")
    code, out, err = cli("ingest", str(EXAMPLES), "--db", db)
    assert code == 0, err
    with open_store(db, read_only=True) as st:
        first = st.counts()
        ev = st.events_df()
    n_files = sum(1 for p in EXAMPLES.rglob("*") if p.suffix in (".md", ".txt"))
    assert first["articles"] >= n_files + 3      # every .md/.txt plus the JSONL records
    assert first["events"] > first["articles"] and first["mentions"] >= first["events"]
    assert "30 articles read" in out or f"{first['articles']} new" in out
    code, out, err = cli("ingest", str(EXAMPLES), "--db", db)
    assert code == 0, err
    assert f"0 new, 0 new versions, {first['articles']} unchanged" in out
    with open_store(db, read_only=True) as st:
        again = st.counts()
        assert list(st.events_df().id) == list(ev.id)
    runs = again.pop("runs")
    assert runs == first.pop("runs") + 1
    assert again == first


def test_a_changed_file_becomes_a_new_version(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    f = folder / "2024-03-01-meeting-0.md"
    db = str(tmp_path / "v.duckdb")
    assert cli("ingest", str(folder), "--db", db)[0] == 0
    f.write_text(f.read_text().replace("signed an agreement on trade", "rejected an agreement on trade"))
    code, out, _ = cli("ingest", str(folder), "--db", db)
    assert code == 0 and "1 new versions, 1 unchanged" in out
    with open_store(db, read_only=True) as st:
        allv = st.articles_df(all_versions=True)
        cur = st.articles_df()
        assert len(allv) == 3 and len(cur) == 2
        row = cur[cur.doc_id == "2024-03-01-meeting-0"].iloc[0]
        assert row.version == 2 and "rejected" in row.text
        ev = st.events_df()
        assert set(ev[ev.doc_id == "2024-03-01-meeting-0"].article_id) == {row.id}


def test_bad_sources_are_one_line_each_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write_articles(folder, 1)
    (folder / "wire.jsonl").write_text(
        '{"id": "w1", "published": "2024-02-01", "text": "Kenyan President William Ruto met Ugandan President '
        'Yoweri Museveni in Nairobi on Tuesday."}\nthis line is not json\n{"id": "w3"}\n', encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")
    db = str(tmp_path / "m.duckdb")
    code, _, err = cli("ingest", str(folder), str(tmp_path / "no-such-file.md"), "--db", db)
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.startswith("detente: ")]
    assert any("wire.jsonl:2: not valid JSON" in ln for ln in lines)
    assert any("wire.jsonl:3:" in ln and '"text"' in ln for ln in lines)
    assert any("empty.md" in ln and "empty" in ln for ln in lines)
    assert any("no-such-file.md" in ln for ln in lines)
    assert "Traceback" not in err
    with open_store(db, read_only=True) as st:
        assert set(st.articles_df().doc_id) == {"2024-03-01-meeting-0", "w1"}
        errors = json.loads(st.runs_df().iloc[-1].errors)
        assert len(errors) == 4


def test_nothing_usable_exits_2(tmp_path: Path) -> None:
    code, _, err = cli("ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "x.duckdb"))
    assert code == 2 and "missing" in err


def test_one_id_with_two_texts_in_one_run_is_refused_not_silently_replaced(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_articles(a, 1)
    write_articles(b, 1)
    f = b / "2024-03-01-meeting-0.md"
    f.write_text(f.read_text().replace("trade", "fishing"))
    db = str(tmp_path / "d.duckdb")
    code, _, err = cli("ingest", str(a), str(b), "--db", db)
    assert code == 1 and "2024-03-01-meeting-0" in err and "different text" in err
    with open_store(db, read_only=True) as st:
        assert len(st.articles_df(all_versions=True)) == 1


# ---------------------------------------------------------------------------------------------------
# URLs and feeds (real HTTP server on 127.0.0.1)


def test_url_ingest_with_a_404_and_a_timeout(server: str, tmp_path: Path) -> None:
    db = str(tmp_path / "u.duckdb")
    code, _, err = cli("ingest", f"{server}/news/harbour-visit.html", f"{server}/news/missing.html",
                       f"{server}/slow.html", "--db", db, "--timeout", "1")
    assert code == 1
    assert f"detente: {server}/news/missing.html: HTTP 404" in err
    assert f"detente: {server}/slow.html: timed out after 1 s" in err
    with open_store(db, read_only=True) as st:
        arts = st.articles_df()
        assert list(arts.url) == [f"{server}/news/harbour-visit.html"]
        assert arts.title.iloc[0] == "Chilean minister visits Peru"
        ev = st.events_df()
        assert {"CHL", "PER"} <= set(ev.source_country) | set(ev.target_country)


def test_a_slow_url_is_abandoned_after_the_timeout(server: str) -> None:
    t0 = time.monotonic()
    items = list(read_source(f"{server}/slow.html", FetchOptions(timeout=1)))
    elapsed = time.monotonic() - t0
    assert len(items) == 1 and isinstance(items[0], Exception) and "timed out after 1 s" in str(items[0])
    assert elapsed < 4, f"waited {elapsed:.1f} s for a server that answers after 6 s"


def test_page_charset_from_meta(server: str) -> None:
    (art,) = list(read_source(f"{server}/news/latin1.html", FetchOptions(timeout=3)))
    assert not isinstance(art, Exception)
    assert "José Manuel Albares" in art.text


@pytest.mark.parametrize("path", ["/big.html", "/big-stream.html"])
def test_size_cap(server: str, path: str) -> None:
    items = list(read_source(f"{server}{path}", FetchOptions(timeout=5, max_bytes=100_000)))
    assert len(items) == 1 and isinstance(items[0], Exception)
    assert str(items[0]).startswith(f"{server}{path}: response is ")
    assert str(items[0]).endswith("the cap of 100000 bytes")


def test_rss_feed_url(server: str, tmp_path: Path, coder: Coder) -> None:
    with open_store(tmp_path / "f.duckdb") as st:
        report = ingest([f"{server}/feed.rss"], st, coder=coder, opts=FetchOptions(timeout=3))
        arts = st.articles_df()
        by_title = {r.title: r for r in arts.itertuples()}
        # items 1-2 fetched from their links; item 3's page is gone but the feed carries its text
        assert set(by_title) == {"Chilean minister visits Peru", "Egypt and Sudan hold river talks",
                                 "Kenya and Uganda sign a rail accord", "Norway and Iceland agree fishing quotas"}
        # item 5's link is relative to the feed's URL
        assert by_title["Norway and Iceland agree fishing quotas"].url == f"{server}/news/fishing-deal.html"
        assert str(by_title["Egypt and Sudan hold river talks"].published)[:10] == "2023-05-07"  # from pubDate
        assert by_title["Kenya and Uganda sign a rail accord"].url == f"{server}/news/gone.html"
        # item 4: gone and no text of its own -> one error naming the feed, item and link
        assert len(report.errors) == 1
        assert report.errors[0].startswith(f"{server}/feed.rss") and "item 4" in report.errors[0]
        assert "HTTP 404" in report.errors[0]
        ev = st.events_df()
        kenya = ev[ev.doc_id == arts[arts.title.str.startswith("Kenya")].doc_id.iloc[0]]
        assert "AGREE" in set(kenya.event_type)
        before = st.counts()
        again = ingest([f"{server}/feed.rss"], st, coder=coder, opts=FetchOptions(timeout=3))
        assert again.unchanged == 4 and again.stored == 0
        after = st.counts()
        assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}


def test_atom_feed_file_with_links_to_fetch(server: str, tmp_path: Path) -> None:
    feed = tmp_path / "wire.atom"
    feed.write_bytes(atom(server))
    db = str(tmp_path / "a.duckdb")
    code, _, err = cli("ingest", str(feed), "--db", db)
    assert code == 0, err
    with open_store(db, read_only=True) as st:
        arts = st.articles_df()
        assert list(arts.url) == [f"{server}/news/fishing-deal.html"]
        assert str(arts.published.iloc[0])[:10] == "2024-06-03"
        assert len(st.events_df(dyad=("NOR", "ISL")))


def test_feed_url_served_as_atom(server: str) -> None:
    items = list(read_source(f"{server}/feed.atom", FetchOptions(timeout=3)))
    assert len(items) == 1 and not isinstance(items[0], Exception)
    assert items[0].title == "Norway and Iceland agree fishing quotas"


def test_feed_parser_resolves_no_entities_and_reports_bad_xml(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<rss version="2.0"><channel><item><title>t</title><description>&x; text</description></item>'
           '</channel></rss>').encode()
    try:
        items = parse_feed(xxe, "evil.rss")
    except ArticleFormatError:
        items = []
    assert all("TOP-SECRET-VALUE" not in (i.content or "") for i in items)
    with pytest.raises(ArticleFormatError, match=r"bad\.rss:3: not a valid RSS/Atom feed"):
        parse_feed(b'<?xml version="1.0"?>\n<rss><channel>\n<item><title>x</item></channel></rss>', "bad.rss")
    with pytest.raises(ArticleFormatError, match="root element <html>"):
        parse_feed(b"<html><body/></html>", "page.xml")


# ---------------------------------------------------------------------------------------------------
# Recode and the events command


def test_recode_restores_and_reports_changed_events(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    db = str(tmp_path / "r.duckdb")
    assert cli("ingest", str(folder), "--db", db)[0] == 0
    with open_store(db) as st:
        original = {r["id"]: r for r in st.event_records()}
        ev = st.events_df()
        gone, edited = ev.id.iloc[0], ev.id.iloc[-1]
        assert ev.doc_id.iloc[0] != ev.doc_id.iloc[-1]
        st.con.execute("DELETE FROM events WHERE id = ?", [gone])
        st.con.execute("UPDATE events SET record = json_merge_patch(record, '{\"status\": \"negated\"}') "
                       "WHERE id = ?", [edited])
        st.con.execute("INSERT INTO events (id, article_id, doc_id, record) VALUES ('stale', ?, ?, '{}')",
                       [ev.article_id.iloc[0], ev.doc_id.iloc[0]])
        st.con.execute("UPDATE articles SET coded_with = 'an-older-lexicon'")
    code, _, err = cli("ingest", str(folder), "--db", db)
    assert code == 0 and "2 stored articles were coded with other lexicons" in err and "detente recode" in err
    code, out, err = cli("recode", "--db", db, "-v")
    assert code == 0, err
    assert f"{ev.doc_id.iloc[0]}: +1 added, -1 removed, ~0 changed" in out
    assert f"{ev.doc_id.iloc[-1]}: +0 added, -0 removed, ~1 changed" in out
    assert f"  + {gone}" in out and "  - stale" in out and f"  ~ {edited}" in out
    assert "2 articles re-coded, 2 changed: 1 events added, 1 removed, 1 changed" in out
    with open_store(db, read_only=True) as st:
        assert {r["id"]: r for r in st.event_records()} == original
        run = st.runs_df().iloc[-1]
        assert run.articles == 2 and run.events == len(original)
    code, out, _ = cli("recode", "--db", db)
    assert code == 0 and "2 articles re-coded, 0 changed" in out
    code, _, err = cli("ingest", str(folder), "--db", db)
    assert code == 0 and "other lexicons" not in err


def test_events_command_table_and_jsonl(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 4)
    db = str(tmp_path / "e.duckdb")
    assert cli("ingest", str(folder), "--db", db)[0] == 0
    code, out, _ = cli("events", "--db", db, "--dyad", "NOR-SWE")
    with open_store(db, read_only=True) as st:
        n = len(st.events_df(dyad=("NOR", "SWE")))
    assert code == 0 and n > 0 and out.rstrip().endswith(f"\n{n} events")
    assert "Espen Barth" in out and "[NOR]" in out and "Annalena" not in out
    code, out, _ = cli("events", "--db", db, "--format", "jsonl", "--dyad", "fra-deu")
    recs = [json.loads(ln) for ln in out.splitlines()]
    assert recs and all({r["source"]["country"], r["target"]["country"]} == {"FRA", "DEU"} for r in recs)
    for r in recs:
        validate_record(r)
    assert cli("events", "--db", db, "--dyad", "USA")[0] == 2
    assert cli("events", "--db", str(tmp_path / "none.duckdb"))[0] == 2


# ---------------------------------------------------------------------------------------------------
# SIGKILL midway


@pytest.mark.skipif(not DETENTE.exists(), reason="the detente script is not installed in this environment")
def test_sigkill_midway_then_rerun_stores_every_article_once(tmp_path: Path, coder: Coder) -> None:
    folder = tmp_path / "many"
    names = write_articles(folder, 20)
    db = tmp_path / "k.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([str(DETENTE), "ingest", str(folder), "--db", str(db), "-v"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, env=env)
    stored = 0
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    while stored < 5 and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        stored += line.startswith("new ")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert stored >= 5, "the ingest should have stored some articles before it was killed"
    with open_store(db) as st:
        n_after_kill = st.counts()["articles"]
    assert 5 <= n_after_kill < 20, "the kill must land midway"
    rerun = subprocess.run([str(DETENTE), "ingest", str(folder), "--db", str(db)], capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{20 - n_after_kill} new, 0 new versions, {n_after_kill} unchanged" in rerun.stdout
    ref_db = tmp_path / "ref.duckdb"
    with open_store(ref_db) as ref:
        ingest([str(folder)], ref, coder=coder)
        ref_events = ref.events_df()
        ref_mentions = ref.mentions_df()
        ref_counts = ref.counts()
    with open_store(db, read_only=True) as st:
        arts = st.articles_df(all_versions=True)
        assert sorted(arts.doc_id) == sorted(names)          # every article exactly once
        ev = st.events_df()
        assert sorted(ev.id) == sorted(ref_events.id)         # no article with partial or missing events
        for doc in names:
            assert sorted(ev[ev.doc_id == doc].id) == sorted(ref_events[ref_events.doc_id == doc].id)
        m = st.mentions_df()
        assert sorted(zip(m.event_id, m.sentence, m.start, strict=True)) == sorted(
            zip(ref_mentions.event_id, ref_mentions.sentence, ref_mentions.start, strict=True))
        counts = st.counts()
        for table in ("articles", "events", "mentions", "sentences", "engagements"):
            assert counts[table] == ref_counts[table], table


def test_readme_tour_and_make_run_use_only_repository_files() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.splitlines()[1].startswith("make run") and readme.splitlines()[2].startswith("make test")
    tour = readme[readme.index("## 30-second tour"):readme.index("## Where to go next")]
    assert "../shared" not in tour
    paths = [p for p in re.findall(r"detente (?:code|explain|ingest) (\S+)", tour) if not p.isupper()]
    assert paths, "the tour should show commands on files"
    for p in paths:
        assert (ROOT / p).exists(), p
    run = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "ingest examples/" in run and "../shared" not in run
