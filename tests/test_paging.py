"""The shared paging of long tables (workplace_planner/paging.py)."""

from workplace_planner.paging import other_args, page_number, paginate


def test_a_list_is_cut_into_pages_and_the_positions_are_counted_from_one():
    page = paginate(list(range(250)), 2, 100)
    assert page.items == list(range(100, 200))
    assert (page.number, page.pages, page.first, page.last, page.total) == (2, 3, 101, 200, 250)
    assert page.has_previous and page.has_next


def test_a_page_past_the_end_or_before_the_start_shows_the_nearest_page():
    assert paginate(list(range(250)), 99, 100).items == list(range(200, 250))
    assert paginate(list(range(250)), 0, 100).number == 1
    assert paginate(list(range(250)), None, 100).number == 1


def test_an_empty_list_is_one_empty_page():
    page = paginate([], 3, 50)
    assert (page.items, page.number, page.pages, page.first, page.last) == ([], 1, 1, 0, 0)
    assert not page.has_previous and not page.has_next


def test_the_page_of_an_item_follows_from_its_position():
    assert [page_number(p, 100) for p in (0, 99, 100, 249)] == [1, 1, 2, 3]


def test_the_pager_links_carry_the_filters_but_not_the_page():
    assert other_args({"page": "3", "level": "high", "owner": "ICT"}) == {
        "level": "high", "owner": "ICT"}
