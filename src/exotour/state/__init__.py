"""The user's folders, the one atomic writer, and the reader's progress."""
