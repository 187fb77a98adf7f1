-- A verdict has two times: when it was recorded (the event's `at`, or for
-- an event appended since the journal, its operation's time) and the day it
-- took effect. They differ when a checker records today a ruling made on
-- an earlier day (`claims mark --on DATE`), or a claim file carries one.
-- NULL means the day it was recorded. `report --as-of` reads the day it
-- took effect; `report --as-known-on` the time it was recorded.
--
-- A verdict cannot take effect after it was recorded (that would be a
-- prediction), and the day must be a real calendar day: date(x, '+0 days')
-- normalises '2005-02-30' to '2005-03-02' (and gives NULL for what is no
-- date), so only a real day equals it.
ALTER TABLE status_events ADD COLUMN effective_on TEXT
    CHECK (effective_on IS NULL OR (date(effective_on, '+0 days') IS effective_on AND effective_on <= substr(at, 1, 10)));
