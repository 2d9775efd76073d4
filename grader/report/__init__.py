"""Report: feedback pages, score sheets, exports and plots, from the gradebook."""
