"""A RAG roll-up as the chair expects to see it: coloured chips with counts (red, amber,
green, not rated) and the overdue count in red — painted on a recommendation's line in the
plan tree, and as coloured dots in the plan's summary line.

The model's text for a line stays plain ("1.  [2 red · 1 amber]  Outcome") for search,
tooltips and screen readers; only the painting differs."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from boardroom.services.plans import RagRollup, SectionNode
from boardroom.storage.models import Rag
from boardroom.ui.colours import OVERDUE, rag_chip_text, rag_fill
from boardroom.ui.labels import label_of
from boardroom.ui.plan_model import NODE_ROLE, rollup_text

AnyIndex = QModelIndex | QPersistentModelIndex
_GAP = 6
_PAD = 7  # inside a chip, either side of its count


def rollup_chips(rollup: RagRollup) -> list[tuple[int, Rag]]:
    """The chips to draw, in the order the chair reads them; zero counts are left out."""
    counts = (
        (rollup.red, Rag.RED),
        (rollup.amber, Rag.AMBER),
        (rollup.green, Rag.GREEN),
        (rollup.not_rated, Rag.NOT_RATED),
    )
    return [(count, rag) for count, rag in counts if count]


def rollup_html(rollup: RagRollup) -> str:
    """ "● 2 red  ● 1 amber … 3 overdue" as rich text for a label, dots in the RAG colours."""
    if not rollup.total:
        return rollup_text(rollup)
    parts = [
        f'<span style="color:{rag_fill(rag.value).name()}">●</span>&nbsp;{count}&nbsp;'
        + label_of(rag).lower()
        for count, rag in rollup_chips(rollup)
    ]
    if rollup.overdue:
        late = QApplication.translate("PlanTreeModel", "{0} overdue").format(rollup.overdue)
        parts.append(f'<span style="color:{OVERDUE.css()}">{late}</span>')
    return " &nbsp; ".join(parts)


class SectionRowDelegate(QStyledItemDelegate):
    """Paints section rows; activity rows are drawn as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        node = index.data(NODE_ROLE)
        if not isinstance(node, SectionNode) or index.column() != 0:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(role)
        font = QFont(option.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, item.widget)
        x = rect.left() + 2
        x = self._text(painter, rect, x, f"{node.number}.", text_colour, metrics)
        chip_height = min(metrics.height(), rect.height() - 2)
        top = rect.top() + (rect.height() - chip_height) // 2
        rollup = node.rollup
        for count, rag in rollup_chips(rollup):
            width = metrics.horizontalAdvance(str(count)) + 2 * _PAD
            chip = QRect(x, top, width, chip_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(rag_fill(rag.value))
            painter.drawRoundedRect(chip, chip_height / 2, chip_height / 2)
            painter.setPen(rag_chip_text(rag.value))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, str(count))
            x += width + 4
        if rollup.overdue:
            late = self.tr("{0} overdue").format(rollup.overdue)
            colour = text_colour if selected else OVERDUE.color()
            x = self._text(painter, rect, x + _GAP - 4, late, colour, metrics)
        headline = node.outcome or node.recommendation
        remaining = QRect(x + _GAP, rect.top(), max(rect.right() - x - _GAP, 0), rect.height())
        painter.setPen(text_colour)
        painter.drawText(
            remaining,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            metrics.elidedText(headline, Qt.TextElideMode.ElideRight, remaining.width()),
        )
        painter.restore()

    @staticmethod
    def _text(
        painter: QPainter, rect: QRect, x: int, text: str, colour: QColor, metrics: QFontMetrics
    ) -> int:
        """Draw ``text`` at ``x`` and return where the next piece starts."""
        painter.setPen(colour)
        width = metrics.horizontalAdvance(text)
        painter.drawText(
            QRect(x, rect.top(), width + 1, rect.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        return x + width + _GAP
