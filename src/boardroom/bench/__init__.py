"""Scale and speed: a generator of ten years of a council's boards, and the benchmark."""
