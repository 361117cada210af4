"""Reading the dependency parse: control chains, logical subject and object, phrases and names.

Small pure functions over spaCy tokens that every stage of the event coder uses; no lexicon but the
word lists of ``data/words.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import words
from ..treecache import children, subtree

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.recognize import ActorRef


def depth_below(tok: Token, top: Token) -> int:
    """How many arcs lie between ``tok`` and its ancestor ``top`` (a large number when it is not one)."""
    n, cur = 0, tok
    while cur.i != top.i and cur.head.i != cur.i and n < 50:
        cur, n = cur.head, n + 1
    return n if cur.i == top.i else 99

def distinct_sectors(a: ActorRef, b: ActorRef) -> bool:
    """Two actors of one state but different sectors (government and opposition, police and protesters)."""
    return bool(a.actor.sector and b.actor.sector and a.actor.sector != b.actor.sector)

def verb_above(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` in the parse."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None

def _asked_to(cur: Token) -> bool:
    """'called on the ministers to agree ...' parsed with the infinitive as an adverbial clause: it is still the
    complement of 'call on X' (a to-infinitive after an 'on/upon' object of its head)."""
    if cur.dep_ != "advcl" or not any(g.dep_ == "aux" and g.lower_ == "to" for g in children(cur)):
        return False
    return any(ch.dep_ == "prep" and ch.lower_ in ("on", "upon") and ch.i < cur.i for ch in children(cur.head))


def visit_adjunct(tok: Token) -> bool:
    """'During her visit to Nairobi, the minister praised Kenya': a noun in a circumstance adjunct in front of
    the verb it hangs on."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in words("adjunct_preps") and \
        prep.head.pos_ in ("VERB", "AUX") and prep.i < prep.head.i


def control_chain(tok: Token) -> list[Token]:
    """The trigger's verb and the verbs that control it: 'is expected to visit' -> [visit, expected]."""
    chain = [tok]
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            break
        dep = cur.dep_
        if dep in ("xcomp",) or (dep == "conj" and head.pos_ in ("VERB", "AUX") and cur.pos_ in ("VERB",)) or \
                _asked_to(cur):
            if dep == "conj":
                # conjuncts share the first verb's auxiliaries ("will meet and sign")
                pass
            chain.append(head)
            cur = head
            continue
        if dep in ("dobj", "nsubjpass") and cur.pos_ in ("NOUN", "PROPN") and head.pos_ in ("VERB", "AUX"):
            chain.append(head)
            cur = head
            if not transparent(head) and len(chain) > 1 and chain[0].pos_ != "VERB":
                break
            continue
        if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB",) and \
                head.lower_ in ("to", "of", "on", "for", "in", "from", "out"):
            chain.append(head.head)
            cur = head.head
            if not transparent(cur):
                break
            continue
        if dep == "pobj" and head.dep_ == "prep" and is_measure(head):
            cur = head.head
            continue
        if dep == "acl" and cur.pos_ == "VERB" and head.dep_ == "dobj" and \
                head.lemma_.lower() in words("policy_measure_nouns") and \
                any(a.dep_ == "aux" and a.lower_ == "to" for a in children(cur)):
            # "urged them to take steps to expel the envoys": the steps are transparent
            cur = head
            continue
        if dep == "advcl" and cur.pos_ == "VERB" and head.pos_ == "VERB" and \
                any(a.dep_ == "aux" and a.lower_ == "to" for a in children(cur)) and \
                any(o.dep_ == "dobj" and o.lemma_.lower() in words("policy_measure_nouns") for o in children(head)):
            # ... and the same with the purpose read as the verb's adverbial clause
            chain.append(head)
            cur = head
            continue
        if dep == "conj" and cur.pos_ in ("NOUN", "PROPN") and head.pos_ in ("NOUN", "PROPN"):
            cur = head
            continue
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "ADJ"):
            chain.append(head.head)
            cur = head.head
            continue
        if dep == "advcl" and cur.tag_ == "VBG" and head.pos_ == "VERB" and 0 < cur.i - head.i <= 2 and \
                all(t.dep_ == "prt" for t in cur.doc[head.i + 1:cur.i]) and \
                not any(ch.dep_ in ("mark", "nsubj", "nsubjpass") for ch in children(cur)):
            # "ruled out sending troops", "considered expelling": a gerund object misread as an adverbial clause
            chain.append(head)
            cur = head
            continue
        if dep == "acomp" or (dep == "xcomp" and head.pos_ == "ADJ"):
            chain.append(head)
            cur = head
            continue
        if cur.pos_ == "VERB" and dep == "xcomp" and head.pos_ == "ADJ":
            chain.append(head)
            cur = head
            continue
        if dep == "xcomp" or (cur.pos_ in ("VERB",) and dep in ("acomp",)):
            chain.append(head)
            cur = head
            continue
        break
    # "is due/likely/set to visit": the adjective's copula
    return chain

def is_quantity(tok: Token) -> bool:
    return tok.lower_ in words("quantity_heads") or tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") or \
        tok.like_num or tok.text == "$"

def is_measure(prep: Token) -> bool:
    """'two days OF talks', '$820 million IN assistance', 'a flurry OF contacts'."""
    head = prep.head
    if prep.lower_ == "of":
        return head.lower_ in words("measure_nouns") or is_quantity(head)
    if prep.lower_ == "in":
        return is_quantity(head)
    return False

def transparent(tok: Token) -> bool:
    """Verbs through which a noun trigger's status and frame are read ("arrange a call", "cancel a trip")."""
    return tok.lemma_.lower() in words("transparent_verbs")

