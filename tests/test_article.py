"""Tests of detente.article: the Article model, the readers and the text cleaning."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from detente.article import (
    Article,
    article_from_html,
    article_from_text,
    iter_articles,
    parse_published,
    read_articles,
)
from detente.errors import ArticleFormatError, InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
FT_MD = FIXTURES / "ft-style-fishing-talks.md"
PLAIN_TXT = FIXTURES / "plain-river-accord.txt"
PRESS_TXT = FIXTURES / "press-release-port-visit.txt"
HTML = FIXTURES / "harbour-talks.html"
SINGLE_JSON = FIXTURES / "single-record.json"
BATCH_JSONL = FIXTURES / "wire-batch.jsonl"


def _spec_dir() -> Path | None:
    for cand in (Path(__file__).resolve().parents[1].parent / "shared" / "spec", Path("/work/shared/spec")):
        if cand.is_dir():
            return cand
    return None


SPEC = _spec_dir()


def one(path: Path) -> Article:
    arts = read_articles(path)
    assert len(arts) == 1
    return arts[0]


def seg_texts(art: Article) -> list[str]:
    return [t for _, t in art.segments()]


# --------------------------------------------------------------------------------------------------
# parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-06-06", datetime.date(2023, 6, 6)),
        ("2023-06-06T10:00:00Z", datetime.date(2023, 6, 6)),
        ("2023-06-06T23:30:00-05:00", datetime.date(2023, 6, 6)),
        ("2023-06-06 08:15", datetime.date(2023, 6, 6)),
        ("June 6, 2023", datetime.date(2023, 6, 6)),
        ("Jun. 6, 2023", datetime.date(2023, 6, 6)),
        ("6 June 2023", datetime.date(2023, 6, 6)),
        ("6th of June, 2023", datetime.date(2023, 6, 6)),
        ("Monday, August 28, 2023", datetime.date(2023, 8, 28)),
        ("Tuesday 5 March 2024", datetime.date(2024, 3, 5)),
        ("Published: June 6, 2023 10:32 AM EDT", datetime.date(2023, 6, 6)),
        ("2023/06/06", datetime.date(2023, 6, 6)),
        ("  March 5, 2024.  ", datetime.date(2024, 3, 5)),
    ],
)
def test_parse_published_accepts(value: str, expected: datetime.date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "7 HOURS AGO",
        "yesterday",
        "06/07/2023",
        "2023-02-30",
        "June 2023",
        "sometime in June",
        "The talks began on June 6, 2023.",
    ],
)
def test_parse_published_rejects(value: str) -> None:
    assert parse_published(value) is None


# --------------------------------------------------------------------------------------------------
# FT-style scraped markdown


@pytest.fixture(scope="module")
def ft() -> Article:
    return one(FT_MD)


def test_ft_metadata(ft: Article) -> None:
    assert ft.id == "ft-style-fishing-talks"
    assert ft.title == "Norway and Iceland to hold mackerel talks in sign of thaw"
    assert ft.section == "Nordic politics"
    assert ft.byline == "Astrid Lindqvist"
    assert ft.dateline == "Oslo"
    assert ft.age_text == "5 HOURS AGO"
    assert ft.published is None
    assert ft.published_text == "5 HOURS AGO"
    assert ft.year_bound == 2024
    assert ft.standfirst == "Fisheries ministers will meet in Reykjavik after a year-long quota dispute"
    assert ft.captions == [
        "A trawler unloads mackerel in the port of Ålesund, where the quota row has hit local processors"
    ]
    assert ft.meta["credits"] == ["Kari Nordmann/Example Press"]
    assert ft.meta["additional_reporting"] == ["Jon Einarsson in Reykjavik"]
    assert "2024" in ft.meta["copyright"]
    assert ft.source_file == str(FT_MD)


def test_ft_segment_order(ft: Article) -> None:
    kinds = [k for k, _ in ft.segments()]
    assert kinds == ["headline", "standfirst", "caption"] + ["body"] * 4
    assert ft.segments()[0] == ("headline", ft.title)
    assert [t for k, t in ft.segments() if k == "body"] == ft.paragraphs


@pytest.mark.parametrize(
    "sentence",
    [
        # paragraph ended with a comma, next began lowercase
        "The Icelandic foreign ministry said last week that the coastal states had exchanged letters in "
        "April, signalling that a compromise on catch shares was within reach.",
        # paragraph ended mid-phrase with a word, next began lowercase
        "Officials in Oslo said the Norwegian coastguard had stopped escorting trawlers close to the "
        "Icelandic fishing zone boundary since the call.",
    ],
)
def test_ft_split_sentences_rejoined(ft: Article, sentence: str) -> None:
    assert sum(sentence in p for p in ft.paragraphs) == 1


@pytest.mark.parametrize(
    "junk",
    [
        "HOURS AGO",
        "Copyright",
        "Additional reporting",
        "All rights reserved",
        "Sign up",
        "©",
        "Kari Nordmann",
        "Astrid Lindqvist",
        "**",
        "](#)",
        "[1]",
        "---",
        "Nordic politics",
    ],
)
def test_ft_boilerplate_not_in_segments(ft: Article, junk: str) -> None:
    assert not any(junk in t for t in seg_texts(ft))
    assert junk not in ft.text


def test_ft_links_keep_text(ft: Article) -> None:
    assert "ready to settle a dispute over mackerel quotas." in ft.paragraphs[0]
    assert ft.paragraphs[1].endswith("Iceland had walked out of the previous round in February.")


def test_text_joins_segments_with_blank_lines(ft: Article) -> None:
    assert ft.text == "\n\n".join(seg_texts(ft))
    assert ft.text_segments == ft.segments()


# --------------------------------------------------------------------------------------------------
# Plain text and press release


def test_plain_text_reader() -> None:
    art = one(PLAIN_TXT)
    assert art.id == "plain-river-accord"
    assert art.title == "Chile and Argentina Sign Accord on Shared Glacier Rivers"
    assert art.published is None
    assert [k for k, _ in art.segments()] == ["headline", "body", "body", "body"]
    # hard-wrapped lines of one paragraph are one paragraph
    assert art.paragraphs[0] == (
        "The foreign ministers of Chile and Argentina signed an accord on Tuesday to monitor the rivers fed "
        "by glaciers along their shared border, ending two years of stalled negotiations."
    )
    assert "Some information" not in art.text
    assert art.meta["report_sources"] == "local broadcasters"


def test_plain_text_without_headline_is_all_body() -> None:
    art = article_from_text(
        "Chad and Niger signed a border accord on Friday.\n\nThe accord covers grazing rights.", "x"
    )
    assert art.title is None
    assert [k for k, _ in art.segments()] == ["body", "body"]


def test_press_release() -> None:
    art = one(PRESS_TXT)
    assert art.title is None
    assert art.published == datetime.date(2024, 3, 5)
    assert art.published_text == "Tuesday, March 5, 2024"
    assert art.meta["press_release"] is True
    text = art.text
    for junk in ("FOR IMMEDIATE RELEASE", "Tuesday, March 5, 2024", "Media Contact", "press@"):
        assert junk not in text
    # a list intro ending with ":" is not joined to the uppercase item that follows
    assert "The two ministers agreed in a telephone call last week to:" in art.paragraphs
    assert "Open a joint working group on freight rail standards, meeting every quarter." in art.paragraphs
    assert art.paragraphs[0].startswith("The Ministry of Foreign Affairs of Ruritania today announced")


def test_given_published_wins_over_date_line() -> None:
    art = article_from_text(
        "Monday, August 28, 2023\n\nThe minister met her counterpart.",
        "x",
        published=datetime.date(2023, 8, 29),
    )
    assert art.published == datetime.date(2023, 8, 29)
    assert art.meta["date_line"] == "Monday, August 28, 2023"
    assert art.paragraphs == ["The minister met her counterpart."]


# --------------------------------------------------------------------------------------------------
# Paragraph rejoining and inline cleaning


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        (
            "The envoy flew to Cairo on Monday,\n\nmaking her the first to visit.",
            ["The envoy flew to Cairo on Monday, making her the first to visit."],
        ),
        (
            "A frigate sailed close to a Greek naval\n\nvessel in the Aegean on Saturday.",
            ["A frigate sailed close to a Greek naval vessel in the Aegean on Saturday."],
        ),
        (
            "The envoy met the president of the\n\nRepublic of Ghana on Monday.",
            ["The envoy met the president of the Republic of Ghana on Monday."],
        ),
        (
            "The talks ended on Monday.\n\nmeanwhile, protests continued.",
            ["The talks ended on Monday.", "meanwhile, protests continued."],
        ),
        (
            "The two sides agreed to:\n\nOpen a hotline.\n\nMeet every year.",
            ["The two sides agreed to:", "Open a hotline.", "Meet every year."],
        ),
        ("The sides agreed to:\n\nreview the treaty.", ["The sides agreed to:", "review the treaty."]),
        (
            "Statement on the ceasefire\n\nThe ministry welcomed the ceasefire.",
            ["Statement on the ceasefire", "The ministry welcomed the ceasefire."],
        ),
        (
            "Two ships;\n\nUp to 100 shells; and\n\nFour radars.",
            ["Two ships;", "Up to 100 shells; and", "Four radars."],
        ),
    ],
)
def test_paragraph_rejoin(text: str, paragraphs: list[str]) -> None:
    art = article_from_text(text, "x", title="Given title")
    assert art.paragraphs == paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan protested.[1] China objected.[2][3]", "Japan protested. China objected."),
        ("The ministers met [citation needed] in Rome.", "The ministers met in Rome."),
        ("((INTRO))\n[[Kenya recalled its envoy.]]\n((NARRATOR))", "Kenya recalled its envoy."),
        (
            "The [envoy](https://example.org/a_(b)) left **Paris** on *Monday*.",
            "The envoy left Paris on Monday.",
        ),
        ("Talks   resumed\u00a0on  Monday  .", "Talks resumed on Monday."),
        (
            "He said \u201cno\u201d to the \u2018deal\u2019.",
            "He said \u201cno\u201d to the \u2018deal\u2019.",
        ),
        ("Prices rose 5\\*3 times.", "Prices rose 5*3 times."),
    ],
)
def test_inline_cleaning(text: str, expected: str) -> None:
    art = article_from_text(text, "x", title="T")
    assert art.paragraphs == [expected]


def test_given_title_wins_and_duplicate_first_line_dropped() -> None:
    art = article_from_text(
        "Iran Summons Envoy\n\nIran summoned the British envoy on Sunday.", "x", title="Iran summons envoy"
    )
    assert art.title == "Iran summons envoy"
    assert art.segments() == [
        ("headline", "Iran summons envoy"),
        ("body", "Iran summoned the British envoy on Sunday."),
    ]


def test_wire_dateline_and_plain_byline() -> None:
    art = article_from_text(
        "By Jane Doe and John Roe in Paris\n\n"
        "PARIS, June 6 (Reuters) - France summoned the Italian ambassador on Tuesday.\n\n"
        "By contrast, Spain said nothing.\n\nReporting by Jane Doe; Editing by John Roe",
        "x",
    )
    assert art.byline == "Jane Doe and John Roe"
    assert art.meta["authors"] == ["Jane Doe", "John Roe"]
    assert art.dateline == "Paris"
    assert art.meta["agency"] == "Reuters"
    assert art.paragraphs == [
        "France summoned the Italian ambassador on Tuesday.",
        "By contrast, Spain said nothing.",
    ]


def test_markdown_image_and_list() -> None:
    art = article_from_text(
        "**Breaking**\n\n# Talks collapse\n\n![Delegates leave the hall](img.jpg)\n\n"
        "Delegates left on Friday.\n\n- First demand\n- Second demand",
        "x",
    )
    assert art.section == "Breaking"
    assert art.title == "Talks collapse"
    assert art.captions == ["Delegates leave the hall"]
    assert art.paragraphs == ["Delegates left on Friday.", "First demand", "Second demand"]


# --------------------------------------------------------------------------------------------------
# HTML


@pytest.fixture(scope="module")
def html_art() -> Article:
    return one(HTML)


def test_html_metadata(html_art: Article) -> None:
    assert html_art.id == "harbour-talks"
    assert html_art.title == "Norway and Iceland agree to resume fishing quota talks"
    assert html_art.published == datetime.date(2024, 3, 12)
    assert html_art.byline == "Ingrid Solberg"
    assert html_art.dateline == "Oslo"
    assert html_art.url == "https://ledger.example.org/world/norway-iceland-fishing-talks"
    assert html_art.captions == ["A trawler leaves the harbour in Tromsø at dawn"]
    assert html_art.meta["credits"] == ["Per Hansen/Example Images"]


def test_html_body(html_art: Article) -> None:
    assert [k for k, _ in html_art.segments()] == ["headline", "caption"] + ["body"] * 5
    assert html_art.paragraphs[0].startswith("Norway and Iceland agreed on Monday to resume talks")
    assert html_art.paragraphs[-1].endswith("before the summer season begins.")


@pytest.mark.parametrize(
    "junk",
    [
        "Home",
        "World news",
        "Subscribe",
        "Sign up",
        "All rights reserved",
        "Privacy policy",
        "Most read",
        "Bergen",
        "Per Hansen",
        "By Ingrid",
    ],
)
def test_html_boilerplate_left_out(html_art: Article, junk: str) -> None:
    assert junk not in html_art.text


def test_html_short_page_and_footer_year_is_not_a_date() -> None:
    art = article_from_html(
        "<html><head><title>Accord</title></head><body><nav>Home</nav>"
        "<p>Chad and Niger signed a border accord on Friday.</p>"
        "<footer>Copyright 2020</footer></body></html>",
        "short",
    )
    assert art.published is None
    assert art.segments() == [
        ("headline", "Accord"),
        ("body", "Chad and Niger signed a border accord on Friday."),
    ]


@pytest.mark.parametrize("page", ["<<<>>>", "<html><body></body></html>", "   "])
def test_html_without_text(page: str) -> None:
    with pytest.raises(ArticleFormatError):
        article_from_html(page, "x")


# --------------------------------------------------------------------------------------------------
# JSON and JSONL


def test_json_single_record() -> None:
    art = one(SINGLE_JSON)
    assert art.id == "kenya-ethiopia-01"
    assert art.title == "Kenya and Ethiopia agree to reopen border post"
    assert art.published == datetime.date(2023, 11, 2)
    assert art.url == "https://news.example.net/africa/kenya-ethiopia-border"
    assert art.meta == {"source": "Example Wire"}
    assert art.paragraphs[1] == (
        "The Kenyan trade minister said the decision followed a meeting with Ethiopian "
        "officials in Nairobi, where both sides promised to share customs data."
    )


def test_json_list_and_default_ids(tmp_path: Path) -> None:
    p = tmp_path / "pair.json"
    p.write_text(
        '[{"text": "Mali expelled the envoy."}, {"id": 7, "text": "Peru and Chile met."}]', encoding="utf-8"
    )
    arts = read_articles(p)
    assert [a.id for a in arts] == ["pair-1", "7"]


def test_jsonl_iter_reports_bad_line_and_keeps_good_ones() -> None:
    items = list(iter_articles(BATCH_JSONL))
    errors = [i for i in items if isinstance(i, ArticleFormatError)]
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in arts] == ["w1", "w2", "wire-batch-4"]
    assert len(errors) == 1
    assert errors[0].line == 3
    assert errors[0].path == str(BATCH_JSONL)
    assert str(errors[0]).startswith(f"{BATCH_JSONL}:3: not valid JSON")
    assert "\n" not in str(errors[0])


def test_jsonl_records_cleaned() -> None:
    arts = {a.id: a for a in iter_articles(BATCH_JSONL) if isinstance(a, Article)}
    assert arts["w1"].paragraphs == [
        "Ghana recalled its ambassador to Togo on Monday after a shooting at a border post, "
        "the foreign ministry said. Togo called the decision an overreaction."
    ]
    assert arts["w1"].meta["source"] == "Example Wire"
    assert arts["w2"].published == datetime.date(2023, 6, 6)
    assert arts["w2"].paragraphs == [
        "The UN envoy urged both governments to show restraint. Our correspondent reports.",
        "The envoy met the two foreign ministers in Geneva on Thursday.",
    ]
    assert arts["wire-batch-4"].published == datetime.date(2024, 2, 1)


def test_jsonl_read_articles_is_strict() -> None:
    with pytest.raises(ArticleFormatError) as exc:
        read_articles(BATCH_JSONL)
    assert exc.value.line == 3
    assert "wire-batch.jsonl:3:" in str(exc.value)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a"}', 'missing "text"'),
        ('{"id": "a", "text": ""}', 'empty "text"'),
        ('{"id": "a", "text": 5}', '"text" must be a string'),
        ('{"id": true, "text": "x."}', '"id" must be a string or a number'),
        ('{"id": "a", "text": "x.", "published": "soon"}', '"published" is not a date'),
        ('{"id": "a", "text": "x.", "title": 3}', '"title" must be a string'),
        ("[1, 2]", "record is a JSON array, not an object"),
        ("{oops", "not valid JSON"),
    ],
)
def test_jsonl_bad_records(tmp_path: Path, line: str, message: str) -> None:
    p = tmp_path / "dev.jsonl"
    p.write_text('{"id": "ok", "text": "Fine."}\n\n' + line + "\n", encoding="utf-8")
    items = list(iter_articles(p))
    assert isinstance(items[0], Article)
    err = items[1]
    assert isinstance(err, ArticleFormatError)
    assert err.line == 3
    assert message in err.message
    assert str(err).startswith(f"{p}:3: ")


def test_jsonl_duplicate_id(tmp_path: Path) -> None:
    p = tmp_path / "dup.jsonl"
    p.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n', encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=r'dup.jsonl:2: duplicate id "a" \(first on line 1\)'):
        read_articles(p)


# --------------------------------------------------------------------------------------------------
# Errors and dispatch


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_articles(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_articles(tmp_path)


@pytest.mark.parametrize(
    "name", ["empty.txt", "empty.md", "empty.html", "empty.json", "empty.jsonl", "empty.dat"]
)
@pytest.mark.parametrize("content", ["", "  \n\n  "])
def test_empty_file(tmp_path: Path, name: str, content: str) -> None:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleFormatError, match="empty file"):
        read_articles(p)


def test_only_boilerplate(tmp_path: Path) -> None:
    p = tmp_path / "release.txt"
    p.write_text("FOR IMMEDIATE RELEASE\n\n---\n\nAll rights reserved.\n", encoding="utf-8")
    with pytest.raises(ArticleFormatError, match="no article text"):
        read_articles(p)


def test_bad_json(tmp_path: Path) -> None:
    p = tmp_path / "bad.json"
    p.write_text('{"id": "a",\n "text": }', encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=r"bad.json:2: not valid JSON"):
        read_articles(p)


def test_json_wrong_top_level(tmp_path: Path) -> None:
    p = tmp_path / "str.json"
    p.write_text('"just a string"', encoding="utf-8")
    with pytest.raises(ArticleFormatError, match="article object or a list"):
        read_articles(p)


def test_binary_garbage(tmp_path: Path) -> None:
    p = tmp_path / "garbage.txt"
    p.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ArticleFormatError, match="binary"):
        read_articles(p)


def test_not_utf8_latin1_is_read_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\xe9 talks resumed.".encode("latin-1"))
    [art] = read_articles(p)
    assert art.text == "Caf\xe9 talks resumed."
    assert any("not UTF-8" in w and "Windows-1252" in w for w in art.warnings)


def test_not_utf8_nor_western_text(tmp_path: Path) -> None:
    p = tmp_path / "mixed.txt"
    p.write_bytes(b"Talks resumed. " + bytes(range(0x80, 0x100)) * 3)
    with pytest.raises(ArticleFormatError, match="not UTF-8"):
        read_articles(p)


def test_article_from_text_empty() -> None:
    with pytest.raises(ArticleFormatError, match="no article text"):
        article_from_text("   \n ", "x")


@pytest.mark.parametrize(
    ("content", "ids"),
    [
        (
            "<html><head><title>T</title></head><body><p>Chad and Niger met on Friday.</p></body></html>",
            ["doc"],
        ),
        ('{"id": "j1", "text": "Chad and Niger met."}', ["j1"]),
        ('{"id": "j1", "text": "One."}\n{"id": "j2", "text": "Two."}', ["j1", "j2"]),
        ("Chad and Niger met on Friday.", ["doc"]),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, content: str, ids: list[str]) -> None:
    p = tmp_path / "doc.dat"
    p.write_text(content, encoding="utf-8")
    assert [a.id for a in read_articles(p)] == ids


def test_segments_without_title() -> None:
    art = Article(id="x", captions=["A caption"], paragraphs=["One.", "Two."], standfirst="Stand")
    assert art.segments() == [
        ("standfirst", "Stand"),
        ("caption", "A caption"),
        ("body", "One."),
        ("body", "Two."),
    ]
    assert art.text == "Stand\n\nA caption\n\nOne.\n\nTwo."


# --------------------------------------------------------------------------------------------------
# The real seed and dev documents (skipped when the shared spec is not there)

needs_spec = pytest.mark.skipif(SPEC is None, reason="shared spec directory not found")


@needs_spec
def test_real_seed() -> None:
    assert SPEC is not None
    path = SPEC / "seed" / "ft-2023-06-06-blinken-china.txt"
    if not path.is_file():
        pytest.skip("seed article not found")
    art = one(path)
    assert art.id == "ft-2023-06-06-blinken-china"
    assert art.title == "Antony Blinken to visit China this month in sign of easing tensions"
    assert art.section == "US-China relations"
    assert art.byline == "Demetri Sevastopulo"
    assert art.dateline == "Washington"
    assert art.age_text == "7 HOURS AGO"
    assert art.year_bound == 2023
    assert art.standfirst is not None and art.standfirst.startswith("US secretary of state had scrapped")
    assert len(art.captions) == 1 and art.captions[0].endswith("flight over the US")
    whole = [
        "CIA director Bill Burns made a secret trip to Beijing in May, making him the most senior Biden "
        "administration official to visit China.",
        "It also accused a Chinese warship of sailing recklessly close to a US naval vessel "
        "in the Taiwan Strait on Saturday.",
    ]
    for sentence in whole:
        assert sum(sentence in p for p in art.paragraphs) == 1, sentence
    for _, text in art.segments():
        for junk in ("HOURS AGO", "Copyright", "Additional reporting", "](#)", "©"):
            assert junk not in text


@needs_spec
def test_real_dev_docs() -> None:
    assert SPEC is not None
    path = SPEC / "dev" / "docs.jsonl"
    if not path.is_file():
        pytest.skip("dev docs not found")
    arts = read_articles(path)
    assert len(arts) >= 9
    assert len({a.id for a in arts}) == len(arts)
    assert all(isinstance(a.published, datetime.date) for a in arts)
    assert all(a.title for a in arts)
    by_id = {a.id: a for a in arts}
    if "05" in by_id:
        assert "FOR IMMEDIATE RELEASE" not in by_id["05"].text
    if "37" in by_id:
        assert "Some information for this report" not in by_id["37"].text
    for a in arts:
        assert "[1]" not in a.text and "((" not in a.text and "[[" not in a.text
