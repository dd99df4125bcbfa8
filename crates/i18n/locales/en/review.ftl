# review (en)
