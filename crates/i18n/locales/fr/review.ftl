# review (fr)
