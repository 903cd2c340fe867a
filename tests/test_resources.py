"""`mlcareer resources`: where to learn, what each offers, and its address."""

from __future__ import annotations

from ml_career.dataset.loading import load_career
from ml_career.queries.resources import resources_report
from tests.conftest import Invoke


def test_every_resource_the_sources_recommend() -> None:
    report = resources_report(load_career())
    assert [r.name for r in report.resources] == [
        "Google AI Blog",
        "DeepMind Blog",
        "OpenAI",
        "GitHub",
        "Kaggle",
        "TensorFlow Blog",
        "Skilldacity",
    ]
    kaggle = next(r for r in report.resources if r.id == "kaggle")
    assert kaggle.url == "https://www.kaggle.com/"
    assert "kernels (detailed code notebooks)" in kaggle.offers


def test_cli_marks_addresses_not_given_by_the_sources(cli: Invoke) -> None:
    result = cli("resources")
    assert result.exit_code == 0
    assert "https://blog.tensorflow.org/" in result.stdout
    assert "not given" in result.stdout
    assert "the articles name the sites but give no addresses" in result.stdout


def test_cli_json(cli: Invoke) -> None:
    document = cli("resources", "--json").json()
    assert isinstance(document, dict)
    assert document["resources"][-1] == {
        "id": "skilldacity",
        "name": "Skilldacity",
        "offers": (
            "Multiple certificates and even computer science courses with Skilldacity can help prepare you for "
            "an exciting career in Machine Learning. The Machine Learning specialization career path from "
            "Skilldacity is another excellent introduction to Machine Learning, in which you'll learn all you "
            "need to know about unsupervised learning."
        ),
        "url": None,
        "source": "001_995d3af200f6d066",
    }
