# cli (fr)
