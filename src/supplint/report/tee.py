"""One run, several reports: `--also-output sarif=supplint.sarif` beside the main format (the GitHub Action prints
annotations and writes SARIF from the same run, so the two can never disagree)."""

from __future__ import annotations


class Tee:
    """Hands every finding, fact table and stack total to each reporter, in order."""

    def __init__(self, reporters: list) -> None:
        self.reporters = reporters
        self.wants_facts = any(r.wants_facts for r in reporters)
        self.facts_only = all(r.facts_only for r in reporters if r.wants_facts)

    def add_facts(self, facts) -> None:
        for reporter in self.reporters:
            if reporter.wants_facts:
                reporter.add_facts(facts)

    def add_stack(self, totals) -> None:
        for reporter in self.reporters:
            reporter.add_stack(totals)

    def add_stack_file(self, path: str, stack) -> None:
        for reporter in self.reporters:
            if reporter.wants_facts:
                reporter.add_stack_file(path, stack)

    def add(self, findings, path: str | None = None, fail_on: str | None = None) -> None:
        for reporter in self.reporters:
            reporter.add(findings, path, fail_on)

    def close(self, checked: int) -> None:
        for reporter in self.reporters:
            reporter.close(checked)


def parse(value: str, formats: tuple[str, ...]) -> tuple[str, str]:
    """`FORMAT=PATH` → (format, path); ValueError with the reason."""
    name, sep, path = value.partition("=")
    if not sep or not path.strip():
        raise ValueError(f"--also-output takes FORMAT=PATH (e.g. sarif=supplint.sarif), not '{value}'")
    if name not in formats:
        raise ValueError(f"--also-output: unknown format '{name}' (one of {', '.join(formats)})")
    return name, path
