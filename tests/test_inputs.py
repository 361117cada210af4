"""Bad or unusual input files: other encodings, files over the size cap, articles not in English and
impossible ``--published`` dates. Each gets one clear line; every good input in the same run is coded."""

from __future__ import annotations

import json
import random
import tracemalloc
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from detente.article import Article, iter_articles, read_articles
from detente.cli import check_published, main
from detente.errors import ArticleFormatError, InputError, LexiconError
from detente.language import NotEnglishError, guess_language, load_languages
from detente.limits import Limits, format_size, parse_size
from detente.record import validate_record

LANG_DIR = Path(__file__).resolve().parent / "fixtures" / "languages"
FOREIGN = {"zh-talks.txt": "zh", "ru-talks.txt": "ru", "fr-talks.txt": "fr", "es-talks.txt": "es"}
ENGLISH = LANG_DIR / "en-foreign-names.txt"

ARTICLE = ("Ministers Meet in Lisbon\n\n"
           "The French foreign minister visited Lisbon on Tuesday and met his Portuguese counterpart.\n\n"
           "Both governments agreed to open a joint consulate in Dakar next year.\n")


def invoke(*args: Any) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], prog_name="detente", env={"COLUMNS": "200"},
                                catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"detente {' '.join(map(str, args))} raised {result.exception!r}") \
            from result.exception
    return result


def lines_of(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    for ln in lines:
        assert ln.startswith("detente: "), ln
    return lines


def events(stdout: str) -> list[dict[str, Any]]:
    out = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    for rec in out:
        validate_record(rec)
    return out


def only(path: Path, **kw: Any) -> Article:
    [art] = read_articles(path, **kw)
    return art


# --------------------------------------------------------------------------------------------------
# 1. Encodings


@pytest.mark.parametrize(("name", "data"), [
    ("utf16le.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le")),
    ("utf16be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be")),
    ("utf8bom.md", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
    ("utf32le.txt", b"\xff\xfe\x00\x00" + ARTICLE.encode("utf-32-le")),
])
def test_byte_order_marks_decode_without_a_warning(tmp_path: Path, name: str, data: bytes) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    art = only(p)
    assert art.title == "Ministers Meet in Lisbon"
    assert not art.title.startswith("\ufeff")
    assert "joint consulate in Dakar" in art.text
    assert art.warnings == []


def test_utf16_without_bom_is_read_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "nobom.txt"
    p.write_bytes(ARTICLE.encode("utf-16-le"))
    art = only(p)
    assert art.title == "Ministers Meet in Lisbon"
    assert any("UTF-16" in w for w in art.warnings)


def test_utf16_jsonl_is_read(tmp_path: Path) -> None:
    p = tmp_path / "wire.jsonl"
    recs = [{"id": "a", "text": ARTICLE}, {"id": "b", "text": "Chile and Peru signed a trade pact."}]
    p.write_bytes(b"\xff\xfe" + "".join(json.dumps(r) + "\n" for r in recs).encode("utf-16-le"))
    assert [a.id for a in read_articles(p)] == ["a", "b"]


def test_cp1252_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    text = ("Ministers Meet in S\u00e3o Tom\u00e9\n\nThe minister said the \u201cnew\u201d aid of \u20ac5m for "
            "Mo\u00e7ambique was agreed \u2014 and Fran\u00e7ois Dupr\u00e9 welcomed it.\n")
    p = tmp_path / "cp1252.txt"
    p.write_bytes(text.encode("cp1252"))
    art = only(p)
    assert art.title == "Ministers Meet in S\u00e3o Tom\u00e9"
    assert "\u201cnew\u201d aid of \u20ac5m" in art.text and "Fran\u00e7ois Dupr\u00e9" in art.text
    [warning] = art.warnings
    assert str(p) in warning and "not UTF-8" in warning and "Windows-1252" in warning


def test_latin1_article_is_coded_and_the_cli_warns(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes(ARTICLE.replace("Lisbon", "Bras\u00edlia").encode("latin-1"))
    result = invoke("code", p, "--published", "2024-05-08", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert any("Windows-1252" in ln and str(p) in ln for ln in lines_of(result.stderr))
    recs = events(result.stdout)
    assert recs and all(r["doc_id"] == "latin" for r in recs)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("noise.txt", random.Random(7).randbytes(4096), "binary"),
    ("noise-no-nul.md", bytes(b or 1 for b in random.Random(8).randbytes(4096)), "not UTF-8"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 8, "not UTF-8"),
    ("bad16.txt", b"\xff\xfe" + b"\x00\xd8\x41\x00" * 10, "not valid UTF-16"),
    ("half-binary.txt", b"Talks resumed.\n" + bytes(range(0x80, 0x100)) * 4, "not UTF-8"),
])
def test_binary_is_still_refused(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ArticleFormatError, match=reason) as exc:
        read_articles(p)
    assert "\n" not in str(exc.value) and str(p) in str(exc.value)


