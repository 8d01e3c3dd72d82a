"""Reading tone rules from TOML: the built-in ``rules/<language>.toml`` or a user's file.

A rules file is a list of ``[[rule]]`` tables plus a ``[macros]`` table of named
regular-expression fragments. The loader expands ``{NAME}`` to the macro (macros
may use macros) and joins a rule's ``match`` alternatives. It returns plain
keyword arguments for [`followup.tone.Rule`][followup.tone.Rule], which applies `wrappable`
to the patterns of wrapped rules (the default) when it compiles them, so a
phrase that a hard-wrapped draft splits across two lines is still found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from followup.errors import ValidationError

_MACRO = r"\{([A-Z][A-Z0-9_]*)\}"
_NEAR_CLASS = "[^.!?\\n]"
# Cheap to compile (the first check compiles every rule): the rule drops any match
# that spans a blank line, so these need not exclude one themselves.
_NEAR_WRAPPED = "[^.!?]"
_SPACE_WRAPPED = r"(?:\s+)"
_FIELDS = {
    "id",
    "category",
    "severity",
    "message",
    "suggestion",
    "match",
    "unless",
    "channels",
    "case_sensitive",
    "check",
    "supersedes",
    "unless_draft",
    "when_draft",
    "wrap",
}


def wrappable(pattern: str) -> str:
    """Let a pattern match a phrase that a hard-wrapped draft splits across lines.

    A literal space outside a character class becomes any run of whitespace,
    and ``[^.!?\\n]`` (used for "within the sentence") may cross a line break.
    [`followup.tone.Rule`][followup.tone.Rule] drops a match of a wrapped rule that spans a
    blank line, so neither crosses a paragraph.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if not in_class and pattern.startswith(_NEAR_CLASS, i):
            out.append(_NEAR_WRAPPED)
            i += len(_NEAR_CLASS)
            continue
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            prefix = "[^" if pattern.startswith("[^", i) else "["
            out.append(prefix)
            i += len(prefix)
            continue
        elif char == " ":
            out.append(_SPACE_WRAPPED)
            i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


def expand(pattern: str, macros: Mapping[str, str], where: str) -> str:
    """Replace every ``{NAME}`` with its macro, recursively.

    Raises:
        ValidationError: A name is not a macro, or macros refer to each other in a loop.
    """
    macro = re.compile(_MACRO)
    for _ in range(20):
        names = set(macro.findall(pattern))
        if not names:
            return pattern
        unknown = sorted(names - set(macros))
        if unknown:
            known = ", ".join(sorted(macros)) or "none"
            raise ValidationError(
                "match",
                pattern,
                f"macros defined in [macros] for {where} (unknown: "
                f"{', '.join(unknown)}; known: {known})",
            )
        pattern = macro.sub(lambda m: macros[m.group(1)], pattern)
    raise ValidationError("macros", pattern, f"macros without a loop ({where})")


def _strings(value: Any, field: str, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return value
    raise ValidationError(field, value, f"a string or a non-empty list of strings ({where})")


def _join(patterns: list[str]) -> str:
    return patterns[0] if len(patterns) == 1 else "|".join(f"(?:{p})" for p in patterns)


def parse(
    text: str,
    *,
    source: str,
    checks: Mapping[str, Callable[[Iterable[str]], Any]],
    acronyms: Iterable[str],
    fact_checks: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Parse a rules file into keyword arguments for ``Rule``.

    Args:
        text: The TOML text.
        source: Where it came from, for error messages.
        checks: The check functions a rule may name, as factories.
        acronyms: Passed to the check factories (the shouting check uses them).
        fact_checks: The names of the checks that take the facts as a fourth argument.

    Returns:
        One dict per ``[[rule]]``, in file order.

    Raises:
        ValidationError: The TOML is malformed, or a rule or macro is not valid.
    """
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError("rules", source, f"a valid TOML rules file ({exc})") from exc
    fact_checks = frozenset(fact_checks)
    macros = data.get("macros", {})
    if not isinstance(macros, dict) or not all(isinstance(v, str) for v in macros.values()):
        raise ValidationError("macros", macros, f"a table of strings ({source})")
    rules = data.get("rule", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise ValidationError("rule", rules, f"[[rule]] tables ({source})")
    out = []
    for n, rule in enumerate(rules, 1):
        where = f"rule {rule.get('id', n)!r} in {source}"
        extra = sorted(set(rule) - _FIELDS)
        if extra:
            raise ValidationError(
                "rule", extra[0], f"one of the rule fields {', '.join(sorted(_FIELDS))} ({where})"
            )
        kwargs: dict[str, Any] = {
            k: rule[k]
            for k in ("id", "category", "severity", "message", "suggestion", "case_sensitive")
            if k in rule
        }
        wrap = rule.get("wrap", True)
        if not isinstance(wrap, bool):
            raise ValidationError("wrap", wrap, f"true or false ({where})")
        kwargs["wrap"] = wrap
        for key, field in (
            ("match", "pattern"),
            ("unless", "unless"),
            ("unless_draft", "unless_draft"),
            ("when_draft", "when_draft"),
        ):
            if key in rule:
                kwargs[field] = _join(
                    [expand(p, macros, where) for p in _strings(rule[key], key, where)]
                )
        if "channels" in rule:
            kwargs["channels"] = _strings(rule["channels"], "channels", where)
        if "supersedes" in rule:
            kwargs["supersedes"] = _strings(rule["supersedes"], "supersedes", where)
        if "check" in rule:
            name = rule["check"]
            if name not in checks:
                raise ValidationError(
                    "check",
                    name,
                    f"one of the built-in checks {', '.join(sorted(checks))} ({where})",
                )
            kwargs["check"] = checks[name](acronyms)
            kwargs["with_facts"] = name in fact_checks
        out.append(kwargs)
    return out
