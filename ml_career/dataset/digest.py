"""The hash of the cache's names and keys, and of what the completion index was made from.

BLAKE2 from the interpreter's own module: hashlib would load OpenSSL, which costs
more start-up than hashing does, and BLAKE2 hashes about three times as fast as
the interpreter's own SHA-256. It is a module of its own because loading it costs
a TAB more than answering does: the completion fast path imports it only when a
file's stat facts no longer match the index's (cli/instant_completion.py).
"""

try:
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b as blake2b
