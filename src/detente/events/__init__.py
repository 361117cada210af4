"""Event coding: trigger lexicon, modality (status), and the sentence coder built on them."""
