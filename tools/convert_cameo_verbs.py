"""Convert PETRARCH-2's CAMEO verb dictionary into detente trigger entries (``triggers_cameo.yaml``).

    python tools/convert_cameo_verbs.py [--cameo ../shared/data/petrarch2/CAMEO.2.0.txt]
                                        [--out src/detente/data/triggers_cameo.yaml]

``CAMEO.2.0.txt`` (MIT, copyright Open Event Data Alliance) holds verb synonym blocks: verbs, each with an
optional CAMEO code (else the block's), followed by PETRARCH patterns (``- * OBJECT (PREP NOUN) [code]``). Only
words and phrases are taken, never PETRARCH's matching (its patterns assume a phrase-structure parse):

- an isolated verb with a code -> a single-lemma verb pattern ("expel");
- a ``+VERB_PARTICLE`` multiword verb -> "verb particle" ("crack down");
- a pattern made of one bare object noun or one bare preposition -> "verb noun" / "verb prep"
  (detente's engine matches the following words on the verb's object or next tokens).

Each CAMEO code is mapped to a PLOVER type and mode with detente's crosswalk (the reverse of
``crosswalk.yaml``: exact code, then the 3-digit and root code), with a small root table for the CAMEO
codes the crosswalk does not name. Left out: the 01x statement codes, 043 (hosting inverts the
direction), lemmas of generic or many-sense verbs (STOP below), verbs filed under several types in the
dictionary, lemmas triggers.yaml or modality.yaml already own (detente's entries win; the loader also
enforces this), phrases on a verb triggers.yaml reads ("recall ambassador": a longer pattern would override
detente's own reading of "recall"), phrases whose object is a noun trigger ("hold talks": the noun and its
light verb cover it), and the entries DROP lists after measurement with tools/dev_figures.py.

One entry is written per CAMEO code, confidence 0.6, with the MIT notice at the top of the file.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "detente" / "data"

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Generic verbs, verbs with many unrelated senses, and verbs that mostly fire on non-events.
STOP = _words("""
say make take give get go come put set have be do keep hold see look run bring turn call send show tell
find leave let allow help use move work play carry stand begin start end open close cut break pass meet
face raise drop lead follow provide offer serve need want mean hope plan try seem appear become remain
continue change add note report state declare describe mention speak talk write read hear claim insist
argue explain suggest consider believe think feel know expect sign place post base pose position station
situate arrange stage format level charge fire hit strike shoot beat back press push pull draw lift
drive cover mark hand ground field head face host receive welcome address answer return reach
secure cross spread settle sit lay rest fix deal contact visit discuss share join express voice convey
pledge promise vow rule order act count seek ask question wonder interview query enquire inquire
engage check watch monitor test mount launch conduct hold issue deliver release free clear
""")

# Removed after measurement (they fired mostly on non-events in the development sets).
DROP: frozenset[str] = frozenset(x.strip() for x in """
communicate, debate, rejoice, search, decree, grill, compensate, abort, betray, reexamine, assist, assemble, cable,
influence, bless, favor, legitimise, reassert, enact, link, merge, import, purchase, intervene, stabilise, defend,
absolve, abstain, declassify, legalise, curse, despair, disgrace, dismay, distrust, lament, regret, jeer, defect,
endanger, disturb, provoke, parade, disassociate, disrupt, undermine, secede, exclude, impel, extract, steal, abuse,
hurt, rip, whip, wrestle, die, target,
sign aggrement, sign memoradum, confront agression, detain clothiing, explode rocked, tighten penalt,
support strenghtening, hold polls, fuel speculation, surround house, win parliament, appoint minister,
present cabinet, remain close, involve for, share lead, hunt gunmen, protect terminal, boost prospects,
increase budget, combat locust, heighten tensions, remain isolated, prevent move, send agents, witness row,
celebrate demise, cheer onslaught, apprise dissent, fire off, take bitterly, reach out, count on, submit paper,
express wish, lobby for, review issues, reduce tension, present letter, arrive back, return from, extend mandate,
outline mandate, reaffirm conditions, seize power, use armor, control land, penetrate deep, trace smugglers,
present evidence, sound alarm, appoint committee, assess impact, collect documents, monitor activity,
interrogate suspicion, hunt down, force police, remain committed, welcome delegation, fulfill recommendations,
boost spending, give salary, increase peacekeeper, prevent freeing, prevent traffic, shoot between, recover land,
seize ownership, quit party, maintain position, maintain hardline, remain defiant, remain deadlocked,
reiterate dismissal, dispute reports, overturn decision, overturn ruling, foil bid, give hours, voice dissent,
comb area, boost firepower, draft police, expel protester, snatch baby, reclose border, attack target,
pound tanks, expel diplomats, expel officers, withdraw advisor, probe into, investigate report, open rift,
open uproar, protest about, question assertion, react coolly, react warily, remain opposed, remain skeptical,
take jab, react alarm, counter remark, challenge supremacy, blast powers, blast attitude, remove police,
evacuate positions, give up, exchange ideas, convey message, reduce debt, restructure debt, deliver gift,
send vehicles, extend hand, forgive debt, prohibit, pick minister, celebrate ousting, highlight plight,
found guilty, upgrade bases, restore unity, unleash scud, return machine
""".replace("\n", " ").split(",") if x.strip())

# Phrases on a verb triggers.yaml reads, kept because measurement showed they correct its sense
# ("gave the junta a deadline" is an ultimatum, not aid).
KEEP: frozenset[str] = frozenset({"give deadline"})

# CAMEO root -> PLOVER (type, mode) where the crosswalk names no code of that root.
ROOTS: dict[str, tuple[str, str | None]] = {
    "02": ("REQUEST", None), "03": ("AGREE", None), "04": ("CONSULT", None), "05": ("SUPPORT", None),
    "06": ("COOPERATE", None), "07": ("AID", None), "08": ("CONCEDE", None), "09": ("ACCUSE", "investigate"),
    "10": ("REQUEST", None), "11": ("ACCUSE", None), "12": ("REJECT", None), "13": ("THREATEN", None),
    "14": ("PROTEST", None), "15": ("MOBILIZE", None), "16": ("SANCTION", None), "17": ("COERCE", None),
    "18": ("ASSAULT", None), "19": ("ASSAULT", None), "20": ("ASSAULT", None),
}
EXCLUDED_CODES = ("01", "03", "043")
PARTICLES = _words("up down out off back away over in on through along about around")
PREPS = _words("to with against on at from into upon toward towards for of")
CONFIDENCE = 0.6
VERB_TYPES: dict[str, set[str]] = {}   # triggers.yaml verb lemma -> the types it gives it (filled by owned)

NOTICE = """\
# Trigger entries derived from PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt), generated by
# tools/convert_cameo_verbs.py: do not edit by hand, regenerate. Loaded after triggers.yaml with lower
# priority: a verb lemma that triggers.yaml covers is dropped from here by the loader.
#
# The MIT License (MIT)
#
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

