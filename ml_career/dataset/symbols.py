"""Symbols that are part of a name, spelled out so that names stay apart when folded.

Folding a name drops its punctuation ("Scikit-Learn" is "scikit-learn"), which
would make C, C++ and C# one name. These symbols are read as words instead, as
people say them: C++ folds to "cplusplus" (its item is tool.cplusplus), C# to
"csharp". No imports: the completion fast path reads this too.
"""

SPELLED_OUT: tuple[tuple[str, str], ...] = (("+", "plus"), ("#", "sharp"))


def spelled_out(text: str) -> str:
    for symbol, word in SPELLED_OUT:
        text = text.replace(symbol, word)
    return text
