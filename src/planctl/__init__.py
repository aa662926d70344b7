"""planctl: a planning calculator that checks the figures of poverty-alleviation plans."""

__version__ = "0.1.0"
