"""Palette commands and how typed text picks one. Pure Python: no Qt, testable without a display.

A ``PaletteCommand`` is one thing the officer can do (acknowledge, dispatch, close…), with the
words that reach it (``"ack"``, ``"disp"``, ``"派警"``). ``match(commands, text)`` splits what
was typed into the words that chose a command and the argument after them
(``"disp U12"`` → dispatch with ``"U12"``) and ranks every command that fits:

1. exact keyword (``ack``; a Chinese keyword may be glued to its argument: ``派警U12``),
2. keyword prefix (``cl`` → ``close``),
3. leading typed words are prefixes of title words (``note`` → *Add note…*),
4. substring of the title (``备注`` → *添加备注…*),
5. subsequence of the title or a keyword (``dsp`` → *Dispatch units…*).

Within one kind, enabled commands come before disabled ones, then the closer fit, then the
recently run, then registration order. A disabled command is never ranked below a weaker fit
of another command: Enter must not run something the officer did not mean because the
command they did mean is unavailable (the palette says why instead).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"\S+")
_TITLE_WORD = re.compile(r"\w+")  # a run of Chinese characters counts as one word
_BONUS_MAX = 999


def _always() -> bool:
    return True


def _no_reason() -> str:
    return ""


@dataclass(frozen=True, kw_only=True)
class PaletteCommand:
    """One command of the palette. Keyword-only, e.g.::

        PaletteCommand(name="alarm.dispatch", title=tr("Dispatch units…"),
                       words=("dispatch", "disp", "派警"), shortcut="D",
                       run=dispatch, argument_hint=tr("unit callsigns"),
                       complete=complete_words(lambda: board.callsigns()))

    ``run(argument)`` gets what was typed after the keyword, stripped (``""`` if nothing).
    ``enabled()`` and ``why_disabled()`` are asked on every keystroke and again just before
    running, so they must be cheap. ``complete(argument)`` returns whole replacement
    arguments for Tab (``argument`` is as typed, trailing space kept: it means "a new word").
    """

    name: str  # stable id, e.g. "alarm.dispatch" (recent-use memory and tests use it)
    title: str  # translated label shown in the list
    words: tuple[str, ...] = ()  # typed keywords and aliases; may contain spaces
    shortcut: str = ""  # portable key text, e.g. "D" or "Ctrl+N"; shown, never bound here
    run: Callable[[str], object]
    enabled: Callable[[], bool] = field(default=_always, compare=False)
    why_disabled: Callable[[], str] = field(default=_no_reason, compare=False)
    argument_hint: str = ""  # e.g. "unit callsigns"; non-empty means the command takes one
    complete: Callable[[str], list[str]] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.name or self.name != self.name.strip() or " " in self.name:
            raise ValueError(f"palette command name must be a non-empty id: {self.name!r}")
        if not self.title.strip():
            raise ValueError(f"palette command {self.name} needs a title")
        if isinstance(self.words, str):  # ("disp") is a string, not a tuple: a classic slip
            raise TypeError(f"words of {self.name} must be a tuple of strings, not a string")
        words = tuple(" ".join(w.split()) for w in self.words)
        if any(not w for w in words):
            raise ValueError(f"palette command {self.name} has an empty word")
        object.__setattr__(self, "words", words)

    @property
    def takes_argument(self) -> bool:
        return bool(self.argument_hint) or self.complete is not None


class MatchKind(IntEnum):
    """How well typed text fits a command; a higher kind always ranks first."""

    ALL = 0  # nothing typed: every command is listed
    FUZZY = 1  # subsequence of the title or of a keyword
    SUBSTRING = 2  # substring of the title
    TITLE = 3  # typed words are prefixes of title words
    PREFIX = 4  # the first typed word is a prefix of a keyword
    EXACT = 5  # the first typed word(s) are a keyword


@dataclass(frozen=True)
class Match:
    """A command that fits the typed text, as ``match`` ranks it."""

    command: PaletteCommand
    argument: str  # the rest of the typed text after the words that chose the command
    score: float  # kind * 1000 + closeness (0..999); the list's order is what counts
    enabled: bool  # command.enabled() when matched
    kind: MatchKind = MatchKind.ALL
    reason: str = ""  # command.why_disabled() when not enabled
    head: str = ""  # the typed text up to the end of the words that chose the command


def fold(text: str) -> str:
    """``text`` as matching compares it: NFKC, case-folded."""
    # NFKC: full-width letters from a Chinese input method ("ｄｉｓｐ") match "disp".
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    norm: str


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class _Fit:
    kind: MatchKind
    bonus: float
    head_end: int  # index into the typed text where the argument starts


def _keyword_fit(text: str, tokens: list[_Token], words: Iterable[str]) -> _Fit | None:
    best: _Fit | None = None

    def offer(fit: _Fit) -> None:
        nonlocal best
        if best is None or (fit.kind, fit.bonus, fit.head_end) > (best.kind, best.bonus,
                                                                  best.head_end):
            best = fit

    for word in words:
        parts = fold(word).split()
        n = len(parts)
        if len(tokens) >= n and all(tokens[i].norm == parts[i] for i in range(n)):
            # Longer keywords win ("add note" over "add"): more of the text is explained.
            offer(_Fit(MatchKind.EXACT, min(_BONUS_MAX, 900 + n), tokens[n - 1].end))
            continue
        first = tokens[0]
        if n == 1 and not parts[0].isascii() and first.norm.startswith(parts[0]):
            # Chinese is typed without spaces: "派警U12" is the keyword "派警" and "U12".
            raw = text[first.start:first.end]
            for k in range(1, len(raw)):
                if fold(raw[:k]) == parts[0]:
                    offer(_Fit(MatchKind.EXACT, 900, first.start + k))
                    break
            continue
        # "add no" → the keyword "add note": all typed words but the last equal, the last a
        # prefix; the argument starts after them.
        for j in range(min(len(tokens), n)):
            if parts[j].startswith(tokens[j].norm) and all(
                    tokens[i].norm == parts[i] for i in range(j)):
                typed = sum(len(t.norm) for t in tokens[:j + 1])
                total = sum(len(p) for p in parts[:j + 1]) or 1
                offer(_Fit(MatchKind.PREFIX, 900 * typed / total, tokens[j].end))
    return best


def _title_prefix_fit(tokens: list[_Token], title_words: list[str]) -> _Fit | None:
    """The most leading typed words that are, in order, prefixes of title words."""
    best: _Fit | None = None
    position, first_hit = -1, -1
    for i, token in enumerate(tokens):
        hit = next((w for w in range(position + 1, len(title_words))
                    if title_words[w].startswith(token.norm)), None)
        if hit is None:
            break
        position = hit
        first_hit = hit if i == 0 else first_hit
        # Earlier title words are a better fit ("note" → "Notes…" before "Add note…").
        best = _Fit(MatchKind.TITLE, max(0, 900 - 30 * first_hit - (hit - first_hit)),
                    token.end)
    return best


def _substring_fit(tokens: list[_Token], title: str) -> _Fit | None:
    for k in range(len(tokens), 0, -1):
        phrase = " ".join(t.norm for t in tokens[:k])
        where = title.find(phrase)
        if where >= 0:
            return _Fit(MatchKind.SUBSTRING, max(0, 900 - 10 * where), tokens[k - 1].end)
    return None


def _subsequence_span(needle: str, haystack: str) -> tuple[int, int] | None:
    """First and last index of ``needle``'s characters found in order in ``haystack``."""
    first, at = -1, 0
    for ch in needle:
        at = haystack.find(ch, at)
        if at < 0:
            return None
        first = at if first < 0 else first
        at += 1
    return first, at - 1


