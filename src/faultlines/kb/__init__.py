"""The actor knowledge base: canonical actors, their names, renames and leaders.

``default_kb()`` loads the packaged KB (built by ``scripts/build_kb.py`` from UCDP, Phoenix,
GeoNames and the hand-kept ``data/actors/curated.json``).
"""

from faultlines.kb.actor_kb import ActorKB, default_kb
from faultlines.kb.model import KINDS, Actor
from faultlines.kb.normalise import normalise_alias
from faultlines.kb.states import state_id

__all__ = ["KINDS", "Actor", "ActorKB", "default_kb", "normalise_alias", "state_id"]
