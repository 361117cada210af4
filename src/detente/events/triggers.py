"""Stage 1 (C2, C5): the trigger words of a sentence and their senses.

Input: one parsed sentence. Output: its :class:`Hit` list (verb and noun triggers with their pattern tokens
and governing clause), after the sense filters ("address the issue" is no visit, a light verb is no event
of its own, a refusal or cancel verb over an event is its frame). :meth:`TriggerFinder.reread` then revises
a built candidate's sense from its arguments (a welcome at a place is a visit, a missile fired into the sea
a weapons test, a vow to attack a threat).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors.recognize import ActorRef
from ..lexicon import words
from ..record import Actor
from ..treecache import children, subtree
from .candidate import Hit
from .lexicon import DEFAULT_LIGHT_VERBS, Trigger
from .owners import asked_state
from .parse import is_measure, is_quantity, noun_phrase, pobj, verb_args, visit_adjunct
from .status import refused_mode
from .types import AMOD_TYPES, THREAT_MODE

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp import Sentence
    from .candidate import Candidate
    from .context import ArticleContext


class TriggerFinder:
    """Finds the trigger hits of a sentence and rereads a candidate's sense."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx

    def find_hits(self, sent: Sentence) -> list[Hit]:
        """The verb and noun triggers of a sentence, after the sense filters."""
        span = sent.span
        hits: list[Hit] = []
        for tok in span:
            lemma, verbish = self._reading(sent, tok)
            hit = self._verb_hit(span, tok, lemma) if verbish else None
            if hit is not None:
                hits.append(hit)
            pos = tok.pos_
            if pos in ("NOUN", "PROPN") or (pos == "VERB" and tok.tag_ in ("NN", "NNS")):
                hit = self._noun_hit(span, tok, lemma)
                if hit is not None:
                    hits.append(hit)
        return self._drop_frames(span, hits)

    def _reading(self, sent: Sentence, tok: Token) -> tuple[str, bool]:
        """The lemma to look a token up by, and whether it reads as a verb."""
        lemma = tok.lemma_.lower()
        pos = tok.pos_
        verbish = pos == "VERB" or (pos == "NOUN" and tok.tag_.startswith("VB"))
        if sent.kind == "headline" and tok.text[:1].isupper() and pos in ("PROPN", "NOUN", "VERB") and \
                not self.ctx.trig.verbs_for(lemma) and tok.ent_type_ not in ("GPE", "NORP", "PERSON", "ORG"):
            # Title Case headlines: "Secretary-General Urges All Parties", "Russia Threatens ..."
            for guess in _lemma_guesses(tok.lower_):
                if self.ctx.trig.verbs_for(guess) and tok.lower_ != guess:
                    lemma, verbish = guess, True
                    break
        if verbish and tok.dep_ == "amod" and (any(ch.dep_ in ("advmod", "npadvmod") for ch in children(tok))):
            verbish = False   # "internationally recognized borders", "EU-brokered meeting"
        return lemma, verbish

    def _verb_hit(self, span: Span, tok: Token, lemma: str) -> Hit | None:
        """The longest verb pattern of ``lemma`` that matches at ``tok`` and passes its sense filter."""
        i = tok.i - span.start
        pats = self.ctx.trig.verbs_for(lemma)
        if not pats:
            return None
        fit = _ObjectFit(tok)
        negated = any(ch.dep_ == "neg" for ch in tok.children)
        # "will not allow them to land": a negated permission is the refusal, tried before the permission
        pats = sorted((vp for vp in pats if negated or not vp.trigger.negated_only),
                      key=lambda vp: (-len(vp.rest), not (negated and vp.trigger.negated_only),
                                      not fit(vp.trigger.objects)))
        for vp in pats:
            extra = _match_rest(tok, vp.rest)
            if extra is None:
                continue
            if tok.dep_ == "amod" and vp.trigger.type not in AMOD_TYPES:
                continue
            if vp.trigger.objects_required and not vp.rest and not fit(vp.trigger.objects):
                continue   # a sense filter: "address the issue" is no visit, "launch a campaign" no strike
            if vp.trigger.objects_required and vp.rest and any(ch.dep_ == "dobj" for ch in tok.children) and \
                    not _objects_fit(tok, vp.trigger.objects):
                continue   # "fired tear gas at the crowd": an object of another kind is not this reading
            if vp.trigger.objects_required and vp.rest and not fit(vp.trigger.objects) and any(
                    o.rest == vp.rest and not o.trigger.objects_required for o in pats):
                continue   # "fired on protesters", no missile named: the reading that needs no object
            if vp.trigger.type == "REJECT" and (any(_denied_report(ch) for ch in tok.children) or (
                    lemma in words("denial_verbs") and any(ch.tag_ == "VBG" and ch.dep_ in ("xcomp", "dobj")
                                                           for ch in tok.children))):
                continue   # "dismissed reports that they will meet": a denial, no refusal (C5)
            toks = [i, *[t - span.start for t in extra]]
            text = " ".join(span[k].text for k in sorted(toks))
            trig = vp.trigger
            if trig.clause_sense is not None and _has_act_complement(tok):
                # "invited the parties to agree on a text": asked to act, not invited to come
                trig = self.ctx.trig.trigger(trig.clause_sense) or trig
            return Hit(i, toks, text, trig, "verb", i)
        return None

    def _noun_hit(self, span: Span, tok: Token, lemma: str) -> Hit | None:
        """The longest noun pattern of ``lemma`` whose modifiers precede ``tok``, with its clause."""
        npats = self.ctx.trig.nouns_for(lemma) or self.ctx.trig.nouns_for(tok.lower_)
        if not npats:
            return None
        i = tok.i - span.start
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "GPE", "PERSON", "NORP", "LOC", "FAC", "LAW",
                                                     "WORK_OF_ART", "PRODUCT"):
            return None
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in words("actor_compound_heads") | words(
                "instrument_compound_heads"):
            # "riot police", "protest leaders", "strike aircraft": a kind of actor, not an act; "an arrest warrant":
            # the document of a possible act, a trigger of its own
            return None
        fit = _ObjectFit(tok)
        npats = sorted(npats, key=lambda p: (-len(p.modifiers), not fit(p.trigger.objects)))
        for np_ in npats:
            mods = _match_modifiers(tok, np_.modifiers)
            if mods is None:
                continue
            toks = [i, *[t - span.start for t in mods]]
            text = " ".join(span[k].text for k in sorted(toks))
            hi, htok = i, tok
            if "of" in np_.modifiers and span[min(toks)].dep_ != "pobj":
                # "state of emergency", "cessation of hostilities": the first noun heads the phrase
                hi = min(toks)
                htok = span[hi]
            trig = np_.trigger
            if trig.clause_sense is not None and _has_clause_complement(htok):
                # "its call that Russia withdraw", "a call for restraint": a request, not a phone call
                trig = self.ctx.trig.trigger(trig.clause_sense) or trig
            clause, light = self._noun_clause(htok, trig)
            return Hit(hi, toks, text, trig, "noun",
                       clause - span.start if clause is not None else hi,
                       light - span.start if light is not None else None)
        return None

    def _drop_frames(self, span: Span, hits: list[Hit]) -> list[Hit]:
        """Hits that are part of another's pattern, light verbs of noun triggers, and refusal or cancel
        verbs over an event are no events of their own."""
        heads = {h.i for h in hits}
        hits = [h for h in hits if not (h.kind == "noun" and any(t in heads and t != h.i for t in h.tokens))]
        # a noun after a preposition of a verb pattern is that pattern's word ("went on strike" is no air strike)
        idiom = {t for h in hits if h.kind == "verb" for t in h.tokens
                 if t != h.i and span[t].head.i - span.start in h.tokens and span[t].head.dep_ == "prep"}
        hits = [h for h in hits if not (h.kind == "noun" and h.i in idiom)]
        # a light verb governing a noun trigger is not an event of its own ("imposed sanctions")
        lights = {h.light for h in hits if h.kind == "noun" and h.light is not None}
        hits = [h for h in hits if not (h.kind == "verb" and h.i in lights)]
        by_i = {h.i: h for h in hits}
        drop: set[int] = set()
        for h in hits:
            if h.kind != "verb":
                continue
            tok = span[h.i]
            comps = [c for c in children(tok) if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
            objs = [c for c in children(tok) if c.dep_ in ("dobj", "nsubjpass") and c.i - span.start in by_i]
            # "refused to lift", "declined to comment": the frame decides, not the refusal verb itself
            if h.trigger.type == "REJECT" and self.ctx.mod.matches("refusal", tok) and comps and not (
                    comps[0].lemma_.lower() in words("permission_verbs") and
                    not any(t.i - span.start in by_i for t in subtree(comps[0]))):
                # "refused to let Russian trains cross": a permission refused, with no act of its own inside, is
                # the refusal itself
                drop.add(h.i)
            # "cancelled a trip", "scrapped planned trip": a cancel cue over an event noun is a frame
            if self.ctx.mod.matches("cancel", tok) and objs:
                inner = by_i[objs[0].i - span.start]
                if inner.trigger.type == "CONSULT" or h.trigger.type not in ("SANCTION", "COERCE"):
                    drop.add(h.i)
                else:
                    drop.add(inner.i)
        return [h for h in hits if h.i not in drop]

    def _crowd_in_place(self, sent: Sentence, tok: Token, subj: Token | None, c: Candidate) -> None:
        """A crowd with no country of its own is the people of the place it gathers in ('in Tbilisi')."""
        if c.source is not None and c.source.country:
            return
        where = next((pobj(ch) for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in (
            "in", "across", "outside", "throughout") and pobj(ch) is not None), None)
        pl = self.ctx.place(sent, where) if where is not None else None
        if pl is not None and pl.country:
            c.source = ActorRef(Actor(text=subj.text if subj is not None else pl.name, name=None,
                                      role="protesters", country=pl.country, sector="CVL"),
                                "group", f"crowd-in:{pl.name}", sent.index, tok.i - sent.span.start)

    def _noun_clause(self, tok: Token, trig: Trigger) -> tuple[int | None, int | None]:
        """The verb a noun trigger hangs from, and whether that verb is a light verb for it."""
        cur = tok
        for _ in range(6):
            head = cur.head
            if head.i == cur.i:
                return None, None
            if cur.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
                cur = head   # "closure of airspace and border crossings": conjuncts share the clause
                continue
            if cur.dep_ == "pobj" and head.dep_ == "prep" and is_measure(head):
                cur = head.head
                continue
            if cur.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and (
                    is_quantity(head) or head.lemma_.lower() in words("effort_heads")):
                cur = head   # "$50 million in aid", "a mediation effort", "a peace bid": the event's own phrase
                continue
            if head.pos_ in ("VERB", "AUX") and cur.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj"):
                lights = set(trig.light_verbs or DEFAULT_LIGHT_VERBS) | words("extra_light_verbs")
                lem = head.lemma_.lower()
                # "reimposed a blockade", "reopened talks": the repeated act is still the act
                is_light = (lem in lights or (lem.startswith("re") and lem[2:] in lights)) and \
                    cur.dep_ in ("dobj", "nsubjpass")
                return head.i, (head.i if is_light else None)
            if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "with" and head.head.pos_ == "VERB" and \
                    head.head.lemma_.lower() in words("with_light_verbs"):
                return head.head.i, head.head.i   # "hit China with tariffs", "slapped Iran with sanctions"
            if cur.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB",) and head.lower_ in (
                    "to", "of", "on", "for", "in", "with", "about", "into", "against", "from"):
                # "placed its army on high alert", "put the troops on combat readiness": a state put on the
                # event noun is the light verb's doing
                light = head.lower_ == "on" and head.head.lemma_.lower() in words("put_on_verbs") and \
                    head.head.lemma_.lower() in set(trig.light_verbs or ())
                return head.head.i, (head.head.i if light else None)
            if trig.type == "CONSULT" and visit_adjunct(cur):
                return head.head.i, None   # "During her visit to Nairobi, the minister praised Kenya"
            if trig.type == "PROTEST" and cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "during" \
                    and head.head.pos_ == "VERB":
                return head.head.i, None   # "youths threw stones during demonstrations against the army"
            return None, None
        return None, None


    def reread(self, sent: Sentence, h: Hit, c: Candidate, by_token: dict[int, Hit]) -> None:
        """Revise the sense of a candidate whose arguments are read: modes from complements, hosting,
        protests through channels, weapons tests, vows to attack."""
        span = sent.span
        tok = span[h.i]
        trig = h.trigger
        # REQUEST/REJECT modes from their complement
        if trig.type in ("REQUEST", "REJECT") and trig.mode is None and c.event_type == trig.type:
            inner = complement_trigger(tok, by_token, span)
            if inner is not None:
                c.mode = refused_mode(inner.trigger, span[inner.i])
                c.notes.append(f"mode from complement '{inner.text}': {c.mode}")
            else:
                # "asked Germany for air defence systems", "declined an invitation"
                wanted = {t.lemma_.lower() for ch in children(tok) if ch.dep_ in ("dobj", "prep", "xcomp", "nsubjpass")
                         for t in subtree(ch)}
                if wanted & words("meet_words"):
                    c.mode = "meet"
                elif wanted & words("assist_words"):
                    c.mode = "assist"
        # "was welcomed in Beijing by Xi", "welcomed Lula to Beijing": a welcome at a place is hosting
        if c.event_type == "SUPPORT" and h.kind == "verb" and c.lemma in words("host_verbs"):
            where = next((ch for ch in children(tok) if ch.dep_ == "prep" and ch.lower_ in ("in", "to", "at")
                          and pobj(ch) is not None and self.ctx.is_place(sent, pobj(ch))), None)  # type: ignore[arg-type]
            if where is not None and c.source is not None and c.target is not None:
                c.event_type, c.mode = "CONSULT", "visit"
                c.source, c.target = c.target, c.source
                pob = pobj(where)
                if pob is not None:
                    c.place, c.place_text = self.ctx.place(sent, pob), noun_phrase(pob)
                c.notes.append("welcomed at a place: a visit to the host")
        # "Thousands of Syrians sought refuge in Turkey", "Kyiv asked for more air defence from Berlin": aid
        # sought is a request for it, by the seeker, of the state asked
        if c.event_type == "AID" and h.kind == "noun" and tok.dep_ in ("dobj", "pobj") and (
                tok.head.lemma_.lower() in words("seek_verbs") or (
                    tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in words("seek_verbs"))):
            seeker_verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            vsubj = verb_args(seeker_verb, [seeker_verb])[0]
            seekers = [r for r in self.ctx.refs(sent, vsubj) if r.country] if vsubj is not None else []
            asked = c.target if c.target is not None and (not seekers or c.target.country != seekers[0].country) \
                else (c.source if c.source is not None and seekers and c.source.country != seekers[0].country
                      else None)
            if seekers and asked is None:
                asked = asked_state(self.ctx, sent, [tok, seeker_verb], seekers[0].country)
            if seekers:
                c.event_type, c.mode = "REQUEST", "assist"
                c.source, c.target = seekers[0], asked
                c.notes.append(f"'{seeker_verb.text} {h.text}': aid sought is a request (REQUEST/assist)")
        # "Starmer will host talks with the Emir of Qatar": the partner comes to the host
        if c.event_type == "CONSULT" and h.kind == "noun" and h.light is not None and \
                span[h.light].lemma_.lower() in words("host_light_verbs") and c.source is not None and \
                c.target is not None and c.source.country != c.target.country and not c.extra_targets and \
                not any(ch.dep_ == "prep" and ch.lower_ == "between" for ch in tok.children) and (
                    c.place is None or c.place.country == c.source.country):
            c.source, c.target = c.target, c.source
            c.mode = "visit"
            c.notes.append(f"'{span[h.light].text}' {h.text} with a partner: the partner visits the host")
        # "Qatar hosted talks between the US and the Taliban", "Oman will host a meeting of Iranian and American
        # envoys": the meeting is the two guests'; the host is its venue
        if c.event_type == "CONSULT" and h.kind == "noun" and h.light is not None and \
                span[h.light].lemma_.lower() in words("host_light_verbs") and c.source is not None and \
                c.target is not None and c.extra_targets:
            guests = [t for t in [c.target, *c.extra_targets] if t.country and t.country != c.source.country]
            if len({g.country for g in guests}) >= 2:
                host = c.source
                c.source, c.target = guests[0], next(g for g in guests if g.country != guests[0].country)
                c.extra_targets = []
                c.mode = "third-party"
                if c.place is None and self.ctx.gaz is not None and host.country:
                    c.place, c.place_text = self.ctx.gaz.country(host.country), host.actor.text
                c.notes.append(f"hosted by {host.country}: a meeting of its guests, at the host's")
        # "Thousands protested in Tbilisi against the law": a crowd protesting is a demonstration
        if c.event_type == "ACCUSE" and h.kind == "verb" and c.lemma == "protest" and not (
                tok.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)):
            subj = verb_args(tok, [tok])[0]
            crowd = subj is not None and (subj.lemma_.lower() in words("crowd_heads") or subj.like_num or any(
                r.actor.sector in ("CVL", "OPP") for r in self.ctx.refs(sent, subj)))
            if crowd:
                c.event_type, c.mode = "PROTEST", "demo"
                c.rule += "+crowd"
                c.notes.append(f"'{subj.text if subj is not None else ''} {tok.text}': a crowd demonstrating")
                self._crowd_in_place(sent, tok, subj, c)
                if c.target is not None and c.source is not None and c.target.country != c.source.country and \
                        c.target.rule.startswith("implicit"):
                    c.target = None
        elif c.event_type == "PROTEST" and h.kind == "verb" and (c.source is None or not c.source.country):
            # "Thousands demonstrated in Tehran", "Hundreds marched in Lagos": a crowd where it gathers
            subj = verb_args(tok, [tok])[0]
            if subj is not None and (subj.lemma_.lower() in words("crowd_heads") or subj.like_num):
                self._crowd_in_place(sent, tok, subj, c)
        # "would not attend the EU summit", "joined the NATO summit": a body's own summit is with that body
        if c.event_type == "CONSULT" and c.mode == "multilateral" and h.kind == "noun" and c.target is None and \
                c.source is not None:
            named = [tok, *[ch for ch in children(tok) if ch.dep_ in ("compound", "nmod", "poss") and ch.i < tok.i]]
            body: ActorRef | None = next((r for ch in named for r in self.ctx.refs(sent, ch) if r.country and
                                          r.actor.sector == "IGO" and r.country != c.source.country), None)
            if body is not None:
                c.target = body
                c.notes.append(f"the summit of {body.country}: with that body")
        # "lodged a protest with China": a diplomatic protest is an accusation, not a demonstration
        if trig.type == "PROTEST" and h.kind == "noun" and h.light is not None and \
                span[h.light].lemma_.lower() in words("channel_protest_verbs"):
            c.event_type, c.mode = "ACCUSE", "disapprove"
            c.notes.append(f"a protest '{span[h.light].text}' through channels is an accusation (ACCUSE/disapprove)")
            if c.target is None:
                w = next((ch for ch in children(span[h.light]) if ch.dep_ == "prep" and ch.lower_ in ("with", "to")),
                         None)
                pob = pobj(w) if w is not None else None
                refs = self.ctx.refs(sent, pob) if pob is not None else []
                if refs:
                    c.target = refs[0]
        # a missile fired over a country or into the sea is a weapons test, not an attack
        if c.event_type == "ASSAULT" and h.kind == "verb" and c.lemma in words("weapon_fire_verbs"):
            objs = [ch for ch in children(tok) if ch.dep_ == "dobj"]
            weapon = bool(objs) and objs[0].lemma_.lower() in words("weapon_words")
            kids = [*children(tok), *(g for o in objs for g in children(o))]
            over = next((ch for ch in kids if ch.dep_ == "prep" and ch.lower_ == "over"), None)
            sea = any(ch.dep_ == "prep" and ch.lower_ in ("into", "off") and any(
                g.lemma_.lower() in words("sea_words") for g in subtree(ch))
                for ch in kids)
            if weapon and (over is not None or sea):
                c.event_type, c.mode = "MOBILIZE", "weapons"
                c.notes.append("a missile fired over a country or into the sea: a weapons test (MOBILIZE)")
                pob = pobj(over) if over is not None else None
                if c.target is None and pob is not None:
                    refs = self.ctx.refs(sent, pob)
                    pl = self.ctx.place(sent, pob)
                    if refs:
                        c.target = refs[0]
                    elif pl is not None and pl.country:
                        c.target = ActorRef(Actor(text=pl.name, name=pl.name, role=None, country=pl.country,
                                                  sector=None), "country", f"over:{pl.name}", c.sent,
                                            pob.i - span.start)
        # a promise to attack is a threat ("vowed to destroy Hamas")
        if trig.type == "AGREE" and h.kind == "verb" and c.lemma in words("vow_verbs"):
            inner = complement_trigger(tok, by_token, span)
            itok = span[inner.i] if inner is not None else None
            ivb = itok if itok is None or itok.pos_ == "VERB" else itok.head
            sent_to = ivb is not None and ivb.pos_ == "VERB" and any(   # "pledged to deploy police to Haiti":
                ch.dep_ in ("prep", "dative") and ch.lower_ == "to" for ch in ivb.children)   # a mission
            if inner is not None and (inner.trigger.type in ("ASSAULT", "COERCE") or (
                    inner.trigger.type == "MOBILIZE" and not sent_to)):
                c.event_type = "THREATEN"
                c.mode = THREAT_MODE.get((inner.trigger.type, inner.trigger.mode),
                                         THREAT_MODE.get((inner.trigger.type, None)))
                c.notes.append(f"a vow of '{inner.text}' is a threat")


