"""A mouse selection snaps to whole words: Persian words with ZWNJ stay whole, punctuation stays out."""

from hashiye.core.text.sentences import whole_words


def test_half_words_at_both_ends_become_whole_words() -> None:
    text = "سازمان‌های مردم‌نهاد، در تهران."
    start, end = text.index("های"), text.index("هاد") + 1
    s, e = whole_words(text, start, end)
    assert text[s:e] == "سازمان‌های مردم‌نهاد"  # the comma after it is not taken


def test_spaces_at_the_ends_are_dropped_and_a_gap_alone_is_left_as_it_is() -> None:
    text = "یک دو سه"
    assert text[slice(*whole_words(text, 2, 6))] == "دو"  # " دو " from a space to a space
    assert text[slice(*whole_words(text, 4, 7))] == "دو سه"  # half of each
    assert whole_words(text, 2, 3) == (2, 3)
