"""Local stand-ins for platform APIs, served over HTTP on 127.0.0.1 for end-to-end tests."""
