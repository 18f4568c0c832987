"""WordprocessingML: one module per Word feature, each opening with the part of the spec it
implements. Nothing outside this package touches python-docx or lxml objects."""
