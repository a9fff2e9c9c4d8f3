"""A keyboard- and screen-reader-friendly list of the regions, mirroring the diagram.

Space or Enter ticks the current region; digits and +/- set its pain level, Delete takes
the level away and Escape clears every region, as in the diagram. The current row follows
the region the diagram's keyboard is on, so moving from one to the other keeps the place.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from explorer.model import Content
from explorer.ui.dialogs import plain_tip
from explorer.ui.selection import PainKeys, Selection

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
INACTIVE_ROW = "#dbe8f4"  # the keyboard's row while the focus is elsewhere


class RegionList(QListWidget):
    def __init__(self, content: Content, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self._syncing = False
        self._pain_keys = PainKeys()
        self.setAccessibleName("Painful regions")
        self.setAccessibleDescription("Space or Enter ticks a region; digits 0-10 set its "
                                      "pain level, Delete takes it away; Escape clears "
                                      "them all.")
        for region in content.regions.values():
            item = QListWidgetItem(region.name)
            item.setData(Qt.ItemDataRole.UserRole, region.id)
            item.setData(NAME_ROLE, region.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(plain_tip(region.description))
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, region.description)
            self.addItem(item)
        self._fit_height()
        # the row the keyboard is on, while the list has not the focus: a light mark, not
        # the dark highlight that reads as "selected" beside an unticked box
        palette = self.palette()
        palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight,
                         QColor(INACTIVE_ROW))
        palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.HighlightedText,
                         palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text))
        self.setPalette(palette)
        self.itemChanged.connect(self._on_item_changed)
        selection.regions_changed.connect(self._on_selection_regions_changed)
        selection.region_focused.connect(self.set_current_region)
        self._on_selection_regions_changed()

    def _fit_height(self) -> None:
        """Exactly tall enough for every region, at any text size (clinic mode's too)."""
        rows = sum(self.sizeHintForRow(row) for row in range(self.count()))
        self.setFixedHeight(rows + 2 * self.frameWidth() + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        typing = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        if item is not None and not event.modifiers() & ~typing:  # not a shortcut
            region = item.data(Qt.ItemDataRole.UserRole)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # ticks as in the diagram (the list's own Enter only "activates" a row)
                self._selection.toggle_region(region, additive=True)
                event.accept()
                return
            if self._pain_keys.clears(event.key()):
                self._selection.clear_intensity(region)
                event.accept()
                return
            level = self._pain_keys.level(event.key(), region,
                                          self._selection.intensities.get(region, 0))
            if level is not None:
                self._selection.set_intensity(region, level)
                event.accept()
                return
        if event.key() == Qt.Key.Key_Escape and self._selection.regions:
            self._selection.clear_regions()  # as in the diagram; with none, Escape goes on
            event.accept()
            return
        super().keyPressEvent(event)

    def region_item(self, region: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == region:
                return item
        return None

    def current_region(self) -> str:
        """The region on the keyboard's row, or "" before there is one."""
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def set_current_region(self, region: str) -> None:
        """The keyboard's row on this region (if the list has it): the row follows the
        diagram's keyboard, and stays where it was after a reload."""
        item = self.region_item(region)
        if item is not None and item is not self.currentItem():
            self.setCurrentItem(item)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._syncing:
            return
        region = item.data(Qt.ItemDataRole.UserRole)
        checked = item.checkState() == Qt.CheckState.Checked
        if checked != (region in self._selection.regions):
            self._selection.toggle_region(region, additive=True)

    def _on_selection_regions_changed(self) -> None:
        self._syncing = True
        intensities = self._selection.intensities
        for row in range(self.count()):
            item = self.item(row)
            region = item.data(Qt.ItemDataRole.UserRole)
            on = region in self._selection.regions
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            name = item.data(NAME_ROLE)
            level = intensities.get(region)
            item.setText(f"{name} (pain {level}/10)" if on and level else name)
        self._syncing = False
