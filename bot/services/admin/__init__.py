"""The school's setup by its coordinator: groups, staff, coaches, study status."""
