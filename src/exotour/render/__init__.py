"""Every Rich renderable and its plain-text form; nothing here reads files or keys."""
