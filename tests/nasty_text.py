"""Text as it really arrives: pasted from Word, Outlook, PDFs and terminals, typed in other
scripts, or absurdly long — the strategies the bad-input tests draw from.

Examples stay modest so the whole campaign runs in well under a minute in CI; each test
also pins the named horrors with ``@example`` so they are tried on every run, whatever
hypothesis draws.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# What other programs put into text: Word's vertical tab (a manual line break) and form feed
# (a page break), NUL and escape sequences, byte-order and non-characters, bidirectional
# controls, zero-width joiners, combining marks, emoji with skin tones, Arabic and Hebrew,
# markup and formula look-alikes.
HORRORS = (
    "\v",
    "\f",
    "\x00",
    "\x01",
    "\x08",
    "\x1b[31m",
    "\x7f",
    "\r\n",
    "\r",
    "\t",
    "\n\n",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u200d",
    "\u200b",
    "e\u0301",
    "😀",
    "👩🏽‍⚖️",
    "🇬🇧",
    "مرحبا بالعالم",
    "שלום עולם",
    "Ωμέγα",
    "漢字",
    "&amp; <b>bold</b> \"quoted\" 'single'",
    "]]>",
    '=HYPERLINK("http://x")',
    "+44 151 606 2000",
    "@SUM(A1)",
    ";,\\",
    "BEGIN:VEVENT",
    "END:VCALENDAR",
    "--boundary",
    "=?utf-8?q?x?=",
)

# A pasted note of about 100,000 characters, with the line breaks Word gives it.
LONG_NOTE = ("The Board discussed the report at length.\vIt asked for more.\f" * 1700)[:100_000]

nasty_text = st.lists(
    st.one_of(st.sampled_from(HORRORS), st.text(max_size=12)), min_size=1, max_size=6
).map("".join)

# One place to tune the campaign: deterministic (the same examples on every run, so CI
# never flakes), no example database in the checkout, and no deadline for the slower
# exports on a busy CI machine.
campaign = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
