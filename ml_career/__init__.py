"""mlcareer: the Machine Learning Engineer career advisor for the terminal."""
