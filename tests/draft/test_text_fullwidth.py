"""``perfxl.draft.text.to_ascii`` is ``str.translate(FULLWIDTH)``, done by replacing one character
after another (faster): this holds only while no replacement holds a replaced character."""
from __future__ import annotations

import random

from perfxl.draft.text import FULLWIDTH, to_ascii
from tests.draft.measure import SEED_IDS, seed_path


def test_no_replacement_is_replaced_again():
    keys = {chr(k) for k in FULLWIDTH}
    assert all(isinstance(v, str) and len(v) == 1 and v not in keys for v in FULLWIDTH.values())


def test_same_as_translate_on_the_seeds_and_random_text():
    keys = "".join(chr(k) for k in FULLWIDTH)
    texts = [seed_path(s).read_text("utf-8") for s in SEED_IDS]
    rnd = random.Random(0)
    alphabet = keys + "0123456789 .,%:;()!?-|\t\n经费支出万元"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60))) for _ in range(3000)]
    for t in texts:
        assert to_ascii(t) == t.translate(FULLWIDTH)
    assert to_ascii("２０２３年，支出１２．５％") == "2023年,支出12.5%"
