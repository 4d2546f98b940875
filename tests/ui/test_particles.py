"""Korean particles chosen from the word before them, read as a Korean reader says it."""

import pytest

from explorer.ui.text.i18n import install_translator, remove_translators, translate
from explorer.ui.text.particles import with_particles


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("∂L/∂W₃을(를) 줌", "∂L/∂W₃을 줌"),  # 삼
        ("∂L/∂W₂을(를) 줌", "∂L/∂W₂를 줌"),  # 이
        ("∂L/∂W₁을(를) 줌", "∂L/∂W₁을 줌"),  # 일
        ("W을(를)", "W를"),  # 더블유
        ("L은(는)", "L은"),  # 엘
        ("X이(가)", "X가"),  # 엑스
        ("Ŷ이(가)", "Ŷ이"),  # 와이 햇
        ("δ와(과)", "δ와"),  # 델타
        ("∇은(는)", "∇는"),  # 나블라
        ("x²이(가)", "x²이"),  # 제곱
        ("10(으)로", "10으로"),  # 십
        ("7(으)로", "7로"),  # 칠: ㄹ takes 로
        ("0.25(으)로", "0.25로"),  # 오
        ("1,000,000을(를)", "1,000,000을"),  # 백만
        ("toy.json을(를)", "toy.json을"),  # 제이슨
        ("층을(를)", "층을"),
        ("모델을(를)", "모델을"),
        ("파일(으)로", "파일로"),  # ㄹ
        ("나무(으)로", "나무로"),
        ("H₂ (3×1)이(가)", "H₂ (3×1)이"),  # the number in the brackets: 일
        ("<b>W₃</b>을(를)", "<b>W₃</b>을"),  # rich text: the word before the markup
        ("☺을(를)", "☺을(를)"),  # no telling: both forms stay
        ("no pair here (really)", "no pair here (really)"),
    ],
)
def test_the_particle_follows_the_word_before(written, read):
    assert with_particles(written) == read


def test_a_translated_template_chooses_its_particle_once_filled(qapp):
    install_translator("ko", qapp)
    try:
        gives = translate("Inspector", "gives {name}")
        assert "을(를)" in gives  # the catalogue writes both forms
        assert gives.format(name="∂L/∂W₃") == "∂L/∂W₃을 줌"
        assert gives.format(name="∂L/∂W₂") == "∂L/∂W₂를 줌"
    finally:
        remove_translators(qapp)
