"""The one error type that bad model input raises."""

from __future__ import annotations

from explorer.model.quote import shown


class ModelError(ValueError):
    """A model that cannot be loaded, built or edited.

    The message is one line meant for a person: it names the node (when there
    is one) and the problem, e.g. ``node 'W2': shape (3, 2) does not match
    H1 (4, 1)``. The node's id is quoted escaped and shortened
    (:func:`~explorer.model.quote.shown`), so the message stays one line.

    Parameters
    ----------
    message
        What is wrong.
    node
        The id of the node at fault, or ``None`` when the problem is the file
        or the graph as a whole.
    """

    def __init__(self, message: str, node: str | None = None) -> None:
        self.node = node
        self.problem = message
        super().__init__(f"node {shown(node)}: {message}" if node is not None else message)
