# labels
