"""Exports of event records for other tools: PLOVER JSONL, a GDELT 2.0 event table, JSONL, CSV and Parquet.

Every function takes a list of event records (``Event.to_dict()``, optionally with ``"published"``,
``"article_id"`` and ``"url"`` as :meth:`detente.store.Store.event_records` and the CLI give them), so the
formats are usable and testable without a store. ``detente export`` reads the store and calls
:func:`export_records`.

PLOVER (``plover``)
    One JSON object a line with the field names of the PLOVER JSON data-interchange specification:
    ``id, date, enddate, source, recipient, event, mode, context, event_loc, event_text, quad_code,
    event_scale, text_info, cite_info, coder``. ``event`` is ``[plover_type]``, the strict PLOVER reading of
    type and status (a planned meeting is AGREE, a cancelled one REJECT/meet); actor objects hold ``code``
    (country), ``sector``, ``actor_text``, ``identifier_text`` (resolved name) and ``office`` (role); the
    location object uses GeoNames field names (``geonameid, name, latitude, longitude, country code, cc3``).
    Records with no PLOVER reading (status hypothetical or negated) are left out. detente's own fields are
    added as extensions (allowed by the specification): ``status``, ``detente_event_type``, ``detente_mode``,
    ``cameo``, ``confidence``, ``doc_id``, ``published`` and, for a plan, ``planned_date``. ``date`` is the day
    of the coded action: the start of a held event; the publication date of a plan (PLOVER codes the expressed
    intent, AGREE) and of a cancellation dated after it; ``enddate`` only for held events.

GDELT (``gdelt``)
    A tab-separated file in the column order of the GDELT 2.0 event table (61 columns, :data:`GDELT_COLUMNS`),
    with a header line. Filled: GLOBALEVENTID (the first 15 hex digits of the event id as an integer),
    SQLDATE/MonthYear/Year/FractionDate (the day of the coded action, as for PLOVER ``date``), Actor1/2 Code
    (country + sector, CAMEO style), Name (upper case), CountryCode, Type1Code (sector), IsRootEvent (1 when
    the event is reported in the headline or the lead sentence), EventCode/EventBaseCode/EventRootCode (the
    CAMEO code from the crosswalk), QuadClass, GoldsteinScale (detente's Goldstein-like intensity),
    NumMentions (sentences), NumSources = NumArticles = 1, ActionGeo_Type/FullName/Lat/Long, DATEADDED (the
    publication date, 000000 time) and SOURCEURL (the article URL, else its doc id). Left empty because
    detente does not produce them: known-group, ethnic and religion codes, Type2/3 codes, AvgTone, the actor
    geographies, and the FIPS country/ADM codes and GNS feature ids of GDELT's geography (detente has ISO
    codes and GeoNames ids, which differ).

JSONL (``jsonl``)
    The full detente records, one a line.

CSV (``csv``) and Parquet (``parquet``)
    One row per event with the flat columns of :data:`FLAT_COLUMNS` (first mention only; ``context`` comma
    separated). Parquet keeps types (dates as ``date32``, numbers as numbers) for pandas, Arrow and DuckDB.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .engagements import day_of as _day
from .errors import ExportError, InputError

FORMATS = ("plover", "gdelt", "jsonl", "csv", "parquet")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

#: (column, pyarrow type name) of the CSV and Parquet exports
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("doc_id", "string"), ("article_id", "string"), ("url", "string"), ("published", "date"),
    ("event_type", "string"), ("mode", "string"), ("status", "string"), ("plover_type", "string"),
    ("cameo", "string"), ("quad", "int"), ("intensity", "float"), ("confidence", "float"), ("context", "string"),
    ("source_text", "string"), ("source_name", "string"), ("source_role", "string"),
    ("source_country", "string"), ("source_sector", "string"),
    ("target_text", "string"), ("target_name", "string"), ("target_role", "string"),
    ("target_country", "string"), ("target_sector", "string"),
    ("date_text", "string"), ("date_start", "date"), ("date_end", "date"), ("date_granularity", "string"),
    ("location_text", "string"), ("location_name", "string"), ("location_country", "string"),
    ("lat", "float"), ("lon", "float"), ("geonameid", "int"),
    ("attribution", "string"), ("mentions", "int"), ("sentence", "int"), ("trigger", "string"), ("text", "string"),
)


# ------------------------------------------------------------------------------------------ helpers


def _check(records: Sequence[Any]) -> list[Mapping[str, Any]]:
    out: list[Mapping[str, Any]] = []
    for i, r in enumerate(records):
        if not isinstance(r, Mapping) or not r.get("id") or not r.get("event_type"):
            raise InputError(f"event record {i + 1} is not an event record (needs id and event_type)")
        out.append(r)
    return out


def _obj(r: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    v = r.get(key)
    return v if isinstance(v, Mapping) else {}


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO3 -> (ISO2, name) from the gazetteer."""
    from .lexicon import data_path

    out: dict[str, tuple[str, str]] = {}
    with open(data_path("gazetteer/countries.tsv"), encoding="utf-8") as f:
        rows = (line for line in f if not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            out[row["iso3"]] = (row["iso2"], row["name"])
    return out


def _event_day(r: Mapping[str, Any]) -> date | None:
    """The day of the coded action: a held event's start date; for a plan (an expressed intent) the publication
    date; for a cancellation its date when that is not after publication, else the publication date."""
    start, published = _day(_obj(r, "date").get("start")), _day(r.get("published"))
    status = r.get("status")
    if status == "planned":
        return published or start
    if status == "cancelled" and start is not None and published is not None and start > published:
        return published
    return start or published


def _version() -> str:
    from . import __version__

    return f"detente {__version__}"


# ------------------------------------------------------------------------------------------ PLOVER


def _plover_actor(a: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, field in (("country", "code"), ("sector", "sector"), ("text", "actor_text"),
                       ("name", "identifier_text"), ("role", "office")):
        if a.get(key):
            out[field] = a[key]
    return out


def _plover_mode(r: Mapping[str, Any], ptype: str) -> str | None:
    if ptype == r.get("event_type"):
        mode = r.get("mode")
        return str(mode) if mode else None
    if ptype == "REJECT" and r.get("event_type") == "CONSULT":
        return "meet"  # a cancelled meeting: reject a proposal to meet
    return None


def plover_record(r: Mapping[str, Any]) -> dict[str, Any] | None:
    """One record in PLOVER JSON field names, or None if it has no strict PLOVER reading."""
    ptype = r.get("plover_type")
    if not ptype:
        return None
    d = _obj(r, "date")
    day = _event_day(r)
    out: dict[str, Any] = {"id": r["id"], "date": day.isoformat() if day else None}
    end = _day(d.get("end"))
    if r.get("status") == "occurred" and end is not None and day is not None and end != day:
        out["enddate"] = end.isoformat()
    out["source"] = [_plover_actor(_obj(r, "source"))] if r.get("source") else []
    out["recipient"] = [_plover_actor(_obj(r, "target"))] if r.get("target") else []
    out["event"] = [ptype]
    out["mode"] = _plover_mode(r, str(ptype))
    out["context"] = list(r.get("context") or [])
    loc = _obj(r, "location")
    if loc:
        cc3 = loc.get("country")
        ev_loc: dict[str, Any] = {"name": loc.get("name") or loc.get("text")}
        if loc.get("geonameid") is not None:
            ev_loc["geonameid"] = loc["geonameid"]
        if loc.get("lat") is not None and loc.get("lon") is not None:
            ev_loc["latitude"], ev_loc["longitude"] = loc["lat"], loc["lon"]
        if cc3:
            ev_loc["country code"] = _countries().get(str(cc3), ("", ""))[0] or None
            ev_loc["cc3"] = cc3
        out["event_loc"] = ev_loc
    mentions = [m for m in r.get("mentions") or [] if isinstance(m, Mapping)]
    out["event_text"] = list(dict.fromkeys(str(m.get("text") or "") for m in mentions if m.get("text")))
    out["quad_code"] = r.get("quad")
    out["event_scale"] = r.get("intensity")
    if mentions:
        m0 = mentions[0]
        out["text_info"] = {"sequence": m0.get("sentence"), "start": m0.get("start"), "end": m0.get("end")}
    cite: dict[str, Any] = {"corpus": "detente", "citation": r.get("doc_id")}
    if r.get("url"):
        cite["url"] = r["url"]
    if r.get("title"):
        cite["title"] = r["title"]
    out["cite_info"] = cite
    out["coder"] = _version()
    out["status"] = r.get("status")
    out["detente_event_type"] = r.get("event_type")
    out["detente_mode"] = r.get("mode")
    if r.get("status") == "planned" and (d.get("start") or d.get("end")):
        out["planned_date"] = {"start": d.get("start"), "end": d.get("end")}
    out["cameo"] = r.get("cameo")
    out["confidence"] = r.get("confidence")
    out["doc_id"] = r.get("doc_id")
    out["published"] = r.get("published")
    return out


def plover_records(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The PLOVER records of ``records`` (hypothetical and negated events left out)."""
    return [p for p in (plover_record(r) for r in _check(records)) if p is not None]


# ------------------------------------------------------------------------------------------ GDELT


def _num(v: Any) -> str:
    if v is None:
        return ""
    return str(v)


def _global_id(event_id: str) -> int:
    try:
        return int(event_id[:15], 16)
    except ValueError:
        return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _gdelt_actor(a: Mapping[str, Any]) -> list[str]:
    country = str(a.get("country") or "")
    sector = str(a.get("sector") or "")
    code = country + sector
    name = str(a.get("name") or a.get("text") or "").upper() if a else ""
    #       Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3
    return [code, name, country, "", "", "", "", sector, "", ""]


def _fraction_date(d: date) -> str:
    days = 366 if (d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0)) else 365
    return f"{d.year + d.timetuple().tm_yday / days:.4f}"


def _action_geo(loc: Mapping[str, Any]) -> list[str]:
    if not loc:
        return [""] * 8
    country = str(loc.get("country") or "")
    cname = _countries().get(country, ("", ""))[1]
    name = str(loc.get("name") or loc.get("text") or "")
    is_country = not name or name == cname or (country and loc.get("geonameid") is None and name == country)
    if is_country:
        geo_type, full = "1", cname or name
    else:
        geo_type = "3" if country == "USA" else "4"
        full = f"{name}, {cname}" if cname else name
    #       Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID
    return [geo_type, full, "", "", "", _num(loc.get("lat")), _num(loc.get("lon")), ""]


def gdelt_row(r: Mapping[str, Any]) -> list[str]:
    """One record as the 61 fields of a GDELT 2.0 event-table row (strings; empty where detente has nothing)."""
    day = _event_day(r)
    mentions = [m for m in r.get("mentions") or [] if isinstance(m, Mapping)]
    sentences = [int(m["sentence"]) for m in mentions if isinstance(m.get("sentence"), int)]
    cameo = str(r.get("cameo") or "")
    published = _day(r.get("published"))
    row = [
        str(_global_id(str(r["id"]))),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        _fraction_date(day) if day else "",
        *_gdelt_actor(_obj(r, "source")),
        *_gdelt_actor(_obj(r, "target")),
        ("1" if min(sentences) <= 1 else "0") if sentences else "0",
        cameo, cameo[:3], cameo[:2],
        _num(r.get("quad")), _num(r.get("intensity")),
        str(len(sentences) or len(mentions)), "1", "1", "",
        *([""] * 8), *([""] * 8),
        *_action_geo(_obj(r, "location")),
        published.strftime("%Y%m%d000000") if published else "",
        str(r.get("url") or r.get("doc_id") or ""),
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return [v.replace("\t", " ").replace("\n", " ") for v in row]


def gdelt_rows(records: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    return [gdelt_row(r) for r in _check(records)]


# ------------------------------------------------------------------------------------------ flat rows


def flat_row(r: Mapping[str, Any]) -> dict[str, Any]:
    """One record as the flat columns of :data:`FLAT_COLUMNS` (dates as ``date``, missing as None)."""
    src, tgt, d, loc = _obj(r, "source"), _obj(r, "target"), _obj(r, "date"), _obj(r, "location")
    mentions = [m for m in r.get("mentions") or [] if isinstance(m, Mapping)]
    m0 = mentions[0] if mentions else {}
    row: dict[str, Any] = {
        "id": r.get("id"), "doc_id": r.get("doc_id"), "article_id": r.get("article_id"), "url": r.get("url"),
        "published": _day(r.get("published")),
        "event_type": r.get("event_type"), "mode": r.get("mode"), "status": r.get("status"),
        "plover_type": r.get("plover_type"), "cameo": r.get("cameo"), "quad": r.get("quad"),
        "intensity": r.get("intensity"), "confidence": r.get("confidence"),
        "context": ",".join(r.get("context") or []) or None,
    }
    for prefix, a in (("source", src), ("target", tgt)):
        for key in ("text", "name", "role", "country", "sector"):
            row[f"{prefix}_{key}"] = a.get(key)
    row.update({
        "date_text": d.get("text"), "date_start": _day(d.get("start")), "date_end": _day(d.get("end")),
        "date_granularity": d.get("granularity"),
        "location_text": loc.get("text"), "location_name": loc.get("name"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "geonameid": loc.get("geonameid"),
        "attribution": r.get("attribution"), "mentions": len(mentions),
        "sentence": m0.get("sentence"), "trigger": m0.get("trigger"), "text": m0.get("text"),
    })
    return row


def flat_rows(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [flat_row(r) for r in _check(records)]


def _arrow_table(records: Sequence[Mapping[str, Any]]) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "date": pa.date32(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS])
    rows = flat_rows(records)
    columns = {name: [row[name] for row in rows] for name, _ in FLAT_COLUMNS}
    return pa.Table.from_pydict(columns, schema=schema)


# ------------------------------------------------------------------------------------------ writers


def write_plover(records: Sequence[Mapping[str, Any]], out: IO[str]) -> int:
    n = 0
    for p in plover_records(records):
        out.write(json.dumps(p, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_gdelt(records: Sequence[Mapping[str, Any]], out: IO[str], header: bool = True) -> int:
    rows = gdelt_rows(records)
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    for row in rows:
        out.write("\t".join(row) + "\n")
    return len(rows)


def write_jsonl(records: Sequence[Mapping[str, Any]], out: IO[str]) -> int:
    recs = _check(records)
    for r in recs:
        out.write(json.dumps(dict(r), ensure_ascii=False, default=str) + "\n")
    return len(recs)


def write_csv(records: Sequence[Mapping[str, Any]], out: IO[str]) -> int:
    rows = flat_rows(records)
    w = csv.DictWriter(out, fieldnames=[c for c, _ in FLAT_COLUMNS], lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: ("" if v is None else v.isoformat() if isinstance(v, date) else v) for k, v in row.items()})
    return len(rows)


def write_parquet(records: Sequence[Mapping[str, Any]], path: str | Path) -> int:
    import pyarrow.parquet as pq

    table = _arrow_table(records)
    try:
        pq.write_table(table, str(path))
    except OSError as e:
        raise ExportError(f"cannot write Parquet file: {e}", path=path) from None
    return int(table.num_rows)


def export_records(records: Sequence[Mapping[str, Any]], fmt: str, out: str | Path | None = None,
                   stream: IO[str] | None = None) -> int:
    """Write ``records`` in ``fmt`` to the file ``out`` (or ``stream``); return the number of rows written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        if out is None:
            raise ExportError("Parquet is binary: give --out FILE")
        return write_parquet(records, out)
    writers = {"plover": write_plover, "gdelt": write_gdelt, "jsonl": write_jsonl, "csv": write_csv}
    writer = writers[fmt]
    if out is None:
        if stream is None:
            raise ExportError("no output: give a file or a stream")
        return writer(records, stream)
    buf = io.StringIO()
    n = writer(records, buf)
    try:
        Path(out).write_text(buf.getvalue(), encoding="utf-8", newline="")
    except OSError as e:
        raise ExportError(f"cannot write export: {e.strerror}", path=out) from None
    return n
