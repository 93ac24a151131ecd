"""The benchmark registry: ``run.py`` and each ``bench_<topic>.py`` register with ``@benchmark``."""

BENCHMARKS = {}


def benchmark(func):
    """Register ``func(env)``: it runs in the vanilla and in our database alike."""
    BENCHMARKS[func.__name__] = func
    return func