"""

_CODE = re.compile(r"\[([0-9:\-]*)\]")
_WORD = re.compile(r"[a-z]+")


def _code(text: str) -> str | None:
    """The first CAMEO code in ``[...]`` ("042:043" -> "042"); None for none or the null code."""
    m = _CODE.search(text)
    if not m:
        return None
    first = m.group(1).split(":")[0]
    return first if first.isdigit() else None


def parse(path: Path) -> list[tuple[str, str, int]]:
    """(phrase, CAMEO code, line) for every verb and simple pattern of the verb section."""
    out: list[tuple[str, str, int]] = []
    in_verbs = False
    block_code: str | None = None
    block_head = ""
    verbs: list[str] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        if line.startswith("---"):
            block_code, verbs = _code(line), []
            block_head = line.strip("- ").split("[")[0].strip().lower().replace("_", " ")
            continue
        if line.startswith("-"):
            code = _code(line)
            body = _CODE.sub("", line[1:]).split()
            if code is None or body[:1] != ["*"] or len(body) != 2:
                continue
            word = body[1].strip("()").lower()
            if not _WORD.fullmatch(word) or body[1].startswith("&") or body[1].startswith("{"):
                continue
            if body[1].startswith("(") and word not in PREPS:
                continue                      # "(TO BORDER)": a prepositional phrase, not a bare preposition
            # only with the verb the pattern was found for (named in its comment), not every synonym
            named = comment.strip().split()[:1]
            if named and named[0].lower() in verbs:
                out.append((f"{named[0].lower()} {word}", code, n))
            continue
        head = line.split("{", 1)[0]
        head = _CODE.sub("", head).strip()
        if not head or " " in head:
            continue
        words = head.lower().split("_")
        if "+" in head and not words[0].startswith("+"):
            continue                          # the verb is not the first word ("WIRE_+TAP")
        words = [w.lstrip("+") for w in words]
        if not all(_WORD.fullmatch(w) for w in words) or (len(words) > 1 and words[1] not in PARTICLES | PREPS):
            continue
        phrase = " ".join(words)
        verbs.append(phrase)
        # a verb's own code, else the block's for the verb that names the block; the block code spread
        # over its WordNet synonyms mostly misfires
        code = _code(line.split("}", 1)[-1] if "{" in line else line)
        if code is None and phrase == block_head:
            code = block_code
        if code is not None:
            out.append((phrase, code, n))
    return out


def crosswalk(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (type, mode) from the crosswalk rows with no status; a mode-less row wins."""
    out: dict[str, tuple[str, str | None]] = {}
    for row in yaml.safe_load(path.read_text(encoding="utf-8")):
        if row.get("status") is not None:
            continue
        code, key = str(row["cameo"]), (row["type"], row.get("mode"))
        if code not in out or (key[1] is None and out[code][1] is not None):
            out[code] = key
    return out


