-- Quotes anchored to the article's body snapshot, in the manner of W3C Web
-- Annotation's TextPositionSelector (start/end, Unicode code points,
-- end-exclusive) and TextQuoteSelector (the quote with a short prefix and
-- suffix), so that `claims verify` can tell whether a quote still stands in
-- the snapshot and re-find it if the position drifted.
ALTER TABLE claims ADD COLUMN quote_start INTEGER;
ALTER TABLE claims ADD COLUMN quote_end INTEGER;
ALTER TABLE claims ADD COLUMN quote_prefix TEXT;
ALTER TABLE claims ADD COLUMN quote_suffix TEXT;
