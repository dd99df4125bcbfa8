# email (fr)
