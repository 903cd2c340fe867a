"""`python -m ml_career` runs the same command line as `mlcareer`."""

from ml_career.entry import run

if __name__ == "__main__":
    run()