def _fuzzy_fit(tokens: list[_Token], haystacks: list[str]) -> _Fit | None:
    for k in range(len(tokens), 0, -1):
        needle = "".join(t.norm for t in tokens[:k])
        spans = [(s, _subsequence_span(needle, s)) for s in haystacks]
        found = [(s, span) for s, span in spans if span is not None]
        if found:
            # Tighter is better: "dsp" in "dispatch" beats "d…s…p" spread over a title.
            bonus = max(900 - 10 * ((last - first + 1) - len(needle)) - 5 * first
                        for _s, (first, last) in found)
            return _Fit(MatchKind.FUZZY, max(0, bonus), tokens[k - 1].end)
    return None


def _fit(text: str, tokens: list[_Token], command: PaletteCommand) -> _Fit | None:
    keyword = _keyword_fit(text, tokens, command.words)
    if keyword is not None:
        return keyword
    title = " ".join(fold(command.title).split())
    return (_title_prefix_fit(tokens, _TITLE_WORD.findall(title))
            or _substring_fit(tokens, title)
            or _fuzzy_fit(tokens, [title.replace(" ", "")]
                          + [fold(w).replace(" ", "") for w in command.words]))


def availability(command: PaletteCommand) -> tuple[bool, str]:
    """``(enabled, why not)`` of ``command``; a check that raises counts as unavailable (and is
    logged): one broken pane must not break the palette for every other command."""
    try:
        if command.enabled():
            return True, ""
    except Exception:
        log.exception("enabled() of palette command %s failed", command.name)
        return False, ""
    try:
        return False, str(command.why_disabled() or "")
    except Exception:
        log.exception("why_disabled() of palette command %s failed", command.name)
        return False, ""


