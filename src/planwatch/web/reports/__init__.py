"""The Reports page: evaluation reports of a stored plan, previewed and downloaded, with the
narrative sections planners write stored per plan and report kind."""
