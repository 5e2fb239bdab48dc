"""The pure core: parsing, identity, permalinks and topic phrases. No Django import here
(tests/project/test_layout.py keeps it so)."""
