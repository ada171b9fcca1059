"""Word plans built like the 2019 Ofsted Improvement Plan, for the import tests."""

from __future__ import annotations

from pathlib import Path

import docx

HEADERS = ("No.", "Planned activity", "Desired Outcome", "Target Date", "Lead", "Measure")
LEAD_1 = "Joe Banham, Head of Quality and Safeguarding"


def plan_table(document, rows, *, header=True, leading_column=False):
    """A table with the seed plan's columns; ``leading_column`` adds a stray first column."""
    width = len(HEADERS) + leading_column
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells[leading_column:], HEADERS, strict=True):
            cell.text = text
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, ("-", *values) if leading_column else values, strict=True):
            cell.text = text
    return table


def build_seed_like_plan(path: Path, *, version: int = 1) -> Path:
    """A plan laid out like the 2019 Ofsted plan: a cover, then per recommendation the
    outcome, "Ofsted improvement action N" with the recommendation, and its table(s)."""
    document = docx.Document()
    document.core_properties.title = "Ofsted Improvement Plan"
    document.add_heading("Ofsted Improvement Plan Wirral", 0)
    document.add_paragraph("October 2019")
    document.add_paragraph("1. Introduction")
    document.add_paragraph(
        "In June 2019, Ofsted inspection of local authority children's services…"
    )
    # Section 1: outcome, then marker with the recommendation after a colon.
    document.add_paragraph(
        "Children's daily lived experience will be at the centre of assessment and planning"
    )
    document.add_paragraph(
        "Ofsted Improvement action 1: Improve quality of analysis within social work assessments"
    )
    first = plan_table(
        document,
        [
            (
                "1.1",
                "Undertake independent, in-depth review of the SFEF practice model",
                "Clear evidence that the SFEF model is having the impact required.",
                "March 2020",
                "Simone White, Deputy Director",
                "Quarterly evaluation reports",
            ),
            ("", "", "", "", "", ""),  # a blank row
            (
                "1.2",
                "Roll-out of full second wave training of SFEF practice model for Team",
                "All senior managers will understand",
                "March 2020",
                LEAD_1,
                "No' of practitioners trained",
            ),
        ],
    )
    # a merged Lead cell across Lead and Measure in the first item's row
    first.cell(1, 4).merge(first.cell(1, 5)).text = "Simone White, Deputy Director"
    document.add_page_break()
    # The page break split 1.2: its text continues in the first row of a headerless table.
    activity_3 = (
        "Quality assurance review of assessments and plans"
        if version == 1
        else "Quality assurance review of assessments, plans and reviews"
    )
    plan_table(
        document,
        [
            ("", "Managers, Heads of Services and practitioners.", "", "", "", ""),
            (
                "1.3",
                activity_3,
                "Accurate understanding of key learning",
                "January 2020",
                LEAD_1,
                "% of good audits",
            ),
        ],
        header=False,
    )
    # Section 2: outcome, marker on its own line, recommendation on the next line.
    document.add_paragraph(
        "Early and effective planning to adulthood will enable young people to be independent"
    )
    document.add_paragraph("Ofsted improvement action 2")
    document.add_paragraph(
        "Improve the timeliness and quality of transition arrangements for young people"
    )
    plan_table(
        document,
        [
            (
                "2.1",
                "Develop a clear tracking system",
                "Transition arrangements are robust",
                "December 2019",
                "Eifion Burke, Head of Permanence",
                "No's of children",
            ),
        ],
    )
    document.add_page_break()
    # After the break a stray leading column and stray characters in the number column.
    rows = [
        (
            "2.4-",
            "Full commissioning review of 16-18 Panel",
            "Decisions at Panel are appropriate",
            "January 2020",
            "Anne-Marie Carney, Commissioning Manager",
            "Recommendations from review",
        ),
        (
            "- 2.5",
            "Ensure that joint funding decisions are clearly communicated",
            "Children's care needs are jointly commissioned",
            "Ongoing",
            "Anne-Marie Carney, Commissioning Manager",
            "No' of cases",
        ),
        (
            "2.6",
            "Review of the commission of the All Age Disability Service",
            "Senior leaders understand transition",
            "2020/21",
            "Simone White",
            "No' of children",
        ),
    ]
    if version == 2:
        rows.append(
            (
                "2.7",
                "Review the current assessment procedures and pathways",
                "Adult Services assess young people appropriately",
                "December 2019",
                "Lynn Campbell",
                "No' of young people",
            )
        )
    plan_table(document, rows, header=False, leading_column=True)
    document.save(path)
    return path
