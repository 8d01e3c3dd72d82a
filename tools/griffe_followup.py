"""A griffe extension for followup's API reference (loaded by mkdocs.yml).

Two things griffe cannot see by reading the source:

- attrs builds ``__init__`` at run time, so an attrs class has no signature and its
  ``Args:`` table no types or defaults (every parameter showed as *required*). This
  extension gives each attrs class an ``__init__`` made from ``attrs.fields``: names
  (the field's alias), keyword-only as declared, the annotation as written in the
  source (so names link), and the default as written (``attrs.field(default=...)``,
  ``factory=...``) or, failing that, its repr. griffe's Google parser then fills the
  table from these parameters; griffe-fieldz (listed after it) adds what is left.
- A private module constant or alias (``_NAME``, ``_Source``, a ``TypeVar`` ``_C``)
  in a signature says nothing to a reader and cannot be looked up. Each is replaced
  by what it stands for: a literal default by its value, an alias by its definition,
  a TypeVar by its bound; any other private default by ``...``.
"""

from __future__ import annotations

import ast
import enum
import re
from datetime import timedelta
from typing import Any

import attrs
from griffe import (
    Alias,
    Attribute,
    Class,
    Docstring,
    Expr,
    ExprCall,
    ExprKeyword,
    Extension,
    Function,
    Module,
    Object,
    ObjectNode,
    Parameter,
    ParameterKind,
    Parameters,
    dynamic_import,
    get_logger,
    parse_docstring_annotation,
)

logger = get_logger("griffe_followup")

_PRIVATE = re.compile(r"(?<![\w.])_[A-Za-z]\w*")
_LITERALS = (str, int, float, bool, type(None), bytes)


def _keyword(call: Expr | str | None, name: str) -> Expr | str | None:
    if isinstance(call, ExprCall):
        for argument in call.arguments:
            if isinstance(argument, ExprKeyword) and argument.name == name:
                return argument.value
    return None


def _is_attrs_field_call(value: Expr | str | None) -> bool:
    return isinstance(value, ExprCall) and str(value.function).split(".")[-1] in {"field", "ib", "attrib"}


def _default_of(member: Object | Alias | None, field: Any) -> str | Expr | None:
    """The default as the source writes it, else its repr, else None (required)."""
    if field.default is attrs.NOTHING:
        return None
    value = member.value if isinstance(member, Attribute) else None
    if isinstance(value, ExprCall) and not _is_attrs_field_call(value):
        value = None  # a helper that returns attrs.field(...): only the runtime knows
    if value is not None and not _is_attrs_field_call(value):
        return value
    if value is not None:
        written = _keyword(value, "default")
        if written is not None:
            if _is_attrs_factory(written):
                inner = _first_argument(written)
                return f"{inner}()" if inner is not None else written
            return written
        factory = _keyword(value, "factory")
        if factory is not None:
            return f"{factory}()"
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        name = getattr(field.default.factory, "__name__", "...")
        return f"{name}()"
    return _display(field.default)


