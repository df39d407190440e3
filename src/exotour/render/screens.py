"""Where every screen's renderable used to live, kept as one place to import them from.

Each is drawn by the module of its kind: notes, sections, the learn screen, the contents. They
are returned, never printed, and never read files; content strings always become `Text` (or
Markdown), never markup, so a bracket in content cannot turn into a style.
"""

from __future__ import annotations

from exotour.render.contents import contents_table as contents_table
from exotour.render.contents import welcome_screen as welcome_screen
from exotour.render.learn import closing_screen as closing_screen
from exotour.render.learn import learn_screen as learn_screen
from exotour.render.learn import too_small_screen as too_small_screen
from exotour.render.notes import EVIDENCE_STYLE as EVIDENCE_STYLE
from exotour.render.notes import evidence_note as evidence_note
from exotour.render.notes import plain_evidence_note as plain_evidence_note
from exotour.render.sections import ADDED_STYLE as ADDED_STYLE
from exotour.render.sections import plain_section as plain_section
from exotour.render.sections import plain_tour as plain_tour
from exotour.render.sections import section_blocks as section_blocks
from exotour.render.sections import section_panel as section_panel
