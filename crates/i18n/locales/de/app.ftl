# app (de)
search = Suchen
