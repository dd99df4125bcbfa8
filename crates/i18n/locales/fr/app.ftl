# app (fr)
search = Rechercher
