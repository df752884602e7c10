"""The synthetic seminar generator that tests and benchmarks use (not shipped with the application)."""