def _denied_report(obj: Token) -> bool:
    """'reports that they will meet', 'claims that it had hacked', 'the rumours': an object that reports a
    fact (a report noun with its content, or a bare report) is denied, not refused; 'rejected the claim' of
    an accuser stays a rejection."""
    if obj.dep_ != "dobj" or obj.lemma_.lower() not in words("report_nouns"):
        return False
    content = any(ch.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in ch.children)
                  for ch in obj.children)
    return content or obj.lemma_.lower() in words("bare_report_nouns")


def _objects_fit(tok: Token, objects: tuple[str, ...]) -> bool:
    """Does the trigger's object or complement name one of ``objects`` ('withdrawal from the treaty')?"""
    return _ObjectFit(tok)(objects)


class _ObjectFit:
    """:func:`_objects_fit` of one token, for the many patterns of its lemma: the words of its objects
    and complements are read from the parse once, on the first pattern that names objects."""

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self._words: set[str] | None = None

    def __call__(self, objects: tuple[str, ...]) -> bool:
        if not objects:
            return False
        if self._words is None:
            self._words = _object_words(self.tok)
        return not self._words.isdisjoint(objects)


def _object_words(tok: Token) -> set[str]:
    """The lemmas of the token's objects and complements that :func:`_objects_fit` compares."""
    # a possessor is not the object ("welcomed President Macron's speech" welcomes a speech)
    owned = {t.i for ch in children(tok) for p in subtree(ch) if p.dep_ == "poss" for t in subtree(p)}
    adjuncts = words("adjunct_fit_preps")   # "met at the request of Ukraine": no object of 'meet'
    lemmas = {t.lemma_.lower() for ch in children(tok) if ch.dep_ in ("dobj", "prep", "pobj", "attr", "nsubjpass")
              and not (ch.dep_ == "prep" and ch.lower_ in adjuncts) for t in subtree(ch) if t.i not in owned}
    # "allowed aid trucks to enter Gaza": the object of 'allow' is the subject of its clause
    lemmas |= {t.lemma_.lower() for ch in children(tok) if ch.dep_ in ("ccomp", "xcomp")
               for g in children(ch) if g.dep_ in ("nsubj", "nsubjpass") for t in subtree(g)}
    # "the call for Iran to free them": the for-to clause hangs on the noun as acl, its markers below it
    lemmas |= {m.lower_ for ch in children(tok) if ch.dep_ in ("acl", "relcl", "advcl")
               for m in children(ch) if m.dep_ in ("mark", "aux")}
    return lemmas

