# review (de)
