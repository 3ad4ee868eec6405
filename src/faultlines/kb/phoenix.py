"""Read group blocks of the Phoenix/PETRARCH actor dictionaries (MIT) as raw alias material."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PHOENIX_FILES = ("data/phoenix/Phoenix.MilNonState.actors.txt", "data/phoenix/Phoenix.Countries.actors.txt")

# Words that mark an armed or political group name (as opposed to a person or a place).
GROUP_WORDS = frozenset(
    [
        "front",
        "army",
        "brigade",
        "brigades",
        "battalion",
        "battalions",
        "movement",
        "council",
        "forces",
        "force",
        "organization",
        "organisation",
        "group",
        "jihad",
        "jihadi",
        "mujahideen",
        "jabhat",
        "jaish",
        "jaysh",
        "liwa",
        "harakat",
        "ansar",
        "kataib",
        "katiba",
        "tanzim",
        "militia",
        "militias",
        "party",
        "alliance",
        "coalition",
        "committee",
        "union",
        "league",
        "legion",
        "faction",
        "commandos",
        "guard",
        "guards",
        "resistance",
        "liberation",
        "revolutionary",
        "rebels",
        "insurgents",
        "hezbollah",
        "hizb",
        "jamaat",
        "jemaah",
        "jamiat",
        "tehrik",
        "lashkar",
        "sipah",
        "fedayeen",
        "state",
        "islamic",
    ]
)
# Codes of armed non-state actors: rebels, insurgents, international militarised groups, militias.
ARMED_CODES = ("REB", "INS", "IMG", "UAF", "MIL")


@dataclass
class PhoenixBlock:
    """One dictionary entry: a primary name, its aliases and its CAMEO code."""

    name: str
    aliases: list[str] = field(default_factory=list)
    code: str = ""


def phoenix_name(raw: str) -> str:
    """``"AL-NUSRA_FRONT_"`` -> ``"AL-NUSRA FRONT"``."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def _entries(path: Path) -> Iterator[PhoenixBlock]:
    block: PhoenixBlock | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        code = re.search(r"\[([A-Z~]{3,})[^\]]*\]", line)
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if line.startswith("+") and block is not None:
            block.aliases += [phoenix_name(part) for part in text.split("+") if part.strip()]
        elif text and not line.startswith((" ", "\t")):
            if block is not None:
                yield block
            block = PhoenixBlock(phoenix_name(text))
        if code and block is not None:
            block.code = code.group(1)
    if block is not None:
        yield block


def read_phoenix_groups(shared: Path) -> Iterator[PhoenixBlock]:
    """Yield the armed-group blocks (rebel, insurgent, militant codes) whose name looks like a group."""
    for rel in PHOENIX_FILES:
        path = shared / rel
        if not path.exists():
            continue
        for block in _entries(path):
            if len(block.code) <= 3 or not any(c in block.code[3:] for c in ARMED_CODES):
                continue
            if looks_like_group(block.name):
                yield block


def looks_like_group(name: str) -> bool:
    """Whether a name contains a group word (so it is not a person, a place or a generic noun)."""
    words = set(re.split(r"[\s\-']+", name.lower()))
    return bool(words & GROUP_WORDS)