def match(commands: Iterable[PaletteCommand], text: str, *,
          recent: Sequence[str] = ()) -> list[Match]:
    """Every command that fits ``text``, best first (see the module's docstring).

    ``recent``: names of recently run commands, most recent first; a tie-break within equally
    good fits. Empty text lists every command, enabled first, in registration order.
    """
    commands = list(commands)
    tokens = _tokens(text)
    if not tokens:
        listed = []
        for command in commands:
            enabled, reason = availability(command)
            listed.append(Match(command, "", 0.0, enabled, MatchKind.ALL, reason, text))
        return sorted(listed, key=lambda m: not m.enabled)  # stable: registration order

    recency = {name: i for i, name in reversed(list(enumerate(recent)))}
    ranked: list[tuple[tuple[float, ...], Match]] = []
    for index, command in enumerate(commands):
        fit = _fit(text, tokens, command)
        if fit is None:
            continue
        enabled, reason = availability(command)
        bonus = round(min(_BONUS_MAX, fit.bonus), 1)
        found = Match(command, text[fit.head_end:].strip(), fit.kind * 1000 + bonus, enabled,
                      fit.kind, reason, text[:fit.head_end])
        key = (-fit.kind, not enabled, -bonus, recency.get(command.name, len(recency)), index)
        ranked.append((key, found))
    ranked.sort(key=lambda pair: pair[0])
    return [m for _key, m in ranked]


def complete_words(candidates: Callable[[], Iterable[str]]) -> Callable[[str], list[str]]:
    """A ``complete`` for arguments that are a list of words (unit callsigns, alarm ids): Tab
    completes the last word from ``candidates()`` (case-insensitive prefix, then substring),
    leaving out words already typed; after a trailing space it offers a new word."""

    def complete(argument: str) -> list[str]:
        words = argument.split()
        starts_new = not words or argument[-1:].isspace()
        done, last = (words, "") if starts_new else (words[:-1], words[-1])
        taken = {fold(w) for w in done}
        wanted = fold(last)
        pool = [c for c in dict.fromkeys(candidates()) if fold(c) not in taken]
        found = ([c for c in pool if fold(c).startswith(wanted)]
                 + [c for c in pool if wanted in fold(c) and not fold(c).startswith(wanted)])
        return [" ".join([*done, c]) for c in found]

    return complete
