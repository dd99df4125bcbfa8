# email (de)
