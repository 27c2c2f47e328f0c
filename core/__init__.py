"""Hashiye's core library: articles, text model, annotations. Imports no Qt."""
