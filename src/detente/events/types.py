"""Tables of codes the stages test against: PLOVER event types, CAMEO-style actor codes and sectors.

These are part of the coding scheme, not vocabulary (word lists live in ``data/words.yaml``).
"""

from __future__ import annotations

# international bodies: a meeting at or with one of these is multilateral
MULTI_IGO = frozenset({"UNO", "EUR", "NATO", "ASEAN", "APEC", "G7", "G20", "AU", "ARL", "OPEC", "BRICS", "SCO", "GCC",
                       "OSCE", "WTO", "IMF", "WB", "QUAD", "OAS"})
# international bodies that are no state's territory (no domestic act, no place-owner)
IGO_LIKE = frozenset({"UNO", "EUR", "NATO", "ASEAN", "APEC", "G7", "G20", "AU", "ARL", "OPEC", "ICC", "WTO", "IMF",
                      "WB"})
# sectors of actors that belong where the act happens when no nationality is given (police, protesters...)
DOMESTIC_SECTORS = frozenset({"COP", "CVL", "OPP", "REB", "JUD", "LEG", "MED", "BUS"})

# the mode of a request or refusal, by the type of what is requested or refused
REQUEST_MODE: dict[str, str] = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "RETREAT": "yield",
                                "CONCEDE": "yield", "AGREE": "change", "SUPPORT": "change"}
# the mode of a threat, by the (type, mode) of what is threatened
THREAT_MODE: dict[tuple[str, str | None], str] = {
    ("ASSAULT", None): "violence", ("MOBILIZE", None): "violence", ("SANCTION", None): "restrict",
    ("SANCTION", "expel"): "expel", ("SANCTION", "withdraw"): "relations", ("SANCTION", "discontinue"): "restrict",
    ("COERCE", None): "restrict", ("COERCE", "arrest"): "arrest", ("COERCE", "seize"): "territory",
    ("COERCE", "deport"): "expel",
}

# acts a condition on the other side does not turn into a threat ("will meet unless", "will help unless")
# hostile acts that, announced for when the other side acts ("will retaliate if"), are threats made now
RETALIATION_TYPES = frozenset({"SANCTION", "ASSAULT", "COERCE"})
ULTIMATUM_EXEMPT_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "THREATEN", "REQUEST"})
# acts aimed at the other side of the article's main dyad when the text names no target
# acts done by saying: a statement made at a meeting is dated by the meeting
SPEECH_ACT_TYPES = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN", "AGREE", "CONCEDE"})
DYADIC_TYPES = frozenset({"SANCTION", "REJECT", "ACCUSE", "THREATEN"})
# acts whose target may be the owner of their object ("condemned Russia's attack")
OWNER_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "AGREE", "CONCEDE", "COERCE"})
# acts whose agentless passive is the act of the state where it happened ("were arrested in Tehran")
PATIENT_PASSIVE_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION"})
# acts that need no other party (a curfew, a resignation, calling up reservists)
ONE_SIDED_TYPES = frozenset({"PROTEST", "RETREAT", "MOBILIZE", "CONCEDE", "COERCE"})
# acts of conflict: characterising one is an allegation, not mere disapproval
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION"})
# types a participle modifier can trigger ("sanctioned entities", "occupied territory")
AMOD_TYPES = frozenset({"SANCTION", "COERCE", "RETREAT", "AID", "MOBILIZE", "ASSAULT"})
# types whose target may be the place acted on ("strikes on Kharkiv")
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "MOBILIZE", "RETREAT", "COERCE", "AID", "SANCTION"})
# measures a body takes itself: asked of one of its own organs, they are its planned acts ("urged Congress to
# pass sanctions")
OWN_MEASURE_TYPES = frozenset({"SANCTION", "AID", "MOBILIZE"})
# what a protest is for ("to protest against", "to show their anger at", "in defiance of"): part of the protest
PURPOSE_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "PROTEST"})
# sectors of a state's own organs (a government, an army, a police force, a parliament, the courts)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
