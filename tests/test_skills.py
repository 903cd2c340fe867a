"""`mlcareer skills`: the groups, and the tools and frameworks the sources name."""

from __future__ import annotations

from ml_career.dataset.loading import load_career
from ml_career.queries.skills import skills_report
from tests.conftest import Invoke


def test_every_group_with_its_skills() -> None:
    report = skills_report(load_career())
    groups = {group.id: [skill.name for skill in group.skills] for group in report.groups}
    assert groups["useful"] == [
        "Programming Skills",
        "Data Manipulation and Analysis",
        "Statistics and Probability",
        "Cloud Computing",
        "Deep Learning",
    ]
    assert len(groups["learned"]) == 10
    assert groups["employer-expectations"] == ["Software Engineering Skills", "Data Skills", "Mathematical Skills"]
    assert groups["specialties"] == [
        "Natural Language Processing (NLP)",
        "Computer Vision",
        "Reinforcement Learning",
        "Robotics",
        "Data Science",
    ]


def test_tools_are_those_the_sources_name() -> None:
    learned = skills_report(load_career(), "learned").groups[0]
    tools = {skill.id: skill.tools for skill in learned.skills}
    assert tools["programming-languages"] == ["Python", "R", "Julia"]
    assert tools["deep-learning"] == ["TensorFlow", "PyTorch", "Keras", "CNNs", "RNNs", "transformers"]
    assert tools["data-visualization"] == ["Matplotlib", "Seaborn", "Plotly"]
    assert tools["deployment"] == ["Docker", "AWS", "Azure", "Google Cloud", "TensorFlow Serving", "Flask"]


def test_cli_category_by_prefix_and_case(cli: Invoke) -> None:
    result = cli("skills", "--category", "Employer")
    assert result.exit_code == 0
    assert "Skills employers expect" in result.stdout
    assert "Python, R, Java" in result.stdout
    assert "Useful skills to have" not in result.stdout


def test_cli_json(cli: Invoke) -> None:
    document = cli("skills", "--json").json()
    assert isinstance(document, dict)
    assert [group["id"] for group in document["groups"]] == [
        "useful",
        "learned",
        "employer-expectations",
        "soft-skills",
        "specialties",
        "lead-skills",
    ]


def test_cli_unknown_category(cli: Invoke) -> None:
    result = cli("skills", "--category", "specialtys")
    assert result.exit_code == 2
    assert "Did you mean 'specialties'" in result.stderr
    assert "Valid categories: useful, learned, employer-expectations, soft-skills, specialties" in result.stderr
