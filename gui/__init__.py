"""Hashiye's desktop window (PySide6) over hashiye.core."""
