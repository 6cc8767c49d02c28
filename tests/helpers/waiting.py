"""Waiting for what another process or thread does, instead of sleeping for a fixed time."""

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(condition: Callable[[], T], timeout: float, message: str, every: float = 0.2) -> T:
    """Call ``condition`` until it returns something true, and return that.

    Fails the test with ``message`` (what was awaited) once ``timeout`` seconds have passed;
    an exception that ``condition`` raises ends the wait at once.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {message}")
        time.sleep(every)
