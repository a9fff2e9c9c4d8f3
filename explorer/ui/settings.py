"""The one owner of QSettings. Tests pass a temporary file; bad values fall back to
defaults (a damaged settings file never stops the app from starting)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from explorer.paths import APP_NAME

ORGANISATION = "HipExplorer"
UNREADABLE = "\ufffd"  # what Qt reads in place of bytes that are not UTF-8
UNWRITABLE = ("The settings file {file} cannot be written (read-only): preferences and the "
              "window's layout last only until Hip Explorer closes.")


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 ORGANISATION, APP_NAME)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self.damaged = self._qs.status() != QSettings.Status.NoError or _garbled(
            Path(self._qs.fileName()))

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    @property
    def writable(self) -> bool:
        """False if changes cannot be saved (a read-only file or folder): they then last
        only until the app closes."""
        return self._qs.isWritable()

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self._qs.value(key, default)
        if kind is bool and isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        try:
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    def bytes(self, key: str) -> QByteArray:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    def set(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)

    def text(self, key: str, default: str = "") -> str:
        """The text saved at `key`; `default` for text that could not be read (a file
        saved by hand in another encoding: "Gen\ufffdve" would print in every header)."""
        value = self._qs.value(key, default)
        if isinstance(value, list):  # a comma typed into the file by hand: Qt splits there
            value = ", ".join(str(v) for v in value)
        text = default if value is None else str(value)
        return default if UNREADABLE in text else text

    def number(self, key: str, default: int = 0) -> int:
        return int(self._get(key, default, int))

    def flag(self, key: str, default: bool = False) -> bool:
        return bool(self._get(key, default, bool))

    def words(self, key: str) -> list[str]:
        value = self._qs.value(key, [])
        if isinstance(value, str):
            return [v for v in value.split(",") if v]
        if isinstance(value, list):
            return [str(v) for v in value]
        return []

    def sync(self) -> bool:
        """Write the changes to the file now; False if they could not be written."""
        self._qs.sync()
        return self._qs.status() == QSettings.Status.NoError


def _garbled(path: Path) -> bool:
    """Bytes that no settings file written by Qt holds (Qt reads past them without
    complaint, dropping what they spoil)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False  # not there yet (a first start) or unreadable: Qt's status says
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return b"\x00" in data
