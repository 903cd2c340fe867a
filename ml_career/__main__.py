"""`python -m ml_career` runs the same command line as `mlcareer`."""

from ml_career.boundary import entry_point

if __name__ == "__main__":
    entry_point()
