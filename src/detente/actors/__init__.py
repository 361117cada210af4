"""Actor recognition and resolution: who is who in an article (country, sector, role).

The lexicons live in ``detente/data/actors/*.yaml``; :func:`load_actor_lexicon` loads and checks them.
"""

from .lexicon import (
    CONTEXTS,
    ORG_CODES,
    SECTORS,
    ActorInfo,
    ActorLexicon,
    RoleInfo,
    load_actor_lexicon,
    normalise,
)

__all__ = [
    "CONTEXTS",
    "ORG_CODES",
    "SECTORS",
    "ActorInfo",
    "ActorLexicon",
    "RoleInfo",
    "load_actor_lexicon",
    "normalise",
]
