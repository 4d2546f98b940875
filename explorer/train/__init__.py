"""Training: full-batch gradient descent with a fused plan, one update seen step by step, the layers of a chain.

May import: numpy, :mod:`explorer.ops`, :mod:`explorer.model`, :mod:`explorer.engine`. Never Qt, never :mod:`explorer.lesson`.
"""
