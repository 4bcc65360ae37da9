"""dossier.names, one rule per row: what ends a name, pronouns and the gender they carry, what a
word beside a name says of its bearer's gender, which names are full names."""

from __future__ import annotations

import pytest

from dossier.names import person_names


@pytest.mark.parametrize("words, k, ends", [
    (["Martin", "Luther", "King", "Jr."], 2, True),  # a title word right before a suffix is the surname
    (["Martin", "Luther", "King", "Jr."], 3, True),
    (["Pope", "Leo", "XIV", "said"], 2, True),  # a regnal number
    (["King", "Charles", "said"], 0, False),
    (["Malcolm", "X", "spoke"], 1, False),  # never a lone letter
    (["Donald", "Trump", "Jr", "said"], 2, True),
    (["Donald", "Trump", "said"], 1, False),
])
def test_what_ends_a_name(words, k, ends):
    assert person_names().ends_name(words, k) is ends
