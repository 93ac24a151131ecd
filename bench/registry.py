"""The benchmark registry: ``run.py`` and each ``bench_<topic>.py`` register with ``@benchmark``."""

BENCHMARKS = {}


def benchmark(func):
    """Register ``func(env)``: it runs in the vanilla and in our database alike."""
    BENCHMARKS[func.__name__] = func
    return func


SETUPS = []


def setup(func):
    """Register ``func(env)``: it prepares extra data in each database before the
    benchmarks run, once (it must detect that its data is already there), committed."""
    SETUPS.append(func)
    return func
