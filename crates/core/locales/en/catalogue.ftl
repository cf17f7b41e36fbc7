# The built-in catalogue in English is its own file (crates/core/catalogue); this
# file is empty on purpose, and the other languages translate the catalogue.
