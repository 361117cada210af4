"""Who is who inside one article: noun phrases to actors, names learned on the way, pronouns resolved.

The resolver walks the article in sentence order. Every noun phrase that names or describes an actor
is recorded in a history, so that a later "Blinken", "he", "the US diplomat" or "the general" can be
resolved to the nearest compatible actor, and "both sides" to the article's main pair of countries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher

from ..lexicon import words
from ..record import Actor
from ..treecache import children, subtree
from .lexicon import ActorInfo, ActorLexicon, RoleInfo

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from ..nlp import Sentence
    from ..resolve.places import Gazetteer

IGO_CODES = frozenset({"UNO", "EUR", "NATO", "ASEAN", "APEC", "G7", "G20", "AU", "ARL", "OPEC", "ICC", "WTO",
                       "IMF", "WB", "BRICS", "SCO", "GCC", "OSCE", "QUAD", "OAS", "ICJ", "IGO"})
PERSON_PRON = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
THING_PRON = {"it", "its", "itself"}
PLURAL_PRON = {"they", "them", "their", "theirs", "themselves"}
FIRST_PRON = {"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"}
ALL_PRON = frozenset(PERSON_PRON | THING_PRON | PLURAL_PRON | FIRST_PRON)
PAIR_HEADS = {"side", "sides", "country", "countries", "nation", "nations", "party", "parties", "neighbour",
              "neighbours", "neighbor", "neighbors", "governments", "capitals", "powers", "rivals", "adversaries"}
DOCUMENT_HEADS = {"charter", "treaty", "law", "resolution", "agreement", "accord", "convention", "initiative", "deal",
                  "plan", "pact", "protocol", "declaration", "statement", "communique",
                  "constitution", "sovereignty", "territory", "border", "borders", "integrity", "independence",
                  "right", "rights", "interest", "interests", "policy", "policies", "economy", "market", "markets",
                  "price", "prices", "security", "peace", "relation", "relations", "tie", "ties", "status",
                  "region", "regions", "situation", "crisis", "conflict", "war", "issue", "issues"}
GROUP_HEADS = {"member", "members", "leader", "leaders", "official", "officials", "representative", "representatives",
               "delegation", "delegations", "head", "heads", "chief", "envoy", "envoys", "minister", "ministers",
               "government", "governments", "forces", "troops", "nations", "states", "countries", "people",
               "citizens", "nationals", "president", "secretary", "spokesman", "spokeswoman", "spokesperson",
               "ambassador", "army", "navy", "military", "ministry", "department", "office", "embassy",
               "parliament", "partners", "allies", "proxies", "families", "family", "diplomats", "staff",
               "thousands", "hundreds", "dozens", "millions", "crowds", "crowd", "groups", "group", "units"}
LOCAL_SECTORS = {"COP", "CVL", "OPP", "REB", "MED"}
COUNTERPART = {"counterpart", "counterparts", "opposite", "equivalent", "equivalents", "peer", "peers"}


@dataclass(frozen=True)
class ActorRef:
    """A resolved actor mention: the record-level Actor plus how it was found."""

    actor: Actor
    kind: str                 # person | country | metonym | org | group | pair | counterpart | pronoun
    rule: str                 # provenance, e.g. "actors/people.yaml:12", "memory:Blinken", "pronoun:he->Blinken"
    sent: int
    token: int                # token index inside the sentence span
    plural: bool = False
    subject: bool = False
    named: bool = False
    role_rank: int = 0
    alternatives: tuple[ActorRef, ...] = ()

    @property
    def country(self) -> str | None:
        return self.actor.country


@dataclass
class _Match:
    start: int
    end: int
    info: ActorInfo


@dataclass
class _SentenceIndex:
    actor_spans: list[_Match] = field(default_factory=list)
    role_spans: list[tuple[int, int, RoleInfo]] = field(default_factory=list)


_EMPTY_INDEX = _SentenceIndex()   # read-only stand-in for a sentence not prepared


def _is_country(code: str | None) -> bool:
    return code is not None and code not in IGO_CODES


class ArticleActors:
    """Actor resolution for one article. Call :meth:`prepare` on each sentence in order."""

    def __init__(self, lex: ActorLexicon, nlp: Language, gazetteer: Gazetteer | None = None,
                 published: date | None = None) -> None:
        self.lex = lex
        self.published = published  # picks a person's term in office (ActorInfo.on)
        self.nlp = nlp
        self.gaz = gazetteer
        self.history: list[ActorRef] = []
        self.memory: dict[str, ActorRef] = {}
        self.country_counts: Counter[str] = Counter()
        self.located_counts: Counter[str] = Counter()   # mentions only as a venue ("talks in Geneva")
        self._index: dict[int, _SentenceIndex] = {}
        self._sentences: dict[int, Sentence] = {}
        self._cache: dict[tuple[int, int], ActorRef | None] = {}
        self._matchers = _matchers_for(lex, nlp)
        # the phrase matches of each segment's doc, by id (with the doc, so that no id is reused)
        self._doc_matches: dict[int, tuple[Doc, list[tuple[int, int, int]], list[tuple[int, int, int]],
                                           list[tuple[int, int, int]]]] = {}
        self.speaker: ActorRef | None = None

    # ------------------------------------------------------------------ per sentence
    def prepare(self, sent: Sentence) -> None:
        """Index lexicon matches in ``sent``, learn names, and record its actor mentions in the history."""
        self._sentences[sent.index] = sent
        span = sent.span
        idx = _SentenceIndex()
        cs, ci, roles = self._matchers
        cs_table, ci_table, role_table = self._tables
        strings = self.nlp.vocab.strings
        lo, hi = span.start, span.end
        found = self._doc_matches.get(id(span.doc))
        if found is None or found[0] is not span.doc:
            # the matchers run once over the whole segment; each of its sentences takes its own matches
            found = self._doc_matches[id(span.doc)] = (
                span.doc, cs(span.doc, as_spans=False), ci(span.doc, as_spans=False), roles(span.doc, as_spans=False))
        _doc, cs_found, ci_found, roles_found = found
        matches: list[tuple[int, int, ActorInfo]] = []
        for found_by, table in ((cs_found, cs_table), (ci_found, ci_table)):
            for mid, s, e in found_by:
                if s < lo or e > hi:
                    continue
                info = table.get(strings[mid])
                if info is not None:
                    matches.append((s - lo, e - lo, info.on(self.published)))
        idx.actor_spans = [_Match(s, e, i) for s, e, i in _longest(matches)]
        rmatches: list[tuple[int, int, RoleInfo]] = []
        for mid, s, e in roles_found:
            if s < lo or e > hi:
                continue
            info_r = role_table.get(strings[mid])
            if info_r is not None:
                rmatches.append((s - span.start, e - span.start, info_r))
        idx.role_spans = _longest(rmatches)
        self._index[sent.index] = idx
        # pass over noun phrase heads in order: resolve and record
        for tok in span:
            if not _is_np_head(tok):
                continue
            ref = self.resolve(sent.index, tok.i - span.start)
            if ref is not None and ref.kind not in ("pronoun-miss",):
                self._remember(ref, tok)
                if ref.kind == "group" and any(c.dep_ == "amod" and any(x.dep_ == "conj" for x in children(c))
                                               for c in children(tok)):
                    # "Chinese and American negotiators": both countries are in the story
                    for extra in self.resolve_all(sent.index, tok.i - span.start)[1:]:
                        if _is_country(extra.country) and extra.country != ref.country:
                            assert extra.country is not None
                            self.country_counts[extra.country] += 1

    @property
    def _cs_table(self) -> dict[str, ActorInfo]:
        return self._tables[0]

    @property
    def _ci_table(self) -> dict[str, ActorInfo]:
        return self._tables[1]

    @property
    def _role_table(self) -> dict[str, RoleInfo]:
        return self._tables[2]

    @property
    def _tables(self) -> tuple[dict[str, ActorInfo], dict[str, ActorInfo], dict[str, RoleInfo]]:
        return _tables_for(self.lex)

    def _remember(self, ref: ActorRef, tok: Token) -> None:
        if ref.kind in ("pair", "counterpart"):
            return
        if not self.history or (self.history[-1].sent, self.history[-1].token) != (ref.sent, ref.token):
            self.history.append(ref)
        at = tok.head if tok.dep_ == "appos" else tok   # "in Geneva, Switzerland"
        located = (ref.kind in ("country", "metonym") or tok.ent_type_ in ("GPE", "LOC")) and (
            (at.dep_ == "pobj" and at.head.lower_ in ("in", "at", "to", "near", "via")) or   # "talks in Geneva"
            (ref.kind == "metonym" and tok.dep_ == "compound" and
             tok.head.lemma_.lower() in words("meet_words") | words("venue_words")))   # "the Geneva talks"
        if _is_country(ref.country) and ref.kind not in ("pronoun", "document"):
            assert ref.country is not None
            self.country_counts[ref.country] += 1
            if located:
                self.located_counts[ref.country] += 1
        if self.speaker is None and ref.kind == "person" and ref.country:
            self.speaker = ref

    # ------------------------------------------------------------------ resolution
    def tokens(self, sent: int) -> Span:
        return self._sentences[sent].span

    def resolve(self, sent: int, i: int) -> ActorRef | None:
        """Resolve the noun phrase headed by token ``i`` (sentence-relative) of sentence ``sent``."""
        key = (sent, i)
        if key in self._cache:
            return self._cache[key]
        span = self._sentences[sent].span
        tok = span[i]
        ref = self._resolve(sent, tok)
        self._cache[key] = ref
        return ref

    def resolve_all(self, sent: int, i: int) -> list[ActorRef]:
        """Resolve a head and its coordinated conjuncts ("Kritenbrink and Beran", "India and Pakistan")."""
        span = self._sentences[sent].span
        tok = span[i]
        out: list[ActorRef] = []
        if tok.lower_ in ("each", "all", "both", "either", "some", "none") :
            ofs = [c for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of"]
            pob = next((c for c in children(ofs[0]) if c.dep_ == "pobj"), None) if ofs else None
            if pob is not None:
                return self.resolve_all(sent, pob.i - span.start)
        demonyms = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and
                    any(x.dep_ == "conj" for x in c.children)]   # "Chinese and American", "the US and French"
        if demonyms and tok.pos_ == "NOUN":
            # "Chinese and American negotiators", "the Armenian and Azerbaijani foreign ministers"
            first = self.resolve(sent, i)
            refs: list[ActorRef] = []
            for adj in [demonyms[0], *[x for x in demonyms[0].subtree if x.dep_ == "conj"]]:
                info = self.lex.lookup_demonym(adj.text) or (
                    self.lex.lookup_name(adj.text) if adj.pos_ == "PROPN" else None)
                if info is not None and info.country and first is not None:
                    refs.append(replace(first, actor=replace(first.actor, country=info.country,
                                                             text=f"{adj.text} {tok.text}")))
            if len({r.country for r in refs}) >= 2:
                return refs
        if tok.tag_ == "NNS" and tok.lower_ not in PAIR_HEADS and any(
                (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                for c in children(tok)):
            # "the two leaders", "both ministers": the last two people of different countries named
            pair = self._recent_pair(sent, i)
            if pair:
                return pair
        if tok.tag_ in ("NNS",) and any(c.lower_ in ("these", "those") for c in children(tok) if c.dep_ == "det"):
            group = self._recent_set(sent, i)
            if group:
                return group
        ref = self.resolve(sent, i)
        if ref is not None and ref.kind == "pair":
            return self.main_pair(sent, i, ref.actor.text)
        if ref is not None:
            out.append(ref)
        conjs = _conjuncts(tok)
        for ap in children(tok):
            # "US president Joe Biden and Chinese leader Xi Jinping": the parser hangs the second
            # conjunct on the apposition
            if ap.dep_ == "appos":
                conjs.extend(_conjuncts(ap))
        for c in conjs:
            r = self.resolve(sent, c.i - span.start)
            if r is not None:
                out.append(r)
        return out

    def _recent_set(self, sent: int, i: int) -> list[ActorRef]:
        """'these leaders': the distinct named foreign actors of the last three sentences."""
        out: list[ActorRef] = []
        seen: set[str | None] = set()
        own = self.speaker.country if self.speaker else None
        for r in self.history:
            if r.sent < sent - 3 or (r.sent, r.token) >= (sent, i):
                continue
            if r.kind != "person" or not r.country or r.country in seen or r.country == own:
                continue
            seen.add(r.country)
            out.append(r)
        return out

    def _recent_pair(self, sent: int, i: int) -> list[ActorRef]:
        out: list[ActorRef] = []
        for r in reversed(self.history):
            if r.sent < sent - 2 or (r.sent, r.token) >= (sent, i):
                continue
            if r.kind in ("person", "anaphor") and r.country and r.country not in {o.country for o in out}:
                out.append(r)
            if len(out) == 2:
                return list(reversed(out))
        return []

    def dominant_pair(self) -> tuple[str, str] | None:
        """The article's main dyad when two countries clearly dominate it (for implicit targets)."""
        every = self.country_counts.most_common()
        if len(every) == 2:
            return every[0][0], every[1][0]   # only two actors in the whole text ("The EU ... Budapest ...")
        counts = [(c, n) for c, n in every if c not in IGO_CODES]
        if len(counts) == 2:
            return counts[0][0], counts[1][0]   # only two states in the whole text
        if len(counts) < 2 or counts[1][1] < 2:
            return None
        if len(counts) > 2 and counts[2][1] * 2 > counts[1][1]:
            return None
        return counts[0][0], counts[1][0]

    def main_pair(self, sent: int, i: int, text: str = "both sides") -> list[ActorRef]:
        """The article's two most-mentioned countries, for "both sides", "the two countries"."""
        # a state named only as a venue is no party ("talks in Geneva")
        parties = [c for c, n in self.country_counts.most_common() if n > self.located_counts[c]]
        if len(parties) == 1:
            top = parties * 2   # one state with parties only: its civil war's two sides ("the parties in Sudan")
        else:
            top = parties[:2] if len(parties) >= 2 else [c for c, _ in self.country_counts.most_common(2)]
        out = []
        for c in top:
            out.append(ActorRef(Actor(text=text, name=None, role=None, country=c, sector=None),
                                "pair", "pair:main", sent, i, plural=True))
        return out if len(out) == 2 else []

    def other_side(self, country: str | None) -> str | None:
        """The other member of the main pair, relative to ``country``."""
        top = [c for c, _ in self.country_counts.most_common(2)]
        if len(top) == 2 and country in top:
            return top[1] if country == top[0] else top[0]
        return None

    def _resolve(self, sent: int, tok: Token) -> ActorRef | None:
        span = self._sentences[sent].span
        i = tok.i - span.start
        low = tok.lower_
        pos = tok.pos_
        if pos == "PRON" or (low in ALL_PRON and tok.tag_ in ("PRP", "PRP$")):
            return self._pronoun(sent, tok)
        if tok.dep_ in ("nsubj", "nsubjpass") and ((low == "two" and pos == "NUM" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children)) or (low == "both" and pos in (
                "DET", "PRON", "NOUN"))):
            # "The two discussed Syria", "Both agreed to ...": the pair named last
            return ActorRef(Actor(text=tok.text), "pair", "pair:main", sent, i, plural=True)
        lemma = tok.lemma_.lower()
        nominal = pos in ("NOUN", "PROPN")
        if nominal and lemma in words("authored_documents"):
            author = self._author(sent, tok)
            if author is not None:
                return author
        if nominal and (low in _short_or_member_heads() or (
                low == "states" and any(c.lower_ == "member" for c in children(tok)))) and _is_definite(tok):
            short = self._short_reference(sent, tok)
            if short is not None:
                return short
        if lemma in words("vote_tally_nouns"):
            return None   # "with 2 abstentions (Russia, Mozambique)": a vote count, not a party to the act
        if lemma in DOCUMENT_HEADS or low in DOCUMENT_HEADS:
            # "the United Nations Charter", "Ukraine's sovereignty": documents and abstractions are not actors
            return None
        # "making him the most senior official": the predicate noun stands for its subject
        small = [c for c in children(tok) if c.dep_ == "nsubj"] if pos == "NOUN" else []
        if small:
            return self._resolve(sent, small[0])
        # the head's own name chain (compound PROPNs)
        chain = _name_chain(tok)
        # seas, straits and other named features are places, not actors ("the Taiwan Strait")
        if self.gaz is not None and pos == "PROPN":
            chain_text = " ".join(t.text for t in chain) or tok.text
            place = self.gaz.lookup(chain_text)
            if place is not None and place.kind in ("sea", "strait", "gulf", "ocean", "feature", "border", "island"):
                return None
        # "his US counterpart Lloyd Austin": the named apposition is the actor
        if pos == "NOUN":
            for c in children(tok):
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    r = self._resolve(sent, c)
                    if r is not None and r.kind == "person" and r.country:
                        return replace(r, subject=_is_subject(tok))
        np = _np_tokens(tok)
        np_idx = {t.i - span.start for t in np}
        # the possessive marker belongs to the phrase too ("Sudan's army" is one lexicon name)
        np_idx |= {c.i - span.start for t in np for c in children(t) if c.dep_ == "case"}
        idx = self._index.get(sent) or _EMPTY_INDEX
        in_np = [m for m in idx.actor_spans if np_idx.issuperset(range(m.start, m.end))]
        if pos == "NOUN" and low not in GROUP_HEADS and not any(r[0] <= i < r[1] for r in idx.role_spans):
            # "the results of an FBI investigation" is not the FBI: 'of' complements only qualify roles
            of_idx = {t.i - span.start for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of"
                      for t in subtree(c)}
            in_np = [m for m in in_np if m.start not in of_idx]
        # the head's own name chain vs modifiers
        chain_idx = {t.i - span.start for t in chain}
        head_matches = [m for m in in_np if chain_idx and set(range(m.start, m.end)) & chain_idx]
        mod_matches = [m for m in in_np if m not in head_matches and not _proxy_marked(span, m) and
                       not _origin_marked(span, m)]
        roles = [r for r in idx.role_spans if all(k in np_idx for k in range(r[0], r[1]))]
        if lemma in words("role_modified_non_actors"):
            # "a press conference", "a media briefing": a role word in front of a thing is no actor
            roles = [r for r in roles if r[0] <= i < r[1]]
        role = _best_role(roles, i)
        person_name = _person_name(chain, tok)
        if person_name is None and role is not None and chain:
            # "Deputy Premier Ana Brnabic" with the name tagged as an organisation: a title, then capitalised
            # names, is a person
            title = next((r for r in roles if r[2] is role), None)
            after = [t for t in chain if title is not None and t.i - span.start >= title[1] and t.pos_ == "PROPN"
                     and t.text[:1].isupper()]
            if title is not None and after and tok in after and title[0] <= min(t.i for t in chain) - span.start:
                person_name = " ".join(t.text for t in after)
        plural = tok.tag_ in ("NNS", "NNPS")

        # a capital inside a person's name is no metonym ("Sofia Sapega", "Paris Hilton")
        head_matches = [m for m in head_matches if not (
            m.info.kind == "metonym" and tok.ent_type_ == "PERSON" and len(chain) > m.end - m.start)]
        # "Ali Mahmoud Abbas" is not "Mahmoud Abbas": a person's name with a given name of its own in front
        head_matches = [m for m in head_matches if not (
            m.info.kind == "person" and m.start > 0 and span[m.start - 1].ent_type_ == "PERSON" and
            span[m.start - 1].pos_ == "PROPN" and span[m.start - 1] in chain)]
        # 1. a lexicon entry naming the head itself (person, org, country, metonym)
        if head_matches:
            best = max(head_matches, key=lambda m: (m.end - m.start, m.info.kind == "person"))
            info = best.info
            if role is not None and any(best.start <= r[0] < best.end and r[2] is role for r in roles):
                role = None   # "the People's Republic of China": a role word inside a name is not a role
            country = info.country
            if info.kind == "demonym" and _proxy_marked(span, best):
                # "ethnic Albanians in North Macedonia": where they live, not the kin state
                country = self._country_of_locative(sent, tok)
                info = replace(info, sector=info.sector or "CVL")
            mod_country = _first_country(mod_matches)
            if country is None and mod_country:
                country = mod_country
            own = next((m for m in head_matches if m.start <= i < m.end and m.info.kind == "demonym"), None)
            home = next((m.info.country for m in [*head_matches, *mod_matches] if m is not own and m.start < i and
                         m.info.country and _is_country(m.info.country) and
                         m.info.kind in ("demonym", "country", "metonym")), None) if own is not None else None
            kin = plural and own is not None and _kin_people(tok)
            if kin and own is not None and home is None:
                # "Serbs in Kosovo": a people across borders, placed, is of the state where it lives
                home = self._country_of_locative(sent, tok)
            if kin and own is not None and home is not None and home != own.info.country:
                # "Bosnian Serbs", "Kosovo Albanians", "Syrian Kurds": a people named by the state they live in
                info, country = replace(own.info, sector=own.info.sector or "CVL"), home
            sector = info.sector
            if info.kind in ("country", "metonym") and role is None:
                # a state named as the doer ("China refused", "Washington said") is its government
                sector = "GOV" if _is_subject(tok) or info.kind == "metonym" else None
            if role is not None and info.kind in ("person",) and sector is None:
                sector = role.sector
            kind = info.kind if info.kind != "demonym" else "group"
            name = info.name if info.kind != "demonym" else None
            rname = role.role if role else info.role
            actor = Actor(text=_np_text(np), name=name, role=rname, country=country, sector=sector)
            ref = ActorRef(actor, kind, info.entry or f"lexicon:{info.name}", sent, i, plural=plural,
                           subject=_is_subject(tok), named=True, role_rank=role.rank if role else 0)
            if info.kind == "person":
                self._learn(person_name or info.name, ref)
            return ref

        # 2. a person name: learned earlier, or described here by role + country
        mod_country = _first_country(mod_matches)
        mod_info = _first_info(mod_matches)
        if mod_country is None and role is not None:
            # "the country's military", "its army": the possessor resolved in context gives the state
            poss = next((c for c in children(tok) if c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation")),
                        None)
            pref = self.resolve(sent, poss.i - span.start) if poss is not None else None
            if pref is not None and pref.country and pref.country not in IGO_CODES and \
                    pref.kind in ("country", "metonym", "pronoun"):
                mod_country = pref.country
        if person_name:
            learned = self._recall(person_name)
            if mod_country is None and learned is not None:
                a = learned.actor
                actor = Actor(text=_np_text(np), name=a.name, role=(role.role if role else a.role),
                              country=a.country, sector=(role.sector if role else a.sector))
                return ActorRef(actor, "person", f"memory:{learned.actor.name}", sent, i, subject=_is_subject(tok),
                                named=True, role_rank=learned.role_rank)
            if mod_country is not None or role is not None:
                sector = role.sector if role else (mod_info.sector if mod_info and mod_info.kind == "org" else None)
                actor = Actor(text=_np_text(np), name=person_name, role=role.role if role else None,
                              country=mod_country, sector=sector)
                ref = ActorRef(actor, "person", f"described:{role.entry if role else 'country'}", sent, i,
                               subject=_is_subject(tok), named=True, role_rank=role.rank if role else 0)
                if mod_country is not None:
                    self._learn(person_name, ref)
                return ref
            # a named person with no recoverable country stays uncoded
            actor = Actor(text=_np_text(np), name=person_name, role=None, country=None, sector=None)
            return ActorRef(actor, "person", "unresolved-name", sent, i, subject=_is_subject(tok), named=True)

        if pos == "PROPN" and tok.ent_type_ not in ("GPE", "NORP", "LOC", "FAC"):
            # "Sullivan and Wang": a surname learned earlier, even when the tagger misses the name
            learned = self._recall(tok.text)
            if learned is not None:
                a = learned.actor
                return ActorRef(Actor(text=tok.text, name=a.name, role=a.role, country=a.country, sector=a.sector),
                                "person", f"memory:{a.name}", sent, i, subject=_is_subject(tok), named=True,
                                role_rank=learned.role_rank)
        # 3. common-noun heads: "the two countries", "their counterparts", "Chinese warship", "the general"
        if low in ("country", "nation") and _is_definite(tok) and not plural and mod_info is None:
            # "the country's military": the state just named, a subject first
            states = [r for r in reversed(self.history) if r.kind == "country" and r.country and
                      (r.sent, r.token) < (sent, i) and r.sent >= sent - 2 and r.country not in IGO_CODES]
            state_ref = next((r for r in states if r.subject), states[0] if states else None)
            if state_ref is not None:
                return ActorRef(replace(state_ref.actor, text=_np_text(np)), "country",
                                f"the-country:{state_ref.country}", sent, i, subject=_is_subject(tok))
        if low in words("bare_body_heads") and tok.text[:1].isupper() and _is_definite(tok) and not plural and \
                mod_info is None and role is None and len(np) <= 2:
            # "The Council calls on ...", "the Commission proposed ...": the body of the international
            # organisation the article is about (the EU's Council in an EU release, the UN's in a UN one)
            bodies = [r for r in reversed(self.history) if r.country in ("EUR", "UNO", "AU")]
            if bodies:
                b = bodies[0].actor
                return ActorRef(Actor(text=_np_text(np), name=None, role=None, country=b.country, sector="IGO"),
                                "org", f"bare-body:{b.country}", sent, i, subject=_is_subject(tok))
        kids = {c.lower_ for c in tok.children}
        two_of_a_kind = tok.tag_ in ("NNS", "NNPS") and ("both" in kids or {"the", "two"} <= kids) and \
            role is not None and role.sector in ("GOV", "MIL", "IGO") and mod_country is None and \
            not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        loc = self._country_of_locative(sent, tok) if low in PAIR_HEADS else None   # "the parties in Yemen"
        if loc is not None and _is_pair_np(tok) and mod_country is None:
            return ActorRef(Actor(text=_np_text(np), name=None, role="parties", country=loc, sector=None),
                            "group", f"parties-in:{loc}", sent, i, plural=True)
        if ((low in PAIR_HEADS and _is_pair_np(tok) and mod_country is None) or
                (low in ("pair", "duo") and "the" in kids) or two_of_a_kind):
            # "the two sides", "the pair", "the two leaders": the pair named last
            return ActorRef(Actor(text=_np_text(np)), "pair", "pair:main", sent, i, plural=True)
        if low in COUNTERPART and mod_country is None:
            return ActorRef(Actor(text=_np_text(np), role=None), "counterpart", "counterpart", sent, i,
                            plural=plural)
        if mod_info is not None or role is not None:
            country = mod_country
            if role is not None and role.sector == "CVL" and mod_info is not None and mod_info.kind == "demonym":
                # "the Albanian population of Kosovo", "the Armenian community of Tbilisi": where it lives
                country = self._country_of_locative(sent, tok, of=True) or country
            kin = role is None and mod_info is not None and mod_info.kind == "demonym" and plural and \
                _kin_people(tok)
            if kin:
                # "Serbs in Croatia", "Armenians in Georgia": a people across borders, placed, is of the state
                # where it lives
                country = self._country_of_locative(sent, tok) or country
            if country is None and role is not None and role.sector != "IGO":
                # "rebels in the Ivory Coast"; "the government of Kano state", "the army of Mali"
                country = self._country_of_locative(sent, tok, of=role.sector in ("GOV", "MIL", "COP", "LEG", "JUD"))
            if country is None and role is not None and role.sector not in ("IGO", "MIL"):
                # "the Lyon mayor", "Kharkiv's governor", "the Sindh province police": the town or
                # division in front of a local office gives its country
                country = self._country_of_place_modifier(tok)
            sector = role.sector if role else ("CVL" if kin else None)
            if mod_info is not None and mod_info.sector == "REB" and mod_info.kind == "org":
                sector = "REB"   # "Hamas fighters" are the group's, not an army's
            if sector is None and mod_info is not None and mod_info.kind in ("org", "metonym"):
                sector = mod_info.sector
            if country is None and role is not None and _is_definite(tok):
                # "the general", "the US diplomat": nearest compatible actor already seen
                priors = self._all_nearest(sent, i, lambda r: r.actor.sector == role.sector and (
                    r.kind in ("person", "anaphor") or (r.kind == "group" and not r.plural and r.role_rank >= 1))
                    and _same_office(role.role, r.actor.role))
                if priors and not priors[0].subject:
                    # salience: the last subject with this role outranks a nearer object
                    # ("X met his Chinese counterpart ... The minister urged China": the minister is X)
                    last = priors[0].sent
                    subj = next((p for p in priors if p.subject and p.sent >= last - 1), None)
                    if subj is not None:
                        priors = [subj, *[p for p in priors if p is not subj]]
                if priors:
                    refs = [ActorRef(Actor(text=_np_text(np), name=p.actor.name, role=p.actor.role or role.role,
                                           country=p.country, sector=p.actor.sector),
                                     "anaphor", f"anaphor:{role.role}->{p.actor.name or p.actor.text}", sent, i,
                                     subject=_is_subject(tok)) for p in priors]
                    return replace(refs[0], alternatives=tuple(refs[1:]))
            bare_state = role is not None and _is_definite(tok) and (lemma in words("bare_state_organs") or (
                lemma in words("bare_state_heads") and not any(c.dep_ == "poss" for c in tok.children)))
            if country is None and mod_info is None and not bare_state and (
                    role is None or role.sector not in LOCAL_SECTORS):
                return None   # police, protesters, hostages are kept: the place of the act may locate them
            actor = Actor(text=_np_text(np), name=(mod_info.name if mod_info and mod_info.kind == "org" and
                                                   role is None else None),
                          role=role.role if role else None, country=country, sector=sector)
            rule = role.entry if role else (mod_info.entry if mod_info else "modifier")
            return ActorRef(actor, "group", rule, sent, i, plural=plural, subject=_is_subject(tok),
                            role_rank=role.rank if role else 0)
        return None

    def _country_of_locative(self, sent: int, tok: Token, of: bool = False) -> str | None:
        """'police in Nairobi', 'protesters in Dhaka', 'doctors from Cuba': a role phrase with no nationality
        takes the country of the place named in its own 'in'/'from' phrase (C9)."""
        span = self._sentences[sent].span
        idx = self._index.get(sent) or _EMPTY_INDEX
        for ch in children(tok):
            if ch.dep_ != "prep" or ch.lower_ not in ("in", "from", "across", "throughout", "inside", *(
                    ("of",) if of else ())):
                continue
            pob = next((g for g in ch.children if g.dep_ == "pobj"), None)
            if pob is not None and pob.pos_ == "NOUN" and ch.lower_ == "from":
                # "doctors from two American aid groups": the body they come from gives their nationality
                for m in idx.actor_spans:
                    if pob.left_edge.i - span.start <= m.start and m.end <= pob.i - span.start + 1 and \
                            m.info.kind == "demonym" and _is_country(m.info.country):
                        return m.info.country
            if pob is not None and pob.pos_ == "NOUN" and pob.lemma_.lower() in words("division_words") and \
                    self.gaz is not None:
                # "police in Kano state", "forces in Helmand province": the named division
                name = _division_name(pob)
                place = self.gaz.lookup(name) if name else None
                if place is not None and _is_country(place.country):
                    return place.country
            if pob is None or pob.pos_ != "PROPN":
                continue
            k = pob.i - span.start
            for m in idx.actor_spans:
                if m.start <= k < m.end and m.info.kind in ("country", "metonym") and _is_country(m.info.country):
                    return m.info.country
            if self.gaz is not None:
                place = self.gaz.lookup(" ".join(t.text for t in _name_chain(pob)) or pob.text)
                if place is not None and _is_country(place.country):
                    return place.country
        return None

    def _country_of_place_modifier(self, tok: Token) -> str | None:
        """The country of a town or division named as a compound or possessive in front of ``tok``."""
        if self.gaz is None:
            return None
        for m in tok.lefts:
            if m.dep_ not in ("compound", "poss"):
                continue
            if m.pos_ == "PROPN":
                name = " ".join(t.text for t in _name_chain(m)) or m.text
            elif m.pos_ == "NOUN" and m.lemma_.lower() in words("division_words"):
                name = _division_name(m) or ""
            else:
                continue
            place = self.gaz.lookup(name) if name else None
            if place is None or place.kind not in ("city", "admin") or not _is_country(place.country):
                continue
            # a capitalised word the recogniser did not take for a place must be a large town to count
            # ("the Lviv mayor" is; "the Mission's leadership" is no town in Texas)
            if m.ent_type_ in ("GPE", "LOC") or place.kind == "admin" or place.population >= 250_000:
                return place.country
        return None

    def _first_person(self, sent: int, tok: Token) -> ActorRef | None:
        """Who "I"/"we" are: the speaker of the reporting verb in this sentence ("'we will not yield,' the
        minister said"), else the last such speaker in the two sentences before, else the document's author
        (a title "Remarks by X", "Statement of X", "Readout of X's meeting"), else the first person named."""
        span = self._sentences[sent].span
        for k in (sent, sent - 1, sent - 2):
            sp_k = self._sentences.get(k)
            if sp_k is None:
                continue
            for v in reversed(list(sp_k.span)):
                if v.lemma_.lower() not in words("speech_verbs") or v.pos_ != "VERB":
                    continue
                subj = next((c for c in children(v) if c.dep_ == "nsubj"), None)
                if subj is None or subj.lower_ in FIRST_PRON or (k == sent and subj.i == tok.i):
                    continue
                if subj.pos_ == "PRON" and k != sent:
                    continue
                r = self._cache.get((k, subj.i - sp_k.span.start)) if k != sent or subj.i < tok.i else \
                    self.resolve(k, subj.i - sp_k.span.start)
                if r is not None and r.country:
                    return r
        author = self._author_of_document()
        if author is not None:
            return author
        del span
        return self.speaker

    def _author_of_document(self) -> ActorRef | None:
        """The author named by the title: the first actor after "Remarks by", "Statement of", "Readout of" ..."""
        head = self._sentences.get(0)
        if head is None or head.kind != "headline":
            return None
        cues = words("authored_genres")
        span = head.span
        start = next((t.i for t in span if t.lemma_.lower() in cues), None)
        if start is None:
            return None
        refs = [r for r in self.history if r.sent == 0 and r.token > start - span.start and r.country]
        return refs[0] if refs else None

    def _short_reference(self, sent: int, tok: Token) -> ActorRef | None:
        """'the Council' after 'the UN Security Council', 'the Commission' after 'the European Commission':
        a definite head with no name of its own stands for the last body named whose name ends in it."""
        span = self._sentences[sent].span
        i = tok.i - span.start
        if tok.lower_ == "states" and any(c.dep_ == "compound" and c.lower_ == "member" for c in children(tok)):
            pass   # "the member states"
        elif any(c.dep_ in ("compound", "amod", "poss") and c.i < tok.i for c in children(tok)):
            return None
        head = tok.lower_
        members = head in words("member_heads") or head == "states"
        if members and any(c.dep_ == "prep" for c in children(tok)):
            return None   # "members of the alliance" is resolved through its complement
        earlier = [r for r in reversed(self.history) if (r.sent, r.token) < (sent, i) and r.country]
        if members:
            # "the 32 members", "the member states": the last international body named, a subject first
            bodies = [r for r in earlier if r.country in IGO_CODES and r.kind in ("org", "group") and
                      r.sent >= sent - 2]
            best = next((r for r in bodies if r.subject), bodies[0] if bodies else None)
            if best is None:
                return None
            return ActorRef(replace(best.actor, text=_np_text(_np_tokens(tok)), name=best.actor.name,
                                    sector="IGO"), "org", f"members-of:{best.actor.name or best.actor.text}",
                            sent, i, plural=True, subject=_is_subject(tok), named=True)
        for r in earlier:
            if r.kind != "org":
                continue
            names = [n for n in (r.actor.name, r.actor.text) if n]
            if any(n.lower().split()[-1].rstrip(".,") == head for n in names):
                actor = replace(r.actor, text=_np_text(_np_tokens(tok)))
                return ActorRef(actor, "org", f"short-ref:{r.actor.name or r.actor.text}", sent, i,
                                subject=_is_subject(tok), named=True)
        return None

    def _author(self, sent: int, tok: Token) -> ActorRef | None:
        """A body's text speaks for the body ('the resolution urged', 'a statement that condemned'): the
        author is the text's own possessor or modifier, else whoever adopted or issued the same kind of text
        (the subject of a clause with it as object) earlier in the article."""
        span = self._sentences[sent].span
        i = tok.i - span.start
        # "the statement condemned", "a statement that condemned", "a statement condemning"
        speaks = tok.dep_ in ("nsubj",) or any(c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ == "VBG")
                                               for c in children(tok))
        if not speaks:
            return None
        for c in children(tok):
            if c.dep_ in ("poss", "compound", "amod") and c.i < tok.i:
                r = self.resolve(sent, c.i - span.start)
                if r is not None and r.country:
                    return self._as_author(r, tok, sent, i)
        lemma = tok.lemma_.lower()
        for k in sorted((k for k in self._sentences if k <= sent), reverse=True)[:6]:
            sp = self._sentences[k].span
            for t in reversed(list(sp)):
                later = (k, t.i - sp.start) > (sent, i) or ((k, t.i - sp.start) == (sent, i) and t.dep_ != "dobj")
                if later or t.lemma_.lower() != lemma or t.dep_ not in ("dobj",):
                    continue
                subj = next((c for c in children(t.head) if c.dep_ == "nsubj"), None)
                if subj is None or subj.i == tok.i:
                    continue
                r = self.resolve(k, subj.i - sp.start)
                if r is not None and r.country and r.kind != "document":
                    return self._as_author(r, tok, sent, i)
        return None

    def _as_author(self, r: ActorRef, tok: Token, sent: int, i: int) -> ActorRef:
        actor = replace(r.actor, text=_np_text(_np_tokens(tok)))
        return ActorRef(actor, "document", f"author:{r.actor.name or r.actor.text}", sent, i,
                        subject=_is_subject(tok), named=True)

    def _pronoun(self, sent: int, tok: Token) -> ActorRef | None:
        low = tok.lower_
        span = self._sentences[sent].span
        i = tok.i - span.start
        if low in FIRST_PRON:
            sp = self._first_person(sent, tok)
            if sp is None:
                return None
            return replace(sp, kind="pronoun", rule=f"pronoun:{low}->speaker", sent=sent, token=i,
                           actor=replace(sp.actor, text=tok.text))
        if low in PERSON_PRON:
            def ok(r: ActorRef) -> bool:
                # a named person, or one described by a singular role ("Ghana's president ... he")
                return r.country is not None and (r.kind in ("person", "anaphor") or (
                    r.kind == "group" and not r.plural and r.role_rank >= 1))
        elif low in THING_PRON:
            def ok(r: ActorRef) -> bool:
                return r.kind in ("country", "metonym", "org", "group", "document") and r.country is not None
        elif low in PLURAL_PRON:
            def ok(r: ActorRef) -> bool:
                return r.country is not None and (r.plural or r.kind in ("org", "country", "group", "metonym"))
        else:
            return None
        prior = None
        if tok.dep_ == "poss":
            prior = self._possessor(sent, tok, ok)
        if prior is None and low in PLURAL_PRON:
            # "they": a plural or coordinated subject already named in this sentence
            subj = [r for r in self.history if r.sent == sent and r.token < i and r.subject and ok(r) and
                    (r.plural or r.kind in ("group", "org"))]
            if subj:
                prior = subj[0]
        if prior is None:
            prior = self._nearest(sent, i, ok, prefer_subject=True)
        if prior is None:
            return None
        return ActorRef(replace(prior.actor, text=tok.text), "pronoun",
                        f"pronoun:{low}->{prior.actor.name or prior.actor.text}", sent, i,
                        plural=prior.plural, subject=_is_subject(tok), role_rank=prior.role_rank)

    def _possessor(self, sent: int, tok: Token, ok: object) -> ActorRef | None:
        """A possessive pronoun: the actor its phrase stands beside ("the Israeli aggressions, particularly
        its attack"), else the subject of its own clause ("India ... recalled its own staff")."""
        check = ok
        span = self._sentences[sent].span
        head = tok.head
        if head.dep_ in ("appos", "conj") and head.head.pos_ in ("NOUN", "PROPN"):
            r = self.resolve(sent, head.head.i - span.start)
            if r is not None and check(r):  # type: ignore[operator]
                return r
        t = head
        for _ in range(5):
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                break
            t = t.head
        for _ in range(4):
            subj = next((c for c in children(t) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                if subj.i == tok.i or subj.i > tok.i:
                    return None
                r = self.resolve(sent, subj.i - span.start)
                return r if r is not None and check(r) else None  # type: ignore[operator]
            if t.dep_ == "xcomp" and t.head.i != t.i:
                # object control: "called on Hungary to lift its veto" -> its = Hungary
                ctrl = next((c for c in children(t.head) if c.dep_ == "dobj"), None)
                if ctrl is None:
                    on = next((c for c in children(t.head) if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
                    ctrl = next((c for c in children(on) if c.dep_ == "pobj"), None) if on is not None else None
                if ctrl is not None and ctrl.i < tok.i:
                    r = self.resolve(sent, ctrl.i - span.start)
                    if r is not None and check(r):  # type: ignore[operator]
                        return r
            if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
                t = t.head
                continue
            break
        return None

    def _nearest(self, sent: int, i: int, ok: object, *, prefer_subject: bool = False) -> ActorRef | None:
        """Latest history entry before (sent, i) that passes ``ok``; a previous sentence's subject wins."""
        check = ok  # callable
        cands = [r for r in self.history if (r.sent, r.token) < (sent, i) and check(r)]  # type: ignore[operator]
        if not cands:
            return None
        if prefer_subject:
            same = [r for r in cands if r.sent == sent]
            if same:
                return same[-1]
            last_sent = cands[-1].sent
            subj = [r for r in cands if r.sent == last_sent and r.subject]
            if subj:
                return subj[0]
        return cands[-1]

    def _all_nearest(self, sent: int, i: int, ok: object) -> list[ActorRef]:
        """Compatible earlier actors, nearest first, one per country (alternatives for anaphors)."""
        check = ok
        out: list[ActorRef] = []
        seen: set[str | None] = set()
        for r in reversed(self.history):
            if (r.sent, r.token) >= (sent, i) or not check(r):  # type: ignore[operator]
                continue
            if r.country in seen:
                continue
            seen.add(r.country)
            out.append(r)
        return out

    def _learn(self, name: str | None, ref: ActorRef) -> None:
        if not name or ref.country is None:
            return
        self.memory[name.lower()] = ref
        parts = name.split()
        if len(parts) > 1:
            for p in (parts[-1], parts[0]):
                if len(p) >= 2 and p[0].isupper():
                    self.memory[p.lower()] = ref

    def _recall(self, name: str) -> ActorRef | None:
        low = name.lower()
        if low in self.memory:
            return self.memory[low]
        parts = low.split()
        for p in (parts[-1], parts[0]) if parts else ():
            if p in self.memory:
                return self.memory[p]
        return None

    def actors_in(self, sent: int) -> list[ActorRef]:
        """The history entries of one sentence (for explanations)."""
        return [r for r in self.history if r.sent == sent]


# ---------------------------------------------------------------------- helpers over the parse

@lru_cache(maxsize=1)
def _short_or_member_heads() -> frozenset[str]:
    """'the agency', 'the member states': heads of a short reference to a body named earlier."""
    return words("short_reference_heads") | words("member_heads")


def _is_np_head(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
        return False
    if tok.pos_ == "ADJ" and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    return tok.dep_ not in ("compound", "flat")


def _conjuncts(tok: Token) -> list[Token]:
    """The nominal conjuncts under ``tok``, depth first in document order (iterative: a list of
    thousands of names joined by "and" is a chain thousands deep)."""
    out: list[Token] = []
    stack = [iter(children(tok))]
    while stack:
        for c in stack[-1]:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(c)
                stack.append(iter(children(c)))
                break
        else:
            stack.pop()
    return out


def _np_tokens(tok: Token) -> list[Token]:
    """The head's noun phrase: left modifiers, appositions, and 'of' complements (no clauses)."""
    seen: set[int] = set()
    out: list[Token] = []

    def add(t: Token, depth: int) -> None:
        if t.i in seen or depth > 6:
            return
        seen.add(t.i)
        out.append(t)
        for c in children(t):
            if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "nsubj", "nsubjpass"):
                continue
            if c.dep_ == "prep":
                if c.lower_ == "of" and t.pos_ in ("NOUN", "PROPN"):
                    add(c, depth + 1)
                continue
            if c.dep_ in ("appos",) or c.i < t.i or c.dep_ in ("pobj", "compound", "flat", "poss", "amod", "nmod"):
                add(c, depth + 1)

    add(tok, 0)
    return sorted(out, key=lambda t: t.i)


def _np_text(np: Sequence[Token]) -> str:
    toks = [t for t in np if t.dep_ not in ("appos",) or t.i == np[0].i]
    if not toks:
        return ""
    # contiguous left part up to and including the head
    doc = toks[0].doc
    start = toks[0].i
    end = max(t.i for t in toks) + 1
    text = doc[start:end].text
    return text if len(text) <= 120 else text[:117] + "..."


def _name_chain(tok: Token) -> list[Token]:
    """The proper-name tokens of the head: 'Antony Blinken', 'Sarah Beran', 'Xi Jinping'."""
    if tok.pos_ != "PROPN":
        return []
    chain = [tok]
    for c in tok.lefts:
        if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN":
            chain.extend(_name_chain(c) or [c])
    for c in tok.rights:
        if c.dep_ in ("flat",) and c.pos_ == "PROPN":
            chain.append(c)
    return sorted(chain, key=lambda t: t.i)


def _division_name(noun: Token) -> str | None:
    """'Kano state', 'Helmand province': a division word with the names compounded on it, else None."""
    names = [g.text for g in noun.lefts if g.dep_ == "compound" and g.pos_ == "PROPN"]
    return " ".join([*names, noun.text]) if names else None


def _person_name(chain: Sequence[Token], tok: Token) -> str | None:
    if not chain:
        return None
    ents = [t for t in chain if t.ent_type_ == "PERSON"]
    if not ents:
        return None
    # drop leading titles that the tagger may include
    words = [t.text for t in chain if t.ent_type_ == "PERSON"]
    return " ".join(words) if words else None


def _best_role(roles: Sequence[tuple[int, int, RoleInfo]], head: int) -> RoleInfo | None:
    if not roles:
        return None
    # prefer the role closest to (or containing) the head, then the longest
    def key(r: tuple[int, int, RoleInfo]) -> tuple[int, int]:
        s, e, _ = r
        dist = 0 if s <= head < e else min(abs(head - s), abs(head - (e - 1)))
        return (dist, -(e - s))

    return min(roles, key=key)[2]


def _proxy_marked(span: Span, m: _Match) -> bool:
    """'pro-Russian separatists', 'Iranian-backed militias', 'ethnic Albanians': the modifier names a patron or
    a kin group, not the actor's country (C3); the country then comes from the place or the setting."""
    before = [span[k].lower_ for k in range(max(0, m.start - 2), m.start)]
    after = [span[k].lower_ for k in range(m.end, min(len(span), m.end + 2))]
    if before and before[-1] in words("kin_markers"):
        return True
    if len(before) == 2 and before[-1] == "-" and before[0] in ("pro", "anti"):
        return True
    if before and before[-1].startswith(("pro-", "anti-")):
        return True
    return len(after) == 2 and after[0] == "-" and after[1] in words("patron_participles")


def _origin_marked(span: Span, m: _Match) -> bool:
    """'Iranian-made drones', 'US-supplied missiles': the modifier names a weapon's origin, not an actor."""
    after = [span[k].lower_ for k in range(m.end, min(len(span), m.end + 2))]
    if len(after) == 2 and after[0] == "-" and after[1] in words("origin_participles"):
        return True
    return bool(after) and after[0].lstrip("-") in words("origin_participles") and after[0].startswith("-")


def _first_country(ms: Sequence[_Match]) -> str | None:
    for m in sorted(ms, key=lambda m: m.start):
        if m.info.country:
            return m.info.country
    return None


def _first_info(ms: Sequence[_Match]) -> ActorInfo | None:
    for m in sorted(ms, key=lambda m: m.start):
        if m.info.country:
            return m.info
    return None


def _is_subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass")


def _kin_people(tok: Token) -> bool:
    """A people that lives across borders ('Serbs', 'Kurds'), by its word or its lemma."""
    kin = words("kin_peoples")
    return tok.lemma_.lower() in kin or tok.lower_ in kin


def _same_office(role: str, prior: str | None) -> bool:
    """'the minister' may be the foreign minister named before, but 'the interior minister' is neither the
    president nor the foreign minister: two personal offices with different titles are two people."""
    if prior is None:
        return True
    mine, theirs = role.lower().split(), prior.lower().split()
    offices = words("personal_office_heads")
    if mine[-1] not in offices or theirs[-1] not in offices:
        return True    # a body ("the Department") or a generic title ("the official") may be anyone's
    if mine[-1] != theirs[-1]:
        return False
    return len(mine) == 1 or len(theirs) == 1 or mine == theirs


def _is_definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "her", "their", "its")
               for c in children(tok))


def _is_pair_np(tok: Token) -> bool:
    """'the two sides', 'both countries', 'the parties': a plural (or 'both') phrase with no noun of its own
    in front ('the opposition party', 'the ruling parties' of one country are no pair)."""
    words = {c.lower_ for c in children(tok)}
    if any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in children(tok)):
        return False
    if tok.tag_ not in ("NNS", "NNPS") and "both" not in words and "either" not in words:
        return False
    return bool(words & {"both", "two", "the", "sides", "all", "either"}) or tok.lower_ in ("sides",)


def _longest(ms: Iterable[tuple[int, int, object]]) -> list:  # type: ignore[type-arg]
    """Non-overlapping matches, longest first."""
    chosen: list[tuple[int, int, object]] = []
    taken: set[int] = set()
    for s, e, info in sorted(ms, key=lambda m: (-(m[1] - m[0]), m[0])):
        if any(k in taken for k in range(s, e)):
            continue
        chosen.append((s, e, info))
        taken.update(range(s, e))
    return sorted(chosen, key=lambda m: m[0])


_TABLES: dict[int, tuple[dict[str, ActorInfo], dict[str, ActorInfo], dict[str, RoleInfo]]] = {}
_MATCHERS: dict[tuple[int, int], tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]] = {}


