"""Entity detection and resolution for the newsroom side: spaCy's French NER (the shipped
fine-tuned model) and the editorial file find the people, organisations and places of a dispatch
at ingest; the site-wide merge pass and the slug file give each one page and a stable URL.
Nothing here imports Pelican; the `entities` plugin builds the pages from what this decides."""
