"""Turning scraped article text into archive records: boilerplate cleaning and date finding."""
