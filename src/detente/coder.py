"""The coder: Article -> list[Event]. One plain function per step, so a batch engine can run it anywhere."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .actors.lexicon import ActorLexicon, load_actor_lexicon
from .actors.recognize import IGO_CODES, ActorRef, ArticleActors
from .article import Article, article_from_text
from .events.extract import Candidate, SentenceCoder, split_coordinated
from .events.lexicon import TriggerLexicon, load_triggers
from .events.modality import Modality, load_modality
from .events.types import SPEECH_ACT_TYPES
from .lexicon import words as word_set
from .limits import Limits
from .merge import build_events, cluster
from .nlp import Segments, Sentence, load_pipeline, segment_texts, split_sentences
from .prefilter import PreFilter
from .record import Event
from .treecache import children, subtree

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .resolve.dates import DateResolution
    from .resolve.places import Gazetteer

PRESENT_TAGS = {"VBZ", "VBP"}


@dataclass
class CodeResult:
    """Everything the coder produced for one article: events plus the evidence behind them."""

    article: Article
    events: list[Event]
    sentences: list[Sentence]
    candidates: list[Candidate]
    actors: ArticleActors
    warnings: list[str] = field(default_factory=list)
    published: date | None = None


class Coder:
    """Holds the loaded pipeline and lexicons; code many articles with one instance."""

    def __init__(self, model: str | None = None, limits: Limits | None = None, prefilter: bool = True) -> None:
        """``limits``: the bounds on one article's cost (:mod:`detente.limits`); ``prefilter``: skip the
        work that cannot change the events (see :mod:`detente.prefilter`)."""
        from .resolve.places import load_gazetteer

        self.limits: Limits = limits or Limits.from_env()
        self.nlp: Language = load_pipeline(model)
        self.actor_lex: ActorLexicon = load_actor_lexicon()
        self.triggers: TriggerLexicon = load_triggers()
        self.modality: Modality = load_modality()
        self.gazetteer: Gazetteer = load_gazetteer()
        self._names: frozenset[str] = frozenset(
            form for form, _cs, info in self.actor_lex.phrases() if info.kind != "demonym" or form[:1].isupper())
        self.prefilter: PreFilter | None = PreFilter(self.triggers) if prefilter else None

    def is_name(self, phrase: str) -> bool:
        """Is ``phrase`` a known name (actor, person, organisation, place)? Used to sentence-case headlines."""
        if phrase in self._names:
            return True
        p = self.gazetteer.lookup(phrase)
        return p is not None and p.kind != "admin" and len(phrase) > 2

    def parse(self, articles: Sequence[Article], batch_size: int = 256) -> list[list[Doc]]:
        """Parse the segments of many articles in one spaCy stream; one list of docs per article."""
        return [docs for docs, _ in self.parse_with_segments(articles, batch_size)]

    def parse_with_segments(self, articles: Sequence[Article],
                            batch_size: int = 256) -> list[tuple[list[Doc], Segments]]:
        """:meth:`parse`, each article's docs with the texts they were parsed from (:func:`segment_texts`),
        so that coding does not clean and cut the article again."""
        texts: list[str] = []
        kinds: list[str] = []
        bounds: list[int] = []
        segments: list[Segments] = []
        for a in articles:
            segs = segment_texts(a, self.is_name, self.limits)
            segments.append(segs)
            t, _, seg_of = segs
            texts.extend(t)
            seg_kinds = [k for k, _ in a.segments()]
            kinds.extend(seg_kinds[i] for i in seg_of)
            bounds.append(len(texts))
        if self.prefilter is not None:
            docs = self.prefilter.parse(self.nlp, texts, kinds, batch_size)
        else:
            docs = list(self.nlp.pipe(texts, batch_size=batch_size))
        out: list[tuple[list[Doc], Segments]] = []
        lo = 0
        for hi, segs in zip(bounds, segments, strict=True):
            out.append((docs[lo:hi], segs))
            lo = hi
        return out

    def code_articles(self, articles: Iterable[Article], published: date | None = None,
                      batch_size: int = 64) -> Iterator[CodeResult]:
        """Code many articles, parsing ``batch_size`` articles at a time in one spaCy stream."""
        chunk: list[Article] = []
        for a in articles:
            chunk.append(a)
            if len(chunk) >= batch_size:
                yield from self._code_chunk(chunk, published)
                chunk = []
        if chunk:
            yield from self._code_chunk(chunk, published)

    def _code_chunk(self, chunk: Sequence[Article], published: date | None) -> Iterator[CodeResult]:
        for a, (docs, segments) in zip(chunk, self.parse_with_segments(chunk), strict=True):
            yield self.code_article(a, published, docs=docs, segments=segments)

    def code_article(self, article: Article, published: date | None = None,
                     docs: Sequence[Doc] | None = None, *, segments: Segments | None = None) -> CodeResult:
        """Code one article. ``published`` overrides the article's own publication date; ``docs``: its
        segments already parsed by :meth:`parse`, ``segments``: the texts they were parsed from (its
        :func:`~detente.nlp.segment_texts`)."""
        pub = published or article.published
        warnings: list[str] = list(article.warnings)   # notes from reading it (encoding guessed, ...)
        if pub is None:
            warnings.append(f"{article.id}: no publication date; relative dates left unresolved")
        if docs is None and self.prefilter is not None:
            docs, segments = self.parse_with_segments([article])[0]
        sentences = split_sentences(article, self.nlp, self.is_name, docs, limits=self.limits, notes=warnings,
                                    segments=segments if docs is not None else None)
        actors = ArticleActors(self.actor_lex, self.nlp, self.gazetteer, pub)
        coder = SentenceCoder(self.triggers, self.modality, actors, self.gazetteer, pub)
        cands: list[Candidate] = []
        lowers: dict[int, list[str]] = {}   # the lower-case tokens of each sentence with candidates
        for s in sentences:
            actors.prepare(s)
        # second pass: with the whole article's names and main pair known
        for s in sentences:
            if self.prefilter is not None and not self.prefilter.may_code(s):
                continue
            found = coder.code(s)
            if found:
                lowers[s.index] = [t.lower_ for t in s.span]
            according = _according_to(s, lowers[s.index]) if found else None
            for c in found:
                _attribution(s, c, according)
                _present_tense(s, c, pub)
            cands.extend(found)
        _replies(cands)
        cands = split_coordinated(cands, self.gazetteer)
        _anaphoric_days(cands)
        dates = dict(coder.clause_dates)
        for c in cands:
            if c.time is not None and c.time.is_resolved() and c.time.kind != "present":
                for a in c.anchors:
                    dates.setdefault((c.sent, a), (c.time, c.time_text or c.time.text))
        with_cands = {c.sent for c in cands}
        _clause_dates(cands, dates, {s.index: dict(enumerate(lowers.get(s.index) or [t.lower_ for t in s.span]))
                                     for s in sentences if s.index in with_cands})
        _narrative_dates(cands, coder.frames)
        _meeting_day(cands, coder.frames, sentences)
        _visit_context(cands, self.gazetteer)
        emitted = [c for c in cands if c.emitted]
        partial = [c for c in cands if not c.emitted and c.reason == "no identifiable target" and not c.consumed]
        summary = frozenset(s.index for s in sentences if s.kind in ("headline", "standfirst"))
        clusters = cluster(emitted, partial, summary)
        events = build_events(article.id, clusters, sentences, self.triggers)
        return CodeResult(article, events, sentences, cands, actors, warnings, pub)

    def code_text(self, text: str, doc_id: str = "text", published: date | None = None) -> list[Event]:
        """Code a plain string (one article)."""
        return self.code_article(article_from_text(text, doc_id, published=published), published).events


def _according_to(s: Sentence, lows: Sequence[str] | None = None) -> str | None:
    """The sentence's first 'according to ...' phrase, which attributes every candidate in it. ``lows``:
    its tokens in lower case, when already read."""
    span = s.span
    lows = lows if lows is not None else [t.lower_ for t in span]
    for k, low in enumerate(lows):
        if low == "according" and k + 1 < len(lows) and lows[k + 1] == "to":
            sub = list(subtree(span[k]))
            return str(span.doc[sub[0].i:sub[-1].i + 1].text)
    return None


def _attribution(s: Sentence, c: Candidate, according: str | None) -> None:
    """'according to two people familiar with his plans', 'X said' around the trigger's clause.
    ``according``: the sentence's :func:`_according_to` phrase (computed once per sentence)."""
    span = s.span
    if according is not None:
        c.attribution = according
        return
    if not c.anchors:
        return
    top = span[max(c.anchors)] if c.anchors else None
    cur = top
    for _ in range(4):
        if cur is None or cur.head.i == cur.i:
            break
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in ("say", "tell", "state", "report", "announce",
                                                                "claim", "add"):
            subj = [ch for ch in children(cur.head) if ch.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                sub = list(subtree(subj[0]))
                c.attribution = span.doc[sub[0].i:sub[-1].i + 1].text
            return
        cur = cur.head


def _present_tense(s: Sentence, c: Candidate, pub: date | None) -> None:
    """A body-text action reported in the present tense happens on the publication day (statements)."""
    if c.time is not None or pub is None or c.status != "occurred" or s.kind != "body":
        return
    span = s.span
    verbs = [span[i] for i in sorted(c.anchors) if span[i].pos_ in ("VERB", "AUX")]
    if not verbs:
        return
    v = verbs[-1]
    for _ in range(3):
        # "is taking action to impose visa restrictions": the finite verb governs the tense
        if v.tag_ == "VB" and v.dep_ in ("acl", "xcomp") and v.head.i != v.i:
            nxt = v.head
            if nxt.pos_ == "NOUN" and nxt.head.pos_ in ("VERB", "AUX"):
                nxt = nxt.head
            v = nxt
        else:
            break
    aux = [ch for ch in children(v) if ch.dep_ in ("aux", "auxpass")]
    present = v.tag_ in PRESENT_TAGS and not aux
    progressive = v.tag_ == "VBG" and any(a.tag_ in PRESENT_TAGS and a.lemma_ == "be" for a in aux)
    if present or progressive:
        from .resolve.dates import DateResolution

        c.time = DateResolution(text="(present tense)", start=pub, end=pub, granularity="day", kind="present")
        c.time_text = "(present tense: the statement's date)"
        c.tense = "present"
        c.notes.append("present tense in body text: dated to publication")



ANAPHORIC_DAYS = {"the following day": 1, "the next day": 1, "a day later": 1, "the day after": 1,
                  "the previous day": -1, "the day before": -1, "a day earlier": -1, "two days later": 2}


def _anaphoric_days(cands: list[Candidate]) -> None:
    """'the following day': one day after the latest day-dated action reported before it."""
    from datetime import timedelta

    from .resolve.dates import DateResolution

    last: date | None = None
    for c in sorted(cands, key=lambda c: (c.sent, c.trigger_i[0])):
        t = c.time
        if t is not None and t.is_resolved() and t.granularity == "day" and t.start is not None:
            last = t.start
            continue
        if t is None or t.is_resolved() or c.time_text is None or last is None:
            continue
        key = c.time_text.lower().strip()
        for phrase, delta in ANAPHORIC_DAYS.items():
            if key.endswith(phrase):
                d = last + timedelta(days=delta)
                c.time = DateResolution(text=c.time_text, start=d, end=d, granularity="day", kind="anaphoric")
                c.notes.append(f"'{c.time_text}' counted from the previous dated action: {d}")
                break


def _visit_context(cands: list[Candidate], gaz: Gazetteer) -> None:
    """A meeting with no place, reported alongside a visit by the same side to the same host, happens on
    that visit ("visited Taiwan ... met with President Tsai the following day")."""
    visits = [c for c in cands if c.emitted and c.event_type == "CONSULT" and c.mode == "visit" and
              c.source is not None and c.target is not None]
    for c in cands:
        if not c.emitted or c.event_type != "CONSULT" or c.mode is not None or c.place is not None:
            continue
        if c.source is None or c.target is None or c.target.kind not in ("person", "anaphor", "pronoun"):
            continue
        for v in visits:
            assert v.source is not None and v.target is not None
            other_person = bool(v.source.actor.name and c.source.actor.name and
                                v.source.actor.name != c.source.actor.name)
            if v.status == c.status and v.source.country == c.source.country and not other_person and \
                    v.target.country == c.target.country and 0 <= c.sent - v.sent <= 3:
                c.mode = "visit"
                c.place = v.place or gaz.country(c.target.country or "")
                c.place_text = v.place_text or (c.place.name if c.place else None)
                c.notes.append(f"held during the visit '{v.trigger_text}': mode visit")
                break


def _narrative_dates(cands: list[Candidate], frames: Sequence[tuple[int, ActorRef, DateResolution, str]]) -> None:
    """An undated action inherits the date its actor is reported acting on elsewhere in the article,
    when that actor has exactly one such date ("the UN chief told the Council today ... He condemned")."""
    dated: list[tuple[int, ActorRef, DateResolution, str]] = [
        (c.sent, c.source, c.time, c.time_text or c.time.text) for c in cands
        if c.status == "occurred" and c.source is not None and c.source.country and c.time is not None and
        c.time.is_resolved() and c.time.kind != "present"]
    dated.extend(frames)

    def same(a: ActorRef, b: ActorRef) -> bool:
        people = ("person", "pronoun", "anaphor")
        if a.actor.name and b.actor.name and a.kind in people and b.kind in people:
            return a.actor.name == b.actor.name
        if a.country != b.country:
            return False
        if {a.kind, b.kind} & {"country", "metonym"} or (a.country or "") in IGO_CODES:
            return True   # a state, or an international body and its officials, by code
        sa, sb = a.actor.sector, b.actor.sector
        return sa is None or sb is None or sa == sb

    for c in cands:
        if not c.emitted or c.status != "occurred" or c.time is not None or c.source is None:
            continue
        # only a single day carries over; a week, month or range is too coarse to lend
        mine = [(i, t, txt) for i, r, t, txt in dated if same(c.source, r) and t.granularity == "day"]
        spans = {(t.start, t.end) for _, t, _ in mine}
        if len(spans) != 1:
            continue
        _, t, txt = mine[0]
        c.time = t
        c.time_text = f"{txt} (the actor's dated action in this article)"
        c.notes.append(f"no time in its clause: the same actor acts '{txt}' in this article, the only date given")


def _meeting_day(cands: list[Candidate], frames: Sequence[tuple[int, ActorRef, DateResolution, str]],
                 sentences: Sequence[Sentence]) -> None:
    """D2: a record of a meeting held 'today' ("the envoy told the Security Council today ...") dates the
    statements its speakers make in it: an undated demand, accusation or endorsement said in a later sentence
    was made that day."""
    by_index = {s.index: s for s in sentences}
    day = None
    marks = [(k, t, txt) for k, _ref, t, txt in frames] + [
        (c.sent, c.time, c.time_text or "") for c in cands
        if c.event_type == "CONSULT" and c.time is not None and c.time.is_resolved() and c.time_text]
    for k, t, txt in sorted(marks, key=lambda f: f[0]):
        s = by_index.get(k)
        if s is None or k > 3 or txt.lower() != "today" or t.granularity != "day":
            continue
        if any(tok.lemma_.lower() in word_set("meeting_record_words") for tok in s.span):
            day = (k, t, txt)
            break
    if day is None:
        return
    k0, t, txt = day
    for c in cands:
        if not c.emitted or c.status != "occurred" or (c.time is not None and c.time.is_resolved()) or c.sent <= k0 or \
                c.event_type not in SPEECH_ACT_TYPES or by_index[c.sent].kind != "body":
            continue
        tok = by_index[c.sent].span[c.head_i]
        if tok.pos_ != "VERB":
            continue
        c.time, c.time_text = t, f"{txt} (the meeting this record reports)"
        c.notes.append(f"said at the meeting held '{txt}' (sentence {k0}): dated to it")


TEMPORAL_LINKS = {"following", "after", "before", "amid", "during", "ahead"}


def _clause_dates(cands: list[Candidate], dates: Mapping[tuple[int, int], tuple[DateResolution, str]],
                  words: Mapping[int, Mapping[int, str]] | None = None) -> None:
    """An undated event noun inside a dated clause takes the clause's date ("a ceasefire was announced on
    10 May following an agreement between India and Pakistan")."""
    words = words or {}
    for c in cands:
        if c.time is not None or c.status == "planned":
            continue   # a planned act does not happen on the date of the clause that plans it
        for k, (i, dep) in enumerate(c.ancestors):
            # reported speech and other clauses keep their own time, but "following/after X" is X's frame
            below = c.ancestors[k - 1][0] if k else c.head_i
            sw = words.get(c.sent, {})
            # "a raid took place on 9 May, in which soldiers killed three men": the same occasion
            in_which = dep == "relcl" and any(sw.get(j) == "which" and sw.get(j - 1) in ("in", "during")
                                              for j in range(i + 1, below))
            if dep in ("ccomp", "advcl", "relcl", "conj", "parataxis", "acl") and not in_which and not (
                    dep == "advcl" and sw.get(below) in TEMPORAL_LINKS):
                break
            hit = dates.get((c.sent, i))
            if hit is not None:
                res, text = hit
                c.time = res
                c.time_text = text
                c.notes.append(f"inside a clause dated '{text}'")
                break


REPLY_NOUNS = {"demand", "request", "call", "proposal", "offer", "plan", "accusation", "allegation", "claim",
               "charge", "ultimatum", "invitation", "appeal", "idea", "suggestion", "criticism", "warning",
               "decision", "move", "step", "measure", "measures", "action", "statement", "remark", "remarks",
               "comment", "comments", "listing", "package", "announcement"}


def _replies(cands: list[Candidate]) -> None:
    """'Budapest rejected the demand': a refusal of an earlier act refers to it, so its target is that
    act's author (the last emitted act aimed at the refuser); rule +reply."""
    for c in cands:
        if c.event_type not in ("REJECT", "ACCUSE") or c.source is None or not c.source.country:
            continue
        if c.target is not None and "implicit-target" not in c.rule:
            continue
        if not c.object_words & REPLY_NOUNS:
            continue
        earlier = [o for o in cands if o.emitted and o is not c and (o.sent, o.head_i) < (c.sent, c.head_i) and
                   o.target is not None and o.target.country == c.source.country and o.source is not None and
                   o.source.country and o.source.country != c.source.country]
        if not earlier:
            continue
        prior = earlier[-1]
        c.target = prior.source
        c.rule = c.rule.replace("+implicit-target", "") + "+reply"
        c.notes.append(f"refuses '{prior.trigger_text}' by {prior.source.country if prior.source else '?'}: "
                       f"that act's author is the target")
        if c.reason == "no identifiable target":
            c.emitted, c.reason = True, ""
