"""Map a function over many items on worker processes, yielding the results in the items' order.

Items go out in small batches and at most a few batches per worker are in flight, so a corpus streams
through: neither its documents nor their results are all held at once. The same ordered window serves
the dask engine (graph/dask_engine.py), whose futures also have `.result()`.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import Executor
from contextlib import contextmanager, nullcontext
from itertools import islice
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

BATCH = 8  # documents per task: enough to make the round trip cheap, few enough to balance the workers
IN_FLIGHT = 4  # batches per worker queued ahead, so no worker waits for the next one


class _Future(Protocol):
    def result(self): ...


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def apply(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Run fn on every item of a batch (on a worker)."""
    return [fn(item) for item in chunk]


def ordered_window(submit: Callable[[list[T]], _Future], items: Iterable[T], window: int,
                   batch: int = BATCH) -> Iterator[R]:
    """Submit batches of items, keeping `window` in flight, and yield their results in order."""
    pending: deque[_Future] = deque()
    for chunk in batched(items, batch):
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int = 1,
                initializer: Callable[[], None] | None = None, pool: Executor | None = None) -> Iterator[R]:
    """Yield fn(item) for every item, in order, computed by `workers` processes (in this one when 1).

    `fn` and `initializer` must be importable module-level functions; the initializer runs once in each
    worker, e.g. to load dictionaries before the first item rather than inside the first timed batch.
    A `pool` from `started_pool` is used as it is (and left open); otherwise one is made for the call.
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    with nullcontext(pool) if pool is not None else started_pool(workers, initializer) as running:
        yield from ordered_window(lambda chunk: running.submit(apply, fn, chunk), items, workers * IN_FLIGHT)


@contextmanager
def started_pool(workers: int, initializer: Callable[[], None] | None = None) -> Iterator[Executor]:
    """Start `workers` processes now, each running `initializer`, so that they load while the caller goes
    on (a cold build scans its corpus meanwhile); shut them down when the block ends."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # spawn, not fork: the parent may run threads (progress bar, dask) that a forked child would inherit mid-lock
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=initializer) as pool:
        for _ in range(workers):  # the executor starts a process per task submitted while none is idle
            pool.submit(int)
        yield pool
