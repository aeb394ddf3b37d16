"""Accounts: who may see and change what (roles arrive with issue 5)."""
