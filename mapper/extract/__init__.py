"""Reports to claims: sentences, toponyms, figures, dates, sides, claimants."""
