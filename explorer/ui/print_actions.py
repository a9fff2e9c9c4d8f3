"""Print, print preview and PDF export from the window, shared by the main window and
the handout builder. Jobs come from explorer.report; this module only adds dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QGraphicsView,
    QMainWindow,
    QMessageBox,
    QStatusBar,
    QStyle,
    QToolBar,
    QWidget,
)

from explorer.files import exists
from explorer.model.queries import by_name
from explorer.report.documents import PrintJob, booklet_job, summary_job
from explorer.report.output import ExportError, default_page_size, print_with, write_pdf
from explorer.report.pages import DPI, Header, load_logo, page_layout, read_logo
from explorer.ui.dialogs import confirmed, fit_to_screen
from explorer.ui.status_bar import StatusBar

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow
    from explorer.ui.settings import Settings

# The preview opens about a page tall and at least as wide as its toolbar (or it hides
# Print behind an overflow button), never larger than the screen; the page fills its
# width, so the text is readable even on a short screen.
PREVIEW_WIDTH, PREVIEW_HEIGHT = 900, 1100

# What each File menu action does with the selected condition's summary.
SUMMARY_ACTIONS = {"Print": "print its summary", "Print preview": "preview its summary",
                   "Export PDF": "export its summary as a PDF"}


def page_size(settings: Settings) -> str:
    size = settings.text("print/page_size", "")
    return size if size in ("A4", "Letter") else default_page_size()


def header_for(job: PrintJob, settings: Settings) -> Header:
    return Header(job.title, clinic=settings.text("print/clinic"),
                  logo=load_logo(settings.text("print/logo")), side=job.side)


def logo_note(settings: Settings) -> str:
    """Why the logo chosen in Preferences is left out of what prints now (moved or
    deleted since), in a sentence; "" if it prints or none was chosen."""
    path = settings.text("print/logo")
    problem = read_logo(path).problem
    if not problem:
        return ""
    return (f"The logo {path} was left out ({problem[:1].lower()}{problem[1:]}); choose "
            "it again in Edit > Preferences.")


def make_printer(settings: Settings, job: PrintJob, suggested: str = "") -> QPrinter:
    """A printer for `job`. With no printer installed, the Print dialog's only choice is
    Print to File: its file is then the one Export PDF would suggest, not the home folder
    (which the dialog refused: "/home/kim/ is a directory")."""
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setResolution(DPI)
    printer.setPageLayout(page_layout(page_size(settings)))
    printer.setDocName(job.title)
    if not QPrinterInfo.availablePrinterNames():
        printer.setOutputFileName(str(suggested_pdf(job, settings, suggested)))
    return printer


def suggested_pdf(job: PrintJob, settings: Settings, suggested: str = "") -> Path:
    """Where a PDF of `job` is first offered: the last folder saved in, and `suggested`
    or the job's title as a file name."""
    folder = settings.text("print/last_folder", str(Path.home()))
    name = suggested or job.title.lower().replace(" ", "-").replace(":", "")
    return Path(folder) / f"{name}.pdf"


def preview(parent: QWidget, job: PrintJob, settings: Settings,
            suggested: str = "") -> QPrintPreviewDialog:
    """Open the print preview without blocking; returns the dialog."""
    printer = make_printer(settings, job, suggested)
    dialog = QPrintPreviewDialog(printer, parent)
    # The dialog does not own the printer: keep it as long as the dialog, or Python frees
    # it when this function returns and the preview crashes the app a moment later.
    dialog.kept_printer = printer  # type: ignore[attr-defined]
    dialog.setWindowTitle(f"Print preview: {job.title}")
    # the preview's pages, and its Print button's printer after Qt's Print dialog
    dialog.paintRequested.connect(lambda p: print_or_say(dialog, p, job, settings))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    toolbar = dialog.findChild(QToolBar)
    toolbar_width = toolbar.sizeHint().width() if toolbar is not None else 0
    fit_to_screen(dialog, max(PREVIEW_WIDTH, toolbar_width), PREVIEW_HEIGHT)
    fit_width = dialog.findChild(QAction, "fitWidthAction")  # the toolbar's "Fit width"
    if fit_width is not None:
        fit_width.trigger()
    dialog.open()  # Escape closes it, as any dialog
    if toolbar is not None:  # (shown: its size hint is the one it is laid out with)
        _fit_toolbar(toolbar, dialog.width())
    _preview_keys(dialog)
    pages = dialog.findChild(QGraphicsView)  # the pages take the keyboard: PgDown scrolls
    if pages is not None:
        pages.setFocus()
    if note := logo_note(settings):
        show_status(parent, note)
    return dialog


def _fit_toolbar(toolbar: QToolBar, width: int) -> None:
    """On a small screen (a laptop at 300%) the toolbar is wider than the dialog, and Qt
    hides its last buttons, Print among them, behind a » button: smaller icons, and
    where even they do not fit, Print first."""
    if toolbar.sizeHint().width() <= width:
        return
    small = toolbar.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    toolbar.setIconSize(QSize(small, small))
    toolbar.layout().invalidate()  # (its size hint is kept until then)
    words = QCoreApplication.translate("QPrintPreviewDialog", "Print")
    printing = next((a for a in toolbar.actions() if a.text() == words), None)
    if toolbar.sizeHint().width() > width and printing is not None:
        toolbar.insertAction(toolbar.actions()[0], printing)  # moves it


