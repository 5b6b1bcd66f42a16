"""Publish: country profiles in which every sentence traces back to a source passage."""
