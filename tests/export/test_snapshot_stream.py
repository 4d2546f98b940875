"""The snapshot is streamed row by row, with bounded memory, and counted before it is written (issue 6, item 6)."""

import io
import json
import tracemalloc

import numpy as np
import pytest

from explorer.engine import Session
from explorer.export import SnapshotTooLarge, check_snapshot_size, snapshot_dict, snapshot_text, write_snapshot
from explorer.export.snapshot import count_numbers, estimate_bytes
from explorer.model import model_from_dict
from explorer.model.examples import toy_model


def numbers_in(document) -> int:
    """How many numbers the arrays of a parsed snapshot hold (the loss and the step excluded)."""

    def count(value) -> int:
        if isinstance(value, list):
            return sum(count(v) for v in value)
        return 1 if isinstance(value, float | int) and not isinstance(value, bool) else 0

    total = sum(count(n.get("value")) for n in document["model"]["nodes"])
    total += sum(count(e["value"]) + count(e["grad"]) for e in document["nodes"].values())
    total += sum(count(j["value"]) for entries in document["jacobians"].values() for j in entries.values())
    return total


@pytest.mark.parametrize("position", [0, 3, 6, 11])
def test_count_numbers_counts_what_is_written(position):
    session = Session(toy_model())
    before = count_numbers(session, position)  # at step 0, nothing computed yet
    session.seek(position)
    assert before == count_numbers(session) == numbers_in(json.loads(snapshot_text(session)))


def test_the_streamed_arrays_are_the_sessions_bit_for_bit():
    session = Session(toy_model())
    session.seek(9)
    document = snapshot_dict(session)
    for node in session.model.order:
        for key, array in (("value", session.value(node)), ("grad", session.grad(node))):
            written = document["nodes"][node][key]
            if array is None:
                assert written is None
            else:
                np.testing.assert_array_equal(np.array(written), array, err_msg=f"{node} {key}")
    np.testing.assert_array_equal(np.array(document["jacobians"]["Yhat"]["W3"]["value"]), session.jacobian("Yhat", "W3"))


def _wide_session(n: int) -> Session:
    rng = np.random.default_rng(0)
    nodes = [
        {"id": "X", "op": "input", "value": rng.normal(size=(n, n)).tolist()},
        {"id": "W", "op": "param", "shape": [n, n], "init": {"kind": "normal", "std": 0.1, "seed": 1}},
        {"id": "H", "op": "linear", "inputs": {"x": "X", "w": "W"}},
        {"id": "Y", "op": "target", "value": np.zeros((n, n)).tolist()},
        {"id": "L", "op": "half_sse", "inputs": {"pred": "H", "target": "Y"}},
    ]
    session = Session(model_from_dict({"format": "jacobian-explorer/model", "version": 1, "nodes": nodes}))
    session.run()
    return session


def test_writing_a_snapshot_holds_no_copy_of_it_in_memory():
    n = 384  # 147,456 numbers an array; the snapshot holds 11 such arrays and L's Jacobians (2 more)
    session = _wide_session(n)
    array_bytes = n * n * 8
    written = [0]

    class Counter(io.RawIOBase):
        def write(self, data):
            written[0] += len(data)
            return len(data)

    tracemalloc.start()
    try:
        write_snapshot(session, Counter())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert written[0] > 13 * n * n * 15  # the text really is that large: ~20 bytes a number
    # the snapshot as Python lists would be ~52 array_bytes and its text ~35; one list of one array ~4
    assert peak < 4 * array_bytes, (peak, array_bytes)


def test_a_limit_is_enforced_while_streaming():
    session = Session(toy_model())
    session.run()
    with pytest.raises(SnapshotTooLarge, match="grew past 1,000 bytes"):
        write_snapshot(session, io.BytesIO(), limit=1_000)


@pytest.mark.parametrize("position", [0, 6, 11])
def test_the_estimate_is_close_to_the_written_size(position):
    session = Session(toy_model())
    estimate = estimate_bytes(session, position)
    session.seek(position)
    actual = len(snapshot_text(session).encode())
    assert 0.7 * actual < estimate < 1.3 * actual


def test_the_estimate_of_a_wide_model_is_close():
    session = _wide_session(64)
    estimate = estimate_bytes(session, session.total)
    actual = len(snapshot_text(session).encode())
    assert 0.8 * actual < estimate < 1.2 * actual


def test_the_size_check_refuses_before_computing(monkeypatch):
    import explorer.export.snapshot as snapshot

    session = Session(toy_model())
    monkeypatch.setattr(snapshot, "MAX_SNAPSHOT_BYTES", 500)
    monkeypatch.setattr(Session, "jacobian", lambda *a: pytest.fail("computed a Jacobian"))
    with pytest.raises(SnapshotTooLarge, match="94 numbers"):
        check_snapshot_size(session, 0)
    assert session.position == 0  # nothing stepped either
