// detente dashboard. Every piece of data reaches the page through textContent or attribute setters, never as markup.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const STATUSES = ["occurred", "planned", "cancelled", "hypothetical", "negated"];
const PAGE = 25;
const $ = (id) => document.getElementById(id);
let chart = null;
let offset = 0;

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") e.className = v; else if (k === "href") e.setAttribute("href", v); else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function status(text) { $("status").textContent = text; }
function dyad() { return $("dyad").value; }
function eventHref(id) { return "/event/" + encodeURIComponent(id); }

async function loadDyads() {
  const { dyads } = await getJSON("/api/dyads");
  for (const d of dyads) {
    const value = d.a + "-" + d.b;
    $("dyad").append(el("option", { value }, `${d.a_name} (${d.a}) – ${d.b_name} (${d.b}): ${d.events} events`));
  }
  const want = new URLSearchParams(location.search).get("dyad");
  if (want && [...$("dyad").options].some((o) => o.value === want)) { $("dyad").value = want; await show(); }
}

function drawIndex(data) {
  $("index-title").textContent = `Cooperation–conflict index, ${data.a_name} ↔ ${data.b_name}, per ${data.freq}`;
  const rows = data.rows;
  const xs = rows.map((r) => Date.parse(r.period + "T00:00:00Z") / 1000);
  const ab = rows.map((r) => r.ab), ba = rows.map((r) => r.ba);
  const abn = rows.map((r) => r.ab_count), ban = rows.map((r) => r.ba_count);
  const fmt = (counts) => (u, v, si, i) => (v === null || v === undefined) ? "–" : `${v.toFixed(1)} (${counts[i]} ev.)`;
  const box = $("chart");
  box.replaceChildren();
  const opts = {
    width: Math.max(400, box.clientWidth || 900), height: 320,
    scales: { x: { time: true } },
    series: [
      { label: "period" },
      { label: `${data.a}→${data.b}`, stroke: "#1f77b4", width: 2, points: { show: true, size: 6 }, value: fmt(abn) },
      { label: `${data.b}→${data.a}`, stroke: "#d62728", width: 2, points: { show: true, size: 6 }, value: fmt(ban) },
    ],
    axes: [{ label: data.freq }, { label: "sum of PLOVER intensities", size: 60 }],
  };
  if (chart) chart.destroy();
  chart = new uPlot(opts, [xs, ab, ba], box);
}

function drawChannels(data) {
  const tb = $("channels").querySelector("tbody");
  tb.replaceChildren();
  const label = (i) => i ? `${i.date} ${i.direction} ${i.event_type}${i.mode ? "/" + i.mode : ""} ${i.who}` : "—";
  for (const c of data.channels) {
    const list = (items) => items.length ? el("ul", {}, ...items.slice(0, 4).map((i) => el("li", {},
      el("a", { href: eventHref(i.event_id) }, label(i))))) : "—";
    tb.append(el("tr", {},
      el("td", {}, `${c.channel} (${c.events})`),
      el("td", { class: "verdict-" + (c.verdict || "none") }, c.verdict || "—"),
      el("td", {}, c.last_held ? el("a", { href: eventHref(c.last_held.event_id) }, label(c.last_held)) : "—"),
      el("td", {}, list(c.planned)), el("td", {}, list(c.refused)), el("td", {}, c.rule)));
  }
}

function drawTimeline(data) {
  const ol = $("timeline");
  ol.replaceChildren();
  if (!data.engagements.length) ol.append(el("li", {}, "no engagements on record"));
  for (const e of data.engagements) {
    const when = e.date_start ? (e.date_end && e.date_end !== e.date_start ? `${e.date_start} – ${e.date_end}` : e.date_start)
      : `reported ${e.last_reported || "?"}`;
    const first = e.history.length ? e.history[e.history.length - 1].event_id : null;
    const what = `${e.event_type}${e.mode ? "/" + e.mode : ""} ${e.direction}` + (e.who ? `: ${e.who}` : "");
    ol.append(el("li", { class: "engagement" },
      el("span", { class: "when" }, when), " ",
      el("span", { class: "badge " + e.lifecycle.replace(" ", "-") }, e.lifecycle), " ",
      first ? el("a", { href: eventHref(first), class: "event-link" }, what) : what,
      e.location ? ` — ${e.location}` : "", " ",
      el("span", { class: "path" }, `(${e.path}; ${e.reports} report${e.reports === 1 ? "" : "s"})`)));
  }
}

async function loadEvents() {
  const q = new URLSearchParams({ dyad: dyad(), limit: PAGE, offset });
  for (const [k, id] of [["type", "f-type"], ["status", "f-status"], ["since", "f-since"], ["until", "f-until"]]) {
    if ($(id).value) q.set(k, $(id).value);
  }
  const data = await getJSON("/api/events?" + q.toString());
  const tb = $("events").querySelector("tbody");
  tb.replaceChildren();
  for (const e of data.events) {
    const who = `${e.source_name || e.source_country || "?"} [${e.source_country || "?"}] → ${e.target_name || e.target_country || "?"} [${e.target_country || "?"}]`;
    tb.append(el("tr", {},
      el("td", {}, e.published || ""), el("td", {}, e.date_start || ""),
      el("td", {}, el("a", { href: eventHref(e.id) }, e.event_type + (e.mode ? "/" + e.mode : ""))),
      el("td", {}, e.status), el("td", {}, who), el("td", {}, e.span || e.trigger || "")));
  }
  $("page").textContent = data.events.length ? `events ${offset + 1}–${offset + data.events.length}` : "no events";
  $("prev").disabled = offset === 0;
  $("next").disabled = data.next_offset === null;
}

async function show() {
  const d = dyad();
  if (!d) return;
  history.replaceState(null, "", "/?dyad=" + encodeURIComponent(d));
  status("loading …");
  try {
    const freq = $("freq").value;
    const [idx, ch, eng] = await Promise.all([
      getJSON(`/api/dyads/${d}/index?freq=${freq}`), getJSON(`/api/dyads/${d}/channels`),
      getJSON(`/api/dyads/${d}/engagements`)]);
    for (const s of ["index-section", "channels-section", "timeline-section", "events-section"]) $(s).hidden = false;
    drawIndex(idx); drawChannels(ch); drawTimeline(eng);
    offset = 0;
    await loadEvents();
    status("");
  } catch (err) { status("error: " + err.message); }
}

for (const t of TYPES) $("f-type").append(el("option", { value: t }, t));
for (const s of STATUSES) $("f-status").append(el("option", { value: s }, s));
$("dyad").addEventListener("change", show);
$("freq").addEventListener("change", show);
$("filters").addEventListener("submit", (ev) => { ev.preventDefault(); offset = 0; loadEvents().catch((e) => status("error: " + e.message)); });
$("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); loadEvents(); });
$("next").addEventListener("click", () => { offset += PAGE; loadEvents(); });
loadDyads().catch((err) => status("error: " + err.message));
