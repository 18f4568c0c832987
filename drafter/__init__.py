"""drafter: drafts community-policing directives and COPS grant narratives as Word documents."""

__version__ = "0.1.0"
