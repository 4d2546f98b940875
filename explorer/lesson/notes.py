"""What a reader of the lecture needs beside the program's pages: the symbols, the layouts, the slips.

- :func:`symbol_legend`: one line for each of ``⊗``, ``⊙``, ``diag``,
  ``[i = j]``, ``[x > 0]`` and ``einsum`` that a text uses, so a legend sits
  where the symbols appear;
- :data:`DEFINITIONS`: the lecture's four general derivatives (scalar or
  vector by vector or matrix), with ``n`` and ``m`` and the shapes the
  program gives them;
- :data:`READING_NOTES`: the lecture's ``(3×1×2)`` beside the program's
  ``2×1×3×2``, why ``∂L/∂Ŷ`` is written three ways, and the slips in the
  lecture's slides that the program silently writes correctly.

Every line is a :class:`~explorer.model.messages.Message`: the command line
prints its English, the window its translation.
"""

from __future__ import annotations

from explorer.model.messages import Message, define, message

define({
    "notes.otimes": "⊗: the Kronecker (tensor) product; Wᵀ ⊗ I_B repeats Wᵀ once per sample of a batch of B",
    "notes.odot": "⊙: the elementwise (Hadamard) product, element by element, no sum",
    "notes.diag": "diag(v): the square matrix with v on its diagonal and zeros elsewhere (an elementwise op's Jacobian)",
    "notes.iverson": "[i = j]: 1 when the condition holds, 0 otherwise (Iverson's bracket); [x > 0] likewise",
    "notes.einsum": "einsum(\"ib,ibkj->kj\"): multiply the factors entry by entry and sum over every index left out"
    " of the result (here i and b): a contraction",
    "notes.def_scalar_vector": "scalar by vector: y = f(X), X ∈ ℝⁿ → ∇_X y = ∂y/∂X, n numbers ∂y/∂xᵢ,"
    " shaped like X",
    "notes.def_scalar_matrix": "scalar by matrix: y = f(X), X ∈ ℝⁿˣᵐ → ∂y/∂X, n×m numbers ∂y/∂xᵢⱼ,"
    " shaped like X",
    "notes.def_vector_vector": "vector by vector: Y = f(X), f: ℝⁿ → ℝᵐ → the Jacobian J, m×n, row i ∇ᵀfᵢ,"
    " entry ∂yᵢ/∂xⱼ",
    "notes.def_vector_matrix": "vector by matrix: Y ∈ ℝᵐ, W ∈ ℝⁿˣᵏ → (∂y₁/∂W, …, ∂yₘ/∂W), m matrices of n×k:"
    " shape Y.shape + W.shape",
    "notes.layout": "The lecture writes ∂Ŷ/∂W as \"(3×1×2)\": a 3×2 matrix per output (the ×1 is the sample)"
    " listed for ŷ₁ and ŷ₂. The program puts the output first, Ŷ's shape 2×1 then W's 3×2: 2×1×3×2, the"
    " same 12 numbers, as torch.autograd.functional.jacobian and jax.jacobian order them",
    "notes.three_ways": "∂L/∂Ŷ appears three ways, one set of numbers: as the gradient (Ŷ − Y), 2×1, shaped"
    " like Ŷ (the backward pass's δ); as the loss's local Jacobian (Ŷ − Y)ᵀ, the same numbers as a 1×2 row"
    " (a scalar's Jacobian is one row ∇ᵀL); and in a table of factors with the shape 2×1, the Jacobian's"
    " shape by the rule shape(L) + shape(Ŷ) with the loss a scalar",
    "notes.typos": "The lecture's slips the program writes correctly: H₂ = W₂ᵀ(W₁ᵀX), where the slide has"
    " W₁ᵀ(W₁ᵀX₁); Ŷ = p(g(f(X))), where it has H₂ = p(g(X)); ∂L/∂ŷ₁, where it has L(θ)/∂ŷ₁ (no ∂ above);"
    " ∂L/∂ŷ₁ × h₂ for ∂L/∂w₂₁, where it has ∂v̂₁; ∂ŷ₁/∂w₁₂ in the first row of slide 8/8, where it has"
    " ∂ŷ₁/∂w₂₂; ∇ᵀfᵢ, the i-th component, where it has ∇ᵀf₁; scalar, where it has Scalor; L = Σ(Ŷ − Y)²"
    " on the composition slide, where the toy's loss is ½Σ(Ŷ − Y)² (the program's half_sse)",
})

#: symbol → its legend line, in the order a legend lists them
_SYMBOLS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("⊗",), "notes.otimes"),
    (("⊙",), "notes.odot"),
    (("diag(",), "notes.diag"),
    (("[i = j]", "> 0]"), "notes.iverson"),
    (("einsum",), "notes.einsum"),
)

#: The lecture's four general derivatives.
DEFINITIONS: tuple[Message, ...] = tuple(
    message(key)
    for key in ("notes.def_scalar_vector", "notes.def_scalar_matrix", "notes.def_vector_vector", "notes.def_vector_matrix")
)

#: Beside the lecture: its layout, ∂L/∂Ŷ's three forms, its slips.
READING_NOTES: tuple[Message, ...] = (message("notes.layout"), message("notes.three_ways"), message("notes.typos"))


def symbol_legend(text: str) -> tuple[Message, ...]:
    """A legend line for each symbol ``text`` uses, none for one it does not.

    >>> [m.key for m in symbol_legend("J = diag(σ ⊙ (1 − σ)); ∂ŷᵢ/∂w = [i = j] · h")]
    ['notes.odot', 'notes.diag', 'notes.iverson']
    >>> symbol_legend("∂L/∂W₃ = H₂ · δᵀ")
    ()
    """
    return tuple(message(key) for marks, key in _SYMBOLS if any(mark in text for mark in marks))
