"""Pages of a long list: one shared mechanism for every table that can grow to hundreds of rows
(the change log, the business-case lines of a scenario, the BIA roadmap effect, ...).

A page number comes from the query string and is clamped to the pages there are, so an old or
hand-made link (``?page=99``) shows the last page instead of an empty table. Pure: the view
passes the number in; ``templates/macros/paging.html`` renders the links.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

T = TypeVar("T")


def page_count(total: int, size: int) -> int:
    return max((total + size - 1) // size, 1)


def clamp(number: int | None, total: int, size: int) -> int:
    return min(max(number or 1, 1), page_count(total, size))


def page_number(position: int, size: int) -> int:
    """The page on which the item at 0-based ``position`` (of all items) is shown."""
    return position // size + 1


def other_args(args: Mapping[str, str]) -> dict[str, str]:
    """The query string without its page number: what the pager's links carry along (the
    filters of the table)."""
    return {key: value for key, value in args.items() if key != "page"}


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    number: int  # 1-based
    size: int
    total: int  # items on all pages together

    @property
    def pages(self) -> int:
        return page_count(self.total, self.size)

    @property
    def first(self) -> int:
        """1-based position of the first item on this page (0 when there are none)."""
        return (self.number - 1) * self.size + 1 if self.items else 0

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1 if self.items else 0

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    def with_items(self, items: list) -> Page:
        """The same page with other items in it (e.g. the shown rows worked out further)."""
        return replace(self, items=list(items))


def paginate(items: Sequence[T], number: int | None, size: int) -> Page[T]:
    """The page ``number`` of a list that is already in memory."""
    number = clamp(number, len(items), size)
    start = (number - 1) * size
    return Page(list(items[start:start + size]), number, size, len(items))


def page_of(items: list[T], number: int, size: int, total: int) -> Page[T]:
    """A page whose items were fetched with OFFSET/LIMIT (``total`` counted separately)."""
    return Page(list(items), clamp(number, total, size), size, total)