# The preview's toolbar buttons take no keyboard focus: without keys of their own, Print,
# paging and zooming are out of the keyboard's reach. The keys are a PDF viewer's.
_Std = QKeySequence.StandardKey
PREVIEW_KEYS: dict[str, tuple[QKeySequence.StandardKey | str, ...]] = {
    "Print": (_Std.Print,),
    "Next page": ("Ctrl+PgDown",),
    "Previous page": ("Ctrl+PgUp",),
    "First page": ("Ctrl+Home",),
    "Last page": ("Ctrl+End",),
    "Zoom in": (_Std.ZoomIn, "Ctrl+="),  # Ctrl+= too: "+" needs Shift on most keyboards
    "Zoom out": (_Std.ZoomOut,),
    "Fit width": ("Ctrl+0",),
}


def _preview_keys(dialog: QPrintPreviewDialog) -> None:
    """Give the preview's toolbar buttons their PREVIEW_KEYS, each named in its tooltip.
    A key clicks the button, not its action: Qt zooms when the (repeating) zoom buttons
    are clicked, and not when their actions are triggered. Qt names the actions by their
    (translated) text only."""
    toolbar = dialog.findChild(QToolBar)
    if toolbar is None:
        return
    actions = {a.text(): a for a in toolbar.actions()}
    for name, keys in PREVIEW_KEYS.items():
        words = QCoreApplication.translate("QPrintPreviewDialog", name)
        action = actions.get(words)
        button = toolbar.widgetForAction(action) if action is not None else None
        if action is None or not isinstance(button, QAbstractButton):
            continue
        each = [QKeySequence(key) for key in keys]  # (made here: Qt must be running)
        for key in each:
            QShortcut(key, dialog, button.click)
        action.setToolTip(
            f"{words} ({each[0].toString(QKeySequence.SequenceFormat.NativeText)})")


STATUS_MS = 8000  # how long a status bar says what was saved


def print_job(parent: QWidget, job: PrintJob, settings: Settings,
              suggested: str = "") -> None:
    """Qt's Print dialog, then print what it chose (pages, order, copies: print_with)."""
    printer = make_printer(settings, job, suggested)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    if print_or_say(parent, printer, job, settings) and (note := logo_note(settings)):
        show_status(parent, note)


def print_or_say(parent: QWidget, printer: QPrinter, job: PrintJob,
                 settings: Settings) -> bool:
    """Print the job; if it cannot be (the printer went away after the Print dialog, or
    no page chosen there is in it), say so in words rather than as a crash."""
    try:
        print_with(printer, job, header_for(job, settings))
    except ExportError as exc:
        QMessageBox.warning(parent, "Print", f"Nothing was printed.\n\n{exc}")
        return False
    return True


def export_job(parent: QWidget, job: PrintJob, settings: Settings,
               suggested: str = "", title: str = "Export PDF") -> Path | None:
    """Ask for a file name and write the PDF; errors are shown, nothing is lost."""
    target = ask_save_path(parent, title, str(suggested_pdf(job, settings, suggested)),
                           "PDF files (*.pdf)", ".pdf")
    return write_job(parent, job, settings, target, title) if target else None


def ask_save_path(parent: QWidget, title: str, start: str, filters: str,
                  extension: str) -> Path | None:
    """A Save dialog's file name with `extension` added; None if cancelled. The dialog
    only asks before replacing the name as typed, so when the extension is added and
    that file exists, this asks; "No" goes back to the dialog."""
    while True:
        typed, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
        if not typed:
            return None
        path = with_extension(typed, extension)
        # a name too long to look up is not there: saving says it is too long, in words
        if path == Path(typed) or not exists(path) or confirmed(
                parent, title, f"“{path.name}” already exists in {path.parent}.\n\nReplace it?"):
            return path
        start = str(path)


def with_extension(path: str, extension: str) -> Path:
    """The file name typed in a Save dialog, with `extension` (".pdf") added unless it
    already ends with it in any case, so that the file shows under the dialog's filter."""
    return Path(path if path.lower().endswith(extension.lower()) else f"{path}{extension}")


def write_job(parent: QWidget, job: PrintJob, settings: Settings, target: Path,
              title: str = "Export PDF") -> Path | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pages = write_pdf(target, job, header_for(job, settings), page_size(settings),
                          author=settings.text("print/clinic"))
    except ExportError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, f"The PDF was not saved.\n\n{exc}")
        return None
    QGuiApplication.restoreOverrideCursor()
    settings.set("print/last_folder", str(target.parent))
    note = logo_note(settings)
    show_status(parent, " ".join(filter(None, (f"Saved {target} ({pages} pages).", note))),
                " ".join(filter(None, (f"Saved {target.name} ({pages} pages).", note))))
    return target


def show_status(parent: QWidget, message: str, shorter: str = "") -> None:
    """Say what was done in the status bar of `parent` (a window, or a dialog with one);
    `shorter` where the bar is too narrow for `message`."""
    bar = parent.statusBar() if isinstance(parent, QMainWindow) else parent.findChild(QStatusBar)
    if isinstance(bar, StatusBar):
        bar.say(message, STATUS_MS, shorter)
    elif bar is not None:
        bar.showMessage(message, STATUS_MS)


def current_summary(window: MainWindow, action: str) -> PrintJob | None:
    """The selected condition's summary for `action` (a key of SUMMARY_ACTIONS), or None
    after the window has said what to do."""
    condition = window.selected_condition(
        action, f"{SUMMARY_ACTIONS[action]}, or use File > Export booklet for all conditions")
    if condition is None:
        return None
    return summary_job(window.content, window.diagram.art, condition, window.selection.side)


def booklet(window: MainWindow) -> PrintJob:
    if window.selection.regions:  # the ranked list's order
        conditions = [window.content.conditions[c] for c in window.conditions.ids()]
    else:  # all of them, as `export --all` prints them
        conditions = by_name(window.content)
    return booklet_job(window.content, window.diagram.art, conditions, window.selection.side,
                       page_size(window.settings), regions=window.selection.regions)