def _lemma_guesses(word: str) -> list[str]:
    """Crude verb lemmas for a word the tagger saw as a name ('Urges' -> 'urge', 'Threatens' -> 'threaten')."""
    out: list[str] = []
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.extend([word[:-1], word[:-2]])
    if word.endswith("s"):
        out.append(word[:-1])
    if word.endswith("ed"):
        out.extend([word[:-1], word[:-2]])
    return out

def _match_rest(tok: Token, rest: tuple[str, ...]) -> list[int] | None:
    """Check that the particles/prepositions of a multi-word verb follow ``tok``; return their indices."""
    if not rest:
        return []
    out: list[int] = []
    doc = tok.doc
    pos = tok.i
    kids = {c.i: c for c in children(tok) if c.dep_ in ("prt", "prep", "advmod", "dobj", "dative", "agent", "xcomp") and
            not (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME", "ORDINAL") or g.lower_ in ("time", "first")
                                          for g in subtree(c) if g.i != c.i))}
    for w in rest:
        found = None
        for k in sorted(kids):
            if k > pos and kids[k].lower_ == w:
                found = k
                break
        if found is None:
            # adjacent token (parser may attach the particle elsewhere)
            nxt = pos + 1
            while nxt < len(doc) and nxt <= tok.i + 4 and doc[nxt].pos_ in ("ADV", "DET", "PRON") and \
                    doc[nxt].lower_ != w:
                nxt += 1
            if nxt < len(doc) and doc[nxt].lower_ == w:
                found = nxt
        if found is None:
            return None
        if doc[found].dep_ == "prep" and any(c.dep_ == "dobj" and tok.i < c.i < found and c.lower_ not in rest
                                             for c in children(tok)):
            return None   # "gave training to soldiers in Mogadishu": an object, then a place phrase; no "give in"
        idiom = next((c for c in children(tok) if c.dep_ == "dobj" and c.lemma_.lower() in words("idiom_objects")
                      and tok.i < c.i < found and c.lower_ not in rest), None)
        if idiom is not None:
            return None   # "took part in", "took place in": the idiom's noun, not a particle verb's object
        out.append(found)
        pos = found
    return out

