"""Work: annual key tasks and investment projects with their stage transitions."""
