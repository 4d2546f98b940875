"""Size limits the model enforces, so that a file cannot exhaust memory.

They are generous for teaching (the lecture's network is a few dozen numbers)
and still let the benchmark chains (width 1024, batch 1024) load.
"""

from __future__ import annotations

#: Largest length of any one dimension (a layer's width or a batch).
MAX_DIM = 4096
#: Largest batch (columns of the input).
MAX_BATCH = 4096
#: Largest number of elements over all parameters together.
MAX_PARAM_ELEMENTS = 20_000_000
#: Largest number of nodes in one graph.
MAX_NODES = 500
#: Longest node id.
MAX_ID_LENGTH = 64
#: Largest model file, in bytes.
MAX_FILE_BYTES = 512 * 1024 * 1024
#: Longest node label (display text).
MAX_LABEL_LENGTH = 200
#: Longest model name.
MAX_NAME_LENGTH = 200
#: Largest distance of a node's canvas position from the origin, on each axis.
MAX_POS = 100_000.0
