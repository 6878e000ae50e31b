"""Keywords of the participants' visions, and what they share.

A participant's keywords are the list typed by the user (separated by commas or semicolons)
when there is one; otherwise the words of the vision text: lower case, letters only (accents and
hyphens kept), at least three letters, minus a short Dutch and English stop-word list. The
comparison says which keywords every participant has, which some share, and which are only one
participant's own. Pure Python, no Flask.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
STOP_WORDS = frozenset("""
aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doen door dus
een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets
ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu
of om omdat ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor want
waren was wat we wel werd wezen wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder
zou elke iedere waar waarin waarbij goed goede beter meest onze jaar jaren steeds
the and for with our are that this from will into all can more their they them have has been
its who what when which while also each every than then there these those was were your you
not but out about over under such only very much many most other some any both own same
""".split())
MIN_LENGTH = 3


def split_typed(text: str) -> list[str]:
    parts = re.split(r"[,;\n]", text or "")
    return [" ".join(p.split()).casefold() for p in parts if p.strip()]


def keywords(text: str, typed: str = "", limit: int = 12) -> list[str]:
    """The typed keywords, or the most frequent content words of the text (ties: first seen)."""
    chosen = split_typed(typed)
    if chosen:
        return list(dict.fromkeys(chosen))
    words = [w.casefold() for w in WORD.findall(text or "")]
    words = [w for w in words if len(w) >= MIN_LENGTH and w not in STOP_WORDS]
    counts = Counter(words)
    order = {w: i for i, w in reversed(list(enumerate(words)))}
    ranked = sorted(counts, key=lambda w: (-counts[w], order[w]))
    return ranked[:limit]


@dataclass
class Comparison:
    shared_by_all: list[str] = field(default_factory=list)
    shared_by_some: dict[str, list[str]] = field(default_factory=dict)  # keyword → who
    own: dict[str, list[str]] = field(default_factory=dict)  # who → keywords only they have


def compare(keywords_by_name: dict[str, list[str]]) -> Comparison:
    """Which keywords every participant has, which two or more share, and each one's own."""
    named = {name: list(dict.fromkeys(words)) for name, words in keywords_by_name.items()
             if words}
    result = Comparison(own={name: [] for name in named})
    if not named:
        return result
    holders: dict[str, list[str]] = {}
    for name, words in named.items():
        for word in words:
            holders.setdefault(word, []).append(name)
    for word, who in holders.items():
        if len(named) > 1 and len(who) == len(named):
            result.shared_by_all.append(word)
        elif len(who) > 1:
            result.shared_by_some[word] = who
        else:
            result.own[who[0]].append(word)
    return result
