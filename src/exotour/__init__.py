"""exotour: a guided tour of exosome therapy in the terminal."""

__version__ = "0.1.0"
