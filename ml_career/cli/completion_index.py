"""Every answer a completion request can get, listed once per data file.

The commands, their options and arguments come from the command line's own
definition, as Typer builds it; the values (levels, rungs, skills, tools,
statuses, formats...) from the completion sources (cli/completion.py) over the
data. The list is written beside the validated cache, keyed as
cli/instant_completion.py reads it. This module also holds the format the zsh
and fish scripts read (`answer_line`), so that Typer's answers and the index's
are one format.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from typing import Any

import typer

from ml_career.cli import instant_completion
from ml_career.cli.completion import SOURCES, Candidate
from ml_career.cli.typer_compat import autocompletion_of, completes_itself, is_argument
from ml_career.dataset import location
from ml_career.text_safety import printable

KEPT_INDEXES = 16


def answer_line(value: str, description: str | None) -> str:
    """A candidate as the zsh and fish scripts read it (bash reads the value alone)."""
    description = " ".join(printable(description or "").split())
    return f"{value}\t{description}" if description else value


def build(root: Any, career: Any) -> dict[str, list[str]]:
    """The index's blocks of records for the command group `root` over `career` (see
    instant_completion.CompletionIndex): the root's, each command's ("@name") and each source's ("$name")."""
    from ml_career.dataset.names import normalise

    ctx = typer.Context(root, info_name="mlcareer", resilient_parsing=True, **root.context_settings)
    blocks: dict[str, list[str]] = {instant_completion.ROOT_BLOCK: []}
    scopes: list[tuple[str, Any, Any]] = [("", root, ctx)]
    for name in root.list_commands(ctx):
        command = root.get_command(ctx, name)
        blocks[instant_completion.ROOT_BLOCK].append(
            _record("C", name, "0" if command.hidden else "1", answer_line(name, command.get_short_help_str()))
        )
        scopes.append((name, command, typer.Context(command, info_name=name, parent=ctx, resilient_parsing=True)))
    used: dict[str, list[Candidate]] = {}
    for scope, command, scope_ctx in scopes:
        records = blocks.setdefault("@" + scope if scope else instant_completion.ROOT_BLOCK, [])
        params = command.get_params(scope_ctx)
        last_argument = next((p for p in reversed(params) if is_argument(p)), None)
        for position, param in enumerate(params):
            source = _source_of(param, career, used)
            if is_argument(param):
                kind = "argument"
                # Words beyond the others all go to a last argument that takes any number (`progress NAME...`).
                multiple = param.nargs == -1 and param is last_argument
                exact = (param.nargs == 1 or multiple) and param.callback is None
            else:
                kind = "flag" if param.is_flag or param.count else "value"
                multiple = param.multiple
                exact = param.nargs == 1 and param.callback is None and not param.is_eager
            flags = [
                "1" if exact else "0",
                "1" if multiple else "0",
                "1" if getattr(param, "hidden", False) else "0",
            ]
            records.append(_record("P", kind, *flags, source))
            if kind != "argument":
                for option in [*param.opts, *param.secondary_opts]:
                    records.append(_record("N", str(position), answer_line(option, param.help)))
    for source, candidates in used.items():
        always = next(s.always for s in SOURCES.values() if s.name == source)
        records = blocks["$" + source] = []
        for candidate in candidates:
            names = (candidate.value, candidate.help, *candidate.names)
            keys = (
                "*" if always else " ".join(dict.fromkeys(key for name in names if name and (key := normalise(name))))
            )
            records.append(_record("V", keys, answer_line(candidate.value, candidate.help or None)))
    return blocks


def _source_of(param: Any, career: Any, used: dict[str, list[Candidate]]) -> str:
    """The name of the candidates `param` completes to: "" for none, "?" for what only Typer can answer."""
    function = autocompletion_of(param)
    if function is None:
        return "?" if completes_itself(param) else ""
    source = SOURCES.get(function)
    if source is None:
        return "?"
    if source.name not in used:
        used[source.name] = [c for c in source.candidates(career if source.reads_data else None) if _answerable(c)]
    return source.name


def _answerable(candidate: Candidate) -> bool:
    # A value the shell would split or that a terminal would act on is left to Typer.
    return bool(candidate.value) and candidate.value.isprintable() and not any(c.isspace() for c in candidate.value)


def _record(kind: str, *fields: str) -> str:
    record = "\t".join((kind, *fields))
    if "\n" in record or not record.replace("\t", " ").isprintable():
        raise ValueError(f"an unprintable completion record: {record!r}")
    return record


def store_for_default_data(app: typer.Typer) -> None:
    """Make and keep the index of `app` for the data file used when none is named; silently, whatever happens."""
    with contextlib.suppress(Exception, KeyboardInterrupt):
        store(location.default_data_file(), app)


