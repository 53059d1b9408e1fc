"""The claim checker: find quantitative claims in news text and judge them against the data."""
