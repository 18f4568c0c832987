"""The clause library: loading, rendering in the sandbox, markup, lint, export."""
