"""Map ingest and extraction over a dask.distributed cluster (the optional extra `bangfu[dask]`).

Extraction is a pure function of one document, so the work ships as (path, id, bytes) and comes back as
small results; workers need bangfu installed but not the corpus. The results come back in corpus order and
are merged by the same loop as a local build, so the outputs are byte-identical.
"""
from __future__ import annotations

from contextlib import ExitStack
from itertools import chain
from typing import Callable, Iterable, Iterator, TypeVar

from .errors import BangfuError, MissingDependencyError
from .parallel import IN_FLIGHT, apply, ordered_window

T = TypeVar("T")
R = TypeVar("R")
_NONE = object()


def _distributed():
    try:
        import distributed
    except ImportError:
        raise MissingDependencyError("--engine dask needs dask.distributed: pip install 'bangfu[dask]'") from None
    return distributed


def dask_map(fn: Callable[[T], R], items: Iterable[T], scheduler: str | None = None, workers: int = 2,
             connect_timeout: float = 10) -> Iterator[R]:
    """Yield fn(item) for every item, in order, computed on the cluster at `scheduler` (an address such as
    tcp://10.0.0.5:8786), or on a local cluster of `workers` processes when no address is given."""
    distributed = _distributed()
    items = iter(items)
    first = next(items, _NONE)
    if first is _NONE:
        return  # nothing to extract (all cached): start no cluster
    items = chain([first], items)
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(distributed.Client(scheduler, timeout=connect_timeout))
            except (OSError, TimeoutError) as err:
                raise BangfuError(f"cannot reach the dask scheduler at {scheduler} ({err}); start one with "
                                     "`dask scheduler` or leave out --scheduler for a local cluster") from None
        else:
            # one thread per worker: extraction holds the GIL, so threads would only queue behind each other
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=":0"))
            client = stack.enter_context(distributed.Client(cluster))
        slots = max(sum(client.nthreads().values()), 1)
        yield from ordered_window(lambda chunk: client.submit(apply, fn, chunk, pure=False), items,
                                  slots * IN_FLIGHT)