def plover(code: str, cw: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    if code.startswith(EXCLUDED_CODES):
        return None
    for c in (code, code[:3], code[:2] + "0"):
        if c in cw:
            return cw[c]
    return ROOTS.get(code[:2])


def owned(triggers: Path, modality: Path) -> tuple[set[str], set[str], set[str], set[str]]:
    """What detente's own files already cover: (trigger lemmas, trigger phrases, noun-trigger words,
    status-cue words such as cancel, refuse, urge)."""
    lemmas: set[str] = set()
    phrases: set[str] = set()
    nouns: set[str] = set()
    cues: set[str] = set()
    for e in yaml.safe_load(triggers.read_text(encoding="utf-8")):
        for v in e.get("verbs") or ():
            lemmas.add(v.split()[0])
            VERB_TYPES.setdefault(v.split()[0], set()).add(e["type"])
            phrases.add(v)
        for w in e.get("nouns") or ():
            nouns.add(w.split()[-1])
            phrases.add(w)
            if " " not in w:
                lemmas.add(w)
        for w in e.get("light_verbs") or ():
            lemmas.add(w)
    for e in yaml.safe_load(modality.read_text(encoding="utf-8")):
        for w in e.get("words") or ():
            if isinstance(w, str):
                cues.add(w.split()[0])
    return lemmas, phrases, nouns, cues


def _singular(w: str) -> str:
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ses", "shes", "ches")):
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def convert(cameo: Path) -> list[dict[str, object]]:
    cw = crosswalk(DATA / "crosswalk.yaml")
    lemmas, phrases, nouns, cues = owned(DATA / "triggers.yaml", DATA / "modality.yaml")
    found = parse(cameo)
    types: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    first: dict[str, str] = {}
    for phrase, code, _ in found:
        key = plover(code, cw)
        types[phrase].add(key if key is not None else ("-", None))
        first.setdefault(phrase, code)
    # a bare lemma filed under several types is a many-sense verb
    lemma_types: dict[str, set[str]] = defaultdict(set)
    for phrase, keys in types.items():
        if " " not in phrase:
            lemma_types[phrase].update(t for t, _ in keys)
    by_code: dict[str, list[str]] = defaultdict(list)
    for phrase, code in first.items():
        lemma = phrase.split()[0]
        if len(types[phrase]) != 1 or ("-", None) in types[phrase] or phrase in DROP or lemma in DROP:
            continue
        if lemma in STOP and " " not in phrase:
            continue
        if len(lemma_types.get(phrase, ())) > 1:
            continue
        if phrase in phrases or (" " not in phrase and lemma in lemmas) or lemma in cues:
            continue                          # detente's own reading, or a status cue (cancel, refuse, urge)
        words = phrase.split()
        if len(words) > 1 and lemma in VERB_TYPES and phrase not in KEEP:
            continue                          # "expel diplomats" (COERCE) or "recall ambassador" (another mode)
            #                                   would override detente's own reading of the verb
        if len(words) > 1 and (words[1] in nouns or _singular(words[1]) in nouns):
            continue                          # "hold talks": the noun trigger and its light verb cover it
        by_code[code].append(phrase)
    entries: list[dict[str, object]] = []
    for code in sorted(by_code):
        key = plover(code, cw)
        assert key is not None
        t, m = key
        entries.append({
            "id": f"{t.lower()}.{m or 'general'}.cameo-{code}", "type": t, "mode": m,
            "verbs": sorted(by_code[code]), "confidence": CONFIDENCE,
            "note": f"from CAMEO.2.0.txt code {code}",
        })
    return entries


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--cameo", default=str(ROOT / ".." / "shared" / "data" / "petrarch2" / "CAMEO.2.0.txt"))
    ap.add_argument("--out", default=str(DATA / "triggers_cameo.yaml"))
    args = ap.parse_args()
    cameo = Path(args.cameo)
    if not cameo.is_file():
        print(f"no CAMEO dictionary at {cameo}", file=sys.stderr)
        return 1
    entries = convert(cameo)
    body = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    Path(args.out).write_text(NOTICE + body, encoding="utf-8")
    print(f"{len(entries)} entries, {sum(len(e['verbs']) for e in entries)} verb patterns -> {args.out}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
