"""One module per command; each exposes `add_arguments(parser)` and `main(args) -> int`."""
