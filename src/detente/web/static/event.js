// detente event page: the source sentences with trigger, actors and span highlighted. Text only, never markup.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function ranges(text, needle) {
  const out = [];
  if (!needle || needle.startsWith("(")) return out;
  const low = text.toLowerCase(), n = needle.toLowerCase();
  for (let i = low.indexOf(n); i >= 0; i = low.indexOf(n, i + n.length)) out.push([i, i + n.length]);
  return out;
}

// One sentence as text nodes and <mark>s: per character the strongest class (trigger > actor > span).
function highlighted(text, mention, actors) {
  const cls = new Array(text.length).fill(0);
  const paint = (a, b, level) => { for (let i = Math.max(0, a); i < Math.min(text.length, b); i++) cls[i] = Math.max(cls[i], level); };
  if (mention) {
    paint(mention.start, mention.end, 1);
    const span = text.slice(mention.start, mention.end).toLowerCase();
    for (const a of actors) for (const [x, y] of ranges(text, a)) paint(x, y, 2);
    // a trigger may be discontinuous ("declined ... meet"): each part in turn, left to right in the span
    let from = 0;
    for (const part of (mention.trigger || "").split("...").map((x) => x.trim().toLowerCase()).filter(Boolean)) {
      const t = span.indexOf(part, from);
      if (t < 0) continue;
      paint(mention.start + t, mention.start + t + part.length, 3);
      from = t + part.length;
    }
  }
  const p = el("p", { class: "sentence" });
  const names = [null, "span", "actor", "trigger"];
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && cls[j] === cls[i]) j++;
    const piece = text.slice(i, j);
    if (cls[i] === 0) p.append(document.createTextNode(piece));
    else if (cls[i] === 1) p.append(el("span", { class: "span" }, piece));
    else p.append(el("mark", { class: names[cls[i]] }, piece));
    i = j;
  }
  return p;
}

function actorLabel(a) {
  if (!a) return "?";
  return `${a.name || a.text}${a.role ? " (" + a.role + ")" : ""} [${a.country || "?"}${a.sector ? "/" + a.sector : ""}]`;
}

async function main() {
  const id = decodeURIComponent(location.pathname.split("/").pop());
  const r = await fetch("/api/events/" + encodeURIComponent(id));
  const ev = await r.json();
  if (!r.ok) { $("status").textContent = "error: " + (ev.error || r.statusText); return; }
  document.title = `detente — ${ev.event_type} ${ev.status}`;
  $("headline").textContent = `${ev.event_type}${ev.mode ? "/" + ev.mode : ""} (${ev.status}): ${actorLabel(ev.source)} → ${actorLabel(ev.target)}`;
  const facts = [
    ["date", ev.date ? `${ev.date.start || "?"}${ev.date.end && ev.date.end !== ev.date.start ? " – " + ev.date.end : ""} (${ev.date.text})` : "—"],
    ["place", ev.location ? `${ev.location.name || ev.location.text} (${ev.location.country || "?"})` : "—"],
    ["context", (ev.context || []).join(", ") || "—"],
    ["channel", `${ev.channel.channel} — ${ev.channel.rule}`],
    ["PLOVER / CAMEO", `${ev.plover_type || "?"} / ${ev.cameo || "?"}, intensity ${ev.intensity ?? "?"}, confidence ${ev.confidence}`],
    ["article", `${ev.doc_id}, published ${ev.published || "?"}`],
  ];
  for (const [k, v] of facts) $("facts").append(el("dt", {}, k), el("dd", {}, v));
  const actors = [ev.source && ev.source.text, ev.target && ev.target.text].filter(Boolean);
  const bySentence = new Map((ev.sentences || []).map((s) => [s.index, s.text]));
  for (const m of ev.mentions || []) {
    // the mention's offsets refer to its own copy of the sentence; the stored sentence is the fallback
    const text = m.text || bySentence.get(m.sentence) || "";
    const offsetOk = Boolean(m.text);
    $("sentences").append(el("h4", {}, `sentence ${m.sentence}`),
      highlighted(text, offsetOk ? m : { ...m, start: 0, end: 0 }, actors));
  }
  for (const m of ev.mentions || []) $("rules").append(el("li", {}, `${m.rule}: trigger “${m.trigger}”`));
}

main().catch((err) => { $("status").textContent = "error: " + err.message; });
