"""One column at a time, for a narrow window.

Below COMPACT_BELOW pixels wide (half of a 1366 x 768 laptop's screen, or 1920 x 1080
at 300%) the diagram, the conditions and the details do not fit side by side: each would
be a strip with its words cut. Tabs above the columns then show one of them at a time,
at the window's whole width. Widened again, the window has its columns side by side as
they were (the splitter's saved state keeps a hidden column's size, so a restart does too).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabBar, QWidget

COMPACT_BELOW = 700  # pixels of window width: narrower shows one column at a time
PANES = ("Diagram", "Conditions", "Details")  # the splitter's columns, in order
DIAGRAM, CONDITIONS, DETAILS = range(len(PANES))


class PaneTabs(QTabBar):
    """The tabs that choose the column a narrow window shows (hidden while it is wide)."""

    def __init__(self, splitter: QSplitter, entries: tuple[QWidget, ...],
                 pane: int = DIAGRAM) -> None:
        """`entries`: for each column, the widget that takes the keyboard from a column
        that had it as it goes out of view."""
        super().__init__()
        self.splitter = splitter
        self.entries = entries
        self.compact = False
        self._wide = splitter.saveState()  # the columns' sizes while they are side by side
        for name in PANES:
            self.addTab(name)
        self.setExpanding(True)
        self.setDocumentMode(True)
        self.setAccessibleName("Shown pane")
        self.setCurrentIndex(pane)
        self.currentChanged.connect(self._show_current)
        self.hide()

    def fit(self, compact: bool) -> None:
        """Show the columns side by side, or (`compact`) the current tab's alone."""
        if compact == self.compact:
            return
        if compact:
            self._wide = self.splitter.saveState()
        self.compact = compact
        self.setVisible(compact)
        if compact:
            focused = self.window().focusWidget()  # the column being read stays in view
            pane = self.pane_of(focused) if focused is not None else -1
            if pane >= 0 and pane != self.currentIndex():
                self.setCurrentIndex(pane)  # shows it
            else:
                self._show_current()
        else:
            for index in range(self.splitter.count()):
                self.splitter.widget(index).show()
            self.splitter.restoreState(self._wide)

    def show_pane(self, pane: int) -> None:
        """Bring `pane` into view where one column shows at a time."""
        if self.compact:
            self.setCurrentIndex(pane)

    def pane_of(self, widget: QWidget) -> int:
        """The column (its tab's index) that holds `widget`, or -1."""
        return next((index for index in range(self.splitter.count())
                     if self.splitter.widget(index).isAncestorOf(widget)), -1)

    def _show_current(self) -> None:
        if not self.compact:
            return
        focused = self.window().focusWidget()  # also while another window is active
        shown = self.currentIndex()
        self.splitter.widget(shown).show()
        for index in range(self.splitter.count()):
            column = self.splitter.widget(index)
            if index != shown:
                if focused is not None and column.isAncestorOf(focused):
                    self.entries[shown].setFocus(Qt.FocusReason.OtherFocusReason)
                column.hide()