# --------------------------------------------------------------------------------------------------
# 2. File size cap


def _sparse(path: Path, size: int, head: str = ARTICLE) -> Path:
    with path.open("wb") as f:
        f.write(head.encode("utf-8"))
        f.truncate(size)
    return path


def test_50mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = _sparse(tmp_path / "huge.txt", 50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as exc:
            read_articles(big, limits=Limits())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, f"{peak:,} bytes allocated to refuse a file"
    msg = str(exc.value)
    assert msg == (f"{big}: file too large (50 MB, over the limit of 20 MB; raise it with --max-bytes or "
                   "$DETENTE_MAX_FILE_MB)")


def test_cli_big_file_is_one_line_and_others_are_coded(tmp_path: Path) -> None:
    big = _sparse(tmp_path / "huge.md", 50 * 1024 * 1024)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = invoke("code", big, good, "--published", "2024-05-08", "--format", "jsonl")
    assert result.exit_code == 1
    [line] = [ln for ln in lines_of(result.stderr) if "huge.md" in ln]
    assert "file too large (50 MB, over the limit of 20 MB" in line
    assert {r["doc_id"] for r in events(result.stdout)} == {"good"}


def test_max_bytes_option_sets_the_cap(tmp_path: Path) -> None:
    p = tmp_path / "small.txt"
    p.write_text(ARTICLE + "The talks ended.\n" * 100, encoding="utf-8")
    refused = invoke("code", p, "--max-bytes", "1K", "--published", "2024-05-08", "--format", "jsonl")
    assert refused.exit_code == 2
    assert lines_of(refused.stderr) == [
        f"detente: {p}: file too large ({format_size(p.stat().st_size)}, over the limit of 1 KB; "
        "raise it with --max-bytes or $DETENTE_MAX_FILE_MB)"]
    accepted = invoke("code", p, "--max-bytes", "1M", "--published", "2024-05-08", "--format", "jsonl")
    assert accepted.exit_code == 0, accepted.stderr
    assert events(accepted.stdout)


@pytest.mark.parametrize("bad", ["lots", "-5", "0", "12 parsecs"])
def test_bad_max_bytes_is_one_line_exit_2(bad: str) -> None:
    result = invoke("code", ENGLISH, "--max-bytes", bad)
    assert result.exit_code == 2
    [line] = lines_of(result.stderr)
    assert line.startswith("detente: --max-bytes: ")


def test_sizes_parse_and_print() -> None:
    assert parse_size("50M") == parse_size("50 MB") == 50 * 1024 * 1024
    assert parse_size("512k") == 512 * 1024
    assert parse_size("1000") == 1000
    assert parse_size("1.5G") == 3 * 1024**3 // 2
    assert format_size(20 * 1024 * 1024) == "20 MB"
    assert format_size(1536) == "1.5 KB"
    assert format_size(1) == "1 byte"


def test_env_var_sets_the_cap(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DETENTE_MAX_FILE_MB", "0.001")
    assert Limits.from_env().max_file_bytes == 1048
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE * 10, encoding="utf-8")
    with pytest.raises(InputError, match="over the limit of 1 KB"):
        read_articles(p)


def test_a_device_is_read_only_up_to_the_cap() -> None:
    zero = Path("/dev/zero")
    if not zero.exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(InputError, match="file too large \\(over the limit of 4 KB"):
        read_articles(zero, limits=Limits(max_file_bytes=4096))


def test_jsonl_over_the_cap_is_read_line_by_line(tmp_path: Path) -> None:
    p = tmp_path / "wire.jsonl"
    with p.open("w", encoding="utf-8") as f:
        for n in range(1, 301):
            if n == 150:
                f.write(json.dumps({"id": "long", "text": "Talks. " * 2000}) + "\n")
            elif n == 200:
                f.write('{"id": "latin", "text": "Caf\xe9"}\n')
            else:
                f.write(json.dumps({"id": f"r{n}", "text": f"Peru and Chile held talks number {n}."}) + "\n")
    data = p.read_bytes().replace("Caf\xe9".encode(), b"Caf\xe9")
    p.write_bytes(data)
    assert p.stat().st_size > 4096 * 4
    items = list(iter_articles(p, limits=Limits(max_file_bytes=4096)))
    errors = [i for i in items if isinstance(i, ArticleFormatError)]
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 298 and arts[0].id == "r1" and arts[-1].id == "r300"
    assert [(e.line, e.message) for e in errors] == [
        (150, "line longer than the limit of 4 KB: skipped"),
        (200, "not UTF-8 text (invalid byte 0xe9 at column 29)"),
    ]


# --------------------------------------------------------------------------------------------------
# 3. Articles not in English


@pytest.mark.parametrize(("name", "code"), sorted(FOREIGN.items()))
def test_foreign_article_is_skipped_with_a_reason(name: str, code: str) -> None:
    [item] = list(iter_articles(LANG_DIR / name))
    assert isinstance(item, NotEnglishError)
    assert f"is not English (looks like {code};" in item.message
    assert item.one_line().startswith(str(LANG_DIR / name))


def test_english_with_foreign_names_is_english() -> None:
    art = only(ENGLISH)
    assert guess_language(art.text).english
    assert "Sánchez" in art.text


@pytest.mark.parametrize("text", [
    "Beijing",
    "Xi Jinping, Li Qiang, Wang Yi.",
    "Le Monde: Macron à Berlin",
    "Angela Merkel und Olaf Scholz",
])
def test_short_texts_are_not_skipped(text: str) -> None:
    assert guess_language(text).english


def test_other_languages_are_named() -> None:
    de = ("Die Außenminister der beiden Länder trafen sich am Dienstag in der Hauptstadt und sprachen "
          "über den Handel und die Sicherheit in der Region, sagte ein Sprecher.")
    assert guess_language(de).language == "de"
    uk = "Міністри закордонних справ двох країн провели переговори у столиці, які тривали понад чотири години."
    assert guess_language(uk).language == "uk"
    ja = "両国の外相は火曜日に東京で会談し、貿易と安全保障について意見を交換しました。"
    assert guess_language(ja).language == "ja"


def test_cli_skips_foreign_articles_codes_english_exit_1(tmp_path: Path) -> None:
    result = invoke("code", LANG_DIR, "--published", "2024-05-08", "--format", "jsonl")
    assert result.exit_code == 1
    skipped = [ln for ln in lines_of(result.stderr) if "not English" in ln]
    assert len(skipped) == len(FOREIGN)
    for name, code in FOREIGN.items():
        [line] = [ln for ln in skipped if name in ln]
        assert f"not English (looks like {code};" in line
    recs = events(result.stdout)
    assert recs and {r["doc_id"] for r in recs} == {"en-foreign-names"}


def test_cli_only_foreign_is_exit_2() -> None:
    result = invoke("code", LANG_DIR / "zh-talks.txt", "--format", "jsonl")
    assert result.exit_code == 2
    assert "not English (looks like zh;" in lines_of(result.stderr)[0]


def test_any_language_codes_them_anyway() -> None:
    result = invoke("code", LANG_DIR / "fr-talks.txt", "--any-language", "--published", "2024-05-08",
                    "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert not [ln for ln in lines_of(result.stderr) if "not English" in ln]
    events(result.stdout)


def test_jsonl_foreign_line_is_reported_by_line(tmp_path: Path) -> None:
    p = tmp_path / "wire.jsonl"
    fr = (LANG_DIR / "fr-talks.txt").read_text(encoding="utf-8")
    recs = [{"id": "a", "text": ARTICLE}, {"id": "b", "text": fr}, {"id": "c", "text": ARTICLE},
            {"id": "d", "text": fr, "language": "en"}, {"id": "e", "text": ARTICLE, "lang": "de"}]
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    items = list(iter_articles(p))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "c", "d"]
    errs = [i for i in items if isinstance(i, NotEnglishError)]
    assert [e.line for e in errs] == [2, 5]
    assert "looks like fr" in errs[0].message and "its language is 'de'" in errs[1].message


def test_language_data_loader_reports_bad_entries_by_file_and_line(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts.yaml"
    scripts.write_text("- script: Latin\n  ranges: ['0041-005A']\n"
                       "- script: Greek\n  ranges: ['03FF-0370', 'zz']\n", encoding="utf-8")
    stop = tmp_path / "stopwords.yaml"
    stop.write_text("- language: en\n  name: English\n  script: Latin\n  words: [the, of]\n"
                    "- language: xx\n  name: Nowhere\n  script: Klingon\n  words: [on, off]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        load_languages(scripts, tmp_path / "none.yaml")
    assert f"{scripts}:3: range '03FF-0370' ends before it starts" in exc.value.message
    assert f"{scripts}:3: range 'zz' is not HHHH-HHHH" in exc.value.message
    scripts.write_text("- script: Latin\n  ranges: ['0041-005A']\n", encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        load_languages(scripts, stop)
    assert f"{stop}:5: field 'words' must be a list of non-empty strings" in exc.value.message
    assert f"{stop}:5: script 'Klingon' is not in scripts.yaml" in exc.value.message


# --------------------------------------------------------------------------------------------------
# 4. --published


@pytest.mark.parametrize(("value", "reason"), [
    ("2023-02-30", "no such date"),
    ("2023-13-01", "no such date"),
    ("1899-12-31", "before 1900"),
    ((date.today() + timedelta(days=1)).isoformat(), "in the future"),
    ("2999-01-01", "in the future"),
    ("June 2023", "not a date (YYYY-MM-DD)"),
])
def test_bad_published_is_one_line_exit_2(value: str, reason: str) -> None:
    for cmd in (("code", ENGLISH), ("explain", ENGLISH)):
        result = invoke(*cmd, "--published", value)
        assert result.exit_code == 2
        assert result.stdout == ""
        [line] = lines_of(result.stderr)
        assert line.startswith("detente: --published ") and value in line and reason in line


def test_published_bounds() -> None:
    today = date(2024, 3, 1)
    assert check_published("2024-03-01", today) == today
    assert check_published("1900-01-01", today) == date(1900, 1, 1)
    assert check_published("2024-02-29", today) == date(2024, 2, 29)
    with pytest.raises(Exception, match="in the future \\(today is 2024-03-01\\)"):
        check_published("2024-03-02", today)


def test_check_english_on_articles_built_elsewhere() -> None:
    from detente.article import article_from_html, article_from_text
    from detente.language import check_english

    es = (LANG_DIR / "es-talks.txt").read_text(encoding="utf-8")
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in es.split("\n\n")) + "</article></body></html>"
    problem = check_english(article_from_html(page, "page", source_file="http://127.0.0.1/es"))
    assert problem is not None
    assert problem.one_line().startswith("http://127.0.0.1/es: article 'page' is not English (looks like es;")
    assert check_english(article_from_text(ARTICLE, "en")) is None


@pytest.mark.parametrize("text", [
    "Ulkoministerit tapasivat tiistaina pääkaupungissa ja keskustelivat kaupasta, ilmastosta ja alueen "
    "turvallisuudesta yli neljän tunnin ajan. Tapaamisen jälkeen molemmat valtuuskunnat allekirjoittivat "
    "yhteisen julkilausuman ja sitoutuivat jatkamaan säännöllistä vuoropuhelua ensi keväänä, kertoi diplomaatti.",
    "Các bộ trưởng ngoại giao hai nước đã gặp nhau tại thủ đô vào thứ Ba và thảo luận về thương mại, khí hậu và "
    "an ninh khu vực trong hơn bốn giờ. Sau cuộc họp, hai phái đoàn đã ký một tuyên bố chung.",
])
def test_latin_script_language_without_a_list_is_unknown_not_english(text: str) -> None:
    from detente.article import article_from_text
    from detente.language import check_english

    guess = guess_language(text)
    assert not guess.english and guess.language == "und"
    problem = check_english(article_from_text(text, "x"))
    assert problem is not None and "not English (looks like an unknown language;" in problem.message


def test_a_list_of_names_is_not_an_unknown_language() -> None:
    names = ", ".join(["France", "Germany", "Japan", "Brazil", "India", "Kenya", "Chile", "Egypt"] * 20)
    assert guess_language(f"{names} signed an agreement with China.").english


def test_batch_skips_a_foreign_jsonl_record_with_a_reason(tmp_path: Path) -> None:
    from detente.batch import code_partition, plan_partitions

    p = tmp_path / "wire.jsonl"
    fr = (LANG_DIR / "fr-talks.txt").read_text(encoding="utf-8")
    recs = [{"id": "en", "text": ARTICLE, "published": "2024-05-08"}, {"id": "fr", "text": fr}]
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    [part] = list(plan_partitions([p], 10))
    out = code_partition(part)
    [failure] = out.failure_rows
    assert failure["stage"] == "read"
    assert failure["reason"].startswith(f"{p}:2: article 'fr' is not English (looks like fr;")
    assert out.articles == 1 and out.events > 0


def test_ingest_skips_a_foreign_page_and_feed_item(tmp_path: Path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from detente.ingest import read_source

    es = (LANG_DIR / "es-talks.txt").read_text(encoding="utf-8")
    def html(text: str) -> str:
        return "<html><body><article>" + "".join(f"<p>{x}</p>" for x in text.split("\n\n")) + "</article></body></html>"

    pages = {"/es": html(es), "/en": html(ARTICLE)}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/feed":
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                body = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
                        f"<item><title>a</title><link>{base}/en</link></item>"
                        f"<item><title>b</title><link>{base}/es</link></item></channel></rss>").encode()
                ctype = "application/rss+xml"
            elif self.path in pages:
                body, ctype = pages[self.path].encode(), "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    try:
        [page] = list(read_source(f"{base}/es"))
        assert isinstance(page, NotEnglishError) and "looks like es" in page.message
        [en] = list(read_source(f"{base}/en"))
        assert isinstance(en, Article)
        items = list(read_source(f"{base}/feed"))
        assert [type(i).__name__ for i in items] == ["Article", "NotEnglishError"]
    finally:
        srv.shutdown()
        srv.server_close()
