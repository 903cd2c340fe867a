"""`mlcareer search`: ranked, highlighted, forgiving of case, plurals and typos."""

from __future__ import annotations

from ml_career.dataset.loading import load_career
from ml_career.queries.search import search, stem
from tests.conftest import Invoke


def test_exact_name_ranks_first_and_says_where_it_lives() -> None:
    hit = search(load_career(), "kaggle").hits[0]
    assert (hit.title, hit.section, hit.command) == ("Kaggle", "resource", "resources")


def test_case_plurals_and_typos_find_the_same_thing() -> None:
    career = load_career()
    for query in ["Kaggle", "KAGGLE", "kagle", "kaggel"]:
        assert search(career, query).hits[0].title == "Kaggle", query
    assert search(career, "internship").hits[0].command == "internships"
    hits = search(career, "internships").hits
    assert hits[0].command == "internships"
    # the role's route and the advanced-degree step speak of internships too
    assert {hit.command for hit in hits} == {"internships", "role", "education"}


def test_entries_matching_every_word_rank_above_partial_matches() -> None:
    hits = search(load_career(), "tensorflow serving").hits
    assert hits[0].title == "Deployment and Productionization"
    assert hits[0].score > hits[1].score


def test_match_spans_point_at_the_words() -> None:
    hit = search(load_career(), "pytorch").hits[0]
    assert [hit.text[a:b] for a, b in hit.text_matches] == ["PyTorch", "PyTorch"]


def test_stemming() -> None:
    assert stem("companies") == stem("company")
    assert stem("skills") == "skill"


def test_cli_no_match_exits_1_with_a_suggestion(cli: Invoke) -> None:
    result = cli("search", "tensorflw")
    assert result.exit_code == 0  # one typo is forgiven
    result = cli("search", "qwertyuiop")
    assert result.exit_code == 1
    assert "No match for 'qwertyuiop'. Try a shorter or more general word" in result.stdout
    result = cli("search", "salaryy", "--json")
    assert result.exit_code == 0
    result = cli("search", "kagglezz")
    assert result.exit_code == 1
    assert "Did you mean 'kaggle'?" in result.stdout


def test_cli_search_kaggle(cli: Invoke) -> None:
    result = cli("search", "kaggle")
    assert result.exit_code == 0
    assert "1 match for 'kaggle'" in result.stdout
    assert "resource, shown by: mlcareer resources" in result.stdout
    document = cli("search", "kaggle", "--json").json()
    assert isinstance(document, dict)
    assert document["hits"][0]["command"] == "resources"
    assert document["suggestions"] == []


def test_a_long_query_is_not_printed_back_whole(cli: Invoke) -> None:
    query = "qwzx " * 1000
    result = cli("search", query)
    assert result.exit_code == 1
    assert "No match for 'qwzx qwzx qwzx" in result.stdout
    assert "(and 4940 more characters)" in result.flat
    assert len(result.stdout) < 400


def test_every_hit_names_a_command_whose_output_shows_its_text(cli: Invoke) -> None:
    """Run the command each hit names: the hit's own title and every text part are in its view
    (with --sources, since the articles' full words are the views' detail)."""
    from tests.test_verbatim import SEARCHES
    from tests.test_view_parity import FIT_ANSWERS

    arguments = {"fit": ["fit", *[arg for answer in FIT_ANSWERS for arg in ("--answer", answer)]]}
    views: dict[str, str] = {}
    unseen = []
    for query in SEARCHES:
        document = cli("search", query, "--json").json()
        assert isinstance(document, dict) and document["hits"], query
        for hit in document["hits"]:
            command = hit["command"]
            if command not in views:
                shown = cli(*arguments.get(command, [command]), "--sources", env={"COLUMNS": "3000"})
                assert shown.exit_code == 0, shown.stderr
                views[command] = " ".join(shown.stdout.split())
            own_title = [hit["title"]] if hit["title"] != hit["section"] else []
            for text in [*own_title, *(part["text"] for part in hit["parts"])]:
                if " ".join(text.split()) not in views[command]:
                    unseen.append(f"{query!r} -> {command}: {text[:60]!r}")
    assert unseen == []
    assert {hit["command"] for hit in cli("search", "computational thinking", "--json").json()["hits"]} == {  # type: ignore[index]
        "education",
        "skills",
    }
