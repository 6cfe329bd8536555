"""What infoview writes for a person to send: the thank-you note's words.

- ``voice``: the student's notes ("pick a program you can schedule on your days off") in
  the writer's voice ("... I can schedule on my days off"), sorted into advice,
  statements, questions and quotations so a note can frame each naturally.
- ``lexicon``: the word lists ``voice`` judges by (data, not code).
- ``repeats``: the phrases of three or more words a text says twice.
- ``note``: the note itself: greeting, opening, takeaway, follow-through and closing,
  choosing among alternative wordings so no phrase repeats, for a card or an email.
- ``names``: greetings from a name ("Dr. Ana Bell-Núñez, PhD" -> "Dr. Bell-Núñez").

Pure functions of values: no files, no clock, no WeasyPrint.
"""
