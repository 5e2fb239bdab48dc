"""Topics: the key phrases each remark carries and who raised them. Pure Python, no Django."""
