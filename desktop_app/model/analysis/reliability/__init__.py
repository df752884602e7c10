"""Agreement between coders: Krippendorff's alpha, its bootstrap interval, and the units it is computed on."""
