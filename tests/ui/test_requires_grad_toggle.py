"""Data gets no gradient unless asked: the inspector's requires_grad toggle, an undoable command."""

from PySide6.QtCore import Qt

from explorer.ui.document import edits as commands


def test_the_toggle_brings_back_dl_dx_and_undo_takes_it_away(window, qtbot):
    c = window.controller
    inspector = window.inspector
    assert c.session.total == 11  # the bundled toy: X and Y marked "requires_grad": false
    c.select("W1")
    assert not inspector.grad_check.isVisible()  # a parameter always has its gradient
    c.select("X")
    assert inspector.grad_check.isVisible()
    assert not inspector.grad_check.isChecked()
    qtbot.mouseClick(inspector.grad_check, Qt.MouseButton.LeftButton)
    assert c.model.requires_grad("X")
    assert c.session.total == 12  # one backward step more: ∂L/∂X
    assert c.session.plan[-1].node == "X"
    assert inspector.grad_check.isChecked()
    assert window.statusBar().currentMessage().startswith("Compute ∂L/∂X")
    c.session.run()
    assert c.session.grad("X") is not None
    c.undo_stack.undo()
    assert not c.model.requires_grad("X")
    assert c.session.total == 11
    assert not inspector.grad_check.isChecked()


def test_file_new_marks_its_data_false(window):
    window.files.new()
    model = window.controller.model
    data = [n for n in model.leaves if model.op(n) in ("input", "target")]
    assert data
    assert all(model.spec(n).requires_grad is False for n in data)


def test_the_command_refuses_a_parameter_with_one_line(window):
    c = window.controller
    errors = []
    c.error_raised.connect(errors.append)
    assert not commands.set_requires_grad(c, "W1", True)
    assert len(errors) == 1
    assert str(errors[0]) == "Compute ∂L/∂W₁ refused: W₁: requires_grad is only for input and target nodes, not param"
