"""What every stage of the event coder shares for one article: the lexicons, the article's actors, the
gazetteer and the publication date, the facts one sentence leaves for the next (dated clauses, frames),
and the lookups of actors and places behind a token.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..lexicon import words
from ..treecache import children, subtree
from .parse import name_text, pobj
from .types import IGO_LIKE

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Token

    from ..actors.recognize import ActorRef, ArticleActors
    from ..nlp import Sentence
    from ..resolve.dates import DateResolution
    from ..resolve.places import Gazetteer, Place
    from .lexicon import TriggerLexicon
    from .modality import Modality


@dataclass
class ArticleContext:
    """The resources and the running state of coding one article, shared by the stages."""

    trig: TriggerLexicon
    mod: Modality
    actors: ArticleActors
    gaz: Gazetteer | None
    published: date | None
    # a report on a Security Council session: UN actions in it happen in New York
    un_session: bool = False
    # sentence-relative heads of the noun triggers of the sentence being coded
    event_heads: set[int] = field(default_factory=set)
    # dated clauses that are not events themselves ("the UN chief told the Council today"), by verb
    clause_dates: dict[tuple[int, int], tuple[DateResolution, str]] = field(default_factory=dict)
    # dated frames with their speaker: (sentence, speaker, date, date text)
    frames: list[tuple[int, ActorRef, DateResolution, str]] = field(default_factory=list)
    places: dict[tuple[int, int], Place | None] = field(default_factory=dict)
    # the counterpart of the last meeting each country held, by sentence: "I met X ... We agreed ..."
    met: dict[str, tuple[int, ActorRef]] = field(default_factory=dict)
    # the last emitted act of each type and of each TYPE/mode: sentence, source, target ("X was also arrested")
    last_act: dict[str, tuple[int, ActorRef | None, ActorRef | None]] = field(default_factory=dict)
    # the foreign states each source has condemned so far, by source country ("X condemns Y's ...")
    condemned: dict[str, set[str]] = field(default_factory=dict)
    # the state a headline says the text is about ("Conclusions on Nicaragua", "Statement on Iran")
    topic: ActorRef | None = None

    def note_topic(self, sent: Sentence) -> None:
        """Read the headline's 'on/about X', X a state, as the text's topic."""
        for tok in sent.span:
            if tok.dep_ == "prep" and tok.lower_ in words("topic_preps"):
                refs = self.refs(sent, pobj(tok))
                if refs and refs[0].country and refs[0].country not in IGO_LIKE and refs[0].kind == "country":
                    self.topic = refs[0]
                    return

    def refs(self, sent: Sentence, tok: Token | None) -> list[ActorRef]:
        if tok is None:
            return []
        refs = [r for r in self.actors.resolve_all(sent.index, tok.i - sent.span.start) if r is not None]
        if refs and tok.pos_ in ("PROPN", "NOUN") and tok.lower_ in words("water_heads"):
            water = self.place(sent, tok)
            if water is not None and water.country is None:
                return []   # "toward the Sea of Japan", "into the Gulf of Aden": waters, no state
        # "the president of Kenya and his Tanzanian counterpart": the parser hangs the second person on the
        # country of the first; a person or counterpart phrase there is the head's conjunct
        for of in (ch for ch in children(tok) if ch.dep_ == "prep" and (
                ch.lower_ == "of" or (ch.lower_ == "from" and tok.tag_ in ("NNS", "NNPS")))):
            # ... and "officials from Armenia and Azerbaijan": one group from each
            pob = pobj(of)
            for cj in (pob.conjuncts if pob is not None else ()):
                r = self.actors.resolve(sent.index, cj.i - sent.span.start)
                if r is not None and r.country and (r.kind in ("person", "counterpart") or cj.pos_ == "NOUN") and \
                        r not in refs:
                    refs.append(r)
                elif r is not None and r.country and tok.tag_ in ("NNS", "NNPS") and refs and \
                        refs[0].actor.role and all(x.country != r.country for x in refs):
                    # "the leaders of Kenya and Ethiopia", "the foreign ministers of Peru and Chile": one each
                    refs.append(replace(refs[0], actor=replace(refs[0].actor, country=r.country,
                                                               text=f"{refs[0].actor.role} of {cj.text}"),
                                        rule=f"{refs[0].rule}+of-list", token=cj.i - sent.span.start))
        return refs

    def is_actorish(self, sent: Sentence, tok: Token) -> bool:
        r = self.actors.resolve(sent.index, tok.i - sent.span.start)
        return r is not None and r.kind in ("person", "org", "group")

    def place_in(self, sent: Sentence, tok: Token) -> Place | None:
        """The place a phrase names or sits in: 'Kherson', 'the city of Kherson', 'a school in Gaza',
        'its border with Finland'."""
        p = self.place(sent, tok)
        if p is not None:
            return p
        for ch in children(tok):
            if ch.dep_ == "prep" and ch.lower_ in ("of", "in", "near", "with", "outside", "inside"):
                pob = pobj(ch)
                if pob is None:
                    continue
                if ch.lower_ == "with" and tok.lemma_.lower() not in ("border", "frontier", "boundary"):
                    continue
                p = self.place(sent, pob) or self.owned_place(sent, pob)
                if p is not None:
                    return p
        return None

    def owned_place(self, sent: Sentence, tok: Token) -> Place | None:
        """'Russia's Krasnodar region', 'Ukraine's energy infrastructure': a place-like noun owned by a state."""
        if self.gaz is None or tok.lemma_.lower() not in words("placeish_nouns"):
            return None
        for ch in subtree(tok):
            if ch.dep_ in ("poss", "compound", "amod", "nmod") and ch.i < tok.i:
                r = self.actors.resolve(sent.index, ch.i - sent.span.start)
                if r is not None and r.country and r.country not in IGO_LIKE:
                    return self.gaz.country(r.country)
                p = self.gaz.lookup(ch.text) if ch.pos_ == "PROPN" else None
                if p is not None and p.country:
                    return p   # "the Zaporizhzhia nuclear power plant" (whatever the tagger thought the name was)
        return None

    def is_place(self, sent: Sentence, tok: Token) -> bool:
        return self.place(sent, tok) is not None

    def place(self, sent: Sentence, tok: Token) -> Place | None:
        """The gazetteer place a token names (looked up once per token; callers ask repeatedly)."""
        key = (sent.index, tok.i)
        if key not in self.places:
            ref = self.actors.resolve(sent.index, tok.i - sent.span.start) if tok.pos_ == "PROPN" else None
            # the head of an organisation's name is no town ("... Stabilization Mission", "the Alliance")
            in_name = ref is not None and ref.kind == "org" and len(name_text(tok).split()) > 1
            # a capital the lexicon knows is a place even when the recogniser took it for a person
            capital = ref is not None and ref.kind == "metonym" and tok.ent_type_ == "PERSON"
            self.places[key] = None if in_name else self.lookup_place(tok, capital=capital,
                                                                      state=self._state_of_frame(sent, tok))
        return self.places[key]

    def _state_of_frame(self, sent: Sentence, tok: Token) -> str | None:
        """'the Mozambican town of Palma', 'Colombia's town of Santa Rosa': the state a place's frame noun
        gives it."""
        of = tok.head
        frame = of.head
        if tok.dep_ != "pobj" or of.lower_ != "of" or frame.lemma_.lower() not in words("settlement_nouns") | \
                words("placeish_nouns"):
            return None
        for ch in children(frame):
            if ch.dep_ in ("amod", "compound", "poss", "nmod") and ch.i < frame.i:
                r = self.actors.resolve(sent.index, ch.i - sent.span.start)
                if r is not None and r.country and r.country not in IGO_LIKE and (r.kind in ("country", "metonym") or (
                        r.kind == "group" and r.actor.role is None)):   # a state's name or its adjective
                    return r.country
        return None

    def lookup_place(self, tok: Token, capital: bool = False, state: str | None = None) -> Place | None:
        # prominence decides, not the countries of the actors named: they often meet elsewhere (Geneva)
        if self.gaz is None:
            return None
        if tok.pos_ not in ("PROPN",) and tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            return None
        if tok.ent_type_ in ("DATE", "TIME", "PERSON", "NORP", "ORDINAL", "CARDINAL", "MONEY") and not capital:
            return None   # "in March" is a month, not the town in Cambridgeshire
        text = name_text(tok)
        of = next((c for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of"), None)
        pob = pobj(of) if of is not None else None
        if pob is not None and pob.pos_ == "PROPN":
            # "the Sea of Japan", "the Gulf of Aden", "the Strait of Hormuz": the whole name first
            whole = self.gaz.lookup(f"{text} of {name_text(pob)}")
            if whole is not None:
                return whole
        if state is not None:
            # the frame's state settles the name; a town the gazetteer knows only elsewhere is in that state
            p = self.gaz.lookup(text, context_countries=(state,))
            return p if p is not None and p.country == state else self.gaz.country(state)
        p = self.gaz.lookup(text)
        if p is None and text.lower().startswith("the "):
            p = self.gaz.lookup(text[4:])
        if p is None and text != tok.text:
            p = self.gaz.lookup(tok.text)
        if (p is None or p.country is None) and tok.pos_ == "PROPN":
            # "Pakistan and Pakistani-administered Kashmir": a country named inside the place phrase
            for ch in children(tok):
                if ch.dep_ in ("nmod", "compound") and ch.pos_ == "PROPN":
                    q = self.gaz.lookup(ch.text)
                    if q is not None and q.country:
                        return q
        return p

