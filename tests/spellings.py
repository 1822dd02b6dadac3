"""Spellings several test modules share: one village in every script and transliteration."""

PLEKHOVO_SPELLINGS = ["Plekhovo", "Plyokhovo", "Pliekhovo", "Plehovo", "Plëkhovo", "Плёхово", "Плехово",
                      "PLEKHOVO", "plyokhovo"]
