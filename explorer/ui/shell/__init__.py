"""The application and its main window: actions, menus, toolbars, dialogs, settings, keys and file drops.

The top of the house: it may import every room.
"""
