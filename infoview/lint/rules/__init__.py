"""One module per lint rule; ``infoview.lint.registry`` lists them explicitly."""
