"""The JSON API and the pages over a real server on 127.0.0.1."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest


def get(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def api(base: str, path: str) -> Any:
    status, headers, body = get(base + path)
    assert status == 200, body
    assert headers["Content-Type"].startswith("application/json")
    return json.loads(body)


def test_dyads_lists_usa_china_first(base_url: str) -> None:
    dyads = api(base_url, "/api/dyads")["dyads"]
    top = dyads[0]
    assert (top["a"], top["b"]) == ("USA", "CHN") and top["events"] == top["ab"] + top["ba"] > 50
    assert {(d["a"], d["b"]) for d in dyads} >= {("RUS", "UKR")}


def test_index_by_month_and_week(base_url: str) -> None:
    rows = api(base_url, "/api/dyads/USA-CHN/index?freq=month")["rows"]
    feb = next(r for r in rows if r["period"] == "2023-02-01")
    assert feb["ab"] < 0 and feb["ab_count"] > 0
    weeks = api(base_url, "/api/dyads/USA-CHN/index?freq=week&since=2023-06-01&until=2023-06-30")["rows"]
    assert [r["period"] for r in weeks] == ["2023-05-29", "2023-06-05", "2023-06-12", "2023-06-19", "2023-06-26"]


def test_engagements_and_channels(base_url: str) -> None:
    engs = api(base_url, "/api/dyads/USA-CHN/engagements")["engagements"]
    assert any(e["lifecycle"] == "refused" for e in engs)
    assert any(e["lifecycle"] == "held" and "Woodside" in e["location"] for e in engs)
    chans = {c["channel"]: c for c in api(base_url, "/api/dyads/USA-CHN/channels")["channels"]}
    assert chans["military"]["verdict"] == "frozen" and chans["diplomatic"]["verdict"] == "active"


def test_events_filter_and_paginate(base_url: str) -> None:
    first = api(base_url, "/api/events?dyad=USA-CHN&limit=10")
    assert len(first["events"]) == 10 and first["next_offset"] == 10
    second = api(base_url, "/api/events?dyad=USA-CHN&limit=10&offset=10")
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    planned = api(base_url, "/api/events?dyad=CHN-USA&type=CONSULT&status=planned&limit=1000")
    assert planned["events"] and all(e["status"] == "planned" and e["event_type"] == "CONSULT"
                                     for e in planned["events"])
    assert planned["next_offset"] is None
    june = api(base_url, "/api/events?dyad=USA-CHN&since=2023-06-01&until=2023-06-30&limit=1000")["events"]
    assert june and all("2023-06-01" <= (e["date_start"] or e["published"]) <= "2023-06-30" for e in june)


def test_event_detail_has_sentences_and_rule(base_url: str) -> None:
    eid = api(base_url, "/api/events?dyad=USA-CHN&type=REJECT&limit=1")["events"][0]["id"]
    ev = api(base_url, f"/api/events/{eid}")
    assert ev["id"] == eid and ev["sentences"] and ev["sentences"][0]["text"]
    assert ev["rules"] and ev["rules"][0].startswith("triggers")
    assert ev["channel"]["channel"] in {"military", "diplomatic"} and "channels.yaml" in ev["channel"]["rule"]


@pytest.mark.parametrize("query, needle", [
    ("/api/events?limit=1001", "limit"), ("/api/events?limit=0", "limit"), ("/api/events?limit=ten", "limit"),
    ("/api/events?offset=-1", "offset"), ("/api/events?type=HUG", "type"), ("/api/events?status=maybe", "status"),
    ("/api/events?since=2023-13-01", "since"), ("/api/events?since=2023-06-01&until=2023-01-01", "after"),
    ("/api/events?dyad=USA", "dyad"), ("/api/events?dyad=USA-CHN'%20OR%201=1--", "dyad"),
    ("/api/events?colour=red", "unknown"), ("/api/events?limit=1&limit=2", "2 times"),
    ("/api/dyads/USA-CHN/index?freq=day", "freq"), ("/api/events/not-an-id", "hex"),
])
def test_bad_parameters_are_400(base_url: str, query: str, needle: str) -> None:
    status, _, body = get(base_url + query)
    assert status == 400, body
    assert needle in json.loads(body)["error"]


def test_not_found_and_read_only(base_url: str) -> None:
    assert get(base_url + "/api/events/" + "0" * 40)[0] == 404
    assert get(base_url + "/api/nothing")[0] == 404
    assert get(base_url + "/static/../store.py")[0] == 404
    assert get(base_url + "/static/%2e%2e/cli.py")[0] == 404
    assert get(base_url + "/api/dyads", method="POST")[0] == 405
    assert get(base_url + "/api/dyads", method="DELETE")[0] == 405


def test_pages_and_vendored_chart_library(base_url: str) -> None:
    status, headers, body = get(base_url + "/")
    assert status == 200 and b"/static/uPlot.iife.min.js" in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, _, body = get(base_url + "/static/uPlot.iife.min.js")
    assert status == 200 and len(body) > 20_000
    assert get(base_url + "/static/uPlot.LICENSE")[0] == 200
    assert b"http" not in get(base_url + "/")[2].replace(b"http-equiv", b"")  # nothing from a CDN


def test_hostile_text_comes_back_as_data_only(base_url: str) -> None:
    evs = api(base_url, "/api/events?dyad=USA-CHN&since=2023-03-03&until=2023-03-03&limit=1000")["events"]
    hostile = [e for e in evs if e["doc_id"] == "hostile"]
    assert hostile, "the hostile article should give a Blinken–Qin meeting"
    ev = api(base_url, f"/api/events/{hostile[0]['id']}")
    text = " ".join(s["text"] for s in ev["sentences"])
    assert '<script>alert("xss")</script> "><img src=x onerror=alert(1)>' in text  # verbatim, as data
    raw = get(base_url + f"/api/events/{ev['id']}")[2]
    assert json.loads(raw)["id"] == ev["id"]  # a JSON document (served as application/json, nosniff)
    for page in ("/", f"/event/{ev['id']}"):
        assert b"onerror" not in get(base_url + page)[2]  # pages are static: no article text is templated in
