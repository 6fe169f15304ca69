"""The shapes behind the real pages' batch 12 gaps (tests/data/pages README, "Batch 12"), each class with a near miss
on the other side. Pages go through `supplint.check_text`; findings are compared by code and line, never by message
text.
"""

from __future__ import annotations

import pytest

from conftest import finding_lines as page_lines
from conftest import post_lines as post

SHOP = """<html><body>
<p>Our immune supplement capsules hold vitamin C, zinc and elderberry in every capsule.</p>
<a href="{first}">Read More</a>
<p>Each bottle holds 60 capsules of the supplement.</p>
<a href="{second}">{words}</a>
</body></html>
"""


@pytest.mark.parametrize(
    ("first", "second", "words", "lines"),
    [
        ("#", "#", "Add to cart", [5]),  # a placeholder target goes nowhere: the buy button is the product link
        ("javascript:void(0)", "javascript:void(0)", "Add to cart", [5]),
        # near miss: a real target is still followed back to its first link (a lander's logo before its button)
        ("https://shop.example.com/lp1/", "https://shop.example.com/lp1/", "Try a Sample Today", [3]),
    ],
)
def test_a_placeholder_target_is_not_followed_back(first, second, words, lines):
    page = SHOP.format(first=first, second=second, words=words)
    assert page_lines(page, "shop.html", "SUP403") == lines


@pytest.mark.parametrize(
    ("url", "lines"),
    [
        ("{{ url('order') }}", [5]),  # a Laravel view's route to the order page, on an image
        ("/order", [5]),
        ("checkout.php", [5]),
        # near misses: pages of the same name that are no order page
        ("/blog/order-of-operations", []),
        ("/ordering-guide", []),
    ],
)
def test_a_link_to_the_sites_order_page_is_a_product_link(url, lines):
    page = SHOP.format(first="https://example.com/about", second=url, words='<img src="bottle.png" alt="">')
    assert page_lines(page, "shop.html", "SUP403") == lines


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("My blood sugars went from 202 to 120 soon after starting SugarMD supplements!", True),
        ("SugarMD supplements helped my blood sugar come down and helped my appetite.", True),
        ("Improves blood flow and reduces the risk of clots.", True),
        ("Medicinal applications of Guduchi in countering various disorders.", True),
        # near misses: a fall with no helper, a clot that is the body's function, a word that only contains "counter"
        ("Blood sugar comes down after a meal.", False),
        ("Vitamin K helps your blood clot normally.", False),
        ("Encountering various disorders is common in old age.", False),
    ],
)
def test_testimonials_clots_and_countering(sentence, claim):
    assert bool(post(sentence)) is claim


def test_a_hand_list_disease_named_as_the_remover_is_a_product_name():
    page = "<html><body>\n<h3>Piles Remover</h3>\n<p>It softens stool.</p>\n<h3>Stain Remover</h3>\n</body></html>\n"
    assert page_lines(page, "catalogue.html") == [2]  # the near miss "Stain Remover" names no disease
