"""The benchmark's Qt figures: each module runs as a child process of ``python -m boardroom.bench``
and drives the real widgets, models and window on the benchmark database."""