def _match_modifiers(tok: Token, mods: tuple[str, ...]) -> list[int] | None:
    if not mods:
        return []
    doc = tok.doc
    out: list[int] = []
    k = tok.i - 1
    for w in reversed(mods):
        while k >= 0 and doc[k].is_punct and doc[k].text == "-":
            k -= 1
        if k < 0 or (doc[k].lower_ != w and doc[k].lemma_.lower() != w):
            return None
        out.append(k)
        k -= 1
    return out

def complement_trigger(tok: Token, by_token: dict[int, Hit], span: Span) -> Hit | None:
    for ch in subtree(tok):
        if ch.i == tok.i:
            continue
        h = by_token.get(ch.i - span.start)
        if (h is not None and ch.dep_ in ("xcomp", "dobj", "pobj", "ccomp", "conj")) or \
                (h is not None and ch.head.dep_ in ("xcomp",)):
            return h
    return None


def _has_clause_complement(tok: Token) -> bool:
    """Does the noun govern a that-clause, a to-infinitive or a 'for' phrase ("the call that ...", "a call
    to end the war", "calls for calm")?"""
    for ch in children(tok):
        if ch.dep_ == "prep" and ch.lower_ == "for":
            return True
        if ch.dep_ in ("acl", "ccomp", "relcl", "advcl", "appos") and ch.pos_ in ("VERB", "AUX") and any(
                g.dep_ in ("mark", "aux") and g.lower_ in ("that", "to") for g in children(ch)):
            return True
    return False


def _has_act_complement(tok: Token) -> bool:
    """Does the verb take a to-infinitive that is no coming or taking part ("invited them to agree on a text",
    not "invited him to visit Beijing")?"""
    return any(ch.dep_ in ("xcomp", "ccomp") and ch.pos_ in ("VERB", "AUX") and
               ch.lemma_.lower() not in words("attendance_verbs") and
               any(g.dep_ == "aux" and g.lower_ == "to" for g in children(ch)) for ch in children(tok))
