"""What the structure stage knows of page layout: genre labels (knowledge/genres.txt,
`variant => Canonical`) and page-furniture line patterns (knowledge/furniture.txt)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .files import data_path, read_data_lines


@dataclass(frozen=True)
class LayoutWords:
    genres: dict[str, str]  # lower-case variant -> canonical label
    furniture: tuple[re.Pattern[str], ...]

    @classmethod
    def load(cls) -> LayoutWords:
        genres: dict[str, str] = {}
        for line in read_data_lines(data_path("genres.txt")):
            variant, _, canonical = line.partition("=>")
            genres[variant.strip().lower()] = (canonical or variant).strip()
        furniture = tuple(re.compile(rf"(?:{p})", re.IGNORECASE) for p in read_data_lines(data_path("furniture.txt")))
        return cls(genres, furniture)
