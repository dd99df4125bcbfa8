# email (en)
