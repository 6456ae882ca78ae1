"""The comparison page, its downloads, public profiles and corridors over HTTP."""

import compare_support as cs
import pytest
from conftest import login


@pytest.fixture
def seeded(app, tmp_path):
    return cs.seed(app, tmp_path)


QUERY = "/comparisons?questionnaire=cmp&cycle=2026"


@pytest.fixture
def analyst(client, make_user, seeded):
    login(client, make_user(role="analyst", country=None))
    return client


def test_the_page_shows_every_view_with_charts_and_data_tables(analyst):
    response = analyst.get(QUERY + "&baseline=2019&peer=ETH&rank=rights")
    html = response.get_data(as_text=True)
    assert response.status_code == 200, html[:2000]
    for section in ("profiles", "distribution", "regions", "change", "ranking", "peers", "method"):
        assert f'id="{section}"' in html
    assert html.count("<svg") >= 3 and 'role="img"' in html and "<desc" in html
    assert "MGI does not rank countries" in html
    assert "/comparisons/export.pdf?" in html
