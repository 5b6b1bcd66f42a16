"""The one error every reader raises for input it cannot take."""


class IngestError(Exception):
    """Bad input: the message names the file and the reason in one line."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
