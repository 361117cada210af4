"""Event coding: the trigger lexicon, modality cues, and the sentence coder's stages (see ``extract``)."""
