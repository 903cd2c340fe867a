"""Which data file a run reads when none is named, and the name its cached copies go by.

Plain strings, and nothing imported beyond os: the completion fast path
(cli/instant_completion.py) uses this before anything else is imported.
"""

import os

BUNDLED_FILE_NAME = "ml_engineer.toml"
DATA_ENV_VAR = "MLCAREER_DATA"
PACKAGE_FOLDER = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def bundled_data_file() -> str:
    """The bundled data: inside the package when installed from a wheel, in data/ in a checkout."""
    installed = os.path.join(PACKAGE_FOLDER, "_data", BUNDLED_FILE_NAME)
    if os.path.isfile(installed):
        return installed
    return os.path.join(os.path.dirname(PACKAGE_FOLDER), "data", BUNDLED_FILE_NAME)


def default_data_file() -> str:
    """The data file when the command line names none: $MLCAREER_DATA, else the bundled one."""
    # The environment cannot hold a NUL byte, so whatever is set is a usable name.
    return os.environ.get(DATA_ENV_VAR) or bundled_data_file()


def entry_name(data_file: str | os.PathLike[str]) -> str:
    """The name (without suffix) of what the cache keeps for `data_file`: the same however the file is named."""
    from ml_career.dataset.digest import blake2b

    where = os.path.realpath(data_file).encode("utf-8", "surrogateescape")
    return str(blake2b(where, digest_size=16).hexdigest())
