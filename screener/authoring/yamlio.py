"""Rubric mappings to clean YAML with a header comment, and back (the editor and the drafts write through here)."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import yaml

from ..rubric import LEVEL_NAMES, Rubric

_ORDER = ["role", "description", "version", "competencies", "degree", "licence", "evidence", "knockout"]
_COMP_ORDER = ["name", "description", "skills", "aliases", "weight", "required_level", "must_have", "min_years"]


def rubric_mapping(rubric: Rubric) -> dict[str, Any]:
    """The canonical mapping of a validated rubric, in the order a person reads it, defaults left out."""
    data = rubric.model_dump(exclude_defaults=True)
    data["role"] = rubric.role
    data["competencies"] = [c.model_dump(exclude_defaults=True) | {"name": c.name, "weight": c.weight}
                            for c in rubric.competencies]
    return _ordered(data)


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    out = {k: data[k] for k in _ORDER if k in data}
    out.update({k: v for k, v in data.items() if k not in out})
    comps = []
    for c in out.get("competencies") or []:
        if isinstance(c, dict):
            cc = {k: c[k] for k in _COMP_ORDER if k in c and c[k] not in (None, [], "")}
            cc.update({k: v for k, v in c.items() if k not in cc and k not in _COMP_ORDER})
            if isinstance(cc.get("weight"), float) and cc["weight"].is_integer():
                cc["weight"] = int(cc["weight"])
            if isinstance(cc.get("required_level"), int) and cc["required_level"] in LEVEL_NAMES:
                cc["required_level"] = LEVEL_NAMES[cc["required_level"]]
            comps.append(cc)
        else:
            comps.append(c)
    if "competencies" in out:
        out["competencies"] = comps
    return out


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # never write anchors: the loader limits them
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def rubric_yaml(data: dict[str, Any], *, header: list[str] | None = None, today: date | None = None) -> str:
    """YAML text of a rubric mapping, with a header comment (one ``#`` line per entry of ``header``)."""
    lines = [f"# Rubric: {data.get('role', '')}".rstrip()]
    lines += [f"# {h}".rstrip() for h in (header or [])]
    lines += ["# Levels: none · aware · working · proficient · expert. Weights are shares of their sum.",
              f"# Check it with: python -m screener rubric check FILE   (written {(today or date.today()).isoformat()})"]
    body = yaml.dump(_ordered(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)
    return "\n".join(_comment_safe(line) for line in lines) + "\n\n" + body


def _comment_safe(line: str) -> str:
    """One comment line: no line breaks (\\r, \\x85, U+2028 …) or control characters YAML refuses."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs") else ch for ch in line)


__all__ = ["rubric_mapping", "rubric_yaml"]
