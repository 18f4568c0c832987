"""Inserting a directive into a decree (`drafter insert`): plan the numbers, splice with
docxcompose, number the inserted paragraphs the decree's way, move every reference."""
