"""The customer page: one customer's details, meters with their reading history as a small
chart, onboarding progress, work orders and documents, opened from the Customers list.

Loaded through `Op` (services.customer_view, one read transaction); Esc or "Back" returns to
the list (the `back` signal), Enter on a work order opens nothing yet (the work-order page has
the forms); every text is Vietnamese first (catalogue `friction_*.ts`, context CustomerDetail).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from fieldkit.services import customer_view
from fieldkit.services.customer_view import CustomerView, MeterHistory
from fieldkit.services.session import Session
from fieldkit.ui.charts import BarChart
from fieldkit.ui.documents_view import DocumentsPanel
from fieldkit.ui.labels import (
    KINDS,
    STATES,
    format_date,
    format_decimal,
    format_number,
    label,
    problem_text,
)
from fieldkit.ui.ops import Op
from fieldkit.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QCoreApplication,
    QEvent,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSizePolicy,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from fieldkit.ui.table_sizing import fit_columns

STEPS = {
    "household": QT_TRANSLATE_NOOP("CustomerDetail", "Household"),
    "new_supply": QT_TRANSLATE_NOOP("CustomerDetail", "New supply request"),
    "app_install": QT_TRANSLATE_NOOP("CustomerDetail", "App shown"),
    "app": QT_TRANSLATE_NOOP("CustomerDetail", "App account"),
    "payment": QT_TRANSLATE_NOOP("CustomerDetail", "Payment method"),
    "bill": QT_TRANSLATE_NOOP("CustomerDetail", "Bill and QR"),
    "contract": QT_TRANSLATE_NOOP("CustomerDetail", "E-contract"),
    "sheet": QT_TRANSLATE_NOOP("CustomerDetail", "Household sheet"),
}
DOCUMENTS = {
    "install_record": QT_TRANSLATE_NOOP("CustomerDetail", "Meter install record"),
    "contract": QT_TRANSLATE_NOOP("CustomerDetail", "Signed e-contract"),
    "household_sheet": QT_TRANSLATE_NOOP("CustomerDetail", "Household sheet"),
}


def consumption_bars(history: MeterHistory) -> list[tuple[str, float]]:
    """kWh between consecutive readings, labelled with the later reading's date."""
    bars: list[tuple[str, float]] = []
    previous: Decimal | None = None
    for when, index, _source in history.readings:
        if index is not None and previous is not None:
            bars.append((format_date(when), float(index - previous)))
        if index is not None:
            previous = index
    return bars[-6:]


