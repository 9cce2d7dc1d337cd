"""Helpers shared by test modules across stages (data seeding, throwaway databases, snapshots)."""
