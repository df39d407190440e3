"""The interactive walkthrough: keys and signals, pages, the key loop and its overlays."""
