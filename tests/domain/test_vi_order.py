"""Vietnamese order (domain/text.vi_sort_key): the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
u ư v x y, tones secondary (none, huyền, hỏi, ngã, sắc, nặng), case last; code-point order gets it wrong."""

from __future__ import annotations

import random

from fieldkit.domain.text import vi_sort_key

ORDER = ["An", "Ăn", "Ân", "Bình", "Cường", "Dương", "Đặng", "Đinh", "Em", "Ênh", "Giang", "Hà", "Hạ", "Ích",
         "Khánh", "Lê", "Minh", "Ngô", "Nguyễn An", "Nguyễn Văn A", "Nguyễn Văn Ă", "Oanh", "Ôn", "Ơn",
         "Phạm", "Quang", "Rạng", "Sơn", "Tân", "Uông", "Ưng", "Vũ", "Xuân", "Yên"]


def test_dang_after_duong_and_the_whole_alphabet():
    assert vi_sort_key("Dương") < vi_sort_key("Đặng")
    shuffled = ORDER[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=vi_sort_key) == ORDER
    assert sorted(ORDER) != ORDER  # code-point order puts Đ, Ă, Ơ, Ư after Z


def test_tones_are_secondary_in_dictionary_order():
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(reversed(tones), key=vi_sort_key) == tones
    assert vi_sort_key("mạ") < vi_sort_key("mai")  # the letters decide first, the tone only on a tie
    assert sorted(["Mạ", "ma", "Ma"], key=vi_sort_key) == ["ma", "Ma", "Mạ"]


def test_same_text_in_any_unicode_form_or_spacing_sorts_the_same():
    import unicodedata
    name = "Nguyễn Thị Ưng"
    assert vi_sort_key(unicodedata.normalize("NFD", name)) == vi_sort_key(name)
    assert vi_sort_key("  Nguyễn   Thị Ưng ") == vi_sort_key(name)


def test_hostile_text_does_not_break_the_key():
    for text in ["", " ", "\u0301\u0301", "A\u0300\u0301\u0323", "🙂 Đà Nẵng", "123", "x" * 10_000, "ǅ ß İ"]:
        assert isinstance(vi_sort_key(text), tuple)
    assert vi_sort_key("2 Tân") < vi_sort_key("An")
