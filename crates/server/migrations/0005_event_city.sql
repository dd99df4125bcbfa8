-- The city of an event's IP (issue 16, point 3): the English name from the optional city
-- database, kept with the event so the feed shows it, and the sessions list through the session's
-- sign-in event. NULL when there is no city database or it does not know the address.
ALTER TABLE events ADD COLUMN city TEXT;
