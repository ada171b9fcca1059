"""How a person's name is written wherever Boardroom shows it: the honorific, then the name
("Cllr Janette Williamson"), or the name alone when there is no honorific.

One function, because the same name is built from ORM people, from rows read with Core on
the start-up path and from the People page's rows, and all must read alike.
"""


def display_name(title: str, name: str) -> str:
    return f"{title} {name}".strip()
