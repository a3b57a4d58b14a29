"""The web page: server-rendered pages for people, on the same use cases as the JSON API."""
