"""Pelican glue: a Generator writing the period archive pages as Pelican's would (same template,
same context: ``period``, ``period_num``, ``articles``, ``dates``, ``all_articles``), and the periods
before and after each (``older_period``, ``newer_period``: the previous and next day with dispatches).

Settings: ``PERIOD_ARCHIVE_SAVE_AS`` ``{"year": ..., "month": ..., "day": ...}`` (a granularity
left out or empty gets no pages) with Pelican's ``YEAR_ARCHIVE_URL``, ``MONTH_ARCHIVE_URL`` and
``DAY_ARCHIVE_URL``; Pelican's own ``*_ARCHIVE_SAVE_AS`` must stay empty (or the pages would be
written twice). The periods go into the context as ``period_archive_pages``.
"""

from __future__ import annotations

from pelican.generators import Generator

from digest.settings import setting

from .periods import periods

URL_SETTINGS = {"year": "YEAR_ARCHIVE_URL", "month": "MONTH_ARCHIVE_URL", "day": "DAY_ARCHIVE_URL"}


class PeriodArchivesGenerator(Generator):
    def generate_context(self):
        save_as = setting(self.settings, "PERIOD_ARCHIVE_SAVE_AS") or {}
        urls = {granularity: self.settings[name] for granularity, name in URL_SETTINGS.items()}
        self.periods = periods(self.context.get("dates", []), self.context.get("articles", []), save_as, urls)
        self.context["period_archive_pages"] = self.periods

    def generate_output(self, writer):
        if not self.periods:
            return
        template = self.get_template("period_archives")
        articles = self.context.get("articles", [])
        for period in self.periods:
            context = self.context.copy()
            context["period"] = period.period
            context["period_num"] = period.period_num
            context["older_period"], context["newer_period"] = period.older, period.newer
            writer.write_file(
                period.save_as,
                template,
                context,
                articles=period.articles,
                dates=period.dates,
                template_name="period_archives",
                blog=True,
                url=period.url,
                all_articles=articles,
                relative_urls=self.settings["RELATIVE_URLS"],
            )


def get_generators(pelican):
    return PeriodArchivesGenerator
