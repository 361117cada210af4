"""Stage 4: time and place attachment.

Input: a sentence's candidates with their anchors (trigger, control-chain verbs). Output: each candidate's
date (the time expression whose clause it is, resolved against the publication date and its tense; "a day
after ..." counted from the main clause's date) and place (a location phrase under its clause or object, a
venue and whether it is multilateral; failing that, the place its kind implies: a UN action in New York, an
expulsion on the expelling state's soil, an attack on the attacked country). Dated clauses that are no
events are kept in the context for later sentences.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from ..lexicon import words
from ..treecache import children, subtree
from .parse import name_text, noun_phrase, pobj, verb_above
from .types import IGO_LIKE, MULTI_IGO

if TYPE_CHECKING:

    from spacy.tokens import Span, Token

    from ..nlp import Sentence
    from ..resolve.dates import DateResolution, TimeMatch
    from .candidate import Candidate
    from .context import ArticleContext


def _document_year(span: Span, toks: list[Token]) -> bool:
    """'Resolution 2724 (2024)': a year in brackets after a numbered text names the text, not a date of the act."""
    year = toks[0]
    if len(toks) != 1 or not year.like_num or len(year.text) != 4 or year.i - 2 < span.start or \
            year.i + 1 >= span.end:
        return False
    doc = year.doc
    return doc[year.i - 1].text == "(" and doc[year.i + 1].text == ")" and doc[year.i - 2].like_num


class Attacher:
    """Attaches dates and places to a sentence's candidates."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx

    def attach_time(self, sent: Sentence, cands: list[Candidate]) -> None:
        from ..resolve.dates import find_time_expressions, resolve_time

        span = sent.span
        text = span.text
        found = find_time_expressions(text)
        # each token with its character offsets in the sentence, read once for all the expressions
        offsets = [(t, t.idx - span.start_char, len(t.text)) for t in span] if found else []
        for m in sorted(found, key=lambda m: m.kind == "relative-event"):
            toks = [t for t, start, n in offsets if start < m.end and start + n > m.start]
            if not toks:
                continue
            if _document_year(span, toks):
                continue
            idxs = {t.i for t in toks}
            anchor = next((t for t in toks if t.head.i not in idxs or t.head.i == t.i), toks[0])
            target, fv = self._climb(anchor, cands, span)
            if m.kind == "relative-event":
                self._shift(sent, m, anchor, cands)
                continue
            if not target:
                if fv is not None and self.ctx.published is not None:
                    res0 = resolve_time(m.text, self.ctx.published, "past")
                    if res0.is_resolved():
                        self.ctx.clause_dates[(sent.index, fv.i - span.start)] = (res0, m.text)
                        subj = next((x for x in children(fv) if x.dep_ in ("nsubj", "nsubjpass")), None)
                        ref = self.ctx.actors.resolve(sent.index, subj.i - span.start) if subj is not None else None
                        if ref is not None and ref.country:
                            self.ctx.frames.append((sent.index, ref, res0, m.text))
                continue
            gov = anchor if anchor.pos_ == "VERB" else verb_above(anchor)
            for c in target:
                if c.time is not None and c.time.is_resolved():
                    continue
                if c.status == "planned" and gov is not None and gov.tag_ == "VBD" and (
                        gov.i - span.start != c.head_i or c.rule.endswith("+invitation")):
                    # "agreed on Wednesday to a truce": the past frame's date is not the planned act's
                    c.notes.append(f"'{m.text}' dates the past '{gov.text}', not the planned act")
                    for own in cands:   # ...but it is the date of the frame's own act ("agreed")
                        if own.head_i == gov.i - span.start and own.time is None and own.status != "planned":
                            res_own = resolve_time(m.text, self.ctx.published, own.tense)  # type: ignore[arg-type]
                            if res_own.kind not in ("since", "duration"):
                                own.time, own.time_text = res_own, m.text
                                own.notes.append(f"time '{m.text}' -> {res_own.start}..{res_own.end}")
                    continue
                tense = "future" if c.status in ("planned",) else c.tense
                res = resolve_time(m.text, self.ctx.published, tense)  # type: ignore[arg-type]
                if res.kind in ("since", "duration"):
                    c.notes.append(f"'{m.text}' is a {res.kind}, not the action's date")
                    continue
                if self._past_date_of_object(sent, c, res, cands):
                    continue
                c.time = res
                c.time_text = m.text
                c.notes.append(f"time '{m.text}' -> {res.start}..{res.end}")

    def _past_date_of_object(self, sent: Sentence, c: Candidate, res: DateResolution,
                             cands: list[Candidate]) -> bool:
        """'The AU condemns the seizure of two boats ... on 4 March': a present-tense act is not dated
        days before the text; a past date the parser hangs on it dates the event noun it governs."""
        span = sent.span
        verb = span[c.head_i]
        if verb.tag_ not in ("VBZ", "VBP") or self.ctx.published is None or res.end is None or \
                (self.ctx.published - res.end).days < 1:
            return False
        objs = {o.i - span.start for o in children(verb) if o.dep_ == "dobj"}
        inner = [o for o in cands if o is not c and o.head_i in objs]
        if not inner:
            return False
        c.notes.append("a past date on a present-tense act: it dates the act's object, not the act")
        for o in inner:
            if o.time is None:
                o.time, o.time_text = res, res.text
                o.notes.append(f"time '{res.text}' -> {res.start}..{res.end} (on the act that governs it)")
        return True

    def _shift(self, sent: Sentence, m: TimeMatch, anchor: Token, cands: list[Candidate]) -> None:
        """'A day after Iran launched drones, the UN chief told the Council today': the subordinate action
        is N days before the main clause's date."""
        from ..resolve.dates import DateResolution

        span = sent.span
        text = m.text.lower()
        parts = text.split()
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "hours": 0}.get(parts[0]) \
            if parts else None
        if n is None or ("after" not in parts and "before" not in parts):
            return
        if "hours" in parts or "hour" in parts:
            n = 0
        sub = next((t for t in span if t.dep_ == "mark" and t.lower_ in ("after", "before") and
                    t.idx - span.start_char >= m.start), None)
        if sub is None:
            return
        verb = sub.head
        main = verb.head
        known = None
        cur = main
        for _ in range(4):
            known = self.ctx.clause_dates.get((sent.index, cur.i - span.start))
            if known is not None or cur.head.i == cur.i:
                break
            cur = cur.head
        if known is None:
            return
        base, base_text = known
        assert base.start is not None
        d = base.start - timedelta(days=n) if "after" in parts else base.start + timedelta(days=n)
        for c in cands:
            if verb.i - span.start in c.anchors:
                c.time = DateResolution(text=m.text, start=d, end=d, granularity="day",
                                        kind="relative-event")
                c.time_text = f"{m.text} ({base_text})"
                c.notes.append(f"'{m.text}' counted from the main clause's '{base_text}': {d}")

    def _climb(self, anchor: Token, cands: list[Candidate], span: Span) -> tuple[list[Candidate], Token | None]:
        """Candidates whose clause the time expression hangs from (through embedded event clauses); when
        none, the verb of the clause it dates (a frame: "the UN chief told the Council today")."""
        t = anchor
        out: list[Candidate] = []
        for _ in range(14):
            rel = t.i - span.start
            found = [c for c in cands if rel in c.anchors and c not in out]
            if t.i != anchor.i or t.pos_ == "VERB":
                out.extend(found)
            if t.pos_ in ("VERB", "AUX") and t.i != anchor.i and not found and t.dep_ not in ("relcl", "acl", "xcomp"):
                return out, (t if t.pos_ == "VERB" else None)
            if t.head.i == t.i:
                break
            if found and not (t.pos_ == "VERB" and t.dep_ in ("pcomp", "xcomp")):
                break
            gov = (t.head.head if t.head.dep_ == "dobj" else t.head.head.head if t.head.dep_ == "pobj" else None) \
                if t.pos_ == "VERB" and t.dep_ == "acl" else None
            if gov is not None and t.i != anchor.i and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN") and \
                    not found and any(gov.i - span.start in c.anchors for c in cands):
                # "welcomed the agreement reached on 14 May": the participle dates its noun's event, never the
                # verb the noun is the object of
                noun = t.head.i - span.start
                out.extend(c for c in cands if noun in c.anchors and c not in out)
                return out, None
            t = t.head
        return out, None

    def attach_place(self, sent: Sentence, cands: list[Candidate]) -> None:
        span = sent.span
        for c in cands:
            if c.place is not None:
                continue
            found = False
            for a in sorted(c.anchors):
                tok = span[a]
                found = self._place_under(sent, tok, c, depth=0)
                if found:
                    break
            if not found:
                # "signed a treaty in Pyongyang": the place hangs from the object
                others = {o.head_i for o in cands if o is not c and o.head_i not in c.anchors}
                for a in sorted(c.anchors):
                    for ch in children(span[a]):
                        if ch.i - span.start in others:
                            continue   # "discussed the war in Gaza": the place is the topic's, not the talks'
                        if c.event_type == "CONSULT" and span[a].lemma_.lower() in words("topic_verbs") and \
                                ch.lemma_.lower() in words("situation_nouns"):
                            continue   # "discussed the situation in Syria": the topic's place, not the venue
                        if ch.dep_ in ("dobj", "nsubjpass") and self._place_under(sent, ch, c, depth=1):
                            found = True
                            break
                    if found:
                        break

    def _place_under(self, sent: Sentence, tok: Token, c: Candidate, depth: int) -> bool:
        for ch in children(tok):
            if ch.dep_ != "prep" or ch.lower_ == "from":
                continue
            pob = pobj(ch)
            if pob is None:
                continue
            # "on the sidelines of the Brics summit in Johannesburg": venues also hang from on/of
            venue_link = (ch.lower_ == "on" and pob.lemma_.lower() in words("venue_words")) or (
                ch.lower_ == "of" and depth >= 1 and tok.lemma_.lower() in words("venue_words") | words(
                    "placeish_nouns"))   # "in the capital city of Lusaka", "in the province of Idlib"
            if ch.lower_ not in words("location_preps") and not venue_link:
                continue
            if ch.lower_ == "into" and c.event_type not in ("ASSAULT", "MOBILIZE"):
                continue
            p = self.ctx.place(sent, pob)
            if p is not None and not (c.target and c.target.token == pob.i - sent.span.start and
                                      c.event_type not in ("CONSULT",) and p.country is not None):
                phrase = noun_phrase(pob)
                c.place, c.place_text = p, phrase if p.name.lower() in phrase.lower() else p.name
                c.notes.append(f"place '{noun_phrase(pob)}' -> {p.name} ({p.country})")
                return True
            low = pob.lemma_.lower()
            named = next((a for a in children(pob) if a.dep_ == "appos"), None) if low in words("placeish_nouns") \
                and ch.lower_ in words("location_preps") else None
            pa = self.ctx.place(sent, named) if named is not None else None
            if named is not None and pa is not None:
                # "rallied in the capital, Harare"
                c.place, c.place_text = pa, noun_phrase(named)
                c.notes.append(f"place '{c.place_text}' -> {pa.name} ({pa.country})")
                return True
            if depth < 1 and ch.lower_ in ("in", "during", "at", "outside", "near") and pob.pos_ == "NOUN" and \
                    low not in words("venue_words") and self._place_under(sent, pob, c, depth + 1):
                return True   # "killed three people in a raid in Jenin"
            if low in words("venue_words") or pob.ent_type_ in ("FAC", "EVENT", "ORG"):
                if self._venue_is_multilateral(sent, pob):
                    c.multilateral_venue = True
                    c.notes.append(f"venue '{noun_phrase(pob)}' is multilateral")
                if depth < 2 and self._place_under(sent, pob, c, depth + 1):
                    return True
                if self.ctx.gaz is not None and any(t.pos_ == "PROPN" or t.text[:1].isupper()
                                                    for t in subtree(pob) if t.i <= pob.i):
                    # a named venue ("the Shangri-La Dialogue"); "the summit" is no town called Summit
                    vp = self.ctx.gaz.lookup(name_text(pob))
                    if vp is not None:
                        c.place, c.place_text = vp, noun_phrase(pob)
                        c.notes.append(f"venue '{noun_phrase(pob)}' -> {vp.name} ({vp.country})")
                        return True
        return False

    def _venue_is_multilateral(self, sent: Sentence, tok: Token) -> bool:
        low = tok.lemma_.lower()
        if low in words("multilateral_venue_words"):
            return True
        for ch in subtree(tok):
            r = self.ctx.actors.resolve(sent.index, ch.i - sent.span.start) if ch.pos_ == "PROPN" else None
            if r is not None and r.country in MULTI_IGO:
                return True
        return False

    def default_place(self, sent: Sentence, c: Candidate) -> None:
        """Where the action happened when no place phrase hangs from its clause (each rule noted)."""
        if self.ctx.gaz is None or c.source is None or c.target is None:
            return
        span = sent.span
        # "met ... Pashinyan in Spain", "attack against Iranian premises in Damascus": a place on the target
        if 0 <= c.target.token < len(span):
            ttok = span[c.target.token]
            kids = list(children(ttok))
            kids += [g for k in kids if k.dep_ == "appos" for g in children(k)]
            if ttok.dep_ == "appos":   # "his Chinese counterpart Wang Yi in Johannesburg"
                kids += list(children(ttok.head))
            for ch in kids:
                if ch.dep_ == "prep" and ch.lower_ in ("in", "at", "near"):
                    pob = pobj(ch)
                    if pob is None:
                        continue
                    p = self.ctx.place(sent, pob)
                    if p is not None:
                        c.place, c.place_text = p, noun_phrase(pob)
                        c.notes.append(f"place on the target phrase: {p.name} ({p.country})")
                        return
        t, m = c.event_type, c.mode
        text = span.text.lower()
        if ("UNO" in (c.source.country, c.target.country) or (c.lemma == "veto" and "resolution" in text)) and (
                "council" in text or "general assembly" in text or "resolution" in text or self.ctx.un_session):
            p = self.ctx.gaz.lookup("UN headquarters")
            if p is not None:
                c.place, c.place_text = p, p.name
                c.notes.append("a UN Security Council or General Assembly action takes place in New York")
                return
        if t == "SANCTION" and (m == "expel" or c.lemma in words("closure_words")):
            p = self.ctx.gaz.country(c.source.country or "")
            if p is not None:
                c.place, c.place_text = p, c.source.actor.text
                c.notes.append("expulsions and closures happen on the acting state's territory")
                return
        placeish = 0 <= c.target.token < len(span) and span[c.target.token].lemma_.lower() in words("placeish_nouns")
        if t in ("ASSAULT", "MOBILIZE") and (c.target.kind in ("country", "metonym") or placeish) and \
                c.target.country not in IGO_LIKE:
            p = self.ctx.gaz.country(c.target.country or "")
            if p is not None:
                c.place, c.place_text = p, c.target.actor.text
                c.notes.append("an attack or deployment against a country takes place on its territory")

        if t in ("COERCE", "PROTEST") and c.source.country == c.target.country and c.source.country and \
                c.source.country not in IGO_LIKE:
            # "police detained the journalists", "students protested": a domestic act happens at home
            p = self.ctx.gaz.country(c.source.country)
            if p is not None:
                c.place, c.place_text = p, p.name
                c.notes.append("a domestic act happens in its state")