def verb_args(tok: Token, chain: list[Token]) -> tuple[Token | None, Token | None, Token | None]:
    """Logical subject, object and passive agent of a verb, inherited along control and coordination."""
    if tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") and \
            not any(ch.dep_ in ("advmod", "npadvmod") for ch in children(tok)):
        # "recalled its staff, suspended visa services": a participle the parser hung on its object
        noun = tok.head
        gov = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
        gsubj = verb_args(gov, [gov])[0] if gov is not None and gov.i != noun.i else None
        return gsubj, noun, None
    subj = obj = agent = None
    passive = False
    for ch in children(tok):
        if ch.dep_ in ("nsubj",) and subj is None:
            subj = ch
        elif ch.dep_ == "nsubjpass" and subj is None:
            subj = ch
            passive = True
        elif ch.dep_ in ("dobj", "dative") and obj is None and ch.lower_ not in ("that", "which"):
            obj = ch
        elif ch.dep_ == "agent" and (tok.tag_ == "VBN" or passive):
            agent = pobj(ch)   # "talked by phone" is no passive: only a participle has an agent
    if subj is not None and subj.lower_ in words("relative_pronouns") and tok.dep_ == "relcl" and \
            tok.head.i != tok.i:
        subj = tok.head   # "the minister, who urged ...", "a statement that condemned ...": the antecedent
    if subj is not None and subj.lemma_.lower() in words("weapon_words") and not passive:
        # "drones fired by Russia hit Odesa": a weapon's launcher is the agent
        part = next((ch for ch in subj.children if ch.dep_ == "acl" and ch.tag_ == "VBN"), None)
        by = next((g for g in part.children if g.dep_ == "agent"), None) if part is not None else None
        launcher = pobj(by) if by is not None else None
        if launcher is not None:
            subj = launcher
    if subj is None and agent is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and \
            tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        subj = tok.head   # "a declaration demanding that ...", "protesters calling for ...": the noun acts
    if subj is None:
        # parser quirk: "Egypt and Qatar are mediating" hangs the subject on the auxiliary
        for aux in children(tok):
            if aux.dep_ in ("aux", "auxpass"):
                subj = next((g for g in children(aux) if g.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    passive = subj.dep_ == "nsubjpass"
                    break
    if subj is None:
        cur = tok
        for _ in range(6):
            head = cur.head
            if head.i == cur.i:
                break
            if cur.dep_ == "acomp" and head.pos_ in ("AUX", "VERB"):
                # "is due / ready / set to hold talks": the copula's subject
                subj = next((ch for ch in children(head) if ch.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    break
            if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp") or (cur.dep_ == "pobj" and head.dep_ == "prep"):
                nxt = head if head.pos_ in ("VERB", "AUX", "ADJ") else head.head
                for ch in children(nxt):
                    if ch.dep_ in ("nsubj", "nsubjpass"):
                        subj = ch
                        break
                # object control: "urged X to withdraw", "accused X of sailing", "blamed X for firing"
                if (cur.dep_ == "xcomp" and nxt.lemma_.lower() not in words("instrument_verbs")) or (
                        cur.dep_ == "pcomp" and head.lower_ in ("of", "for")):
                    objs = [ch for ch in nxt.children if ch.dep_ in ("dobj",)]
                    if objs:
                        subj = objs[0]
                if subj is not None:
                    break
                cur = nxt
                continue
            if cur.dep_ == "acl" and cur.tag_ == "VB" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj"):
                # "is taking action to impose", "took steps to deliver": the subject of the light verb
                gov = head.head if head.dep_ == "dobj" else head.head.head
                for ch in children(gov):
                    if ch.dep_ in ("nsubj", "nsubjpass"):
                        subj = ch
                        break
                break
            if cur.dep_ in ("relcl", "acl"):
                if cur.tag_ == "VBN" and cur.dep_ == "acl":
                    # "an attack launched by Iran": the noun is the object
                    obj = obj or head
                else:
                    subj = head
                break
            break
    if passive and agent is None:
        # passive without agent: the surface subject is the object
        return None, subj, None
    if passive:
        return subj, None, agent if agent is not None else None
    return subj, obj, agent

def pobj(prep: Token) -> Token | None:
    for ch in children(prep):
        if ch.dep_ in ("pobj", "pcomp"):
            return ch
    if prep.dep_ != "prep" or any(True for _ in children(prep)):
        return None
    # "gave shelter to two ministers hiding in ...": the parser makes the object the subject of a
    # reduced relative clause; the preposition is left bare
    doc = prep.doc
    for k in range(prep.i + 1, min(prep.i + 7, len(doc))):
        t = doc[k]
        if t.pos_ in ("DET", "NUM", "ADJ") or t.dep_ in ("compound", "amod", "nummod", "det"):
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "nsubj" and t.head.i > t.i and \
                t.head.tag_ in ("VBD", "VBN", "VBG"):
            return t
        break
    return None

def noun_phrase(tok: Token) -> str:
    left = min((t.i for t in subtree(tok) if t.dep_ in ("compound", "det", "amod", "nmod", "poss") or t.i == tok.i),
               default=tok.i)
    return tok.doc[left:tok.i + 1].text

def name_text(tok: Token) -> str:
    toks = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod") and t.pos_ in ("PROPN", "NOUN", "ADJ")]
    start = min([t.i for t in toks] + [tok.i])
    right = tok.i
    for t in tok.rights:
        if t.dep_ in ("flat",):
            right = max(right, t.i)
    return tok.doc[start:right + 1].text

