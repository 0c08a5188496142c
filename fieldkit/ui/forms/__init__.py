"""Qt rendering of fieldkit.forms: form view, signature pad, photo picker."""
