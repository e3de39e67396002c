"""Names of numbered congresses: Roman numeral, ordinal word and ordinal."""
from __future__ import annotations

_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_WORDS = ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
          "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth",
          "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth"]


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ordinal_names(number: int, body: str) -> list[str]:
    """['XV Congress', 'Fifteenth Congress', '15th Congress'] and the like."""
    noun = {"congress": "Congress", "conference": "Conference",
            "comintern": "Comintern Congress"}[body]
    names = [f"{roman(number)} {noun}", f"{ordinal(number)} {noun}"]
    if number < len(_WORDS):
        names.insert(1, f"{_WORDS[number]} {noun}")
    return names
