"""The one error type that bad model input raises."""

from __future__ import annotations

from explorer.model.messages import Message, define, message
from explorer.model.quote import shown

define({
    "model.text": "{text}",
    "model.at_node": "node {node}: {problem}",
})


class ModelError(ValueError):
    """A model that cannot be loaded, built or edited.

    The message is one line meant for a person: it names the node (when there
    is one) and the problem, e.g. ``node 'W2': shape (3, 2) does not match
    H1 (4, 1)``. The node's id is quoted escaped and shortened
    (:func:`~explorer.model.quote.shown`), so the message stays one line.

    Parameters
    ----------
    reason
        What is wrong: a :class:`~explorer.model.messages.Message`, or a
        plain English string (kept as it is in every language).
    node
        The id of the node at fault, or ``None`` when the problem is the file
        or the graph as a whole.

    Attributes
    ----------
    reason
        The problem as a message, without the node.
    problem
        The same in English.
    message
        The whole line as a message (``node 'W2': …`` when there is a node);
        ``str(error)`` is it in English.
    """

    def __init__(self, reason: Message | str, node: str | None = None) -> None:
        self.node = node
        self.reason = reason if isinstance(reason, Message) else message("model.text", text=reason)
        self.problem = str(self.reason)
        self.message = self.reason if node is None else message("model.at_node", node=shown(node), problem=self.reason)
        super().__init__(str(self.message))
