"""Files shipped with the app (icons, templates, sample data), found the same way whether
Boardroom runs from a checkout, an installed wheel or a frozen bundle."""

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any


def resource(*parts: str) -> Traversable:
    return files("boardroom.resources").joinpath(*parts)


def sample_data(name: str = "improvement_board.json") -> dict[str, Any]:
    return json.loads(resource("sample", name).read_text(encoding="utf-8"))
