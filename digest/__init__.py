"""The newsroom side of the digest: what happens to a dispatch before and after Pelican.

dispatch (content/dispatches/*.txt) -> ``dispatch`` parses it -> ``headline`` derives a title ->
``ingest`` writes content/articles/**.md (entities found by the ``entities`` plugin's finder) ->
Pelican and the plugins build the site -> ``site`` swaps it into output/ and indexes it for search.
"""
