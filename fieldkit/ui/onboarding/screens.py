"""One screen per onboarding step. The page (`pages/onboarding_page.py`) owns navigation:
it shows a screen, calls `load(flow)` to fill it from the saved answers, and on Next calls
`save(flow)`, which returns the background job (a service call returning the new `Flow`)
or raises `ValidationError` for what the screen itself can check.

No SQL here: screens call `fieldkit.services.onboarding` (inside `Op`, through the page).
"""

from __future__ import annotations

from fieldkit.ui.onboarding.app_payment import AppInstallScreen, AppScreen, BillScreen, PaymentScreen
from fieldkit.ui.onboarding.base import Host, Job, Screen, step_title
from fieldkit.ui.onboarding.contract_sheet import ContractScreen, DoneScreen, SheetScreen
from fieldkit.ui.onboarding.household import HouseholdScreen, NewSupplyScreen

__all__ = ["SCREENS", "AppInstallScreen", "AppScreen", "BillScreen", "ContractScreen", "DoneScreen", "Host",
           "HouseholdScreen", "Job", "NewSupplyScreen", "PaymentScreen", "Screen", "SheetScreen", "step_title"]

SCREENS: tuple[type[Screen], ...] = (HouseholdScreen, NewSupplyScreen, AppInstallScreen, AppScreen, PaymentScreen,
                                     BillScreen, ContractScreen, SheetScreen, DoneScreen)
