"""Reading a plan's target dates the way the plan writes them."""

from datetime import date

import pytest

from boardroom.services.plans import parse_target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 2020", date(2020, 3, 31)),
        ("December 2019", date(2019, 12, 31)),
        ("Feb 2020", date(2020, 2, 29)),
        ("31/01/2020", date(2020, 1, 31)),
        ("Ongoing", None),
        ("2020/21", None),
        ("", None),
        ("Quarterly", None),
    ],
)
def test_parse_target(text, expected):
    assert parse_target(text) == expected
