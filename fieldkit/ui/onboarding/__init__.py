"""Household onboarding screens (one step per screen) for `pages/onboarding_page.py`."""