def store(data_file: str, app: typer.Typer) -> None:
    """Make and keep the index of `app` for `data_file`, the file used when none is named."""
    from ml_career.atomic import write_atomically
    from ml_career.dataset.loading import load_career

    # The files are recorded before and after the index is made, and must be the same. Making it
    # may load modules not loaded before, which the second record then adds: made again, with
    # every module it needs loaded, the two records agree unless a file really changed meanwhile.
    for _ in range(2):
        before = _tracked(data_file)
        if before is None:
            return
        blocks = build(typer.main.get_command(app), load_career(None))
        after = _tracked(data_file)
        if after == before:
            break
    else:
        return  # a file changed while the index was made: the next request makes it again
    target = Path(instant_completion.index_file(data_file))
    # Not durable: a lost index is made again, and a torn one fails its checks.
    write_atomically(target, layout(before, blocks), durable=False)
    _prune(target.parent)


def layout(tracked: list[list[str]], blocks: dict[str, list[str]]) -> bytes:
    """The index file (instant_completion.read_index reads it): its head, a blank line, then the blocks."""
    head = ["\t".join(fields) for fields in tracked]
    body = bytearray()
    for name, records in blocks.items():
        block = "".join(record + "\n" for record in records).encode("utf-8")
        head.append(f"{name}\t{len(body)}:{len(block)}\t{instant_completion.checksum(block)}")
        body += block
    checked = "\n".join(head).encode("utf-8", "surrogateescape")
    first = f"{instant_completion.INDEX_FORMAT}\n{sys.version.replace(chr(10), ' ')}\n"
    return f"{first}{instant_completion.checksum(checked)}\n".encode() + checked + b"\n\n" + bytes(body)


def _tracked(data_file: str) -> list[list[str]] | None:
    """The kinds, names, stat facts and content digests of the files the index is made from; None if unreadable.

    Facts too recent to tell a later change apart (instant_completion.RACY_NS) are
    recorded as untrusted, so that the file's content is compared on every request.
    """
    kinds, paths, recorded, digests = [], [], [], []
    for kind, path in tracked_files(data_file):
        if any(character in path for character in "\t\n"):
            return None  # a name the index's lines cannot hold: Typer answers every request
        try:
            status = os.stat(path)
        except OSError:
            return None
        digest = instant_completion.content_digest(kind, path)
        if digest is None:
            return None
        recent = time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) < instant_completion.RACY_NS
        kinds.append(kind)
        paths.append(path)
        recorded.append(instant_completion.UNTRUSTED if recent else instant_completion.facts(status))
        digests.append(digest)
    return [kinds, paths, recorded, digests]


def tracked_files(data_file: str) -> list[tuple[str, str]]:
    """(kind, path) of every file an index for `data_file` is made from: the data file, Typer's module (if
    there is one), the package's folder, then its folders and the modules of it that this run has loaded.

    A module that was never loaded cannot have shaped the index; a new one could only
    take effect through a loaded one, or by its name in a folder, whose list is kept.
    """
    package = instant_completion.__name__.partition(".")[0]
    loaded = {name for name in list(sys.modules) if name == package or name.startswith(package + ".")}
    typer_module = instant_completion.typer_module()
    typer = [(instant_completion.TYPER, typer_module)] if typer_module else []
    found = [
        (instant_completion.DATA, os.path.abspath(data_file)),
        *typer,
        (instant_completion.FOLDER, location.PACKAGE_FOLDER),
    ]
    pending = [location.PACKAGE_FOLDER]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                kind = instant_completion.tracked_entry(entry)
                if kind == instant_completion.MODULE:
                    relative = os.path.relpath(entry.path, location.PACKAGE_FOLDER)[: -len(".py")]
                    name = ".".join([package, *relative.split(os.sep)]).removesuffix(".__init__")
                    if name not in loaded:
                        continue
                if kind is not None:
                    found.append((kind, entry.path))
                if kind == instant_completion.FOLDER:
                    pending.append(entry.path)
    return found


def _prune(folder: Path) -> None:
    """Keep the KEPT_INDEXES newest indexes, as the validated cache keeps its newest entries.

    Only files mlcareer wrote, by name and first line: the folder may be shared.
    """
    found = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(instant_completion.INDEX_SUFFIX) and _is_an_index(entry.path):
                with contextlib.suppress(OSError):
                    found.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
    found.sort(reverse=True)
    for _, path in found[KEPT_INDEXES:]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _is_an_index(path: str) -> bool:
    """Whether the file at `path` is a completion index, of this format or an earlier one."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        return os.read(descriptor, len(_INDEX_FAMILY)) == _INDEX_FAMILY
    except OSError:
        return False
    finally:
        os.close(descriptor)


_INDEX_FAMILY = instant_completion.INDEX_FORMAT.rpartition(" ")[0].encode()  # "mlcareer completion index"
