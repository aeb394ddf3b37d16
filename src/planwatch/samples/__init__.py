"""Plans and data shipped with planwatch; `luyuan` is the default plan."""
