"""Sub-commands of ``jacobian-explorer``, one module each: its parser and its run function."""
