-- The customer's locale for emails (issue 16), as the site gave it when creating the account
-- (`de`, `fr-CH`); NULL: English.
ALTER TABLE accounts ADD COLUMN locale TEXT;
