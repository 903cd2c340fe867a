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
    assert kaggle.address is not None and kaggle.address.text == "https://www.kaggle.com/"
    assert kaggle.address.provenance.kind == "mlcareer"
    assert (
        kaggle.address.reason
        == "The article names Kaggle but gives no address; this is Kaggle's home page, added by mlcareer."
    )
    assert "kernels (detailed code notebooks)" in kaggle.offers


def test_cli_marks_addresses_not_given_by_the_sources(cli: Invoke) -> None:
    result = cli("resources", "--sources")
    assert result.exit_code == 0
    assert "https://blog.tensorflow.org/" in result.stdout
    assert "not given" in result.stdout
    assert "https://www.kaggle.com/ [m" in result.stdout
    assert "mlcareer's reading, not the articles': The article names Kaggle but gives no address" in result.flat


def test_cli_json(cli: Invoke) -> None:
    document = cli("resources", "--json").json()
    assert isinstance(document, dict)
    kaggle = next(resource for resource in document["resources"] if resource["id"] == "kaggle")
    assert kaggle["address"] == {
        "text": "https://www.kaggle.com/",
        "reason": "The article names Kaggle but gives no address; this is Kaggle's home page, added by mlcareer.",
        "provenance": "mlcareer",
        "source": None,
    }
    assert kaggle["source"] == "000_8041139819ee8e8c" and kaggle["provenance"] == "article"


def test_the_publishers_own_courses_are_marked_as_its_promotion(cli: Invoke) -> None:
    document = cli("resources", "--json").json()
    assert isinstance(document, dict)
    skilldacity = next(resource for resource in document["resources"] if resource["id"] == "skilldacity")
    assert skilldacity["provenance"] == "mlcareer" and "advertisement" in skilldacity["reason"]
    assert skilldacity["offers"].startswith("Multiple certificates and even computer science courses with Skilldacity")
    assert skilldacity["source"] == "001_995d3af200f6d066"
    view = cli("resources", "--sources").flat
    assert "advertisement for its own Skilldacity courses" in view
    assert "article 001_995d3af200f6d066" in view  # the ad is still that article's words
