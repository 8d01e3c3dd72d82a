"""[`KindInfo`][followup.registry.KindInfo] and [`ParamInfo`][followup.registry.ParamInfo], built on first use.

They describe step kinds (``followup steps``, ``registry.describe``); a command that only
schedules never makes one, and each attrs class costs its generated methods' compilation
at start-up. followup.registry exports them (PEP 562).
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["KindInfo", "ParamInfo"]


@attrs.frozen(kw_only=True)
class ParamInfo:
    """One parameter of a step kind.

    Attributes:
        name: The parameter (an attrs field of the step class).
        type: What it takes, in words (``"duration"``, ``"time of day"``, ...).
        default: The default, as data (``"3 months"``, ``"10:00"``), or ``None``.
        required: True when the parameter has no default.
        doc: The parameter's line from the class docstring's ``Args:``, if any.
    """

    __module__ = "followup.registry"  # its home: pickles and docs name it there

    name: str
    type: str
    default: Any = None
    required: bool = False
    doc: str = ""


@attrs.frozen(kw_only=True)
class KindInfo:
    """What ``followup steps`` shows about one step kind.

    Attributes:
        name: The kind's name (``"keep-in-touch"``).
        cls: The step class.
        path: Where the class lives, ``"module:QualName"``.
        distribution: The distribution that provides it (``"followup"`` for the
            built-ins), or ``None`` for a class registered in code.
        version: The distribution's version, when known.
        entry_point: The entry point (``"name = module:attr"``), for plugins.
        doc: The first line of the class docstring.
        params: The parameters, in the order of the class's fields.
    """

    __module__ = "followup.registry"  # its home: pickles and docs name it there

    name: str
    cls: type
    path: str
    distribution: str | None
    version: str | None = None
    entry_point: str | None = None
    doc: str = ""
    params: tuple[ParamInfo, ...] = ()
