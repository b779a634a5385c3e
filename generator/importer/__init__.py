"""Create entry files: from a pasted Hugging Face papers page, or for one new paper."""
