"""`python -m exotour` runs the same entry point as the `exotour` script."""

from exotour.entry import main

if __name__ == "__main__":
    main()
