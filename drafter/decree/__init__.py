"""Reading a host decree: its caption, sections, numbered paragraphs, defined terms, typed
references and REF fields (`drafter inspect`), so a directive can be drafted to fit it and
inserted into it (`drafter.amend`)."""