def _tables_for(lex: ActorLexicon) -> tuple[dict[str, ActorInfo], dict[str, ActorInfo], dict[str, RoleInfo]]:
    key = id(lex)
    if key not in _TABLES:
        cs: dict[str, ActorInfo] = {}
        ci: dict[str, ActorInfo] = {}
        for surface, case_sensitive, info in lex.phrases():
            if case_sensitive:
                cs.setdefault(f"A|{surface}", info)
            else:
                ci.setdefault(f"a|{surface.lower()}", info)
        roles = {f"R|{surface.lower()}": info for surface, info in lex.role_phrases()}
        _TABLES[key] = (cs, ci, roles)
    return _TABLES[key]


def _matchers_for(lex: ActorLexicon, nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    key = (id(lex), id(nlp))
    if key not in _MATCHERS:
        cs_t, ci_t, role_t = _tables_for(lex)
        cs = PhraseMatcher(nlp.vocab, attr="ORTH")
        ci = PhraseMatcher(nlp.vocab, attr="LOWER")
        rm = PhraseMatcher(nlp.vocab, attr="LOWER")
        tok = nlp.tokenizer
        for k in cs_t:
            cs.add(k, [tok(k[2:])])
        for k in ci_t:
            ci.add(k, [tok(k[2:])])
        for k in role_t:
            rm.add(k, [tok(k[2:])])
        _MATCHERS[key] = (cs, ci, rm)
    return _MATCHERS[key]
