"""HTTP plumbing shared by pages and open data: caching and middleware."""
