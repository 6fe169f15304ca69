"""What git would ignore: `.gitignore` files from the repository root down, and `.git/info/exclude`.

A walk leaves out what the site's own repository leaves out (a generated label, a vendored folder), as ruff and
markdownlint-cli2 do. Each `.gitignore` speaks for paths below its folder; a deeper file's decision wins, and a
`!pattern` re-includes, as in git.
"""

from __future__ import annotations

import os


class GitIgnore:
    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        self._specs: dict[str, object | None] = {}

    def _spec(self, directory: str):
        if directory not in self._specs:
            lines: list[str] = []
            sources = [os.path.join(directory, ".gitignore")]
            if directory == self.root:
                sources.insert(0, os.path.join(directory, ".git", "info", "exclude"))
            for source in sources:
                lines += _lines(source)
            if lines:
                import pathspec  # only a tree with ignore files pays for it

                self._specs[directory] = pathspec.GitIgnoreSpec.from_lines(lines)
            else:
                self._specs[directory] = None
        return self._specs[directory]

    def speaks_for(self, folder: str) -> bool:
        """Could an ignore file leave out a file directly in ``folder``? False when none stands on the way from
        the root to it: a walk then asks nothing of that folder's files."""
        rel = os.path.relpath(os.path.abspath(folder), self.root)
        if rel.startswith(".."):
            return False
        directory = self.root
        if self._spec(directory) is not None:
            return True
        for part in [] if rel == "." else rel.split(os.sep):
            directory = os.path.join(directory, part)
            if self._spec(directory) is not None:
                return True
        return False

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        """Is ``path`` (a file, or a folder when ``is_dir``) ignored? Paths outside the root never are."""
        path = os.path.abspath(path)
        rel = os.path.relpath(path, self.root)
        if rel == "." or rel.startswith(".."):
            return False
        parts = rel.split(os.sep)
        decision = False
        directory = self.root
        for depth in range(len(parts)):
            spec = self._spec(directory)
            if spec is not None:
                below = "/".join(parts[depth:]) + ("/" if is_dir else "")
                result = spec.check_file(below)
                if result.include is not None:
                    decision = result.include
            directory = os.path.join(directory, parts[depth])
        return decision


def _lines(path: str) -> list[str]:
    from ..files import read_text

    try:
        return read_text(path, errors="replace").splitlines()
    except OSError:
        return []
