"""Errors rasd raises, each naming the thing that went wrong and where.

    RasdError
    ├── InputError      a file or article that cannot be read (names path and line)
    ├── ResourceError   a broken data file inside the package (names file and row)
    └── PipelineError   a stage that failed on an article (names stage and doc_id)

The command line prints ``str(error)`` on one line and exits with status 2.
"""

from __future__ import annotations


class RasdError(Exception):
    """Base class of every error rasd raises on purpose."""


class InputError(RasdError):
    """Input that cannot be read: an empty or binary file, bad JSON, a missing field."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ResourceError(RasdError):
    """A packaged data file that is missing or malformed."""


class PipelineError(RasdError):
    """A pipeline stage failed on one article."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on article {doc_id!r}: {cause!r}")
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause
