"""A folder of articles: parsing pages, boilerplate, folder rules, listings, filters."""