class CustomerDetail(QWidget):
    back = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CustomerDetail")
        self.session = session
        self.view: CustomerView | None = None
        self.customer_id = ""
        self.back_button = QPushButton(objectName="CustomerBack")
        self.back_button.clicked.connect(self.back.emit)
        self.title = QLabel(objectName="PageTitle")
        self.title.setWordWrap(True)
        self.message = QLabel(objectName="CustomerMessage")
        self.message.setWordWrap(True)
        self.message.hide()  # shown while loading or when the customer cannot be read (no empty gap)

        self.details_box = QGroupBox()
        self.details = QFormLayout(self.details_box)
        self.code, self.phone, self.address, self.households, self.onboarding = (QLabel() for _ in range(5))
        for lab in (self.address, self.onboarding):
            lab.setWordWrap(True)
        self.detail_labels = [QLabel() for _ in range(5)]
        for name_label, value in zip(self.detail_labels, (self.code, self.phone, self.address, self.households,
                                                          self.onboarding), strict=True):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(name_label, value)

        self.meters_box = QGroupBox()
        self.meters_layout = QVBoxLayout(self.meters_box)
        self.no_meter = QLabel()
        self.meters_layout.addWidget(self.no_meter)
        self.meter_widgets: list[QWidget] = []

        self.orders_box = QGroupBox()
        self.orders = QTableWidget(0, 4, objectName="CustomerWorkOrders")
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders.verticalHeader().setVisible(False)
        self.orders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.no_orders = QLabel(objectName="Muted")
        self.no_orders.setWordWrap(True)
        orders_layout = QVBoxLayout(self.orders_box)
        orders_layout.addWidget(self.no_orders)
        orders_layout.addWidget(self.orders)

        self.documents_box = QGroupBox()
        self.documents = QListWidget(objectName="CustomerDocuments")
        documents_layout = QVBoxLayout(self.documents_box)
        documents_layout.addWidget(self.documents)
        self.document_panel = DocumentsPanel()  # open / print / make again each document (documents_view)
        self.document_panel.heading.hide()
        documents_layout.addWidget(self.document_panel)

        # Two rows of two: what the user came for (who, and the meters with their history chart) on
        # top, side by side, so the chart is in view without scrolling on a 1280x720 laptop at 125 %
        # (1024x576 logical px; stacked in one column it started below the fold); work orders and
        # documents below. Each column gets half the width; the page scrolls (this scroll area, not
        # the main window's) only when a customer has more than fits.
        body = QWidget(objectName="CustomerBody")
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.details_box, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.meters_box, 0, 1)
        grid.addWidget(self.orders_box, 1, 0)
        grid.addWidget(self.documents_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        self.meters_layout.addStretch(1)
        self.orders.setMinimumHeight(120)
        scroll = QScrollArea(objectName="CustomerScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        # its height is what the window gives it: without this the main window's page scroll area
        # asked for the whole body's height (height-for-width of the wrapped labels) and showed a
        # second scroll bar beside this one
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.scroll_area = scroll

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.message)
        lay.addWidget(scroll, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Back), self, activated=self.back.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    # -- loading -------------------------------------------------------------
    def load(self, customer_id: str, name: str = "") -> None:
        self.customer_id = customer_id
        self.view = None
        self.title.setText(name)
        self._say(self.tr("Loading…"))
        for w in self.meter_widgets:
            w.deleteLater()
        self.meter_widgets = []
        self.orders.setRowCount(0)
        self.documents.clear()
        for empty in (self.no_meter, self.no_orders):  # not "no meter" while it is still being read
            empty.hide()
        session = self.session
        self.document_panel.show_customer(session, customer_id)
        Op(self, lambda: customer_view.customer_view(session, customer_id)).success(self._show) \
            .failure(lambda e: self._say(problem_text(e))).run_in_background()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show(self, view: CustomerView) -> None:
        if view.customer.id != self.customer_id:
            return  # a later customer was opened meanwhile
        self.view = view
        self._say("")
        self._fill()

    def _fill(self) -> None:
        view = self.view
        if view is None:
            return
        c = view.customer
        self.title.setText(c.name)
        self.code.setText(c.code)
        self.phone.setText(c.phone or "—")
        self.address.setText(c.address.one_line() or "—")
        self.households.setText(format_number(c.households))
        self.onboarding.setText(self._onboarding_text(view))
        self._fill_meters(view)
        self._fill_orders(view)
        self.documents.clear()
        for d in view.documents:
            what = QCoreApplication.translate("CustomerDetail", DOCUMENTS.get(d.kind, d.kind))
            self.documents.addItem(" — ".join(x for x in (format_date(d.at), what, d.subject) if x))
        if not view.documents:
            self.documents.addItem(self.tr("No documents yet."))

    def _onboarding_text(self, view: CustomerView) -> str:
        if not view.onboarding_path:
            return self.tr("Not started")
        done = len(view.onboarding_done)
        steps = ", ".join(QCoreApplication.translate("CustomerDetail", STEPS.get(s, s)) for s in view.onboarding_done)
        head = (self.tr("Finished") if view.onboarding_finished else
                self.tr("%1 of %2 steps").replace("%1", str(done)).replace("%2", str(len(view.onboarding_path))))
        return f"{head}{': ' + steps if steps else ''}"

    def _fill_meters(self, view: CustomerView) -> None:
        for w in self.meter_widgets:
            w.deleteLater()
        self.meter_widgets = []
        self.no_meter.setVisible(not view.meters)
        for h in view.meters:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 4, 0, 4)
            m = h.meter
            head = QLabel(f"<b>{escape(m.serial)}</b> · {escape(' '.join(x for x in (m.manufacturer, m.model) if x))}"
                          f" · {self.tr('%1 phase(s)').replace('%1', str(m.phases))}")
            head.setWordWrap(True)
            v.addWidget(head)
            last = next((r for r in reversed(h.readings) if r[1] is not None), None)
            if last is None:
                v.addWidget(QLabel(self.tr("No reading yet.")))
            else:
                last_label = QLabel(self.tr("Last reading: %1 kWh on %2").replace(
                    "%1", format_decimal(last[1])).replace("%2", format_date(last[0])))
                last_label.setWordWrap(True)  # in large mode at 125 % it set the column's minimum width
                v.addWidget(last_label)
                chart = BarChart()
                chart.setObjectName("CustomerHistory")
                chart.set_empty_text(self.tr("One reading only: no consumption yet."))
                chart.set_bars(consumption_bars(h))
                chart.setToolTip(self.tr("kWh used between readings"))
                v.addWidget(chart)
            self.meters_layout.insertWidget(self.meters_layout.count() - 1, box)  # above the stretch
            self.meter_widgets.append(box)

    def _fill_orders(self, view: CustomerView) -> None:
        self.no_orders.setVisible(not view.work_orders)
        self.orders.setVisible(bool(view.work_orders))
        self.orders.setRowCount(len(view.work_orders))
        for row, w in enumerate(view.work_orders):
            cells = (w.number, label(KINDS, w.kind), label(STATES, w.state), format_date(w.due))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if w.open:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.orders.setItem(row, col, item)
        # number, state and date whole (all four stretched cut the number and the date at 1280x720);
        # the kind takes what is left
        fit_columns(self.orders)
        self.orders.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    # -- texts ---------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Back to the list (Esc)"))
        self.details_box.setTitle(self.tr("Customer"))
        for lab, text in zip(self.detail_labels, (self.tr("Customer code"), self.tr("Phone"), self.tr("Address"),
                                                  self.tr("Households"), self.tr("Onboarding")), strict=True):
            lab.setText(text)
        self.meters_box.setTitle(self.tr("Meters and readings"))
        self.no_meter.setText(self.tr("No meter on this laptop for this customer."))
        self.orders_box.setTitle(self.tr("Work orders (open ones first, in bold)"))
        self.no_orders.setText(self.tr("No work order for this customer on this laptop."))
        self.orders.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Kind"), self.tr("State"),
                                               self.tr("Due date")])
        self.documents_box.setTitle(self.tr("Documents"))
        self._fill()