def _display(value: Any) -> str:
    """Python a reader could type, for a default only the runtime knows."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        for unit, size in (("weeks", 604800), ("days", 86400), ("hours", 3600), ("minutes", 60)):
            if seconds and seconds % size == 0:
                return f"timedelta({unit}={seconds // size})"
        return f"timedelta(seconds={seconds})"
    if isinstance(value, (frozenset, set)):
        items = ", ".join(sorted(_display(v) for v in value))
        return f"{type(value).__name__}({{{items}}})" if items else f"{type(value).__name__}()"
    if isinstance(value, tuple):
        items = ", ".join(_display(v) for v in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    text = repr(value)
    return text.removeprefix("datetime.")


def _is_attrs_factory(value: Expr | str) -> bool:
    return isinstance(value, ExprCall) and str(value.function).split(".")[-1] == "Factory"


def _first_argument(call: Expr | str) -> Expr | str | None:
    if isinstance(call, ExprCall) and call.arguments:
        first = call.arguments[0]
        return None if isinstance(first, ExprKeyword) else first
    return None


def _module_of(obj: Object | Alias) -> Module:
    while not isinstance(obj, Module):
        assert obj.parent is not None
        obj = obj.parent
    return obj


class FollowupAPI(Extension):
    """Signatures for attrs classes; no private names in signatures."""

    def on_class_members(self, *, node: ast.AST | ObjectNode, cls: Class, **kwargs: Any) -> None:
        if isinstance(node, ObjectNode) or "__init__" in cls.members:
            return
        try:
            runtime = dynamic_import(cls.path)
        except ImportError:
            return
        if not (isinstance(runtime, type) and attrs.has(runtime)):
            return
        parameters = []
        # What __init__ accepts: attrs annotates a converted field's parameter with the
        # converter's own parameter type ("GB-SCT" for holidays, a list for a tuple field).
        accepts = getattr(runtime.__init__, "__annotations__", {})
        for field in attrs.fields(runtime):
            if not field.init:
                continue
            name = field.alias or field.name.lstrip("_")
            member = cls.members.get(field.name)
            annotation: str | Expr | None = member.annotation if isinstance(member, Attribute) else None
            if field.converter is not None and isinstance(accepts.get(name), str):
                annotation = _expression(accepts[name], cls)
            if annotation is None and field.type is not None:
                annotation = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", str(field.type))
            parameters.append(
                Parameter(
                    name,
                    annotation=annotation,
                    kind=ParameterKind.keyword_only if field.kw_only else ParameterKind.positional_or_keyword,
                    default=_default_of(member, field),
                )
            )
        # keyword-only after positional, as Python orders them in a signature
        parameters.sort(key=lambda p: p.kind is ParameterKind.keyword_only)
        init = Function(
            "__init__",
            parameters=Parameters(Parameter("self", kind=ParameterKind.positional_or_keyword), *parameters),
            returns="None",
            lineno=cls.lineno,
            endlineno=cls.lineno,
        )
        init.labels.add("attrs-generated")
        cls.set_member("__init__", init)

    def on_package(self, *, pkg: Module, **kwargs: Any) -> None:
        if pkg.name != "followup":
            return
        for obj in _walk(pkg):
            if isinstance(obj, Function):
                for function in (obj, *(obj.overloads or ())):
                    for parameter in function.parameters:
                        parameter.annotation = _public(parameter.annotation, obj)
                        parameter.default = _public_default(parameter.default, obj)
                    function.returns = _public(function.returns, obj)
            elif isinstance(obj, Attribute):
                obj.annotation = _public(obj.annotation, obj)
                if obj.value is not None and _PRIVATE.search(str(obj.value)):
                    obj.value = _public_default(obj.value, obj)
            if isinstance(obj, Class) and obj.docstring is not None:
                # griffe-fieldz writes the runtime annotation (a string) into the table.
                for section in obj.docstring.parsed:
                    for item in section.value if isinstance(section.value, list) else ():
                        if getattr(item, "annotation", None) is not None:
                            item.annotation = _public(item.annotation, obj)


def _expression(text: str, cls: Class) -> str | Expr:
    """An annotation written as text, as griffe's expression (its names link) if it parses."""
    try:
        from griffe import safe_get_annotation

        node = ast.parse(text, mode="eval").body
        return safe_get_annotation(node, parent=cls.parent) or text  # type: ignore[arg-type]
    except Exception:  # any parse failure: the text itself, still right, just not linked
        return text


def _walk(obj: Object) -> Any:
    yield obj
    for member in list(obj.members.values()):
        if isinstance(member, Alias) or member.parent is not obj:
            continue
        yield from _walk(member)


def _runtime_private(obj: Object, name: str) -> Any:
    module = _module_of(obj)
    try:
        return dynamic_import(f"{module.path}.{name}")
    except (ImportError, AttributeError):
        return attrs.NOTHING


def _public(annotation: str | Expr | None, obj: Object) -> str | Expr | None:
    """Replace private aliases and TypeVars in an annotation by what they stand for."""
    if annotation is None:
        return None
    text = str(annotation)
    if not _PRIVATE.search(text):
        return annotation
    module = _module_of(obj)

    def replace(match: re.Match[str]) -> str:
        name = match.group(0)
        member = module.members.get(name)
        runtime = _runtime_private(obj, name)
        bound = getattr(runtime, "__bound__", None)
        if runtime is not attrs.NOTHING and hasattr(runtime, "__constraints__"):  # a TypeVar
            return getattr(bound, "__name__", "Any") if bound is not None else "Any"
        if isinstance(member, Attribute) and member.value is not None:
            return f"({member.value})" if "|" in str(member.value) else str(member.value)
        return name.lstrip("_")

    new = _PRIVATE.sub(replace, text)
    try:
        return parse_docstring_annotation(new, Docstring("", parent=obj))
    except Exception:  # a plain string still reads correctly
        return new


def _public_default(default: str | Expr | None, obj: Object) -> str | Expr | None:
    """Replace a private constant in a default by its value when it is a literal."""
    if default is None or not _PRIVATE.search(str(default)):
        return default
    text = str(default)
    match = _PRIVATE.fullmatch(text)
    if match:
        runtime = _runtime_private(obj, text)
        if isinstance(runtime, _LITERALS):
            return repr(runtime)
        if isinstance(runtime, (timedelta, enum.Enum, frozenset, tuple)):
            return _display(runtime)
    logger.debug("private default %s in %s shown as ...", text, obj.path)
    return "..."
