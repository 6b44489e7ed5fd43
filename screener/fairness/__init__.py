"""Fair and accountable screening: blind review (redaction), adverse-impact report, hash-chained decision log,
candidate explanations, retention and erasure."""
